"""Calendar arithmetic (date intervals, moved dates, TimeML values) shared by the extractors and the checks."""
from __future__ import annotations

import calendar
import datetime as dt

from .models import Grain

# Part of a year as (first month, last month); part of a month as (first day, last day or None = end).
YEAR_PARTS = {
    None: (1, 12), "start": (1, 4), "mid": (5, 8), "end": (9, 12),
    "first-half": (1, 6), "second-half": (7, 12),
    "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
}
MONTH_PARTS = {None: (1, None), "start": (1, 10), "mid": (11, 20), "end": (21, None),
               "first-half": (1, 15), "second-half": (16, None)}
GRAIN_OF_MOD: dict[str | None, Grain] = {"first-half": "half", "second-half": "half", "q1": "quarter",
                                             "q2": "quarter", "q3": "quarter", "q4": "quarter"}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def in_calendar(year: int) -> bool:
    """Whether the calendar reaches `year` (1 to 9999): dates outside it cannot be computed."""
    return dt.MINYEAR <= year <= dt.MAXYEAR


def year_interval(year: int, mod: str | None) -> tuple[dt.date, dt.date] | None:
    """The days of a year or part of it; None for a year past the calendar's ends."""
    if not in_calendar(year):
        return None
    first, last = YEAR_PARTS[mod]
    return dt.date(year, first, 1), month_end(year, last)


def month_interval(year: int, month: int, mod: str | None) -> tuple[dt.date, dt.date] | None:
    """The days of a month or part of it; None for a year past the calendar's ends."""
    if not in_calendar(year):
        return None
    first, last = MONTH_PARTS.get(mod, MONTH_PARTS[None])
    end = month_end(year, month)
    return dt.date(year, month, first), (end if last is None else dt.date(year, month, last))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def shifted(date: dt.date, days: int) -> dt.date | None:
    """`date` moved by `days`, or None past the calendar's ends (a date of 9999 has no day after)."""
    try:
        return date + dt.timedelta(days=days)
    except OverflowError:
        return None


def invalid_reason(day: int, month: int, year: int | None) -> str | None:
    """Why day/month/year cannot be a date: "month", "day", "leap" (29 February of a common year) or
    "year"; None when it can be (a year-less 29/2 can)."""
    if not 1 <= month <= 12:
        return "month"
    if year is not None and not 1000 <= year <= 9999:
        return "year"
    if day < 1 or day > calendar.monthrange(year or 2000, month)[1]:
        return "leap" if (month, day) == (2, 29) else "day"
    return None


def nearest_with_weekday(day: int, month: int, weekday: int, around: dt.date, span_years: int = 12) -> dt.date | None:
    """The date day/month nearest `around` (before it first) that falls on `weekday`."""
    candidates = []
    for y in range(around.year - span_years, around.year + 2):
        d = safe_date(y, month, day)
        if d and d.weekday() == weekday:
            candidates.append(d)
    if not candidates:
        return None
    # a past date is the likelier reading: a future one counts as twice as far
    return min(candidates, key=lambda d: (around - d).days if d <= around else 2 * (d - around).days)


def quarter_interval(year: int, quarter: int) -> tuple[dt.date, dt.date] | None:
    """The days of quarter 1-4 of `year`, counting on into other years (quarter 0 is last year's fourth)."""
    year, q = year + (quarter - 1) // 4, (quarter - 1) % 4 + 1
    return year_interval(year, f"q{q}")


def moved(lo: dt.date, unit: str, n: int) -> tuple[dt.date, dt.date] | None:
    """The day, week (Monday to Sunday), month, quarter, half, year, decade or century `n` units away from
    the one `lo` is in; None past the calendar's ends."""
    if unit == "day":
        d = shifted(lo, n)
        return (d, d) if d else None
    if unit == "week":
        monday = shifted(lo, 7 * n - lo.weekday())
        sunday = monday and shifted(monday, 6)
        return (monday, sunday) if monday and sunday else None
    if unit == "month":
        y, m = divmod(lo.year * 12 + lo.month - 1 + n, 12)
        return month_interval(y, m + 1, None)
    if unit == "quarter":
        return quarter_interval(lo.year, (lo.month - 1) // 3 + 1 + n)
    if unit == "half":
        half = (lo.month - 1) // 6 + n
        return year_interval(lo.year + half // 2, ("first-half", "second-half")[half % 2])
    if unit in ("decade", "century"):  # 1970-1979, 1900-1999: as TimeML writes them (`197`, `19`)
        size = 10 if unit == "decade" else 100
        first = lo.year // size * size + n * size
        if not (in_calendar(first) and in_calendar(first + size - 1)):
            return None
        return dt.date(first, 1, 1), dt.date(first + size - 1, 12, 31)
    return year_interval(lo.year + n, None)


def timeml_value(lo: dt.date, hi: dt.date, grain: str) -> str | None:
    """The TimeML value of the interval [lo, hi] given in `grain`: `2021-12-05`, `2021-W49`, `2021-12`,
    `2021-Q4`, `2021-H2`, `2021`, `202` (a decade), `20` (a century); None for a span of several days."""
    if grain == "day":
        return lo.isoformat() if lo == hi else None
    if grain == "week":
        year, week, _ = lo.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if grain == "month":
        return f"{lo.year:04d}-{lo.month:02d}"
    if grain == "quarter":
        return f"{lo.year:04d}-Q{(lo.month - 1) // 3 + 1}"
    if grain == "half":
        return f"{lo.year:04d}-H{(lo.month - 1) // 6 + 1}"
    if grain == "decade":
        return f"{lo.year:04d}"[:3]
    if grain == "century":
        return f"{lo.year:04d}"[:2]
    return f"{lo.year:04d}"
