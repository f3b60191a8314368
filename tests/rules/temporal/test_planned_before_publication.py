"""temporal.planned-before-publication: a plan for a date that had passed when the article appeared."""
import datetime as dt

import pytest

from conftest import finding, rules_of

D = dt.date
PUB = D(2024, 9, 10)  # a Tuesday
LATER = D(2024, 9, 20)


def test_planned_past_event(checker):
    f = finding(checker, "Aturan itu akan diberlakukan pada 17 Oktober 2018.", D(2019, 1, 21),
                rule="temporal.planned-before-publication")
    assert f.suggestion and '"17 Oktober 2019"' in f.suggestion


@pytest.mark.parametrize("text,published,lang", [
    ("Sebelumnya regulasi itu diproyeksikan rampung akhir 2018, tetapi pembahasan berlanjut.", D(2019, 1, 21), "id"),
    ("Rencana itu sudah ada sejak 2015.", D(2019, 1, 21), "id"),
    ("She accused him of kissing her against her will in 2007.", D(2017, 12, 5), "en"),
    (("HSBC said it will pay a fourth interim dividend of $0.36 a share, resulting in a total of $0.87 per share "
      "in 2024."), D(2025, 2, 19), "en"),
    ("The project was originally scheduled to open in 2019.", D(2021, 1, 1), "en"),
])
def test_not_a_planned_event_before_publication(checker, text, published, lang):
    assert [r for r, _ in rules_of(checker, text, published, lang)] == []


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
    assert rules_of(checker, text, published, lang, rule="temporal") == []


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
    assert rules_of(checker, text, published, lang, rule="temporal") == [("temporal.planned-before-publication", quote)]
