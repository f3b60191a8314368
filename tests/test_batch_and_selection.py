"""A bug met on one article never ends a batch; the default rule set is the precise one; one note per
error; the lede on a dateline's line is checked."""
import datetime as dt
import json
import re

import pytest

from conftest import crash_extraction
from factcheck import Checker
from factcheck.checks import CHECKS, check, load_rules, select_rules
from factcheck.cli import main
from factcheck.errors import ConfigError
from factcheck.ingest import article_from_text
from factcheck.lexicon import rules_root

WEEKDAY = (rules_root() / "temporal" / "weekday-mismatch.yaml").read_text(encoding="utf-8")
BAD_WEEKDAY = "Rapat digelar pada Rabu (7/12/2021) di Jakarta."


@pytest.fixture
def exploding_rules(tmp_path):
    """A rule folder with a rule whose check kind raises on any article that mentions `meledak`."""
    @check("explodes_on_a_word")
    def explodes(ctx, params):
        """Raises: stands for a bug in a check."""
        if "meledak" in ctx.article.text:
            raise ZeroDivisionError("division by zero")
        return []

    folder = tmp_path / "pack"
    folder.mkdir()
    rule = (WEEKDAY.replace("id: temporal.weekday-mismatch", "id: temporal.house-explodes")
            .replace("check: weekday_mismatch", "check: explodes_on_a_word")
            .replace("supersedes:", "# supersedes:"))
    rule = rule[:rule.index("variants:")] + rule[rule.index("examples:"):]
    (folder / "explodes.yaml").write_text(rule, encoding="utf-8")
    yield folder
    del CHECKS["explodes_on_a_word"]


def test_a_crashing_check_becomes_that_articles_error(tmp_path, exploding_rules):
    (tmp_path / "a.txt").write_text(BAD_WEEKDAY + " Gudang itu meledak.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(BAD_WEEKDAY + "\n", encoding="utf-8")
    checker = Checker(rules=load_rules([rules_root(), exploding_rules]))
    report = checker.check_paths([tmp_path / "a.txt", tmp_path / "b.txt"], published=dt.date(2021, 12, 8))
    bad, good = report.files
    assert bad.error and "temporal.house-explodes" in bad.error and "ZeroDivisionError" in bad.error
    assert "report" in bad.error
    assert not bad.findings
    assert good.error is None and [f.rule for f in good.findings] == ["temporal.weekday-mismatch"]
    assert report.summary.errors == 1


def test_a_crashing_record_does_not_end_an_export(tmp_path, exploding_rules, capsys):
    export = tmp_path / "ekspor.jsonl"
    export.write_text("\n".join(json.dumps(r) for r in [
        {"id": "satu", "text": "Gudang itu meledak kemarin.", "published": "2021-12-08"},
        {"id": "dua", "text": BAD_WEEKDAY, "published": "2021-12-08"}]) + "\n", encoding="utf-8")
    written = tmp_path / "laporan.txt"
    status = main(["check", str(export), "--rules", str(exploding_rules), "--format", "json", "--jobs", "1",
                   "--output", str(written)])
    assert status == 2
    files = json.loads(capsys.readouterr().out)["files"]
    assert [f["path"] for f in files] == [f"{export}#satu", f"{export}#dua"]
    assert "temporal.house-explodes" in files[0]["error"]
    assert [f["rule"] for f in files[1]["findings"]] == ["temporal.weekday-mismatch"]
    text = written.read_text(encoding="utf-8")  # the report written to --output holds both as well
    assert "temporal.house-explodes" in text and "temporal.weekday-mismatch" in text


def test_a_crash_in_extraction_names_the_stage(monkeypatch):
    crash_extraction(monkeypatch, "", KeyError("no such key"))  # on every article
    report = Checker().check_text(BAD_WEEKDAY, published=dt.date(2021, 12, 8), lang="id")
    error = report.files[0].error
    assert error and "extraction" in error and "KeyError" in error


def test_experimental_rules_answer_only_to_their_id(tmp_path):
    rule = WEEKDAY.replace("id: temporal.weekday-mismatch", "id: temporal.house-weekday").replace(
        "supersedes:", "experimental: {precision: 0.5, measured: 1 right of 2 findings}\n# supersedes:")
    (tmp_path / "house.yaml").write_text(rule, encoding="utf-8")
    rules = load_rules([rules_root(), tmp_path])
    ids = lambda selected: {r.id for r in selected}  # noqa: E731
    assert "temporal.house-weekday" not in ids(select_rules(rules))
    assert "temporal.house-weekday" not in ids(select_rules(rules, ["temporal"]))
    assert "temporal.house-weekday" not in ids(select_rules(rules, ["*"]))
    assert ids(select_rules(rules, ["temporal.house-weekday"])) == {"temporal.house-weekday"}
    assert "temporal.house-weekday" in ids(select_rules(rules, ["experimental"]))
    assert "temporal.weekday-mismatch" in ids(select_rules(rules, "temporal"))  # a string is one selector


@pytest.mark.parametrize("selector", ["nosuch", "tempral.*", "weekday-mismatch"])
def test_a_selector_that_names_no_rule_is_an_error(selector, capsys):
    with pytest.raises(ConfigError, match=f"^the select setting: '{re.escape(selector)}' names no rule"):
        Checker(select=[selector])  # a library user never set a flag
    assert main(["check", "-", "--select", selector]) == 2
    assert f"factcheck: --select: '{selector}' names no rule" in capsys.readouterr().err


def test_rules_list_shows_which_are_on(capsys):
    main(["rules"])
    listed = capsys.readouterr().out.splitlines()
    assert all(" on " in line or " experimental (precision " in line for line in listed), listed
    default = {r.id for r in select_rules(load_rules())}
    assert {line.split()[0] for line in listed if " on " in line} == default


def test_supersedes_must_name_a_rule(tmp_path):
    rule = WEEKDAY.replace("id: temporal.weekday-mismatch", "id: temporal.house-weekday").replace(
        "temporal.planned-before-publication]", "temporal.no-such-rule]")
    (tmp_path / "house.yaml").write_text(rule, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"supersedes.*no-such-rule"):
        load_rules([rules_root(), tmp_path])


@pytest.mark.parametrize("lede,flagged", [
    ("WASHINGTON, March 10, 2021 (AP) — The council voted on Wednesday, March 9, 2021, to pass it.", True),
    ("WASHINGTON, March 10, 2021 (AP) — The council voted on Tuesday, March 9, 2021, to pass it.", False),
])
def test_the_lede_after_a_dateline_is_checked(checker, lede, flagged):
    file = checker.check_text(f"Council passes budget\n\n{lede}\n\nThe mayor welcomed it.\n", lang="en").files[0]
    assert file.published == dt.date(2021, 3, 10)  # the dateline still dates the article
    assert [f.rule for f in file.findings] == (["temporal.weekday-mismatch"] if flagged else [])


def test_a_dateline_with_its_time_stays_one_segment():
    article = article_from_text("Judul berita\nKompas.com - 05/12/2021, 10:16 WIB\n\nIsi berita di sini.\n", lang="id")
    assert [s.kind for s in article.segments] == ["headline", "dateline", "body"]
    assert article.published == dt.date(2021, 12, 5)
