"""Durations: stated lengths of time and ages, read as intervals of a unit.

`tiga tahun lalu` (ago), `selama dua tahun` / `for two years` (length), `HUT ke-76` / `the 10th
anniversary of the 2012 attack` (anniversary, with the year it counts from), and a person's age:
`berusia 79 tahun`, `aged 77`, `79-year-old`, `Basuki (55)`, `Kim, 55,` and, at an event,
`pada usia 77 tahun` / `at the age of 77`.

Each carries its TimeML type and value: DURATION `P2Y` for `selama dua tahun`, DATE `2018` for `three
years ago` in an article of 2021; an age or an anniversary is no TimeML expression. Asked with `timex`,
`extract` also reads the lengths only TimeML wants, which the rules never see (form "timex"): `tiga
tahun`, `24 jam`, `two-year`, `the past two weeks`, `setengah jam`, `several months`, `sepekan lalu`,
`bertahun-tahun`.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
from collections.abc import Iterable, Sequence
from typing import Literal

from ..calendar import moved, timeml_value
from ..lexicon import Lexicon, TimexUnit, alternation
from ..models import Duration, TimeExpr
from ..text import Taken, span
from .numerals import NumberWords
from .openings import Openings
from .quantities import hedge_interval, parse_number
from .times import ANCHOR_CHARS, Groups

ORIGIN_WORDS = 6  # an anniversary's origin year follows it within this many words
MAX_AGE = 120
FIGURE_WORDS = 4  # a rate's figure stands within this many words before "a day"
_CLAUSE_END = re.compile(r".*(?:[.;:!?](?:\s|$)|,\s)", re.S)
_CLAUSE_AFTER = re.compile(r"\s*(?:[.,;:!?)\"”]|\Z)")  # what follows a phrase that ends its clause
VAGUE_COUNT = 2.0  # the least a count not given can be: "several months", "years"

# TimeML's letter for each unit; the units counted after the T; the smaller unit a fraction is written
# in ("one and a half years" is P1Y6M); the units TimeML counts in years.
DESIGNATOR = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "quarter": "Q",
              "year": "Y"}
CLOCK_UNITS = ("second", "minute", "hour")
SMALLER = {"year": (12, "month"), "week": (7, "day"), "day": (24, "hour"), "hour": (60, "minute"),
           "minute": (60, "second")}
IN_YEARS = {"decade": 10, "century": 100}
VAGUE_DESIGNATOR = {"decade": "E", "century": "C"}  # "decades": PXE, "centuries": PXC, as TimeBank writes them


@functools.lru_cache(maxsize=8)
def _rate_words(lex: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The words that are a figure, and the words before "a year" that make it a length ("for a year")."""
    d = lex.data
    figures = [*d.numbers.words, *d.numbers.scales, *d.numbers.vague, *d.sets.once, *d.sets.times]
    lengths = [*d.year_prepositions, *d.durations.length, *d.durations.since]
    return frozenset(w.lower() for w in figures), frozenset(w.lower() for w in lengths)


def figure_before(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a figure stands a few words before `start` in its clause, and no word that makes what
    follows a length: `$5 a day`, `50,000 copies a year`, `twice a year`, but not `for a year`."""
    before = text[max(0, start - 80):start]
    clause = before[m.end():] if (m := _CLAUSE_END.match(before)) else before
    words = clause.split()[-FIGURE_WORDS:]
    if not words or lex.hedge_pattern.search(clause):
        return False
    figures, lengths = _rate_words(lex)
    if words[-1].lower() in lengths:
        return False
    return any(any(c.isdigit() for c in w) or w.lower().strip("$,") in figures for w in words)


def timeml_length(value: float | None, unit: str) -> str:
    """TimeML's value of a length: `P3Y`, `PT24H`, `P1Y6M` (one and a half years), `PXM` (months)."""
    if value is None:
        return "PX" + VAGUE_DESIGNATOR[unit] if unit in VAGUE_DESIGNATOR else \
            ("PTX" if unit in CLOCK_UNITS else "PX") + DESIGNATOR[unit]
    if unit in IN_YEARS:
        value, unit = value * IN_YEARS[unit], "year"
    whole = math.floor(value)
    parts: list[tuple[float, str]] = [(whole, unit)] if whole or value == whole else []
    if value != whole:
        per, smaller = SMALLER.get(unit, (0, unit))
        if not (value - whole) * per or not ((value - whole) * per).is_integer():
            return f"P{'T' if unit in CLOCK_UNITS else ''}{value:g}{DESIGNATOR[unit]}"
        parts.append(((value - whole) * per, smaller))
    days = "".join(f"{n:g}{DESIGNATOR[u]}" for n, u in parts if u not in CLOCK_UNITS)
    clock = "".join(f"{n:g}{DESIGNATOR[u]}" for n, u in parts if u in CLOCK_UNITS)
    return f"P{days}" + (f"T{clock}" if clock else "")


def timeml_shifted(value: float | None, unit: str, published: dt.date | None, direction: int) -> str | None:
    """TimeML's value of the date a length back from publication (`three years ago`: `2018` in 2021, `two
    weeks ago`: `2021-W46`) or ahead of it (`dua tahun lagi`), at the grain of its unit; PAST_REF or
    FUTURE_REF when the count, the publication date or the clock is not known."""
    vague = "PAST_REF" if direction < 0 else "FUTURE_REF"
    if published is None or value is None or not float(value).is_integer() or unit in CLOCK_UNITS:
        return vague
    n = int(value) * direction
    if unit in IN_YEARS:
        n, unit = n * IN_YEARS[unit], "year"
    days = moved(published, unit, n)
    return timeml_value(days[0], days[1], unit) if days else vague


class DurationExtractor:
    def __init__(self, lex: Lexicon, openings: Openings | None = None):
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
        # form -> [(pattern, the words it may open with, whether it may open with a digit: the runs it may
        # open with, see openings.py)]
        number_words = [*lex.hedge_of, *self.numbers]
        forms: dict[str, Sequence[tuple[str, Iterable[str] | None, bool | str]]] = {
            "ago": [(rf"{w}{hedge}{num}\s+{unit}\s+(?:{alternation(dur.ago)})", number_words, r"\d+[\s.,]")]
            * bool(dur.ago),
            "length": [(rf"{w}(?:{alternation(dur.length)})\s+{hedge}{num}\s+{unit}", dur.length, False)]
            * bool(dur.length),
            "anniversary": [(rf"{w}(?:{alternation(dur.anniversary_before)})-?\s*(?P<num>\d{{1,3}})",
                             dur.anniversary_before, False)] * bool(dur.anniversary_before)
            + [(rf"{w}{_ordinal(d.numbers.ordinal_suffix, self.ordinals)}\s+(?:{alternation(dur.anniversary_after)})",
                self.ordinals, r"\d{1,3}(?!\d)")] * bool(dur.anniversary_after),
            "age_at": [(rf"{w}(?:{alternation(ages.at)})\s+{hedge}(?P<num>\d{{1,3}}){age_unit}", ages.at, False)]
            * bool(ages.at),
            "age": [(rf"{w}(?:{alternation(ages.before)})\s+{hedge}(?P<num>\d{{1,3}}){age_unit}", ages.before, False)]
            * bool(ages.before)
            + [(rf"{w}(?P<num>\d{{1,3}})\s*(?:{alternation(ages.after)})", (), r"\d{1,3}(?!\d)")] * bool(ages.after)
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
        self._timex_patterns(lex)

    def _timex_patterns(self, lex: Lexicon) -> None:
        """The lengths only TimeML wants, registered with openings of their own: checking never pays for them."""
        d, dur = lex.data, lex.data.durations
        self.timex_units: dict[str, TimexUnit] = {**self.units, **{k.lower(): v for k, v in dur.more_units.items()}}
        self.number_words = NumberWords(lex)
        self.counts = {" ".join(k.lower().split()): v for k, v in dur.counts.items()}
        self.length_words = frozenset(w.lower() for w in dur.length)
        self.plural_units = frozenset(w.lower() for w in dur.plural_units)
        self.vague_lengths = {k.lower(): v for k, v in dur.vague_lengths.items()}
        self.change_starts = frozenset(w.lower() for w in d.changes.start)
        self.timex_openings = Openings()
        counts = [*dur.counts, *d.numbers.indefinite]
        count = (rf"(?P<count>\d+(?:[.,]\d+)?(?P<half_digits>\s*(?:1/2|½))?|{alternation(counts) or '(?!)'}|"
                 rf"{self.number_words.pattern})")
        half = alternation(dur.half) or "(?!)"
        after = [(g, ws) for g, ws in (("tail", dur.after_length), ("ago", dur.ago), ("ahead", dur.ahead)) if ws]
        length = (
            rf"(?<![\w-])(?:(?P<lead>{alternation(dur.before_length) or '(?!)'})\s+|"
            rf"(?P<det>{alternation(dur.before_count) or '(?!)'})\s+)?"
            rf"(?:(?P<hedge>{alternation(lex.hedge_of)})\s+)?"
            rf"(?:{count}(?P<glue>\s+|-)(?:(?P<half>{half})\s+)?(?:(?:{alternation(dur.count_words) or '(?!)'})\s+)?|"
            rf"(?P<glued>{alternation(dur.one_prefix) or '(?!)'})|(?P<half_alone>{half})\s+)?"
            rf"(?P<unit>{alternation(self.timex_units)})"
            rf"(?:(?P<suffix>{alternation(dur.suffixes) or '(?!)'})|(?![\w-])(?!\s+\d))"
            rf"(?:\s+(?P<half_after>{alternation(dur.half_after) or '(?!)'}))?"
            + "".join(rf"(?:\s+(?P<{g}>{alternation(ws)}))?" for g, ws in after) + r"(?![\w-])")
        opening = [*dur.before_length, *dur.before_count, *lex.hedge_of, *counts, *self.number_words.openers,
                   *dur.half, *self.timex_units, *(p + u for p in dur.one_prefix for u in self.timex_units)]
        self.timex = [self.timex_openings.add(re.compile(length, re.I), opening, digits=True)]
        if dur.ended:  # "the year ended June 30": one year
            period = (rf"(?<![\w-])(?:{alternation(dur.before_count) or '(?!)'})\s+"
                      rf"(?:(?:{alternation(dur.period_words) or '(?!)'})\s+)?"
                      rf"(?P<period>{alternation(self.timex_units)})"
                      rf"(?=\s+(?:{alternation(dur.ended)})(?![\w-]))")
            self.timex.append(self.timex_openings.add(re.compile(period, re.I), dur.before_count))
        if self.vague_lengths:
            self.timex.append(self.timex_openings.add(
                re.compile(rf"(?<![\w-])(?P<vague>{alternation(self.vague_lengths)})(?![\w-])", re.I),
                self.vague_lengths))

    def extract(self, text: str, ranges: list[tuple[int, int]], times: list[TimeExpr],
                published: dt.date | None = None, timex: bool = False) -> list[Duration]:
        """The durations of text[ranges] outside `times`; with `timex`, also the lengths only TimeML
        wants (a length back from publication is then dated from `published`)."""
        taken = Taken((t.span.start, t.span.end) for t in times)
        # A year inside a date is when an anniversary is held, not the year it counts from.
        dated = Taken((t.span.start, t.span.end) for t in times if t.grain in ("day", "month"))
        found: list[Duration] = []
        for s, e in ranges:
            for form, pattern in self.patterns:
                for m in pattern.finditer(text, s, e):
                    if taken.overlaps(m.start(), m.end()):
                        continue
                    d = self._duration(text, form, m, e, dated, published)
                    if d is not None:
                        found.append(d)
                        taken.add(m.start(), m.end())
        if timex:
            found += self._timex_lengths(text, ranges, times, found, published)
        return sorted(found, key=lambda x: x.span.start)

    def _timex_lengths(self, text: str, ranges: list[tuple[int, int]], times: list[TimeExpr], found: list[Duration],
                       published: dt.date | None) -> list[Duration]:
        """The lengths only TimeML wants, outside the durations found. A length may hold a time whole ("the
        past three years" holds "the past"): TimeML tags the longer one, and find_times keeps it."""
        taken = Taken((d.span.start, d.span.end) for d in found)
        spans = sorted((t.span.start, t.span.end) for t in times)
        starts = [a for a, _ in spans]

        def cut(s: int, e: int) -> bool:
            """Whether a time overlaps [s, e) without lying inside it (times do not overlap each other, so
            the ones that reach into [s, e) are the last to start before e)."""
            i = bisect.bisect_left(starts, e)
            while i > 0 and spans[i - 1][1] > s:
                i -= 1
                if spans[i][0] < s or spans[i][1] > e:
                    return True
            return False

        out = []
        for s, e in ranges:
            for pattern in self.timex:
                for m in pattern.finditer(text, s, e):
                    if taken.overlaps(m.start(), m.end()) or cut(m.start(), m.end()):
                        continue
                    if (d := self._timex(text, m, published)) is not None:
                        if m.groupdict().get("ago"):
                            d = self._quarter_back(d, times)
                        out.append(d)
                        taken.add(d.span.start, d.span.end)
        return out

    def _timex(self, text: str, m: re.Match[str], published: dt.date | None) -> Duration | None:
        """A length only TimeML wants: `tiga tahun`, `the past two weeks`, `setengah jam`, `years`."""
        g = m.groupdict()
        if g.get("vague"):
            return self._timex_duration(text, m, None, self.vague_lengths[g["vague"].lower()], None, published)
        if g.get("period"):
            return self._timex_duration(text, m, 1.0, self.timex_units[g["period"].lower()], None, published)
        unit, plural = self.timex_units[g["unit"].lower()], g["unit"].lower() in self.plural_units
        count = " ".join((g["count"] or "").lower().split())
        start = m.start()
        if g["suffix"] and (not count or count in self.counts):  # "a day-long": one day; "decades-long": some
            count, start = "" if plural else "1", m.start("unit")
        elif not (count or g["glued"] or g["half_alone"]):
            # "years" alone is a length only after a word that makes it one: "recent years", "for years"
            before = text[max(0, m.start() - 20):m.start()].split()
            if g["det"] or not plural or not (g["lead"] or g.get("ago") or g.get("ahead")
                                              or (before and before[-1].lower() in self.length_words)):
                return None
        if g["glue"] == "-" and plural:
            return None  # "three-quarters" is a fraction; a length before a noun is singular: "two-year"
        if (count in self.counts or g["glued"]) and figure_before(text, m.start(), self.lex) \
                and not (g.get("ago") and self._ago_after_figure(text, m)):
            return None  # "$5 a day", "twice a year", "24 jam sehari": a rate, a set
        value: float | None
        if count[:1].isdigit():
            value = self._value({"num": count[:len(count) - len(g["half_digits"] or "")].strip()})
            if value is None:
                return None
        elif count in self.counts or g["glued"]:
            value = float(self.counts.get(count, 1.0))
        elif count:  # "twenty four"; None for a count not given: "several", "beberapa", "puluhan"
            read = self.number_words.read(count)
            value = read[0] if read and read[1] == len(count) else None
        else:
            value = 0.0 if g["half_alone"] else None
        if value is not None and (g["half"] or g["half_alone"] or g["half_after"] or g["half_digits"]):
            value += 0.5
        return self._timex_duration(text, m, value, unit, g["hedge"], published, start)

    @staticmethod
    def _quarter_back(d: Duration, times: list[TimeExpr]) -> Duration:
        """After a quarter, a count of years ago is that quarter so many years before, as TimeBank reads
        `third-quarter profit rose 19% from a year ago` (1988-Q3 for 1989-Q3), not a year. The quarter is the
        last time written, as near as an offset's anchor (`a year earlier`) may be."""
        if d.unit != "year" or not (d.timeml or "")[:1].isdigit():
            return d
        q = max((t for t in times if d.span.start - ANCHOR_CHARS <= t.span.end <= d.span.start),
                key=lambda t: t.span.start, default=None)
        if q is None or q.grain != "quarter" or q.lo is None:
            return d
        return d.model_copy(update={"timeml": f"{q.lo.year - int(d.value):04d}-Q{(q.lo.month - 1) // 3 + 1}"})

    def _ago_after_figure(self, text: str, m: re.Match[str]) -> bool:
        """Whether a length back from publication after a figure is a date all the same: it ends its clause
        (`against $12 million a year ago.`) or the figure is where a change started (`up from $12 million a
        year ago`, `19% from a year ago`); `tiga kali sehari lalu tidur` ("then") stays a rate."""
        if _CLAUSE_AFTER.match(text, m.end()):
            return True
        words = text[max(0, m.start() - 80):m.start()].split()[-FIGURE_WORDS:]
        return any(w.lower() in self.change_starts for w in words)

    def _timex_duration(self, text: str, m: re.Match[str], value: float | None, unit: TimexUnit,
                        hedge_word: str | None, published: dt.date | None,
                        start: int | None = None) -> Duration:
        hedge = self.lex.hedge_of.get(" ".join(hedge_word.lower().split())) if hedge_word else None
        lo, hi = hedge_interval(hedge, value, value) if value is not None else (VAGUE_COUNT, math.inf)
        g = m.groupdict()
        kind: Literal["DATE", "DURATION"]
        if g.get("ago") or g.get("ahead"):
            kind, timeml = "DATE", timeml_shifted(value, unit, published, -1 if g.get("ago") else 1)
        else:
            kind, timeml = "DURATION", timeml_length(value, unit)
        return Duration(span=span(text, m.start() if start is None else start, m.end()),
                        value=VAGUE_COUNT if value is None else value, lo=lo,
                        hi=hi, unit=unit, form="timex", hedge=hedge, type=kind, timeml=timeml)

    def _duration(self, text: str, form: str, m: re.Match[str], limit: int, dated: Taken,
                  published: dt.date | None) -> Duration | None:
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
        unit = self.units[g["unit"].lower()]
        if form == "ago":
            return Duration(span=sp, value=value, lo=lo, hi=hi, unit=unit, form="ago", hedge=hedge, type="DATE",
                            timeml=timeml_shifted(value, unit, published, -1))
        # "selama dua tahun": TimeML tags the length without "selama", as it does "two years" of "for two years"
        start = min(m.start(k) for k in ("hedge", "num", "word") if g.get(k))
        # the one form left: ago, anniversary and the ages returned above
        return Duration(span=sp, value=value, lo=lo, hi=hi, unit=unit, form="length", hedge=hedge,
                        timeml=timeml_length(value, unit), timeml_span=span(text, start, m.end()))

    def _age(self, text: str, m: re.Match[str], value: float, lo: float, hi: float, hedge: str | None,
             at_event: bool) -> Duration | None:
        if not 0 < value <= MAX_AGE:
            return None
        before = text[max(0, m.start() - 40):m.start()].split()
        if text[m.start()] in ", (" and not (before and before[-1][:1].isupper()):
            return None  # "Basuki (55)" and "Kim, 55," follow a name, not "ayat (2)"
        at_event = at_event or (bool(before) and before[-1].lower() in self.age_at_words)  # "sejak usianya 16"
        sp = span(text, m.start(), m.end())
        if text[m.start()] == ",":
            sp = span(text, m.start("num"), m.end("num"))  # "Kim, 55, said": the figure only
        return Duration(span=sp, value=value, lo=lo, hi=hi, form="age", hedge=hedge, at_event=at_event)

    def _value(self, g: Groups) -> float | None:
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
