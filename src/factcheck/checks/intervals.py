"""Intervals the checks compare: a figure's possible values, a date's days."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from ..claims.edges import HoldsQuantity
from ..models import TimeExpr

T = TypeVar("T", float, dt.date, str)  # a figure, a day, or a day as an ISO date
Bounds = tuple[float, float]


def bounds(c: HoldsQuantity) -> Bounds:
    """The values a figure claim allows, widened by the rounding its digits imply when it is not hedged:
    `175.000 tentara` is given to the thousand, so two counts are compared with that slack."""
    half = 0.0 if c.hedge else c.q.precision / 2
    return c.lo - half, c.hi + half


def written_bounds(c: HoldsQuantity) -> Bounds:
    """The values a figure claim allows when it enters arithmetic: its hedge, or else the rounding of its
    last written digit (`68,2 persen` is 68.15-68.25, `20 persen` 19.5-20.5, `1,5 juta` 1.45-1.55
    million). A whole count (`150 orang`) is exact."""
    digit = c.q.last_digit
    exact = c.hedge or (digit == 1 and c.measure != "percent")
    half = 0.0 if exact else digit / 2
    return c.lo - half, c.hi + half


def meet(a: tuple[T, T], b: tuple[T, T]) -> bool:
    """Whether two closed intervals share a value."""
    return a[0] <= b[1] and b[0] <= a[1]


def days_apart(a: TimeExpr, b: TimeExpr) -> bool:
    """Whether two dated times share no day."""
    assert a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None
    return not meet((a.lo, a.hi), (b.lo, b.hi))


def disagree(ours: Sequence[HoldsQuantity], theirs: Sequence[HoldsQuantity]) -> bool:
    """Whether two sentences' figures disagree in a measure both give: none of one's figures of it meets one
    of the other's (two rows of a table, or one figure per year)."""
    shared = {x.measure for x in ours} & {y.measure for y in theirs}
    return any(not any(meet(bounds(x), bounds(y)) for x in ours for y in theirs if x.measure == y.measure == m)
               for m in shared)
