"""The sample article and its English rendering: exactly the two known inconsistencies, nothing else."""
import datetime as dt

import factcheck
from conftest import FIXTURES, SEED


def _by_rule(report):
    return {f.rule: f for f in report.files[0].findings}


def test_seed_reports_exactly_the_two_inconsistencies():
    report = factcheck.check_file(SEED)
    file = report.files[0]
    assert file.published == dt.date(2021, 12, 5) and file.published_source == "dateline"
    assert file.language == "id"
    found = _by_rule(report)
    assert sorted(found) == ["quantity.conflict", "temporal.planned-before-publication"]

    planned = found["temporal.planned-before-publication"]
    assert [e.text for e in planned.evidence] == ["awal 2020"]
    assert '"awal 2022"' in planned.suggestion
    assert "secepat" in planned.message

    conflict = found["quantity.conflict"]
    assert [e.text for e in conflict.evidence] == ["175.000 Tentara", "sekitar 70.000 tentara"]
    assert conflict.evidence[0].note and "Baca juga" in conflict.evidence[0].note  # from a linked headline
    assert conflict.evidence[1].note is None
    assert "Rusia" in conflict.message

    text = SEED.read_text(encoding="utf-8")
    for f in file.findings:
        for e in f.evidence:
            assert text[e.start:e.end] == e.text
            line_start = text.rfind("\n", 0, e.start) + 1
            assert e.line == text.count("\n", 0, e.start) + 1
            assert e.column == e.start - line_start + 1


def test_english_rendering_gives_the_same_two():
    report = factcheck.check_file(FIXTURES / "seed_en.txt")
    file = report.files[0]
    assert file.language == "en" and file.published == dt.date(2021, 12, 5)
    found = _by_rule(report)
    assert sorted(found) == ["quantity.conflict", "temporal.planned-before-publication"]
    assert [e.text for e in found["quantity.conflict"].evidence] == ["175,000 Troops", "about 70,000 troops"]
    assert '"early 2022"' in found["temporal.planned-before-publication"].suggestion


def test_checker_api_agrees_with_module_functions():
    text = SEED.read_text(encoding="utf-8")
    checker = factcheck.Checker()
    a = checker.check_text(text)
    b = factcheck.check_text(text)
    assert a.files[0].findings == b.files[0].findings
    assert isinstance(a, factcheck.Report)


def test_select_limits_rules():
    report = factcheck.Checker(select=["quantity"]).check_file(SEED)
    assert [f.rule for f in report.files[0].findings] == ["quantity.conflict"]
    report = factcheck.Checker(select=["temporal.*"]).check_file(SEED)
    assert [f.rule for f in report.files[0].findings] == ["temporal.planned-before-publication"]
