"""temporal.invalid-date: a date that does not exist, or one written without the slash before its year."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...calendar import safe_date
from ...claims import TimeClaim
from ...claims.queries import time_claims
from ...models import TimeExpr
from ..context import Context
from ..registry import Hit, Params, check
from ..repairs import time_hit

Candidate = tuple[int, dt.date, int, int]  # how far off, the date, its month and day


@check("invalid_date", variants=("month", "day", "leap", "year", "slash", "no_repair"),
       fields=("text", "day", "month", "year", "fixed", "repaired"))
def invalid_date(ctx: Context, params: Params) -> Iterator[Hit]:
    """A date that does not exist: month 13 or more, day 32, 29 February of a common year; or one
    written without the slash before its year."""
    for c in time_claims(ctx.graph):
        e = c.expr
        if not e.invalid:
            continue
        if e.invalid == "slash":
            yield _slash(ctx, c)
            continue
        fields: dict[str, object] = {"day": e.day, "month": e.month, "year": e.year or ""}
        candidates = _candidates(e, e.invalid, ctx.published)
        variants = [e.invalid]
        if candidates:
            _, date, month, day = min(candidates, key=lambda x: (x[0], x[1]))
            fixed = ctx.rewrite(e, day=day, month=month, year=date.year)
            fields.update(fixed=fixed, repaired=ctx.date(date))
            yield time_hit(c, fields, variants, replacements=[fixed])
        else:
            yield time_hit(c, fields, [*variants, "no_repair"])


def _slash(ctx: Context, c: TimeClaim) -> Hit:
    """`18/102025`: the slash before the year put back."""
    e = c.expr
    assert e.year_span is not None and e.year is not None and e.month is not None and e.day is not None
    cut = e.year_span.start - e.span.start
    date = safe_date(e.year, e.month, e.day)
    fixed = f"{e.span.text[:cut]}/{e.span.text[cut:]}"
    fields: dict[str, object] = {"day": e.day, "month": e.month, "year": e.year or "", "fixed": fixed,
                                 "repaired": ctx.date(date) if date else ""}
    if date:
        return time_hit(c, fields, ["slash"], replacements=[fixed])
    return time_hit(c, fields, ["slash", "no_repair"])


def _candidates(e: TimeExpr, reason: str, pub: dt.date | None) -> list[Candidate]:
    """Dates the writer may have meant: another month (`13`), day (`32`, 29 February) or, for a year past
    the calendar's ends, the publication year; with the stated weekday, if one is given."""
    assert e.day is not None and e.month is not None  # an invalid date states both
    candidates: list[Candidate] = []
    if reason in ("month", "day", "leap") and e.year and 1 <= e.year <= 9999:
        months = range(1, 13) if reason == "month" else [e.month]
        days = [e.day] if reason == "month" else range(1, 32)
        for month in months:
            for day in days:
                date = safe_date(e.year, month, day)
                if date is None or (e.weekday is not None and date.weekday() != e.weekday):
                    continue
                near = date if pub is None else pub
                far = abs((date - near).days) if reason == "month" or pub else abs(day - e.day)
                candidates.append((far, date, month, day))
    if reason == "year" and pub is not None:
        date = safe_date(pub.year, e.month, e.day)
        if date is not None:
            candidates.append((0, date, e.month, e.day))
    return candidates
