"""Time expressions: dates, weekdays, periods and relative expressions, read as day intervals.

Patterns are built from the lexicon once per language. A match becomes a TimeExpr with an interval
[lo, hi], a grain, a period modifier, the weekday the text states, and how its year was found.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..lexicon import Lexicon, alternation
from ..models import TimeExpr
from ..text import span
from .openings import Openings
from .calendar import (GRAIN_OF_MOD, invalid_reason, month_end, month_interval, nearest_with_weekday,
                       safe_date, shifted, year_interval)

# A year-less date this close to publication is read in that year (and its weekday is checked);
# further away it is placed in the year where its stated weekday fits.
RECENT_PAST_DAYS = 90
RECENT_FUTURE_DAYS = 30


class TimeExtractor:
    def __init__(self, lex: Lexicon, openings: Optional[Openings] = None):
        self.lex = lex
        d = lex.data
        # Weekdays and months match capitalised only; modifiers and prepositions in any case (Awal 2020).
        W, M, MOD = lex.weekday_re, lex.month_re, f"(?i:{lex.modifier_re})"
        YW = alternation(d.year_words) or "(?!)"
        a, b = ("d", "m") if d.date_order == "DMY" else ("m", "d")
        pats = {
            # The closing bracket may be missing after a year: "Rabu (8/10/2025." is still the date.
            "wd_num": rf"(?<!\w)(?P<wd>{W})\s*,?\s*\(\s*(?P<{a}>\d{{1,2}})\s*/\s*(?P<{b}>\d{{1,2}})"
                      rf"(?:\s*/\s*(?P<y>\d{{2,4}})(?:\s*\)|(?![\d/]))|\s*\))",
            # "Sabtu (18/102025)": the slash before the year left out; a date written wrongly.
            "wd_glued": rf"(?<!\w)(?P<wd>{W})\s*,?\s*\(\s*(?P<{a}>\d{{1,2}})\s*/\s*(?P<{b}>\d{{1,2}})(?P<y>(?:19|20)\d{{2}})\s*\)",
            "wd_text": rf"(?<!\w)(?P<wd>{W})\s*(?:,|\()\s*(?P<d>\d{{1,2}})\s+(?P<mon>{M})\.?(?:\s+(?P<y>\d{{4}}))?(?:\s*\))?(?![\w/])",
            "wd_text_mdy": rf"(?<!\w)(?P<wd>{W}),?\s+(?P<mon>{M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?(?![\w/])",
            "range": rf"(?<![\d.,])(?P<d>\d{{1,2}})(?:\s+(?P<mon>{M}))?\s*[-–]\s*(?P<d2>\d{{1,2}})\s+(?P<mon2>{M})\.?(?:\s+(?P<y>\d{{4}}))?(?![\w/])",
            "num": rf"(?<![\d/.,])(?P<{a}>\d{{1,2}})/(?P<{b}>\d{{1,2}})/(?P<y>\d{{4}})(?![\d/])",
            "text_dmy": rf"(?<![\d.,])(?P<d>\d{{1,2}})\s+(?P<mon>{M})\.?(?:\s+(?P<y>\d{{4}}))?(?![\w/])",
            "month_year": rf"(?<!\w)(?P<mon>{M})\.?\s+(?:(?:{YW}|of)\s+)?(?P<y>\d{{4}})(?!\d)",
            "mod_month_year": rf"(?<!\w)(?P<mod>{MOD})\s+(?:bulan\s+)?(?P<mon>{M})\.?\s+(?:(?:{YW}|of)\s+)?(?P<y>\d{{4}})(?!\d)",
            "mod_year": rf"(?<!\w)(?P<mod>{MOD})[\s-]+(?:(?:{YW})\s+)?(?P<y>(?:1[89]|2\d)\d{{2}})(?![\d/])",
            # Not the start of a span of years ("Tahun 2023-2053"), which this would read as one year.
            "year_prep": rf"(?<!\w)(?i:{alternation(d.year_prepositions) or '(?!)'})\s+(?P<y>(?:19|20)\d{{2}})"
                         rf"(?![\d/]|[.,]\d|\s*[-–]\s*\d)",
        }
        if d.date_order == "MDY":
            pats["text_mdy"] = rf"(?<!\w)(?P<mon>{M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(?P<y>\d{{4}}))?(?![\w/]|,\d)"
        R = r"(?<![\w'’-])"  # a relative expression opens a word, not part of a compound: `tahun-tahun sebelumnya`
        if d.relative_days:
            pats["rel_day"] = rf"{R}(?P<rd>{alternation(d.relative_days)})(?!\w)"
        units = alternation(d.relative_units)
        if d.relative_directions:
            dirs = alternation(d.relative_directions)
            pats["rel_unit"] = rf"{R}(?:(?P<mod>{MOD})\s+)?(?P<unit>{units})\s+(?P<dir>{dirs})(?!\w)"
        if d.relative_directions_before:
            dirs = alternation(d.relative_directions_before)
            pats["rel_unit_b"] = rf"{R}(?:(?P<mod>{MOD})\s+)?(?P<dir>{dirs})\s+(?P<unit>{units})(?!\w)"
        if d.weekday_directions:
            pats["rel_wd"] = rf"{R}(?P<wd>{W})\s+(?P<wdir>{alternation(d.weekday_directions)})(?!\w)"
        if d.weekday_directions_before:
            pats["rel_wd_b"] = rf"{R}(?P<wdir>{alternation(d.weekday_directions_before)})\s+(?P<wd>{W})(?!\w)"
        # Each pattern is tried only where a word it may open with stands (see openings.py).
        mods = list(d.period_modifiers)
        opens = {"wd_num": d.weekdays, "wd_glued": d.weekdays, "wd_text": d.weekdays, "wd_text_mdy": d.weekdays, "month_year": d.months,
                 "text_mdy": d.months, "mod_month_year": mods, "mod_year": mods, "year_prep": d.year_prepositions,
                 "rel_day": d.relative_days, "rel_unit": [*mods, *d.relative_units],
                 "rel_unit_b": [*mods, *d.relative_directions_before], "rel_wd": d.weekdays,
                 "rel_wd_b": d.weekday_directions_before}
        openings = openings or Openings()
        self.patterns = [(name, openings.add(re.compile(p, re.I if name.startswith("rel_") else 0),
                                             opens.get(name, ()), digits=name not in opens))
                         for name, p in pats.items()]
        self.directions = {k.lower(): v for k, v in {**d.relative_directions, **d.relative_directions_before,
                                                      **d.weekday_directions, **d.weekday_directions_before}.items()}
        self.rel_days = {k.lower(): v for k, v in d.relative_days.items()}
        self.rel_units = {k.lower(): v for k, v in d.relative_units.items()}
        self.mods = {" ".join(k.lower().split()): v for k, v in d.period_modifiers.items()}
        # "Undang-Undang Nomor 10 Tahun 2009": the year names the law.
        self.document_number = re.compile(rf"(?<!\w)(?:{alternation(d.document_numbers) or '(?!)'})\s*\d+\s*$", re.I)
        # "tiga tahun lalu" is three years ago, a length of time, not "tahun lalu" (last year).
        counts = [*d.numbers.words, *d.numbers.vague, *d.numbers.indefinite]
        self.counted = re.compile(rf"(?:\d|(?<!\w)(?:{alternation(counts) or '(?!)'}))\s*$", re.I)

    def extract(self, text: str, ranges: list[tuple[int, int]], published: Optional[dt.date]) -> list[TimeExpr]:
        matches = []
        for s, e in ranges:
            for order, (name, pattern) in enumerate(self.patterns):
                matches += [(m.start(), -(m.end() - m.start()), order, name, m) for m in pattern.finditer(text, s, e)]
        matches.sort(key=lambda x: x[:3])
        chosen = []
        last_end = -1
        for start, neg_len, _, name, m in matches:
            if start >= last_end:
                chosen.append((name, m))
                last_end = start - neg_len
        # Years that full dates elsewhere in the article give to a day and month (not dates after
        # publication, which are themselves suspect).
        years_of = {}
        for name, m in chosen:
            g = m.groupdict()
            if g.get("y") and g.get("d") and (g.get("m") or g.get("mon")) and len(g["y"]) == 4:
                d = safe_date(int(g["y"]), self._month(g), int(g["d"]))
                if d and (published is None or (d - published).days <= 1):
                    years_of.setdefault((d.day, d.month), d.year)
        out = []
        for name, m in chosen:
            expr = self._build(text, name, m, published, years_of)
            if expr is not None:
                out.append(expr)
        return out

    def _month(self, g) -> int:
        return int(g["m"]) if g.get("m") else (self.lex.month(g["mon"]) or 0)

    def _build(self, text, name, m, published, years_of) -> Optional[TimeExpr]:
        g = m.groupdict()
        end = m.end()
        if text[end - 1] == "." and any(g.get(k) and m.end(k) == end - 1 and len(g[k]) > 4 for k in ("mon", "mon2")):
            end -= 1  # the full stop after a full month name ends the sentence, not an abbreviation
        sp = span(text, m.start(), end)
        wd = self.lex.weekday(g["wd"]) if g.get("wd") else None
        wd_span = span(text, m.start("wd"), m.end("wd")) if g.get("wd") else None
        if name.startswith("rel_"):
            if name.startswith("rel_unit") and self.counted.search(text, max(0, m.start() - 30), m.start()):
                return None
            return self._relative(name, g, sp, wd, wd_span, published)
        if name == "year_prep" and self.document_number.search(text, max(0, m.start() - 30), m.start()):
            return None
        ys = span(text, m.start("y"), m.end("y")) if g.get("y") else None
        mk = "m" if g.get("m") else "mon"
        ms = span(text, m.start(mk), m.end(mk)) if g.get(mk) else None
        if g.get("d2"):
            return self._range(sp, g, published)
        if g.get("d"):
            day, month = int(g["d"]), self._month(g)
            year = _full_year(g["y"], published) if g.get("y") else None
            common = dict(span=sp, weekday=wd, weekday_span=wd_span, day=day, month=month, year=year, year_span=ys,
                          day_span=span(text, m.start("d"), m.end("d")), month_span=ms)
            reason = "slash" if name == "wd_glued" else invalid_reason(day, month, year)
            if reason:
                return TimeExpr(**common, invalid=reason)
            if year is not None:
                date = dt.date(year, month, day)
                return TimeExpr(**common, lo=date, hi=date)
            date, source = _place_yearless(day, month, wd, published, years_of)
            if date is None:
                return TimeExpr(**common, year_source="unknown")
            return TimeExpr(**{**common, "year": date.year}, lo=date, hi=date, year_source=source)
        mod = self.mods.get(" ".join(g["mod"].lower().split())) if g.get("mod") else None
        year = int(g["y"])
        if g.get("mon"):
            month = self._month(g)
            days = month_interval(year, month, mod)
            return TimeExpr(span=sp, lo=days[0], hi=days[1], grain="month", mod=mod, month=month, year=year,
                            year_span=ys, month_span=ms) if days else None
        days = year_interval(year, mod)
        return TimeExpr(span=sp, lo=days[0], hi=days[1], grain=GRAIN_OF_MOD.get(mod, "year"), mod=mod, year=year,
                        year_span=ys) if days else None

    def _range(self, sp, g, published) -> Optional[TimeExpr]:
        """`15-19 Oktober 2025`, `27 Februari-2 Maret 2023`: one interval; its year is the end's."""
        month2 = self.lex.month(g["mon2"]) or 0
        month1 = self.lex.month(g["mon"]) if g.get("mon") else month2
        year = int(g["y"]) if g.get("y") else (published.year if published else None)
        if year is None:
            return None
        lo = safe_date(year - (month1 > month2), month1 or 0, int(g["d"]))
        hi = safe_date(year, month2, int(g["d2"]))
        if lo is None or hi is None or lo > hi:
            return None
        return TimeExpr(span=sp, lo=lo, hi=hi, grain="day", year=year, year_source="stated" if g.get("y") else "publication")

    def _relative(self, name, g, sp, wd, wd_span, published) -> Optional[TimeExpr]:
        if published is None:
            return None
        common = dict(span=sp, relative=True, year_source="relative")
        # Each computation gives None past the calendar's ends (`besok` in an article of 31/12/9999).
        if name == "rel_day":
            d = shifted(published, self.rel_days[" ".join(g["rd"].lower().split())])
            return TimeExpr(**common, lo=d, hi=d) if d else None
        direction = self.directions.get(g.get("dir", g.get("wdir", "")).lower(), 0)
        if name.startswith("rel_wd"):
            back = -((published.weekday() - wd) % 7 or 7)
            d = shifted(published, back if direction < 0 else (wd - published.weekday()) % 7 or 7)
            return TimeExpr(**common, lo=d, hi=d, weekday=wd, weekday_span=wd_span) if d else None
        unit = self.rel_units[g["unit"].lower()]
        mod = self.mods.get(" ".join(g["mod"].lower().split())) if g.get("mod") else None
        if unit == "day":
            d = shifted(published, direction)
            return TimeExpr(**common, lo=d, hi=d) if d else None
        if unit == "week":
            monday = shifted(published, 7 * direction - published.weekday())
            sunday = monday and shifted(monday, 6)
            return TimeExpr(**common, lo=monday, hi=sunday, grain="week") if sunday else None
        if unit == "month":
            y, mth = divmod(published.year * 12 + published.month - 1 + direction, 12)
            days = month_interval(y, mth + 1, mod)
            return TimeExpr(**common, lo=days[0], hi=days[1], grain="month", mod=mod) if days else None
        days = year_interval(published.year + direction, mod)
        return TimeExpr(**common, lo=days[0], hi=days[1], grain=GRAIN_OF_MOD.get(mod, "year"), mod=mod) if days else None


def _full_year(y: str, published: Optional[dt.date]) -> int:
    if len(y) != 2:
        return int(y)
    century = (published.year // 100 * 100) if published else 2000
    return century + int(y)


def _place_yearless(day, month, weekday, published, years_of) -> tuple[Optional[dt.date], str]:
    """The year of a date written without one; see RECENT_PAST_DAYS."""
    if (day, month) in years_of:
        return safe_date(years_of[(day, month)], month, day), "article"
    if published is None:
        return None, "unknown"
    for year in (published.year - 1, published.year, published.year + 1):
        d = safe_date(year, month, day)
        if d and -RECENT_PAST_DAYS <= (d - published).days <= RECENT_FUTURE_DAYS:
            return d, "publication"
    if weekday is not None:
        d = nearest_with_weekday(day, month, weekday, published)
        if d:
            return d, "weekday"
    past = safe_date(published.year, month, day)
    if past and past > published:
        past = safe_date(published.year - 1, month, day)
    return past, "publication"


__all__ = ["TimeExtractor", "month_end"]
