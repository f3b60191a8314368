"""A bad rule file is reported with its path and the offending field, before any article is read."""
import shutil

import pytest

from factcheck.checks import load_rules
from factcheck.errors import ConfigError
from factcheck.lexicon import rules_root

GOOD = (rules_root() / "temporal" / "invalid-date.yaml").read_text(encoding="utf-8")


def write(tmp_path, text, name="rule.yaml"):
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_good_rule_loads(tmp_path):
    rule = GOOD.replace("id: temporal.invalid-date", "id: temporal.house-invalid-date")
    rules = load_rules([write(tmp_path, rule)])
    assert [r.id for r in rules] == ["temporal.house-invalid-date"]


@pytest.mark.parametrize("old,new,field", [
    ("severity: error", "severity: fatal", "severity"),
    ("check: invalid_date", "check: no_such_check", "check"),
    ("id: temporal.invalid-date", "id: temporal.Bad Id", "id"),
])
def test_bad_field_is_named(tmp_path, old, new, field):
    with pytest.raises(ConfigError) as exc:
        load_rules([write(tmp_path, GOOD.replace(old, new))])
    assert "rule.yaml" in str(exc.value) and f"'{field}'" in str(exc.value)


def test_unknown_key_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="colour"):
        load_rules([write(tmp_path, GOOD + "\ncolour: red\n")])


def test_missing_examples_in_a_language(tmp_path):
    text = (GOOD.split("examples:")[0]
            + "examples:\n  - {lang: id, expect: fail, text: 'x'}\n  - {lang: id, expect: pass, text: 'y'}\n")
    with pytest.raises(ConfigError, match="'en'"):
        load_rules([write(tmp_path, text)])


def test_unknown_parameter(tmp_path):
    text = GOOD.replace("examples:", "params:\n  tolerance: 3\nexamples:")
    with pytest.raises(ConfigError, match="tolerance"):
        load_rules([write(tmp_path, text)])


def test_yaml_syntax_error_names_line(tmp_path):
    with pytest.raises(ConfigError, match=r"rule\.yaml:\d+:\d+"):
        load_rules([write(tmp_path, "id: [unclosed\n")])


def test_yaml_cannot_run_code(tmp_path):
    with pytest.raises(ConfigError):
        load_rules([write(tmp_path, "!!python/object/apply:os.system ['echo hacked']\n")])


def test_duplicate_id_across_folders(tmp_path):
    folder = write(tmp_path, GOOD)
    with pytest.raises(ConfigError, match="also defined"):
        load_rules([rules_root(), folder])


def test_lexicon_folder_is_not_read_as_rules(tmp_path):
    folder = tmp_path / "pack"
    shutil.copytree(rules_root() / "lexicon", folder / "lexicon")
    assert load_rules([folder]) == []


def test_a_pin_on_a_passing_example_is_an_error(tmp_path):
    text = GOOD.replace("    expect: pass\n", "    expect: pass\n    message: Nothing to see.\n", 1)
    assert text != GOOD
    with pytest.raises(ConfigError, match="a passing one finds nothing"):
        load_rules([write(tmp_path, text)])
