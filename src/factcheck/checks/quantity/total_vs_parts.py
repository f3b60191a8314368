"""quantity.total-vs-parts: a stated total that its listed parts do not add up to.

Every figure is an interval: its hedge ("sekitar") or, unhedged, the rounding its digits imply
(`68,2 persen` is 68.15-68.25), so only a result that no reading of the figures allows is reported.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...claims import Claim
from ...claims.queries import breakdowns
from ..context import Context
from ..intervals import meet, written_bounds
from ..registry import Hit, Params, check


@check("total_vs_parts", variants=("items", "partial"), fields=("total", "parts", "sum"))
def total_vs_parts(ctx: Context, params: Params) -> Iterator[Hit]:
    """A stated total that its listed parts (figures or named items) do not add up to; parts that are
    only some of the total ("di antaranya") may not exceed it."""
    for b in breakdowns(ctx.graph):
        total, exhaustive = b.total, b.node.exhaustive
        t = written_bounds(total)
        parts: Sequence[Claim]
        if b.parts:
            parts = b.parts
            whole = (sum(written_bounds(p)[0] for p in b.parts), sum(written_bounds(p)[1] for p in b.parts))
            counted = " + ".join(p.text for p in parts)
        else:
            parts = b.items
            whole = (len(parts), len(parts))
            counted = ", ".join(p.text for p in parts)
        wrong = not meet(whole, t) if exhaustive else whole[0] > t[1]
        if wrong:
            variants = (["items"] if b.items else []) + ([] if exhaustive else ["partial"])
            yield Hit(evidence=[(total.start, total.end)] + [(p.start, p.end) for p in parts],
                      fields={"total": total.text, "parts": counted, "sum": ctx.range(whole, 2)},
                      variants=variants, in_quote=total.in_quote)
