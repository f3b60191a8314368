"""Quantities: a figure, its hedge and its counted noun, read as an interval of values.

`sekitar 70.000 tentara` -> troops in [63,000, 77,000]; `1,5 juta orang` -> people 1,500,000 given to the
100,000; `puluhan ribu` -> [20,000, 99,000]. Years, clock times, scores, fractions and numbers inside
dates are not quantities of a thing and are skipped.
"""
from __future__ import annotations

import math
import re

from ..lexicon import Lexicon, alternation
from ..models import Quantity
from ..text import Taken, span
from .numerals import NumberWords
from .openings import Openings

NUMBER = r"\d+(?:[.,]\d+)*"
_GENERIC_NOUN = re.compile(r"(?:\s+|-)([a-z][a-z-]{2,})(?![\w-])")  # "10 years", "5-inch knife"
_PLAIN_NUM = re.compile(NUMBER)
_NAME_AFTER = re.compile(r"\s+[A-Z]")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|s\.?d\.?|sampai|hingga|to)\s*(?=\d)")
_DASHES = ("-", "–", "—")
# A number written longer counts nothing (past 308 digits a float cannot even hold it); scaled by
# `juta` or `triliun` and summed, a figure of this length stays a finite float.
MAX_DIGITS = 100


def parse_number(raw: str, decimal: str, group: str) -> tuple[float, float] | None:
    """The value of a written number and the place of its last significant digit; None for a number
    longer than MAX_DIGITS characters.

    The language's own convention decides (175.000 and 1,5 in Indonesian; 175,000 and 1.5 in English);
    a group separator not followed by three digits is read as a decimal point (1.5 juta).
    """
    if len(raw) > MAX_DIGITS:
        return None
    parts = re.split(r"([.,])", raw)
    digits, seps = parts[::2], parts[1::2]
    if not seps:
        return float(raw), _place(raw)
    if decimal in seps and seps[-1] == decimal and seps.count(decimal) == 1:
        whole, frac = "".join(digits[:-1]), digits[-1]
    elif all(s == group for s in seps) and all(len(d) == 3 for d in digits[1:]):
        whole, frac = "".join(digits), ""
    elif len(seps) == 1:
        whole, frac = digits[0], digits[1]
    else:
        whole, frac = "".join(digits[:-1]), digits[-1]
    value = float(f"{whole}.{frac}" if frac else whole)
    return value, (10.0 ** -len(frac) if frac else _place(whole))


def bare_figure(text: str, start: int, end: int, measure: str, lex: Lexicon, factor: float = 1.0,
                span_end: int | None = None) -> Quantity | None:
    """The number text[start:end] (times a scale `factor`) as a figure of `measure`, when the text gives
    no counted noun of its own: "dari 100 menjadi 150 orang", "50 dari 200 (25 persen)"; None for a
    number too long to be a figure."""
    fmt = lex.data.number_format
    parsed = parse_number(text[start:end], fmt.decimal, fmt.group)
    if parsed is None:
        return None
    value, place = parsed[0] * factor, parsed[1]
    return Quantity(span=span(text, start, span_end or end), value=value, lo=value, hi=value, measure=measure,
                    number_span=span(text, start, end), precision=place * factor,
                    last_digit=min(place, 1.0) * factor)


def _place(whole: str) -> float:
    stripped = whole.rstrip("0")
    return 10.0 ** (len(whole) - len(stripped)) if stripped else 1.0


def _ordinal_pattern(prefixes: list[str], suffixes: list[str], words: dict[str, int]) -> str:
    forms = [rf"(?P<ow>{alternation(words)})"] if words else []
    if prefixes or suffixes:
        pre = f"(?:{alternation(prefixes)})" if prefixes else ""
        suf = f"(?:{alternation(suffixes)})" if suffixes else ""
        forms.append(rf"{pre}(?P<od>\d{{1,3}}){suf}")
    return rf"(?<![\w-])(?:{'|'.join(forms) or '(?!)'})(?![\w-])"


def hedge_interval(kind: str | None, lo: float, hi: float) -> tuple[float, float]:
    if kind == "approx":
        return lo * 0.9, hi * 1.1
    if kind == "almost":
        return lo * 0.9, hi
    if kind in ("at-least", "more-than"):
        return lo, math.inf
    if kind in ("up-to", "less-than"):
        return 0.0, hi
    return lo, hi


class QuantityExtractor:
    def __init__(self, lex: Lexicon, openings: Openings | None = None):
        self.lex = lex
        d = lex.data
        openings = openings or Openings()
        self.vague = {k.lower(): tuple(v) for k, v in d.numbers.vague.items()}
        self.words = NumberWords(lex)
        self.scales = {k.lower(): v for k, v in d.numbers.scales.items()}
        scale_alt = alternation(self.scales)
        self.number = openings.add(re.compile(
            rf"(?:(?<![\w,/-])|(?<=Rp))(?<!\d\.)(?P<num>{NUMBER})(?P<glue>{scale_alt})?(?![\w/]|[.,]\d)"
            rf"|(?<![\w,/-])(?<!\d\.)(?P<word>{self.words.pattern})(?!\w)", re.I), self.words.openers, digits=True)
        self.scale_after = re.compile(rf"(?:\s+of)?\s+(?P<scale>{scale_alt})s?(?:\s+of)?(?!\w)", re.I)
        self.fmt = d.number_format
        self.stop = lex.stopwords | set(lex.hedge_of) | set(lex.cue_of) | set(lex.month_names) | set(lex.weekday_names)
        self.between = re.compile(rf"(?<!\w)(?:{alternation(d.numbers.between) or '(?!)'})\s+$", re.I)
        # "US$1.250,40-US$1.252,10": a range whose unit is written before each figure
        prefix = alternation(lex.prefix_unit_of) or "(?!)"
        self.prefixed_join = re.compile(rf"\s*[-–—]\s*(?P<unit>{prefix})\s*(?=\d)", re.I)
        self.between_join = re.compile(rf"\s+(?:{alternation(d.numbers.between_joins) or '(?!)'})\s+(?=\d)", re.I)
        self.part_of = re.compile(rf"\s+(?:{alternation(d.ratio_words) or '(?!)'})\s+{NUMBER}(?=\s)", re.I)
        self.ordinal_values = {k.lower(): v for k, v in d.numbers.ordinals.items()}
        # in figures, an ordinal opens with its digits (`2nd`) unless a prefix opens it (`ke-2`)
        in_figures = r"\d{1,3}(?!\d)" if not d.numbers.ordinal_prefix else False
        self.ordinal = openings.add(
            re.compile(_ordinal_pattern(d.numbers.ordinal_prefix, d.numbers.ordinal_suffix, self.ordinal_values), re.I),
            [*self.ordinal_values, *d.numbers.ordinal_prefix], digits=in_figures)

    def extract(self, text: str, ranges: list[tuple[int, int]], skip: list[tuple[int, int]]) -> list[Quantity]:
        out: list[Quantity] = []
        taken = Taken(skip)
        for s, e in ranges:
            consumed = s  # the second number of a range belongs to the first
            found = []
            for m in self.number.finditer(text, s, e):
                if m.start() < consumed or taken.overlaps(m.start(), m.end()):
                    continue
                q = self._quantity(text, m, e)
                if q is not None:
                    found.append(q)
                    consumed = q.span.end
            for q in found:
                taken.add(q.span.start, q.span.end)
            # A capitalised ordinal names something ("Perang Dunia Kedua", "the Third Anglo-Mysore War"), and
            # so does one in figures before a name ("the 9th Circuit", "the 82nd Airborne Division").
            out += found
            out.extend(self._ordinal(text, m) for m in self.ordinal.finditer(text, s, e)
                       if not m.group()[0].isupper() and not taken.overlaps(m.start(), m.end())
                       and not (m.group("od") and _NAME_AFTER.match(text, m.end())))
        return sorted(out, key=lambda q: q.span.start)

    def _ordinal(self, text: str, m: re.Match[str]) -> Quantity:
        """`kedua`, `ke-2`, `second`, `2nd`: a rank, compared only when a sentence is restated."""
        value = float(m.group("od") or self.ordinal_values[m.group("ow").lower()])
        return Quantity(span=span(text, m.start(), m.end()), value=value, lo=value, hi=value, measure="ordinal",
                        number_span=span(text, m.start(), m.end()), generic=True)

    def _quantity(self, text: str, m: re.Match[str], limit: int) -> Quantity | None:
        start, end = m.start(), m.end()  # `end` moves on past what the figure counts
        if m.group("word"):
            read = self.vague.get(m.group("word").lower())
            if read is None:
                number = self.words.read(m.group("word"))
                if number is None:
                    return None  # "Ratusan tiga": a vague word run on into a number word is no figure
                read, end = (number[0], number[0]), start + number[1]
            lo, hi = read
            value, place, digit = lo, 1.0, 1.0
        else:
            parsed = parse_number(m.group("num"), self.fmt.decimal, self.fmt.group)
            if parsed is None:
                return None
            value, place = parsed
            lo = hi = value
            digit = min(place, 1.0)  # the last digit written: 0,1 of "1,5"; 1 of "175.000"
            if m.group("glue"):
                factor = self.scales[m.group("glue").lower()]
                value, lo, hi, place, digit = value * factor, lo * factor, hi * factor, place * factor, digit * factor
        # A unit written before the figure ("Rp", "US$"), read once for the range and the measure.
        prefix = self.lex.prefix_unit_pattern.search(text, max(0, start - 40), start)
        # A range: "10-20 persen", "70 to 90 percent" (the first number is read here, the second skipped).
        first_end = number_end = end
        j = _RANGE_JOIN.match(text, end, limit)
        joined_by_to = j is not None and j.group().strip() not in _DASHES  # "hingga", "to": a change's two ends too
        j = j or self._prefixed_join(text, prefix, end, limit) or (
            self.between.search(text, max(0, start - 20), start) and self.between_join.match(text, end, limit))
        range_hi = None
        if j and not m.group("word"):
            m2 = _PLAIN_NUM.match(text, j.end(), limit)
            second = m2 and parse_number(m2.group(), self.fmt.decimal, self.fmt.group)
            if m2 and second and not self._units_differ(text, prefix, m2.end(), limit):
                range_hi, end = second[0], m2.end()
        sc = self.scale_after.match(text, end, limit)
        if sc:
            factor = self.scales[sc.group("scale").lower()]
            value, lo, hi, place, digit = value * factor, lo * factor, hi * factor, place * factor, digit * factor
            range_hi = range_hi * factor if range_hi is not None else None
            end = sc.end()
        written_range, range_to = None, False
        if range_hi is not None:
            written_range, range_to = (value, range_hi), joined_by_to
            lo, hi = min(value, range_hi), max(value, range_hi)
        measure, generic = None, False
        qstart = start
        if prefix:
            measure = self.lex.prefix_unit_of[" ".join(prefix.group().lower().split())]
            qstart = prefix.start()
        if m.group("word") and m.group("word").lower() in self.vague:
            of = re.match(r"\s+of(?=\s)", text[end:limit])  # "hundreds of troops"
            end += of.end() if of else 0
        if measure is None:
            counted = self._counted(text, end, limit, bool(m.group("word")))
            if counted is None:
                return None
            measure, generic, end = counted
            if generic and range_hi is not None and text[first_end:first_end + 1] in "-–":
                return None  # "2-1" without a unit is a score
        if self._not_a_quantity(text, start, m, measure):
            return None
        hedge_m = self.lex.hedge_pattern.search(text[max(0, qstart - 30):qstart])
        hedge = self.lex.hedge_of[" ".join(hedge_m.group().lower().split())] if hedge_m else None
        if hedge_m:
            qstart = qstart - len(text[max(0, qstart - 30):qstart]) + hedge_m.start()
        lo, hi = hedge_interval(hedge, lo, hi)
        return Quantity(span=span(text, qstart, end), value=value, lo=lo, hi=hi, measure=measure, hedge=hedge,
                        number_span=span(text, start, number_end), precision=place, last_digit=digit, generic=generic,
                        written_range=written_range, range_to=range_to)

    def _prefixed_join(self, text: str, first: re.Match[str] | None, end: int, limit: int) -> re.Match[str] | None:
        """The dash and unit before a range's second figure when its unit is written before both (`first`:
        "US$1.250,40-US$1.252,10"), and no scale after the second that may be its alone ("Rp12.000 -
        Rp1,2 juta")."""
        if first is None or (j := self.prefixed_join.match(text, end, limit)) is None:
            return None
        of = self.lex.prefix_unit_of
        second = _PLAIN_NUM.match(text, j.end(), limit)
        same_unit = of[" ".join(first.group().lower().split())] == of[" ".join(j.group("unit").lower().split())]
        return j if same_unit and second and not self.scale_after.match(text, second.end(), limit) else None

    def _units_differ(self, text: str, first: re.Match[str] | None, end: int, limit: int) -> bool:
        """Whether a unit written before the first number (`first`) and one after the second tell two figures,
        not a range: "earnings above $250,000 to 5.2 percent"."""
        return bool(first and self.lex.unit_pattern.match(text, end, limit))

    def _counted(self, text: str, end: int, limit: int, word: bool) -> tuple[str, bool, int] | None:
        """What a figure counts and where its quantity ends: a lexicon unit, what the whole it is part of
        counts ("40 dari 45 karyawan" counts employees, and ends at 40), or another noun (generic)."""
        unit = self.lex.unit_pattern.match(text, end, limit)
        if unit:
            return self.lex.unit_of[" ".join(unit.group().lower().split())], False, unit.end()
        whole = self.part_of.match(text, end, limit)
        if whole:
            counted = self._counted(text, whole.end(), limit, False)
            return (counted[0], counted[1], end) if counted else None
        noun = _GENERIC_NOUN.match(text, end, limit)
        if noun is None or noun.group(1) in self.stop or (word and text[end] == "-"):
            return None  # "Satu-satunya" is a word, not one of something
        return "noun:" + noun.group(1), True, noun.end()

    def _not_a_quantity(self, text: str, start: int, m: re.Match[str], measure: str) -> bool:
        if self.lex.non_quantity_pattern.search(text[max(0, start - 25):start]):
            return True
        num = m.group("num")
        # A bare year ("pada 2019 lalu") counts nothing.
        return bool(num and measure.startswith("noun:") and re.fullmatch(r"(1[89]|20)\d\d", num))
