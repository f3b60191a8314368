"""The edges of the claim graph. A claim is an edge with its evidence: what the text states, where.

Every claim holds the evidence fields (`start`, `end`, `text`, `segment`, `in_quote`) and, once, the
model object it reads (a figure its Quantity, a date its TimeExpr, a length its Duration); values such as
`lo` or `measure` are read from that object. An edge that states nothing is a Link (its kind alone) or,
when it carries words, a Restates or Subject edge. `attrs()` is the edge as an export writes it.
"""
from __future__ import annotations

from typing import ClassVar

from ..models import Duration, Modality, Quantity, TimeExpr
from .record import record
from .scope import Scope
from .words import name_words


@record
class Link:
    """An edge that states no claim: contains, participant, states (a sentence's dates), paraphrases, age."""
    kind: str

    def attrs(self) -> dict[str, object]:
        return {"kind": self.kind}


@record
class Restates:
    """phrase -> event: the words around the event's date, without a preposition such as "pada" (a date
    restated in the same words)."""
    kind: ClassVar[str] = "restates"
    left: str
    right: str
    cut: ClassVar[bool] = False  # its sentence's start is where its words start (see FigureClaim.cut)

    def attrs(self) -> dict[str, object]:
        return {"kind": self.kind, "left": self.left, "right": self.right}


@record
class Subject:
    """entity -> event: the subject of an event that happens once to it (`Biden lahir 20 November 1942`)."""
    kind: ClassVar[str] = "subject"
    once: str  # birth, founding or death

    def attrs(self) -> dict[str, object]:
        return {"kind": self.kind, "once": self.once}


@record
class Claim:
    """What every claim holds: the edge's kind, and its evidence."""
    claim: ClassVar[str]
    kind: str
    start: int
    end: int
    text: str
    segment: str  # the kind of segment it lies in (headline, body, ...)
    in_quote: bool

    def attrs(self) -> dict[str, object]:
        return {"kind": self.kind, "claim": self.claim, **self.own(), **self.evidence()}

    def own(self) -> dict[str, object]:
        """The attributes of its kind, as an export writes them between `claim` and the evidence."""
        return {}

    def evidence(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text, "segment": self.segment,
                "in_quote": self.in_quote}


class HoldsQuantity:
    """A claim of a figure: its values are read from its Quantity."""
    __slots__ = ()
    q: Quantity

    @property
    def measure(self) -> str:
        return self.q.measure

    @property
    def value(self) -> float:
        return self.q.value

    @property
    def lo(self) -> float:
        return self.q.lo

    @property
    def hi(self) -> float:
        return self.q.hi

    @property
    def hedge(self) -> str:
        return self.q.hedge or ""


@record
class TimeClaim(Claim):
    """event -> time: a date, with the cue that gives it its modality."""
    claim: ClassVar[str] = "time"
    expr: TimeExpr
    modality: Modality
    cue: str  # the cue's text, or ""
    cue_start: int  # -1 without a cue
    cue_words: int  # words from the cue to the time (0 when the cue is inside or after it)
    planned_nearby: bool  # a planning cue in the clause or later in the sentence
    superseded_in_sentence: bool  # a plan reported as superseded ("sebelumnya diproyeksikan")
    once: str  # birth, founding, death or "": an event that happens once to its subject
    once_cue: str  # the word that says so
    since: bool  # its text opens with a word such as "sejak" or "since": it runs on to publication

    def own(self) -> dict[str, object]:
        t = self.expr
        return {"modality": self.modality, "cue": self.cue, "cue_start": self.cue_start, "grain": t.grain,
                "mod": t.mod or "", "weekday": -1 if t.weekday is None else t.weekday, "year_source": t.year_source,
                "invalid": t.invalid or "", "expr": t, "once": self.once, "once_cue": self.once_cue,
                "cue_words": self.cue_words, "planned_nearby": self.planned_nearby,
                "superseded_in_sentence": self.superseded_in_sentence}


@record
class OrderClaim(Claim):
    """event -> event: an order word; the first event's date lies before (after) the second's."""
    claim: ClassVar[str] = "order"
    relation: str  # "before" or "after"

    def own(self) -> dict[str, object]:
        return {"relation": self.relation}


@record
class AppositionClaim(Claim):
    """event -> event: a relative time and the explicit date written right after it (`kemarin
    (4/12/2021)`), which name one day."""
    claim: ClassVar[str] = "apposition"


@record
class FigureClaim(Claim, HoldsQuantity):
    """sentence -> quantity: a figure of a sentence, with the words around it and what places it."""
    claim: ClassVar[str] = "figure"
    q: Quantity
    left: str  # the words before it in its sentence, space-separated
    right: str  # the words after it
    sentence: str  # its sentence node, whose other figures are its row of a table
    clause_names: frozenset[str]  # the words of the names in its clause, units such as "Rp" left out
    denials: frozenset[str]  # the words that deny its clause ("tidak"), outside the figure itself
    scope: Scope
    cut: bool  # its sentence starts in lower case: cut off from words it may have said

    def own(self) -> dict[str, object]:
        return {"measure": self.measure, "value": self.value, "lo": self.lo, "hi": self.hi, "hedge": self.hedge,
                "left": self.left, "right": self.right, "q": self.q, "sentence": self.sentence,
                "clause_names": self.clause_names, "denials": self.denials, "scope": self.scope,
                "cut": self.cut}


@record
class QuantityClaim(FigureClaim):
    """subject -> quantity: a figure as a count of its subject (an entity, a phrase, a referent)."""
    claim: ClassVar[str] = "quantity"
    basis: str  # "entity", "restated" or "referent"

    def own(self) -> dict[str, object]:
        return {"basis": self.basis, **FigureClaim.own(self)}


@record
class ElapsedClaim(Claim):
    """article -> duration: a stated length of time."""
    claim: ClassVar[str] = "elapsed"
    duration: Duration

    def own(self) -> dict[str, object]:
        d = self.duration
        return {"form": d.form, "unit": d.unit, "lo": d.lo, "hi": d.hi, "hedge": d.hedge or "", "duration": d}


@record
class EndpointClaim(Claim):
    """duration -> time (kind from/to): where a length starts and ends."""
    claim: ClassVar[str] = "endpoint"


@record
class TitleClaim(Claim):
    """entity -> role: a role a person is given."""
    claim: ClassVar[str] = "title"
    role: str
    jurisdiction: str

    def own(self) -> dict[str, object]:
        return {"role": self.role, "jurisdiction": self.jurisdiction}


@record
class MentionClaim(Claim):
    """article -> entity: a place a name is written."""
    claim: ClassVar[str] = "mention"

    @property
    def words(self) -> tuple[str, ...]:
        """The name's words as written, without a possessive ending (`Clinton's`), read when asked."""
        return name_words(self.text)


@record
class RelationClaim(Claim, HoldsQuantity):
    """A figure in a relation (a change, a breakdown, a ratio, shares), by its role: the edge's kind."""
    q: Quantity

    def own(self) -> dict[str, object]:
        return {"value": self.value, "lo": self.lo, "hi": self.hi, "measure": self.measure, "hedge": self.hedge,
                "q": self.q}


@record
class ChangeClaim(RelationClaim):
    """change -> quantity (kind from/to/by)."""
    claim: ClassVar[str] = "change"


@record
class BreakdownClaim(RelationClaim):
    """breakdown -> quantity (kind total/part)."""
    claim: ClassVar[str] = "breakdown"


@record
class BreakdownItem(Claim):
    """breakdown -> entity (kind item): a named item counted as one part."""
    claim: ClassVar[str] = "breakdown"


@record
class RatioClaim(RelationClaim):
    """ratio -> quantity (kind part/whole/share)."""
    claim: ClassVar[str] = "ratio"


@record
class SharesClaim(RelationClaim):
    """shares -> quantity (kind share)."""
    claim: ClassVar[str] = "shares"


Edge = Link | Restates | Subject | Claim
