"""Sets: times that recur, TimeML's SET expressions.

`setiap Senin` (XXXX-WXX-1), `every year` / `tiap tahun` / `annually` (P1Y), `setiap dua minggu` (P2W),
`every January` (XXXX-01), `daily` (P1D), `per hari` (P1D), `dua kali seminggu` / `twice a year` and a
rate after a figure (`$5 a day`: TimeML tags `a day` as a set). The rules do not read them; `find_times`
does.
"""
from __future__ import annotations

import re
from typing import cast, get_args

from ..lexicon import Lexicon, alternation
from ..models import Grain, TimeExpr
from ..text import span
from .durations import IN_YEARS, figure_before, timeml_length
from .numerals import NumberWords
from .openings import Openings


class SetExtractor:
    def __init__(self, lex: Lexicon, openings: Openings | None = None):
        self.lex = lex
        d, sets, dur = lex.data, lex.data.sets, lex.data.durations
        openings = openings or Openings()
        self.units = {k.lower(): v for k, v in {**dur.units, **dur.more_units, **sets.more_units}.items()}
        self.adverbs = {k.lower(): v for k, v in sets.adverbs.items()}
        self.per_after_figure = frozenset(w.lower() for w in sets.per_after_figure)
        self.numbers = NumberWords(lex)
        units = rf"(?i:{alternation(self.units) or '(?!)'})"
        count = rf"(?i:\d+|{self.numbers.pattern})"
        end = r"(?![\w-])(?!\s+\d)"  # "per tahun 2020" is "as of 2020"
        # "a year ago", "setahun lalu": a date, not a rate
        not_dated = rf"(?!\s+(?i:{alternation(sets.dated_after) or '(?!)'})(?![\w-]))"
        # Weekdays and months only capitalised: "setiap Minggu" is Sundays, "setiap minggu" weeks.
        every = (rf"(?<![\w-])(?i:{alternation(sets.every) or '(?!)'})\s+(?:(?P<count>{count})\s+)?"
                 rf"(?:(?:(?i:{alternation(sets.weekday_before) or '(?!)'})\s+)?"
                 rf"(?P<weekday>{alternation(d.weekdays, capitalised=True)})|"
                 rf"(?P<month>{alternation(d.months, capitalised=True)})|"
                 rf"(?P<unit>{units})(?i:{alternation(d.word_endings) or '(?!)'})?){end}")  # `setiap tahunnya`
        per = (rf"(?<![\w-])(?:(?P<times>{count}\s+(?i:{alternation(sets.times) or '(?!)'})|"
               rf"(?i:{alternation(sets.once) or '(?!)'}))\s+)?"
               rf"(?:(?P<per>(?i:{alternation([*sets.per, *sets.per_after_figure]) or '(?!)'}))\s+|"
               rf"(?P<glued>(?i:{alternation(dur.one_prefix) or '(?!)'})))(?P<unit>{units}){end}{not_dated}")
        adverb = rf"(?<![\w-])(?P<adverb>(?i:{alternation(self.adverbs) or '(?!)'}))(?![\w-])"
        self.patterns = [
            openings.add(re.compile(every), sets.every),
            openings.add(re.compile(per), [*self.numbers.openers, *sets.once, *sets.per, *sets.per_after_figure,
                                           *(p + u for p in dur.one_prefix for u in self.units)], digits=True),
            openings.add(re.compile(adverb), self.adverbs),
        ]

    def extract(self, text: str, ranges: list[tuple[int, int]]) -> list[TimeExpr]:
        found: list[TimeExpr] = []
        for s, e in ranges:
            last = s
            for m in sorted((m for p in self.patterns for m in p.finditer(text, s, e)), key=lambda m: m.start()):
                if m.start() >= last and (t := self._set(text, m)) is not None:
                    found.append(t)
                    last = m.end()
        return found

    def _set(self, text: str, m: re.Match[str]) -> TimeExpr | None:
        g = m.groupdict()
        lex = self.lex
        if g.get("adverb"):
            return self._every(text, m, 1.0, self.adverbs[g["adverb"].lower()])
        count = 1.0
        if g.get("count"):
            read = self.numbers.read(g["count"]) if not g["count"][0].isdigit() else (float(g["count"]), 0)
            if read is None or read[0] <= 0:
                return None
            count = read[0]
        if g.get("weekday"):
            if g.get("count"):
                return None
            return self._set_expr(text, m, f"XXXX-WXX-{lex.weekday_names[g['weekday'].lower()] + 1}", "day")
        if g.get("month"):
            month = lex.month_names[g["month"].lower()]
            if not g.get("count"):
                return self._set_expr(text, m, f"XXXX-{month:02d}", "month")
            return self._set_expr(text, m, f"XXXX-{month:02d}-{int(count):02d}", "day") if count <= 31 else None
        unit = self.units[g["unit"].lower()]
        if "per" in g:  # a rate: "per hari", "a day", "dua kali seminggu"; no text gives one per decade
            # "a day" and "sehari" are a rate only after a figure or a count of times ("24 jam sehari")
            needs_figure = not g["times"] and (g["glued"] or (g["per"] or "").lower() in self.per_after_figure)
            if unit in IN_YEARS or (needs_figure and not figure_before(text, m.start(), lex)):
                return None
        return self._every(text, m, count, unit)

    def _every(self, text: str, m: re.Match[str], count: float, unit: str) -> TimeExpr:
        return self._set_expr(text, m, timeml_length(count, unit), unit)

    @staticmethod
    def _set_expr(text: str, m: re.Match[str], value: str, unit: str) -> TimeExpr:
        grain: Grain = cast(Grain, unit) if unit in get_args(Grain) else "day"  # cast: its membership just read
        return TimeExpr(span=span(text, m.start(), m.end()), grain=grain, type="SET", timeml=value)
