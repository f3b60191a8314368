"""Quantity check kinds: figures for one subject and measure that cannot all be true."""
from __future__ import annotations

from typing import Iterator

from ..graph import quantity_claims
from .context import Context
from .registry import Hit, Params, check


class ConflictParams(Params):
    # A restatement: the words around both figures agree on at least this many words in all, and on
    # each side on at least `restated_side_words` (or all the words one of them has there: a figure
    # that opens or closes its sentence has none).
    restated_words: int = 5
    restated_side_words: int = 2


def _bounds(c: dict) -> tuple[float, float]:
    """The values a figure allows, widened by the rounding its digits imply when it is not hedged."""
    half = 0.0 if c["hedge"] else c["q"].precision / 2
    return c["lo"] - half, c["hi"] + half


def _disjoint(a: dict, b: dict) -> bool:
    alo, ahi = _bounds(a)
    blo, bhi = _bounds(b)
    return ahi < blo or bhi < alo


def _common(x: list[str], y: list[str]) -> int:
    n = 0
    for a, b in zip(x, y):
        if a != b:
            break
        n += 1
    return n


def _restated(a: dict, b: dict, params: ConflictParams) -> bool:
    """Whether two figures stand in the same wording, read outward from each figure.

    One side must agree strongly (all the words both have, at least three, or five words or more),
    neither side may disagree within its first words, and a different figure close by marks a list of
    parallel figures ("1.992 ton sisa operasi ... 1.647 ton sisa operasi"), not a restatement.
    """
    total, strong = 0, False
    for x, y in ((a["left"].split()[::-1], b["left"].split()[::-1]), (a["right"].split(), b["right"].split())):
        n = _common(x, y)
        shortest = min(len(x), len(y))
        if n < min(shortest, params.restated_side_words):
            return False  # both figures have words on this side, and they differ
        if n < shortest and _figure(x[n]) and _figure(y[n]):
            return False
        strong = strong or (n == shortest and n >= 3) or n >= params.restated_words
        total += n
    return strong and total >= params.restated_words


def _figure(word: str) -> bool:
    return word[:1].isdigit()


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
                    if not _restated(a, b, params):
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
