"""Errors a user can act on: each message names the file and what to do."""


class FactcheckError(Exception):
    """Base class: the CLI prints the message and exits with status 2."""


class ConfigError(FactcheckError):
    """A rule, lexicon or configuration file is invalid."""


class InputError(FactcheckError):
    """An article cannot be read."""


class CheckCrash(FactcheckError):
    """An unexpected exception while checking one article: a bug, reported as that article's error."""

    def __init__(self, stage: str, exc: BaseException):
        self.stage = stage
        super().__init__(f"factcheck failed in {stage} ({type(exc).__name__}: {exc}). This is a bug in "
                         f"factcheck, not in the article: please report it with this article attached; "
                         f"the rest of the batch was checked")
