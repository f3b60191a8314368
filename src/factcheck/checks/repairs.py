"""Dates one typo away from a stated date, and the hits of the temporal checks that offer them."""
from __future__ import annotations

import datetime as dt

from ..calendar import safe_date, shifted
from ..claims import TimeClaim
from ..models import TimeExpr
from .context import Context
from .registry import Hit

# A typo of the year or month is a likely repair only if it lands this close before publication.
TYPO_WINDOW_DAYS = 60

Repair = tuple[dt.date, dict[str, int]]  # a date, and the parts of the expression that change (`{"year": 2025}`)


def time_hit(c: TimeClaim, fields: dict[str, object], variants: list[str] | None = None,
             replacements: list[str] | None = None) -> Hit:
    """A hit on one time claim, its text a field."""
    return Hit(evidence=[(c.start, c.end)], fields={"text": c.text, **fields}, variants=variants or [],
               in_quote=c.in_quote, replacements=replacements or [])


def repaired_hit(ctx: Context, c: TimeClaim, fields: dict[str, object], repairs: list[Repair], fixed: str,
                 first: str | None = None) -> Hit:
    """A hit whose suggestion names the best repair, or the rule's `no_repair` variant without one;
    `first` is a repair the suggestion offers before it."""
    offered = [first] if first else []
    if not repairs:
        return time_hit(c, fields, ["no_repair"], replacements=offered)
    date, change = repairs[0]
    repaired = ctx.rewrite(c.expr, **change)
    return time_hit(c, {**fields, fixed: repaired, "repaired": ctx.date(date)}, replacements=[*offered, repaired])


def repairs(e: TimeExpr, published: dt.date | None, weekday: int | None) -> list[Repair]:
    """Dates one typo away from `e` (year, month or a day or two), with the stated weekday if one is given,
    best first: a year or month typo that lands just before publication, else the nearest day."""
    d, m, y = e.day, e.month, e.year
    out: list[tuple[float, dt.date, dict[str, int]]] = []
    if d is None or m is None:  # a span of days (`26-27 Februari`) is not one date to repair
        return []

    def consider(date: dt.date | None, change: dict[str, int], typo: bool) -> None:
        if date is None or (weekday is not None and date.weekday() != weekday):
            return
        if published is not None and (date - published).days > 1:
            return
        if typo:
            if published is None or (published - date).days > TYPO_WINDOW_DAYS:
                return
            out.append(((published - date).days, date, change))
        elif e.lo is not None:
            out.append((abs((date - e.lo).days) + 0.5, date, change))

    if published is not None and y is not None:
        for year in (published.year, published.year - 1):
            if year != y and 1 <= m <= 12:
                consider(safe_date(year, m, d), {"year": year}, True)
        for month in (published.month, (published.month - 2) % 12 + 1):
            if month != m:
                consider(safe_date(y, month, d), {"month": month}, True)
    if e.lo is not None:
        for date in filter(None, (shifted(e.lo, k) for k in (1, -1, 2, -2, 3, -3))):
            consider(date, {"day": date.day, "month": date.month, "year": date.year}, False)
    out.sort(key=lambda x: x[0])
    return [(date, change) for _, date, change in out]
