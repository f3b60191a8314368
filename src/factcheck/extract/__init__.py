"""Extraction: an Article's time expressions, quantities, durations, entities, titles, modality cues,
marker words and the relations between the figures of a sentence.

One Extractor per language holds the compiled patterns; `extract` runs them over the segments that are
checked (headline, body, related-link headlines), never over boilerplate, datelines or bylines.
`timeline` reads only the time expressions, of the whole text and with the forms only TimeML wants
(`factcheck.find_times`).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar, overload

from ..lexicon import Lexicon
from ..models import Article, Breakdown, Change, Cue, Duration, Entity, Quantity, Ratio, Shares, TimeExpr, Title
from ..text import Sentence, Taken, entity_view, restore_spans, span, split_sentences
from .changes import ChangeFinder
from .durations import DurationExtractor
from .entities import EntityExtractor
from .links import LinkFinder, Links
from .markers import MarkerExtractor, MarkerIndex
from .modality import CueIndex
from .openings import Openings, forget_words
from .parts import PartFinder
from .quantities import QuantityExtractor
from .sets import SetExtractor
from .times import TimeExtractor
from .titles import TitleExtractor
from .wholes import WholeFinder

M = TypeVar("M")
CHECKED_KINDS = ("headline", "body", "related-link")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass
class Mentions:
    sentences: list[Sentence]
    times: list[TimeExpr]
    quantities: list[Quantity]
    entities: list[Entity]
    cues: CueIndex
    durations: list[Duration]
    titles: list[Title]
    markers: MarkerIndex
    changes: list[Change]
    breakdowns: list[Breakdown]
    ratios: list[Ratio]
    shares: list[Shares]
    links: Links = field(default_factory=Links)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def indices(self, kind: str, start: int, end: int) -> range:
        """Positions in the list `kind` ("times", "quantities", "entities") of the mentions that start in
        [start, end): a binary search, so per-sentence look-ups stay cheap in a huge text."""
        if kind not in self._starts:
            self._starts[kind] = [x.span.start for x in getattr(self, kind)]
        starts = self._starts[kind]
        return range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))

    @overload
    def within(self, kind: Literal["times"], start: int, end: int) -> list[TimeExpr]: ...
    @overload
    def within(self, kind: Literal["quantities"], start: int, end: int) -> list[Quantity]: ...
    @overload
    def within(self, kind: Literal["entities"], start: int, end: int) -> list[Entity]: ...

    def within(self, kind: str, start: int, end: int) -> list[Any]:
        """The mentions of the list `kind` that start in [start, end)."""
        r = self.indices(kind, start, end)
        mentions: list[Any] = getattr(self, kind)
        return mentions[r.start:r.stop]

    def sentence_at(self, offset: int) -> Sentence | None:
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.sentences) and self.sentences[lo].start <= offset:
            return self.sentences[lo]
        return None


@dataclass
class Timeline:
    """The time expressions of a text: dates and times, stated lengths of time, and sets."""
    times: list[TimeExpr]
    durations: list[Duration]
    sets: list[TimeExpr]


class _Own(Protocol):
    """Mentions found in an entity view, given spans of the text itself."""

    def __call__(self, items: M, /) -> M: ...


def _views(source: str) -> tuple[str, _Own]:
    """The text patterns read (its entity view), and what gives mentions found there spans of `source`."""
    text = entity_view(source)

    def own(items: M) -> M:  # a model, or a list or tuple of them (restore_spans)
        return items if text is source else restore_spans(items, source)

    return text, own


def title_case(text: str) -> bool:
    """A headline written In Title Case: most of its words start upper case."""
    words = _WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


class Extractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.openings = Openings()  # one look at the words of a stretch finds where each pattern may open
        self.times = TimeExtractor(lex, self.openings)
        self.quantities = QuantityExtractor(lex, self.openings)
        self.entities = EntityExtractor(lex, self.openings)
        self.durations = DurationExtractor(lex, self.openings)
        self.titles = TitleExtractor(lex, self.openings)
        self.markers = MarkerExtractor(lex)
        self.changes = ChangeFinder(lex)
        self.parts = PartFinder(lex)
        self.links = LinkFinder(lex)
        self.wholes = WholeFinder(lex)
        self._sets: SetExtractor | None = None  # see `sets`

    def extract(self, article: Article) -> Mentions:
        """The mentions of an article; patterns read its entity view, spans quote the text itself."""
        try:
            return self._extract(article)
        finally:
            forget_words()

    def _extract(self, article: Article) -> Mentions:
        text, own = _views(article.text)
        checked = [s for s in article.segments if s.kind in CHECKED_KINDS]
        ranges = [(s.start, s.end) for s in checked]
        sentences = [Sentence(a, b, seg.kind) for seg in checked
                     for a, b in split_sentences(text, seg.start, seg.end, self.lex.abbreviations)]
        times, durations = self._timeline(text, ranges, article.published, own)
        # "tiga tahun lalu" and "HUT ke-76" say when, not how many.
        dated = Taken((d.span.start, d.span.end) for d in durations if d.form in ("ago", "anniversary"))
        quantities = [q for q in own(self.quantities.extract(text, ranges, [(t.span.start, t.span.end) for t in times]))
                      if not dated.overlaps(q.span.start, q.span.end)]
        quantities = own(self.wholes.attach(text, quantities))
        entity_ranges = [(s.start, s.end, s.kind != "body" and title_case(text[s.start:s.end])) for s in checked]
        entities = own(self.entities.extract(text, entity_ranges, {s.start for s in sentences}))
        markers = MarkerIndex(own(self.markers.extract(text, ranges)))
        changes: list[Change] = []
        breakdowns: list[Breakdown] = []
        ratios: list[Ratio] = []
        shares: list[Shares] = []
        starts = [q.span.start for q in quantities]
        for sent in sentences:
            # listed first: `own` gives spans of the text to the models of a list, not to those an iterator yields
            ratios += own(list(self.parts.ratios(text, sent)))
            qs = quantities[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]
            if qs:  # the other relations join figures the sentence states; most sentences state none
                changes += own(list(self.changes.find(text, sent, qs, markers)))
                breakdowns += own(list(self.parts.breakdowns(text, sent, qs)))
                shares += own(list(self.parts.shares(text, sent, qs)))
        mentions = Mentions(sentences=sentences, times=times, quantities=quantities, entities=entities,
                            cues=CueIndex(own(self._cues(text, ranges))), durations=durations,
                            titles=own(self.titles.extract(text, ranges)), markers=markers, changes=changes,
                            breakdowns=breakdowns, ratios=ratios, shares=shares)
        mentions.links = self.links.find(text, mentions)
        return mentions

    def timeline(self, article: Article) -> Timeline:
        """Every time expression of the article's text (front matter aside), for `find_times`: what the
        checker reads, and the forms only TimeML wants."""
        try:
            text, own = _views(article.text)
            ranges = [(s.start, s.end) for s in article.segments if s.kind != "front-matter"]
            times, durations = self._timeline(text, ranges, article.published, own, timex=True)
            return Timeline(times=times, durations=durations, sets=own(self.sets.extract(text, ranges)))
        finally:
            forget_words()

    @property
    def sets(self) -> SetExtractor:
        """Built when `find_times` first asks: the rules read no sets, so checking never looks for their
        openings. Kept by hand: compiled with mypyc, a functools.cached_property would build it at every ask."""
        if self._sets is None:
            self._sets = SetExtractor(self.lex, Openings())
        return self._sets

    def _timeline(self, text: str, ranges: list[tuple[int, int]], published: dt.date | None, own: _Own,
                  timex: bool = False) -> tuple[list[TimeExpr], list[Duration]]:
        """Dates and times, then the lengths of time outside them; with `timex`, also the lengths that
        only TimeML wants (`tiga tahun`), which the checker does not read."""
        times = own(self.times.extract(text, ranges, published))
        return times, own(self.durations.extract(text, ranges, times, published, timex=timex))

    def _cues(self, text: str, ranges: list[tuple[int, int]]) -> list[Cue]:
        lex = self.lex
        blocked = [(s, e) for a, b in ranges for s, e, _ in lex.not_cues.finditer(text, a, b)]
        return [Cue(span=span(text, s, e), modality=lex.cue_of[phrase])
                for a, b in ranges for s, e, phrase in lex.cues.finditer(text, a, b)
                if not any(x <= s < y for x, y in blocked)]
