"""Modality: whether a time or figure is planned, past or reported, from cue words around it."""
from __future__ import annotations

import bisect

from ..models import Cue, Modality
from ..text import Sentence, clause_bounds


class CueIndex:
    """The cue words of an article, sorted by position for nearest-cue look-ups."""

    def __init__(self, cues: list[Cue]):
        self.cues = sorted(cues, key=lambda c: c.span.start)
        self.starts = [c.span.start for c in self.cues]

    def in_range(self, start: int, end: int) -> list[Cue]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return self.cues[i:j]

    def modality(self, text: str, sent: Sentence, start: int, end: int) -> tuple[Modality, Cue | None]:
        """The nearest cue before the mention in its sentence, or inside it (`since 2019`); failing that,
        the nearest after it in its clause (`Senin (8/9) lalu`); failing both, unknown."""
        before = self.in_range(sent.start, end)
        if before:
            return before[-1].modality, before[-1]
        _, clause_end = clause_bounds(text, sent, end)
        after = self.in_range(end, clause_end)
        if after:
            return after[0].modality, after[0]
        return "unknown", None

    def words_between(self, text: str, cue: Cue | None, start: int) -> int:
        """Words from a cue to the mention it governs (0 when the cue is inside or after it)."""
        if cue is None or cue.span.end >= start:
            return 0
        return len(text[cue.span.end:start].split())

    def has(self, sent: Sentence, modality: str) -> bool:
        return any(c.modality == modality for c in self.in_range(sent.start, sent.end))
