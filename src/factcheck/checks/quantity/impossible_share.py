"""quantity.impossible-share: a share of a whole past 100 percent (`120 persen warga`)."""
from __future__ import annotations

from collections.abc import Iterator

from ...claims import FigureClaim
from ..context import Context
from ..intervals import written_bounds
from ..registry import Hit, Params, check


@check("impossible_share", fields=("share", "whole"))
def impossible_share(ctx: Context, params: Params) -> Iterator[Hit]:
    """A percentage past 100 of a whole that no part of can exceed, named right after it (`120 persen
    warga`, `225 percent of the market`: extraction gives the figure its whole). Every value the figure's
    wording allows must be past 100: `sekitar 105 persen` may be 95. Without a ratio word (`dari`, `of`)
    between, a figure in a clause that reports a change counts what changed (`kenaikan 120 persen
    pengguna`), not a share."""
    ratio = tuple(f"{w} " for w in ctx.ratio_words)  # "of the market": the figure is a share, whatever the clause
    for _, _, c in ctx.graph.claims(FigureClaim):
        whole = c.q.whole
        if whole is None or written_bounds(c)[0] <= 100:
            continue
        if c.scope.trend and not whole.text.lower().startswith(ratio):
            continue
        yield Hit(evidence=[(c.start, whole.end)], in_quote=c.in_quote, fields={"share": c.text, "whole": whole.text})
