"""temporal.sequence: two dates of one sentence whose order word says the opposite of the calendar."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...claims import TimeClaim
from ...claims.queries import orders
from ..context import Context
from ..registry import Hit, Params, check

EXPLICIT_YEAR = {"stated", "article"}


@check("sequence", fields=("first", "second", "word", "first_period", "second_period"))
def sequence(ctx: Context, params: Params) -> Iterator[Hit]:
    """Two dates of one sentence whose order word (`sebelum`, `after`) says the opposite of the calendar.
    Both dates must give their year: a year-less date is placed near publication, which is a guess."""
    for a, b, c in orders(ctx.graph):
        if {a.expr.year_source, b.expr.year_source} - EXPLICIT_YEAR:
            continue
        (a_lo, a_hi), (b_lo, b_hi) = _reach(ctx, a), _reach(ctx, b)
        wrong = a_lo > b_hi if c.relation == "before" else a_hi < b_lo
        if wrong:
            yield Hit(evidence=[(a.start, a.end), (c.start, c.end), (b.start, b.end)],
                      fields={"first": a.text, "second": b.text, "word": c.text,
                              "first_period": ctx.period(*_days(a)), "second_period": ctx.period(*_days(b))},
                      in_quote=a.in_quote or b.in_quote)


def _reach(ctx: Context, c: TimeClaim) -> tuple[dt.date, dt.date]:
    """The days a date covers; `since 2002` runs on to publication (`highest since 2002, after the
    2016 election` orders nothing)."""
    lo, hi = _days(c)
    if ctx.published and c.since:
        return lo, max(hi, ctx.published)
    return lo, hi


def _days(c: TimeClaim) -> tuple[dt.date, dt.date]:
    lo, hi = c.expr.lo, c.expr.hi
    assert lo is not None and hi is not None  # an order word links dated times
    return lo, hi
