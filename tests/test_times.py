"""Time expressions: dates, weekdays, periods and relative expressions read as day intervals."""
from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.times import TimeExtractor
from factcheck.lexicon import load_lexicon

D = dt.date
PUB = D(2021, 12, 5)  # a Sunday


@pytest.fixture(scope="module")
def id_times():
    return TimeExtractor(load_lexicon("id"))


@pytest.fixture(scope="module")
def en_times():
    return TimeExtractor(load_lexicon("en"))


def extract(extractor, text, published=PUB):
    out = extractor.extract(text, [(0, len(text))], published)
    for t in out:
        assert text[t.span.start:t.span.end] == t.span.text
        for part in (t.weekday_span, t.day_span, t.month_span, t.year_span):
            if part is not None:
                assert text[part.start:part.end] == part.text
                assert t.span.start <= part.start and part.end <= t.span.end
    return out


def only(extractor, text, published=PUB):
    out = extract(extractor, text, published)
    assert len(out) == 1, [t.span.text for t in out]
    return out[0]


# --- Indonesian: stated dates ---------------------------------------------------------------------

def test_weekday_with_numeric_date(id_times):
    t = only(id_times, "Pertemuan digelar Selasa (7/12/2021) di Jakarta.")
    assert t.span.text == "Selasa (7/12/2021)"
    assert t.weekday == 1
    assert (t.lo, t.hi) == (D(2021, 12, 7), D(2021, 12, 7))
    assert (t.day, t.month, t.year) == (7, 12, 2021)
    assert t.grain == "day"
    assert t.year_source == "stated"
    assert t.invalid is None
    assert t.weekday_span.text == "Selasa"
    assert t.year_span.text == "2021"


def test_stated_weekday_is_kept_even_when_wrong(id_times):
    # 7 December 2021 is a Tuesday; the extractor records what the text says, the check compares later.
    t = only(id_times, "Rapat digelar Senin (7/12/2021) pagi.")
    assert t.weekday == 0
    assert t.lo == D(2021, 12, 7)
    assert t.lo.weekday() == 1


def test_two_digit_year_takes_publication_century(id_times):
    t = only(id_times, "Ia datang Selasa (7/12/21) pagi.")
    assert t.year == 2021
    assert t.lo == D(2021, 12, 7)


@pytest.mark.parametrize("text, expected", [
    ("Ia lahir 7/12/2021 di Bandung.", D(2021, 12, 7)),  # day/month/year in Indonesian
    ("Ia tiba 12 Maret 2020 di sana.", D(2020, 3, 12)),
    ("Ia tiba 3 Okt 2019 di sana.", D(2019, 10, 3)),
])
def test_indonesian_full_dates(id_times, text, expected):
    t = only(id_times, text)
    assert (t.lo, t.hi) == (expected, expected)
    assert t.year_source == "stated"


def test_date_range_in_one_month(id_times):
    t = only(id_times, "Pameran berlangsung 15-19 Oktober 2025 di Jakarta.")
    assert t.span.text == "15-19 Oktober 2025"
    assert (t.lo, t.hi) == (D(2025, 10, 15), D(2025, 10, 19))
    assert t.grain == "day"
    assert t.year_source == "stated"


@pytest.mark.parametrize("text, lo, hi", [
    ("Pameran 27 Februari-2 Maret 2023 ramai.", D(2023, 2, 27), D(2023, 3, 2)),
    # a range across the new year: its stated year is the end's
    ("Libur 28 Desember-3 Januari 2022 ramai.", D(2021, 12, 28), D(2022, 1, 3)),
])
def test_date_range_across_months(id_times, text, lo, hi):
    t = only(id_times, text)
    assert (t.lo, t.hi) == (lo, hi)


def test_date_range_without_year_takes_publication_year(id_times):
    t = only(id_times, "Pameran 15-19 Oktober di Jakarta.")
    assert (t.lo, t.hi) == (D(2021, 10, 15), D(2021, 10, 19))
    assert t.year_source == "publication"


# --- Indonesian: periods --------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, span_text, lo, hi, grain, mod", [
    ("id", "Proyek dimulai awal 2020 di sana.", "awal 2020", D(2020, 1, 1), D(2020, 4, 30), "year", "start"),
    ("id", "Proyek dimulai awal tahun 2020 di sana.", "awal tahun 2020", D(2020, 1, 1), D(2020, 4, 30), "year",
     "start"),
    ("id", "Harga naik pada pertengahan 2021 lalu.", "pertengahan 2021", D(2021, 5, 1), D(2021, 8, 31), "year", "mid"),
    ("id", "Target tercapai pada paruh kedua tahun 2018.", "paruh kedua tahun 2018", D(2018, 7, 1), D(2018, 12, 31),
     "half", "second-half"),
    ("id", "Laba naik pada kuartal iii 2024 ini.", "kuartal iii 2024", D(2024, 7, 1), D(2024, 9, 30), "quarter", "q3"),
    ("id", "Ia pergi akhir Desember 2021 ke sana.", "akhir Desember 2021", D(2021, 12, 21), D(2021, 12, 31), "month",
     "end"),
    ("id", "Ia pergi pada Mei 2021 ke sana.", "Mei 2021", D(2021, 5, 1), D(2021, 5, 31), "month", None),
    ("en", "Talks begin in early 2022 at the border.", "early 2022", D(2022, 1, 1), D(2022, 4, 30), "year", "start"),
    ("en", "Prices rose in mid-2021 across the country.", "mid-2021", D(2021, 5, 1), D(2021, 8, 31), "year", "mid"),
    ("en", "The plan ends at the end of 2021 for now.", "the end of 2021", D(2021, 9, 1), D(2021, 12, 31), "year",
     "end"),
    ("en", "Sales fell in the first half of 2022 overall.", "the first half of 2022", D(2022, 1, 1), D(2022, 6, 30),
     "half", "first-half"),
    ("en", "It happened in late December 2021 here.", "late December 2021", D(2021, 12, 21), D(2021, 12, 31), "month",
     "end"),
    ("en", "He left the city in May 2021 for good.", "May 2021", D(2021, 5, 1), D(2021, 5, 31), "month", None),
])
def test_periods(request, lang, text, span_text, lo, hi, grain, mod):
    t = only(request.getfixturevalue(f"{lang}_times"), text)
    assert t.span.text == span_text
    assert (t.lo, t.hi) == (lo, hi)
    assert t.grain == grain
    assert t.mod == mod
    assert t.relative is False


def test_year_after_preposition(id_times):
    t = only(id_times, "Pasukan telah tiba pada 2020 di sana.")
    assert t.span.text == "pada 2020"
    assert (t.lo, t.hi) == (D(2020, 1, 1), D(2020, 12, 31))
    assert t.grain == "year"


# --- Indonesian: relative expressions -------------------------------------------------------------

@pytest.mark.parametrize("text, span_text, lo, hi, grain", [
    ("Ia tiba kemarin di kota itu.", "kemarin", D(2021, 12, 4), D(2021, 12, 4), "day"),
    ("Hari ini hujan turun.", "Hari ini", PUB, PUB, "day"),
    ("Ia datang besok pagi.", "besok", D(2021, 12, 6), D(2021, 12, 6), "day"),
    # the Monday-to-Sunday week before the publication week (published on Sunday 5 December)
    ("Rapat digelar pekan lalu di sana.", "pekan lalu", D(2021, 11, 22), D(2021, 11, 28), "week"),
    ("Rapat digelar minggu depan di sana.", "minggu depan", D(2021, 12, 6), D(2021, 12, 12), "week"),
    ("Harga naik bulan lalu di sana.", "bulan lalu", D(2021, 11, 1), D(2021, 11, 30), "month"),
    ("Pemilu digelar tahun depan di sana.", "tahun depan", D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("Targetnya tahun ini tercapai.", "tahun ini", D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("Jembatan rampung akhir tahun ini.", "akhir tahun ini", D(2021, 9, 1), D(2021, 12, 31), "year"),
    ("Aturan berlaku pertengahan tahun depan.", "pertengahan tahun depan", D(2022, 5, 1), D(2022, 8, 31), "year"),
    ("Ia datang Senin lalu ke kantor.", "Senin lalu", D(2021, 11, 29), D(2021, 11, 29), "day"),
    ("Ia datang Senin depan ke kantor.", "Senin depan", D(2021, 12, 6), D(2021, 12, 6), "day"),
])
def test_indonesian_relative(id_times, text, span_text, lo, hi, grain):
    t = only(id_times, text)
    assert t.span.text == span_text
    assert (t.lo, t.hi) == (lo, hi)
    assert t.grain == grain
    assert t.relative is True
    assert t.year_source == "relative"


def test_relative_modifier_sets_mod(id_times):
    t = only(id_times, "Jembatan rampung akhir tahun ini.")
    assert t.mod == "end"


def test_pekan_lalu_published_on_a_wednesday(id_times):
    t = only(id_times, "Rapat digelar pekan lalu di sana.", D(2025, 10, 22))
    assert (t.lo, t.hi) == (D(2025, 10, 13), D(2025, 10, 19))
    assert t.lo.weekday() == 0 and t.hi.weekday() == 6


def test_weekday_lalu_on_the_same_weekday_goes_back_a_week(id_times):
    # published on Monday 6 December 2021: "Senin lalu" is the Monday before, not the same day
    t = only(id_times, "Ia datang Senin lalu ke kantor.", D(2021, 12, 6))
    assert t.lo == D(2021, 11, 29)
    assert t.weekday == 0


def test_relative_needs_a_publication_date(id_times):
    assert extract(id_times, "Ia tiba kemarin di kota itu.", None) == []


# --- Indonesian: year-less dates --------------------------------------------------------------------

def test_yearless_far_from_publication_placed_by_weekday(id_times):
    t = only(id_times, "Ia datang Senin (2/12) ke kantor.", D(2025, 10, 22))
    assert (t.lo, t.hi) == (D(2024, 12, 2), D(2024, 12, 2))
    assert t.lo.weekday() == 0
    assert t.year == 2024
    assert t.year_source == "weekday"


def test_yearless_close_to_publication_takes_its_year(id_times):
    t = only(id_times, "Ia datang Sabtu (19/10) ke kantor.", D(2025, 10, 20))
    assert t.lo == D(2025, 10, 19)
    assert t.year_source == "publication"
    assert t.weekday == 5


def test_yearless_date_takes_year_from_same_date_elsewhere(id_times):
    text = "Rapat pada 3 Maret 2023 berlangsung lama. Hasil rapat 3 Maret diumumkan pekan ini."
    times = extract(id_times, text, D(2025, 10, 20))
    dated = [t for t in times if t.day == 3 and t.month == 3]
    assert [t.span.text for t in dated] == ["3 Maret 2023", "3 Maret"]
    assert dated[0].year_source == "stated"
    assert dated[1].year_source == "article"
    assert dated[1].lo == D(2023, 3, 3)


def test_full_date_after_publication_gives_no_year(id_times):
    text = "Rapat pada 10 Desember 2021 ditunda. Rapat 10 Desember batal."
    times = extract(id_times, text, PUB)
    assert [t.year_source for t in times] == ["stated", "publication"]


def test_yearless_without_publication_has_no_interval(id_times):
    t = only(id_times, "Ia datang Senin (2/12) ke kantor.", None)
    assert t.lo is None and t.hi is None
    assert t.year_source == "unknown"
    assert (t.day, t.month) == (2, 12)


# --- invalid dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, span_text, reason", [
    ("id", "Tanggal (20/20/2025) tertulis di surat.", "20/20/2025", "month"),
    ("id", "Ia datang Senin (36/2/2023) pagi.", "Senin (36/2/2023)", "day"),
    ("id", "Tanggal 29/2/2021 tertulis di surat.", "29/2/2021", "leap"),
    ("id", "Tanggal 31/4/2021 tertulis di surat.", "31/4/2021", "day"),
    ("id", "Ia datang Senin (7/12/202) pagi.", "Senin (7/12/202)", "year"),
    ("en", "It was signed on February 30, 2021 in Paris.", "February 30, 2021", "day"),
])
def test_invalid_dates(lang, text, span_text, reason):
    # `invalid` names the part of the date that cannot exist: month, day, leap (29/2) or year
    t = only(TimeExtractor(load_lexicon(lang)), text)
    assert t.span.text == span_text
    assert t.invalid == reason
    assert t.lo is None and t.hi is None


def test_invalid_date_keeps_its_stated_weekday(id_times):
    t = only(id_times, "Ia datang Senin (36/2/2023) pagi.")
    assert t.weekday == 0
    assert (t.day, t.month, t.year) == (36, 2, 2023)


def test_leap_day_in_leap_year_is_valid(id_times):
    t = only(id_times, "Tanggal 29/2/2020 tertulis di surat.")
    assert t.invalid is None
    assert t.lo == D(2020, 2, 29)


# --- English --------------------------------------------------------------------------------------

def test_english_weekday_month_day_year(en_times):
    t = only(en_times, "The call is set for Tuesday, Dec. 7, 2021 in the evening.")
    assert t.span.text == "Tuesday, Dec. 7, 2021"
    assert t.weekday == 1
    assert (t.lo, t.hi) == (D(2021, 12, 7), D(2021, 12, 7))
    assert t.year_source == "stated"


@pytest.mark.parametrize("text, span_text, expected", [
    ("It was reported on Dec. 5, 2021 by the agency.", "Dec. 5, 2021", D(2021, 12, 5)),
    ("She was born 12/7/2021 in Ohio.", "12/7/2021", D(2021, 12, 7)),  # month/day/year in English
    ("It was reported on December 5, 2021 by the agency.", "December 5, 2021", D(2021, 12, 5)),
])
def test_english_dates(en_times, text, span_text, expected):
    t = only(en_times, text)
    assert t.span.text == span_text
    assert t.lo == expected


def test_english_yearless_date_near_publication(en_times):
    t = only(en_times, "The vote was on Tuesday, Dec. 7 in the city.")
    assert t.lo == D(2021, 12, 7)
    assert t.weekday == 1
    assert t.year_source == "publication"




@pytest.mark.parametrize("text, span_text, lo, hi, grain", [
    ("It happened late last year in the north.", "late last year", D(2020, 9, 1), D(2020, 12, 31), "year"),
    ("He met her last week in town.", "last week", D(2021, 11, 22), D(2021, 11, 28), "week"),
    ("Elections are due next year in the state.", "next year", D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("He came yesterday to the office.", "yesterday", D(2021, 12, 4), D(2021, 12, 4), "day"),
    ("He comes tomorrow to the office.", "tomorrow", D(2021, 12, 6), D(2021, 12, 6), "day"),
    ("The fair opens this month in town.", "this month", D(2021, 12, 1), D(2021, 12, 31), "month"),
    ("He came last Monday to the office.", "last Monday", D(2021, 11, 29), D(2021, 11, 29), "day"),
    ("He comes next Friday to the office.", "next Friday", D(2021, 12, 10), D(2021, 12, 10), "day"),
])
def test_english_relative(en_times, text, span_text, lo, hi, grain):
    t = only(en_times, text)
    assert t.span.text == span_text
    assert (t.lo, t.hi) == (lo, hi)
    assert t.grain == grain
    assert t.relative is True


def test_late_last_year_has_end_modifier(en_times):
    assert only(en_times, "It happened late last year in the north.").mod == "end"


# --- lower-case month words in prose ---------------------------------------------------------------

@pytest.mark.parametrize("lang, text", [
    ("en", "Prices may rise again soon."),
    ("en", "Some may 10 years later regret it."),
    ("en", "Officials said 12 may leave soon."),
    ("id", "Adiknya mei 12 tahun lebih muda."),
    ("id", "Ada 3 mei di taman itu."),
])
def test_lower_case_month_word_is_not_a_month(lang, text):
    times = extract(TimeExtractor(load_lexicon(lang)), text)
    assert all(t.month != 5 for t in times), [t.span.text for t in times]
    assert not [t for t in times if t.span.text.lower().startswith(("may", "mei"))]  # "10 years later" is a time


def test_capitalised_month_still_found_beside_modal_may(en_times):
    times = extract(en_times, "Prices may rise, as they did in May 2021.")
    assert [(t.span.text, t.month) for t in times] == [("May 2021", 5)]


def test_several_expressions_in_order(id_times):
    text = "Pasukan tiba kemarin, lalu rapat digelar Selasa (7/12/2021) dan berakhir awal 2022."
    times = extract(id_times, text)
    assert [t.span.text for t in times] == ["kemarin", "Selasa (7/12/2021)", "awal 2022"]


def test_only_the_given_ranges_are_read(id_times):
    text = "Ia tiba kemarin. Rapat pada awal 2020."
    cut = text.index("Rapat")
    times = id_times.extract(text, [(cut, len(text))], PUB)
    assert [t.span.text for t in times] == ["awal 2020"]
