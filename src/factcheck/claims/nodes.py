"""The nodes of the claim graph: what claims are about. Each kind is a read-only class (record.py)."""
from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import ClassVar

from .record import record


@record
class Node:
    """A node: its kind and the label an export shows."""
    kind: ClassVar[str]
    label: str

    def attrs(self) -> dict[str, object]:
        """Its attributes as an export writes them: `kind`, `label`, then its own, in declared order."""
        return {"kind": self.kind, **{f.name: getattr(self, f.name) for f in fields(self)}}


@record
class ArticleNode(Node):
    """The article; also stands for the publication date where a length of time ends "now"."""
    kind: ClassVar[str] = "article"
    published: str  # ISO date or ""
    lang: str


@record
class EntityNode(Node):
    """A named thing; gazetteer names are canonical (Rusia -> Russia), labelled with the first spelling."""
    kind: ClassVar[str] = "entity"
    entity_kind: str


@record
class PhraseNode(Node):
    """The words on one side of a figure or date: the subject of a statement made twice."""
    kind: ClassVar[str] = "phrase"


@record
class SentenceNode(Node):
    kind: ClassVar[str] = "sentence"
    words: frozenset[str]  # its content words (empty for a sentence that states no figure or date)
    names: frozenset[str]  # the words of its names
    change: bool  # whether a change word ("naik") is in it
    start: int  # where it lies in the text: its label shows only its first words
    end: int


@record
class EventNode(Node):
    """The clause around a time expression."""
    kind: ClassVar[str] = "event"


@record
class TimeNode(Node):
    """A day interval, as exported: ISO dates, "" for a date that cannot exist."""
    kind: ClassVar[str] = "time"
    lo: str
    hi: str
    grain: str

    def days(self) -> tuple[dt.date, dt.date] | None:
        """The days it covers; None for a date that does not exist (`31 November 1942`)."""
        return (dt.date.fromisoformat(self.lo), dt.date.fromisoformat(self.hi)) if self.lo else None


@record
class QuantityNode(Node):
    kind: ClassVar[str] = "quantity"
    value: float
    measure: str


@record
class DurationNode(Node):
    kind: ClassVar[str] = "duration"
    value: float
    unit: str
    form: str


@record
class RoleNode(Node):
    kind: ClassVar[str] = "role"


@record
class ChangeNode(Node):
    """A change stated with its endpoints."""
    kind: ClassVar[str] = "change"
    direction: int  # +1 or -1
    cue: str
    fraction: float  # "by half" = 0.5; 0.0 without one
    fraction_text: str


@record
class BreakdownNode(Node):
    """A total and its listed parts."""
    kind: ClassVar[str] = "breakdown"
    exhaustive: bool  # all of the total, or only some ("di antaranya")


@record
class RatioNode(Node):
    """A part of a whole with its stated share."""
    kind: ClassVar[str] = "ratio"


@record
class SharesNode(Node):
    """Percentages of one whole given to several names."""
    kind: ClassVar[str] = "shares"
    whole: str


@record
class ReferentNode(Node):
    """A person named by a noun with an age, and pointed back to with an age again."""
    kind: ClassVar[str] = "referent"
