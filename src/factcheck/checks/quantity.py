"""Quantity check kinds: figures for one subject and measure that cannot all be true."""
from __future__ import annotations

from typing import Iterator

from ..graph import quantity_claims
from .context import Context
from .registry import Hit, check
from .restatement import RestatementParams, restated


def _bounds(c: dict) -> tuple[float, float]:
    """The values a figure allows, widened by the rounding its digits imply when it is not hedged."""
    half = 0.0 if c["hedge"] else c["q"].precision / 2
    return c["lo"] - half, c["hi"] + half


def _disjoint(a: dict, b: dict) -> bool:
    alo, ahi = _bounds(a)
    blo, bhi = _bounds(b)
    return ahi < blo or bhi < alo


@check("quantity_conflict", RestatementParams, variants=("restated",))
def quantity_conflict(ctx: Context, params: RestatementParams) -> Iterator[Hit]:
    """Two figures for one subject and measure whose intervals cannot both hold."""
    seen: set[tuple[int, int]] = set()
    hits = []
    for subject, claims in quantity_claims(ctx.graph):
        is_restatement = subject.startswith("phrase:")
        for i, b in enumerate(claims):
            for a in claims[:i]:
                if a["start"] == b["start"] or (a["start"], b["start"]) in seen:
                    continue
                if not _contradict(a, b, is_restatement):
                    continue
                if is_restatement and not restated(a, b, params):
                    continue
                seen.add((a["start"], b["start"]))
                label = ctx.graph.nodes[subject]["label"]
                fields = {"subject": label, "first": a["text"], "second": b["text"],
                          "first_range": _range(ctx, a), "second_range": _range(ctx, b)}
                hits.append(Hit(evidence=[(a["start"], a["end"]), (b["start"], b["end"])], fields=fields,
                                variants=["restated"] if is_restatement else [],
                                in_quote=a["in_quote"] or b["in_quote"]))
                break
    yield from sorted(hits, key=lambda h: h.evidence[1])


def _contradict(a: dict, b: dict, is_restatement: bool) -> bool:
    """In the same wording with the same hedge, any other figure is a changed figure; otherwise
    ("more than 1,000" restated as "less than 100", or one subject's count) only figures that cannot
    both hold contradict."""
    if is_restatement and a["hedge"] == b["hedge"]:
        return (a["lo"], a["hi"]) != (b["lo"], b["hi"])
    return _disjoint(a, b)


def _range(ctx: Context, c: dict) -> str:
    lo, hi = _bounds(c)
    if lo == hi:
        return ctx.number(lo)
    return f"{ctx.number(max(lo, 0))}–{ctx.number(hi)}"
