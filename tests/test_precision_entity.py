"""Entity rules on real articles nobody tuned for: the classes of false alarm they must stay silent on,
next to the errors they must still report, in sentences written for the purpose."""
import re

import pytest

from factcheck.extract import Extractor
from factcheck.extract.entities import EntityExtractor
from factcheck.ingest import article_from_text
from factcheck.lexicon import load_lexicon


def findings(checker, text, lang, rule):
    return [f for f in checker.check_text(text, lang=lang).files[0].findings if f.rule == rule]


def variants(checker, text, lang="id"):
    """The (variant, name) pairs entity.name-variant reports, as its message quotes them."""
    return [tuple(re.findall(r'"([^"]+)"', f.message)[:2]) for f in findings(checker, text, lang, "entity.name-variant")]


# --- a known name with other white space inside ----------------------------------------------------

@pytest.mark.parametrize("space", ["  ", "\u00a0", "\t", "\n", "\r\n", "\u2009"])
def test_known_name_with_any_white_space_inside(space):
    text = f"Utusan Amerika{space}Serikat dan Joe{space}Biden tiba di Jakarta."
    found = EntityExtractor(load_lexicon("id")).extract(text, [(0, len(text), False)], {0})
    assert [e.name for e in found if e.known] == ["United States", "Joe Biden", "Jakarta"]


@pytest.mark.parametrize("space", ["  ", "\u00a0", "\t", "&nbsp;", "&amp;nbsp;"])
def test_article_with_a_spaced_known_name_is_checked(checker, space):
    text = (f"Presiden Amerika{space}Serikat Joe{space}Biden tiba di Tokyo. Menurut Biden, kunjungan itu "
            f"penting. Presiden Ukraina Joe{space}Biden juga hadir.")
    report = checker.check_text(text, lang="id").files[0]
    assert report.error is None
    assert [f.rule for f in report.findings] == ["entity.title-conflict"]


def test_title_jurisdiction_with_a_no_break_space():
    m = Extractor(load_lexicon("en")).extract(article_from_text(
        "Headline here\n\nPresident United\u00a0States Joe Biden spoke on Monday.", lang="en"))
    assert [(t.jurisdiction, t.name) for t in m.titles] == [("United States", "Joe Biden")]


@pytest.mark.parametrize("space", ["&nbsp;", "\u00a0", "  "])
def test_misspelt_surname_after_a_spaced_full_name(checker, space):
    text = (f"Ketua panitia Rudi{space}Hartawan membuka acara. Menurut Hartawan, peserta bertambah. "
            f"Kata Hartawwan, lomba dimulai pukul delapan.")
    assert variants(checker, text) == [("Hartawwan", "Hartawan")]


# --- entity.name-variant: forms of one name are not misspellings --------------------------------------

@pytest.mark.parametrize("lang, text", [
    ("id", "Ada lomba Jet Ski SpeedBoat pagi ini. Para peserta Jet Ski Speedboat datang dari lima negara. "
           "Panitia Jet Ski Speedboat menyiapkan hadiah."),
    ("en", "The Grand Prix of Aqua SpeedBoat opened on Monday. Aqua Speedboat drivers came from five "
           "countries. Organisers of Aqua Speedboat added a night race."),
])
def test_letter_case_alone_is_not_a_misspelling(checker, lang, text):
    assert variants(checker, text, lang) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "North Korean soldiers crossed the line. North Korean media said so. Talks between the two "
           "Koreas stalled."),
    ("en", "Diplomats of Latin Americas met in Lima. Latin American leaders spoke. The Latin American bloc "
           "agreed."),
    ("en", "Saudi Arabia sent a delegation. Saudi Arabia also pledged aid. Signs were written in Arabic."),
    ("id", "Kedutaan Besar Saudi Arabia menggelar acara. Menurut Kedutaan Saudi Arabia, acara terbuka. "
           "Acara dibuka dengan puisi Arabic."),
])
def test_derived_forms_of_one_name_are_not_misspellings(checker, lang, text):
    assert variants(checker, text, lang) == []


def test_a_common_word_in_another_language_inside_a_name(checker):
    text = ("Pemerintah membahas Rancangan Undang-Undang Energi. Pembahasan Rancangan Undang-Undang Energi "
            "molor. Menurut peneliti Institute of Energy, kebijakan energi belum jelas.")
    assert variants(checker, text) == []


def test_spellings_the_gazetteer_lists_for_one_name(checker):
    text = "Klub Liga Perancis itu menang. Pelatih Liga Perancis memuji pemain. Klub Liga Prancis lain kalah."
    assert variants(checker, text) == []


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Dokter Sari Maharani memeriksa pasien. Menurut Sari Maharani, pasien membaik. Kata Maharini, "
           "pasien pulang besok.", ("Maharini", "Maharani")),
    ("id", "Gubernur Andi Rahmayadi meresmikan jalan. Andi Rahmayadi meminta warga tertib. Andi Rahmaayadi "
           "juga meninjau pasar.", ("Rahmaayadi", "Rahmayadi")),
    ("id", "Para kader Partai Demokrat berkumpul. Menurut Partai Demokrat, rapat terbuka. Laporan itu dibacakan "
           "Partai Dekokrat.", ("Dekokrat", "Demokrat")),
    ("en", "Mayor Luis Giménez spoke on Monday. The city, Giménez said, was ready. The plan, Gimenez added, "
           "is funded.", ("Gimenez", "Giménez")),
])
def test_misspellings_are_still_reported(checker, lang, text, expected):
    assert variants(checker, text, lang) == [expected]


def test_a_misspelling_ending_like_a_form_of_the_name_is_reported(checker):
    """Only the listed endings make forms of one name: `Kapadze` and `Kapadza` are one letter apart."""
    text = "Pelatih Timur Kapadze memimpin latihan. Menurut Timur Kapadze, tim siap. Kata Kapadza, lawan kuat."
    assert variants(checker, text) == [("Kapadza", "Kapadze")]


# --- entity.title-conflict: a place after a role is not a person ---------------------------------------

@pytest.mark.parametrize("text", [
    # a deputy named, the head only by office
    "Wakil Bupati Sleman Budi Santoso membuka rapat. Anggaran itu sejalan dengan visi Bupati Sleman "
    "periode 2025-2030, kata Wakil Bupati Sleman Budi Santoso.",
    # one role without a name, another with one
    "Presiden Slovenia menolak bertemu utusan itu. Perdana Menteri Slovenia Janez Novak justru menerimanya. "
    "Sebagai Presiden Slovenia, ia tidak memimpin pemerintahan.",
    # a place the gazetteer knows, without a name
    "Presiden Rusia menerima tamu. Perdana Menteri Rusia Mikhail Petrov hadir.",
])
def test_role_followed_by_a_place_is_not_a_person(checker, text):
    assert findings(checker, text, "id", "entity.title-conflict") == []


@pytest.mark.parametrize("text", [
    "Bupati Sleman Budi Santoso membuka rapat. Dalam rapat itu, Wakil Bupati Sleman Budi Santoso membacakan "
    "laporan.",
    "Bupati Sleman menyambut tamu. Bupati Sleman Budi Santoso membuka rapat. Kemudian Wakil Bupati Sleman "
    "Budi Santoso membacakan laporan.",
])
def test_one_person_with_two_roles_is_still_reported(checker, text):
    assert len(findings(checker, text, "id", "entity.title-conflict")) == 1
