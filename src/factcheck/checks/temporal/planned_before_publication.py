"""temporal.planned-before-publication: a planned or scheduled event whose whole interval ends before
the publication date."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...calendar import month_interval, safe_date, year_interval
from ...claims import ClaimGraph
from ...claims.nodes import SentenceNode
from ...claims.queries import plan_governs, sentence_dates, time_claims
from ...models import TimeExpr
from ..context import Context
from ..registry import Hit, Params, check
from ..repairs import time_hit


class PlannedParams(Params):
    grace_days: int = 7  # late reports of an event "to be held" a few days earlier are common
    # A year's target ("diharapkan naik 40% pada 2018") is still spoken of as a plan in the weeks after
    # the year ends, while its results are being reported.
    year_grace_days: int = 31
    max_cue_words: int = 12  # a cue further back governs another verb ("will pay ..., resulting in ... in 2024")


@check("planned_before_publication", PlannedParams, variants=("no_repair",),
       fields=("text", "cue", "period", "published", "days", "fixed", "repaired"))
def planned_before_publication(ctx: Context, params: PlannedParams) -> Iterator[Hit]:
    """A planned or scheduled event whose whole interval ends before the publication date."""
    pub = ctx.published
    if pub is None:
        return
    told_earlier = _after_an_earlier_date(ctx.graph)
    for c in time_claims(ctx.graph):
        e = c.expr
        if c.modality != "planned" or e.relative or e.lo is None or e.hi is None or e.year is None:
            continue
        grace = max(params.grace_days, params.year_grace_days) if e.grain == "year" else params.grace_days
        if (pub - e.hi).days <= grace:
            continue
        if c.cue_words > params.max_cue_words or c.superseded_in_sentence or c.start in told_earlier:
            continue
        if not plan_governs(ctx.graph, c):
            continue
        if e.year_source not in ("stated", "article"):
            continue
        fields: dict[str, object] = {"cue": c.cue, "period": ctx.period(e.lo, e.hi), "published": ctx.date(pub),
                                     "days": (pub - e.hi).days}
        for year in range(e.year + 1, pub.year + 3):
            moved = _moved(e, year)
            if moved and (pub - moved[1]).days <= params.grace_days:
                fixed = ctx.rewrite(e, year=year)
                yield time_hit(c, {**fields, "fixed": fixed, "repaired": ctx.period(*moved)}, replacements=[fixed])
                break
        else:
            yield time_hit(c, fields, ["no_repair"])


def _after_an_earlier_date(g: ClaimGraph) -> set[int]:
    """Where the dates start that come after another date of their sentence with a stated year: a plan
    told as of that earlier day (`kata menteri pada 2021`, `dalam surat bertanggal 10 Januari 2024, ...
    berencana menaikkan harga pada 1 Februari 2024`), when both may lie before publication."""
    out: set[int] = set()
    for sentence in g.of_kind(SentenceNode):
        dates = [(c.start, c.expr.lo, c.expr.hi) for c in sentence_dates(g, sentence) if c.expr.year_source == "stated"]
        earliest_end = min((hi for _, _, hi in dates if hi is not None), default=None)
        out.update(start for start, lo, _ in dates if lo is not None and earliest_end is not None and earliest_end < lo)
    return out


def _moved(e: TimeExpr, year: int) -> tuple[dt.date, dt.date] | None:
    """The days `e` names, in another year."""
    if e.grain == "day":
        assert e.month is not None and e.day is not None  # a date of one day gives both
        d = safe_date(year, e.month, e.day)
        return (d, d) if d else None
    if e.grain == "month":
        assert e.month is not None
        return month_interval(year, e.month, e.mod)
    return year_interval(year, e.mod)
