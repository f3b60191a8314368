"""entity.title-conflict: one person given two roles. A place after a role is not a person."""
import pytest

from conftest import finding, findings


def test_a_short_name_is_the_same_person(checker):
    f = finding(checker, "Presiden Anwar Ibrahim tiba. Perdana Menteri Anwar menyapa warga.",
                rule="entity.title-conflict")
    assert f.message.startswith("Anwar Ibrahim")


@pytest.mark.parametrize("text", [
    "Presiden Joko Widodo hadir. Wakil Presiden Ma'ruf Amin juga hadir.",
    "Presiden Joko Widodo hadir bersama mantan Wakil Presiden Joko Widodo.",
    "Presiden Direktur Budi Santoso hadir. Wakil Presiden Direktur Budi Santoso juga.",
])
def test_roles_that_do_not_conflict(checker, text):
    assert findings(checker, text, rule="entity.title-conflict") == []


@pytest.mark.parametrize("space", ["  ", "\u00a0", "\t", "&nbsp;", "&amp;nbsp;"])
def test_article_with_a_spaced_known_name_is_checked(checker, space):
    text = (f"Presiden Amerika{space}Serikat Joe{space}Biden tiba di Tokyo. Menurut Biden, kunjungan itu "
            f"penting. Presiden Ukraina Joe{space}Biden juga hadir.")
    report = checker.check_text(text, lang="id").files[0]
    assert report.error is None
    assert [f.rule for f in report.findings] == ["entity.title-conflict"]


@pytest.mark.parametrize("text", [
    # a deputy named, the head only by office
    ("Wakil Bupati Sleman Budi Santoso membuka rapat. Anggaran itu sejalan dengan visi Bupati Sleman "
     "periode 2025-2030, kata Wakil Bupati Sleman Budi Santoso."),
    # one role without a name, another with one
    ("Presiden Slovenia menolak bertemu utusan itu. Perdana Menteri Slovenia Janez Novak justru menerimanya. "
     "Sebagai Presiden Slovenia, ia tidak memimpin pemerintahan."),
    # a place the gazetteer knows, without a name
    "Presiden Rusia menerima tamu. Perdana Menteri Rusia Mikhail Petrov hadir.",
])
def test_role_followed_by_a_place_is_not_a_person(checker, text):
    assert findings(checker, text, lang="id", rule="entity.title-conflict") == []


@pytest.mark.parametrize("text", [
    ("Bupati Sleman Budi Santoso membuka rapat. Dalam rapat itu, Wakil Bupati Sleman Budi Santoso membacakan "
     "laporan."),
    ("Bupati Sleman menyambut tamu. Bupati Sleman Budi Santoso membuka rapat. Kemudian Wakil Bupati Sleman "
     "Budi Santoso membacakan laporan."),
])
def test_one_person_with_two_roles_is_still_reported(checker, text):
    assert len(findings(checker, text, lang="id", rule="entity.title-conflict")) == 1
