"""Machine formats for CI: SARIF, GitHub workflow commands, JUnit and Markdown."""
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES, SEED
from factcheck.report import renderer
from factcheck.report.github import escape_data, escape_property

SCHEMA = FIXTURES / "sarif-schema-2.1.0.json"  # the official schema, shipped with the tests


@pytest.fixture(scope="module")
def report(checker):
    return checker.check_paths([str(SEED), "no/such/file.txt"])


def test_sarif_structure(report, checker):
    data = json.loads(renderer("sarif")(report, rules=checker.rules))
    run = data["runs"][0]
    assert data["version"] == "2.1.0"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "quantity.conflict" in ids
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["quantity.conflict", "temporal.planned-before-publication"]
    conflict = results[0]
    loc = conflict["locations"][0]["physicalLocation"]
    uri = loc["artifactLocation"]["uri"]
    assert uri == "seeds/000_0004280dd5a0e338.txt" or uri.endswith("seeds/000_0004280dd5a0e338.txt")
    assert not loc["artifactLocation"]["uri"].startswith("./")
    assert loc["region"]["startLine"] == 16 and loc["region"]["startColumn"] == 34
    assert loc["region"]["snippet"]["text"] == "175.000 Tentara"
    assert conflict["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "sekitar 70.000 tentara"
    assert ids[conflict["ruleIndex"]] == "quantity.conflict"
    assert len(conflict["partialFingerprints"]["factcheck/v1"]) == 24
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes and "no such file" in notes[0]["message"]["text"]


def test_sarif_validates_against_the_schema(report, checker):
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(renderer("sarif")(report, rules=checker.rules)), schema)


def test_fingerprints_are_stable_across_unrelated_edits(checker):
    text = SEED.read_text(encoding="utf-8")
    a = checker.check_text(text).files[0].findings
    edited = "Catatan redaksi.\n\n" + text.replace("Gedung Putih dan Kremlin", "Gedung Putih serta Kremlin")
    b = checker.check_text(edited).files[0].findings
    assert [x.fingerprint for x in a] == [x.fingerprint for x in b]
    assert [x.evidence[0].line for x in a] != [x.evidence[0].line for x in b]


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_commands_order_and_paths(checker):
    text = ("---\ndate: 2025-10-20\nlang: id\n---\nSidang dibuka Senin (20/20/2025).\n"
            "Rapat digelar Rabu (7/10/2025), kata dia.\n")
    report = checker.check_text(text)
    report = report.model_copy(
        update={"files": tuple(f.model_copy(update={"path": "./news/a.md"}) for f in report.files)})
    lines = renderer("github")(report).splitlines()
    assert lines[0].startswith(
        "::error file=news/a.md,line=5,col=15,endLine=5,endColumn=33,title=temporal.invalid-date::")
    assert lines[1].startswith("::warning file=news/a.md,line=6,")
    assert "%0AFix: " in lines[0]  # the suggestion on its own line, newline escaped


def test_junit_one_case_per_file(report):
    root = ET.fromstring(renderer("junit")(report))
    cases = root.findall(".//testcase")
    assert len(cases) == 2
    failure = cases[0].find("failure")
    assert failure is not None and failure.text and "quantity.conflict" in failure.text
    assert cases[1].find("error") is not None


def test_markdown_escapes_table_cells(checker):
    report = checker.check_text("Rapat digelar Rabu (7/12/2021) | penting.",
                                published=__import__("datetime").date(2021, 12, 8), lang="id")
    md = renderer("markdown")(report)
    assert md.startswith("## factcheck") and "| 1:15 | warning | `temporal.weekday-mismatch` |" in md


def test_sarif_fixes_apply_the_suggested_repair(report, checker):
    results = json.loads(renderer("sarif")(report, rules=checker.rules))["runs"][0]["results"]
    planned = next(r for r in results if r["ruleId"] == "temporal.planned-before-publication")
    assert "fixes" not in results[0]  # two troop figures: no one right replacement
    (fix,) = planned["fixes"]
    (change,) = fix["artifactChanges"]
    (edit,) = change["replacements"]
    region, inserted = edit["deletedRegion"], edit["insertedContent"]["text"]
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines[region["startLine"] - 1]
    assert region["endLine"] == region["startLine"]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "awal 2020" and inserted == "awal 2022"


def test_replacements_offer_each_repair_and_none_inside_a_quote(checker):
    import datetime as dt

    (weekday,) = checker.check_text("Rapat digelar pada Rabu (7/12/2021) di Jakarta.", published=dt.date(2021, 12, 8),
                                    lang="id").files[0].findings
    assert weekday.replacements[0] == "Selasa (7/12/2021)"  # the weekday repaired first, as the suggestion says
    assert all(r in weekday.suggestion for r in weekday.replacements)
    quoted = checker.check_text("Ia berkata, “Rapat digelar pada Rabu (7/12/2021) di Jakarta.”",
                                published=dt.date(2021, 12, 8), lang="id").files[0].findings
    assert quoted[0].in_quote and quoted[0].replacements == ()
