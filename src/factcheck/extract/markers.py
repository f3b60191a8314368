"""Marker words: lexicon phrases that relate mentions to each other.

`lahir` makes the date after it a birth, `sebelum` orders two dated events, `naik` gives a change its
direction. Each group's words come from the lexicon.
"""
from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

from ..lexicon import Lexicon, PhraseMatcher
from ..models import Marker, MarkerGroup
from ..text import span


class MarkerExtractor:
    def __init__(self, lex: Lexicon):
        d = lex.data
        # each group's words by its own keys (birth, before, up ...)
        groups: dict[MarkerGroup, Mapping[Any, list[str]]] = {
            "once": d.once_events, "order": d.order_words, "change": {"up": d.changes.up, "down": d.changes.down}}
        self.groups: list[tuple[MarkerGroup, dict[str, str], PhraseMatcher]] = []
        for group, keys in groups.items():
            words = {w: key for key, spellings in keys.items() for w in spellings}
            if words:
                self.groups.append((group, words, PhraseMatcher(words)))

    def extract(self, text: str, ranges: list[tuple[int, int]]) -> list[Marker]:
        found = [Marker(span=span(text, a, b), group=group, key=words[phrase])
                 for group, words, matcher in self.groups
                 for s, e in ranges for a, b, phrase in matcher.finditer(text, s, e)]
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

    def last_before(self, start: int, end: int, group: str) -> Marker | None:
        """The marker of `group` nearest before `end` that starts at or after `start`."""
        found = self.in_range(start, end, group)
        return found[-1] if found else None
