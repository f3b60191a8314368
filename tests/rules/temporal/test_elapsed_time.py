"""temporal.elapsed-time: a length of time that does not fit the dates it runs between."""
import datetime as dt

import pytest

from conftest import finding, findings, rules_of

D = dt.date
PUB = D(2024, 9, 10)  # a Tuesday


def test_elapsed_time_explains_its_arithmetic(checker):
    f = finding(checker, "Tiga tahun lalu, pada 2015, pabrik itu dibuka.", D(2021, 12, 5), rule="temporal.elapsed-time")
    assert f.reasoning and "5–6 tahun" in f.reasoning and "bukan 3" in f.reasoning


@pytest.mark.parametrize("text,published", [
    ("Ini terendah sejak tahun 1990 atau 28 tahun.", D(2019, 1, 21)),  # 28 to 29 years: "28" fits
    ("The plant opened three years ago, in 2018.", D(2021, 12, 5)),
    ("Program itu berjalan sejak 2019 atau selama dua tahun.", D(2021, 6, 1)),
])
def test_lengths_that_fit(checker, text, published):
    lang = "en" if text.startswith("The") else "id"
    assert findings(checker, text, published, lang, "temporal.elapsed-time") == []


def test_length_that_starts_at_its_date_may_end_before_publication(checker):
    assert rules_of(checker, "Ia dirawat di klinik itu selama 2 tahun sejak 2005.", PUB, rule="temporal") == []
