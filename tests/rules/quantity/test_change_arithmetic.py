"""quantity.change-arithmetic: a change (rose 20 percent, fell from 400 to 450) that its figures contradict."""
import datetime as dt

import pytest

from conftest import finding, findings, rule_ids

PUBLISHED = dt.date(2025, 10, 20)


@pytest.mark.parametrize("text,lang", [
    ("Suku bunga naik 2 persen dari 5 persen menjadi 7 persen.", "id"),  # percentage points
    ("Harga naik 20 persen dari Rp 1,5 juta menjadi Rp 1,8 juta.", "id"),
    ("Tingkat hunian turun dari 50 hingga 30 persen.", "id"),
    ("The rate was cut to 32 percent from 35 percent.", "en"),
])
def test_changes_that_add_up(checker, text, lang):
    assert [f.rule for f in findings(checker, text, lang=lang) if f.rule.startswith("quantity.")] == []


def test_a_change_in_the_wrong_direction(checker):
    f = finding(checker, "Jumlah pengunjung turun dari 400 orang menjadi 450 orang.", rule="quantity.change-arithmetic")
    assert f.message.startswith('"turun"')


def test_a_change_of_the_wrong_size_names_the_right_one(checker):
    f = finding(checker, "Harga naik 20 persen dari Rp 100.000 menjadi Rp 150.000.", rule="quantity.change-arithmetic")
    assert f.reasoning and "50 persen" in f.reasoning and f.evidence[0].text == "20 persen"


@pytest.mark.parametrize("text", [
    # "memangkas" and "kenaikan": which way the count of hikes went is in doubt
    "Para analis memangkas perkiraan kenaikan harga BBM dari tiga kali menjadi satu kali tahun depan.",
    # the end and start are written out; the range after them starts another change
    "Upah harian naik menjadi Rp 150 ribu dari Rp 120 ribu, uang makan menjadi Rp 40 ribu dari Rp 25-30 ribu.",
])
def test_changes_read_from_the_right_figures(checker, text):
    assert rule_ids(checker, text, PUBLISHED, rule="quantity") == []


def test_a_wrong_change_is_still_reported(checker):
    text = "Upah harian naik 50 persen menjadi Rp 150 ribu dari Rp 120 ribu."
    assert rule_ids(checker, text, PUBLISHED, rule="quantity") == ["quantity.change-arithmetic"]
