"""Entities: names from the gazetteer (with their canonical form) plus other capitalised sequences."""
from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..models import Entity
from ..text import span

_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|bin|binti|van|von|de|da|al))*(?<![\s-])")


class EntityExtractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.not_names = (lex.stopwords | set(lex.month_names) | set(lex.weekday_names) | set(lex.cue_of)
                          | set(lex.hedge_of) | set(lex.unit_of) | set(lex.relative_words))

    def extract(self, text: str, ranges: list[tuple[int, int, bool]], sentence_starts: set[int]) -> list[Entity]:
        """Entities in each (start, end, title_case) range; title-case headlines yield gazetteer names only."""
        out: list[Entity] = []
        for s, e, title_case in ranges:
            known = [(m.start(), m.end()) for m in self.lex.alias_pattern.finditer(text, s, e)]
            for a, b in known:
                name = self.lex.alias_of[text[a:b]]
                out.append(Entity(span=span(text, a, b), name=name, kind=self.lex.entity_kind[name], known=True))
            if title_case:
                continue
            for m in _CAPITALISED.finditer(text, s, e):
                a, b = m.start(), m.end()
                if any(x < b and a < y for x, y in known):
                    continue
                words = text[a:b].split()
                # Drop capitalised function words and a sentence's first word unless a name follows it.
                while words and (words[0].lower() in self.not_names or (a in sentence_starts and len(words) == 1)):
                    a += len(words[0])
                    a += len(text[a:b]) - len(text[a:b].lstrip())
                    words = words[1:]
                if not words or all(w.lower() in self.not_names for w in words):
                    continue
                out.append(Entity(span=span(text, a, b), name=" ".join(words)))
        out.sort(key=lambda x: x.span.start)
        return out
