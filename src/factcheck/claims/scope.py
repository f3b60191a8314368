"""What places a figure: its Scope, and the lexicon's words (`figure_scope`) the builder reads it with."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicon import Lexicon, alternation
from ..text import Sentence


@dataclass(frozen=True, slots=True)
class Scope:
    """Where and when a figure holds, as its sentence and clause place it (the `scope` of a quantity
    or figure claim). Figures of one subject and measure placed apart count different things."""
    dates: frozenset[tuple[str, str]] = frozenset()  # the days its sentence names, as ISO (lo, hi)
    moments: frozenset[str] = frozenset()  # the times of day its sentence names ("09.35", "morning")
    item: str = ""  # the list item its sentence opens: "2" for "2." or "Kedua,", "last" for "Terakhir,"
    phase: str = ""  # "before", "now" or "later", as its clause or its sentence opening says ("sebelumnya", "kini")
    trend: str = ""  # "up" or "down", as the change words of its clause say ("menguat", "melemah")
    per: str = ""  # what it is a rate of: the word after "per" ("Rp 2.000 per liter")
    extreme: str = ""  # "max", "min" or "mean", as its clause says before it ("angin maksimum", "rata-rata")
    group: str = ""  # the opening phrase of its sentence that narrows it to a group or place ("among republicans")

    def __str__(self) -> str:
        dates = " ".join(sorted(lo if lo == hi else f"{lo}/{hi}" for lo, hi in self.dates))
        return (f"dates={dates}; moments={' '.join(sorted(self.moments))}; item={self.item}; phase={self.phase}; "
                f"trend={self.trend}; per={self.per}; extreme={self.extreme}; group={self.group}")


# The characters other than ASCII that a case-insensitive pattern matches to an ASCII letter ("ſ" to "s", the
# Kelvin sign to "k"): in a text without them, lower case compares ASCII words as such a pattern does.
FOLDED_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _any_word(words: Iterable[str]) -> str:
    """A pattern for any of `words`, as whole words."""
    return rf"(?<!\w)(?:{alternation(words) or '(?!)'})(?!\w)"


class ScopeWords:
    """The lexicon's words that place a figure (`figure_scope`), compiled once per language."""

    def __init__(self, lex: Lexicon):
        d = lex.data.figure_scope
        word = _any_word
        self.now, self.before = re.compile(word(d.now), re.I), re.compile(word(d.before), re.I)
        self.later = re.compile(word(d.later), re.I)
        self.day_part_of = {" ".join(k.lower().split()): v for k, v in d.day_parts.items()}
        self.day_part = re.compile(word(d.day_parts), re.I)
        self.extreme_of = {" ".join(k.lower().split()): v for k, v in d.extremes.items()}
        self.extremes = re.compile(word(d.extremes), re.I)
        self.narrowing = re.compile(rf"\s*{word(d.narrowing)}\s+\w", re.I)
        # read by quantity.conflict: an item numbered ("Game 1"), a source named ("Kyiv says"), parts added
        self.numbered = re.compile(rf"(?<!\w)(?:{alternation(d.numbered) or '(?!)'})\s+\d+(?![\w.,]*\d)", re.I)
        self.sources = re.compile(word(d.sources), re.I)
        self.including = tuple(w.lower() for w in d.including)
        self.rate = re.compile(rf"\s*(?:{alternation(d.rate) or '(?!)'})\s*([^\W\d_][\w-]*)", re.I)
        self.clock = re.compile(rf"{word(d.clock)}\s*(\d{{1,2}})[.:](\d{{2}})(?!\d)", re.I)
        # what every match of now, before, day_part, clock and extremes holds in lower case (most sentences hold none);
        # None when a listed word is not ASCII, which lower case may not compare as those patterns do
        placing = {w.lower() for w in (*d.now, *d.before, *d.later, *d.day_parts, *d.clock, *d.extremes)}
        self.placing_hint = re.compile(alternation(placing) or "(?!)") if all(map(str.isascii, placing)) else None
        self.stopwords = lex.stopwords
        self.kin = frozenset(w.lower() for w in d.kin)
        self.negations = frozenset(w.lower() for w in d.negations)
        ages = lex.data.ages
        self.age_words = frozenset(w.lower() for w in ages.before)
        before, unit = alternation(ages.before) or "(?!)", alternation(ages.unit) or "(?!)"
        figure = rf"(?P<age>\d{{1,3}})\s+(?P<unit>{unit})"
        # "nenek 67 tahun itu", "pria berusia 38 tahun tersebut"
        self.anaphor_age = re.compile(
            rf"(?<![\w-])(?P<noun>[^\W\d_]+)\s+(?:(?:{before})\s+)?{figure}\s+{word(d.anaphors)}", re.I)
        # what every match of anaphor_age holds, from the last digit of its age on
        self.anaphor_hint = re.compile(rf"\d\s+(?:{unit})\s+(?:{alternation(d.anaphors) or '(?!)'})", re.I)
        self.stated_age = rf"(?:\s+[^\W\d_]+){{0,2}}?\s+(?:{before})\s+{figure}(?!\w)"  # "nenek berusia 71 tahun"
        ordinals = lex.data.numbers.ordinals
        self.ordinal_of = {k.lower(): str(v) for k, v in ordinals.items()}
        ordinal = alternation(ordinals) or "(?!)"
        self.marker = re.compile(
            rf"\s*(?:(?P<num>\d{{1,2}})[.)](?:\s|$)|(?P<ord>{ordinal})\s*,"
            rf"|(?P<noun>[A-Z][a-z]+)\s+(?P<nord>{ordinal})(?!\w)"
            rf"|(?P<last>{alternation(d.last_item) or '(?!)'})\s*,)", re.I)

    @staticmethod
    def of(lex: Lexicon) -> ScopeWords:
        """The words of a lexicon, compiled on first use and kept as the lexicon is."""
        words = _SCOPE_WORDS.get(lex)
        if words is None:
            words = _SCOPE_WORDS[lex] = ScopeWords(lex)
        return words

    def item(self, opening: str) -> tuple[str, int]:
        """The list item a sentence's opening marks ("2" for "2." or "Kedua,"; "last"), or "", and the
        length of its marker."""
        m = self.marker.match(opening)
        if m is None:
            return "", 0
        if m.group("last"):
            return "last", m.end()
        if m.group("nord") and (not m.group("nord").islower() or m.group("noun").lower() in self.stopwords):
            return "", 0  # "Perang Dunia Kedua" names a thing; "The second day" is no list
        return m.group("num") or self.ordinal_of[(m.group("ord") or m.group("nord")).lower()], m.end()

    def antecedent(self, noun: str, text: str, sentences: list[Sentence], end: int) -> re.Match[str] | None:
        """The last age stated for `noun` ("seorang nenek berusia 71 tahun") in the sentences before `end`."""
        pattern = re.compile(rf"(?<![\w-]){re.escape(noun)}{self.stated_age}", re.I)
        for sent in reversed(sentences):
            found = list(pattern.finditer(text, sent.start, min(sent.end, end)))
            if found:
                return found[-1]
        return None

    def per(self, text: str, end: int, limit: int) -> str:
        """What a figure ending at `end` is a rate of ("liter" of "Rp 2.000 per liter"), or ""."""
        m = self.rate.match(text, end, limit)
        return m.group(1).lower() if m else ""

    def may_place(self, sentence: str) -> bool:
        """Whether a sentence may name a phase or a time of day: False only where `phase` and `moments` find
        nothing in it, nor in any part of it."""
        hint = self.placing_hint
        return hint is None or FOLDED_TO_ASCII.search(sentence) is not None or hint.search(sentence.lower()) is not None

    def moments(self, sentence: str) -> frozenset[str]:
        """The times of day a sentence names: clock times ("09.35") and parts of the day."""
        clocks = {f"{int(h):02d}.{mm}" for h, mm in self.clock.findall(sentence)}
        parts = {self.day_part_of[" ".join(m.lower().split())] for m in self.day_part.findall(sentence)}
        return frozenset(clocks | parts)

    def extreme(self, clause: str) -> str:
        """ "max", "min" or "mean" when a clause calls its figure that (and nothing else), else ""."""
        kinds = {self.extreme_of[" ".join(m.lower().split())] for m in self.extremes.findall(clause)}
        return kinds.pop() if len(kinds) == 1 else ""

    def group(self, opening: str) -> str:
        """The words of a sentence's opening phrase that narrows its figures to a group or place ("Among
        Republicans,"), in lower case, or ""."""
        return " ".join(opening.lower().split()).rstrip(",") if self.narrowing.match(opening) else ""

    def phase(self, clause: str) -> str:
        """ "now", "before" or "later" when a clause says so (only one of them), else ""."""
        said = [name for name, words in (("now", self.now), ("before", self.before), ("later", self.later))
                if words.search(clause)]
        return said[0] if len(said) == 1 else ""


# A plain dict, as load_lexicon keeps each lexicon for the process (and a class compiled with mypyc, as Lexicon
# may be, cannot be weakly referenced).
_SCOPE_WORDS: dict[Lexicon, ScopeWords] = {}
