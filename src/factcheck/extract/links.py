"""Links between the mentions of an article: which date is a birth (and whose), which two dates an
order word puts in order, which explicit date a relative time stands next to, and where a stated
length of time starts and ends.

Times are referred to by their index in `Mentions.times`, durations by theirs in `Mentions.durations`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from ..lexicon import Lexicon, alternation
from ..models import Duration, Entity, Marker, TimeExpr
from ..text import Sentence

if TYPE_CHECKING:
    from . import Mentions

ONCE_WORDS = 8  # "born in Scranton, Pennsylvania, on Nov. 20, 1942"
DURATION_GAP_WORDS = 3  # "tiga tahun lalu, pada 2015"; "sejak 2019 atau selama dua tahun"
KIN_CHARS = 30  # back from a name, room for "anak pertama", "putri sulung"
AGE_GAP_WORDS = 3  # "Basuki yang berusia 55 tahun", "Beard is a man of about 30"
_APPOSITION = re.compile(r"[\s,(]{0,3}")


@dataclass
class DurationEnds:
    start: int | None = None  # the time it counts from (for an anniversary: its origin year instead)
    end: int | None = None  # the time it counts to; None: the publication date
    subject: Entity | None = None  # whose age it is


@dataclass
class Links:
    once: dict[int, tuple[Marker, Entity | None]] = field(default_factory=dict)  # time -> marker, subject
    orders: list[tuple[int, int, Marker]] = field(default_factory=list)  # (first time, second time, order word)
    appositions: list[tuple[int, int]] = field(default_factory=list)  # (relative time, explicit date)
    durations: dict[int, DurationEnds] = field(default_factory=dict)


class LinkFinder:
    def __init__(self, lex: Lexicon):
        self.since = re.compile(rf"(?<!\w)(?:{alternation(lex.data.durations.since) or '(?!)'})(?!\w)", re.I)
        # a date that opens with a preposition ("the last quarter of 2023") completes the time before it,
        # or starts a phrase of its own; it does not name the same time again
        self.preposition = re.compile(rf"(?:{alternation(lex.date_preposition_words) or '(?!)'})(?!\w)", re.I)
        self.kin = frozenset(w.lower() for w in lex.data.figure_scope.kin)

    def find(self, text: str, m: Mentions) -> Links:
        links = Links()
        for n, t in enumerate(m.times):
            once = self._once(text, m, t)
            if once:
                links.once[n] = once
        for sent in m.sentences:
            links.orders += self._orders(text, m, sent)
        links.appositions = [(a, a + 1) for a, (ta, tb) in enumerate(zip(m.times, m.times[1:]))
                             if ta.relative and ta.lo is not None and not tb.relative and tb.lo is not None
                             and _APPOSITION.fullmatch(text, ta.span.end, tb.span.start)
                             and not self.preposition.match(text, tb.span.start)]
        for n, d in enumerate(m.durations):
            at = m.sentence_at(d.span.start)
            if at is not None:
                links.durations[n] = self._ends(text, m, at, d, links)
        return links

    # --- dates ------------------------------------------------------------------------------------

    def _once(self, text: str, m: Mentions, t: TimeExpr) -> tuple[Marker, Entity | None] | None:
        """Whether a date is that of an event that happens once (a birth, a founding, a death), and
        whose: the marker word stands shortly before the date, its subject before the marker."""
        sent = m.sentence_at(t.span.start)
        if sent is None:
            return None
        marker = m.markers.last_before(sent.start, t.span.start, "once")
        if marker is None or len(text[marker.span.end:t.span.start].split()) > ONCE_WORDS:
            return None
        if m.indices("times", marker.span.end, t.span.start):
            return None
        subject = _entity_before(m, sent, marker.span.start)
        if subject is not None and self._relative_of(text, sent, subject, marker):
            return marker, None  # `anak pertama Rina lahir`, `Rina's son was born`: a relative's birth
        return marker, subject

    def _relative_of(self, text: str, sent: Sentence, subject: Entity, marker: Marker) -> bool:
        """Whether a kin word stands in the two words before a name or between it and the marker: the
        event is that relative's, not the name's."""
        before = text[max(sent.start, subject.span.start - KIN_CHARS):subject.span.start].split()[-2:]
        between = text[subject.span.end:marker.span.start].split()
        return any(w.strip(",.'’").lower() in self.kin for w in [*before, *between])

    def _orders(self, text: str, m: Mentions, sent: Sentence) -> list[tuple[int, int, Marker]]:
        """`A pada t1 sebelum B pada t2`: one order word between two dates of one sentence. Dates of
        what was said (`kata dia, Senin (6/12)`) date the telling, not the events, and are left out."""
        held = _times_in(m, sent)
        if len(held) < 2:
            return []  # no two dates to order; reading a date's modality is not cheap
        dated = [n for n in held
                 if m.times[n].lo is not None and not m.times[n].relative
                 and m.cues.modality(text, sent, m.times[n].span.start, m.times[n].span.end)[0] != "reported"]
        out = []
        for a, b in pairwise(dated):
            words = m.markers.in_range(m.times[a].span.end, m.times[b].span.start, "order")
            if len(words) == 1:
                out.append((a, b, words[0]))
        return out

    # --- lengths of time ----------------------------------------------------------------------------

    def _ends(self, text: str, m: Mentions, sent: Sentence, d: Duration, links: Links) -> DurationEnds:
        if d.form == "ago":  # "tiga tahun lalu, pada 2015": to publication
            return DurationEnds(start=_adjacent(text, m, sent, d, lambda t, gap: "." not in gap))
        if d.form == "length":
            return self._length(text, m, sent, d)
        if d.form == "anniversary":
            held = [n for n in _times_in(m, sent)
                    if m.times[n].lo is not None and not (d.origin and m.times[n].span.start == d.origin.start)]
            return DurationEnds(end=held[0] if held and d.origin_year else None)
        return self._age(text, m, sent, d, links)

    def _length(self, text: str, m: Mentions, sent: Sentence, d: Duration) -> DurationEnds:
        """`sejak 2019 atau selama dua tahun`: a length counted from a since-date, up to publication
        when the sentence gives no other date."""
        start = _adjacent(text, m, sent, d, lambda t, gap: self._since_date(text, t))
        return DurationEnds(start=start if len(_times_in(m, sent)) == 1 else None)

    def _since_date(self, text: str, t: TimeExpr) -> bool:
        """A date a since-word opens: "sejak 2019" (inside the span) or "since Jan. 5, 2019" (before it)."""
        before = text[max(0, t.span.start - 20):t.span.start].split()
        return bool(self.since.match(t.span.text) or (before and self.since.fullmatch(before[-1])))

    def _age(self, text: str, m: Mentions, sent: Sentence, d: Duration, links: Links) -> DurationEnds:
        """A person's age counts from their birth to the date of the sentence it is given in (`pada usia
        77 tahun, 20 Januari 2021`), else to publication; an age at an event with no date in its
        sentence has no end."""
        subject = _aged(text, m, sent, d)
        origin = next((n for n, (marker, who) in links.once.items()
                       if who is not None and subject is not None and who.name == subject.name
                       and marker.key == "birth"), None)
        dated = [n for n in _times_in(m, sent) if n != origin and m.times[n].grain == "day" and n not in links.once]
        if origin is None or (d.at_event and not dated):
            return DurationEnds(subject=subject)
        return DurationEnds(start=origin, end=dated[0] if dated else None, subject=subject)


def _times_in(m: Mentions, sent: Sentence) -> list[int]:
    return list(m.indices("times", sent.start, sent.end))


def _entity_before(m: Mentions, sent: Sentence, offset: int) -> Entity | None:
    before = [e for e in m.within("entities", sent.start, offset) if e.span.end <= offset]
    return before[-1] if before else None


def _adjacent(text: str, m: Mentions, sent: Sentence, d: Duration,
              accept: Callable[[TimeExpr, str], bool]) -> int | None:
    """A date written right before or after a duration ("tiga tahun lalu, pada 2015")."""
    for n in _times_in(m, sent):
        t = m.times[n]
        gap = text[d.span.end:t.span.start] if t.span.start >= d.span.end else text[t.span.end:d.span.start]
        if t.lo is not None and not t.relative and len(gap.split()) <= DURATION_GAP_WORDS and ";" not in gap \
                and accept(t, gap):
            return n
    return None


def _aged(text: str, m: Mentions, sent: Sentence, d: Duration) -> Entity | None:
    """Whose age: the name right after it (`79-year-old Joe Biden`), else the name a few words before
    it (`Basuki (55)`, `Kim, 55,`, `Beard, a man of about 60`, `Basuki yang berusia 55 tahun`), else
    the only name in the sentence (`Biden ... took office on Jan. 20, 2021, at the age of 77`)."""
    if d.form != "age":
        return None
    after = m.within("entities", d.span.end, d.span.end + 2)
    if after and d.span.text[:1].isdigit():
        return after[0]
    before = _entity_before(m, sent, d.span.start)
    gap = text[before.span.end:d.span.start] if before else ""
    if before and len(gap.split()) <= AGE_GAP_WORDS and not re.search(r"[;:.]", gap):
        return before
    named = {e.name: e for e in m.within("entities", sent.start, sent.end)}
    return next(iter(named.values())) if len(named) == 1 else None
