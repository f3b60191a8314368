"""Temporal rules on sentences shaped like real articles: the forms that must stay silent and the forms
that must still be flagged."""
import datetime as dt

import pytest

D = dt.date
PUB = D(2024, 9, 10)  # a Tuesday
LATER = D(2024, 9, 20)


def rules_of(checker, text, published, lang="id"):
    return [(f.rule, f.evidence[0].text) for f in checker.check_text(text, published=published, lang=lang).files[0].findings
            if f.rule.startswith("temporal.")]


# A planning cue counts only when it governs the date: same clause, before its verb, nothing between
# them that gives the date to another verb.
PLAN_NOT_GOVERNING = [
    ("id", PUB, "Perkara yang akan disidangkan itu adalah kasus yang terjadi pada 2019."),
    ("id", PUB, "Inflasi diperkirakan akan naik dari 2,4 persen pada 2018 menjadi 3 persen."),
    ("id", PUB, "DPR menargetkan revisi Undang-Undang Nomor 5 Tahun 2011 tentang Pangan rampung bulan ini."),
    ("id", PUB, "Perda Nomor 3 Tahun 2021 tentang Rencana Tata Ruang Tahun 2021-2041 akan direvisi."),
    ("id", PUB, "Menteri akan memaparkan realisasi anggaran per Agustus 2023 pada siang ini."),
    ("id", PUB, "Kebijakan itu akan lebih ketat dibandingkan dengan yang diterapkan pada 2022."),
    ("id", PUB, "Uji coba akan diulang karena pada saat uji coba tahun 2022 hasilnya kurang baik."),
    ("id", PUB, "Pemerintah berencana membuka bandara yang dibangun pada 2023."),
    ("id", PUB, "Aktor itu bakal kembali memerankan tokoh yang sama seperti saat membintangi film pertama pada 2015."),
    ("id", PUB, "Pemda menyusun rencana anggaran tahun 2023 untuk perbaikan sekolah."),
    ("id", PUB, "Baca juga: Harga Beras di Juli 2024 Bakal Naik, Ini Sebabnya"),
    ("id", LATER, "Warga yang hendak ke pasar, Sabtu (7/9/2024) sekitar pukul 05.00 WIB, menemukan seekor ular."),
    ("id", PUB, "Dana itu akan kembali ke daerah untuk membangun jalan (Harian Kota, 30/08/2022)."),
    ("id", D(2019, 1, 21), "Produksi pabrik itu diharapkan naik 30 persen menjadi 2 juta ton pada 2018."),
    ("en", PUB, "The agency will hire fewer graduates this year than in 2008."),
    ("en", PUB, "She will join Senator Lee, who in 2006 became the state's first female senator."),
    ("en", PUB, "Officials will use procedures created in 2013 after the storm."),
    ("en", PUB, "The review will range from a park created by the governor in 1996 to a new reserve."),
    ("en", PUB, "He did not appear for a scheduled hearing in January 2012."),
    ("en", PUB, "He had told the committee of an upcoming July 2016 trip."),
    ("en", PUB, "Intake will drop from 366 in 2016 to about 100 next year."),
    ("en", PUB, "The campaign is expected to cost $5 billion, double that of 2012."),
    ("en", PUB, "Protests broke out after a previous plan to build a mall on the square in 2013."),
]


@pytest.mark.parametrize("lang,published,text", PLAN_NOT_GOVERNING)
def test_plan_cue_that_does_not_govern_the_date_is_silent(checker, lang, published, text):
    assert rules_of(checker, text, published, lang) == []


PLAN_GOVERNING = [
    ("id", PUB, "Jalan tol itu ditargetkan rampung pada Maret 2023.", "Maret 2023"),
    ("id", LATER, "Kapal itu dijadwalkan berlayar menuju Bali, Sabtu (7/9/2024).", "Sabtu (7/9/2024)"),
    ("id", LATER, "Menurut BMKG, badai baru reda Jumat (6/9/2024) mendatang.", "Jumat (6/9/2024)"),
    ("id", PUB, "Pemerintah berencana membuka bandara baru itu pada awal 2023.", "awal 2023"),
    ("en", PUB, "The bridge is scheduled to open in March 2023.", "March 2023"),
    ("en", PUB, "The tower will be completed in 2022.", "in 2022"),
]


@pytest.mark.parametrize("lang,published,text,quote", PLAN_GOVERNING)
def test_plan_cue_that_governs_a_past_date_is_flagged(checker, lang, published, text, quote):
    assert rules_of(checker, text, published, lang) == [("temporal.planned-before-publication", quote)]


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
    assert rules_of(checker, text, PUB, lang) == []


REPORTS = [
    ("id", "\"Kami siap,\" kata kepala dinas itu di Bandung, Rabu (11/9/2024).", "Rabu (11/9/2024)"),
    ("id", "\"Harga naik,\" ujar dia dikutip Harian Kota, Rabu (11/9/2024).", "Rabu (11/9/2024)"),
    ("id", "Dua pelaku ditangkap pada Kamis (12/9/2024).", "Kamis (12/9/2024)"),
    ("en", "\"We are ready,\" the minister told reporters on Wednesday, Sept. 11, 2024.", "Wednesday, Sept. 11, 2024"),
]


@pytest.mark.parametrize("lang,text,quote", REPORTS)
def test_statement_dated_after_publication_is_flagged(checker, lang, text, quote):
    assert rules_of(checker, text, PUB, lang) == [("temporal.reported-after-publication", quote)]


# Spans of days, within a month and across months, next to a reporting cue: no crash, no finding.
RANGES = [
    (D(2022, 3, 10), "Pameran digelar 12-14 Maret 2022 di Jakarta, kata panitia."),
    (D(2023, 2, 20), "Festival berlangsung 26 Februari-3 Maret 2023, ujar ketua panitia."),
    (D(2023, 2, 27), "Ujian digelar 26-27 Februari dan 12-13 April 2023, ujar kepala sekolah."),
]


@pytest.mark.parametrize("published,text", RANGES)
def test_day_ranges_give_no_finding(checker, published, text):
    assert rules_of(checker, text, published) == []


def test_date_without_slash_before_year_is_invalid(checker):
    text = "\"Panen tahun ini bagus,\" kata kepala dinas itu, Sabtu (14/092024)."
    assert rules_of(checker, text, D(2024, 9, 14)) == [("temporal.invalid-date", "Sabtu (14/092024)")]


def test_glued_number_without_weekday_is_no_date(checker):
    assert rules_of(checker, "Kode barang itu (14/092024) tercetak di kemasan.", D(2024, 9, 14)) == []


def test_date_missing_its_closing_bracket_is_still_checked(checker):
    text = "\"Kami siap,\" ujar kepala dinas itu, Kamis (11/9/2024.\nIa menambahkan bahwa stok aman."
    assert ("temporal.weekday-mismatch", "Kamis (11/9/2024") in rules_of(checker, text, PUB)


def test_same_sentence_pattern_over_a_list_is_not_one_event(checker):
    text = ("Seri A jatuh tempo pada 15 Mei 2030 ini meraih penawaran Rp 5 triliun. "
            "Seri B jatuh tempo pada 15 Juni 2035 ini meraih penawaran Rp 3 triliun. "
            "Seri C jatuh tempo pada 15 Juli 2040 ini meraih penawaran Rp 2 triliun.")
    assert rules_of(checker, text, PUB) == []


def test_length_that_starts_at_its_date_may_end_before_publication(checker):
    assert rules_of(checker, "Ia dirawat di klinik itu selama 2 tahun sejak 2005.", PUB) == []


@pytest.mark.parametrize("text", [
    "Baca juga: Prakiraan Cuaca Kota Hari Ini, 8 September 2024: Cerah Berawan",
    "\"Kemarin, 8 September 2024 pelakunya sudah ditahan,\" katanya.",
])
def test_relative_day_in_a_headline_or_a_quote_is_silent(checker, text):
    assert rules_of(checker, text, PUB) == []


def test_since_runs_on_to_publication(checker):
    text = "The dollar hit its highest level since 2002 soon after the election in November 2016."
    assert rules_of(checker, text, D(2017, 12, 8), "en") == []
