"""temporal.weekday-mismatch: a stated weekday that does not fall on the stated date."""
from __future__ import annotations

from collections.abc import Iterator

from ...claims.queries import time_claims
from ..context import Context
from ..registry import Hit, Params, check
from ..repairs import repaired_hit, repairs

YEAR_SOURCES = ("stated", "publication", "article")  # not a year placed by its weekday, or counted


@check("weekday_mismatch", variants=("no_repair",),
       fields=("text", "stated", "actual", "date", "fixed_weekday", "fixed_date", "repaired"))
def weekday_mismatch(ctx: Context, params: Params) -> Iterator[Hit]:
    """A stated weekday that does not fall on the stated date."""
    for c in time_claims(ctx.graph):
        e = c.expr
        if e.weekday is None or e.lo is None or e.grain != "day" or e.year_source not in YEAR_SOURCES:
            continue
        actual = e.lo.weekday()
        if actual == e.weekday:
            continue
        fixed_weekday = ctx.rewrite(e, weekday=actual)
        fields: dict[str, object] = {"stated": ctx.weekday(e.weekday), "actual": ctx.weekday(actual),
                                     "date": ctx.date(e.lo, weekday=False), "fixed_weekday": fixed_weekday}
        yield repaired_hit(ctx, c, fields, repairs(e, ctx.published, e.weekday), "fixed_date", first=fixed_weekday)
