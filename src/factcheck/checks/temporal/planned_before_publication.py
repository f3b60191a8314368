"""temporal.planned-before-publication: a planned or scheduled event whose whole interval ends before
the publication date."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...calendar import month_interval, safe_date, year_interval
from ...claims import ClaimGraph
from ...claims.nodes import SentenceNode
from ...claims.queries import plan_governs, stated_times, time_claims
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
    not_plans: set[int] | None = None  # read once, and only for an article with a past plan
    for c in time_claims(ctx.graph):
        e = c.expr
        if c.modality != "planned" or e.relative or e.lo is None or e.hi is None or e.year is None:
            continue
        grace = max(params.grace_days, params.year_grace_days) if e.grain == "year" else params.grace_days
        if (pub - e.hi).days <= grace:
            continue
        if c.cue_words > params.max_cue_words or c.superseded_in_sentence or not plan_governs(ctx.graph, c):
            continue
        not_plans = _not_the_plans(ctx.graph, pub) if not_plans is None else not_plans
        if c.start in not_plans:
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


def _not_the_plans(g: ClaimGraph, pub: dt.date) -> set[int]:
    """Where the dates start that another time of their sentence shows not to be a plan's time: one that
    starts before them, the time the plan was told as of (`kata menteri pada 2021`, `dalam surat bertanggal
    10 Januari 2024, ... berencana menaikkan harga pada 1 Februari 2024`, `Bulan lalu, ia mengatakan akan
    ...`); or one that starts after publication, the plan's own time, so that the earlier date names
    what the plan is about (`akan merilis kinerja kuartal I 2024 pada akhir Mei`, `will release
    first-quarter results next week`), unless the two are the ends of one span (`mulai 19 Oktober 2024
    hingga 8 Desember 2025`)."""
    out: set[int] = set()
    joins = {"-", "–", *(w.lower() for w in (*g.lex.data.timex.month_range, *g.lex.data.timex.day_range))}
    for sentence in g.of_kind(SentenceNode):
        times = [(c, c.expr.lo) for _, c in stated_times(g, sentence) if c.expr.lo is not None]
        later = [c for c, lo in times if lo > pub]
        out.update(c.start for c, _ in times if later and not any(
            " ".join(g.text[c.end:t.start].split()).lower() in joins for t in later))
        out.update(c.start for c, lo in times
                   if c.expr.year_source == "stated" and any(other_lo < lo for _, other_lo in times))
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
