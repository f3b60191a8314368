"""Extraction: an Article's time expressions, quantities, durations, entities, titles, modality cues,
marker words and the relations between the figures of a sentence.

One Extractor per language holds the compiled patterns; `extract` runs them over the segments that are
checked (headline, body, related-link headlines), never over boilerplate, datelines or bylines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import Lexicon
from ..models import Article, Breakdown, Change, Cue, Duration, Entity, Quantity, Ratio, Shares, TimeExpr, Title
from ..text import Sentence, span, split_sentences
from .durations import DurationExtractor
from .changes import ChangeFinder
from .entities import EntityExtractor
from .links import LinkFinder, Links
from .markers import MarkerExtractor, MarkerIndex
from .modality import CueIndex
from .quantities import QuantityExtractor
from .parts import PartFinder
from .times import TimeExtractor
from .titles import TitleExtractor

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


def title_case(text: str) -> bool:
    """A headline written In Title Case: most of its words start upper case."""
    words = _WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


class Extractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.times = TimeExtractor(lex)
        self.quantities = QuantityExtractor(lex)
        self.entities = EntityExtractor(lex)
        self.durations = DurationExtractor(lex)
        self.titles = TitleExtractor(lex)
        self.markers = MarkerExtractor(lex)
        self.changes = ChangeFinder(lex)
        self.parts = PartFinder(lex)
        self.links = LinkFinder(lex)

    def extract(self, article: Article) -> Mentions:
        text = article.text
        checked = [s for s in article.segments if s.kind in CHECKED_KINDS]
        ranges = [(s.start, s.end) for s in checked]
        sentences = [Sentence(a, b, seg.kind) for seg in checked
                     for a, b in split_sentences(text, seg.start, seg.end, self.lex.abbreviations)]
        times = self.times.extract(text, ranges, article.published)
        durations = self.durations.extract(text, ranges, times)
        # "tiga tahun lalu" and "HUT ke-76" say when, not how many.
        dated = [(d.span.start, d.span.end) for d in durations if d.form in ("ago", "anniversary")]
        quantities = [q for q in self.quantities.extract(text, ranges, [(t.span.start, t.span.end) for t in times])
                      if not any(a < q.span.end and q.span.start < b for a, b in dated)]
        entity_ranges = [(s.start, s.end, s.kind != "body" and title_case(text[s.start:s.end])) for s in checked]
        entities = self.entities.extract(text, entity_ranges, {s.start for s in sentences})
        markers = MarkerIndex(self.markers.extract(text, ranges))
        changes, breakdowns, ratios, shares = [], [], [], []
        for sent in sentences:
            qs = [q for q in quantities if sent.start <= q.span.start < sent.end]
            changes += self.changes.find(text, sent, qs, markers)
            breakdowns += self.parts.breakdowns(text, sent, qs)
            ratios += self.parts.ratios(text, sent)
            shares += self.parts.shares(text, sent, qs)
        mentions = Mentions(sentences=sentences, times=times, quantities=quantities, entities=entities,
                            cues=CueIndex(self._cues(text, ranges)), durations=durations,
                            titles=self.titles.extract(text, ranges), markers=markers, changes=changes,
                            breakdowns=breakdowns, ratios=ratios, shares=shares)
        mentions.links = self.links.find(text, mentions)
        return mentions

    def _cues(self, text: str, ranges: list[tuple[int, int]]) -> list[Cue]:
        lex = self.lex
        blocked = [(m.start(), m.end()) for a, b in ranges for m in lex.not_cue_pattern.finditer(text, a, b)] \
            if lex.not_cue_pattern else []
        return [Cue(span=span(text, m.start(), m.end()), modality=lex.cue_of[" ".join(m.group().lower().split())])
                for a, b in ranges for m in lex.cue_pattern.finditer(text, a, b)
                if not any(x <= m.start() < y for x, y in blocked)]
