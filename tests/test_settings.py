"""Settings: a configuration file, then overrides, then defaults, resolved once; the CLI and the library give a
configuration the same meaning."""
import datetime as dt
import json
from pathlib import Path

import pytest

from factcheck.checker import Checker
from factcheck.cli import main
from factcheck.errors import ConfigError
from factcheck.lexicon import rules_root
from factcheck.settings import Settings

WRONG_WEEKDAY = "Pameran dibuka pada Kamis (7/12/2021) di balai kota.\n"  # 7 December 2021 was a Tuesday
CONFIG = """enable = ["temporal"]
severity = { "temporal.weekday-mismatch" = "error" }
fail-on = "error"
min-severity = "warning"
"""


@pytest.fixture
def configured(tmp_path) -> Path:
    (tmp_path / ".factcheck.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(WRONG_WEEKDAY, encoding="utf-8")
    return tmp_path


def test_defaults_without_a_configuration(tmp_path):
    settings = Settings.load(start=tmp_path)
    assert settings.config is None and settings.rule_folders == (rules_root(),) and settings.lexicons == ()
    assert (settings.fail_on, settings.min_severity, settings.warn_unused_suppressions) == ("warning", "info", False)
    assert {r.id for r in settings.rules()} == {r.id for r in Checker().rules}


def test_the_configuration_is_found_from_the_start_folder(configured):
    settings = Settings.load(start=configured / "news")
    assert settings.config == configured / ".factcheck.toml"
    assert (settings.fail_on, settings.min_severity) == ("error", "warning")
    rules = {r.id: r.severity for r in settings.rules()}
    assert rules["temporal.weekday-mismatch"] == "error" and not any(r.startswith("quantity.") for r in rules)


def test_overrides_win_over_the_configuration(configured):
    settings = Settings.load(configured / ".factcheck.toml", select=["quantity"], fail_on="info",
                             min_severity="error", warn_unused_suppressions=True)
    assert (settings.fail_on, settings.min_severity, settings.warn_unused_suppressions) == ("info", "error", True)
    assert {r.category for r in settings.rules()} == {"quantity"}  # select replaces the configuration's enable


def test_overrides_add_folders_after_the_configuration_s(tmp_path):
    for name in ("ours", "theirs"):
        (tmp_path / name / "lexicon").mkdir(parents=True)
    (tmp_path / ".factcheck.toml").write_text('rules = ["ours"]\n', encoding="utf-8")
    settings = Settings.load(tmp_path / ".factcheck.toml", rules=[tmp_path / "theirs"])
    assert settings.rule_folders == (rules_root(), tmp_path / "ours", tmp_path / "theirs")
    assert settings.lexicons == (tmp_path / "ours" / "lexicon", tmp_path / "theirs" / "lexicon")


def test_a_configuration_error_names_the_file_and_key(tmp_path):
    (tmp_path / ".factcheck.toml").write_text('languages = ["xx"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.factcheck\.toml: 'languages': no lexicon for xx"):
        Settings.load(tmp_path / ".factcheck.toml")


def test_library_keyword_arguments_override_the_settings(configured):
    settings = Settings.load(configured / ".factcheck.toml")
    checker = Checker(settings, select=["quantity.conflict"], warn_unused_suppressions=True)
    assert [r.id for r in checker.rules] == ["quantity.conflict"] and checker.warn_unused_suppressions
    assert Checker(settings).settings is settings


def test_library_and_command_line_agree_on_a_configuration(configured, capsys, monkeypatch):
    monkeypatch.chdir(configured)
    code = main(["check", "news", "--format", "json"])
    cli = json.loads(capsys.readouterr().out)
    settings = Settings.load(start=configured / "news")
    report = Checker(settings).check_paths(["news"])
    assert [(f.rule, f.severity) for f in report.files[0].findings] == \
        [(f["rule"], f["severity"]) for f in cli["files"][0]["findings"]] == [("temporal.weekday-mismatch", "error")]
    assert code == 1 and settings.fail_on == "error"


def test_library_honours_include_and_exclude(tmp_path):
    (tmp_path / ".factcheck.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    for folder in ("news", "drafts"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(WRONG_WEEKDAY, encoding="utf-8")
    report = Checker(Settings.load(start=tmp_path)).check_paths([tmp_path / "news", tmp_path / "drafts" / "a.txt"],
                                                               published=dt.date(2021, 12, 8))
    assert [Path(f.path).parent.name for f in report.files] == ["news"]
