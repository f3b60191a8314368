"""The elapsed-time check kind: a stated length of time against the dates it runs between.

`tiga tahun lalu, pada 2015` in an article of 2021 (six years), `the 10th anniversary of the 2012
attack` in 2025 (the 13th), `Joe Biden (79)` born 20 November 1942 in an article of 5 December 2022
(80). One arithmetic serves them all: the whole units that can have passed between the start's
interval and the end's.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator, Literal, Optional

from ..graph import related
from .context import Context
from .intervals import meet
from .registry import Hit, Params, check

Form = Literal["ago", "length", "anniversary", "age"]


class ElapsedParams(Params):
    forms: list[Form]
    # Forms counted in completed units, as an age is ("79" until the 80th birthday); the others are
    # said loosely ("three years ago" of two years and eight months) and may round up by one.
    completed: list[Form] = ["age", "anniversary"]


def completed_units(start: dt.date, end: dt.date, unit: str) -> int:
    """Whole units from `start` to `end` (negative when `end` is earlier)."""
    if unit == "day":
        return (end - start).days
    if unit == "week":
        return (end - start).days // 7
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    return months if unit == "month" else months // 12


def _interval(ctx: Context, node: str) -> Optional[tuple[dt.date, dt.date]]:
    """The days a time node covers; None for a date that does not exist (`31 November 1942`)."""
    data = ctx.graph.nodes[node]
    return (dt.date.fromisoformat(data["lo"]), dt.date.fromisoformat(data["hi"])) if data["lo"] else None


@check("elapsed_time", ElapsedParams, fields=("text", "start", "end", "stated", "elapsed", "unit"))
def elapsed_time(ctx: Context, params: ElapsedParams) -> Iterator[Hit]:
    """A stated length of time (`tiga tahun lalu`, `HUT ke-76`, an age) that does not fit the dates it
    runs between."""
    for _, node, c in ctx.graph.claims("elapsed"):
        if c["form"] not in params.forms:
            continue
        ends = related(ctx.graph, node)
        if "from" not in ends:
            continue
        start = _interval(ctx, _target(ctx, node, "from"))
        end = _interval(ctx, _target(ctx, node, "to")) if "to" in ends else _publication(ctx)
        if start is None or end is None:
            continue
        fewest, most = completed_units(start[1], end[0], c["unit"]), completed_units(start[0], end[1], c["unit"])
        rounded_up = c["form"] not in params.completed  # "three years ago" of two years and eight months
        to = ends["to"][0] if "to" in ends else None
        since = ends["from"][0]
        # "selama 2 tahun sejak 2005": a length that starts at its date may have ended before publication,
        # so only a length longer than the time since then is wrong ("sejak 2019 atau selama dua tahun"
        # restates one length).
        may_end_earlier = c["form"] == "length" and to is None and c["start"] < since["start"]
        if meet((0 if may_end_earlier else fewest, most + rounded_up), (c["lo"], c["hi"])):
            continue
        fields = {"text": c["text"], "start": since["text"], "end": to["text"] if to else ctx.date(ctx.published),
                  "stated": ctx.number(c["duration"].value), "elapsed": _span(ctx, fewest, most),
                  "unit": ctx.unit(c["unit"])}
        evidence = [(c["start"], c["end"]), (since["start"], since["end"])] + ([(to["start"], to["end"])] if to else [])
        yield Hit(evidence=evidence, fields=fields, in_quote=c["in_quote"])


def _target(ctx: Context, node: str, kind: str) -> str:
    return ctx.graph.out_edges(node, kind)[0][0]


def _publication(ctx: Context) -> Optional[tuple[dt.date, dt.date]]:
    return (ctx.published, ctx.published) if ctx.published else None


def _span(ctx: Context, lo: int, hi: int) -> str:
    return ctx.number(lo) if lo == hi else f"{ctx.number(lo)}–{ctx.number(hi)}"
