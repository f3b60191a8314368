"""Durations: stated lengths of time and ages, read as intervals of a unit.

`tiga tahun lalu` (ago), `selama dua tahun` / `for two years` (length), `HUT ke-76` / `the 10th
anniversary of the 2012 attack` (anniversary, with the year it counts from), and a person's age:
`berusia 79 tahun`, `aged 77`, `79-year-old`, `Basuki (55)`, `Kim, 55,` and, at an event,
`pada usia 77 tahun` / `at the age of 77`.
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import Lexicon, alternation
from ..models import Duration, TimeExpr
from ..text import Taken, span
from .openings import Openings
from .quantities import hedge_interval, parse_number

ORIGIN_WORDS = 6  # an anniversary's origin year follows it within this many words
MAX_AGE = 120


class DurationExtractor:
    def __init__(self, lex: Lexicon, openings: Optional[Openings] = None):
        self.lex = lex
        d = lex.data
        self.units = {k.lower(): v for k, v in d.durations.units.items()}
        self.numbers = {k.lower(): v for k, v in d.numbers.words.items()}
        self.ordinals = {k.lower(): v for k, v in d.numbers.ordinals.items()}
        # A word before an age that dates it to another time than publication: "sejak", "hingga", "when".
        self.age_at_words = frozenset(w.lower() for w in d.durations.since + d.year_prepositions + d.ages.before_at)
        num = rf"(?:(?P<num>\d+(?:[.,]\d+)?)|(?P<word>{alternation(self.numbers) or '(?!)'}))"
        hedge = rf"(?:(?P<hedge>{alternation(lex.hedge_of)})\s+)?"
        unit = rf"(?P<unit>{alternation(self.units) or '(?!)'})"
        dur = d.durations
        ages = d.ages
        age_unit = rf"(?:\s+(?:{alternation(ages.unit)}))?" if ages.unit else ""
        # Each form has several patterns; they share group names, so each is compiled on its own.
        w = r"(?<![\w-])"  # a pattern that starts with a word starts at a word boundary
        # form -> [(pattern, the words it may open with, whether it may open with a digit)]
        number_words = [*lex.hedge_of, *self.numbers]
        forms = {
            "ago": [(rf"{w}{hedge}{num}\s+{unit}\s+(?:{alternation(dur.ago)})", number_words, True)] * bool(dur.ago),
            "length": [(rf"{w}(?:{alternation(dur.length)})\s+{hedge}{num}\s+{unit}", dur.length, False)]
            * bool(dur.length),
            "anniversary": [(rf"{w}(?:{alternation(dur.anniversary_before)})-?\s*(?P<num>\d{{1,3}})",
                             dur.anniversary_before, False)] * bool(dur.anniversary_before)
            + [(rf"{w}{_ordinal(d.numbers.ordinal_suffix, self.ordinals)}\s+(?:{alternation(dur.anniversary_after)})",
                self.ordinals, True)] * bool(dur.anniversary_after),
            "age_at": [(rf"{w}(?:{alternation(ages.at)})\s+{hedge}(?P<num>\d{{1,3}}){age_unit}", ages.at, False)]
            * bool(ages.at),
            "age": [(rf"{w}(?:{alternation(ages.before)})\s+{hedge}(?P<num>\d{{1,3}}){age_unit}", ages.before, False)]
            * bool(ages.before)
            + [(rf"{w}(?P<num>\d{{1,3}})\s*(?:{alternation(ages.after)})", (), True)] * bool(ages.after)
            # these open with a bracket or a comma: a literal first, the letter before it checked behind
            + [(r"\((?:(?<=[^\W\d_]\()|(?<=[^\W\d_]\s\())(?P<num>\d{1,3})\)", None, False)] * ages.in_brackets
            + [(r",(?<=[^\W\d_],)\s(?P<num>\d{1,3})(?=,\s)", None, False)] * ages.in_commas,
        }
        openings = openings or Openings()
        self.patterns = []
        for form, patterns in forms.items():
            for p, words, digits in patterns:
                pattern = re.compile(rf"(?:{p})(?!\w)", re.I)
                self.patterns.append((form, pattern if words is None else openings.add(pattern, words, digits=digits)))
        self.year = re.compile(r"(?<![\d/.,])(?P<y>1[89]\d\d|20\d\d)(?![\d/])")

    def extract(self, text: str, ranges: list[tuple[int, int]], times: list[TimeExpr]) -> list[Duration]:
        taken = Taken((t.span.start, t.span.end) for t in times)
        # A year inside a date is when an anniversary is held, not the year it counts from.
        dated = Taken((t.span.start, t.span.end) for t in times if t.grain in ("day", "month"))
        found: list[Duration] = []
        for s, e in ranges:
            for form, pattern in self.patterns:
                for m in pattern.finditer(text, s, e):
                    if taken.overlaps(m.start(), m.end()):
                        continue
                    d = self._duration(text, form, m, e, dated)
                    if d is not None:
                        found.append(d)
                        taken.add(m.start(), m.end())
        return sorted(found, key=lambda x: x.span.start)

    def _duration(self, text: str, form: str, m: re.Match, limit: int, dated: Taken) -> Optional[Duration]:
        g = m.groupdict()
        value = self._value(g)
        if value is None:
            return None
        hedge = self.lex.hedge_of.get(" ".join(g["hedge"].lower().split())) if g.get("hedge") else None
        lo, hi = hedge_interval(hedge, value, value)
        sp = span(text, m.start(), m.end())
        if form in ("age", "age_at"):
            return self._age(text, m, value, lo, hi, hedge, at_event=form == "age_at")
        if form == "anniversary":
            origin = next((y for y in self.year.finditer(text, m.end(), _word_limit(text, m.end(), limit, ORIGIN_WORDS))
                           if not dated.overlaps(y.start(), y.end())), None)
            return Duration(span=sp, value=value, lo=value, hi=value, form="anniversary",
                            origin=span(text, origin.start(), origin.end()) if origin else None,
                            origin_year=int(origin.group()) if origin else None)
        return Duration(span=sp, value=value, lo=lo, hi=hi, unit=self.units[g["unit"].lower()], form=form, hedge=hedge)

    def _age(self, text: str, m: re.Match, value: float, lo: float, hi: float, hedge: Optional[str],
             at_event: bool) -> Optional[Duration]:
        if not 0 < value <= MAX_AGE:
            return None
        before = text[max(0, m.start() - 40):m.start()].split()
        if text[m.start()] in ", (" and not (before and before[-1][:1].isupper()):
            return None  # "Basuki (55)" and "Kim, 55," follow a name, not "ayat (2)"
        at_event = at_event or bool(before) and before[-1].lower() in self.age_at_words  # "sejak usianya 16"
        sp = span(text, m.start(), m.end())
        if text[m.start()] == ",":
            sp = span(text, m.start("num"), m.end("num"))  # "Kim, 55, said": the figure only
        return Duration(span=sp, value=value, lo=lo, hi=hi, form="age", hedge=hedge, at_event=at_event)

    def _value(self, g: dict) -> Optional[float]:
        if g.get("num"):
            parsed = parse_number(g["num"], self.lex.data.number_format.decimal, self.lex.data.number_format.group)
            return parsed[0] if parsed else None
        if g.get("word"):
            return float(self.numbers[g["word"].lower()])
        if g.get("ow"):
            return float(self.ordinals[g["ow"].lower()])
        return None


def _ordinal(suffixes: list[str], words: dict[str, int]) -> str:
    forms = [rf"(?P<num>\d{{1,3}})(?:{alternation(suffixes)})"] if suffixes else []
    if words:
        forms.append(rf"(?P<ow>{alternation(words)})")
    return "(?:" + "|".join(forms) + ")" if forms else "(?!)"


def _word_limit(text: str, start: int, limit: int, words: int) -> int:
    """The offset `words` words after `start`, stopping at a comma or sentence end."""
    m = re.match(rf"(?:[^\w,;.]*\w+){{0,{words}}}", text[start:limit])
    return start + (m.end() if m else 0)
