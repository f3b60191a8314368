"""quantity.percent-sum: a percentage its own part and whole contradict, or shares of one whole past 100 %.

Every figure is an interval: its hedge ("sekitar") or, unhedged, the rounding its digits imply
(`68,2 persen` is 68.15-68.25), so only a result that no reading of the figures allows is reported.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...claims.queries import ratios, shares
from ..context import Context
from ..intervals import meet, written_bounds
from ..registry import Hit, Params, check


@check("percent_sum", variants=("shares",), fields=("shares", "actual", "whole", "part", "share"))
def percent_sum(ctx: Context, params: Params) -> Iterator[Hit]:
    """A percentage that its own part and whole contradict (`50 dari 200 (40 persen)`), or shares of one
    whole that add up past 100 % (`Jones 80 persen suara dan Moore 40 persen`)."""
    g = ctx.graph
    for relation in shares(g):
        given = relation.shares
        total = (sum(written_bounds(s)[0] for s in given), sum(written_bounds(s)[1] for s in given))
        if total[0] > 100:
            yield Hit(evidence=[(s.start, s.end) for s in given], variants=["shares"],
                      fields={"shares": " + ".join(f'"{s.text}"' for s in given),
                              "actual": ctx.number(sum(s.value for s in given)), "whole": relation.node.whole},
                      in_quote=given[0].in_quote)
    for r in ratios(g):
        part, whole, share = r.part, r.whole, r.share
        p, w = written_bounds(part), written_bounds(whole)
        if w[0] <= 0:
            continue
        actual = (p[0] / w[1] * 100, p[1] / w[0] * 100)
        if not meet(actual, written_bounds(share)):
            yield Hit(evidence=[(part.start, part.end), (whole.start, whole.end), (share.start, share.end)],
                      fields={"part": part.text, "whole": whole.text, "share": share.text,
                              "actual": ctx.range(actual, 2)},
                      in_quote=share.in_quote)
