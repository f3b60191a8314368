"""Event check kinds: dates of one event that disagree with each other, with the relative time next
to them, or with the order words between them."""
from __future__ import annotations

from typing import Iterator

from ..graph import bare_part, paraphrases, sentence_dates, time_of
from ..models import TimeExpr
from ..text import entity_view
from .context import Context
from .intervals import meet
from .registry import Hit, Params, check
from .quantity import COMPARED
from .restatement import RestatementParams, restated

EXPLICIT_YEAR = {"stated", "article"}
# More dates than this in the same words are the items of a list, each with its own date, not one event.
LISTED_DATES = 2
# "last Tuesday" said on a Wednesday may mean the day before or the Tuesday of the week before.
WEEKDAY_LOOKBACK_DAYS = 7


def _disjoint(a: TimeExpr, b: TimeExpr) -> bool:
    return not meet((a.lo, a.hi), (b.lo, b.hi))


def _dated(c: dict) -> bool:
    return _dates_event(c["expr"])


def _dates_event(e: TimeExpr) -> bool:
    """Whether a time is the date of its clause's event: with days, not relative, and not a bare year
    (`the 2010 target`), which may name a thing."""
    return e.lo is not None and not e.relative and e.year_source != "bare"


@check("date_conflict", RestatementParams, variants=("once", "paraphrased", "weekday", "month"),
       fields=("first", "second", "first_period", "second_period", "subject", "event", "bare", "dated", "date",
               "date_part"))
def date_conflict(ctx: Context, params: RestatementParams) -> Iterator[Hit]:
    """One event given two dates that cannot both hold: a sentence restated with another date (in the
    same words or in other words), or two dates for an event that happens once to its subject (a
    birth, a founding, a death); one of them may be a bare weekday or month that the other date does
    not fall on or in."""
    seen: set[tuple[int, int]] = set()
    listed = _listed(ctx.graph)
    hits = [*_restated_dates(ctx, params, seen, listed), *_once_dates(ctx, seen),
            *_paraphrased_dates(ctx, seen, listed)]
    yield from sorted(hits, key=lambda h: h.evidence[1])


def _listed(g) -> set[str]:
    """Phrases, and the events they restate, that carry more than LISTED_DATES dates: one sentence pattern
    for the items of a list (`Seri yang jatuh tempo pada ... ini`), each item with its own date."""
    out = set()
    for phrase, edges in g.by_source("restates").items():
        events = [event for event, _ in edges]
        claims = [time_of(g, event) for event in events]
        periods = {(c["expr"].lo, c["expr"].hi) for c in claims if _dated(c)}  # a bare weekday lists nothing
        if len(periods) > LISTED_DATES:
            out.update([phrase, *events])
    return out


def _restated_dates(ctx: Context, params: RestatementParams, seen: set, listed: set[str]) -> Iterator[Hit]:
    g = ctx.graph
    for phrase, edges in g.by_source("restates").items():
        if phrase in listed:
            continue
        stated = sorted(((e, time_of(g, event)) for event, e in edges), key=lambda x: x[1]["start"])
        for i, (wb, b) in enumerate(stated):
            for wa, a in stated[max(0, i - COMPARED):i]:
                dates_differ = _dated(a) and _dated(b) and _disjoint(a["expr"], b["expr"])
                if (dates_differ or _part_conflict(a, b)) and restated(wa, wb, params) and _new_pair(a, b, seen):
                    fields = {"subject": g.nodes[phrase]["label"]}
                    yield _hit(ctx, a, b, fields) if dates_differ else _part_hit(ctx, a, b, fields)


def _once_dates(ctx: Context, seen: set) -> Iterator[Hit]:
    g = ctx.graph
    for entity, edges in g.by_source("subject").items():
        events = [(e["once"], time_of(g, event)) for event, e in edges]
        for i, (kind_b, b) in enumerate(events):
            for kind_a, a in events[:i]:
                if kind_a != kind_b:
                    continue
                fields = {"subject": g.nodes[entity]["label"], "event": a["once_cue"]}
                if _dated(a) and _dated(b) and _disjoint(a["expr"], b["expr"]) and _new_pair(a, b, seen):
                    yield _hit(ctx, a, b, fields, ["once"])
                elif _part_conflict(a, b) and _new_pair(a, b, seen):
                    yield _part_hit(ctx, a, b, fields)


def _part_conflict(a: dict, b: dict) -> bool:
    """A bare weekday or month (`meninggal pada Selasa`, `lahir pada Maret`) and a date of one day
    (`meninggal 8 Desember 2021`) of one event, the date not on that weekday or in that month. The
    weekday or month is compared, not the day or year it was placed in: it gives none."""
    if a["expr"].relative == b["expr"].relative:  # the common case, answered first: not one of each
        return False
    bare, dated = _bare_first(a, b)
    part = _bare_part(bare)
    if part is None or not _day_dated(dated):
        return False
    day, e = dated["expr"].lo, bare["expr"]
    return day.weekday() != e.weekday if part == "weekday" else day.month != e.month


def _bare_first(a: dict, b: dict) -> tuple[dict, dict]:
    return (a, b) if _bare_part(a) else (b, a)


def _bare_part(c: dict) -> str | None:
    """What a bare time outside a quote names (graph.bare_part); `Selasa lalu` is the relative-date rule's."""
    return None if c["in_quote"] else bare_part(c["expr"])


def _day_dated(c: dict) -> bool:
    """A date of one day; its own weekday, if it states one, agrees (a date that contradicts its own
    weekday is the weekday-mismatch rule's)."""
    e = c["expr"]
    return _dated(c) and e.grain == "day" and e.lo == e.hi and e.weekday in (None, e.lo.weekday())


def _part_hit(ctx: Context, a: dict, b: dict, fields: dict) -> Hit:
    bare, dated = _bare_first(a, b)
    part, day = _bare_part(bare), dated["expr"].lo
    name = ctx.weekday(day.weekday()) if part == "weekday" else ctx.lex.month_display[day.month]
    return Hit(evidence=[(a["start"], a["end"]), (b["start"], b["end"])],
               fields={"first": a["text"], "second": b["text"], "bare": bare["text"], "dated": dated["text"],
                       "date": ctx.date(day, weekday=False), "date_part": name, **fields},
               variants=[part], in_quote=a["in_quote"] or b["in_quote"])


def _paraphrased_dates(ctx: Context, seen: set, listed: set[str]) -> Iterator[Hit]:
    """A sentence with one date that restates another in other words, none of whose dates it meets."""
    g = ctx.graph
    for small, large in paraphrases(g):
        dated, others = [t for t in sentence_dates(g, small) if _dates_event(t)], sentence_dates(g, large)
        if dated and _labelled(ctx.article.text, dated[0]):
            continue  # "Batas akhir pendaftaran: 1 Maret 2023": a field of a listing, one per item
        if any(event in listed for event, _ in g.out_edges(small, "states")):
            continue  # an item of a list written in one sentence pattern
        if len(dated) == 1 and others and not any(meet((t.lo, t.hi), (dated[0].lo, dated[0].hi)) for t in others):
            a, b = sorted((_date_claim(g, large, others[0]), _date_claim(g, small, dated[0])), key=lambda c: c["start"])
            if _new_pair(a, b, seen):
                yield _hit(ctx, a, b, {"subject": g.nodes[small]["label"]}, ["paraphrased"])


def _labelled(text: str, t: TimeExpr) -> bool:
    """Whether a date is the value of a label (`Deadline: 1 March`), white space and entities aside."""
    return entity_view(text[max(0, t.span.start - 20):t.span.start]).rstrip().endswith(":")


def _date_claim(g, sentence: str, t: TimeExpr) -> dict:
    return next(c for c in (time_of(g, ev) for ev, _ in g.out_edges(sentence, "states")) if c["expr"] is t)


def _new_pair(a: dict, b: dict, seen: set[tuple[int, int]]) -> bool:
    key = (a["start"], b["start"])
    if key in seen or a["start"] == b["start"]:
        return False
    seen.add(key)
    return True


def _hit(ctx: Context, a: dict, b: dict, fields: dict, variants: list[str] | None = None) -> Hit:
    ea, eb = a["expr"], b["expr"]
    return Hit(evidence=[(a["start"], a["end"]), (b["start"], b["end"])],
               fields={"first": a["text"], "second": b["text"], "first_period": ctx.period(ea.lo, ea.hi),
                       "second_period": ctx.period(eb.lo, eb.hi), **fields},
               variants=variants or [], in_quote=a["in_quote"] or b["in_quote"])


@check("relative_date_mismatch", variants=("no_repair",),
       fields=("relative", "date", "relative_period", "date_period", "published", "fixed"))
def relative_date_mismatch(ctx: Context, params: Params) -> Iterator[Hit]:
    """A relative time (`kemarin`, `last Tuesday`) followed by an explicit date that is not the day,
    week or year it names from the publication date. Inside a direct quote a relative time counts from
    when it was said, so quotes are skipped."""
    g = ctx.graph
    for rel_event, date_event, c in g.claims("apposition"):
        rel, date = time_of(g, rel_event)["expr"], time_of(g, date_event)["expr"]
        if rel.year_source != "relative" or c["in_quote"] or _opens_quote(ctx.article.text, rel) or _headline(rel):
            continue  # counted from another time (`a year earlier`), not from publication
        if not _disjoint(rel, date) or _earlier_same_weekday(rel, date) or _within_a_week(rel, date):
            continue
        fields = {"relative": rel.span.text, "date": date.span.text, "relative_period": ctx.period(rel.lo, rel.hi),
                  "date_period": ctx.period(date.lo, date.hi), "published": ctx.date(ctx.published)}
        evidence = [(rel.span.start, rel.span.end), (date.span.start, date.span.end)]
        if rel.lo == rel.hi and date.grain == "day" and date.day_span:
            fields["fixed"] = ctx.rewrite(date, day=rel.lo.day, month=rel.lo.month, year=rel.lo.year if date.year_span else None)
            yield Hit(evidence=evidence, fields=fields)
        else:
            yield Hit(evidence=evidence, fields=fields, variants=["no_repair"])


def _opens_quote(text: str, rel: TimeExpr) -> bool:
    """`"Kemarin, 25 Februari ...`: a quote counts from when it was said, not from publication."""
    return entity_view(text[max(0, rel.span.start - 12):rel.span.start]).rstrip().endswith(('"', "“"))


def _headline(rel: TimeExpr) -> bool:
    """`Prakiraan Cuaca Hari Ini, 26 Februari 2023`: a headline, as of its own day, not this article's."""
    words = rel.span.text.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words)


def _earlier_same_weekday(rel: TimeExpr, date: TimeExpr) -> bool:
    """`last Tuesday` may name the Tuesday a week before the most recent one."""
    return (rel.weekday is not None and date.lo == date.hi and date.lo.weekday() == rel.weekday
            and 0 < (rel.lo - date.lo).days <= WEEKDAY_LOOKBACK_DAYS)


def _within_a_week(rel: TimeExpr, date: TimeExpr) -> bool:
    """`pekan lalu` said on a Sunday may mean the last seven days rather than the calendar week before."""
    return rel.grain == "week" and date.lo is not None and 0 < (date.lo - rel.hi).days <= WEEKDAY_LOOKBACK_DAYS


@check("date_order", fields=("first", "second", "word", "first_period", "second_period"))
def date_order(ctx: Context, params: Params) -> Iterator[Hit]:
    """Two dates of one sentence whose order word (`sebelum`, `after`) says the opposite of the calendar.
    Both dates must give their year: a year-less date is placed near publication, which is a guess."""
    g = ctx.graph
    since = tuple(w.lower() for w in ctx.lex.data.durations.since)
    for first_event, second_event, c in g.claims("order"):
        a, b = time_of(g, first_event), time_of(g, second_event)
        ea, eb = a["expr"], b["expr"]
        if {ea.year_source, eb.year_source} - EXPLICIT_YEAR:
            continue
        (a_lo, a_hi), (b_lo, b_hi) = _reach(ctx, ea, since), _reach(ctx, eb, since)
        wrong = a_lo > b_hi if c["relation"] == "before" else a_hi < b_lo
        if wrong:
            yield Hit(evidence=[(a["start"], a["end"]), (c["start"], c["end"]), (b["start"], b["end"])],
                      fields={"first": a["text"], "second": b["text"], "word": c["text"],
                              "first_period": ctx.period(ea.lo, ea.hi), "second_period": ctx.period(eb.lo, eb.hi)},
                      in_quote=a["in_quote"] or b["in_quote"])


def _reach(ctx: Context, e: TimeExpr, since: tuple[str, ...]) -> tuple:
    """The days a date covers; `since 2002` runs on to publication (`highest since 2002, after the
    2016 election` orders nothing)."""
    if ctx.published and e.span.text.lower().startswith(since):
        return e.lo, max(e.hi, ctx.published)
    return e.lo, e.hi
