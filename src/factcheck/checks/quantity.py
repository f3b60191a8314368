"""Quantity check kinds: figures for one subject and measure that cannot all be true."""
from __future__ import annotations

from typing import Iterator

from ..graph import figures, paraphrases, quantity_claims, sentence_dates
from .context import Context
from .intervals import bounds, meet
from .registry import Hit, check
from .restatement import RestatementParams, restated


# Each figure is compared with at most this many earlier figures of its subject and measure, so a
# pathological text (thousands of copies of one sentence) is checked in linear time; an article's
# subject rarely has more than a handful.
COMPARED = 64


def _disjoint(a: dict, b: dict) -> bool:
    return not meet(bounds(a), bounds(b))


@check("quantity_conflict", RestatementParams, variants=("restated", "paraphrased"))
def quantity_conflict(ctx: Context, params: RestatementParams) -> Iterator[Hit]:
    """Two figures for one subject and measure whose intervals cannot both hold: one entity's count, a
    sentence restated in the same words, or a sentence restated in other words."""
    seen: set[tuple[int, int]] = set()
    hits = []
    for subject, claims in quantity_claims(ctx.graph):
        is_restatement = subject.startswith("phrase:")
        for i, b in enumerate(claims):
            for a in claims[max(0, i - COMPARED):i]:
                if a["start"] == b["start"] or (a["start"], b["start"]) in seen:
                    continue
                if not _contradict(a, b, is_restatement):
                    continue
                if is_restatement and not restated(a, b, params):
                    continue
                seen.add((a["start"], b["start"]))
                hits.append(_hit(ctx, a, b, ctx.graph.nodes[subject]["label"], ["restated"] if is_restatement else []))
                break
    hits += _paraphrased(ctx, seen)
    yield from sorted(hits, key=lambda h: h.evidence[1])


def _paraphrased(ctx: Context, seen: set[tuple[int, int]]) -> list[Hit]:
    """A figure of a sentence that restates another in other words, which none of the other sentence's
    figures of that measure allows. Sentences dated to different times state different things, and a
    figure whose clause lacks a name the restating sentence gives is about something else ("Xiaomi 13
    ... 999 euro" is not restated by "Xiaomi 13 Pro ... 1.299 euro")."""
    g = ctx.graph
    hits = []
    for small, large in paraphrases(g):
        if _dated_apart(g, small, large):
            continue
        names = g.nodes[small]["names"]
        others = [a for a in figures(g, large) if names <= a["clause_names"]]
        for b in figures(g, small):
            same = [a for a in others if a["measure"] == b["measure"]]
            if same and not any(meet(bounds(a), bounds(b)) for a in same):
                a, b = sorted((same[0], b), key=lambda c: c["start"])
                if (a["start"], b["start"]) not in seen:
                    seen.add((a["start"], b["start"]))
                    hits.append(_hit(ctx, a, b, g.nodes[small]["label"], ["paraphrased"]))
    return hits


def _dated_apart(g, a: str, b: str) -> bool:
    ta, tb = sentence_dates(g, a), sentence_dates(g, b)
    return bool(ta and tb) and not any(meet((x.lo, x.hi), (y.lo, y.hi)) for x in ta for y in tb)


def _hit(ctx: Context, a: dict, b: dict, subject: str, variants: list[str]) -> Hit:
    fields = {"subject": subject, "first": a["text"], "second": b["text"],
              "first_range": _range(ctx, a), "second_range": _range(ctx, b)}
    return Hit(evidence=[(a["start"], a["end"]), (b["start"], b["end"])], fields=fields, variants=variants,
               in_quote=a["in_quote"] or b["in_quote"])


def _contradict(a: dict, b: dict, is_restatement: bool) -> bool:
    """In the same wording with the same hedge, any other figure is a changed figure; otherwise
    ("more than 1,000" restated as "less than 100", or one subject's count) only figures that cannot
    both hold contradict."""
    if is_restatement and a["hedge"] == b["hedge"]:
        return (a["lo"], a["hi"]) != (b["lo"], b["hi"])
    return _disjoint(a, b)


def _range(ctx: Context, c: dict) -> str:
    lo, hi = bounds(c)
    if lo == hi:
        return ctx.number(lo)
    return f"{ctx.number(max(lo, 0))}–{ctx.number(hi)}"
