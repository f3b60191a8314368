"""quantity.range-inverted: a range written from the larger figure to the smaller."""
import datetime as dt

import pytest

from conftest import findings, rule_ids

PUBLISHED = dt.date(2025, 10, 20)


def test_a_record_is_not_a_range(checker):
    text = "The team finished the season with a 17-7 record."
    assert findings(checker, text, lang="en", rule="quantity.range-inverted") == []


@pytest.mark.parametrize("text,lang", [
    ("The mayor was leading her challenger 55 to 41 percent in the survey.", "en"),  # a score
    ("The governor holds a 53-47 percent edge in the new survey.", "en"),
    ("Calon itu unggul 52-48 persen atas pesaingnya dalam hitung cepat.", "id"),
    ("The plan lifts the rate on earnings above $250,000 to 5.2 percent.", "en"),  # two units
    ("Menu di kafe itu dijual mulai Rp12.000 - Rp1,2 juta.", "id"),  # the scale may be the second's alone
])
def test_two_figures_that_are_no_range(checker, text, lang):
    assert rule_ids(checker, text, PUBLISHED, lang, rule="quantity") == []


@pytest.mark.parametrize("text,lang", [
    ("Turnout is expected to reach 55 to 41 percent of voters.", "en"),
    ("Sepanjang siang ini, harga perak bergerak di kisaran US$1.2457,50-US$1.249,90 per ounce.", "id"),
])
def test_a_range_written_backwards_is_still_reported(checker, text, lang):
    assert rule_ids(checker, text, PUBLISHED, lang, rule="quantity") == ["quantity.range-inverted"]
