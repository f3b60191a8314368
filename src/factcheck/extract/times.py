"""Time expressions: dates, weekdays, periods and relative expressions, read as day intervals.

Patterns are built from the lexicon once per language. A match becomes a TimeExpr with an interval
[lo, hi], a grain, a period modifier, the weekday the text states, and how its year was found.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from itertools import pairwise
from typing import Any, TypeVar, cast

from ..calendar import (
    GRAIN_OF_MOD,
    YEAR_PARTS,
    invalid_reason,
    month_end,
    month_interval,
    moved,
    nearest_with_weekday,
    safe_date,
    shifted,
    timeml_value,
    year_interval,
)
from ..lexicon import Lexicon, alternation
from ..models import Grain, Span, TimeExpr
from ..text import per_text, span
from .openings import Openings, each_match

V = TypeVar("V")
# A match's groups by name, as re gives them: a group that did not take part is None.
Groups = dict[str, str | Any]

# A year-less date this close to publication is read in that year (and its weekday is checked);
# further away it is placed in the year where its stated weekday fits.
RECENT_PAST_DAYS = 90
RECENT_FUTURE_DAYS = 30
# An offset (`sebulan kemudian`, `a year earlier`) counts from a time written at most this far before it,
# else from publication.
ANCHOR_CHARS = 600
# A planning cue (`akan`, `will`) this far before a bare weekday or month puts it after publication.
FUTURE_CUE_CHARS = 80
# A year-less date this many days ahead of publication, and nearer than its reading before it, is read
# ahead without a planning cue.
NEAR_AHEAD_DAYS = 120
# A bare month this few months ahead of publication is read ahead (`in January` in November).
NEAR_MONTHS = 3
# Grains from the finest.
GRAINS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")
# How far back the words before a decade, an offset's unit or a part of a year are read (`the late 1970s`,
# `dua hari kemudian`).
READ_BACK_CHARS = 40
# Patterns of words that match in any case (the others match weekdays and months capitalised only).
ANY_CASE = ("rel_", "ref", "latest", "fiscal", "offset", "day_part", "clock", "weekend", "spelled_year")
# Patterns with opening words that may also open with a digit (`1988 second quarter`, `20th century`).
DIGITS_TOO = ("part",)
# The runs of digits that open a pattern, and the character after them (see openings.py): a day, an hour
# or a year, where most figures are none of them.
DIGIT_RUNS = {"range": r"\d\d?[\s–-]", "num": r"\d\d?/", "text_dmy": r"\d\d?\s", "part": r"\d{4}\s",
              "decade": r"\d{4}(?!\d)", "century_after": r"\d\d?(?!\d)", "clock_ampm": r"\d\d?(?!\d)",
              "clock_zone": r"\d\d?[.:]", "year_bare": r"\d{4}(?!\d)", "clock_24": r"\d\d?:"}


class TimeExtractor:
    def __init__(self, lex: Lexicon, openings: Openings | None = None):
        self.lex = lex
        d = lex.data
        # Weekdays and months match capitalised only; modifiers and prepositions in any case (Awal 2020).
        W, M, MOD = lex.weekday_re, lex.month_re, f"(?i:{lex.modifier_re})"
        YW = alternation(d.year_words) or "(?!)"
        DAY_SPAN = rf"\s*[-–]\s*\d|\s+(?:{alternation(d.timex.day_range) or '(?!)'})\s+\d"
        a, b = ("d", "m") if d.date_order == "DMY" else ("m", "d")
        # Bare weekdays and months are read by their full names only: `Sun`, `Mar` are often other words.
        full_wd = [w for w in d.weekdays if len(w) > 4 or w == lex.weekday_display[d.weekdays[w]].lower()]
        full_mon = [w for w in d.months if len(w) > 4 or w == lex.month_display[d.months[w]].lower()]
        WF, MF = alternation(full_wd, capitalised=True), alternation(full_mon, capitalised=True)
        # A full stop after a full month name ends the sentence: `in January. 57% disapprove` is no day.
        NOT_ENDED = rf"(?!(?:{MF})\.)"
        # not the first year of a decade (`pada 1970-an`, `late 1970s`), read by the decade pattern
        NOT_DECADE = rf"(?!(?:{alternation(d.timex.decade_endings)})(?!\w))" if d.timex.decade_endings else ""
        pats = {
            # The closing bracket may be missing after a year: "Rabu (8/10/2025." is still the date.
            "wd_num": rf"(?<!\w)(?P<wd>{W})\s*,?\s*\(\s*(?P<{a}>\d{{1,2}})\s*/\s*(?P<{b}>\d{{1,2}})"
                      rf"(?:\s*/\s*(?P<y>\d{{2,4}})(?:\s*\)|(?![\d/]))|\s*\))",
            # "Sabtu (18/102025)": the slash before the year left out; a date written wrongly.
            "wd_glued": rf"(?<!\w)(?P<wd>{W})\s*,?\s*\(\s*(?P<{a}>\d{{1,2}})\s*/\s*(?P<{b}>\d{{1,2}})"
                        rf"(?P<y>(?:19|20)\d{{2}})\s*\)",
            # "Rabu, 10 September 2025", "Rabu (10 September)", "Rabu 10 September 2025"
            "wd_text": rf"(?<!\w)(?P<wd>{W})(?:\s*(?:,|\()\s*|\s+)(?P<d>\d{{1,2}})\s+(?P<mon>{M})\.?"
                       rf"(?:\s+(?P<y>\d{{4}}))?(?:\s*\))?(?![\w/])",
            # not a weekday before a span of days (`Monday through Wednesday, June 10-12`): not the first day's
            "wd_text_mdy": rf"(?<!\w)(?P<wd>{W}),?\s+{NOT_ENDED}(?P<mon>{M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
                           rf"(?:,?\s+(?P<y>\d{{4}}))?(?![\w/]|{DAY_SPAN})",
            "range": rf"(?<![\d.,])(?P<d>\d{{1,2}})(?:\s+(?P<mon>{M}))?\s*[-–]\s*(?P<d2>\d{{1,2}})"
                     rf"\s+(?P<mon2>{M})\.?(?:\s+(?P<y>\d{{4}}))?(?![\w/])",
            "num": rf"(?<![\d/.,])(?P<{a}>\d{{1,2}})/(?P<{b}>\d{{1,2}})/(?P<y>\d{{4}})(?![\d/])",
            "text_dmy": rf"(?<![\d.,])(?P<d>\d{{1,2}})\s+(?P<mon>{M})\.?(?:\s+(?P<y>\d{{4}}))?(?![\w/])",
            "month_year": rf"(?<!\w)(?P<mon>{M})\.?\s+(?:(?:{YW}|of)\s+)?(?P<y>\d{{4}})(?!\d)",
            "mod_month_year": rf"(?<!\w)(?P<mod>{MOD})\s+(?:bulan\s+)?(?P<mon>{M})\.?\s+"
                              rf"(?:(?:{YW}|of)\s+)?(?P<y>\d{{4}})(?!\d)",
            "mod_year": rf"(?<!\w)(?P<mod>{MOD})[\s-]+(?:(?:{YW})\s+)?(?P<y>(?:1[89]|2\d)\d{{2}})(?![\d/]){NOT_DECADE}",
            # Not the start of a span of years ("Tahun 2023-2053"), which this would read as one year.
            "year_prep": rf"(?<!\w)(?i:{alternation(d.year_prepositions) or '(?!)'})\s+(?P<y>(?:1[89]|20)\d{{2}})"
                         rf"(?![\d/]|[.,]\d|\s*[-–]\s*\d){NOT_DECADE}",
        }
        if d.date_order == "MDY":
            pats["text_mdy"] = (rf"(?<!\w){NOT_ENDED}(?P<mon>{M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
                                rf"(?:,\s*(?P<y>\d{{4}}))?(?![\w/]|,\d)")
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
        tx = d.timex
        parts = f"(?i:{alternation(tx.day_parts)})" if tx.day_parts else "(?!)"
        # `Friday's ruling` too, but not a span of weekdays (`Senin-Jumat`)
        pats["wd_bare"] = rf"(?<![\w-])(?P<wd>{WF})(?:\s+(?P<part>{parts}))?(?!\w|-\w|['’](?!s(?!\w)))"
        # the first month of a span of months, right before the month that ends it: `Januari-Maret 2022`
        joins = "|".join(r"\s*" + re.escape(w) + r"\s*" if not w[:1].isalnum() else rf"\s+{re.escape(w)}\s+"
                         for w in tx.month_range)
        self.month_range = re.compile(rf"(?<!\w)(?P<mon>{MF})(?:{joins or '(?!)'})$")
        # a part of the day right after a written date: `Senin (6/12) malam`, `12 Desember pagi`
        self.part_after = re.compile(rf"[^\S\n]+(?P<part>{parts})(?!\w)")
        dirs_b = alternation({**d.relative_directions_before, **d.weekday_directions_before}) or "(?!)"
        dirs_a = alternation({**d.relative_directions, **d.weekday_directions}) or "(?!)"
        MW = alternation(tx.month_words) or "(?!)"
        pats["month_bare"] = (rf"(?<!\w)(?:(?P<mod>{MOD})[\s-]+)?(?:(?i:{MW})\s+)?(?:(?P<mdirb>(?i:{dirs_b}))\s+)?"
                              rf"(?P<mon>{MF})"
                              rf"(?:\s+(?:(?P<ydirb>(?i:{dirs_b}))\s+(?i:{YW})|(?i:{YW})\s+(?P<ydira>(?i:{dirs_a})))"
                              rf"|\s+(?P<mdira>(?i:{dirs_a})))?(?![\w'’-]|\s*\d|\.\d)")
        DET = alternation(tx.determiners)
        det = rf"(?:(?i:{DET})\s+)?" if DET else ""
        if tx.year_parts:
            # a year written (`1988 second quarter`, `kuartal I 2018`) or said (`this year's third quarter`,
            # `the year-ago third quarter`, `kuartal I tahun depan`)
            ENDS = alternation(d.word_endings) or "(?!)"
            ADJ = alternation(tx.adjective_offsets) or "(?!)"
            # not a part of a smaller or larger unit: `the first half hour`, `a half-hour`, `paruh pertama jam`
            # (a year's part is followed by no unit but the year)
            other = [w for w, u in {**d.durations.units, **d.durations.more_units}.items() if u != "year"]
            OTHER = rf"(?![\s-]+(?:(?i:of)\s+)?{det}(?i:{alternation(other)})(?!\w))" if other else ""
            # not a part of a fiscal year (`the first quarter of fiscal 2025`): when that year starts varies
            NOT_FISCAL = rf"(?!\s+(?:(?i:of)\s+)?(?i:{alternation(tx.fiscal)}))" if tx.fiscal else ""
            pats["part"] = (rf"(?<!\w)(?:(?P<y0>(?:1[89]|2\d)\d{{2}})\s+"
                            rf"|(?P<ydirb>(?i:{dirs_b}))\s+(?i:{YW})(?:{ENDS})\s+"
                            rf"|(?i:{YW})-(?P<yadj>(?i:{ADJ}))\s+)?"
                            rf"(?P<part>(?i:{alternation(tx.year_parts)}))"
                            rf"(?:(?:\s+(?:(?i:of|{YW})\s+)?|\s*[/-]\s*)(?P<y>(?:1[89]|2\d)\d{{2}})"
                            rf"|\s+(?i:{YW})\s+(?P<ydira>(?i:{dirs_a})))?(?![\w-]|\s*\d){OTHER}{NOT_FISCAL}")
        if tx.latest_parts:
            pats["latest"] = rf"{R}(?P<latest>{alternation(tx.latest_parts)})(?!\w)"
        if tx.fiscal:
            pats["fiscal"] = rf"{R}(?P<fiscal>{alternation(tx.fiscal)})\s+(?P<y>(?:1[89]|2\d)\d{{2}})(?![\d/]|[.,]\d)"
        if tx.decade_endings:  # opened by its digits; the words before it are read back (see _decade)
            pats["decade"] = rf"(?<!\w)(?P<dec>(?:1\d|20)\d0)(?:{alternation(tx.decade_endings)})(?!\w)"
        if tx.references:
            counts = alternation([*d.numbers.words, *d.numbers.indefinite, *d.numbers.vague,
                                  *d.relative_units, *d.durations.units]) or "(?!)"
            # not "the past three years" (a length of time) nor "the past year" (a year)
            pats["ref"] = rf"{R}(?P<ref>{alternation(tx.references)})(?!\w)(?!\s+(?:{counts}|\d+)(?!\w))"
        unit_words = {**d.relative_units, **d.durations.units}
        glued_one = d.durations.one_prefix  # "sebulan kemudian"
        if tx.offsets or tx.offsets_before:
            counts = alternation([*d.numbers.words]) or "(?!)"
            U, ONE = alternation(unit_words), alternation(glued_one) or "(?!)"
            END = alternation(d.word_endings) or "(?!)"
            # opened by its unit (or `sebulan`); a count before it is read back (see _offset)
            pats["offset"] = (rf"{R}(?:(?P<one>{ONE})?(?P<unit>{U})"
                              rf"(?:\s+(?P<off>{alternation(tx.offsets) or '(?!)'})"
                              rf"|-(?P<adj>{alternation(tx.adjective_offsets) or '(?!)'}))"
                              rf"|(?P<offb>{alternation(tx.offsets_before) or '(?!)'})"
                              rf"\s+(?P<unitb>{U})(?:{END})?)(?!\w)")
        if tx.century_before:
            pats["century"] = (rf"(?<!\w)(?:{alternation(tx.century_before)})\s+"
                               rf"(?:{alternation(d.numbers.ordinal_prefix) or '(?!)'})?"
                               rf"(?P<cn>\d{{1,2}}|[IVX]{{1,5}})(?!\w)")
        if tx.century_after:
            pats["century_after"] = (rf"(?<!\w)(?P<cn>\d{{1,2}})(?:{alternation(d.numbers.ordinal_suffix) or '(?!)'})"
                                     rf"\s+(?i:{alternation(tx.century_after)})(?!\w)")
        if tx.spelled_centuries:
            tens = alternation([w for w, v in d.numbers.words.items() if 10 <= v <= 99]) or "(?!)"
            ones = alternation([w for w, v in d.numbers.words.items() if 1 <= v <= 9]) or "(?!)"
            pats["spelled_year"] = (rf"(?<!\w)(?:(?P<mon>(?-i:{MF}))\s+)?(?P<sc>{alternation(tx.spelled_centuries)})"
                                    rf"\s+(?P<st>{tens})"
                                    rf"(?:[\s-](?P<so>{ones}))?(?![\w-])")
        if tx.weekends:
            pats["weekend"] = rf"{R}(?P<we>{alternation(tx.weekends)})(?!\w)"
        if tx.seasons:
            pats["season"] = (rf"(?<!\w)(?:(?P<sdir>(?i:{dirs_b}))\s+)?(?P<season>(?i:{alternation(tx.seasons)}))"
                              rf"(?:\s+(?:(?i:of)\s+)?(?P<y>(?:1[89]|2\d)\d{{2}}))?(?![\w-]|\s*\d)")
        if tx.day_part_times:
            pats["day_part"] = rf"{R}(?P<dpt>{alternation(tx.day_part_times)})(?!\w)"
        zones = rf"(?:\s*(?-i:{alternation(tx.time_zones)})(?!\w))?" if tx.time_zones else ""
        if tx.clock_before:
            pats["clock"] = (rf"(?<!\w)(?:{alternation(tx.clock_before)})\.?\s*(?P<h>[01]?\d|2[0-4])"
                             rf"(?:[.:](?P<min>[0-5]\d))?"
                             rf"(?![\d.:]\d|\w){zones}")
        if tx.clock_after:
            pats["clock_ampm"] = (rf"(?<![\w.:])(?P<h>1[0-2]|0?\d)(?:[.:](?P<min>[0-5]\d))?"
                                  rf"\s*(?P<ampm>(?i:{alternation(tx.clock_after)}))"
                                  rf"(?![\w]){zones}")
        if tx.time_zones:  # `20.30 WIB`, the end of `pukul 11.00-16.00 WIB`: a clock its zone makes one
            pats["clock_zone"] = (rf"(?<![\w.:,])(?P<h>[01]?\d|2[0-4])[.:](?P<min>[0-5]\d)\s*"
                                  rf"(?-i:{alternation(tx.time_zones)})(?!\w)")
        # a year after a word that makes it one, not followed by what it counts ("and 2000 people")
        pats["year_bare"] = r"(?<![\w$.,-])(?P<y>(?:19|20)\d{2})(?![\d/%]|[.,]\d|\s*[-–]\s*\d|['’]?s(?!\w)|-an(?!\w))"
        # not part of a case number (`4:16-cv-00106`)
        pats["clock_24"] = rf"(?<![\w.:,])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:.,-]\w|\w){zones}"
        # Each pattern is tried only where a word it may open with stands (see openings.py).
        mods = list(d.period_modifiers)
        opens = {"wd_num": d.weekdays, "wd_glued": d.weekdays, "wd_text": d.weekdays, "wd_text_mdy": d.weekdays,
                 "month_year": d.months, "text_mdy": d.months, "mod_month_year": mods, "mod_year": mods,
                 "year_prep": d.year_prepositions,
                 "rel_day": d.relative_days, "rel_unit": [*mods, *d.relative_units],
                 "rel_unit_b": [*mods, *d.relative_directions_before], "rel_wd": d.weekdays,
                 "rel_wd_b": d.weekday_directions_before, "wd_bare": full_wd,
                 "month_bare": [*mods, *tx.month_words, *d.relative_directions_before, *d.weekday_directions_before,
                                *full_mon],
                 "part": [*tx.year_parts, *d.relative_directions_before, *d.weekday_directions_before,
                          *(d.year_words if tx.adjective_offsets else ())],
                 "latest": tx.latest_parts, "fiscal": tx.fiscal,
                 "ref": tx.references, "day_part": tx.day_part_times, "clock": tx.clock_before,
                 "weekend": tx.weekends,
                 "century": tx.century_before, "spelled_year": [*tx.spelled_centuries, *full_mon],
                 "season": [*d.relative_directions_before, *d.weekday_directions_before, *tx.seasons],
                 "offset": [*(o + u for o in glued_one for u in unit_words), *unit_words, *tx.offsets_before]}
        openings = openings or Openings()
        self.names = list(pats)  # of the patterns, in their order
        digits = {name: DIGIT_RUNS.get(name, True) for name in pats if name not in opens or name in DIGITS_TOO}
        self.patterns = [openings.add(re.compile(p, re.I if name.startswith(ANY_CASE) else 0), opens.get(name, ()),
                                      digits=digits.get(name, False)) for name, p in pats.items()]
        self.directions = {k.lower(): v for k, v in {**d.relative_directions, **d.relative_directions_before,
                                                      **d.weekday_directions, **d.weekday_directions_before}.items()}
        self.rel_days = {k.lower(): v for k, v in d.relative_days.items()}
        self.rel_units = {k.lower(): v for k, v in d.relative_units.items()}
        self.mods = {" ".join(k.lower().split()): v for k, v in d.period_modifiers.items()}
        self.references, self.year_parts, self.latest = _low(tx.references), _low(tx.year_parts), _low(tx.latest_parts)
        self.offsets = _low({**tx.offsets, **tx.offsets_before})
        self.weekends, self.seasons = _low(tx.weekends), _low(tx.seasons)
        self.adjective_offsets, self.spelled = _low(tx.adjective_offsets), _low(tx.spelled_centuries)
        self.idiom = re.compile(rf"(?<!\w)(?:{alternation(tx.not_references) or '(?!)'})$", re.I)
        self.units = _low(unit_words)
        self.counts = _low(d.numbers.words)
        # right after a date without a year, the years back it lies: `Selasa (16/5) tahun lalu`, `May 16, six
        # years ago`, `16 Mei setahun silam`, `May 16 last year`
        dur = d.durations
        years = alternation([*(w for w, u in {**dur.units, **d.relative_units}.items() if u == "year")]) or "(?!)"
        back = alternation([*dur.ago, *(w for w, v in d.relative_directions.items() if v < 0)]) or "(?!)"
        back_before = alternation([w for w, v in d.relative_directions_before.items() if v < 0]) or "(?!)"
        count = alternation([*d.numbers.words, *dur.counts]) or "(?!)"
        one = alternation(dur.one_prefix) or "(?!)"
        self.years_back = re.compile(rf"[^\S\n]*,?[^\S\n]*(?:(?:(?P<n>\d{{1,2}}|{count})\s+|{one})?(?:{years})\s+"
                                     rf"(?:{back})|(?:{back_before})\s+(?:{years}))(?!\w)", re.I)
        self.year_counts = _low({**d.numbers.words, **dur.counts})
        self.day_parts, self.day_part_times = _low(tx.day_parts), _low(tx.day_part_times)
        self.ampm = _low(tx.clock_after)
        # "akan", "will" shortly before, in the same sentence: a bare weekday or month lies ahead.
        planned = alternation([*d.cues.get("planned", []), *tx.future_cues]) or "(?!)"
        # A full stop inside a word (`10.00`) or ending a clock time the sentence goes on after (`5 p.m.
        # Tuesday`, `9 a.m. EST`) does not end the sentence.
        dotted = alternation([w for w in tx.clock_after if "." in w]) or "(?!)"
        goes_on = "|".join(x for x in (W, alternation(tx.time_zones), r"[a-z\d(]", "$") if x)  # $: the time read
        # Nor may another clause (`which`, `yang`, `had`) or, after a comma, a report of it stand between cue
        # and time: `will close, the company said on Wednesday` is past; `will be announced on Monday` is not.
        breaks = alternation([*d.plan_scope.breaks, *d.plan_scope.past_tense]) or "(?!)"
        reported = alternation(d.cues.get("reported", [])) or "(?!)"
        stops = rf"(?<!\w)(?:{breaks})(?!\w)|,[^,.;]{{0,40}}?(?<!\w)(?:{reported})(?!\w)"
        self.future_cue = re.compile(rf"(?<!\w)(?:{planned})(?!\w)(?:(?!{stops})"
                                     rf"(?:[^.!?;]|\.(?=\w)|(?<!\w)(?:{dotted})(?=\s+(?-i:{goes_on}))))*$", re.I)
        # The words before a bare year that make it one (`the 1996 Olympics`); an ending in the list (`'s`:
        # `the company's 1989 results`) is read after any word.
        words = alternation([w for w in tx.year_before if w[:1].isalnum()]) or "(?!)"
        endings = alternation([w for w in tx.year_before if not w[:1].isalnum()]) or "(?!)"
        self.year_before = re.compile(rf"(?:(?<!\w)(?:{words})|(?<=\w)(?:{endings}))\s+$", re.I)
        # what may stand before a decade (`the late 1970s`, `tahun 1980-an`) and before an offset's unit
        # (`two weeks later`), read back from where the pattern opened
        self.decade_before = re.compile(rf"(?<!\w){det}(?:(?P<mod>{MOD})[\s-]+)?(?:(?i:{YW})\s+)?$", re.I)
        # `the third quarter`, `the 20th century`: a determiner read back likewise
        self.det_before = re.compile(rf"(?<!\w)(?i:{DET})\s+$") if DET else None
        numbers = alternation(d.numbers.words) or "(?!)"
        self.count_before = re.compile(rf"(?<![\w'’-])(?:(?P<cnt>{numbers}|\d{{1,3}})"
                                       rf"|(?P<one>{alternation(tx.one) or '(?!)'}))\s+$", re.I)
        # a capitalised word inside a sentence, then a month name with no day after it (see _named_months)
        self.month_named = re.compile(rf"(?<=[\w,] )(?P<w>[A-Z][\w'’]*\.?) +(?P<mon>{MF})(?![\w'’-]|\s*\d|\.\d)")
        self.time_words = {word for phrase in [*tx.month_before, *tx.month_words, *self.mods, *self.directions]
                           for word in phrase.lower().split()}
        self.month_before = re.compile(rf"(?<!\w)(?:{alternation(tx.month_before) or '(?!)'})[\s-]+$", re.I)
        # "Undang-Undang Nomor 10 Tahun 2009": the year names the law.
        self.document_number = re.compile(rf"(?<!\w)(?:{alternation(d.document_numbers) or '(?!)'})\s*\d+\s*$", re.I)
        # `Nomor 30/32/2024`, `nomor perkara 31/14/2024`, `bernomor B-31/13/2024`: one word may name the document,
        # a code may open the number
        self.document_label = re.compile(rf"(?<!\w)(?:{alternation(d.document_numbers) or '(?!)'})(?:\s+[^\W\d]+)?"
                                         r"\s*:?\s*(?:[A-Za-z]+[.-])?$", re.I)
        self.eve_before = re.compile(rf"(?<!\w)(?:{alternation(tx.eve_before) or '(?!)'})[^\S\n]+$", re.I)
        # "tiga tahun lalu" is three years ago, a length of time, not "tahun lalu" (last year).
        count_words = [*d.numbers.words, *d.numbers.vague, *d.numbers.indefinite]
        # Not a year before them: `data April 2024 pekan depan` is next week.
        self.counted = re.compile(rf"(?:(?<![\d.,])(?!(?:1[89]|20)\d\d\s*$)\d[\d.,]*|"
                                  rf"(?<!\w)(?:{alternation(count_words) or '(?!)'}))\s*$", re.I)
        # a year after a year and a comma, in a list of them: `in 1994, 1995 and 1997`
        self.year_listed = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d,\s*$")
        # between a time of day and its day: `9 a.m. Tuesday`, `5 p.m. EST, Nov. 9`, `pukul 10.00 pada Senin`
        # (on one line: a heading's time is not the next line's)
        self.clock_gap = re.compile(
            rf"[^\S\n]*,?[^\S\n]*(?:(?i:{alternation(d.date_prepositions) or '(?!)'})[^\S\n]+)?")

    def extract(self, text: str, ranges: list[tuple[int, int]], published: dt.date | None) -> list[TimeExpr]:
        matches = []
        for s, e in ranges:
            matches += [(m.start(), m.start() - m.end(), order, self.names[order], m)
                        for order, m in each_match(self.patterns, text, s, e)]
        matches.sort(key=lambda x: x[:3])
        chosen = []
        last_end = -1
        for start, neg_len, _, name, m in matches:
            if start >= last_end:
                chosen.append((name, m))
                last_end = start - neg_len
        # Years that full dates elsewhere in the article give to a day and month (not dates after
        # publication, which are themselves suspect).
        years_of: dict[tuple[int, int], int] = {}
        for _name, m in chosen:
            g = m.groupdict()
            if g.get("y") and g.get("d") and (g.get("m") or g.get("mon")) and len(g["y"]) == 4:
                d = safe_date(int(g["y"]), self._month(g), int(g["d"]))
                if d and (published is None or (d - published).days <= 1):
                    years_of.setdefault((d.day, d.month), d.year)
        out = []
        anchor: TimeExpr | None = None  # the last time with days of its own: what an offset counts from
        for name, m in chosen:
            near = anchor if anchor is not None and m.start() - anchor.span.end <= ANCHOR_CHARS else None
            expr = self._build(text, name, m, published, years_of, near)
            if expr is None:
                continue
            if expr.timeml is None and expr.lo is not None and expr.hi is not None and not expr.invalid:
                expr = expr.model_copy(update={"timeml": timeml_value(expr.lo, expr.hi, expr.grain)})
            elif expr.timeml is None and expr.day and expr.month and not expr.invalid:
                expr = expr.model_copy(update={"timeml": f"XXXX-{expr.month:02d}-{expr.day:02d}"})
            out.append(expr)
            if expr.lo is not None and expr.type == "DATE" and expr.year_source != "anchor":
                anchor = expr
        out = [self._years_back(text, t, published) for t in out]
        return self._dated_clocks(text, self._dated_parts(text, self._range_starts(text, out)))

    def _years_back(self, text: str, t: TimeExpr, published: dt.date | None) -> TimeExpr:
        """A date without a year followed by the years back it lies (`Selasa (16/5) tahun lalu`, `May 16, six
        years ago`): in that year. Its weekday, if stated, is not checked: a count of years back from
        publication may miss by one near the turn of a year."""
        if published is None or t.grain != "day" or t.lo is None or t.year_source not in ("publication", "weekday"):
            return t
        m = self.years_back.match(text, t.span.end)
        if m is None:
            return t
        n = m["n"] or ""
        back = int(n) if n.isdigit() else int(self.year_counts.get(" ".join(n.lower().split()), 1))
        d = safe_date(published.year - back, t.lo.month, t.lo.day)
        if d is None:
            return t
        return t.model_copy(update={"lo": d, "hi": d, "year": d.year, "year_source": "relative",
                                    "timeml": timeml_value(d, d, "day")})

    def _dated_clocks(self, text: str, times: list[TimeExpr]) -> list[TimeExpr]:
        """`9 a.m. Tuesday`, `5 p.m. EST, Nov. 9`: a time of day and the day written right after it are one
        TIME of that day, as TimeML tags them; the day stays a date of its own for the checks."""
        out = list(times)
        for i, (clock, day) in enumerate(pairwise(times)):
            if clock.type == "TIME" and clock.lo is None and clock.timeml and day.type == "DATE" \
                    and day.lo is not None and day.lo == day.hi and day.grain == "day" \
                    and self.clock_gap.fullmatch(text, clock.span.end, day.span.start):
                out[i] = clock.model_copy(update={"span": span(text, clock.span.start, day.span.end),
                                                  "timeml": f"{day.lo.isoformat()}T{clock.timeml.split('T', 1)[1]}"})
        return out

    def _range_starts(self, text: str, times: list[TimeExpr]) -> list[TimeExpr]:
        """`Januari-Maret 2022`, `Oktober hingga Desember 2025`: the month a span of months starts with, in
        the year of the month it ends with (the year before when it is later in the year). Like a clock,
        it has no days of its own: the checks read the months as they were found."""
        out = []
        for i, t in enumerate(times):
            start = times[i - 1].span.end if i else 0
            lo = t.lo
            m = self.month_range.search(text, max(start, t.span.start - READ_BACK_CHARS), t.span.start) \
                if t.grain == "month" and lo is not None and t.month and not t.mod else None
            month = self.lex.month(m["mon"]) if m else None
            if m and month and lo is not None:
                year = lo.year - (month > lo.month)
                out.append(TimeExpr(span=span(text, m.start(), m.start() + len(m["mon"])), relative=True,
                                    year_source="anchor", month=month, timeml=f"{year:04d}-{month:02d}"))
            out.append(t)
        return out

    def _dated_parts(self, text: str, times: list[TimeExpr]) -> list[TimeExpr]:
        """`Senin (6/12) malam`, `12 Desember pagi`: a day and the part of it written right after are one
        TIME of that day, as a bare weekday with its part is (see _weekday). The span stays the date's: the
        checks quote it in their repairs."""
        out = list(times)
        for i, day in enumerate(times):
            m = self.part_after.match(text, day.span.end)
            if not m or day.type != "DATE" or day.lo is None or day.lo != day.hi or day.grain != "day" \
                    or (i + 1 < len(times) and times[i + 1].span.start < m.end()):
                continue
            part = self.day_parts[" ".join(m["part"].lower().split())]
            out[i] = day.model_copy(update={"type": "TIME", "timeml": f"{day.lo.isoformat()}T{part}"})
        return out

    def _month(self, g: Groups) -> int:
        return int(g["m"]) if g.get("m") else (self.lex.month(g["mon"]) or 0)

    def _build(self, text: str, name: str, m: re.Match[str], published: dt.date | None,
               years_of: dict[tuple[int, int], int], anchor: TimeExpr | None) -> TimeExpr | None:
        g = m.groupdict()
        if name in _READERS:
            return _READERS[name](self, text, m, g, published, anchor)
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
        # not a law's year (`Nomor 10 Tahun 2009`) nor a count (`in 1850 households`)
        if name == "year_prep" and (self.document_number.search(text, max(0, m.start() - 30), m.start())
                                    or self.lex.unit_pattern.match(text, m.end())):
            return None
        if name == "num" and self.document_label.search(text, max(0, m.start() - 40), m.start()):
            return None  # a document's number, not a date
        if wd is not None and self.eve_before.search(text, max(0, m.start("wd") - 20), m.start("wd")):
            wd = wd_span = None  # `malam Minggu (18/5)`: the eve's date may be either day's
        ys = span(text, m.start("y"), m.end("y")) if g.get("y") else None
        mk = "m" if g.get("m") else "mon"
        ms = span(text, m.start(mk), m.end(mk)) if g.get(mk) else None
        if g.get("d2"):
            return self._range(sp, g, published)
        if g.get("d"):
            day, month = int(g["d"]), self._month(g)
            year = _full_year(g["y"], published) if g.get("y") else None
            ds: Span | None = span(text, m.start("d"), m.end("d"))
            if g.get("m") and month > 12 and invalid_reason(month, day, year) is None:
                day, month, ds, ms = month, day, ms, ds  # `31/12/2023` in a month-first language: day first
            common: dict[str, Any] = {"span": sp, "weekday": wd, "weekday_span": wd_span, "day": day, "month": month,
                                      "year": year, "year_span": ys, "day_span": ds, "month_span": ms}
            reason = "slash" if name == "wd_glued" else invalid_reason(day, month, year)
            if reason:
                return TimeExpr(**common, invalid=reason)
            if year is not None:
                date = dt.date(year, month, day)
                return TimeExpr(**common, lo=date, hi=date)
            placed, source = _place_yearless(day, month, wd, published, years_of, self._future(text, m.start()))
            if placed is None:
                return TimeExpr(**common, year_source="unknown")
            return TimeExpr(**{**common, "year": placed.year}, lo=placed, hi=placed, year_source=source)
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

    def _range(self, sp: Span, g: Groups, published: dt.date | None) -> TimeExpr | None:
        """`15-19 Oktober 2025`, `27 Februari-2 Maret 2023`: one interval; its year is the end's."""
        month2 = self.lex.month(g["mon2"]) or 0
        month1 = (self.lex.month(g["mon"]) or 0) if g.get("mon") else month2
        year = int(g["y"]) if g.get("y") else (published.year if published else None)
        if year is None:
            return None
        lo = safe_date(year - (month1 > month2), month1 or 0, int(g["d"]))
        hi = safe_date(year, month2, int(g["d2"]))
        if lo is None or hi is None or lo > hi:
            return None
        return TimeExpr(span=sp, lo=lo, hi=hi, grain="day", year=year,
                        year_source="stated" if g.get("y") else "publication")

    def _relative(self, name: str, g: Groups, sp: Span, wd: int | None, wd_span: Span | None,
                  published: dt.date | None) -> TimeExpr | None:
        if published is None:
            return None
        common: dict[str, Any] = {"span": sp, "relative": True, "year_source": "relative"}
        # Each computation gives None past the calendar's ends (`besok` in an article of 31/12/9999).
        if name == "rel_day":
            d = shifted(published, self.rel_days[" ".join(g["rd"].lower().split())])
            return TimeExpr(**common, lo=d, hi=d) if d else None
        direction = self.directions.get(g.get("dir", g.get("wdir", "")).lower(), 0)
        if name.startswith("rel_wd"):
            assert wd is not None  # the pattern matched a weekday's name
            back = -((published.weekday() - wd) % 7 or 7)
            d = shifted(published, back if direction < 0 else (wd - published.weekday()) % 7 or 7)
            return TimeExpr(**common, lo=d, hi=d, weekday=wd, weekday_span=wd_span) if d else None
        unit = self.rel_units[g["unit"].lower()]
        mod = self.mods.get(" ".join(g["mod"].lower().split())) if g.get("mod") else None
        if unit in ("quarter", "decade", "century"):
            days = moved(published, unit, direction)
            return TimeExpr(**common, lo=days[0], hi=days[1], grain=unit) if days else None
        if unit == "day":
            d = shifted(published, direction)
            return TimeExpr(**common, lo=d, hi=d) if d else None
        if unit == "week":
            monday = shifted(published, 7 * direction - published.weekday())
            sunday = monday and shifted(monday, 6)
            if monday and sunday and " ".join(f"{g.get('mod') or ''} {g['unit']}".lower().split()) in self.weekends:
                # `akhir pekan ini`: the weekend (a word of the lexicon's) of that week
                year, week, _ = monday.isocalendar()
                return TimeExpr(**common, lo=shifted(monday, 5), hi=sunday, grain="week",
                                timeml=f"{year:04d}-W{week:02d}-WE")
            return TimeExpr(**common, lo=monday, hi=sunday, grain="week") if sunday else None
        if unit == "month":
            y, mth = divmod(published.year * 12 + published.month - 1 + direction, 12)
            days = month_interval(y, mth + 1, mod)
            return TimeExpr(**common, lo=days[0], hi=days[1], grain="month", mod=mod) if days else None
        days = year_interval(published.year + direction, mod)
        return TimeExpr(**common, lo=days[0], hi=days[1], grain=GRAIN_OF_MOD.get(mod, "year"),
                        mod=mod) if days else None

    # --- times without digits of a day: weekdays, months, parts of a year, offsets, now and then, clock

    def _weekday(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                 anchor: TimeExpr | None) -> TimeExpr | None:
        """`said Friday`, `pada Selasa`, `Thursday morning`: the nearest such day up to publication, or
        from it on with a planning cue before it; without a publication date, any such day."""
        wd = self.lex.weekday(g["wd"])
        assert wd is not None  # the pattern matched a weekday's name
        if published is None:
            return TimeExpr(span=span(text, m.start(), m.end()), weekday=wd, relative=True, year_source="unknown",
                            timeml=f"XXXX-WXX-{wd + 1}")
        ahead = (wd - published.weekday()) % 7 if self._future(text, m.start()) else -((published.weekday() - wd) % 7)
        d = shifted(published, ahead)
        if d is None:
            return None
        part = self.day_parts.get(" ".join(g["part"].lower().split())) if g.get("part") else None
        return TimeExpr(span=span(text, m.start(), m.end()), lo=d, hi=d, weekday=wd,
                        weekday_span=span(text, m.start("wd"), m.end("wd")), relative=True, year_source="relative",
                        type="TIME" if part else "DATE", timeml=f"{d.isoformat()}T{part}" if part else d.isoformat())

    def _bare_month(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                    anchor: TimeExpr | None) -> TimeExpr | None:
        """`early December`, `last May`, `bulan Maret lalu`, `in August`, `Februari tahun ini`: a month
        without a year, in the nearest year that fits (before publication, unless a cue says later)."""
        direction = g.get("mdirb") or g.get("mdira")
        year_dir = g.get("ydirb") or g.get("ydira")
        said = g.get("mod") or direction or year_dir or m.start("mon") > m.start()
        if not (said or self.month_before.search(text, max(0, m.start() - 20), m.start())):
            return None  # a month name alone may be a name (`June`, `Agustus`) or a verb (`May`)
        if not said and self.lex.month(g["mon"]) in _named_months(text, 0, len(text), self):
            return None  # `seen by May` in an article that names `Theresa May`
        month = self.lex.month(g["mon"])
        if not month:
            return None
        if published is None:
            return TimeExpr(span=span(text, m.start(), m.end()), month=month, relative=True, year_source="unknown",
                            timeml=f"XXXX-{month:02d}")
        if year_dir:
            year = published.year + self.directions.get(year_dir.lower(), 0)
        elif direction:
            step = self.directions.get(direction.lower(), 0)  # `last May` in May is a year ago
            year = published.year - (month >= published.month) if step < 0 else \
                published.year + (month <= published.month) if step > 0 else published.year
        else:  # the nearest such month, later ones only with a planning cue
            ahead = (month - published.month) % 12
            later = ahead and (self._future(text, m.start()) or ahead <= NEAR_MONTHS)
            year = published.year + (month < published.month) if later else published.year - (month > published.month)
        mod = self.mods.get(" ".join(g["mod"].lower().split())) if g.get("mod") else None
        days = month_interval(year, month, mod)
        if days is None:
            return None
        return TimeExpr(span=span(text, m.start(), m.end()), lo=days[0], hi=days[1], grain="month", mod=mod,
                        month=month, month_span=span(text, m.start("mon"), m.end("mon")), relative=True,
                        year_source="relative")

    def _part(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
              anchor: TimeExpr | None) -> TimeExpr | None:
        """`kuartal I`, `the third quarter`, `semester II 2018`: a quarter or half, of the year written
        or else the latest one begun by publication (a plan to report `third-quarter` results is about
        the quarter past)."""
        mod = self.year_parts[" ".join(g["part"].lower().split())]
        said = g.get("ydirb") or g.get("ydira")
        if g.get("y") or g.get("y0"):
            year, relative = int(g["y"] or g["y0"]), False
        elif published is None:
            return None
        elif said:
            year, relative = published.year + self.directions.get(said.lower(), 0), True
        elif g.get("yadj"):
            year, relative = published.year + self.adjective_offsets[g["yadj"].lower()], True
        else:
            year, relative = published.year - (YEAR_PARTS[mod][0] > published.month), True
        days = year_interval(year, mod)
        if days is None:
            return None
        return TimeExpr(span=span(text, self._determined(text, m.start()), m.end()), lo=days[0], hi=days[1],
                        grain=GRAIN_OF_MOD[mod], mod=mod, year=None if relative else year, relative=relative,
                        year_source="relative" if relative else "stated",
                        year_span=span(text, *m.span("y" if g.get("y") else "y0")) if not relative else None)

    def _latest(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                anchor: TimeExpr | None) -> TimeExpr | None:
        """`the quarter`, `the latest quarter`: the one that ended last before publication."""
        if published is None:
            return None
        unit = cast(Grain, self.latest[" ".join(g["latest"].lower().split())])  # the lexicon names grains
        days = moved(published, unit, -1)
        return TimeExpr(span=span(text, m.start(), m.end()), lo=days[0], hi=days[1], grain=unit, relative=True,
                        year_source="relative") if days else None

    def _year(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
              anchor: TimeExpr | None) -> TimeExpr | None:
        """`the 1996 Olympics`, `between 1994 and 1997`, `in 1994, 1995 and 1997`: a bare year after a word
        that makes it one, or after a year and a comma. It may name a thing rather than date its clause
        (`the 2010 target`): year_source "bare"."""
        if not (self.year_before.search(text, max(0, m.start() - 12), m.start())
                or self.year_listed.search(text, max(0, m.start() - 8), m.start())) \
                or self.lex.unit_pattern.match(text, m.end()):
            return None
        return self._whole_year(text, m, "bare")

    def _fiscal(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                anchor: TimeExpr | None) -> TimeExpr | None:
        """`fiscal 1989`, `tahun anggaran 2021`: read as its calendar year (when it starts varies)."""
        return self._whole_year(text, m, "stated")

    def _whole_year(self, text: str, m: re.Match[str], source: str) -> TimeExpr | None:
        year = int(m["y"])
        days = year_interval(year, None)
        return TimeExpr(span=span(text, m.start(), m.end()), lo=days[0], hi=days[1], grain="year", year=year,
                        year_span=span(text, m.start("y"), m.end("y")), year_source=source) if days else None

    def _decade(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                anchor: TimeExpr | None) -> TimeExpr | None:
        """`the 1970s`, `1970-an`, `the late 1970s`: ten years, not the year 1970."""
        first = int(g["dec"])
        before = self.decade_before.search(text, max(0, m.start() - READ_BACK_CHARS), m.start())
        start = before.start() if before else m.start()
        mod = self.mods.get(" ".join(before["mod"].lower().split())) if before and before["mod"] else None
        decade = moved(dt.date(first, 1, 1), "decade", 0)
        assert decade is not None  # the pattern reads the decades of 1000-2099 only
        lo, hi = decade
        if mod in ("start", "mid", "end"):  # the first, middle or last four years or so
            lo, hi = {"start": (lo, dt.date(first + 3, 12, 31)),
                      "mid": (dt.date(first + 3, 1, 1), dt.date(first + 6, 12, 31)),
                      "end": (dt.date(first + 6, 1, 1), hi)}[mod]
        return TimeExpr(span=span(text, start, m.end()), lo=lo, hi=hi, grain="decade", mod=mod,
                        timeml=str(first)[:3])

    def _century(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                 anchor: TimeExpr | None) -> TimeExpr | None:
        """`abad ke-20`, `abad XXI`, `the 20th century`: the hundred years whose first two digits it gives."""
        number = int(g["cn"]) if g["cn"].isdigit() else _roman(g["cn"])
        days = number and moved(dt.date(max(1, 100 * (number - 1)), 1, 1), "century", 0)
        return TimeExpr(span=span(text, self._determined(text, m.start()), m.end()), lo=days[0], hi=days[1],
                        grain="century", timeml=f"{number - 1:02d}") if days else None

    def _spelled_year(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                      anchor: TimeExpr | None) -> TimeExpr | None:
        """`nineteen ninety-six`, `January nineteen ninety-seven`: a year said aloud, or a month of it."""
        year = 100 * self.spelled[g["sc"].lower()] + int(self.counts[g["st"].lower()]) \
            + (int(self.counts[g["so"].lower()]) if g.get("so") else 0)
        month = self.lex.month(g["mon"]) if g.get("mon") else None
        days = month_interval(year, month, None) if month else year_interval(year, None)
        return TimeExpr(span=span(text, m.start(), m.end()), lo=days[0], hi=days[1], grain="month" if month else "year",
                        year=year, month=month, year_source="bare") if days else None

    def _reference(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                   anchor: TimeExpr | None) -> TimeExpr | None:
        """`kini`, `now`, `saat itu`, `the future`: the present, past or future, with no days of its own."""
        if self.idiom.search(text, max(0, m.start() - 20), m.end()):
            return None
        value = self.references[" ".join(g["ref"].lower().split())]
        return TimeExpr(span=span(text, m.start(), m.end()), relative=True, year_source="relative", timeml=value)

    def _offset(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                anchor: TimeExpr | None) -> TimeExpr | None:
        """`sebulan kemudian`, `two weeks later`, `a year earlier`, `the next day`, `that year`: counted
        from the time written just before, else from publication. A year from a quarter is that quarter a
        year away."""
        unit = self.units[(g.get("unit") or g["unitb"]).lower()]
        start = m.start()
        cnt = None
        if g.get("offb"):
            n = self.offsets[" ".join(g["offb"].lower().split())]
        else:
            before = None if g.get("one") else self.count_before.search(text, max(0, start - READ_BACK_CHARS), start)
            cnt = before["cnt"] if before else None
            start = before.start() if before else start
            count = int(cnt) if cnt and cnt.isdigit() else int(self.counts.get(cnt.lower(), 0)) if cnt else 1
            n = count * (self.offsets[g["off"].lower()] if g.get("off") else self.adjective_offsets[g["adj"].lower()])
        base, grain = (anchor.lo, anchor.grain) if anchor is not None else (published, "day")
        if base is None or (not n and (anchor is None or cnt)):  # `that year` needs a time before it
            return None
        if GRAINS.index(unit) < GRAINS.index(grain):
            return None  # `two days later` after `in 1987`: the day is not known
        if unit == "year" and grain == "day" and anchor is not None and not g.get("offb"):
            # `Sept. 30 ... a year earlier`: that day a year before (`the following year` is a year)
            d = safe_date(base.year + n, base.month, base.day) if 1 <= base.year + n <= 9999 else None
            days = (d, d) if d else None
            unit = "day"
        else:
            if unit == "year" and grain in ("quarter", "half", "month") and n:
                unit, n = grain, n * {"quarter": 4, "half": 2, "month": 12}[grain]
            days = moved(base, unit, n)
        if days is None:
            return None
        return TimeExpr(span=span(text, start, m.end()), lo=days[0], hi=days[1], grain=unit, relative=True,
                        year_source="anchor" if anchor is not None else "relative")

    def _weekend(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                 anchor: TimeExpr | None) -> TimeExpr | None:
        """`the weekend`, `akhir pekan`: the last Saturday and Sunday up to publication (the next with a
        planning cue), moved by `last` or `next`."""
        if published is None:
            return None
        step = self.weekends[" ".join(g["we"].lower().split())]
        ahead = not step and self._future(text, m.start())
        back = -((published.weekday() - 5) % 7) + 7 * step
        saturday = shifted(published, (5 - published.weekday()) % 7 if ahead else back)
        sunday = saturday and shifted(saturday, 1)
        if saturday is None or sunday is None:
            return None
        year, week, _ = saturday.isocalendar()
        return TimeExpr(span=span(text, m.start(), m.end()), lo=saturday, hi=sunday, grain="week", relative=True,
                        year_source="relative", timeml=f"{year:04d}-W{week:02d}-WE")

    def _season(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                anchor: TimeExpr | None) -> TimeExpr | None:
        """`last fall`, `this summer`, `the winter of 1994`: three months (winter from December on)."""
        if not (g.get("sdir") or g.get("y")):
            return None  # `summer` alone, `the fall` of a regime
        season = self.seasons[g["season"].lower()]
        first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
        if g.get("y"):
            year = int(g["y"])
        elif published is None:
            return None
        else:
            year = published.year - (published.month < first)  # the one begun last
            months = moved(dt.date(year, first, 1), "month", 2)
            over = months is not None and months[1] < published  # None: past the calendar's end
            step = self.directions.get(g["sdir"].lower(), 0)
            if step > 0:  # `next winter`
                year += 1
            elif step < 0:  # `last summer`: this year's once it is over
                year -= not over
            elif season != "WI" and published.month < first:  # `this summer`, said in spring
                year += 1
        lo = safe_date(year, first, 1)
        end = moved(lo, "month", 2) if lo else None
        if end is None:
            return None
        return TimeExpr(span=span(text, self._determined(text, m.start()), m.end()), lo=lo, hi=end[1], grain="season",
                        relative=not g.get("y"), year_source="stated" if g.get("y") else "relative",
                        timeml=f"{year:04d}-{season}")

    def _day_part(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
                  anchor: TimeExpr | None) -> TimeExpr | None:
        """`tadi malam`, `this morning`, `tonight`: a part of a day counted from publication."""
        if published is None:
            return None
        days, part = self.day_part_times[" ".join(g["dpt"].lower().split())]
        d = shifted(published, days)
        return TimeExpr(span=span(text, m.start(), m.end()), lo=d, hi=d, relative=True, year_source="relative",
                        type="TIME", timeml=f"{d.isoformat()}T{part}") if d else None

    def _clock(self, text: str, m: re.Match[str], g: Groups, published: dt.date | None,
               anchor: TimeExpr | None) -> TimeExpr | None:
        """`pukul 19.00 WIB`, `3 p.m.`, `19:00`: a time of the day written before it (else publication's);
        no days of its own, so a figure's sentence is not dated by it."""
        hour, minute = int(g["h"]), int(g["min"] or 0)
        if g.get("ampm"):
            hour = hour % 12 + self.ampm[g["ampm"].lower()]
        if hour > 24:
            return None
        dated = anchor is not None and anchor.grain == "day" and anchor.lo == anchor.hi
        day = anchor.lo if dated and anchor is not None else published
        when = day.isoformat() if day else "XXXX-XX-XX"
        return TimeExpr(span=span(text, m.start(), m.end()), relative=True,
                        year_source="anchor" if dated else "relative", type="TIME",
                        timeml=f"{when}T{hour:02d}:{minute:02d}")


    def _determined(self, text: str, start: int) -> int:
        """Where an expression starts with its determiner (`the third quarter`), read back from `start`."""
        before = self.det_before and self.det_before.search(text, max(0, start - READ_BACK_CHARS), start)
        return before.start() if before else start

    def _future(self, text: str, start: int) -> bool:
        return bool(self.future_cue.search(text, max(0, start - FUTURE_CUE_CHARS), start))


# The patterns read by the methods of TimeExtractor (the others by its _build). Beside the class, not in its
# body: a class compiled with mypyc has no methods in its namespace while its body runs.
_Reader = Callable[[TimeExtractor, str, re.Match[str], Groups, dt.date | None, TimeExpr | None], TimeExpr | None]
_READERS: dict[str, _Reader] = {
    "wd_bare": TimeExtractor._weekday, "month_bare": TimeExtractor._bare_month, "part": TimeExtractor._part,
    "latest": TimeExtractor._latest, "fiscal": TimeExtractor._fiscal, "year_bare": TimeExtractor._year,
    "decade": TimeExtractor._decade, "century": TimeExtractor._century, "century_after": TimeExtractor._century,
    "spelled_year": TimeExtractor._spelled_year, "ref": TimeExtractor._reference, "offset": TimeExtractor._offset,
    "weekend": TimeExtractor._weekend, "season": TimeExtractor._season, "day_part": TimeExtractor._day_part,
    "clock": TimeExtractor._clock, "clock_ampm": TimeExtractor._clock, "clock_24": TimeExtractor._clock,
    "clock_zone": TimeExtractor._clock}


@per_text  # once per text, however many bare months it has; only the text being read is kept
def _named_months(text: str, start: int, end: int, reader: TimeExtractor) -> frozenset[int]:
    """The months whose name text[start:end] gives a person: after a capitalised word inside a sentence
    that is no time word (`said Theresa May`, `Prime Minister May`, but not `, Tuesday May 5` nor `In May`)."""
    return frozenset(month for m in reader.month_named.finditer(text, start, end)
                     if not (m["w"].lower() in reader.time_words or reader.lex.weekday(m["w"])
                             or reader.lex.month(m["w"].rstrip(".")))
                     and (month := reader.lex.month(m["mon"])) is not None)


def _low(words: Mapping[str, V]) -> dict[str, V]:
    """A word list keyed in lower case, with single spaces."""
    return {" ".join(k.lower().split()): v for k, v in words.items()}


def _roman(numeral: str) -> int:
    """The value of a Roman numeral up to a few dozen (`XXI`); 0 when it is written wrongly."""
    values = [{"I": 1, "V": 5, "X": 10}[c] for c in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else 0


def _full_year(y: str, published: dt.date | None) -> int:
    if len(y) != 2:
        return int(y)
    century = (published.year // 100 * 100) if published else 2000
    return century + int(y)


def _place_yearless(day: int, month: int, weekday: int | None, published: dt.date | None,
                    years_of: dict[tuple[int, int], int], future: bool) -> tuple[dt.date | None, str]:
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
    # The nearest such date: `Dec. 15` in an article of 26 October is this December, `Jan. 2` next
    # January. Further ahead only with a planning cue: `the year ended March 31`, said in November, is past.
    dates = [d for d in (safe_date(y, month, day) for y in range(published.year - 1, published.year + 2)) if d]
    past = max((d for d in dates if d <= published), default=None)
    ahead = min((d for d in dates if d > published), default=None)
    nearer = ahead and (past is None or ahead - published < published - past)
    if ahead and (future or (nearer and (ahead - published).days <= NEAR_AHEAD_DAYS)):
        return ahead, "publication"
    return past, "publication"


__all__ = ["TimeExtractor", "month_end"]
