"""Modality: whether a time or figure is planned, past or reported, from cue words around it."""
from __future__ import annotations

import bisect

from ..models import Cue, Modality
from ..text import Sentence, clause_bounds


class CueIndex:
    """The cue words of an article, sorted by position: each look-up is a binary search, so a mention in a
    giant sentence costs no more than one in a short one."""

    def __init__(self, cues: list[Cue]):
        self.cues = sorted(cues, key=lambda c: c.span.start)
        self.starts = [c.span.start for c in self.cues]
        self.starts_of: dict[str, list[int]] = {}  # modality -> where its cues start
        for c in self.cues:
            self.starts_of.setdefault(c.modality, []).append(c.span.start)

    def any_of(self, modality: str, start: int, end: int) -> bool:
        """Whether a cue of `modality` starts in [start, end)."""
        starts = self.starts_of.get(modality, ())
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < end

    def modality(self, text: str, sent: Sentence, start: int, end: int) -> tuple[Modality, Cue | None]:
        """The nearest cue before the mention in its sentence, or inside it (`since 2019`); failing that,
        the nearest after it in its clause (`Senin (8/9) lalu`); failing both, unknown."""
        last = bisect.bisect_left(self.starts, end) - 1
        if last >= 0 and self.starts[last] >= sent.start:
            return self.cues[last].modality, self.cues[last]
        _, clause_end = clause_bounds(text, sent, end)
        after = bisect.bisect_left(self.starts, end)
        if after < len(self.starts) and self.starts[after] < clause_end:
            return self.cues[after].modality, self.cues[after]
        return "unknown", None

    def words_between(self, text: str, cue: Cue | None, start: int) -> int:
        """Words from a cue to the mention it governs (0 when the cue is inside or after it)."""
        if cue is None or cue.span.end >= start:
            return 0
        return len(text[cue.span.end:start].split())

    def has(self, sent: Sentence, modality: str) -> bool:
        return self.any_of(modality, sent.start, sent.end)
