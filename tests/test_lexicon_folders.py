"""Newsroom lexicon folders: merged over the built-in lexicons, from the configuration, the command line or a
rule folder's lexicon/; a file for a new language adds the language."""
import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from factcheck.checker import Checker
from factcheck.checks.rules import Localized
from factcheck.cli import main
from factcheck.errors import ConfigError
from factcheck.lexicon import builtin_lexicons, languages, load_lexicon, merge, rules_root
from factcheck.settings import Settings
from factcheck.timex import find_times

# "hulubalang" is no troop word of the built-in Indonesian lexicon; the newsroom adds it.
TROOPS = "units:\n  troops:\n    words: [hulubalang]\n"
ARTICLE = "Mataram mengerahkan 9.000 hulubalang ke utara. Mataram lalu mengerahkan 2.000 hulubalang.\n"
PUBLISHED = dt.date(2024, 3, 1)


def lexicon_folder(path: Path, files: dict[str, str]) -> Path:
    path.mkdir(parents=True)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def measures(argv: list[str], capsys) -> set[str]:
    """The measures of the quantity claims `factcheck graph` exports."""
    assert main(argv) == 0
    graph = json.loads(capsys.readouterr().out)
    return {n["measure"] for n in graph["nodes"] if n.get("measure")}


def test_merge_extends_lists_and_updates_mappings():
    base = {"units": {"troops": {"words": ["tentara"], "subject_comparable": True}}, "name": "Indonesian"}
    over = {"units": {"troops": {"words": ["hulubalang", "tentara"]}, "ships": {"words": ["kapal"]}}, "name": "X"}
    assert merge(base, over) == {"units": {"troops": {"words": ["tentara", "hulubalang"], "subject_comparable": True},
                                           "ships": {"words": ["kapal"]}}, "name": "X"}


def test_a_lexicon_folder_adds_a_unit_word_to_the_builtin_lexicon(tmp_path):
    folder = lexicon_folder(tmp_path / "lex", {"id.yaml": TROOPS})
    assert load_lexicon("id").unit_of.get("hulubalang") is None
    merged = load_lexicon("id", [folder])
    assert merged.unit_of["hulubalang"] == "troops" and merged.unit_of["tentara"] == "troops"  # the built-in stay
    assert load_lexicon("id").unit_of.get("hulubalang") is None  # each set of folders is its own lexicon


def test_a_unit_word_from_the_command_line(tmp_path, capsys):
    lexicon_folder(tmp_path / "lex", {"id.yaml": TROOPS})
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    argv = ["graph", str(tmp_path / "a.txt"), "--lang", "id", "--published", "2024-03-01"]
    assert "troops" not in measures(argv, capsys)
    assert "troops" in measures([*argv, "--lexicon", str(tmp_path / "lex")], capsys)


def test_a_unit_word_from_the_configuration(tmp_path, capsys):
    lexicon_folder(tmp_path / "newsroom" / "lexicon", {"id.yaml": TROOPS})
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    argv = ["graph", str(tmp_path / "news" / "a.txt"), "--lang", "id", "--published", "2024-03-01"]
    (tmp_path / ".factcheck.toml").write_text('lexicons = ["newsroom/lexicon"]\n', encoding="utf-8")
    assert "troops" in measures(argv, capsys)
    (tmp_path / ".factcheck.toml").write_text('rules = ["newsroom"]\n', encoding="utf-8")  # a rule folder's lexicon/
    assert "troops" in measures(argv, capsys)


def test_a_library_rule_folder_brings_its_lexicon(tmp_path):
    lexicon_folder(tmp_path / "newsroom" / "lexicon", {"id.yaml": TROOPS})
    checker = Checker(rule_dirs=[rules_root(), tmp_path / "newsroom"])
    assert checker.settings.lexicons == (tmp_path / "newsroom" / "lexicon",)  # the built-in one is the base
    assert checker.extractor("id").lex.unit_of["hulubalang"] == "troops"


def test_a_bad_newsroom_lexicon_is_a_configuration_error_naming_its_file(tmp_path):
    folder = lexicon_folder(tmp_path / "lex", {"id.yaml": "units:\n  troops:\n    wordz: [hulubalang]\n"})
    with pytest.raises(ConfigError, match=r"lex/id\.yaml: field 'units\.troops\.wordz'"):
        Checker(Settings.load(lexicons=[folder]))
    with pytest.raises(ConfigError, match="lexicon folder not found"):
        Settings.load(lexicons=[tmp_path / "nowhere"])


@pytest.fixture
def malay(tmp_path) -> Path:
    """A lexicon folder adding Malay: the Indonesian file with its own name and weekday spellings."""
    data = yaml.safe_load((builtin_lexicons() / "id.yaml").read_text(encoding="utf-8"))
    data.update(language="ms", name="Malay")
    data["weekdays"] = {**data["weekdays"], "isnin": 0}
    return lexicon_folder(tmp_path / "lex", {"ms.yaml": yaml.safe_dump(data, allow_unicode=True)})


def test_a_new_language_file_adds_the_language(malay):
    assert "ms" not in languages()
    assert "ms" in languages([malay])
    assert load_lexicon("ms", [malay]).weekday("Isnin") == 0
    with pytest.raises(ConfigError, match="no lexicon for language 'ms'"):
        load_lexicon("ms")


def test_a_new_language_is_checked_with_english_rule_texts(malay):
    checker = Checker(Settings.load(lexicons=[malay]))
    report = checker.check_text("Mesyuarat diadakan pada Isnin (7/12/2021) di ibu kota.", published=PUBLISHED,
                                lang="ms")
    (finding,) = report.files[0].findings
    assert finding.rule == "temporal.weekday-mismatch" and report.files[0].language == "ms"
    assert "is a Selasa, not a Isnin" in finding.message  # no Malay text in the rule: its English one
    with pytest.raises(ValueError, match="'ms' is not a language"):
        Checker().check_text("Mesyuarat pada Isnin.", lang="ms")


def test_rule_texts_need_every_builtin_language_and_may_add_others():
    text = Localized.model_validate({"id": "Teks.", "en": "Text.", "ms": "Teks Melayu."})
    assert (text.get("ms"), text.get("id"), text.get("fr")) == ("Teks Melayu.", "Teks.", "Text.")
    with pytest.raises(ValueError, match="missing: id"):
        Localized.model_validate({"en": "Text."})


# "kemaren" is how some write "kemarin" (yesterday); the built-in lexicon does not read it, a newsroom adds it.
YESTERDAY = "relative_days:\n  kemaren: -1\n"


def test_time_expressions_are_read_with_the_newsroom_lexicons(tmp_path, capsys):
    folder = lexicon_folder(tmp_path / "lex", {"id.yaml": YESTERDAY})
    text = "Rapat itu digelar kemaren di Balai Kota."
    assert find_times(text, published=PUBLISHED, lang="id") == []
    (found,) = find_times(text, published=PUBLISHED, lang="id", lexicons=[folder])
    assert (found.text, found.value) == ("kemaren", "2024-02-29")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    argv = ["times", str(tmp_path / "a.txt"), "--lang", "id", "--published", "2024-03-01", "--format", "json"]
    assert main([*argv, "--lexicon", str(folder)]) == 0
    (article,) = json.loads(capsys.readouterr().out)
    assert [(t["text"], t["value"]) for t in article["times"]] == [("kemaren", "2024-02-29")]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)[0]["times"] == []


def test_times_reads_a_language_a_newsroom_lexicon_adds(malay, tmp_path, capsys):
    (found,) = find_times("Mesyuarat pada Isnin (7/12/2021).", lang="ms", lexicons=[malay])
    assert found.value == "2021-12-07"  # the date's own day, whatever weekday it is written with
    (tmp_path / "a.txt").write_text("Mesyuarat pada Isnin.", encoding="utf-8")
    assert main(["times", str(tmp_path / "a.txt"), "--lang", "ms"]) == 2
    assert "--lang ms: no lexicon for this language" in capsys.readouterr().err
    assert main(["times", str(tmp_path / "a.txt"), "--lang", "ms", "--lexicon", str(malay)]) == 0
    with pytest.raises(ValueError, match="'ms' is not a language"):
        find_times("Mesyuarat pada Isnin.", lang="ms")
