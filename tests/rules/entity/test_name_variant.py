"""entity.name-variant: a name spelt two ways. Forms of one name (letter case, derived forms, spellings the
gazetteer lists) are not misspellings."""
import re

import pytest

from conftest import findings


def variants(checker, text, lang="id"):
    """The (variant, name) pairs entity.name-variant reports, as its message quotes them."""
    return [tuple(re.findall(r'"([^"]+)"', f.message)[:2])
            for f in findings(checker, text, lang=lang, rule="entity.name-variant")]


@pytest.mark.parametrize("text,lang", [
    ("Hillary Clinton spoke. The Clintons left. Clinton's aide said Clinton would return.", "en"),
    ("Andi Putra hadir. Andi Putri juga hadir. Menurut Putra, acara lancar.", "id"),  # short names
    ("Budi Wahyudi hadir bersama Sri Wahyuni. Kata Wahyuni, Sri Wahyuni senang.", "id"),  # other first name
])
def test_names_that_are_not_variants(checker, text, lang):
    assert findings(checker, text, lang=lang, rule="entity.name-variant") == []


@pytest.mark.parametrize("space", ["&nbsp;", "\u00a0", "  "])
def test_misspelt_surname_after_a_spaced_full_name(checker, space):
    text = (f"Ketua panitia Rudi{space}Hartawan membuka acara. Menurut Hartawan, peserta bertambah. "
            f"Kata Hartawwan, lomba dimulai pukul delapan.")
    assert variants(checker, text) == [("Hartawwan", "Hartawan")]


@pytest.mark.parametrize("lang, text", [
    ("id", ("Ada lomba Jet Ski SpeedBoat pagi ini. Para peserta Jet Ski Speedboat datang dari lima negara. "
            "Panitia Jet Ski Speedboat menyiapkan hadiah.")),
    ("en", ("The Grand Prix of Aqua SpeedBoat opened on Monday. Aqua Speedboat drivers came from five "
            "countries. Organisers of Aqua Speedboat added a night race.")),
])
def test_letter_case_alone_is_not_a_misspelling(checker, lang, text):
    assert variants(checker, text, lang) == []


@pytest.mark.parametrize("lang, text", [
    ("en", ("North Korean soldiers crossed the line. North Korean media said so. Talks between the two "
            "Koreas stalled.")),
    ("en", ("Diplomats of Latin Americas met in Lima. Latin American leaders spoke. The Latin American bloc "
            "agreed.")),
    ("en", "Saudi Arabia sent a delegation. Saudi Arabia also pledged aid. Signs were written in Arabic."),
    ("id", ("Kedutaan Besar Saudi Arabia menggelar acara. Menurut Kedutaan Saudi Arabia, acara terbuka. "
            "Acara dibuka dengan puisi Arabic.")),
])
def test_derived_forms_of_one_name_are_not_misspellings(checker, lang, text):
    assert variants(checker, text, lang) == []


@pytest.mark.parametrize("lang, text", [
    ("id", ("Kepala Dinas Perdagangan Andi Rahman meninjau pasar. Menurut Andi Rahman, harga stabil. Salah seorang "
            "pedagang, Rahmat (45), mengaku omzetnya turun.")),
    ("id", ("Kapolsek Joko Wahyudi mengatakan pelaku ditangkap. Menurut Joko Wahyudi, pelaku dua orang. Korban, "
            "Wahyuni (27), luka ringan.")),
    ("en", ("Police said Michael Johnson, 34, was arrested. Michael Johnson was charged with theft. His neighbour, "
            "Johnston, 61, called police.")),
])
def test_a_name_written_with_an_age_introduces_someone_else(lang, text, checker):
    assert variants(checker, text, lang) == []


@pytest.mark.parametrize("lang, text, expected", [
    ("id", ("Kepala Dinas Andi Rahman (50) meninjau pasar. Menurut Andi Rahman, harga stabil. \"Stok cukup,\" kata "
            "Rahmat."), ("Rahmat", "Rahman")),
    ("en", ("Sheriff Tom Dawson, 58, said the fire spread. Tom Dawson said crews were tired. \"We need rain,\" "
            "Dowson said."), ("Dowson", "Dawson")),
])
def test_an_age_given_with_the_name_itself_does_not_hide_its_misspelling(lang, text, expected, checker):
    assert variants(checker, text, lang) == [expected]


@pytest.mark.parametrize("lang, text", [
    ("id", ("Bupati Budi Susanto meresmikan pasar. Menurut Budi Susanto, pasar dibangun dua tahun. Pedagang "
            "sayur Susanti juga hadir.")),
    ("id", "Menlu Retno Marsudi tiba di Brussel. Retno Marsudi bertemu mitranya. Ia didampingi staf Marsudo."),
    ("id", "Proklamator Ir Sukarno membaca teks. Rumah Ir Sukarno jadi museum. Tokoh pemuda Sukarni ikut hadir."),
    ("en", ("Judge Anna Moretti opened the hearing. Anna Moretti read the charges. Lawyers for Moretto, the "
            "defendant, objected.")),
])
def test_a_man_s_and_a_woman_s_name_of_one_stem_are_two_names(lang, text, checker):
    assert variants(checker, text, lang) == []


@pytest.mark.parametrize("lang, text", [
    ("id", ("Polda Sumsel menangkap dua tersangka. Kabid Humas Polda Sumsel mengatakan penangkapan berlangsung "
            "Senin. Operasi gabungan Polda Sulsel dan Polda Sumsel berlanjut.")),
    ("id", ("Ketua KPU Sumbar mengatakan partisipasi naik. Menurut KPU Sumbar, logistik aman. Rapat pleno digelar "
            "KPU Sumbar, KPU Sulbar, dan KPU Sulsel.")),
    ("id", ("Juru Bicara Kemenkes mengatakan anggaran cukup. Sekjen Kemenkes menambahkan vaksin tersedia. "
            "Anggaran disusun Kemenkes atau Kemenkeu.")),
    ("en", ("Chancellor Olaf Scholz met leaders. Olaf Scholz said the coalition was stable. Photos showed Olaf "
            "Scholz and Schulz together.")),
])
def test_a_name_listed_next_to_the_other_spelling_is_another_name(lang, text, checker):
    assert variants(checker, text, lang) == []


def test_a_variant_apart_from_the_other_spelling_is_still_reported(checker):
    text = ("Juru Bicara Kemenkes mengatakan anggaran cukup. Sekjen Kemenkes menambahkan vaksin tersedia. "
            "Anggaran itu disusun oleh Kemenkeu sejak Januari lalu.")
    assert variants(checker, text) == [("Kemenkeu", "Kemenkes")]


def test_a_common_word_in_another_language_inside_a_name(checker):
    text = ("Pemerintah membahas Rancangan Undang-Undang Energi. Pembahasan Rancangan Undang-Undang Energi "
            "molor. Menurut peneliti Institute of Energy, kebijakan energi belum jelas.")
    assert variants(checker, text) == []


def test_spellings_the_gazetteer_lists_for_one_name(checker):
    text = "Klub Liga Perancis itu menang. Pelatih Liga Perancis memuji pemain. Klub Liga Prancis lain kalah."
    assert variants(checker, text) == []


@pytest.mark.parametrize("lang, text, expected", [
    ("id", ("Dokter Sari Maharani memeriksa pasien. Menurut Sari Maharani, pasien membaik. Kata Maharini, "
            "pasien pulang besok."), ("Maharini", "Maharani")),
    ("id", ("Gubernur Andi Rahmayadi meresmikan jalan. Andi Rahmayadi meminta warga tertib. Andi Rahmaayadi "
            "juga meninjau pasar."), ("Rahmaayadi", "Rahmayadi")),
    ("id", ("Para kader Partai Demokrat berkumpul. Menurut Partai Demokrat, rapat terbuka. Laporan itu dibacakan "
            "Partai Dekokrat."), ("Dekokrat", "Demokrat")),
    ("en", ("Mayor Luis Giménez spoke on Monday. The city, Giménez said, was ready. The plan, Gimenez added, "
            "is funded."), ("Gimenez", "Giménez")),
])
def test_misspellings_are_still_reported(checker, lang, text, expected):
    assert variants(checker, text, lang) == [expected]


def test_a_misspelling_ending_like_a_form_of_the_name_is_reported(checker):
    """Only the listed endings make forms of one name: `Kapadze` and `Kapadza` are one letter apart."""
    text = "Pelatih Timur Kapadze memimpin latihan. Menurut Timur Kapadze, tim siap. Kata Kapadza, lawan kuat."
    assert variants(checker, text) == [("Kapadza", "Kapadze")]


def test_a_variant_is_compared_with_the_surnames_of_its_first_letter(checker):
    """One letter off, but the first (`Bartawan`): no variant of `Hartawan`; the other surname's is reported."""
    text = ("Ketua Rudi Hartawan dan wakilnya Sri Wahyuningsih membuka acara. Menurut Rudi Hartawan, Sri "
            "Wahyuningsih setuju. Kata Wahyunengsih, acara lancar. Kata Bartawan, lomba dimulai.")
    assert variants(checker, text) == [("Wahyunengsih", "Wahyuningsih")]
