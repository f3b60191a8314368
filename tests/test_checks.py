"""Check kinds on short sentences written for the tricky cases of real articles."""
import datetime as dt

import pytest

D = dt.date


def rules_of(checker, text, published=None, lang="id"):
    return [(f.rule, f.evidence[0].text) for f in checker.check_text(text, published=published, lang=lang).files[0].findings]


def finding(checker, text, published=None, lang="id", rule=None):
    found = [f for f in checker.check_text(text, published=published, lang=lang).files[0].findings
             if rule is None or f.rule == rule]
    assert len(found) == 1, found
    return found[0]


def test_weekday_mismatch_suggests_both_repairs(checker):
    f = finding(checker, "Rapat digelar pada Rabu (7/12/2021).", D(2021, 12, 8))
    assert f.rule == "temporal.weekday-mismatch"
    assert "Selasa" in f.message and "Rabu" in f.message
    assert '"Selasa (7/12/2021)"' in f.suggestion and '"Rabu (8/12/2021)"' in f.suggestion
    assert "7 Desember 2021 adalah hari Selasa" in f.reasoning


def test_wrong_year_is_suggested_near_publication(checker):
    # 7/10/2024 is a Monday; in the publication year 7/10/2025 is the stated Tuesday.
    f = finding(checker, "Ia ditangkap pada Selasa (7/10/2024) malam.", D(2025, 10, 7), rule="temporal.weekday-mismatch")
    assert '"Selasa (7/10/2025)"' in f.suggestion


def test_year_less_dates(checker):
    # Far from publication: placed in the year where the weekday fits, not an error.
    assert rules_of(checker, "\"Kami masih mendalami,\" ujar dia, Senin (2/12).", D(2025, 10, 22)) == []
    assert rules_of(checker, "Putusan dibacakan pada Senin (1/2).", D(2025, 12, 9)) == []
    # Close to publication: read in that year and checked.
    assert rules_of(checker, "Pameran ditutup pada Sabtu (19/10).", D(2025, 10, 20)) == [("temporal.weekday-mismatch", "Sabtu (19/10)")]
    # A full date elsewhere gives the year.
    text = "Sidang pertama digelar 2 Desember 2024. Hakim membacakan putusan pada Senin (2/12)."
    assert rules_of(checker, text, D(2025, 1, 20)) == []


def test_last_years_year_typed_in_january(checker):
    f = finding(checker, "Polisi memeriksa saksi pada Kamis (10/1/2018).", D(2019, 1, 10), rule="temporal.weekday-mismatch")
    assert '"Kamis (10/1/2019)"' in f.suggestion


@pytest.mark.parametrize("text,reason", [
    ("Sidang dibuka Senin (20/20/2025).", "bulan ke-20"),
    ("Surat itu bertanggal Kamis (36/2/2023).", "tanggal 36"),
    ("Kontrak diteken pada 29/2/2021.", "kabisat"),
])
def test_invalid_dates(checker, text, reason):
    f = finding(checker, text, D(2025, 10, 20), rule="temporal.invalid-date")
    assert f.severity == "error" and reason in f.reasoning


def test_invalid_month_repair_uses_the_weekday(checker):
    f = finding(checker, "Sidang dibuka Senin (20/20/2025).", D(2025, 10, 20), rule="temporal.invalid-date")
    assert '"Senin (20/10/2025)"' in f.suggestion


def test_quote_dated_after_publication(checker):
    f = finding(checker, "\"Kami terus memantau,\" kata dia, Selasa (20/10/2026).", D(2025, 10, 20),
                rule="temporal.reported-after-publication")
    assert f.in_quote is False  # the attribution, not the quote


def test_one_note_per_error_the_most_specific(checker):
    """A quote dated a year late whose weekday then fails too: one note, the weekday's, whose repair is
    the year the publication date suggests."""
    text = "\"Kami terus memantau,\" kata dia, Senin (20/10/2026)."
    assert [rule for rule, _ in rules_of(checker, text, D(2025, 10, 20))] == ["temporal.weekday-mismatch"]
    f = finding(checker, text, D(2025, 10, 20))
    assert '"Senin (20/10/2025)"' in f.suggestion


def test_future_schedule_is_not_reported_after_publication(checker):
    assert rules_of(checker, "Pertandingan akan digelar pada Rabu (1/3/2023).", D(2023, 2, 27)) == []
    assert rules_of(checker, "Pada Rabu (1/3/2023), tim itu akan bertanding.", D(2023, 2, 27)) == []
    assert rules_of(checker, "Sidang perdana digelar pada 22 September 2025.", D(2025, 9, 10)) == []
    assert rules_of(checker, "He said the change would take effect Jan. 20, 2018.", D(2017, 12, 13), "en") == []


def test_planned_past_event(checker):
    f = finding(checker, "Aturan itu akan diberlakukan pada 17 Oktober 2018.", D(2019, 1, 21),
                rule="temporal.planned-before-publication")
    assert '"17 Oktober 2019"' in f.suggestion


@pytest.mark.parametrize("text,published,lang", [
    ("Sebelumnya regulasi itu diproyeksikan rampung akhir 2018, tetapi pembahasan berlanjut.", D(2019, 1, 21), "id"),
    ("Rencana itu sudah ada sejak 2015.", D(2019, 1, 21), "id"),
    ("She accused him of kissing her against her will in 2007.", D(2017, 12, 5), "en"),
    ("HSBC said it will pay a fourth interim dividend of $0.36 a share, resulting in a total of $0.87 per share in 2024.", D(2025, 2, 19), "en"),
    ("The project was originally scheduled to open in 2019.", D(2021, 1, 1), "en"),
])
def test_not_a_planned_event_before_publication(checker, text, published, lang):
    assert [r for r, _ in rules_of(checker, text, published, lang)] == []


def test_no_publication_date_skips_only_rules_that_need_it(checker):
    report = checker.check_text("Rapat digelar pada Rabu (7/12/2021). Rencananya dimulai secepat awal 2020.", lang="id")
    file = report.files[0]
    assert file.published is None
    assert [f.rule for f in file.findings] == ["temporal.weekday-mismatch"]
    assert any("--published" in n for n in file.notes)


def test_quantity_conflict_allows_hedges_and_rounding(checker):
    ok = "Rusia menyiapkan 175.000 tentara. Rusia telah mengumpulkan hampir 180.000 tentara."
    assert rules_of(checker, ok) == []
    ok = "Banjir menewaskan 1,5 juta ternak. Data lain: Rusia menyiapkan 1,5 juta tentara dan Rusia mengirim 1.520.000 tentara."
    assert rules_of(checker, ok) == []
    bad = "Rusia menyiapkan 175.000 tentara. Rusia telah mengumpulkan lebih dari 200.000 tentara."
    assert [r for r, _ in rules_of(checker, bad)] == ["quantity.conflict"]


def test_different_subjects_do_not_conflict(checker):
    text = "Rusia menyiapkan 175.000 tentara. Ukraina mengerahkan 70.000 tentara di perbatasan."
    assert rules_of(checker, text) == []


def test_restated_sentence_with_another_figure(checker):
    text = ("Ginjal mampu menyaring sekitar 70 persen asam urat dalam tubuh. Lemak berlebih menaikkan asam urat. "
            "Ginjal mampu menyaring sekitar 175 persen asam urat dalam tubuh.")
    f = finding(checker, text, rule="quantity.conflict")
    assert [e.text for e in f.evidence] == ["sekitar 70 persen", "sekitar 175 persen"]
    assert "dua kali" in f.message


def test_parallel_figures_are_not_a_restatement(checker):
    text = ("Penjualan mobil naik 5 persen dibandingkan periode yang sama tahun lalu. "
            "Laba bersih naik 3 persen dibandingkan periode yang sama tahun lalu. "
            "Perusahaan A menghasilkan 1.992 ton sisa operasi dan sisa produksi 15.182 ton. "
            "Perusahaan B menghasilkan 1.647 ton sisa operasi dan sisa produksi 3.158 ton.")
    assert rules_of(checker, text) == []


def test_finding_inside_a_quote_says_so(checker):
    text = "Ia berkata, “Rusia menyiapkan 175.000 tentara, lalu Rusia menyiapkan 50.000 tentara.”"
    f = finding(checker, text, rule="quantity.conflict")
    assert f.in_quote and "kutipan langsung" in f.message


def test_non_quantities_do_not_conflict(checker):
    text = ("Laga dimulai pukul 19.00 WIB dan berakhir 2-1. Sebanyak 7/10 responden setuju pada 2019. "
            "Laga dimulai pukul 20.00 WIB dan berakhir 3-1.")
    assert rules_of(checker, text, D(2025, 1, 1)) == []


def test_listing_deadlines_are_not_one_event_dated_twice(checker):
    text = ("Lowongan 1. Staf Keuangan. Persyaratan: pendidikan minimal S1 akuntansi, bersedia ditempatkan di Jakarta "
            "Batas akhir pendaftaran: 30 Maret 2023. Lowongan 2. Staf Gudang. Batas akhir pendaftaran: 1 Maret 2023.")
    assert [r for r, _ in rules_of(checker, text, D(2023, 2, 27))] == []


def test_entities_in_scraped_text_do_not_hide_a_date(checker):
    f = finding(checker, "Rapat digelar pada Rabu&nbsp;(7/12/2021).", D(2021, 12, 8), rule="temporal.weekday-mismatch")
    assert f.evidence[0].text == "Rabu&nbsp;(7/12/2021)"
