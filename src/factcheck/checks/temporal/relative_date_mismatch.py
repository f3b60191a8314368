"""temporal.relative-date-mismatch: a relative time followed by an explicit date that is not the day,
week or year it names from the publication date."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...claims.queries import appositions, opens_quote
from ...models import TimeExpr
from ..context import Context
from ..intervals import days_apart
from ..registry import Hit, Params, check

# "pekan lalu" said on a Sunday may mean the last seven days rather than the calendar week before.
LOOSE_WEEK_DAYS = 7


@check("relative_date_mismatch", variants=("no_repair",),
       fields=("relative", "date", "relative_period", "date_period", "published", "fixed"))
def relative_date_mismatch(ctx: Context, params: Params) -> Iterator[Hit]:
    """A relative time (`kemarin`, `last Tuesday`) followed by an explicit date that is not the day,
    week or year it names from the publication date. Inside a direct quote a relative time counts from
    when it was said, so quotes are skipped."""
    for rel_claim, date_claim, c in appositions(ctx.graph):
        rel, date = rel_claim.expr, date_claim.expr
        if rel.year_source != "relative" or c.in_quote or opens_quote(ctx.graph, rel_claim) or _headline(rel):
            continue  # counted from another time (`a year earlier`), not from publication
        if not days_apart(rel, date) or _on_its_weekday(rel, date) or _within_a_week(rel, date):
            continue
        (rel_lo, rel_hi), (date_lo, date_hi) = _days(rel), _days(date)
        assert ctx.published is not None  # a relative time counts from it
        fields: dict[str, object] = {"relative": rel.span.text, "date": date.span.text,
                                     "relative_period": ctx.period(rel_lo, rel_hi),
                                     "date_period": ctx.period(date_lo, date_hi), "published": ctx.date(ctx.published)}
        evidence = [(rel.span.start, rel.span.end), (date.span.start, date.span.end)]
        if rel_lo == rel_hi and date.grain == "day" and date.day_span:
            fields["fixed"] = ctx.rewrite(date, day=rel_lo.day, month=rel_lo.month,
                                          year=rel_lo.year if date.year_span else None)
            yield Hit(evidence=evidence, fields=fields)
        else:
            yield Hit(evidence=evidence, fields=fields, variants=["no_repair"])


def _days(e: TimeExpr) -> tuple[dt.date, dt.date]:
    assert e.lo is not None and e.hi is not None  # both times of an apposition are dated
    return e.lo, e.hi


def _headline(rel: TimeExpr) -> bool:
    """`Prakiraan Cuaca Hari Ini, 26 Februari 2023`: a headline, as of its own day, not this article's."""
    words = rel.span.text.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words)


def _on_its_weekday(rel: TimeExpr, date: TimeExpr) -> bool:
    """A weekday and a date that falls on it agree: `last Tuesday` may name the Tuesday a week before the
    most recent one, and `Selasa malam` names no week at all (its day is a guess from publication)."""
    date_lo, date_hi = _days(date)
    return rel.weekday is not None and date_lo == date_hi and date_lo.weekday() == rel.weekday


def _within_a_week(rel: TimeExpr, date: TimeExpr) -> bool:
    """`pekan lalu` said on a Sunday may mean the last seven days rather than the calendar week before."""
    return rel.grain == "week" and date.lo is not None and 0 < (date.lo - _days(rel)[1]).days <= LOOSE_WEEK_DAYS
