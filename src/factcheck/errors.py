"""Errors a user can act on: each message names the file and what to do. A message that mentions a
setting says `the <option> setting`; a front end names it its own way through `text(names)` (the CLI
by its flag, `--max-size`)."""
from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType

from .models import Problem, SourceRef, name_setting


class FactcheckError(Exception):
    """Base class: the CLI prints the message and exits with status 2."""

    def __init__(self, message: str, *, option: str | None = None):
        super().__init__(message)
        self.option = option  # the setting the message mentions, if any

    def text(self, names: Mapping[str, str] | None = None) -> str:
        """The message, the setting it mentions named as `names` says (a setting to a front end's words)."""
        return name_setting(str(self), self.option, names) if names and self.option else str(self)


class ConfigError(FactcheckError):
    """A rule, lexicon or configuration file is invalid."""


class InputError(FactcheckError):
    """An article cannot be read: its `problem` says what, where and what to do."""

    def __init__(self, name: str, message: str, *, code: str, hint: str | None = None,
                 option: str | None = None):
        """`name`: the file (or record) being read; `code`, `message`, `hint` and `option` as in Problem."""
        self.problem = Problem(code=code, message=message, source=SourceRef(file=name), hint=hint, option=option)
        super().__init__(self.problem.text(), option=option)

    def text(self, names: Mapping[str, str] | None = None) -> str:
        return self.problem.text(names)


class CheckCrash(FactcheckError):
    """An unexpected exception while checking one article: a bug, reported as that article's error."""

    def __init__(self, stage: str, exc: BaseException):
        self.stage = stage
        self.message = f"factcheck failed in {stage} ({type(exc).__name__}: {exc})"
        self.hint = ("This is a bug in factcheck, not in the article: please report it with this article attached; "
                     "the rest of the batch was checked")
        super().__init__(f"{self.message}. {self.hint}")


def problem_of(exc: FactcheckError, source: SourceRef) -> Problem:
    """What kept the article `source` from being checked, as `exc` says."""
    if isinstance(exc, InputError):
        return exc.problem.model_copy(update={"source": source})
    if isinstance(exc, CheckCrash):
        return Problem(code="check.crash", message=exc.message, source=source, hint=exc.hint)
    return Problem(code="config.invalid", message=str(exc), source=source, option=exc.option)


class stage:  # named as the function it was: `with stage("extraction"):`
    """Raises any unexpected exception inside as a `CheckCrash` of the named stage. A class, not a
    contextlib generator: an article passes through some 15 stages (one per rule), and this costs a
    fifth as much."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if isinstance(exc, Exception) and not isinstance(exc, FactcheckError):
            raise CheckCrash(self.name, exc) from exc  # a bug: reported as the article's error, so the batch goes on
