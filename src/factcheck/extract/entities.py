"""Entities: names from the gazetteer (with their canonical form) plus other capitalised sequences."""
from __future__ import annotations

import bisect
import re

from ..lexicon import Lexicon
from ..models import Entity
from ..text import span
from .openings import Openings

# The capital comes first and what stands before it is checked behind it: `re` scans fast for a pattern
# that opens with a set of characters, and tries one that opens with a look-behind at every character.
_CAPITALISED = re.compile(
    r"[A-Z](?<![\w.][A-Z])[\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|(?:bin|binti|van|von|de|da|al)(?=\s+[A-Z])))*(?<![\s-])")


_OPENING = re.compile(r"(?:[\"“‘'(]|&(?:amp;)?[a-z]+;)+$")


class EntityExtractor:
    def __init__(self, lex: Lexicon, openings: Openings | None = None):
        self.lex = lex
        openings = openings or Openings()
        self.known = openings.add(lex.alias_pattern, lex.alias_of)
        self.not_names = (lex.stopwords | set(lex.month_names) | set(lex.weekday_names) | set(lex.cue_of)
                          | set(lex.hedge_of) | set(lex.unit_of) | set(lex.relative_words))

    def extract(self, text: str, ranges: list[tuple[int, int, bool]], sentence_starts: set[int]) -> list[Entity]:
        """Entities in each (start, end, title_case) range; title-case headlines yield gazetteer names only."""
        out: list[Entity] = []
        for s, e, title_case in ranges:
            known = [(m.start(), m.end()) for m in self.known.finditer(text, s, e)]
            for a, b in known:
                name = self.lex.alias_of[" ".join(text[a:b].split())]  # the pattern takes any white space
                out.append(Entity(span=span(text, a, b), name=name, kind=self.lex.entity_kind[name], known=True))
            if title_case:
                continue
            known_ends = [b for _, b in known]
            for m in _CAPITALISED.finditer(text, s, e):
                for a, b in _outside(m.start(), m.end(), known, known_ends):
                    entity = self._name(text, a, b, sentence_starts)
                    if entity:
                        out.append(entity)
        out.sort(key=lambda x: x.span.start)
        return out

    def _name(self, text: str, a: int, b: int, sentence_starts: set[int]) -> Entity | None:
        """A capitalised run as a name, without leading function words; None if nothing is left."""
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        words = text[a:b].split()
        # Drop capitalised function words and a sentence's first word unless a name follows it.
        while words and (words[0].lower() in self.not_names
                         or (len(words) == 1 and _opens_sentence(text, a, sentence_starts))):
            a += len(words[0])
            a += len(text[a:b]) - len(text[a:b].lstrip())
            words = words[1:]
        if not words:
            return None
        return Entity(span=span(text, a, b), name=" ".join(words))


def _opens_sentence(text: str, a: int, sentence_starts: set[int]) -> bool:
    """Whether the word at `a` is its sentence's first, behind any opening quote (`"Memang`, `&quot;Memang`)."""
    if a and text[a - 1] in "\"“‘'(;":  # what an opening quote, bracket or entity ends with
        opening = _OPENING.search(text, max(0, a - 20), a)
        a = opening.start() if opening else a
    return a in sentence_starts


def _outside(start: int, end: int, known: list[tuple[int, int]], known_ends: list[int]) -> list[tuple[int, int]]:
    """The parts of [start, end) not covered by gazetteer names (`Sekjen NATO Jens Stoltenberg`); `known`
    is in text order and `known_ends` its ends, for a binary search to the first that can overlap."""
    parts, pos = [], start
    for i in range(bisect.bisect_right(known_ends, start), len(known)):  # by index: islice would step to it
        x, y = known[i]
        if x >= end:
            break
        if x > pos:
            parts.append((pos, x))
        pos = max(pos, y)
    if pos < end:
        parts.append((pos, end))
    return parts
