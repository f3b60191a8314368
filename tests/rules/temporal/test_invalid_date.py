"""temporal.invalid-date: a day or month that no calendar has, and the repair the weekday suggests."""
import datetime as dt

import pytest

from conftest import finding, rules_of

D = dt.date


@pytest.mark.parametrize("text,reason", [
    ("Sidang dibuka Senin (20/20/2025).", "bulan ke-20"),
    ("Surat itu bertanggal Kamis (36/2/2023).", "tanggal 36"),
    ("Kontrak diteken pada 29/2/2021.", "kabisat"),
])
def test_invalid_dates(checker, text, reason):
    f = finding(checker, text, D(2025, 10, 20), rule="temporal.invalid-date")
    assert f.severity == "error" and f.reasoning and reason in f.reasoning


def test_invalid_month_repair_uses_the_weekday(checker):
    f = finding(checker, "Sidang dibuka Senin (20/20/2025).", D(2025, 10, 20), rule="temporal.invalid-date")
    assert f.suggestion and '"Senin (20/10/2025)"' in f.suggestion


def test_date_without_slash_before_year_is_invalid(checker):
    text = "\"Panen tahun ini bagus,\" kata kepala dinas itu, Sabtu (14/092024)."
    assert rules_of(checker, text, D(2024, 9, 14), rule="temporal") == [("temporal.invalid-date", "Sabtu (14/092024)")]
