"""quantity.range-inverted: a range written high to low."""
from __future__ import annotations

from collections.abc import Iterator

from ...claims import FigureClaim
from ..context import Context
from ..registry import Hit, Params, check

SPLIT_ROUNDING = 1.0  # two whole percentages of one split may add up to 99 or 101


@check("range_inverted", fields=("text", "first", "second"))
def range_inverted(ctx: Context, params: Params) -> Iterator[Hit]:
    """A range written high to low (`antara 50 hingga 30`) of a unit the lexicon knows; a change `dari 50
    hingga 30` is not a range, nor are two figures in a clause that says they fell (`merosot 60.000-40.000`:
    from the first to the second), two figures before an unknown noun may be a record (`17–7 record`), two
    figures near a word of a contest are its score (`led her rival 55 to 41 percent`), and two percentages
    that make up a whole are a split (`backed the measure 58 to 42 percent`)."""
    starts, contest = ctx.change_start_words, ctx.score_words
    for _, _, c in ctx.graph.claims(FigureClaim):
        written = c.q.written_range
        around = f"{c.left} {c.right}".lower().split()
        if written and written[0] > written[1] and not c.q.generic and c.scope.trend != "down" \
                and not (c.left and c.left.split()[-1].lower() in starts) and contest.isdisjoint(around) \
                and not (c.measure == "percent" and _split(written)):
            yield Hit(evidence=[(c.start, c.end)], in_quote=c.in_quote,
                      fields={"text": c.text, "first": ctx.number(written[0]), "second": ctx.number(written[1])})


def _split(written: tuple[float, float]) -> bool:
    """Whether two percentages make up one whole, as the two sides of a vote do (58 and 42), allowing for
    their rounding."""
    return abs(sum(written) - 100) <= SPLIT_ROUNDING
