"""A language's lexicon compiled once: lookup tables and regular expressions built from its word lists, and
the phrase matching the extractors share."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import ClassVar

from ..text import per_text
from .schema import Gazetteer, LexiconFile


def alternation(words: Iterable[str], *, capitalised: bool = False) -> str:
    """A regex alternation of `words`, longest first, any whitespace inside a phrase.

    With `capitalised`, each word matches only with its first letter upper case (or all upper case), so
    the month `Mei` or weekday `Sun` is not taken from ordinary lower-case prose.
    """
    forms: set[str] = set()
    for w in words:
        if capitalised:
            forms.update({w[:1].upper() + w[1:], w.upper(), w.title()})
        else:
            forms.add(w)
    ordered = sorted(forms, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


class Lexicon:
    """One language's word lists and the patterns compiled from them."""

    def __init__(self, data: LexiconFile, gazetteer: Gazetteer):
        self.data = data
        self.lang = data.language
        self.gazetteer = gazetteer
        self.weekday_names = {k.lower(): v for k, v in data.weekdays.items()}
        self.month_names = {k.lower(): v for k, v in data.months.items()}
        self.stopwords = frozenset(w.lower() for w in data.stopwords)
        self.abbreviations = frozenset(a.lower() for a in data.abbreviations)
        self.unit_of: dict[str, str] = {}
        self.prefix_unit_of: dict[str, str] = {}
        for measure, spec in data.units.items():
            for w in spec.words:
                self.unit_of[_norm(w)] = measure
            for w in spec.prefix:
                self.prefix_unit_of[_norm(w)] = measure
        self.subject_comparable = frozenset(m for m, s in data.units.items() if s.subject_comparable)
        self.hedge_of = {_norm(k): v for k, v in data.hedges.items()}
        self.cue_of = {_norm(w): mod for mod, ws in data.cues.items() for w in ws}
        self.date_preposition_words = frozenset(w for p in data.date_prepositions for w in _norm(p).split())
        n = data.numbers
        # Words that say how many rather than what: a sentence's content words leave them out.
        self.number_words = frozenset(w for phrase in [*self.hedge_of, *n.words, *n.scales, *n.vague, *n.ordinals,
                                                       *n.multipliers, *n.additions] for w in _norm(phrase).split())
        self.relative_words = frozenset(_norm(w) for group in (
            data.relative_days, data.relative_directions, data.relative_directions_before,
            data.weekday_directions, data.weekday_directions_before) for w in group)
        # Display names: the first spelling listed for each weekday and month.
        self.weekday_display: dict[int, str] = {}
        for w, i in data.weekdays.items():
            self.weekday_display.setdefault(i, w[:1].upper() + w[1:])
        self.month_display: dict[int, str] = {}
        for w, i in data.months.items():
            self.month_display.setdefault(i, w[:1].upper() + w[1:])
        self.alias_of = {a: name for name, e in gazetteer.entities.items() for a in e.aliases}
        self.entity_kind = {name: e.kind for name, e in gazetteer.entities.items()}

        c = re.compile
        self.weekday_re = alternation(data.weekdays, capitalised=True)
        self.month_re = alternation(data.months, capitalised=True)
        self.modifier_re = alternation(data.period_modifiers)
        self.cues = PhraseMatcher(self.cue_of)
        self.not_cues = PhraseMatcher(data.not_cues)
        self.small_words = frozenset(w.lower() for w in data.title_case_small_words)
        self.hedge_pattern = c(rf"(?:(?<!\w)(?:{alternation(self.hedge_of)})\s*)$", re.I)
        self.non_quantity_pattern = c(rf"(?:(?<!\w)(?:{alternation(data.non_quantity_before)})\.?\s*)$", re.I)
        self.unit_pattern = c(rf"\s*(?:{alternation(self.unit_of)})(?!\w)", re.I)
        self.prefix_unit_pattern = c(rf"(?:(?<![\w$])(?:{alternation(self.prefix_unit_of)})\s*)$", re.I)
        self.alias_pattern = c(rf"(?<![\w.])(?:{alternation(self.alias_of)})(?![\w])")
        self.boilerplate_lines = [c(p) for p in data.boilerplate.lines]
        inline = "|".join(f"(?:{p})" for p in data.boilerplate.inline)
        self.boilerplate_inline = c(inline) if inline else None
        self.related_pattern = c(rf"(?:{alternation(data.related_link)})\s*:")  # ingest relies on the colon
        self.byline_pattern = c(rf"(?:{alternation(data.byline_labels)})\b") if data.byline_labels else None
        # A dateline is read from one line, where `^` and `$` mean the same with or without re.M; without it
        # the engine tries an anchored pattern at the line's start only, not at every character. A value of
        # several lines (front matter, a record) is read with re.M, each line's start a dateline's.
        self.datelines = [c(p) for p in data.datelines]
        self.datelines_multiline = [c(p, re.M) for p in data.datelines]
        self.ending_pattern = c(rf"(?:{alternation(data.word_endings)})$", re.I) if data.word_endings else None

    def format_date(self, d: dt.date, weekday: bool = True) -> str:
        """A date written out in this language, e.g. `Selasa, 7 Desember 2021`."""
        body = self.data.date_format.format(day=d.day, month=self.month_display[d.month], year=d.year)
        return f"{self.weekday_display[d.weekday()]}, {body}" if weekday else body

    def month(self, word: str) -> int | None:
        return self.month_names.get(word.lower().rstrip("."))

    def weekday(self, word: str) -> int | None:
        return self.weekday_names.get(word.lower())


# a hyphenated compound is one word: `naik-turun` is not `naik`
_WORD = r"\w+(?:['’-]\w+)*"
_SPACED_WORD = re.compile(rf"\s*({_WORD})")  # the next word, after white space


class PhraseMatcher:
    """Whole-word phrases found by looking each word of the text up, in any case: one pass over the
    words, where a regex alternation of many phrases would be tried at every character."""

    # ClassVar: read through the class (mypyc)
    WORD: ClassVar[re.Pattern[str]] = re.compile(_WORD)

    def __init__(self, phrases: Iterable[str]):
        self.by_first: dict[str, _Words] = {}
        for phrase in phrases:
            words = self.WORD.findall(phrase.lower())
            if words:
                read = self.by_first.setdefault(words[0], _Words())
                for word in words[1:]:
                    read = read.next.setdefault(word, _Words())
                read.phrase = read.phrase or phrase  # two spellings of the same words: the first listed wins

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase as listed) of each phrase in text[start:end], left to right, not overlapping,
        the longest where several start at a word; the words of a phrase may be apart only by white space."""
        where = words_of(text, start, end)
        # only where a word that opens a phrase stands, found by one set intersection
        firsts = sorted((p, w) for w in self.by_first.keys() & where.keys() for p in where[w])
        free = start  # where the last phrase found ends
        for pos, first in firsts:
            if pos >= free and (found := self._longest(text, pos, end, self.by_first[first])):
                free, phrase = found
                yield pos, free, phrase

    def _longest(self, text: str, pos: int, end: int, words: _Words) -> tuple[int, str] | None:
        """(end, phrase) of the longest phrase that opens at `pos` with the first word of `words`; the words
        that follow are read one by one while a phrase may go on with them."""
        found = None
        m = self.WORD.match(text, pos, end)  # the first word, which words_of found here
        while m is not None:
            if words.phrase:
                found = m.end(), words.phrase
            m = _SPACED_WORD.match(text, m.end(), end) if words.next else None
            following = words.next.get(m[1].lower()) if m else None
            if following is None:
                break
            words = following
        return found


class _Words:
    """The phrases that open with the words read so far: the one these words make, if listed, and the words
    that may come next."""

    def __init__(self) -> None:
        self.phrase = ""
        self.next: dict[str, _Words] = {}


@per_text
def words_of(text: str, start: int, end: int) -> dict[str, list[int]]:
    """Where each word of text[start:end] (lower case) starts; read once for all the phrase matchers and
    patterns that look at the same stretch."""
    where: dict[str, list[int]] = {}
    for m in PhraseMatcher.WORD.finditer(text, start, end):
        word = m[0].lower()
        found = where.get(word)  # one look-up a word, and `m[0]`: this loop runs for every word of an article
        if found is None:
            where[word] = [m.start()]
        else:
            found.append(m.start())
    return where


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())
