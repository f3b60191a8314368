"""temporal.elapsed-time and temporal.age-birth-year: a stated length of time against the dates it runs between.

`tiga tahun lalu, pada 2015` in an article of 2021 (six years), `the 10th anniversary of the 2012
attack` in 2025 (the 13th), `Joe Biden (79)` born 20 November 1942 in an article of 5 December 2022
(80). One arithmetic serves them all: the whole units that can have passed between the start's
interval and the end's.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from ...claims.queries import elapsed
from ..context import Context
from ..intervals import meet
from ..registry import Hit, Params, check

Form = Literal["ago", "length", "anniversary", "age"]


class ElapsedParams(Params):
    forms: list[Form]
    # Forms counted in completed units, as an age is ("79" until the 80th birthday); the others are
    # said loosely ("three years ago" of two years and eight months) and may round up by one.
    completed: list[Form] = ["age", "anniversary"]  # noqa: RUF012  (pydantic copies a default per model)


def completed_units(start: dt.date, end: dt.date, unit: str) -> int:
    """Whole units from `start` to `end` (negative when `end` is earlier)."""
    if unit == "day":
        return (end - start).days
    if unit == "week":
        return (end - start).days // 7
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    return months if unit == "month" else months // 12


@check("elapsed_time", ElapsedParams, fields=("text", "start", "end", "stated", "elapsed", "unit"))
def elapsed_time(ctx: Context, params: ElapsedParams) -> Iterator[Hit]:
    """A stated length of time (`tiga tahun lalu`, `HUT ke-76`, an age) that does not fit the dates it
    runs between."""
    for r in elapsed(ctx.graph):
        c, d = r.claim, r.claim.duration
        if d.form not in params.forms or r.start is None:
            continue
        start = r.start[0].days()
        end = r.end[0].days() if r.end else _publication(ctx)
        if start is None or end is None:
            continue
        fewest, most = completed_units(start[1], end[0], d.unit), completed_units(start[0], end[1], d.unit)
        rounded_up = d.form not in params.completed  # "three years ago" of two years and eight months
        to = r.end[1] if r.end else None
        since = r.start[1]
        # "selama 2 tahun sejak 2005": a length that starts at its date may have ended before publication,
        # so only a length longer than the time since then is wrong ("sejak 2019 atau selama dua tahun"
        # restates one length).
        may_end_earlier = d.form == "length" and to is None and c.start < since.start
        if meet((0 if may_end_earlier else fewest, most + rounded_up), (d.lo, d.hi)):
            continue
        fields: dict[str, object] = {"text": c.text, "start": since.text, "end": to.text if to else ctx.date(end[0]),
                                     "stated": ctx.number(d.value), "elapsed": ctx.range((fewest, most)),
                                     "unit": ctx.unit(d.unit)}
        evidence = [(c.start, c.end), (since.start, since.end)] + ([(to.start, to.end)] if to else [])
        yield Hit(evidence=evidence, fields=fields, in_quote=c.in_quote)


def _publication(ctx: Context) -> tuple[dt.date, dt.date] | None:
    return (ctx.published, ctx.published) if ctx.published else None
