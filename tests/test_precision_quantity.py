"""Quantity rules stay silent when two figures need not count the same thing (another date, time of day,
list item, phase, rate, row, namesake or series) and still speak when nothing sets them apart."""
import datetime as dt

import pytest

from factcheck.graph import build_graph
from factcheck.ingest import article_from_text

PUBLISHED = dt.date(2025, 10, 20)


def quantity_findings(checker, text, lang="id"):
    files = checker.check_text(text, published=PUBLISHED, lang=lang).files
    return [(f.rule, f.evidence[0].text, f.evidence[-1].text) for f in files[0].findings
            if f.rule.startswith("quantity.")]


def rules(checker, text, lang="id"):
    return [rule for rule, _, _ in quantity_findings(checker, text, lang)]


# --- quantity.conflict: placed apart, silent; the same statement, flagged -------------------------

@pytest.mark.parametrize("apart,same,lang", [
    # another year
    ("Pada tahun 2021, pabrik gula itu memproduksi 4.500 ton gula pasir untuk pasar lokal di kabupaten itu. "
     "Pada tahun 2023, pabrik gula itu memproduksi 6.200 ton gula pasir untuk pasar lokal di kabupaten itu.",
     "Pabrik gula itu memproduksi 4.500 ton gula pasir untuk pasar lokal di kabupaten itu. "
     "Pabrik gula itu memproduksi 6.200 ton gula pasir untuk pasar lokal di kabupaten itu.", "id"),
    # another time of day: live updates through one day
    ("Pada pukul 09.30 WIB, harga emas di pasar spot bergerak ke level US$1.310 per troy ounce. "
     "Pada pukul 14.10 WIB, harga emas di pasar spot bergerak ke level US$1.318 per troy ounce.",
     "Harga emas di pasar spot bergerak ke level US$1.310 per troy ounce. "
     "Harga emas di pasar spot bergerak ke level US$1.318 per troy ounce.", "id"),
    # another list item
    ("Kedua, tingkat keterisian rumah susun baru di pinggir kota mencapai 35 persen. "
     "Ketiga, tingkat keterisian rumah susun baru di pinggir kota mencapai 60 persen.",
     "Tingkat keterisian rumah susun baru di pinggir kota mencapai 35 persen. "
     "Tingkat keterisian rumah susun baru di pinggir kota mencapai 60 persen.", "id"),
    ("1. Kios di pasar induk terisi 35 persen pada akhir tahun ini.\n"
     "2. Kios di pasar induk terisi 60 persen pada akhir tahun ini.",
     "Kios di pasar induk terisi 35 persen pada akhir tahun ini.\n"
     "Kios di pasar induk terisi 60 persen pada akhir tahun ini.", "id"),
    # before and now
    ("Sebelumnya, jumlah pengungsi di posko utama tercatat 300 orang menurut data petugas. "
     "Kini, jumlah pengungsi di posko utama tercatat 120 orang menurut data petugas.",
     "Jumlah pengungsi di posko utama tercatat 300 orang menurut data petugas. "
     "Jumlah pengungsi di posko utama tercatat 120 orang menurut data petugas.", "id"),
    # an update: only the later figure is placed "now"
    ("Jumlah pengungsi di posko utama tercatat 300 orang menurut data petugas. "
     "Saat ini, jumlah pengungsi di posko utama tercatat 120 orang menurut data petugas.",
     "Jumlah pengungsi di posko utama tercatat 300 orang menurut data petugas. "
     "Jumlah pengungsi di posko utama tercatat 120 orang menurut data petugas.", "id"),
    ("The shelter held 300 people on the first night, officials said. "
     "The shelter now holds 120 people, officials said.",
     "The shelter held 300 people on the first night, officials said. "
     "The shelter held 120 people on the first night, officials said.", "en"),
    # a year-ago period: what a company reports beside last year's figure
    ("The airline carried 4.2 million passengers in the quarter, the company said. "
     "In the year-ago quarter, the airline carried 3.9 million passengers in the quarter, the company said.",
     "The airline carried 4.2 million passengers in the quarter, the company said. "
     "Later, the airline carried 3.9 million passengers in the quarter, the company said.", "en"),
    # a rate is not an amount
    ("Partai itu mendapat dana hibah sebesar Rp 5.000 per suara dari pemerintah provinsi. "
     "Partai itu mendapat dana hibah sebesar Rp 6,8 miliar dari pemerintah provinsi.",
     "Partai itu mendapat dana hibah sebesar Rp 5 miliar dari pemerintah provinsi. "
     "Partai itu mendapat dana hibah sebesar Rp 6,8 miliar dari pemerintah provinsi.", "id"),
    # words that frame a series of three figures (one per market, per bond...)
    ("Nilai transaksi harian di pasar itu tercatat Rp 5 miliar. Nilai transaksi harian di pasar itu tercatat "
     "Rp 8 miliar. Nilai transaksi harian di pasar itu tercatat Rp 2 miliar.",
     "Nilai transaksi harian di pasar itu tercatat Rp 5 miliar. Nilai transaksi harian di pasar itu tercatat "
     "Rp 8 miliar.", "id"),
    # parallel survey answers share a frame, not their whole wording
    ("Sebanyak 72 persen pedagang pasar menilai aturan baru itu memudahkan usaha kecil. "
     "Sebanyak 65 persen pedagang pasar menilai aturan baru itu menaikkan biaya sewa kios.",
     "Sebanyak 72 persen pedagang pasar menilai aturan baru itu memudahkan usaha kecil. "
     "Sebanyak 65 persen pedagang pasar menilai aturan baru itu memudahkan usaha kecil.", "id"),
    ("The jobless rate among young workers fell to 7.1%, its lowest on record. "
     "The jobless rate among older workers fell to 3.2%, its lowest on record.",
     "The jobless rate among young workers fell to 7.1%, its lowest on record. "
     "The jobless rate among young workers fell to 3.2%, its lowest on record.", "en"),
    # one age per person: a surname shared by two men
    ("The elder Smith, 93, served two terms. The younger Smith, 71, served one term.",
     "John Smith, 93, served two terms. Later that year John Smith, 71, retired.", "en"),
    # a name in another clause owns something else
    ("Russia has 100,000 troops in Syria, officials said. Russia cut its presence, and chose to leave "
     "8,000 troops there.",
     "Russia has 100,000 troops in Syria, officials said. Officials said Russia keeps 8,000 troops there.", "en"),
])
def test_figures_placed_apart_do_not_conflict(checker, apart, same, lang):
    assert rules(checker, apart, lang) == []
    assert rules(checker, same, lang) == ["quantity.conflict"]


@pytest.mark.parametrize("text", [
    "Pelaku berinisial S (64) ditangkap polisi. Korban berinisial S (14) kini dirawat.",  # an initial
    "Ayah mertua Rina (65) ikut diperiksa polisi. Rina (31) ditemukan di rumahnya.",  # a relative's age
    "Kasus pertama dilakukan Joko Susilo (63) terhadap bocah berusia 4 tahun.",  # an age further off
])
def test_an_age_that_may_be_another_persons_is_not_compared(checker, text):
    assert rules(checker, text) == []


def test_two_ages_written_next_to_one_name_still_conflict(checker):
    assert rules(checker, "Joko Susilo (63) ditangkap polisi. Polisi memeriksa Joko Susilo (60) kemarin.") == \
        ["quantity.conflict"]


@pytest.mark.parametrize("text,expected", [
    ("Tersangkanya seorang nenek berusia 71 tahun dari desa sebelah. Polisi menahan nenek 67 tahun itu.",
     ["quantity.conflict"]),  # one woman, pointed back to with another age
    ("Tersangkanya seorang nenek berusia 71 tahun dari desa sebelah. Polisi menahan nenek 71 tahun itu.", []),
    ("Tersangkanya seorang nenek berusia 71 tahun dari desa sebelah. Polisi menahan kakek 67 tahun itu.", []),
    ("Tersangkanya seorang nenek dari desa sebelah. Polisi menahan nenek 67 tahun itu.", []),
])
def test_an_age_pointed_back_to_by_its_noun(checker, text, expected):
    assert rules(checker, text) == expected


def test_a_sentence_cut_off_at_its_start_may_have_lost_what_sets_it_apart(checker):
    first = "Sedangkan untuk pasar lama, tarif parkir naik mulai dari Rp 2.000 untuk semua jenis kendaraan.\n"
    assert rules(checker, first + "tarif parkir naik mulai dari Rp 5.000 untuk semua jenis kendaraan.") == []
    assert rules(checker, first + "Tarif parkir naik mulai dari Rp 5.000 untuk semua jenis kendaraan.") == \
        ["quantity.conflict"]
    dated = ("Menurut data dinas perdagangan, pada semester pertama 2021 nilai ekspor kopi daerah itu mencapai "
             "12 juta dolar AS dan menjadi yang tertinggi.\n")
    assert rules(checker, dated + "nilai ekspor kopi daerah itu mencapai 15 juta dolar AS.") == []
    assert rules(checker, dated + "Nilai ekspor kopi daerah itu mencapai 15 juta dolar AS.") == ["quantity.conflict"]


def test_an_ordinal_in_figures_before_a_name_is_part_of_the_name(checker):
    assert rules(checker, "The 9th Circuit Court ruled on Monday. The 4th Circuit Court ruled on Monday.", "en") == []
    assert rules(checker, "He finished 9th in the race. He finished 4th in the race.", "en") == ["quantity.conflict"]


def test_a_number_restated_without_its_noun_is_no_other_figure(checker):
    text = ("Sebanyak 4,2 juta warga desa belum mendapat air bersih. \"Ada 1,1 juta warga desa tanpa listrik, "
            "dan 4,2 juta belum mendapat air bersih,\" katanya.")
    assert rules(checker, text) == []


def test_scopes_are_attributes_of_the_figure_claims(checker):
    text = ("Sebelumnya, harga emas melemah ke level US$1.309 per troy ounce pada pukul 09.30 WIB.\n"
            "Kedua, dana hibah itu Rp 5.000 per suara pada 2024.")
    extractor = checker.extractor("id")
    article = article_from_text(text, lang="id", published=PUBLISHED, markdown=False)
    g = build_graph(article, extractor.extract(article), extractor.lex)
    scopes = {e["text"]: e["scope"] for _, _, e in g.claims("figure")}
    gold = scopes["US$1.309"]
    assert (gold.phase, gold.trend, gold.moments, gold.per) == ("before", "down", frozenset({"09.30"}), "troy")
    grant = scopes["Rp 5.000"]
    assert (grant.item, grant.per, grant.dates) == ("2", "suara", frozenset({("2024-01-01", "2024-12-31")}))


# --- quantity.total-vs-parts ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Salah satu desa yang terdampak, yaitu Sukamaju, 60 persennya terendam.",  # one thing, named
    "Pemerintah membentuk satu badan baru, yakni Badan Pangan dan Gizi.",
    "Longsor itu menewaskan empat korban meninggal, terdiri dari satu anak perempuan. Tiga lainnya dewasa.",
    "Asrama itu punya 3 gedung yang terdiri dari 120 kamar.",  # what the buildings hold, not the buildings
    "Ia mengumpulkan total Rp 120 juta, termasuk Rp 30 juta dari tabungannya sendiri, dibandingkan pesaingnya "
    "yang mengumpulkan Rp 410 juta.",  # the second figure is another person's
    "Harga tiket VIP: Rp2,5 jutaReguler (berdiri): Rp450 ribu.",  # a price list run together
])
def test_figures_that_are_no_parts_of_the_total(checker, text):
    assert rules(checker, text) == []


@pytest.mark.parametrize("rate,amount,lang", [
    ("The bank earned $2.10 a share, including a $5 million gain from a sale.",
     "The bank earned $20 million, including a $25 million gain from a sale.", "en"),
    ("Laba bersih perseroan Rp 150 per saham, termasuk Rp 2 miliar dari penjualan aset.",
     "Laba bersih perseroan Rp 150 juta, termasuk Rp 2 miliar dari penjualan aset.", "id"),
])
def test_a_rate_is_no_total_of_amounts(checker, rate, amount, lang):
    assert rules(checker, rate, lang) == []
    assert rules(checker, amount, lang) == ["quantity.total-vs-parts"]


@pytest.mark.parametrize("text", [
    "Kecelakaan itu menimbulkan 10 korban: 6 tewas dan 5 luka-luka.",
    "Ia mengumpulkan total Rp 120 juta, termasuk Rp 30 juta dan Rp 410 juta.",
])
def test_parts_that_do_not_add_up_are_still_reported(checker, text):
    assert rules(checker, text) == ["quantity.total-vs-parts"]


# --- quantity.change-arithmetic -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # "memangkas" and "kenaikan": which way the count of hikes went is in doubt
    "Para analis memangkas perkiraan kenaikan harga BBM dari tiga kali menjadi satu kali tahun depan.",
    # the end and start are written out; the range after them starts another change
    "Upah harian naik menjadi Rp 150 ribu dari Rp 120 ribu, uang makan menjadi Rp 40 ribu dari Rp 25-30 ribu.",
])
def test_changes_read_from_the_right_figures(checker, text):
    assert rules(checker, text) == []


def test_a_wrong_change_is_still_reported(checker):
    assert rules(checker, "Upah harian naik 50 persen menjadi Rp 150 ribu dari Rp 120 ribu.") == \
        ["quantity.change-arithmetic"]


# --- quantity.range-inverted ----------------------------------------------------------------------

@pytest.mark.parametrize("text,lang", [
    ("The mayor was leading her challenger 55 to 41 percent in the survey.", "en"),  # a score
    ("The governor holds a 53-47 percent edge in the new survey.", "en"),
    ("Calon itu unggul 52-48 persen atas pesaingnya dalam hitung cepat.", "id"),
    ("The plan lifts the rate on earnings above $250,000 to 5.2 percent.", "en"),  # two units
    ("Menu di kafe itu dijual mulai Rp12.000 - Rp1,2 juta.", "id"),  # the scale may be the second's alone
])
def test_two_figures_that_are_no_range(checker, text, lang):
    assert rules(checker, text, lang) == []


@pytest.mark.parametrize("text,lang", [
    ("Turnout is expected to reach 55 to 41 percent of voters.", "en"),
    ("Sepanjang siang ini, harga perak bergerak di kisaran US$1.2457,50-US$1.249,90 per ounce.", "id"),
])
def test_a_range_written_backwards_is_still_reported(checker, text, lang):
    assert rules(checker, text, lang) == ["quantity.range-inverted"]
