"""Forms that once went wrong: currency prefixes, vague English amounts, capitalised periods, name particles."""
import datetime as dt

import pytest

from factcheck.extract.entities import EntityExtractor
from factcheck.extract.quantities import QuantityExtractor
from factcheck.extract.times import TimeExtractor
from factcheck.lexicon import load_lexicon


def quantities(lang, text):
    out = QuantityExtractor(load_lexicon(lang)).extract(text, [(0, len(text))], [])
    for q in out:
        assert text[q.span.start:q.span.end] == q.span.text
    return [(q.span.text, q.measure, q.lo, q.hi) for q in out]


@pytest.mark.parametrize("lang,text,expected", [
    ("id", "Biaya Rp 5 juta dibayar.", [("Rp 5 juta", "IDR", 5e6, 5e6)]),
    ("id", "Biaya IDR 5 juta dibayar.", [("IDR 5 juta", "IDR", 5e6, 5e6)]),
    ("id", "Biaya Rp5 juta dibayar.", [("Rp5 juta", "IDR", 5e6, 5e6)]),
    ("id", "Dana US$ 3,2 juta cair.", [("US$ 3,2 juta", "USD", 3.2e6, 3.2e6)]),
    ("en", "It cost US$ 3.2 million.", [("US$ 3.2 million", "USD", 3.2e6, 3.2e6)]),
    ("en", "Hundreds of troops came.", [("Hundreds of troops", "troops", 200, 999)]),
    ("en", "Thousands of people came.", [("Thousands of people", "people", 2000, 9999)]),
])
def test_quantity_forms(lang, text, expected):
    assert quantities(lang, text) == expected


@pytest.mark.parametrize("lang,text,lo,hi", [
    ("id", "Awal 2020 proyek dimulai.", dt.date(2020, 1, 1), dt.date(2020, 4, 30)),
    ("id", "Laba naik pada kuartal III 2024.", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
    ("id", "Pada 2019 lalu ia pergi.", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
    ("en", "Early 2022 talks begin.", dt.date(2022, 1, 1), dt.date(2022, 4, 30)),
    ("en", "Since 2019 he has worked.", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
])
def test_capitalised_periods(lang, text, lo, hi):
    (t,) = TimeExtractor(load_lexicon(lang)).extract(text, [(0, len(text))], dt.date(2025, 1, 1))
    assert (t.lo, t.hi) == (lo, hi)


@pytest.mark.parametrize("text,span", [("Ia tiba pada 3 Maret.", "3 Maret"),
                                       ("Pameran 15-19 Oktober.", "15-19 Oktober")])
def test_sentence_full_stop_is_not_part_of_a_date(text, span):
    (t,) = TimeExtractor(load_lexicon("id")).extract(text, [(0, len(text))], dt.date(2025, 1, 1))
    assert t.span.text == span


@pytest.mark.parametrize("lang,text,expected", [
    # a year before a relative unit is no count of them: next week, not "2024 weeks"
    ("id", "Data April 2024 pekan depan dirilis.", ["April 2024", "pekan depan"]),
    ("id", "Ia ditahan 3 pekan lalu.", []),  # a count: a length of time, which the durations read
    # a span of days after weekdays: the last weekday is not the first day's
    ("en", "Talks run Monday through Wednesday, June 9-11.", ["Monday", "Wednesday", "June 9"]),
    ("en", "Talks open Monday, June 9.", ["Monday, June 9"]),
    # a document's number is no date
    ("id", "Surat Nomor 30/12/2024 terbit.", []),
])
def test_time_spans(lang, text, expected):
    found = TimeExtractor(load_lexicon(lang)).extract(text, [(0, len(text))], dt.date(2025, 6, 2))
    assert [t.span.text for t in found] == expected


@pytest.mark.parametrize("lang,text,day", [
    ("en", "It was signed on 31/12/2023.", dt.date(2023, 12, 31)),  # only day first is a real date
    ("id", "Diteken pada 12/31/2023.", dt.date(2023, 12, 31)),
    ("en", "It was signed on 12/11/2023.", dt.date(2023, 12, 11)),  # month first where both are real
])
def test_numeric_date_in_the_order_that_is_real(lang, text, day):
    (t,) = TimeExtractor(load_lexicon(lang)).extract(text, [(0, len(text))], dt.date(2025, 1, 1))
    assert (t.lo, t.invalid) == (day, None)


@pytest.mark.parametrize("lang,text,day", [
    ("id", "Terjadi Selasa (16/5) tahun lalu.", dt.date(2023, 5, 16)),
    ("id", "Terjadi pada 16 Mei setahun silam.", dt.date(2023, 5, 16)),
    ("en", "It hit on Wednesday, May 16, six years ago.", dt.date(2018, 5, 16)),
    ("en", "It hit on May 16 last year.", dt.date(2023, 5, 16)),
    ("en", "It hit on May 16, two days later.", dt.date(2024, 5, 16)),  # no years back: the publication year
])
def test_years_back_after_a_date_without_a_year(lang, text, day):
    found = TimeExtractor(load_lexicon(lang)).extract(text, [(0, len(text))], dt.date(2024, 5, 20))
    assert found[0].lo == day


@pytest.mark.parametrize("lang,text,names", [
    ("id", "Ia datang ke kantor.", []),
    ("id", "Andi dan Budi hadir di sana.", ["Budi"]),
    ("id", "Sekjen NATO Jens Stoltenberg hadir.", ["NATO", "Jens Stoltenberg"]),  # a lone first word is not a name
    ("en", "NATO Secretary General Jens Stoltenberg spoke.", ["NATO", "Secretary General Jens Stoltenberg"]),
    ("id", "Menurut Ahmad bin Salim, rapat ditunda.", ["Ahmad bin Salim"]),
])
def test_entities(lang, text, names):
    ents = EntityExtractor(load_lexicon(lang)).extract(text, [(0, len(text), False)], {0})
    assert [e.name for e in ents] == names
