"""The look-ups the checks make in a claim graph, typed: claims in text order, the claims of a node, and
relations (a change, a breakdown, a ratio, shares, a length of time) with their claims by role."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from ..extract import modality
from ..models import TimeExpr
from ..text import entity_view
from .edges import (
    AppositionClaim,
    BreakdownClaim,
    BreakdownItem,
    ChangeClaim,
    ElapsedClaim,
    EndpointClaim,
    FigureClaim,
    Link,
    OrderClaim,
    QuantityClaim,
    RatioClaim,
    SharesClaim,
    TimeClaim,
)
from .graph import ClaimGraph
from .nodes import BreakdownNode, ChangeNode, RatioNode, SentenceNode, SharesNode, TimeNode

LABEL_CHARS = 20  # how far before a date its label's colon may stand
UPDATE_CHARS = 40  # how far before a date the word saying the article was updated then may stand
_WORD = re.compile(r"\w+")
QUOTE_CHARS = 12  # how far before a time a quotation may open
BULLETS = ("", "-", "*", "•", "–", "—")  # what may stand before a date that heads a line of a list
R = TypeVar("R", ChangeClaim, BreakdownClaim, RatioClaim, SharesClaim)
Endpoint = tuple[TimeNode, EndpointClaim]  # where a length of time starts or ends: the time and its claim


def bare_part(t: TimeExpr) -> str | None:
    """What a time names when it is a weekday or a month alone: "weekday" (`pada Selasa`, `said Friday`),
    "month" (`pada Maret`), else None (`Selasa lalu`, `Selasa malam`, `awal Maret`, `bulan Maret`, and
    every date with digits). Its day or year is a guess from publication; the weekday or month is not."""
    if not t.relative:
        return None
    if t.weekday is not None and t.weekday_span == t.span:
        return "weekday"
    if t.grain == "month" and t.month and t.month_span == t.span and t.mod is None:
        return "month"
    return None


# --- times -------------------------------------------------------------------------------------------

def time_claims(g: ClaimGraph) -> list[TimeClaim]:
    """Every date, in text order."""
    return [c for _, _, c in g.claims(TimeClaim)]


def time_of(g: ClaimGraph, event: str) -> TimeClaim:
    """The time claim of an event node."""
    return g.out_edges(event, TimeClaim)[0][1]


def orders(g: ClaimGraph) -> list[tuple[TimeClaim, TimeClaim, OrderClaim]]:
    """Each order word with the dates it orders (first, second), in text order."""
    return [(time_of(g, a), time_of(g, b), c) for a, b, c in g.claims(OrderClaim)]


def appositions(g: ClaimGraph) -> list[tuple[TimeClaim, TimeClaim, AppositionClaim]]:
    """Each relative time with the explicit date written right after it, in text order."""
    return [(time_of(g, a), time_of(g, b), c) for a, b, c in g.claims(AppositionClaim)]


def updated_on(g: ClaimGraph) -> dt.date | None:
    """The latest day the article says it was updated on (`Diperbarui Selasa, 21 Mei 2024`, `Updated May
    21, 2024`, `This story has been updated on Tuesday, May 21`), or None."""
    words = {w.lower() for w in g.lex.data.update_words}
    if not words:
        return None
    days = []
    for c in time_claims(g):
        before = _WORD.findall(g.text[max(0, c.start - UPDATE_CHARS):c.start].lower())
        while before and before[-1] in g.lex.date_preposition_words:
            before.pop()
        if before and before[-1] in words and c.expr.hi is not None:
            days.append(c.expr.hi)
    return max(days, default=None)


def plan_governs(g: ClaimGraph, c: TimeClaim) -> bool:
    """Whether the planning cue of a time claim governs its date (see extract.modality.plan_governs)."""
    cue = (c.cue_start, c.cue_start + len(c.cue))
    return modality.plan_governs(g.text, g.lex.data.plan_scope, cue, c.start, c.end, g.lex.stopwords)


def dates_statement(g: ClaimGraph, c: TimeClaim, reported_words: int, past_words: int) -> bool:
    """Whether a time claim dates a statement (`kata dia, Selasa (20/10/2026)`), its reporting cue at most
    `reported_words` words before it, or a past event (`diamankan pada Senin`), its cue (not one such as
    "sejak") at most `past_words` words before it (see extract.modality.dates_report)."""
    cue = (c.cue_start, c.cue_start + len(c.cue))
    prepositions = g.lex.date_preposition_words
    if c.modality == "reported":
        return modality.dates_report(g.text, cue, c.start, c.end, reported_words, prepositions)
    since = {w.lower() for w in g.lex.data.durations.since}
    return (c.modality == "past" and c.cue.lower() not in since
            and modality.dates_report(g.text, cue, c.start, c.end, past_words, prepositions))


def labelled(g: ClaimGraph, c: TimeClaim) -> bool:
    """Whether a date is the value of a label (`Batas akhir pendaftaran: 1 Maret 2023`), white space and
    HTML entities aside."""
    return entity_view(g.text[max(0, c.start - LABEL_CHARS):c.start]).rstrip().endswith(":")


def sentence_text(g: ClaimGraph, sentence: str) -> str:
    """The whole text of a sentence node (its label holds only its first words)."""
    node = g.node(sentence, SentenceNode)
    return g.text[node.start:node.end]


def heads_line(g: ClaimGraph, c: TimeClaim) -> bool:
    """Whether a date heads a line of a list, followed by its colon (`- 16 Februari 2024: Kejagung menetapkan
    lima tersangka baru.`): the line's event is its own, as each item of a chronology is."""
    text = g.text
    line_start = text.rfind("\n", 0, c.start) + 1
    return text[c.end:c.end + LABEL_CHARS].lstrip(" \t").startswith(":") \
        and text[line_start:c.start].strip() in BULLETS


def opens_quote(g: ClaimGraph, c: TimeClaim) -> bool:
    """Whether a time opens a quotation (`"Kemarin, 25 Februari ...`), HTML entities aside."""
    return entity_view(g.text[max(0, c.start - QUOTE_CHARS):c.start]).rstrip().endswith(('"', "“"))


def stated_times(g: ClaimGraph, sentence: str) -> list[tuple[str, TimeClaim]]:
    """The events of a sentence node with their time claims, in graph order."""
    return [(event, time_of(g, event)) for event in g.out_links(sentence, "states")]


def sentence_dates(g: ClaimGraph, sentence: str) -> list[TimeClaim]:
    """The dates (not relative, not invalid) a sentence node states, in text order."""
    dated = [c for _, c in stated_times(g, sentence)]
    return sorted((c for c in dated if c.expr.lo is not None and not c.expr.relative), key=lambda c: c.start)


# --- figures -----------------------------------------------------------------------------------------

def quantity_claims(g: ClaimGraph) -> Iterator[tuple[str, list[QuantityClaim]]]:
    """Per subject node and measure, its quantity claims in text order (when it has more than one)."""
    for subject, edges in g.by_source(QuantityClaim).items():
        by_measure: dict[str, list[QuantityClaim]] = {}
        for _, c in edges:
            by_measure.setdefault(c.measure, []).append(c)
        for claims in by_measure.values():
            if len(claims) > 1:
                yield subject, sorted(claims, key=lambda c: c.start)


def figures(g: ClaimGraph, sentence: str) -> list[FigureClaim]:
    """The figure claims of a sentence node, in text order."""
    return sorted((c for _, c in g.out_edges(sentence, FigureClaim)), key=lambda c: c.start)


def paraphrases(g: ClaimGraph) -> list[tuple[str, str]]:
    """(shorter, longer) sentence pairs where the shorter restates part of the longer in other words."""
    return [(a, b) for a, b, e in g.edges_of(Link) if e.kind == "paraphrases"]


# --- relations ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ChangeRelation:
    node: ChangeNode
    start: ChangeClaim
    end: ChangeClaim
    by: ChangeClaim | None  # the amount it changed by, if stated


@dataclass(frozen=True, slots=True)
class BreakdownRelation:
    node: BreakdownNode
    total: BreakdownClaim
    parts: list[BreakdownClaim]  # figures
    items: list[BreakdownItem]  # named items, each one part


@dataclass(frozen=True, slots=True)
class RatioRelation:
    part: RatioClaim
    whole: RatioClaim
    share: RatioClaim


@dataclass(frozen=True, slots=True)
class SharesRelation:
    node: SharesNode
    shares: list[SharesClaim]


@dataclass(frozen=True, slots=True)
class ElapsedRelation:
    """A stated length of time and the dates it runs between: the time node and the claim of each end
    (no end: it ends on the publication date)."""
    claim: ElapsedClaim
    start: Endpoint | None
    end: Endpoint | None


def changes(g: ClaimGraph) -> Iterator[ChangeRelation]:
    for node in g.of_kind(ChangeNode):
        ends = _ends(g, node, ChangeClaim)
        by = ends.get("by")
        yield ChangeRelation(g.node(node, ChangeNode), ends["from"][0], ends["to"][0], by[0] if by else None)


def breakdowns(g: ClaimGraph) -> Iterator[BreakdownRelation]:
    for node in g.of_kind(BreakdownNode):
        ends = _ends(g, node, BreakdownClaim)
        yield BreakdownRelation(g.node(node, BreakdownNode), ends["total"][0], ends.get("part", []),
                                [e for _, e in g.out_edges(node, BreakdownItem)])


def ratios(g: ClaimGraph) -> Iterator[RatioRelation]:
    for node in g.of_kind(RatioNode):
        ends = _ends(g, node, RatioClaim)
        yield RatioRelation(ends["part"][0], ends["whole"][0], ends["share"][0])


def shares(g: ClaimGraph) -> Iterator[SharesRelation]:
    for node in g.of_kind(SharesNode):
        yield SharesRelation(g.node(node, SharesNode), _ends(g, node, SharesClaim)["share"])


def elapsed(g: ClaimGraph) -> Iterator[ElapsedRelation]:
    """Each stated length of time, in text order."""
    for _, node, c in g.claims(ElapsedClaim):
        ends: dict[str, Endpoint] = {}
        for target, e in g.out_edges(node, EndpointClaim):
            ends.setdefault(e.kind, (g.node(target, TimeNode), e))  # the first of each kind
        yield ElapsedRelation(c, ends.get("from"), ends.get("to"))


def _ends(g: ClaimGraph, node: str, kind: type[R]) -> dict[str, list[R]]:
    """A relation node's claims of a type by role (the edge's kind), in graph order."""
    out: dict[str, list[R]] = {}
    for _, e in g.out_edges(node, kind):
        out.setdefault(e.kind, []).append(e)
    return out
