"""temporal.reported-after-publication: a statement or past event dated after publication; a schedule,
a deadline, a period that ends later or a list of fixtures is the future."""
import datetime as dt

import pytest

from conftest import finding, rules_of

D = dt.date
PUB = D(2024, 9, 10)  # a Tuesday


def test_quote_dated_after_publication(checker):
    f = finding(checker, "\"Kami terus memantau,\" kata dia, Selasa (20/10/2026).", D(2025, 10, 20),
                rule="temporal.reported-after-publication")
    assert f.in_quote is False  # the attribution, not the quote


def test_future_schedule_is_not_reported_after_publication(checker):
    assert rules_of(checker, "Pertandingan akan digelar pada Rabu (1/3/2023).", D(2023, 2, 27)) == []
    assert rules_of(checker, "Pada Rabu (1/3/2023), tim itu akan bertanding.", D(2023, 2, 27)) == []
    assert rules_of(checker, "Sidang perdana digelar pada 22 September 2025.", D(2025, 9, 10)) == []
    assert rules_of(checker, "He said the change would take effect Jan. 20, 2018.", D(2017, 12, 13), "en") == []


# Reported after publication means a statement (or a past event) dated after publication; a schedule,
# a deadline, a period that ends later or a list of fixtures is the future.
NOT_A_REPORT = [
    ("id", "Sidang lanjutan dijadwalkan pada Senin (16/9/2024)."),
    ("id", "Hakim menjadwalkan pembacaan putusan pada Senin (16/9/2024) pukul 10.00 WIB."),
    ("id", "KPK telah menjadwalkan pemeriksaan saksi pada Rabu (18/9/2024)."),
    ("id", "Penahanan diperpanjang 20 hari, terhitung sejak 10 September hingga Senin (30/9/2024)."),
    ("id", "Diskon tiket berlaku sejak Rabu (18/9/2024) sampai akhir tahun."),
    ("id", "Jadwal pertandingan: Rabu, 18 September 2024 19.00 WIB - Indonesia vs Jepang."),
    ("id", "Dilansir dari kantor berita itu, perundingan mulai berlangsung pada Rabu (18/9/2024) di Jenewa."),
    ("id", "\"Tarif baru berlaku mulai Rabu, 18 September 2024 pukul 00.00,\" ujar direktur itu."),
    ("id", "Pendaftaran dibuka secara langsung pada Kamis, 12 September 2024, pukul 09.00 WIB."),
    ("en", "The company said the hearing is set for Monday, Sept. 16, 2024."),
]


@pytest.mark.parametrize("lang,text", NOT_A_REPORT)
def test_future_date_that_is_not_a_report_is_silent(checker, lang, text):
    assert rules_of(checker, text, PUB, lang, rule="temporal") == []


REPORTS = [
    ("id", "\"Kami siap,\" kata kepala dinas itu di Bandung, Rabu (11/9/2024).", "Rabu (11/9/2024)"),
    ("id", "\"Harga naik,\" ujar dia dikutip Harian Kota, Rabu (11/9/2024).", "Rabu (11/9/2024)"),
    ("id", "Dua pelaku ditangkap pada Kamis (12/9/2024).", "Kamis (12/9/2024)"),
    ("en", "\"We are ready,\" the minister told reporters on Wednesday, Sept. 11, 2024.", "Wednesday, Sept. 11, 2024"),
]


@pytest.mark.parametrize("lang,text,quote", REPORTS)
def test_statement_dated_after_publication_is_flagged(checker, lang, text, quote):
    assert rules_of(checker, text, PUB, lang, rule="temporal") == [("temporal.reported-after-publication", quote)]
