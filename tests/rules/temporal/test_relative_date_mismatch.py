"""temporal.relative-date-mismatch: a relative time (yesterday, last week) and the date beside it disagree."""
import datetime as dt

import pytest

from conftest import finding, findings, rules_of

D = dt.date
PUB = D(2024, 9, 10)  # a Tuesday


def test_yesterday_with_the_wrong_date_suggests_the_right_one(checker):
    f = finding(checker, "Polisi menangkap tersangka kemarin (4/12/2021).", D(2021, 12, 6),
                rule="temporal.relative-date-mismatch")
    assert f.suggestion and '"kemarin"' in f.message and "5/12/2021" in f.suggestion


def test_relative_times_in_a_quote_count_from_when_they_were_said(checker):
    text = "“Besok (26/2/2023) saya bertemu Presiden,” ujar Edy."
    assert findings(checker, text, D(2023, 2, 28), rule="temporal.relative-date-mismatch") == []


def test_last_tuesday_may_be_the_week_before(checker):
    text = "The governor signed the bill last Tuesday, Dec. 9, 2025."
    assert findings(checker, text, D(2025, 12, 18), "en", "temporal.relative-date-mismatch") == []


def test_last_week_said_on_a_sunday_may_mean_the_last_seven_days(checker):
    text = "Rapat itu digelar pekan lalu, Senin (29/11/2021)."
    assert findings(checker, text, D(2021, 12, 5), rule="temporal.relative-date-mismatch") == []
    assert findings(checker, text, D(2021, 12, 20), rule="temporal.relative-date-mismatch") != []


@pytest.mark.parametrize("text", [
    "Baca juga: Prakiraan Cuaca Kota Hari Ini, 8 September 2024: Cerah Berawan",
    "\"Kemarin, 8 September 2024 pelakunya sudah ditahan,\" katanya.",
])
def test_relative_day_in_a_headline_or_a_quote_is_silent(checker, text):
    assert rules_of(checker, text, PUB, rule="temporal") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Rapat digelar Selasa malam (23/9/2025) di balai kota.", "id"),  # a weekday alone names no week
    ("Sales fell in the last quarter of 2023, the company said.", "en"),  # the quarter of that year
    ("Laba naik pada kuartal lalu tahun 2023, kata direksi.", "id"),
])
def test_a_time_completed_or_named_by_its_weekday_is_no_mismatch(checker, text, lang):
    assert findings(checker, text, D(2025, 10, 20), lang, "temporal.relative-date-mismatch") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Rapat digelar Selasa malam (24/9/2025) di balai kota.", "id"),  # 24 September 2025 is a Wednesday
    ("Polisi menangkap tersangka kemarin, 4 Oktober 2025.", "id"),
])
def test_a_relative_time_and_a_date_beside_it_that_disagree_are_still_flagged(checker, text, lang):
    assert rules_of(checker, text, D(2025, 10, 20), lang, "temporal.relative-date-mismatch")
