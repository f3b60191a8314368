"""How the checker runs the rules: one note per error (a rule's finding replaces those it supersedes on the
same words), a span a rule gives twice is shown once, and without a publication date only the rules that
need one are skipped."""
import datetime as dt

from conftest import finding, rules_of

D = dt.date


def test_one_note_per_error_the_most_specific(checker):
    """A quote dated a year late whose weekday then fails too: one note, the weekday's, whose repair is
    the year the publication date suggests."""
    text = "\"Kami terus memantau,\" kata dia, Senin (20/10/2026)."
    assert [rule for rule, _ in rules_of(checker, text, D(2025, 10, 20))] == ["temporal.weekday-mismatch"]
    f = finding(checker, text, D(2025, 10, 20))
    assert f.suggestion and '"Senin (20/10/2025)"' in f.suggestion


def test_a_date_a_year_late_with_a_wrong_weekday_gets_one_note(checker):
    text = "Pemeriksaan itu selesai, kata dia, Senin (13/12/2022)."
    found = checker.check_text(text, published=dt.date(2021, 12, 13), lang="id").files[0].findings
    assert [f.rule for f in found] == ["temporal.weekday-mismatch"]
    assert '"Senin (13/12/2021)"' in found[0].suggestion


def test_a_span_given_twice_is_evidence_once(checker):
    """A change whose start and end are one range ("dari 40 hingga 30 ribu") points at that range once."""
    text = "Harga beras naik dari 40 hingga 30 ribu rupiah per kilogram."
    [f] = checker.check_text(text, published=D(2024, 1, 1), lang="id").files[0].findings
    assert f.rule == "quantity.change-arithmetic"
    assert [e.text for e in f.evidence] == ["40 hingga 30 ribu rupiah"]



def test_no_publication_date_skips_only_rules_that_need_it(checker):
    report = checker.check_text("Rapat digelar pada Rabu (7/12/2021). Rencananya dimulai secepat awal 2020.", lang="id")
    file = report.files[0]
    assert file.published is None
    assert [f.rule for f in file.findings] == ["temporal.weekday-mismatch"]
    assert any("--published" in n for n in file.notes)
