"""Modality: whether a time or figure is planned, past or reported, from cue words around it."""
from __future__ import annotations

import bisect
import re
from itertools import pairwise

from ..lexicon import PlanScope
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


_CLAUSE_BREAK = re.compile(r"[;,:]\s|[\"“”]|&(?:amp;)?(?:quot|[lr]dquo);|\s[-–—]\s")
_CLAUSE_OR_SENTENCE = re.compile(rf"{_CLAUSE_BREAK.pattern}|[.!?]\s")
_WORD = re.compile(r"[\w'’]+(?:[.,]\d+)*")
_CLOSING = re.compile(r"[\s)\]]*")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
OUTCOME_CHARS = 300  # read on for the rest of a date's sentence
STATUS_WORDS = 4  # the words opening the next sentence, read for where a target stands now
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
DETERMINER_CHARS = 12  # read back for the determiner before a date
_ENDS_CLAUSE = re.compile(r"\s*(?:[.,;)\"”]|&(?:amp;)?(?:quot|rdquo);|$)")


def _has_phrase(words: list[str], phrases: list[str]) -> bool:
    joined = f" {' '.join(words)} "
    return any(f" {p.lower()} " in joined for p in phrases)


def plan_governs(text: str, scope: PlanScope, cue: tuple[int, int], start: int, end: int,
                 stopwords: frozenset[str]) -> bool:
    """Whether a planning cue at `cue` governs the date at [start, end): the cue qualifies the date right
    before it (`Jumat (3/2/2023) mendatang`), or stands before it in the same clause with nothing between
    them that gives the date to another verb: a relative or comparative clause (`yang terjadi pada 2019`, `than in
    2008`), a participle (`procedures created in 2013`), a baseline figure (`naik dari 2,4 persen pada
    2018`) or a record date (`per September 2025`); and the plan is not told as past (`did not appear for
    a scheduled meeting in January 2012`)."""
    cue_start, cue_end = cue
    if (_modifies_noun(text, scope, start, end, stopwords) or _told_with_outcome(text, scope, end)
            or _target_with_status(text, scope, cue, end)):
        return False
    if cue_start >= end:
        after = text[cue_start:cue_end].lower()
        return after in scope.after_date and _CLOSING.fullmatch(text, end, cue_start) is not None
    gap = text[cue_end:start].rstrip()
    if gap.endswith(",") and _ENDS_CLAUSE.match(text, end):
        gap = gap[:-1]  # a date added at the clause's end: "dijadwalkan bertanding di Doha, Kamis (2/3)."
    if _CLAUSE_BREAK.search(gap + " ") or gap.count("(") > gap.count(")"):
        return False
    words = [w.lower() for w in _WORD.findall(gap)]
    if _has_phrase(words, scope.breaks) or any(_has_phrase(words[-len(p.split()):], [p])
                                                for p in (*scope.as_of, *scope.qualified)):
        return False
    if any(w in scope.baseline and nxt[:1].isdigit() for w, nxt in pairwise(words)):
        return False
    if any(_participle(w, words[i - 1] if i else "", scope) for i, w in enumerate(words)):
        return False
    before = _CLAUSE_OR_SENTENCE.split(text[max(0, cue_start - 300):cue_start])[-1]
    return not _has_phrase([w.lower() for w in _WORD.findall(before)], scope.past_tense)


def _modifies_noun(text: str, scope: PlanScope, start: int, end: int, stopwords: frozenset[str]) -> bool:
    """`the March 2024 floods`, `the January 2024 outage report`: a date between a determiner and the noun
    it qualifies names a thing the plan is about, not the plan's time."""
    before = text[max(0, start - DETERMINER_CHARS):start].split()
    after = _NEXT_WORD.match(text, end)
    return (bool(before) and before[-1].lower() in scope.determiners and after is not None
            and after[1] not in stopwords)


def _told_with_outcome(text: str, scope: PlanScope, end: int) -> bool:
    """Whether the rest of the date's sentence tells what came of the plan (`..., namun realisasinya hanya
    5,05 persen`, `..., but it opened in 2023`): a target told in hindsight, not a plan ahead."""
    rest = _SENTENCE_END.split(text[end:end + OUTCOME_CHARS], maxsplit=1)[0]
    return _has_phrase([w.lower() for w in _WORD.findall(rest)], scope.outcome)


def _target_with_status(text: str, scope: PlanScope, cue: tuple[int, int], end: int) -> bool:
    """Whether a target or a schedule (`ditargetkan rampung pada April 2024.`) is followed by a sentence
    opening with where it stands now (`Saat ini progresnya baru 80 persen.`): told in hindsight."""
    if text[cue[0]:cue[1]].lower() not in scope.targets:
        return False
    rest = _SENTENCE_END.split(text[end:end + OUTCOME_CHARS], maxsplit=1)
    return len(rest) > 1 and _has_phrase([w.lower() for w in _WORD.findall(rest[1])][:STATUS_WORDS], scope.status)


def _participle(word: str, previous: str, scope: PlanScope) -> bool:
    """A participle heading its own clause: `created` in `procedures created in 2013`, `made` in `purchases
    made in March 2024`, not `be completed`."""
    return ((word in scope.participles or (len(word) > 4 and any(word.endswith(e) for e in scope.participle_endings)))
            and previous not in scope.auxiliaries)


def dates_report(text: str, cue: tuple[int, int], start: int, end: int, max_words: int,
                 prepositions: frozenset[str]) -> bool:
    """Whether the date at [start, end) is the date of a statement whose reporting cue stands before it:
    `kata dia di Jakarta, Senin (20/10/2025).`, `told reporters on Monday`. A few words apart, the date
    after a comma or a date preposition and ending its clause; not a date the statement speaks of
    (`dilansir ..., perundingan mulai berlangsung pada Rabu (30/1) di Washington`, `said the hearing is
    set for Monday`)."""
    cue_start, cue_end = cue
    if cue_start < 0 or cue_end > start:
        return False
    gap = text[cue_end:start].split()
    if len(gap) > max_words or (gap and not (gap[-1].endswith(",") or gap[-1].lower() in prepositions)):
        return False
    return _ENDS_CLAUSE.match(text, end) is not None
