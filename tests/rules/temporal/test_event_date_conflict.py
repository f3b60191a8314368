"""temporal.event-date-conflict: one event given two dates, or a bare weekday or month its date does not
fall on. The forms that must be flagged and those that must stay silent."""
import datetime as dt

import pytest

from conftest import finding, findings, rules_of

D = dt.date
PUB = D(2021, 12, 9)  # a Thursday; 8 December 2021 is a Wednesday
RULE = "temporal.event-date-conflict"


def test_a_restated_date_is_explained(checker):
    f = finding(checker, "Pilkada serentak berlangsung pada 9 Desember 2020 di 270 daerah. Pilkada serentak "
                     "berlangsung pada 8 Desember 2020 di 270 daerah.", rule="temporal.event-date-conflict")
    assert [e.text for e in f.evidence] == ["9 Desember 2020", "8 Desember 2020"]
    assert f.reasoning and "Rabu, 9 Desember 2020" in f.reasoning and "Selasa, 8 Desember 2020" in f.reasoning


@pytest.mark.parametrize("text,lang", [
    # A chronology opens its sentences alike; what follows differs.
    (("In 1992, the battalion took part in the battle of Kupres. In 1993, the battalion took part in "
      "Operation Maslenica."), "en"),
    ("PT Maju didirikan pada 1990 di Bandung. PT Jaya didirikan pada 1995 di Bandung.", "id"),
    (("Game Alpha bakal meluncur di PS5 pada 31 Agustus 2023 mendatang. Game Beta bakal meluncur di PS5 "
      "pada 26 Mei 2023 mendatang."), "id"),
])
def test_different_events_in_like_words(checker, text, lang):
    assert findings(checker, text, D(2023, 3, 1), lang, "temporal.event-date-conflict") == []


def test_one_birth_two_dates(checker):
    f = finding(checker, "Andi Wijaya lahir pada 1980 di Bandung. Sejak kecil, Andi Wijaya yang lahir pada 1982 "
                     "gemar membaca.", rule="temporal.event-date-conflict")
    assert "lahir" in f.message and "Andi Wijaya" in f.message


def test_listing_deadlines_are_not_one_event_dated_twice(checker):
    text = ("Lowongan 1. Staf Keuangan. Persyaratan: pendidikan minimal S1 akuntansi, bersedia ditempatkan di Jakarta "
            "Batas akhir pendaftaran: 30 Maret 2023. Lowongan 2. Staf Gudang. Batas akhir pendaftaran: 1 Maret 2023.")
    assert [r for r, _ in rules_of(checker, text, D(2023, 2, 27))] == []


def test_same_sentence_pattern_over_a_list_is_not_one_event(checker):
    text = ("Seri A jatuh tempo pada 15 Mei 2030 ini meraih penawaran Rp 5 triliun. "
            "Seri B jatuh tempo pada 15 Juni 2035 ini meraih penawaran Rp 3 triliun. "
            "Seri C jatuh tempo pada 15 Juli 2040 ini meraih penawaran Rp 2 triliun.")
    assert rules_of(checker, text, PUB, rule="temporal") == []


FLAGGED = [
    # the same sentence restated, once with a bare weekday
    ("id", ("Sidang perdana kasus itu digelar di pengadilan negeri pada Selasa. Hakim lalu menunda sidang. "
            "Sidang perdana kasus itu digelar di pengadilan negeri pada Rabu (8/12/2021)."),
     '"Selasa" vs "Rabu (8/12/2021)": 8 Desember 2021 jatuh pada hari Rabu'),
    ("en", ("The first hearing was held at the district court on Tuesday. The judge then adjourned. "
            "The first hearing was held at the district court on Dec. 8, 2021."),
     '"Tuesday" vs "Dec. 8, 2021": December 8, 2021 falls on a Wednesday'),
    # an event that happens once to its subject
    ("id", "Budi Santoso meninggal pada Senin di rumahnya. Budi Santoso meninggal pada 8 Desember 2021 karena sakit.",
     '"Senin" vs "8 Desember 2021": 8 Desember 2021 jatuh pada hari Rabu'),
    ("en", "Mary Jones was born on a Monday in Texas, her mother said. Mary Jones was born on July 14, 1985.",
     '"Monday" vs "July 14, 1985": July 14, 1985 falls on a Sunday'),
    # a bare month, for an event that happens once
    ("id", "Rina Kartika lahir pada Juni di Medan. Rina Kartika lahir pada 14 Juli 1985 dan besar di kota itu.",
     '"Juni" vs "14 Juli 1985": 14 Juli 1985 jatuh pada bulan Juli'),
    ("en", "Acme Robotics was founded in March in Ohio. Acme Robotics was founded on April 2, 2015.",
     '"March" vs "April 2, 2015": April 2, 2015 is in April'),
]


@pytest.mark.parametrize("lang,text,message", FLAGGED)
def test_bare_weekday_or_month_against_a_date_is_flagged(checker, lang, text, message):
    found = findings(checker, text, PUB, lang, RULE)
    assert [f.message.rstrip(".") for f in found] == [message]
    assert found[0].reasoning


SILENT = [
    # different events: two rounds, not one
    ("id", ("Babak pertama digelar di pengadilan negeri pada Selasa. "
            "Babak kedua digelar di pengadilan negeri pada Rabu (8/12/2021).")),
    ("en", ("The first round was held at the district court on Tuesday. "
            "The second round was held at the district court on Dec. 8, 2021.")),
    # a weekday with a direction is a relative date, which the relative-date rule reads
    ("id", ("Sidang perdana kasus itu digelar di pengadilan negeri pada Selasa lalu. "
            "Sidang perdana kasus itu digelar di pengadilan negeri pada Rabu (8/12/2021).")),
    ("id", ("Sidang perdana kasus itu digelar di pengadilan negeri pada Selasa depan. "
            "Sidang perdana kasus itu digelar di pengadilan negeri pada Rabu (8/12/2021).")),
    ("en", ("The first hearing was held at the district court last Tuesday. "
            "The first hearing was held at the district court on Dec. 8, 2021.")),
    ("en", ("The first hearing will be held at the district court next Tuesday. "
            "The first hearing will be held at the district court on Dec. 8, 2021.")),
    # the weekday the date falls on
    ("id", ("Sidang perdana kasus itu digelar di pengadilan negeri pada Rabu. Hakim lalu menunda sidang. "
            "Sidang perdana kasus itu digelar di pengadilan negeri pada Rabu (8/12/2021).")),
    ("en", "Budi Santoso died on Wednesday at his home. Budi Santoso died on December 8, 2021, after an illness."),
    # a weekday inside a quote is said of its own time
    ("id", ("\"Sidang perdana kasus itu digelar di pengadilan negeri pada Selasa,\" kata jaksa. "
            "Sidang perdana kasus itu digelar di pengadilan negeri pada Rabu (8/12/2021).")),
    # a bare weekday far from the event: another clause, another sentence
    ("id", ("Sidang perdana kasus itu digelar di pengadilan negeri pada Rabu (8/12/2021). "
            "Pada Selasa, jaksa menyerahkan berkas.")),
    ("id", "Budi Santoso meninggal pada 8 Desember 2021 karena sakit. Keluarganya mengumumkan kabar itu pada Senin."),
    # a part of a day is not a bare weekday
    ("id", ("Sidang perdana kasus itu digelar di pengadilan negeri pada Selasa malam. "
            "Sidang perdana kasus itu digelar di pengadilan negeri pada Rabu (8/12/2021).")),
    # a month with a direction or a part of it, and the month the date is in
    ("id", "Rina Kartika lahir pada Juni lalu di Medan. Rina Kartika lahir pada 14 Juli 2021 di rumah sakit."),
    ("id", "Rina Kartika lahir pada awal Juni di Medan. Rina Kartika lahir pada 14 Juli 1985 dan besar di kota itu."),
    ("id", "Rina Kartika lahir pada Juli di Medan. Rina Kartika lahir pada 14 Juli 1985 dan besar di kota itu."),
]


@pytest.mark.parametrize("lang,text", SILENT)
def test_forms_that_stay_silent(checker, lang, text):
    assert findings(checker, text, PUB, lang, RULE) == []


def test_quote_marks_alone_keep_the_quoted_weekday_silent(checker):
    """The quoted form above is silent for its quote: the same words unquoted are flagged."""
    text = ("Sidang perdana kasus itu digelar di pengadilan negeri pada Selasa, kata jaksa. "
            "Sidang perdana kasus itu digelar di pengadilan negeri pada Rabu (8/12/2021).")
    assert len(findings(checker, text, PUB, "id", RULE)) == 1
