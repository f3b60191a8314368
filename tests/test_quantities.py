"""Quantities: a figure, its hedge and its counted noun, read as an interval of values."""
from __future__ import annotations

import datetime as dt
import math

import pytest

from factcheck.extract.quantities import QuantityExtractor, hedge_interval, parse_number
from factcheck.extract.times import TimeExtractor
from factcheck.lexicon import load_lexicon

ID_FMT = (",", ".")  # decimal, group
EN_FMT = (".", ",")


@pytest.fixture(scope="module")
def id_q():
    return QuantityExtractor(load_lexicon("id"))


@pytest.fixture(scope="module")
def en_q():
    return QuantityExtractor(load_lexicon("en"))


def extract(extractor, text, skip=()):
    out = extractor.extract(text, [(0, len(text))], list(skip))
    for q in out:
        assert text[q.span.start:q.span.end] == q.span.text
        assert text[q.number_span.start:q.number_span.end] == q.number_span.text
        assert q.span.start <= q.number_span.start and q.number_span.end <= q.span.end
        assert q.lo <= q.value <= q.hi
    return out


def only(extractor, text, skip=()):
    out = extract(extractor, text, skip)
    assert len(out) == 1, [q.span.text for q in out]
    return out[0]


# --- parse_number ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, fmt, value, place", [
    ("175.000", ID_FMT, 175000, 1000),
    ("1,5", ID_FMT, 1.5, 0.1),
    ("175,000", EN_FMT, 175000, 1000),
    ("1.5", EN_FMT, 1.5, 0.1),
    # a group separator not followed by three digits is a decimal point
    ("1.5", ID_FMT, 1.5, 0.1),
    ("1.250.000", ID_FMT, 1250000, 10000),
    ("1,234,567.5", EN_FMT, 1234567.5, 0.1),
    ("1.234,5", ID_FMT, 1234.5, 0.1),
    ("12", ID_FMT, 12, 1),
    ("300", EN_FMT, 300, 100),
])
def test_parse_number(raw, fmt, value, place):
    parsed = parse_number(raw, *fmt)
    assert parsed is not None
    got_value, got_place = parsed
    assert got_value == pytest.approx(value)
    assert got_place == pytest.approx(place)


@pytest.mark.parametrize("kind, lo, hi", [
    (None, 100, 100),
    ("approx", 90, 110),
    ("almost", 90, 100),
    ("at-least", 100, math.inf),
    ("more-than", 100, math.inf),
    ("up-to", 0, 100),
    ("less-than", 0, 100),
])
def test_hedge_interval(kind, lo, hi):
    assert hedge_interval(kind, 100.0, 100.0) == pytest.approx((lo, hi))


# --- Indonesian -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span_text, value, lo, hi, measure", [
    ("Rusia mengerahkan 175.000 tentara ke sana.", "175.000 tentara", 175000, 175000, 175000, "troops"),
    ("Sebanyak 1,5 juta orang mengungsi ke sana.", "1,5 juta orang", 1.5e6, 1.5e6, 1.5e6, "people"),
    ("Sebanyak 1.5 juta orang mengungsi ke sana.", "1.5 juta orang", 1.5e6, 1.5e6, 1.5e6, "people"),
    ("Ada 70 ribu warga di alun-alun.", "70 ribu warga", 70000, 70000, 70000, "people"),
    ("Ada 70rb warga di alun-alun.", "70rb warga", 70000, 70000, 70000, "people"),
    ("Ada puluhan ribu orang di alun-alun.", "puluhan ribu orang", 20000, 20000, 99000, "people"),
    ("Ribuan warga hadir di alun-alun.", "Ribuan warga", 2000, 2000, 9999, "people"),
    ("Ada dua tentara terluka di sana.", "dua tentara", 2, 2, 2, "troops"),
    ("Sebanyak 40 orang tewas dalam banjir.", "40 orang tewas", 40, 40, 40, "deaths"),
    ("Dana 3,2 juta dolar AS cair pekan ini.", "3,2 juta dolar AS", 3.2e6, 3.2e6, 3.2e6, "USD"),
    ("Biaya 5 juta rupiah dibayar warga.", "5 juta rupiah", 5e6, 5e6, 5e6, "IDR"),
    ("Harga naik 20% tahun ini.", "20%", 20, 20, 20, "percent"),
    ("Sebanyak 10 sampai 20 orang hadir.", "10 sampai 20 orang", 10, 10, 20, "people"),
])
def test_indonesian_quantities(id_q, text, span_text, value, lo, hi, measure):
    q = only(id_q, text)
    assert q.span.text == span_text
    assert q.value == pytest.approx(value)
    assert (q.lo, q.hi) == (pytest.approx(lo), pytest.approx(hi))
    assert q.measure == measure
    assert q.generic is False


@pytest.mark.parametrize("text, precision", [
    ("Rusia mengerahkan 175.000 tentara ke sana.", 1000),
    ("Sebanyak 1,5 juta orang mengungsi ke sana.", 100000),
    ("Ada 70 ribu warga di alun-alun.", 10000),
    ("Ada 2 orang di sana.", 1),
])
def test_indonesian_precision(id_q, text, precision):
    assert only(id_q, text).precision == pytest.approx(precision)


def test_percent_word_and_range(id_q):
    q = only(id_q, "Harga naik 20 persen pada pekan ini.")
    assert q.span.text.startswith("20 persen")
    assert (q.value, q.measure) == (20, "percent")
    r = only(id_q, "Harga turun 10-20 persen pada pekan ini.")
    assert r.span.text.startswith("10-20 persen")
    assert (r.lo, r.hi) == (10, 20)
    assert r.measure == "percent"


@pytest.mark.parametrize("text, span_text, hedge, lo, hi", [
    ("Ada sekitar 70.000 tentara di perbatasan.", "sekitar 70.000 tentara", "approx", 63000, 77000),
    ("Hampir 100 orang hadir di sana.", "Hampir 100 orang", "almost", 90, 100),
    ("Nyaris 1.000 orang hadir di sana.", "Nyaris 1.000 orang", "almost", 900, 1000),
    ("Lebih dari 500 warga mengungsi ke sana.", "Lebih dari 500 warga", "more-than", 500, math.inf),
    ("Setidaknya 40 orang tewas dalam banjir.", "Setidaknya 40 orang tewas", "at-least", 40, math.inf),
    ("Hingga 300 pasukan dikirim ke sana.", "Hingga 300 pasukan", "up-to", 0, 300),
])
def test_indonesian_hedges(id_q, text, span_text, hedge, lo, hi):
    q = only(id_q, text)
    assert q.span.text == span_text  # the hedge belongs to the quantity's span
    assert q.hedge == hedge
    assert (q.lo, q.hi) == (pytest.approx(lo), pytest.approx(hi))


def test_sekitar_span_and_value(id_q):
    q = only(id_q, "Ada sekitar 70.000 tentara di perbatasan.")
    assert q.span.text == "sekitar 70.000 tentara"
    assert q.number_span.text == "70.000"
    assert q.value == 70000
    assert q.measure == "troops"


def test_dollar_sign_prefix(id_q):
    q = only(id_q, "Biaya $5 juta dibayar pemerintah.")
    assert q.span.text == "$5 juta"
    assert q.measure == "USD"
    assert q.value == 5e6


def test_unknown_counted_noun_is_generic(id_q):
    q = only(id_q, "Ia membeli 12 apel di pasar.")
    assert q.measure == "noun:apel"
    assert q.generic is True
    assert q.value == 12


@pytest.mark.parametrize("text", [
    "Hal itu terjadi pada 2019 lalu di sana.",
    "Acara dimulai pukul 19.00 WIB di sana.",
    "Laga berakhir dengan skor 2-1 untuk tuan rumah.",
    "Sebanyak 7/10 responden setuju dengan hal itu.",
    "Ia tinggal di rumah nomor 12 di sana.",
    "Satu-satunya jalan ke desa itu ditutup.",
])
def test_indonesian_not_quantities(id_q, text):
    assert extract(id_q, text) == []


def test_numbers_inside_a_date_are_skipped(id_q):
    text = "Pada 5 Desember 2021 warga berkumpul di alun-alun."
    times = TimeExtractor(load_lexicon("id")).extract(text, [(0, len(text))], dt.date(2021, 12, 5))
    assert [t.span.text for t in times] == ["5 Desember 2021"]
    skip = [(t.span.start, t.span.end) for t in times]
    assert extract(id_q, text, skip) == []


def test_quantity_after_a_skipped_date_is_kept(id_q):
    text = "Pada 12 Maret 2021, 40 orang tewas di sana."
    a = text.index("12 Maret")
    q = only(id_q, text, [(a, a + len("12 Maret 2021"))])
    assert q.span.text == "40 orang tewas"
    assert q.measure == "deaths"


def test_several_quantities_in_order(id_q):
    text = "Sebanyak 175.000 tentara dan sekitar 1,5 juta warga terdampak, naik 20 persen dari tahun lalu."
    qs = extract(id_q, text)
    assert [q.measure for q in qs] == ["troops", "people", "percent"]
    assert [q.value for q in qs] == [175000, 1.5e6, 20]


def test_only_the_given_ranges_are_read(id_q):
    text = "Ada 40 orang di sini. Ada 70.000 tentara di sana."
    cut = text.index("Ada 70")
    qs = id_q.extract(text, [(cut, len(text))], [])
    assert [q.value for q in qs] == [70000]


# --- English --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span_text, value, lo, hi, measure", [
    ("Russia has 175,000 troops near the border.", "175,000 troops", 175000, 175000, 175000, "troops"),
    ("Some 1.5 million people fled the city.", "Some 1.5 million people", 1.5e6, 1.35e6, 1.65e6, "people"),
    ("The city had 1.5 million people last year.", "1.5 million people", 1.5e6, 1.5e6, 1.5e6, "people"),
    ("It has 70k troops near the border.", "70k troops", 70000, 70000, 70000, "troops"),
    ("Tens of thousands of people marched.", "Tens of thousands of people", 20000, 20000, 99000, "people"),
    ("Two soldiers died in the attack.", "Two soldiers", 2, 2, 2, "troops"),
    ("It cost $5 million to build.", "$5 million", 5e6, 5e6, 5e6, "USD"),
    ("Costs rose 20% over the year.", "20%", 20, 20, 20, "percent"),
    ("Costs rose 20 percent over the year.", "20 percent", 20, 20, 20, "percent"),
    ("Costs rose 10-20 percent over the year.", "10-20 percent", 10, 10, 20, "percent"),
])
def test_english_quantities(en_q, text, span_text, value, lo, hi, measure):
    q = only(en_q, text)
    assert q.span.text == span_text
    assert (q.lo, q.hi) == (pytest.approx(lo), pytest.approx(hi))
    assert q.measure == measure
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text, span_text, hedge, lo, hi", [
    ("About 70,000 troops massed at the border.", "About 70,000 troops", "approx", 63000, 77000),
    ("Up to 300 troops left the base.", "Up to 300 troops", "up-to", 0, 300),
    ("At least 40 people died in the flood.", "At least 40 people", "at-least", 40, math.inf),
    ("More than 500 residents fled the town.", "More than 500 residents", "more-than", 500, math.inf),
    ("Nearly 100 people came to the rally.", "Nearly 100 people", "almost", 90, 100),
    ("Fewer than 10 people came to the rally.", "Fewer than 10 people", "less-than", 0, 10),
])
def test_english_hedges(en_q, text, span_text, hedge, lo, hi):
    q = only(en_q, text)
    assert q.span.text == span_text
    assert q.hedge == hedge
    assert (q.lo, q.hi) == (pytest.approx(lo), pytest.approx(hi))


def test_english_precision(en_q):
    assert only(en_q, "Russia has 175,000 troops near the border.").precision == pytest.approx(1000)
    assert only(en_q, "The city had 1.5 million people last year.").precision == pytest.approx(100000)


@pytest.mark.parametrize("text", [
    "It was in 2019 that it happened.",
    "The match ended with a score 2-1 for the hosts.",
    "He arrived at 7.30 pm in the city.",
    "She lives at number 12 on the street.",
])
def test_english_not_quantities(en_q, text):
    assert extract(en_q, text) == []


def test_english_year_is_not_counted_but_a_later_figure_is(en_q):
    q = only(en_q, "It happened in 2019 when 20 troops left.")
    assert q.span.text == "20 troops"
    assert q.value == 20
