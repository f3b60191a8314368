"""temporal.sequence: an order word (before, after) that says the opposite of the calendar."""
import datetime as dt

import pytest

from conftest import findings, rules_of

D = dt.date


@pytest.mark.parametrize("text", [
    "Ia ditangkap Senin (6/12) setelah kabur Rabu (8/12).",  # year-less dates: placed by a guess
    "Ia ditangkap pada 6 Desember 2021 setelah polisi menerima laporan, kata Kapolres, Rabu (8/12/2021).",
])
def test_sequence_needs_two_event_dates_with_years(checker, text):
    assert findings(checker, text, D(2021, 12, 9), rule="temporal.sequence") == []


def test_since_runs_on_to_publication(checker):
    text = "The dollar hit its highest level since 2002 soon after the election in November 2016."
    assert rules_of(checker, text, D(2017, 12, 8), "en", rule="temporal") == []
