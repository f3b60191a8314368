"""A pattern tried only where its opening words stand finds exactly what a scan of every character finds."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED
from factcheck.extract import Extractor
from factcheck.extract.openings import Openings, each_match
from factcheck.lexicon import load_lexicon

LANGS = ("id", "en")
EXTRACTORS = {lang: Extractor(load_lexicon(lang)) for lang in LANGS}


def vocabulary(lang: str) -> list[str]:
    """Words the patterns open with or go on with, in the cases an article writes them."""
    d = load_lexicon(lang).data
    words = [*d.weekdays, *d.months, *d.period_modifiers, *d.year_prepositions, *d.relative_days,
             *d.relative_units, *d.relative_directions, *d.relative_directions_before, *d.weekday_directions,
             *d.weekday_directions_before, *d.numbers.words, *d.numbers.vague, *d.numbers.ordinals,
             *d.numbers.scales, *d.numbers.ordinal_prefix, *load_lexicon(lang).hedge_of, *d.durations.units,
             *d.durations.ago, *d.durations.length, *d.durations.anniversary_before, *d.durations.anniversary_after,
             *d.ages.before, *d.ages.after, *d.ages.at, *(w for ws in d.roles.values() for w in ws),
             *list(load_lexicon(lang).alias_of)[:40], "tahun-tahun", "naik-turun", "COVID-19", "G20", "Rp"]
    dur, sets = d.durations, d.sets  # the lengths and sets only TimeML reads
    words += [*dur.more_units, *dur.before_length, *dur.before_count, *dur.counts, *dur.half, *dur.one_prefix,
              *dur.vague_lengths, *dur.ended, *dur.period_words, *sets.every, *sets.per, *sets.once, *sets.times,
              *sets.adverbs, *sets.per_after_figure]
    tx = d.timex  # what stands right after a run of digits that opens a pattern: `7th`, `9 a.m.`, `1980s`
    words += [*d.numbers.ordinal_suffix, *tx.clock_after, *tx.time_zones, *tx.decade_endings, *tx.century_after]
    words += [part for w in words for part in w.split()]  # a phrase's first word before any other (`the cat`)
    return sorted({form for w in words for form in (w, w.lower(), w.title(), w.upper())})


GLUE = [" ", " ", " ", "-", "'", "’", ".", ",", ", ", "(", ")", " (", "/", "\n", "_", "ke-", "Rp", "±", ":", "–"]
NUMBERS = ["7", "12", "2021", "2020", "1998", "70.000", "70,000", "1,5", "55", "3rd", "7/12/2021", "15-19", "10.30",
           "20:45", "1980", "123", "0"]


def article(lang: str):
    piece = st.one_of(st.sampled_from(vocabulary(lang)), st.sampled_from(NUMBERS), st.sampled_from(GLUE))
    return st.lists(piece, max_size=60).map("".join)


def indexes(extractor: Extractor) -> list[Openings]:
    """Every index of an extractor: the checker's, and those of the lengths and sets only TimeML reads."""
    return [extractor.openings, extractor.durations.timex_openings, extractor.sets.patterns[0].index]


def assert_same(extractor: Extractor, text: str, start: int, end: int) -> None:
    for index in indexes(extractor):
        registered = index.registered
        for opened in registered:
            fast = [(m.span(), m.groupdict()) for m in opened.finditer(text, start, end)]
            full = [(m.span(), m.groupdict()) for m in opened.pattern.finditer(text, start, end)]
            assert fast == full, opened.pattern.pattern[:120]
        # all at once, as the time patterns are tried: the same matches, pattern by pattern
        each = [(i, m.span(), m.groupdict()) for i, m in each_match(registered, text, start, end)]
        assert each == [(i, m.span(), m.groupdict())
                        for i, o in enumerate(registered) for m in o.pattern.finditer(text, start, end)]


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_opened_patterns_find_what_a_full_scan_finds(lang, data):
    text = data.draw(article(lang))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert_same(EXTRACTORS[lang], text, 0, len(text))
    assert_same(EXTRACTORS[lang], text, start, end)


def after_digits(lang: str) -> list[str]:
    """What may follow a figure that opens a pattern: a day's month, an hour's minutes or `a.m.`, a decade's
    `s`, an ordinal's suffix and the word after it, a length's unit and `ago`."""
    d = load_lexicon(lang).data
    tx, dur, month = d.timex, d.durations, max(d.months, key=len).title()
    glued = [*d.numbers.ordinal_suffix, *tx.clock_after, *tx.time_zones, *tx.decade_endings, *d.ages.after,
             ":30", ".30", ",5", "/12/2021", f" - 9 {month}", f"–9 {month}"]
    counted = [*tx.century_after, *dur.anniversary_after, month, *list(tx.year_parts)[:2], *list(dur.units)[:2],
               *(f"{u} {ago}" for u in list(dur.units)[:2] for ago in dur.ago)]
    return [*glued, *(" " + w for w in [*glued, *counted]),
            *(f"{s} {w}" for s in d.numbers.ordinal_suffix for w in [*tx.century_after, *dur.anniversary_after])]


@pytest.mark.parametrize("lang", LANGS)
def test_patterns_that_open_with_digits_find_what_a_full_scan_finds(lang):
    """Each pattern that opens with a run of digits says which runs, and what may follow them: what any
    figure followed by anything it opens finds is what a full scan finds."""
    for number in NUMBERS:
        for after in after_digits(lang):
            text = f"kini {number}{after} lalu"
            assert_same(EXTRACTORS[lang], text, 0, len(text))
            assert_same(EXTRACTORS[lang], text, 5, 5 + len(number) + len(after))


@pytest.mark.parametrize("lang", LANGS)
def test_opened_patterns_on_the_seed(lang):
    text = SEED.read_text(encoding="utf-8")
    assert_same(EXTRACTORS[lang], text, 0, len(text))


def test_every_extractor_pattern_is_registered_with_its_opening_words():
    checked, timex, sets = (index.registered for index in indexes(EXTRACTORS["id"]))
    assert len(checked) >= 20 and timex and len(sets) == 3
    # each is tried only at its openings, none scans everything
    assert all(o.slot >= 0 for o in [*checked, *timex, *sets])


def test_a_pattern_opening_with_a_sign_is_scanned_everywhere():
    openings = Openings()
    opened = openings.add(re.compile(r"±\s?\d+"), ["±"])
    assert opened.slot == -1
    assert [m.group() for m in opened.finditer("naik ±5 dan ± 7", 0, 15)] == ["±5", "± 7"]


def test_a_word_opens_a_pattern_in_any_case_but_only_where_it_starts():
    openings = Openings()
    opened = openings.add(re.compile(r"(?<![\w-])sekitar \d+", re.I), ["sekitar"], digits=False)
    text = "Sekitar 5 orang, setidaknya-sekitar 6, dan SEKITAR 7"
    assert [m.group() for m in opened.finditer(text, 0, len(text))] == ["Sekitar 5", "SEKITAR 7"]


def test_a_phrase_opens_a_pattern_only_where_its_second_word_follows_its_first():
    openings = Openings()
    # `\w+` after `the` breaks the registration's promise on purpose: what is found shows where it was tried
    opened = openings.add(re.compile(r"(?<!\w)the\s+\w+", re.I), ["the end of", "the past"])
    text = "the cat, the end of it, THE PAST, the\npast, the endless, pra-the end"
    assert [m.group() for m in opened.finditer(text, 0, len(text))] == [
        "the end", "THE PAST", "the\npast", "the end"]


def test_a_phrase_inside_a_compound_opens_where_its_second_word_follows():
    openings = Openings()
    opened = openings.add(re.compile(r"(?<!\w)the[\s-]+end\b", re.I), ["the end"])
    text = "pra-the-end, the-endless, the - end, x_the end, The End"
    fast = [m.span() for m in opened.finditer(text, 0, len(text))]
    assert fast == [m.span() for m in opened.pattern.finditer(text, 0, len(text))]
    assert len(fast) == 3


def test_a_word_that_also_opens_alone_is_tried_before_any_word():
    openings = Openings()
    opened = openings.add(re.compile(r"(?<!\w)the\s+\w+", re.I), ["the end", "the"])
    assert [m.group() for m in opened.finditer("the cat, the end", 0, 16)] == ["the cat", "the end"]


def test_patterns_looked_for_at_once_find_each_its_own_matches():
    openings = Openings()
    dates = openings.add(re.compile(r"(?<!\w)(?:Senin|Selasa)(?!\w)"), ["Senin", "Selasa"])
    figures = openings.add(re.compile(r"(?<![\d.])\d+(?:\.\d+)?"), digits=True)
    signs = openings.add(re.compile(r"±\s?\d+"), ["±"])
    text = "Selasa, ±5 dan 7.5 pada Senin"
    found = [(i, m.group()) for i, m in each_match([figures, dates, signs], text, 0, len(text))]
    assert found == [(0, "5"), (0, "7.5"), (1, "Selasa"), (1, "Senin"), (2, "±5")]
    assert each_match([dates], "tidak ada", 0, 9) == []
