"""Quantity check kinds: figures for one subject and measure that cannot all be true."""
from __future__ import annotations

from typing import Iterator

from ..graph import quantity_claims
from .context import Context
from .registry import Hit, Params, check


class ConflictParams(Params):
    # Words next to the figure that must also agree for a restatement (the side not used as subject).
    restated_other_side_words: int = 2


def _bounds(c: dict) -> tuple[float, float]:
    """The values a figure allows, widened by the rounding its digits imply when it is not hedged."""
    half = 0.0 if c["hedge"] else c["q"].precision / 2
    return c["lo"] - half, c["hi"] + half


def _disjoint(a: dict, b: dict) -> bool:
    alo, ahi = _bounds(a)
    blo, bhi = _bounds(b)
    return ahi < blo or bhi < alo


def _same_side(a: str, b: str, words: int) -> bool:
    x, y = a.split(), b.split()
    if len(x) < words or len(y) < words:
        return True  # one figure opens or closes its sentence: nothing to compare
    return x[:words] == y[:words]


def _agree_outside(subject: str, a: dict, b: dict, words: int) -> bool:
    """For a restatement keyed on the left words, the words on the right must start alike, and vice versa."""
    if subject.startswith("phrase:L:"):
        return _same_side(a["right"], b["right"], words)
    return _same_side(" ".join(reversed(a["left"].split())), " ".join(reversed(b["left"].split())), words)


@check("quantity_conflict", ConflictParams, variants=("restated",))
def quantity_conflict(ctx: Context, params: ConflictParams) -> Iterator[Hit]:
    """Two figures for one subject and measure whose intervals cannot both hold."""
    seen: set[tuple[int, int]] = set()
    hits = []
    for subject, claims in quantity_claims(ctx.graph):
        restated = subject.startswith("phrase:")
        for i, b in enumerate(claims):
            for a in claims[:i]:
                if a["start"] == b["start"] or (a["start"], b["start"]) in seen:
                    continue
                if restated:
                    if (a["lo"], a["hi"]) == (b["lo"], b["hi"]) or a["hedge"] != b["hedge"]:
                        continue
                    if not _agree_outside(subject, a, b, params.restated_other_side_words):
                        continue
                elif not _disjoint(a, b):
                    continue
                seen.add((a["start"], b["start"]))
                label = ctx.graph.nodes[subject]["label"]
                fields = {"subject": label, "first": a["text"], "second": b["text"],
                          "first_range": _range(ctx, a), "second_range": _range(ctx, b)}
                hits.append(Hit(evidence=[(a["start"], a["end"]), (b["start"], b["end"])], fields=fields,
                                variants=["restated"] if restated else [],
                                in_quote=a["in_quote"] or b["in_quote"]))
                break
    yield from sorted(hits, key=lambda h: h.evidence[1])


def _range(ctx: Context, c: dict) -> str:
    lo, hi = _bounds(c)
    if lo == hi:
        return ctx.number(lo)
    return f"{ctx.number(max(lo, 0))}–{ctx.number(hi)}"
