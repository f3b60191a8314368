"""quantity.conflict: one figure stated twice with different values. Figures that need not count the same
thing (another date, time of day, list item, phase, rate, namesake or series) stay silent; the same
statement is still flagged."""
import datetime as dt

import pytest

from conftest import finding, findings, rule_ids, rules_of

D = dt.date
PUBLISHED = D(2025, 10, 20)


def test_quantity_conflict_allows_hedges_and_rounding(checker):
    ok = "Rusia menyiapkan 175.000 tentara. Rusia telah mengumpulkan hampir 180.000 tentara."
    assert rules_of(checker, ok) == []
    ok = ("Banjir menewaskan 1,5 juta ternak. Data lain: Rusia menyiapkan 1,5 juta tentara dan Rusia mengirim "
          "1.520.000 tentara.")
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


def test_two_current_ages_of_one_person_conflict(checker):
    f = finding(checker, "Korban bernama Basuki (55) ditemukan di sungai. Polisi memanggil Basuki (56) kemarin.",
                rule="quantity.conflict")
    assert [e.text for e in f.evidence] == ["(55)", "(56)"]


def test_a_statement_restated_in_other_words(checker):
    text = ("Jarak kota ini ke Kota Padang hanya sekitar 64 km saja. Jarak kota ini ke Kota Padang tidak lebih "
            "dari 50 km.")
    f = finding(checker, text, rule="quantity.conflict")
    assert [e.text for e in f.evidence] == ["sekitar 64 km", "tidak lebih dari 50 km"]


def test_a_count_updated_with_a_change_word_is_no_restatement(checker):
    text = ("Jumlah korban tewas banjir di Bogor mencapai 10 orang. Jumlah korban tewas banjir di Bogor bertambah "
            "menjadi 12 orang.")
    assert findings(checker, text, rule="quantity.conflict") == []


@pytest.mark.parametrize("apart,same,lang", [
    # another year
    (("Pada tahun 2021, pabrik gula itu memproduksi 4.500 ton gula pasir untuk pasar lokal di kabupaten itu. "
      "Pada tahun 2023, pabrik gula itu memproduksi 6.200 ton gula pasir untuk pasar lokal di kabupaten itu."),
     ("Pabrik gula itu memproduksi 4.500 ton gula pasir untuk pasar lokal di kabupaten itu. "
      "Pabrik gula itu memproduksi 6.200 ton gula pasir untuk pasar lokal di kabupaten itu."), "id"),
    # another time of day: live updates through one day
    (("Pada pukul 09.30 WIB, harga emas di pasar spot bergerak ke level US$1.310 per troy ounce. "
      "Pada pukul 14.10 WIB, harga emas di pasar spot bergerak ke level US$1.318 per troy ounce."),
     ("Harga emas di pasar spot bergerak ke level US$1.310 per troy ounce. "
      "Harga emas di pasar spot bergerak ke level US$1.318 per troy ounce."), "id"),
    # another list item
    (("Kedua, tingkat keterisian rumah susun baru di pinggir kota mencapai 35 persen. "
      "Ketiga, tingkat keterisian rumah susun baru di pinggir kota mencapai 60 persen."),
     ("Tingkat keterisian rumah susun baru di pinggir kota mencapai 35 persen. "
      "Tingkat keterisian rumah susun baru di pinggir kota mencapai 60 persen."), "id"),
    (("1. Kios di pasar induk terisi 35 persen pada akhir tahun ini.\n"
      "2. Kios di pasar induk terisi 60 persen pada akhir tahun ini."),
     ("Kios di pasar induk terisi 35 persen pada akhir tahun ini.\n"
      "Kios di pasar induk terisi 60 persen pada akhir tahun ini."), "id"),
    # before and now
    (("Sebelumnya, jumlah pengungsi di posko utama tercatat 300 orang menurut data petugas. "
      "Kini, jumlah pengungsi di posko utama tercatat 120 orang menurut data petugas."),
     ("Jumlah pengungsi di posko utama tercatat 300 orang menurut data petugas. "
      "Jumlah pengungsi di posko utama tercatat 120 orang menurut data petugas."), "id"),
    # an update: only the later figure is placed "now"
    (("Jumlah pengungsi di posko utama tercatat 300 orang menurut data petugas. "
      "Saat ini, jumlah pengungsi di posko utama tercatat 120 orang menurut data petugas."),
     ("Jumlah pengungsi di posko utama tercatat 300 orang menurut data petugas. "
      "Jumlah pengungsi di posko utama tercatat 120 orang menurut data petugas."), "id"),
    (("The shelter held 300 people on the first night, officials said. "
      "The shelter now holds 120 people, officials said."),
     ("The shelter held 300 people on the first night, officials said. "
      "The shelter held 120 people on the first night, officials said."), "en"),
    # a year-ago period: what a company reports beside last year's figure
    (("The airline carried 4.2 million passengers in the quarter, the company said. "
      "In the year-ago quarter, the airline carried 3.9 million passengers in the quarter, the company said."),
     ("The airline carried 4.2 million passengers in the quarter, the company said. "
      "Later, the airline carried 3.9 million passengers in the quarter, the company said."), "en"),
    # a rate is not an amount
    (("Partai itu mendapat dana hibah sebesar Rp 5.000 per suara dari pemerintah provinsi. "
      "Partai itu mendapat dana hibah sebesar Rp 6,8 miliar dari pemerintah provinsi."),
     ("Partai itu mendapat dana hibah sebesar Rp 5 miliar dari pemerintah provinsi. "
      "Partai itu mendapat dana hibah sebesar Rp 6,8 miliar dari pemerintah provinsi."), "id"),
    # words that frame a series of three figures (one per market, per bond...)
    (("Nilai transaksi harian di pasar itu tercatat Rp 5 miliar. Nilai transaksi harian di pasar itu tercatat "
      "Rp 8 miliar. Nilai transaksi harian di pasar itu tercatat Rp 2 miliar."),
     ("Nilai transaksi harian di pasar itu tercatat Rp 5 miliar. Nilai transaksi harian di pasar itu tercatat "
      "Rp 8 miliar."), "id"),
    # parallel survey answers share a frame, not their whole wording
    (("Sebanyak 72 persen pedagang pasar menilai aturan baru itu memudahkan usaha kecil. "
      "Sebanyak 65 persen pedagang pasar menilai aturan baru itu menaikkan biaya sewa kios."),
     ("Sebanyak 72 persen pedagang pasar menilai aturan baru itu memudahkan usaha kecil. "
      "Sebanyak 65 persen pedagang pasar menilai aturan baru itu memudahkan usaha kecil."), "id"),
    (("The jobless rate among young workers fell to 7.1%, its lowest on record. "
      "The jobless rate among older workers fell to 3.2%, its lowest on record."),
     ("The jobless rate among young workers fell to 7.1%, its lowest on record. "
      "The jobless rate among young workers fell to 3.2%, its lowest on record."), "en"),
    # one age per person: a surname shared by two men
    ("The elder Smith, 93, served two terms. The younger Smith, 71, served one term.",
     "John Smith, 93, served two terms. Later that year John Smith, 71, retired.", "en"),
    # a name in another clause owns something else
    (("Russia has 100,000 troops in Syria, officials said. Russia cut its presence, and chose to leave "
      "8,000 troops there."),
     "Russia has 100,000 troops in Syria, officials said. Officials said Russia keeps 8,000 troops there.", "en"),
])
def test_figures_placed_apart_do_not_conflict(checker, apart, same, lang):
    assert rule_ids(checker, apart, PUBLISHED, lang, rule="quantity") == []
    assert rule_ids(checker, same, PUBLISHED, lang, rule="quantity") == ["quantity.conflict"]


@pytest.mark.parametrize("text", [
    "Pelaku berinisial S (64) ditangkap polisi. Korban berinisial S (14) kini dirawat.",  # an initial
    "Ayah mertua Rina (65) ikut diperiksa polisi. Rina (31) ditemukan di rumahnya.",  # a relative's age
    "Kasus pertama dilakukan Joko Susilo (63) terhadap bocah berusia 4 tahun.",  # an age further off
])
def test_an_age_that_may_be_another_persons_is_not_compared(checker, text):
    assert rule_ids(checker, text, PUBLISHED, rule="quantity") == []


def test_two_ages_written_next_to_one_name_still_conflict(checker):
    text = "Joko Susilo (63) ditangkap polisi. Polisi memeriksa Joko Susilo (60) kemarin."
    assert rule_ids(checker, text, PUBLISHED, rule="quantity") == ["quantity.conflict"]


@pytest.mark.parametrize("text,expected", [
    ("Tersangkanya seorang nenek berusia 71 tahun dari desa sebelah. Polisi menahan nenek 67 tahun itu.",
     ["quantity.conflict"]),  # one woman, pointed back to with another age
    ("Tersangkanya seorang nenek berusia 71 tahun dari desa sebelah. Polisi menahan nenek 71 tahun itu.", []),
    ("Tersangkanya seorang nenek berusia 71 tahun dari desa sebelah. Polisi menahan kakek 67 tahun itu.", []),
    ("Tersangkanya seorang nenek dari desa sebelah. Polisi menahan nenek 67 tahun itu.", []),
])
def test_an_age_pointed_back_to_by_its_noun(checker, text, expected):
    assert rule_ids(checker, text, PUBLISHED, rule="quantity") == expected


def test_a_sentence_cut_off_at_its_start_may_have_lost_what_sets_it_apart(checker):
    first = "Sedangkan untuk pasar lama, tarif parkir naik mulai dari Rp 2.000 untuk semua jenis kendaraan.\n"
    cut, whole = ("tarif parkir naik mulai dari Rp 5.000 untuk semua jenis kendaraan.",
                  "Tarif parkir naik mulai dari Rp 5.000 untuk semua jenis kendaraan.")
    assert rule_ids(checker, first + cut, PUBLISHED, rule="quantity") == []
    assert rule_ids(checker, first + whole, PUBLISHED, rule="quantity") == ["quantity.conflict"]
    dated = ("Menurut data dinas perdagangan, pada semester pertama 2021 nilai ekspor kopi daerah itu mencapai "
             "12 juta dolar AS dan menjadi yang tertinggi.\n")
    cut, whole = ("nilai ekspor kopi daerah itu mencapai 15 juta dolar AS.",
                  "Nilai ekspor kopi daerah itu mencapai 15 juta dolar AS.")
    assert rule_ids(checker, dated + cut, PUBLISHED, rule="quantity") == []
    assert rule_ids(checker, dated + whole, PUBLISHED, rule="quantity") == ["quantity.conflict"]


def test_an_ordinal_in_figures_before_a_name_is_part_of_the_name(checker):
    courts = "The 9th Circuit Court ruled on Monday. The 4th Circuit Court ruled on Monday."
    assert rule_ids(checker, courts, PUBLISHED, "en", rule="quantity") == []
    places = "He finished 9th in the race. He finished 4th in the race."
    assert rule_ids(checker, places, PUBLISHED, "en", rule="quantity") == ["quantity.conflict"]


def test_a_number_restated_without_its_noun_is_no_other_figure(checker):
    text = ("Sebanyak 4,2 juta warga desa belum mendapat air bersih. \"Ada 1,1 juta warga desa tanpa listrik, "
            "dan 4,2 juta belum mendapat air bersih,\" katanya.")
    assert rule_ids(checker, text, PUBLISHED, rule="quantity") == []
