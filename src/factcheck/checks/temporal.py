"""Temporal check kinds: dates against their weekdays, the calendar and the publication date."""
from __future__ import annotations

import datetime as dt
from typing import Iterator, Optional

from ..extract.calendar import month_interval, safe_date, shifted, year_interval
from ..extract.modality import dates_report, plan_governs
from ..graph import time_claims
from ..models import TimeExpr
from .context import Context
from .registry import Hit, Params, check

# A typo of the year or month is a likely repair only if it lands this close before publication.
TYPO_WINDOW_DAYS = 60


def _hit(c: dict, fields: dict, variants: Optional[list[str]] = None, extra: Optional[list[tuple[int, int]]] = None,
         replacements: Optional[list[str]] = None) -> Hit:
    return Hit(evidence=[(c["start"], c["end"])] + (extra or []), fields={"text": c["text"], **fields},
               variants=variants or [], in_quote=c["in_quote"], replacements=replacements or [])


def _repaired_hit(ctx: Context, c: dict, fields: dict, repairs: list, fixed: str, first: Optional[str] = None) -> Hit:
    """A hit whose suggestion names the best repair, or the rule's `no_repair` variant without one;
    `first` is a repair the suggestion offers before it."""
    offered = [first] if first else []
    if not repairs:
        return _hit(c, fields, ["no_repair"], replacements=offered)
    date, change = repairs[0]
    repaired = ctx.rewrite(c["expr"], **change)
    return _hit(c, {**fields, fixed: repaired, "repaired": ctx.date(date)}, replacements=offered + [repaired])


def _repairs(e: TimeExpr, published: Optional[dt.date], weekday: Optional[int]) -> list[tuple[dt.date, dict]]:
    """Dates one typo away from `e` (year, month or a day or two), with the stated weekday if one is given,
    best first: a year or month typo that lands just before publication, else the nearest day."""
    d, m, y = e.day, e.month, e.year
    out: list[tuple[float, dt.date, dict]] = []
    if d is None or m is None:  # a span of days (`26-27 Februari`) is not one date to repair
        return []

    def consider(date: Optional[dt.date], change: dict, typo: bool):
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


@check("weekday_mismatch", variants=("no_repair",),
       fields=("text", "stated", "actual", "date", "fixed_weekday", "fixed_date", "repaired"))
def weekday_mismatch(ctx: Context, params: Params) -> Iterator[Hit]:
    """A stated weekday that does not fall on the stated date."""
    for c in time_claims(ctx.graph):
        e: TimeExpr = c["expr"]
        if e.weekday is None or e.lo is None or e.grain != "day" or e.year_source not in ("stated", "publication", "article"):
            continue
        actual = e.lo.weekday()
        if actual == e.weekday:
            continue
        fields = {"stated": ctx.weekday(e.weekday), "actual": ctx.weekday(actual), "date": ctx.date(e.lo, weekday=False),
                  "fixed_weekday": ctx.rewrite(e, weekday=actual)}
        yield _repaired_hit(ctx, c, fields, _repairs(e, ctx.published, e.weekday), "fixed_date",
                            first=fields["fixed_weekday"])


@check("invalid_date", variants=("month", "day", "leap", "year", "slash", "no_repair"),
       fields=("text", "day", "month", "year", "fixed", "repaired"))
def invalid_date(ctx: Context, params: Params) -> Iterator[Hit]:
    """A date that does not exist: month 13 or more, day 32, 29 February of a common year; or one
    written without the slash before its year."""
    for c in time_claims(ctx.graph):
        e: TimeExpr = c["expr"]
        if not e.invalid:
            continue
        reason = e.invalid
        fields = {"day": e.day, "month": e.month, "year": e.year or ""}
        if reason == "slash":
            cut = e.year_span.start - e.span.start
            date = safe_date(e.year, e.month, e.day)
            fields.update(fixed=f"{e.span.text[:cut]}/{e.span.text[cut:]}", repaired=ctx.date(date) if date else "")
            yield _hit(c, fields, [reason] if date else [reason, "no_repair"], replacements=[fields["fixed"]] if date else [])
            continue
        candidates = []
        pub = ctx.published
        if reason in ("month", "day", "leap") and e.year and 1 <= e.year <= 9999:
            months = range(1, 13) if reason == "month" else [e.month]
            days = [e.day] if reason == "month" else range(1, 32)
            for month in months:
                for day in days:
                    date = safe_date(e.year, month, day)
                    if date is None or (e.weekday is not None and date.weekday() != e.weekday):
                        continue
                    near = date if pub is None else pub
                    candidates.append((abs((date - near).days) if reason == "month" or pub else abs(day - e.day), date, month, day))
        if reason == "year" and pub is not None:
            candidates.append((0, safe_date(pub.year, e.month, e.day), e.month, e.day))
        candidates = [x for x in candidates if x[1] is not None]
        variants = [reason]
        if candidates:
            _, date, month, day = min(candidates, key=lambda x: (x[0], x[1]))
            fields.update(fixed=ctx.rewrite(e, day=day, month=month, year=date.year), repaired=ctx.date(date))
        else:
            variants.append("no_repair")
        yield _hit(c, fields, variants, replacements=[fields["fixed"]] if candidates else [])


def _moved(e: TimeExpr, year: int) -> Optional[tuple[dt.date, dt.date]]:
    if e.grain == "day":
        d = safe_date(year, e.month, e.day)
        return (d, d) if d else None
    if e.grain == "month":
        return month_interval(year, e.month, e.mod)
    return year_interval(year, e.mod)


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
    for c in time_claims(ctx.graph):
        e: TimeExpr = c["expr"]
        if c["modality"] != "planned" or e.relative or e.hi is None or e.year is None:
            continue
        grace = max(params.grace_days, params.year_grace_days) if e.grain == "year" else params.grace_days
        if (pub - e.hi).days <= grace:
            continue
        if c["cue_words"] > params.max_cue_words or c["superseded_in_sentence"]:
            continue
        cue = (c["cue_start"], c["cue_start"] + len(c["cue"]))
        if not plan_governs(ctx.article.text, ctx.lex.data.plan_scope, cue, c["start"], c["end"]):
            continue
        if e.year_source not in ("stated", "article"):
            continue
        fields = {"cue": c["cue"], "period": ctx.period(e.lo, e.hi), "published": ctx.date(pub),
                  "days": (pub - e.hi).days}
        for year in range(e.year + 1, pub.year + 3):
            moved = _moved(e, year)
            if moved and (pub - moved[1]).days <= params.grace_days:
                fields.update(fixed=ctx.rewrite(e, year=year), repaired=ctx.period(*moved))
                yield _hit(c, fields, replacements=[fields["fixed"]])
                break
        else:
            yield _hit(c, fields, ["no_repair"])


class ReportedParams(Params):
    grace_days: int = 0  # a day later, in a time zone ahead of the publication date's, is rare enough
    max_cue_words: int = 10  # from the reporting cue to the date: "ujar X dalam keterangan tertulis, Senin"
    past_cue_words: int = 2  # from a past-event cue to the date: "ditangkap pada Senin (6/10/2026)"


@check("reported_after_publication", ReportedParams, variants=("no_repair",),
       fields=("text", "cue", "date", "published", "days", "fixed", "repaired"))
def reported_after_publication(ctx: Context, params: ReportedParams) -> Iterator[Hit]:
    """A statement's attribution (`kata dia, Selasa (20/10/2026)`) dated after the publication date.

    Only a reporting cue counts, or a past event's right before the date (`diamankan pada Senin`), and
    only before a date with a stated weekday, the way news prose dates what was said or done; a date in a
    schedule, a deadline or a period that starts or ends later is the future, not a slip."""
    pub = ctx.published
    if pub is None:
        return
    for c in time_claims(ctx.graph):
        e: TimeExpr = c["expr"]
        if e.grain != "day" or e.lo is None or e.lo != e.hi or e.relative or (e.lo - pub).days <= params.grace_days:
            continue
        if e.year_source not in ("stated", "article") or e.weekday is None:
            continue
        if c["planned_nearby"] or not _reported_on(ctx, c, params):
            continue
        fields = {"cue": c["cue"], "date": ctx.date(e.lo), "published": ctx.date(pub),
                  "days": (e.lo - pub).days}
        typos = [r for r in _repairs(e, pub, e.weekday) if list(r[1]) in (["year"], ["month"])]
        yield _repaired_hit(ctx, c, fields, typos, "fixed")


def _reported_on(ctx: Context, c: dict, params: ReportedParams) -> bool:
    """Whether a time claim dates a statement or a past event (see reported_after_publication)."""
    cue = (c["cue_start"], c["cue_start"] + len(c["cue"]))
    prepositions = ctx.lex.date_preposition_words
    if c["modality"] == "reported":
        return dates_report(ctx.article.text, cue, c["start"], c["end"], params.max_cue_words, prepositions)
    since = {w.lower() for w in ctx.lex.data.durations.since}
    return (c["modality"] == "past" and c["cue"].lower() not in since
            and dates_report(ctx.article.text, cue, c["start"], c["end"], params.past_cue_words, prepositions))
