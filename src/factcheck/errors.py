"""Errors a user can act on: each message names the file and what to do."""


class FactcheckError(Exception):
    """Base class: the CLI prints the message and exits with status 2."""


class ConfigError(FactcheckError):
    """A rule, lexicon or configuration file is invalid."""


class InputError(FactcheckError):
    """An article cannot be read."""
