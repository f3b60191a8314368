"""temporal.weekday-mismatch: a weekday that does not fall on its date, and the repairs it suggests."""
import datetime as dt

from conftest import finding, rules_of

D = dt.date
PUB = D(2024, 9, 10)  # a Tuesday


def test_weekday_mismatch_suggests_both_repairs(checker):
    f = finding(checker, "Rapat digelar pada Rabu (7/12/2021).", D(2021, 12, 8))
    assert f.rule == "temporal.weekday-mismatch"
    assert "Selasa" in f.message and "Rabu" in f.message
    assert f.suggestion and '"Selasa (7/12/2021)"' in f.suggestion and '"Rabu (8/12/2021)"' in f.suggestion
    assert f.reasoning and "7 Desember 2021 adalah hari Selasa" in f.reasoning


def test_wrong_year_is_suggested_near_publication(checker):
    # 7/10/2024 is a Monday; in the publication year 7/10/2025 is the stated Tuesday.
    f = finding(checker, "Ia ditangkap pada Selasa (7/10/2024) malam.", D(2025, 10, 7),
                rule="temporal.weekday-mismatch")
    assert f.suggestion and '"Selasa (7/10/2025)"' in f.suggestion


def test_year_less_dates(checker):
    # Far from publication: placed in the year where the weekday fits, not an error.
    assert rules_of(checker, "\"Kami masih mendalami,\" ujar dia, Senin (2/12).", D(2025, 10, 22)) == []
    assert rules_of(checker, "Putusan dibacakan pada Senin (1/2).", D(2025, 12, 9)) == []
    # Close to publication: read in that year and checked.
    assert rules_of(checker, "Pameran ditutup pada Sabtu (19/10).", D(2025, 10, 20)) == \
        [("temporal.weekday-mismatch", "Sabtu (19/10)")]
    # A full date elsewhere gives the year.
    text = "Sidang pertama digelar 2 Desember 2024. Hakim membacakan putusan pada Senin (2/12)."
    assert rules_of(checker, text, D(2025, 1, 20)) == []


def test_last_years_year_typed_in_january(checker):
    f = finding(checker, "Polisi memeriksa saksi pada Kamis (10/1/2018).", D(2019, 1, 10),
                rule="temporal.weekday-mismatch")
    assert f.suggestion and '"Kamis (10/1/2019)"' in f.suggestion


def test_entities_in_scraped_text_do_not_hide_a_date(checker):
    f = finding(checker, "Rapat digelar pada Rabu&nbsp;(7/12/2021).", D(2021, 12, 8), rule="temporal.weekday-mismatch")
    assert f.evidence[0].text == "Rabu&nbsp;(7/12/2021)"


def test_date_missing_its_closing_bracket_is_still_checked(checker):
    text = "\"Kami siap,\" ujar kepala dinas itu, Kamis (11/9/2024.\nIa menambahkan bahwa stok aman."
    assert ("temporal.weekday-mismatch", "Kamis (11/9/2024") in rules_of(checker, text, PUB, rule="temporal")
