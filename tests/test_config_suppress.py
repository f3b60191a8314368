"""Configuration files, inline suppressions and baselines."""
import datetime as dt

import pytest

from factcheck.baseline import read_baseline, without_baseline, write_baseline
from factcheck.checker import Checker
from factcheck.config import find_config
from factcheck.errors import ConfigError
from factcheck.settings import Settings

BAD_WEEKDAY = "Rapat digelar pada Rabu (7/12/2021) di Jakarta."


def test_config_found_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\ndisable = ['quantity']\n", encoding="utf-8")
    (tmp_path / "news" / "2021").mkdir(parents=True)
    assert find_config(tmp_path / "news" / "2021") == tmp_path / "pyproject.toml"
    (tmp_path / "news" / ".factcheck.toml").write_text("fail-on = 'error'\n", encoding="utf-8")
    assert find_config(tmp_path / "news" / "2021") == tmp_path / "news" / ".factcheck.toml"


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    found = find_config(tmp_path)
    assert found is None or found.parent != tmp_path


@pytest.mark.parametrize("body,key", [("colour = 'red'\n", "colour"), ("enable = ['temporal.nope']\n", "enable"),
                                      ("severity = {'quantity.conflict' = 'fatal'}\n", "severity"),
                                      ("languages = ['fr']\n", "languages")])
def test_bad_config_names_file_and_key(tmp_path, body, key):
    path = tmp_path / ".factcheck.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        Settings.load(path).rules()
    assert str(path) in str(exc.value) and key in str(exc.value)


def test_enable_disable_and_severity(tmp_path):
    path = tmp_path / ".factcheck.toml"
    path.write_text("enable = ['temporal']\ndisable = ['temporal.invalid-*']\n"
                    "severity = {'temporal.weekday-mismatch' = 'error'}\n", encoding="utf-8")
    rules = Settings.load(path).rules()
    ids = {r.id: r.severity for r in rules}
    assert "quantity.conflict" not in ids and "temporal.invalid-date" not in ids
    assert ids["temporal.weekday-mismatch"] == "error"


def test_include_exclude(tmp_path):
    path = tmp_path / ".factcheck.toml"
    path.write_text("include = ['news/**']\nexclude = ['news/archive/**']\n", encoding="utf-8")
    settings = Settings.load(path)
    assert settings.selected(tmp_path / "news" / "a.md")
    assert not settings.selected(tmp_path / "news" / "archive" / "b.md")
    assert not settings.selected(tmp_path / "drafts" / "c.md")


def findings(text, **kw):
    return Checker(**kw).check_text(text, published=dt.date(2021, 12, 8), lang="id").files[0].findings


def test_disable_next_line_suppresses_exactly_one():
    text = "<!-- factcheck-disable-next-line temporal.weekday-mismatch -->\n" + BAD_WEEKDAY + "\n" + BAD_WEEKDAY + "\n"
    assert [f.evidence[0].line for f in findings(text)] == [3]


def test_block_suppression_and_enable():
    text = ("<!-- factcheck-disable temporal -->\n" + BAD_WEEKDAY + "\n" + BAD_WEEKDAY + "\n<!-- factcheck-enable -->\n"
            + BAD_WEEKDAY + "\n")
    assert [f.evidence[0].line for f in findings(text)] == [5]


def test_other_rule_is_not_suppressed():
    text = "<!-- factcheck-disable-next-line quantity.conflict -->\n" + BAD_WEEKDAY + "\n"
    assert [f.rule for f in findings(text)] == ["temporal.weekday-mismatch"]


def test_front_matter_disable():
    text = "---\nfactcheck:\n  disable: [temporal.weekday-mismatch]\n---\n" + BAD_WEEKDAY + "\n"
    assert findings(text) == ()


def test_unused_suppression_is_reported_when_asked():
    text = "<!-- factcheck-disable-next-line quantity.conflict -->\n" + BAD_WEEKDAY + "\n"
    assert [f.rule for f in findings(text, warn_unused_suppressions=True)] == [
        "factcheck.unused-suppression", "temporal.weekday-mismatch"]
    used = "<!-- factcheck-disable-next-line -->\n" + BAD_WEEKDAY + "\n"
    assert findings(used, warn_unused_suppressions=True) == ()


def test_baseline_hides_recorded_findings_only(tmp_path, checker):
    old = checker.check_text(BAD_WEEKDAY, published=dt.date(2021, 12, 8), lang="id", path="a.md")
    target = tmp_path / "baseline.json"
    assert write_baseline(old, target) == 1
    moved = checker.check_text("Paragraf baru.\n\n" + BAD_WEEKDAY + "\nRapat lain pada Kamis (7/12/2021).",
                               published=dt.date(2021, 12, 8), lang="id", path="a.md")
    left = without_baseline(moved, read_baseline(target))
    assert [f.evidence[0].text for f in left.files[0].findings] == ["Kamis (7/12/2021)"]


def test_baseline_errors(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        read_baseline(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a factcheck baseline"):
        read_baseline(tmp_path / "bad.json")
