"""Typed problems: what keeps an article from being checked is a Problem with a code, the source it is
about (file, record id, line) and a hint in neutral words; every format, the CLI and the server name the
settings a hint mentions by the CLI's flags, as they always printed them."""
import datetime as dt
import json

import pytest

from conftest import crash_extraction
from factcheck import Checker
from factcheck.errors import CheckCrash, ConfigError, InputError, stage
from factcheck.ingest import read_article
from factcheck.models import FileReport, SourceRef
from factcheck.report import FLAGS, renderer
from factcheck.server import check_draft

GOOD = "Rapat digelar pada Rabu (7/12/2021) di Jakarta."  # 7/12/2021 is a Tuesday: one finding


def lines(path, *records) -> str:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def assert_neutral(problem) -> None:
    """A library problem names no CLI flag; the words the formats print do."""
    assert "--" not in problem.message and "--" not in (problem.hint or "")


def test_a_record_without_text_is_a_problem_of_that_record(checker, tmp_path):
    export = lines(tmp_path / "ekspor.jsonl", {"id": "r1", "text": GOOD, "published": "2021-12-08"},
                   {"id": "r2", "title": "Judul saja"}, "{rusak")
    good, no_text, broken = checker.check_paths([export]).files
    assert good.problem is None and good.source == SourceRef(file=str(export), record="r1", line=1)
    assert no_text.problem.code == "input.no-text"
    assert no_text.problem.source == no_text.source == SourceRef(file=str(export), record="r2", line=2)
    assert no_text.problem.option == "record_fields" and "the record_fields setting text=KEY" in no_text.problem.hint
    assert_neutral(no_text.problem)
    assert no_text.error == f"{export}#r2: {no_text.problem.message}; {no_text.problem.hint}"
    assert no_text.problem.text(FLAGS).endswith("or name its key with --record-field text=KEY")
    assert broken.problem.code == "input.bad-record" and broken.path == f"{export}:3"
    assert broken.problem.source == SourceRef(file=str(export), line=3)  # no id: the line names it
    assert broken.problem.hint == "fix or remove this line"


def test_a_bad_encoding_is_a_problem_with_its_code(checker, tmp_path):
    text = tmp_path / "rusak.txt"
    text.write_bytes(b"\xff\xfe\x00\x00\xff")  # a UTF-16 byte order mark, then no UTF-16
    export = tmp_path / "ekspor.jsonl"
    export.write_bytes(b'{"id": "a", "text": "Isi \xff."}\n')
    (file,), (record,) = checker.check_paths([text]).files, checker.check_paths([export]).files
    assert file.problem.code == "input.encoding" and file.problem.source == SourceRef(file=str(text))
    assert file.problem.hint == "save the article as UTF-8 text" and file.problem.option is None
    assert record.problem.code == "input.encoding" and record.problem.source == SourceRef(file=str(export), line=1)
    assert record.problem.message == "not UTF-8 text"


def test_a_file_over_the_size_limit_names_the_setting_neutrally(checker, tmp_path):
    big = tmp_path / "besar.txt"
    big.write_text(GOOD * 10, encoding="utf-8")
    (file,) = checker.check_paths([big], max_size=100).files
    problem = file.problem
    assert (problem.code, problem.option, problem.source) == ("input.too-large", "max_size", SourceRef(file=str(big)))
    assert problem.message == "larger than the 100 bytes size limit"
    assert problem.hint == "split it, or raise the limit with the max_size setting"
    assert problem.text(FLAGS) == f"{big}: {problem.message}; split it, or raise the limit with --max-size"
    out = json.loads(renderer("json")(Checker().check_paths([big], max_size=100)))
    assert out["files"][0]["error"] == problem.text(FLAGS)  # the JSON contract, as `factcheck check` prints it


def test_an_error_raised_to_a_library_caller_carries_its_problem(tmp_path):
    page = tmp_path / "halaman.html"
    page.write_text('<meta property="article:published_time" content="2021-13-45"><p>Isi.</p>', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_article(page)
    problem = caught.value.problem
    assert problem.code == "input.bad-date" and problem.option == "published"
    assert_neutral(problem)
    assert str(caught.value) == problem.text() and caught.value.text(FLAGS).endswith("pass --published YYYY-MM-DD")


def test_a_crashing_check_is_a_problem_of_the_article_it_crashed_on(tmp_path, monkeypatch):
    crash_extraction(monkeypatch, "meledak", ZeroDivisionError("division by zero"))
    checker = Checker()
    export = lines(tmp_path / "ekspor.jsonl", {"id": "a", "text": "Gudang itu meledak."}, {"id": "b", "text": GOOD})
    crashed, checked = checker.check_paths([export], published=dt.date(2021, 12, 8), lang="id").files
    problem = crashed.problem
    assert problem.code == "check.crash" and problem.source == SourceRef(file=str(export), record="a", line=1)
    assert problem.message == "factcheck failed in extraction (ZeroDivisionError: division by zero)"
    assert crashed.error.startswith("factcheck failed in extraction") and "please report it" in crashed.error
    assert checked.problem is None and [x.rule for x in checked.findings] == ["temporal.weekday-mismatch"]


def test_a_missing_path_and_an_empty_folder_are_problems(checker, tmp_path):
    (tmp_path / "kosong").mkdir()
    missing, empty = checker.check_paths([tmp_path / "hilang.txt", tmp_path / "kosong"]).files
    assert (missing.problem.code, missing.problem.hint) == ("input.not-found", "check the path")
    assert empty.problem.code == "input.no-articles"
    assert empty.problem.source == SourceRef(file=str(tmp_path / "kosong"))


def test_a_report_read_back_from_json_keeps_its_error(checker, tmp_path):
    (file,) = checker.check_paths([tmp_path / "hilang.txt"]).files
    again = FileReport.model_validate_json(file.model_dump_json())
    assert again.error == file.error and again.model_dump_json() == file.model_dump_json()
    assert FileReport.model_validate_json(FileReport(path="a.txt").model_dump_json()).problem is None


def test_a_renamed_report_is_of_the_file_its_path_names(checker, tmp_path):
    export = lines(tmp_path / "ekspor.jsonl", {"id": "r1", "text": GOOD})
    (file,) = checker.check_paths([export]).files
    assert file.origin.record == "r1"
    assert file.model_copy(update={"path": "lain.txt"}).origin == SourceRef(file="lain.txt")


def test_the_server_answers_a_draft_it_cannot_read_in_the_words_of_the_cli(checker):
    (file,) = check_draft(checker, "---\nlang: fr\n---\nIsi berita.\n").files
    assert file.problem.code == "input.language" and file.problem.source == SourceRef(file="<text>")
    assert file.error.endswith("pass --lang to check the article as one of them")


def test_a_stage_names_itself_in_a_bug_and_passes_anything_else_on():
    with pytest.raises(CheckCrash, match=r"^factcheck failed in rule x \(ValueError: bad\)") as crash, stage("rule x"):
        raise ValueError("bad")
    assert isinstance(crash.value.__cause__, ValueError)
    for passed in (ConfigError("a rule file"), KeyboardInterrupt()):  # a user's error, or Ctrl-C: as raised
        with pytest.raises(type(passed)) as raised, stage("rule x"):
            raise passed
        assert raised.value is passed
    with stage("rule x"):
        pass
