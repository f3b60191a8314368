"""Extraction: an Article's time expressions, quantities, entities and modality cues.

One Extractor per language holds the compiled patterns; `extract` runs them over the segments that are
checked (headline, body, related-link headlines), never over boilerplate, datelines or bylines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..models import Article, Cue, Entity, Quantity, TimeExpr
from ..text import Sentence, span, split_sentences
from .entities import EntityExtractor
from .modality import CueIndex
from .quantities import QuantityExtractor
from .times import TimeExtractor

CHECKED_KINDS = ("headline", "body", "related-link")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass
class Mentions:
    sentences: list[Sentence]
    times: list[TimeExpr]
    quantities: list[Quantity]
    entities: list[Entity]
    cues: CueIndex

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

    def extract(self, article: Article) -> Mentions:
        text = article.text
        checked = [s for s in article.segments if s.kind in CHECKED_KINDS]
        ranges = [(s.start, s.end) for s in checked]
        sentences = [Sentence(a, b, seg.kind) for seg in checked
                     for a, b in split_sentences(text, seg.start, seg.end, self.lex.abbreviations)]
        times = self.times.extract(text, ranges, article.published)
        quantities = self.quantities.extract(text, ranges, [(t.span.start, t.span.end) for t in times])
        entity_ranges = [(s.start, s.end, s.kind != "body" and title_case(text[s.start:s.end])) for s in checked]
        entities = self.entities.extract(text, entity_ranges, {s.start for s in sentences})
        return Mentions(sentences=sentences, times=times, quantities=quantities, entities=entities,
                        cues=CueIndex(self._cues(text, ranges)))

    def _cues(self, text: str, ranges: list[tuple[int, int]]) -> list[Cue]:
        lex = self.lex
        blocked = [(m.start(), m.end()) for a, b in ranges for m in lex.not_cue_pattern.finditer(text, a, b)] \
            if lex.not_cue_pattern else []
        return [Cue(span=span(text, m.start(), m.end()), modality=lex.cue_of[" ".join(m.group().lower().split())])
                for a, b in ranges for m in lex.cue_pattern.finditer(text, a, b)
                if not any(x <= m.start() < y for x, y in blocked)]
