"""temporal.event-date-conflict: one event given two dates that cannot both hold."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ...claims import ClaimGraph, Restates, Subject, TimeClaim
from ...claims.nodes import SentenceNode
from ...claims.queries import (
    bare_part,
    heads_line,
    labelled,
    paraphrases,
    sentence_dates,
    sentence_text,
    time_of,
)
from ...text import Sentence, clause_bounds
from ..context import Context
from ..intervals import days_apart
from ..registry import Hit, check
from ..restatement import COMPARED, RestatementParams, restated

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d(?:[\d.,]*\d)?")

# More dates than this in the same words are the items of a list, each with its own date, not one event.
LISTED_DATES = 2

Seen = set[tuple[int, int]]  # the pairs of claims reported, by where they start


def _dated(c: TimeClaim) -> bool:
    """Whether a time is the date of its clause's event: with days, not relative, and not a bare year
    (`the 2010 target`), which may name a thing."""
    e = c.expr
    return e.lo is not None and not e.relative and e.year_source != "bare"


@check("event_date_conflict", RestatementParams, variants=("once", "paraphrased", "weekday", "month"),
       fields=("first", "second", "first_period", "second_period", "subject", "event", "bare", "dated", "date",
               "date_part"))
def event_date_conflict(ctx: Context, params: RestatementParams) -> Iterator[Hit]:
    """One event given two dates that cannot both hold: a sentence restated with another date (in the
    same words or in other words), or two dates for an event that happens once to its subject (a
    birth, a founding, a death); one of them may be a bare weekday or month that the other date does
    not fall on or in."""
    seen: Seen = set()
    listed = _listed(ctx.graph)
    hits = [*_restated_dates(ctx, params, seen, listed), *_once_dates(ctx, seen),
            *_paraphrased_dates(ctx, seen, listed)]
    yield from sorted(hits, key=lambda h: h.evidence[1])


def _listed(g: ClaimGraph) -> set[str]:
    """Phrases, and the events they restate, that carry more than LISTED_DATES dates: one sentence pattern
    for the items of a list (`Seri yang jatuh tempo pada ... ini`), each item with its own date."""
    out: set[str] = set()
    for phrase, edges in g.by_source(Restates).items():
        events = [event for event, _ in edges]
        claims = [time_of(g, event) for event in events]
        periods = {(c.expr.lo, c.expr.hi) for c in claims if _dated(c)}  # a bare weekday lists nothing
        if len(periods) > LISTED_DATES:
            out.update([phrase, *events])
    return out


def _restated_dates(ctx: Context, params: RestatementParams, seen: Seen, listed: set[str]) -> Iterator[Hit]:
    g = ctx.graph
    for phrase, edges in g.by_source(Restates).items():
        if phrase in listed:
            continue
        stated = sorted(((e, time_of(g, event)) for event, e in edges), key=lambda x: x[1].start)
        for i, (wb, b) in enumerate(stated):
            for wa, a in stated[max(0, i - COMPARED):i]:
                if heads_line(g, a) or heads_line(g, b):
                    continue  # two items of a chronology, each its own event
                dates_differ = _dated(a) and _dated(b) and days_apart(a.expr, b.expr)
                if (dates_differ or _part_conflict(a, b)) and restated(wa, wb, params) \
                        and _series(g, wa.left) == _series(g, wb.left) \
                        and _recurrence(g, wa.right) == _recurrence(g, wb.right) \
                        and _new_pair(a, b, seen):
                    fields: dict[str, object] = {"subject": g.label(phrase)}
                    yield _hit(ctx, a, b, fields) if dates_differ else _part_hit(ctx, a, b, fields)


def _once_dates(ctx: Context, seen: Seen) -> Iterator[Hit]:
    g = ctx.graph
    for entity, edges in g.by_source(Subject).items():
        events = [(e.once, time_of(g, event)) for event, e in edges]
        for i, (kind_b, b) in enumerate(events):
            for kind_a, a in events[:i]:
                if kind_a != kind_b:
                    continue
                fields: dict[str, object] = {"subject": g.label(entity), "event": a.once_cue}
                if _dated(a) and _dated(b) and days_apart(a.expr, b.expr) and _new_pair(a, b, seen):
                    yield _hit(ctx, a, b, fields, ["once"])
                elif _part_conflict(a, b) and _new_pair(a, b, seen):
                    yield _part_hit(ctx, a, b, fields)


def _part_conflict(a: TimeClaim, b: TimeClaim) -> bool:
    """A bare weekday or month (`meninggal pada Selasa`, `lahir pada Maret`) and a date of one day
    (`meninggal 8 Desember 2021`) of one event, the date not on that weekday or in that month. The
    weekday or month is compared, not the day or year it was placed in: it gives none."""
    if a.expr.relative == b.expr.relative:  # the common case, answered first: not one of each
        return False
    bare, dated = _bare_first(a, b)
    part = _bare_part(bare)
    day = _day_dated(dated)
    if part is None or day is None:
        return False
    return day.weekday() != bare.expr.weekday if part == "weekday" else day.month != bare.expr.month


def _bare_first(a: TimeClaim, b: TimeClaim) -> tuple[TimeClaim, TimeClaim]:
    return (a, b) if _bare_part(a) else (b, a)


def _bare_part(c: TimeClaim) -> str | None:
    """What a bare time outside a quote names (claims.queries.bare_part); `Selasa lalu` is the relative-date
    rule's."""
    return None if c.in_quote else bare_part(c.expr)


def _day_dated(c: TimeClaim) -> dt.date | None:
    """The day of a date of one day, whose own weekday, if it states one, agrees (a date that contradicts
    its own weekday is the weekday-mismatch rule's); else None."""
    e = c.expr
    if _dated(c) and e.grain == "day" and e.lo is not None and e.lo == e.hi and e.weekday in (None, e.lo.weekday()):
        return e.lo
    return None


def _part_hit(ctx: Context, a: TimeClaim, b: TimeClaim, fields: dict[str, object]) -> Hit:
    bare, dated = _bare_first(a, b)
    part, day = _bare_part(bare), _day_dated(dated)
    assert part is not None and day is not None  # as _part_conflict found them
    name = ctx.weekday(day.weekday()) if part == "weekday" else ctx.month(day.month)
    return Hit(evidence=[(a.start, a.end), (b.start, b.end)],
               fields={"first": a.text, "second": b.text, "bare": bare.text, "dated": dated.text,
                       "date": ctx.date(day, weekday=False), "date_part": name, **fields},
               variants=[part], in_quote=a.in_quote or b.in_quote)


def _paraphrased_dates(ctx: Context, seen: Seen, listed: set[str]) -> Iterator[Hit]:
    """A sentence with one date that restates another in other words, none of whose dates it meets, and
    gives none of its figures another value."""
    g = ctx.graph
    for small, large in paraphrases(g):
        dated, others = [c for c in sentence_dates(g, small) if _dated(c)], sentence_dates(g, large)
        if dated and (labelled(g, dated[0]) or heads_line(g, dated[0])):
            continue  # "Batas akhir pendaftaran: 1 Maret 2023", "- 1 Maret 2023: ...": an item of a listing
        if any(event in listed for event in g.out_links(small, "states")):
            continue  # an item of a list written in one sentence pattern
        if _another_of_a_series(g, small, large) or _another_reading(g, small, large):
            continue  # numbered apart, or a series, one figure per date ("Rp 2.802 triliun pada 2024" ... 2023)
        small_names, large_names = _named_years(g, small), _named_years(g, large)
        if small_names and large_names and small_names != large_names:
            continue  # `The 2020 election ...`, `The 2024 election ...`: two events named by their years
        if len(dated) == 1 and others and all(days_apart(t.expr, dated[0].expr) for t in others):
            a, b = sorted((others[0], dated[0]), key=lambda c: c.start)
            if _new_pair(a, b, seen):
                yield _hit(ctx, a, b, {"subject": g.label(small)}, ["paraphrased"])


def _series(g: ClaimGraph, text: str) -> frozenset[str]:
    """The words of a text that number an event or tell another occurrence of it (`pertama`, `second`,
    `berikutnya`, `again`): events told in the same words but numbered apart (`Babak pertama ...`, `Babak
    kedua ...`; `Round one ...`, `Round two ...`) or told as a recurrence are two events."""
    lex = g.lex.data
    return frozenset(w for w in _WORD.findall(text.lower()) if _tells_another(g, w) or w in lex.numbers.words)


def _recurrence(g: ClaimGraph, text: str) -> frozenset[str]:
    """The words of a text that tell another occurrence of an event or number it (`too` in `..., too.`,
    `second` in `..., for the second time`)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if _tells_another(g, w))


def _tells_another(g: ClaimGraph, word: str) -> bool:
    """Whether a word (lower case) tells another occurrence of an event or numbers it: `berikutnya`, `too`,
    `kedua`."""
    lex = g.lex.data
    return word in lex.recurrence_words or word in lex.numbers.ordinals


def _another_of_a_series(g: ClaimGraph, small: str, large: str) -> bool:
    """Whether the shorter sentence numbers its event apart from the longer one's (`Ujian tahap kedua ...`
    after `Ujian tahap pertama ...`), or the longer tells a recurrence or an order the shorter does not
    (`Sidang berikutnya digelar ...`, `Pengumuman tahap kedua dilakukan ...`); a number word (`dua`) only
    the longer holds may belong to the rest of it. Each sentence is read from the clause of its first date
    on, where such a word tells of the dated event (`..., for the second time`); one in an earlier clause
    tells of something else (`... and later of the Croatian Army – HV ) established on 18 May 1991`)."""
    words, more_words = _series(g, _from_dates(g, small)), _series(g, _from_dates(g, large))
    return bool(words - more_words) or any(_tells_another(g, w) for w in more_words - words)


def _from_dates(g: ClaimGraph, sentence: str) -> str:
    """A sentence's text from the clause of its first date to its end."""
    node = g.node(sentence, SentenceNode)
    dates = sentence_dates(g, sentence)
    first = clause_bounds(g.text, Sentence(node.start, node.end, ""), min(c.start for c in dates))[0] if dates \
        else node.start
    return g.text[first:node.end]


def _another_reading(g: ClaimGraph, small: str, large: str) -> bool:
    """Whether each sentence writes a number, outside its dates, that the other does not: two readings of
    a measure at two dates (`The index closed at 7,100 on May 17`, `The index closed at 7,250 on May 10`),
    not one event told twice."""
    small_numbers, large_numbers = _numbers(g, small), _numbers(g, large)
    return bool(small_numbers - large_numbers) and bool(large_numbers - small_numbers)


def _numbers(g: ClaimGraph, sentence: str) -> frozenset[str]:
    """The numbers a sentence writes outside its dates."""
    text = sentence_text(g, sentence)
    for date in sentence_dates(g, sentence):
        text = text.replace(date.text, " ")
    return frozenset(_NUMBER.findall(text))


def _named_years(g: ClaimGraph, sentence: str) -> frozenset[int]:
    """The bare years of a sentence, which may name a thing (`Pemilu 2019`, `the 2024 election`)."""
    return frozenset(c.expr.year for c in sentence_dates(g, sentence)
                     if c.expr.year_source == "bare" and c.expr.year is not None)


def _new_pair(a: TimeClaim, b: TimeClaim, seen: Seen) -> bool:
    key = (a.start, b.start)
    if key in seen or a.start == b.start:
        return False
    seen.add(key)
    return True


def _hit(ctx: Context, a: TimeClaim, b: TimeClaim, fields: dict[str, object],
         variants: list[str] | None = None) -> Hit:
    ea, eb = a.expr, b.expr
    assert ea.lo is not None and ea.hi is not None and eb.lo is not None and eb.hi is not None  # both dated
    return Hit(evidence=[(a.start, a.end), (b.start, b.end)],
               fields={"first": a.text, "second": b.text, "first_period": ctx.period(ea.lo, ea.hi),
                       "second_period": ctx.period(eb.lo, eb.hi), **fields},
               variants=variants or [], in_quote=a.in_quote or b.in_quote)
