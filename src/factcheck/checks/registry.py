"""The check kinds: Python functions a rule file names by `check:`, with their parameter models."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, model_validator

# Parameters count words, characters or days: a larger one is a mistake (and a date moved by it
# leaves the calendar).
MAX_PARAM = 100_000


class Params(BaseModel):
    """Base of every check kind's parameters; unknown keys in a rule file are an error, and so is a
    number past MAX_PARAM either way."""
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _bounded(self) -> Params:
        for name, value in self:
            if isinstance(value, (int, float)) and not isinstance(value, bool) and not -MAX_PARAM <= value <= MAX_PARAM:
                raise ValueError(f"parameter '{name}' is out of range; "
                                 f"give a number from {-MAX_PARAM:,} to {MAX_PARAM:,}")
        return self


@dataclass
class Hit:
    """One inconsistency a check found: its evidence spans and the values its templates need."""
    evidence: list[tuple[int, int]]
    fields: dict[str, object]
    variants: list[str] = field(default_factory=list)  # keys of the rule's `variants`, applied in order
    in_quote: bool = False
    replacements: list[str] = field(default_factory=list)  # repairs of the first evidence span, best first


@dataclass(frozen=True)
class CheckKind:
    name: str
    params: type[Params]
    run: Callable[..., Iterable[Hit]]
    doc: str
    variants: tuple[str, ...] = ()
    # The names a hit's `fields` may hold, which rule templates may use; None: not declared, so only
    # the templates' syntax is checked when rules load.
    fields: tuple[str, ...] | None = None


CHECKS: dict[str, CheckKind] = {}
F = TypeVar("F", bound=Callable[..., Iterable[Hit]])
# Former names of check kinds, still accepted in rule files (a newsroom's own rules may use them).
ALIASES = {"date_order": "sequence", "date_conflict": "event_date_conflict", "quantity_conflict": "conflict"}


def resolve(name: str) -> str:
    """A check kind's current name, for a name a rule file gives."""
    return ALIASES.get(name, name)


def check(name: str, params: type[Params] = Params, variants: tuple[str, ...] = (),
          fields: tuple[str, ...] | None = None) -> Callable[[F], F]:
    """Registers a function as the check kind `name`, run with its parameters validated by `params`."""
    def register(fn: F) -> F:
        CHECKS[name] = CheckKind(name, params, fn, (fn.__doc__ or "").strip(), variants, fields)
        return fn
    return register
