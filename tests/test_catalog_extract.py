"""Extraction the catalog rules rest on: durations and ages, ordinals, numbers in words, titles, and the
relations between the figures of a sentence (changes, totals and parts, ratios, shares)."""
import datetime as dt

import pytest

from factcheck.extract import Extractor
from factcheck.ingest import article_from_text
from factcheck.lexicon import load_lexicon

PUB = dt.date(2021, 12, 5)


@pytest.fixture(scope="module")
def extractors():
    return {lang: Extractor(load_lexicon(lang)) for lang in ("id", "en")}


def mentions(extractors, text, lang, published=PUB):
    m = extractors[lang].extract(article_from_text(text, lang=lang, published=published, markdown=False))
    for item in [*m.durations, *m.titles, *m.quantities]:
        assert text[item.span.start:item.span.end] == item.span.text
    return m


# --- durations and ages -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,expected", [
    ("id", "Tiga tahun lalu pabrik itu dibuka.", [("Tiga tahun lalu", "ago", 3, "year")]),
    ("id", "Program berjalan selama dua bulan.", [("selama dua bulan", "length", 2, "month")]),
    ("id", "Warga merayakan HUT ke-76 RI.", [("HUT ke-76", "anniversary", 76, "year")]),
    ("id", "Basuki (55) ditemukan di sungai.", [("(55)", "age", 55, "year")]),
    ("id", "Pria yang berusia 30 tahun itu ditangkap.", [("berusia 30 tahun", "age", 30, "year")]),
    ("en", "The plant opened 10 years ago.", [("10 years ago", "ago", 10, "year")]),
    ("en", "Kim, 55, has a history of outbursts.", [("55", "age", 55, "year")]),
    ("en", "The 79-year-old senator spoke.", [("79-year-old", "age", 79, "year")]),
    ("en", "They marked the 10th anniversary on Sunday.", [("10th anniversary", "anniversary", 10, "year")]),
])
def test_durations(extractors, lang, text, expected):
    got = [(d.span.text, d.form, d.value, d.unit) for d in mentions(extractors, text, lang).durations]
    assert got == expected


def test_a_bracketed_number_after_a_lower_case_word_is_no_age(extractors):
    assert mentions(extractors, "Ia melanggar Pasal 6 ayat (2) undang-undang itu.", "id").durations == []


def test_an_age_since_or_at_an_event_is_not_a_current_age(extractors):
    (d,) = mentions(extractors, "Ia dicabuli sejak berusia 16 tahun.", "id").durations
    assert d.at_event
    (d,) = mentions(extractors, "She took office at the age of 77.", "en").durations
    assert d.at_event


def test_an_anniversary_counts_from_the_year_after_it_not_from_the_date_it_is_held(extractors):
    (d,) = mentions(extractors, "The 10th anniversary of the 2012 attack fell on Sunday.", "en").durations
    assert d.origin_year == 2012
    (d,) = mentions(extractors, "Warga merayakan HUT ke-76 RI pada 17 Agustus 2021.", "id").durations
    assert d.origin_year is None


def test_a_count_of_years_ago_is_not_last_year(extractors):
    m = mentions(extractors, "Tiga tahun lalu, pada 2015, pabrik itu dibuka.", "id")
    assert [t.span.text for t in m.times] == ["pada 2015"]
    m = mentions(extractors, "Beberapa tahun lalu pabrik itu dibuka.", "id")
    assert m.times == []


# --- figures -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,value", [
    ("id", "Jumlahnya tiga puluh tujuh orang.", 37),
    ("id", "Jumlahnya seratus dua puluh orang.", 120),
    ("id", "Jumlahnya tiga belas orang.", 13),
    ("en", "There were twenty-two people.", 22),
    ("en", "There were one hundred twenty people.", 120),
])
def test_numbers_in_words(extractors, lang, text, value):
    (q,) = mentions(extractors, text, lang).quantities
    assert q.value == value and q.measure == "people"


def test_ordinals_are_ranks_unless_they_name_something(extractors):
    m = mentions(extractors, "Ini penarikan kedua sejak Perang Dunia Kedua.", "id")
    assert [(q.span.text, q.measure, q.value) for q in m.quantities] == [("kedua", "ordinal", 2)]


def test_a_part_of_a_whole_counts_what_the_whole_counts(extractors):
    m = mentions(extractors, "Ia merumahkan 40 dari 45 karyawan.", "id")
    assert [(q.span.text, q.measure) for q in m.quantities] == [("40", "people"), ("45 karyawan", "people")]


def test_a_range_keeps_the_order_it_was_written_in(extractors):
    (q,) = mentions(extractors, "Farms use 70 to 36 percent less water.", "en").quantities
    assert q.written_range == (70, 36) and (q.lo, q.hi) == (36, 70)
    (q,) = mentions(extractors, "Acara dihadiri antara 300 dan 200 orang.", "id").quantities
    assert q.written_range == (300, 200)
    (q,) = mentions(extractors, "Sebanyak 300 dan 200 orang memprotes.", "id").quantities  # no "antara"
    assert q.written_range is None and q.value == 200


def test_hyphenated_counts(extractors):
    (q,) = mentions(extractors, "He used a 5-inch knife.", "en").quantities
    assert (q.span.text, q.measure) == ("5-inch", "noun:inch")


# --- titles ------------------------------------------------------------------------------------------

def test_titles(extractors):
    m = mentions(extractors, "Presiden Rusia Vladimir Putin bertemu Perdana Menteri Putin, mantan Presiden Budi "
                             "Santoso dan Presiden Direktur Andi Wijaya.", "id")
    assert [(t.role, t.jurisdiction, t.name) for t in m.titles] == [
        ("president", "Russia", "Vladimir Putin"), ("prime-minister", None, "Vladimir Putin")]


def test_a_title_name_stops_before_a_weekday(extractors):
    (t,) = mentions(extractors, "Hal itu disampaikan Presiden Jokowi Senin lalu.", "id").titles
    assert t.name == "Jokowi"


# --- relations ---------------------------------------------------------------------------------------

def test_changes(extractors):
    m = mentions(extractors, "Harga naik 20 persen dari Rp 100.000 menjadi Rp 150.000.", "id")
    (c,) = m.changes
    assert (c.direction, c.amount.value, c.start.value, c.end.value) == (1, 20, 100000, 150000)
    (c,) = mentions(extractors, "He urged slashing the top rate to 56 percent from 39.", "en").changes
    assert (c.direction, c.start.value, c.start.measure, c.end.value) == (-1, 39, "percent", 56)
    (c,) = mentions(extractors, "Sales fell by half from 40 to 30 million units.", "en").changes
    assert (c.fraction, c.start.value, c.end.value) == (0.5, 40e6, 30e6)


def test_a_change_word_of_another_clause_governs_nothing(extractors):
    text = "Penurunan laba terjadi karena depresiasi rupiah menjadi Rp14.929 dari Rp13.548 per dolar AS."
    assert mentions(extractors, text, "id").changes == []


def test_breakdowns(extractors):
    (b,) = mentions(extractors, "Kecelakaan itu menimbulkan 10 korban: 6 tewas dan 4 luka-luka.", "id").breakdowns
    assert b.exhaustive and [p.value for p in b.parts] == [6, 4]
    (b,) = mentions(extractors, "Five people died, including two children.", "en").breakdowns
    assert not b.exhaustive and [p.value for p in b.parts] == [2]
    (b,) = mentions(extractors, "Polisi menangkap tiga orang, yakni Andi, Budi dan Citra.", "id").breakdowns
    assert [i.text for i in b.items] == ["Andi", "Budi", "Citra"]


@pytest.mark.parametrize("lang,text", [
    ("en", "He named two problems: Trump doesn't want a bridge."),  # a clause, not names
    ("id", "Tinggi: 186 centimeter Pendidikan: Akademi Drama Beijing, Shanghai"),  # a form, not a list
    ("id", "Polisi menangkap dua orang, yakni Andi dan istrinya."),  # not all names
    ("en", "Five people died: two drivers, a nurse and four children."),  # not every part is a figure
])
def test_not_breakdowns(extractors, lang, text):
    assert mentions(extractors, text, lang).breakdowns == []


def test_ratios_and_shares(extractors):
    (r,) = mentions(extractors, "Sebanyak 194,4 juta dari 285,1 juta (68,2 persen) sudah divaksin.", "id").ratios
    assert (r.part.value, r.whole.value, r.share.value) == (194.4e6, 285.1e6, 68.2)
    (s,) = mentions(extractors, "The poll had Jones taking 80 percent of the vote and Moore 40 percent.", "en").shares
    assert [q.value for q in s.shares] == [80, 40] and s.whole.text == "of the vote"
    text = "Survei mencatat 83 persen publik puas, sementara 61,5 persen publik menolak."
    assert mentions(extractors, text, "id").shares == []
