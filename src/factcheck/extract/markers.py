"""Marker words: lexicon phrases that relate mentions to each other.

`lahir` makes the date after it a birth, `sebelum` orders two dated events, `naik` gives a change its
direction. Each group's words come from the lexicon.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from ..lexicon import Lexicon, alternation
from ..models import Marker
from ..text import span


class MarkerExtractor:
    def __init__(self, lex: Lexicon):
        d = lex.data
        groups = {"once": d.once_events, "order": d.order_words, "change": {"up": d.changes.up, "down": d.changes.down}}
        self.patterns = []
        for group, keys in groups.items():
            words = {}
            for key, spellings in keys.items():
                for w in spellings:
                    words[" ".join(w.lower().split())] = key
            if words:
                self.patterns.append((group, words, re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", re.I)))

    def extract(self, text: str, ranges: list[tuple[int, int]]) -> list[Marker]:
        found = [Marker(span=span(text, m.start(), m.end()), group=group, key=words[" ".join(m.group().lower().split())])
                 for group, words, pattern in self.patterns for s, e in ranges for m in pattern.finditer(text, s, e)]
        return sorted(found, key=lambda x: x.span.start)


class MarkerIndex:
    """The markers of an article, sorted by position."""

    def __init__(self, markers: list[Marker]):
        self.markers = markers
        self.starts = [m.span.start for m in markers]

    def in_range(self, start: int, end: int, group: str) -> list[Marker]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [m for m in self.markers[i:j] if m.group == group]

    def last_before(self, start: int, end: int, group: str) -> Optional[Marker]:
        """The marker of `group` nearest before `end` that starts at or after `start`."""
        found = self.in_range(start, end, group)
        return found[-1] if found else None
