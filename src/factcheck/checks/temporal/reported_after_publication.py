"""temporal.reported-after-publication: a statement's attribution dated after the publication date."""
from __future__ import annotations

from collections.abc import Iterator

from ...claims.queries import dates_statement, time_claims, updated_on
from ..context import Context
from ..registry import Hit, Params, check
from ..repairs import repaired_hit, repairs


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
    updated = updated_on(ctx.graph)
    latest = max(pub, updated) if updated else pub  # what was said by an update is dated up to it
    for c in time_claims(ctx.graph):
        e = c.expr
        if e.grain != "day" or e.lo is None or e.lo != e.hi or e.relative or (e.lo - latest).days <= params.grace_days:
            continue
        if e.year_source not in ("stated", "article") or e.weekday is None:
            continue
        if c.planned_nearby or not dates_statement(ctx.graph, c, params.max_cue_words, params.past_cue_words):
            continue
        fields: dict[str, object] = {"cue": c.cue, "date": ctx.date(e.lo), "published": ctx.date(pub),
                                     "days": (e.lo - pub).days}
        typos = [r for r in repairs(e, pub, e.weekday) if list(r[1]) in (["year"], ["month"])]
        yield repaired_hit(ctx, c, fields, typos, "fixed")
