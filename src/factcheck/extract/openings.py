"""Where a pattern may open, found once per stretch of text for every extractor of a language.

Python's `re` scans quickly for a pattern that opens with a literal or a set of characters, but it tries
a pattern that opens with a look-behind (`(?<!\\w)Senin`) or with case-insensitive words at every
character of the text. Such a pattern is registered here with the words it may open with, and whether it
may open with a digit. It is then tried only where one of those words, or a run of digits, starts: the
runs of letters and digits are read off the words the phrase matchers read, each distinct word looked at
once. A run that opens a pattern only as the first word of a phrase (`the` of `the end of`, `the past`)
opens it only where the phrase's second run follows: `the` stands before most nouns. A pattern that opens
with a day, an hour or a year says what such a run looks like (one or two digits and a colon, four digits)
and the character after it: most figures are none of these. What it finds is exactly what
`pattern.finditer` finds, because a pattern registered with its openings cannot start anywhere else
(tests/test_openings.py checks this for every pattern).
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..lexicon import PhraseMatcher, words_of
from ..text import per_text

_RUN = re.compile(r"[^\W\d_]+|\d+")  # a run of letters or of digits


def opening_runs(phrase: str) -> list[str]:
    """The first two runs of letters or digits of a phrase, lower case; none when it opens otherwise."""
    low = phrase.lower()
    return _RUN.findall(low)[:2] if _RUN.match(low) else []


@dataclass(frozen=True, eq=False)
class Opened:
    """A pattern and where it may open; `finditer` is `pattern.finditer` made cheap."""
    pattern: re.Pattern[str]
    index: Openings
    slot: int  # its list in the index; -1: no useful opening words, scan every character

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        if self.slot < 0:
            return self.pattern.finditer(text, start, end)
        return iter(self.opening_at(_positions(text, start, end, self.index)[self.slot], text, start, end))

    def opening_at(self, positions: list[int], text: str, start: int, end: int) -> list[re.Match[str]]:
        """What `pattern.finditer` finds in text[start:end], when it can open only at `positions`."""
        found = []
        last = start
        for pos in positions:
            if pos >= last and (m := self.pattern.match(text, pos, end)):
                last = m.end()
                found.append(m)
        return found


class Openings:
    """The patterns of one language's extractors, indexed by the runs they may open with."""

    def __init__(self) -> None:
        self._by_run: dict[str, list[int]] = {}
        # opening run -> the run after it -> the patterns that open with the two
        self._by_pair: dict[str, dict[str, list[int]]] = {}
        self._on_digits: list[tuple[int, re.Pattern[str] | None]] = []  # a slot, the runs that open it (None: any)
        self._by_digits: dict[tuple[int, str], list[int]] = {}  # (run length, the character after) -> slots
        self.slots = 0
        self.registered: list[Opened] = []

    def add(self, pattern: re.Pattern[str], words: Iterable[str] = (), *, digits: bool | str = False) -> Opened:
        r"""Register a pattern that can only open with one of `words` (in any case) or, when `digits`, with
        a digit, each at the start of its run. A word's first two runs of letters or digits stand whole in a
        match, apart only by what is neither: `the past` opens `The  past`, never `the pasta`. `digits` may
        be a pattern of the runs it opens with and the character after them (none at a stretch's end),
        matched on zeros: `\d\d?[.:]` for an hour, `\d{4}(?!\d)` for a year."""
        phrases = [opening_runs(w) for w in words]
        if not all(phrases):  # a word opening with a sign ("±"): no run to look for, scan everything
            self.registered.append(Opened(pattern, self, -1))
            return self.registered[-1]
        slot = self.slots
        self.slots += 1
        alone = {runs[0] for runs in phrases if len(runs) == 1 or runs[0].isdecimal()}
        for run in alone:
            if run.isdecimal():
                digits = True  # a word that opens with digits ("7-Eleven") opens where any digits do
            else:
                self._by_run.setdefault(run, []).append(slot)
        for first, second in {(runs[0], runs[1]) for runs in phrases if runs[0] not in alone}:
            self._by_pair.setdefault(first, {}).setdefault(second, []).append(slot)
        if digits:
            self._on_digits.append((slot, re.compile(digits, pattern.flags) if isinstance(digits, str) else None))
        self._by_digits.clear()
        _positions.forget()
        self.registered.append(Opened(pattern, self, slot))
        return self.registered[-1]

    def on_digits(self, text: str, start: int, run_end: int, end: int) -> list[int]:
        """The patterns that may open with the run of digits text[start:run_end], by its length and the
        character after it (none at the stretch's `end`)."""
        length, after = run_end - start, text[run_end:min(run_end + 1, end)]
        slots = self._by_digits.get((length, after))
        if slots is None:
            run = "0" * length + after
            slots = self._by_digits[length, after] = [slot for slot, runs in self._on_digits
                                                      if runs is None or runs.match(run)]
        return slots


def each_match(opened: Sequence[Opened], text: str, start: int, end: int) -> list[tuple[int, re.Match[str]]]:
    """(i, m) for each match m that `opened[i].finditer` finds in text[start:end], pattern by pattern: the
    patterns of one index, their openings looked up once, those with none passed over."""
    if not opened:
        return []
    index = opened[0].index
    assert all(o.index is index for o in opened)
    positions = _positions(text, start, end, index)
    out: list[tuple[int, re.Match[str]]] = []
    for i, o in enumerate(opened):
        if o.slot < 0:
            out += [(i, m) for m in o.pattern.finditer(text, start, end)]
        elif positions[o.slot]:
            out += [(i, m) for m in o.opening_at(positions[o.slot], text, start, end)]
    return out


def forget_words() -> None:
    """Drop the word indexes of the article just read (Extractor.extract calls it when done): kept, a
    giant text's index of a million positions was measured slowing the articles after it."""
    _positions.forget()
    words_of.forget()


@per_text  # the stretches of the article being read, until forget_words()
def _positions(text: str, start: int, end: int, index: Openings) -> tuple[list[int], ...]:
    """For each registered pattern, the offsets in text[start:end] where it may open, in order. The runs
    are read off the words the phrase matchers read, each distinct word looked at once."""
    out: tuple[list[int], ...] = tuple([] for _ in range(index.slots))
    by_run, by_pair = index._by_run, index._by_pair
    where = words_of(text, start, end)
    for word in where.keys() & by_run.keys():
        if word.isalpha():  # a word of one run that opens a pattern, the common case
            for slot in by_run[word]:
                out[slot].extend(where[word])
    for word in where.keys() & by_pair.keys():
        if word.isalpha():  # (its lower case as long as it: only `İ` lengthens, and it is no letter then)
            for pos in where[word]:
                for slot in _followed(text, pos + len(word), end, by_pair[word]):
                    out[slot].append(pos)
    for word in itertools.filterfalse(str.isalpha, where):  # digits, or a compound: `ke-76`, `COVID-19`
        if word.isdecimal():  # one run of digits
            for pos in where[word]:
                for slot in index.on_digits(text, pos, pos + len(word), end):
                    out[slot].append(pos)
            continue
        for pos in where[word]:
            found = PhraseMatcher.WORD.match(text, pos, end)
            assert found is not None  # words_of found this word here
            for m in _RUN.finditer(text, pos, found.end()):
                run = m.group().lower()
                opened = index.on_digits(text, m.start(), m.end(), end) if run[0].isdecimal() else by_run.get(run, ())
                for slot in opened:
                    out[slot].append(m.start())
                for slot in _followed(text, m.end(), end, by_pair[run]) if run in by_pair else ():
                    out[slot].append(m.start())
    for positions in out:
        positions.sort()
    return out


def _followed(text: str, after: int, end: int, by_second: dict[str, list[int]]) -> list[int]:
    """The patterns of `by_second` that open where the next run of text[after:end] is their second run."""
    m = _RUN.search(text, after, end)
    return by_second.get(m.group().lower(), []) if m else []
