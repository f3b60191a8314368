"""Temporal rules on date-like text that is no date to check: spans of days, numbers glued to a date's
digits. No crash, no finding."""
import datetime as dt

import pytest

from conftest import rules_of

D = dt.date


# Spans of days, within a month and across months, next to a reporting cue: no crash, no finding.
RANGES = [
    (D(2022, 3, 10), "Pameran digelar 12-14 Maret 2022 di Jakarta, kata panitia."),
    (D(2023, 2, 20), "Festival berlangsung 26 Februari-3 Maret 2023, ujar ketua panitia."),
    (D(2023, 2, 27), "Ujian digelar 26-27 Februari dan 12-13 April 2023, ujar kepala sekolah."),
]


@pytest.mark.parametrize("published,text", RANGES)
def test_day_ranges_give_no_finding(checker, published, text):
    assert rules_of(checker, text, published, rule="temporal") == []


def test_glued_number_without_weekday_is_no_date(checker):
    assert rules_of(checker, "Kode barang itu (14/092024) tercetak di kemasan.", D(2024, 9, 14), rule="temporal") == []
