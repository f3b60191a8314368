"""The command line as an editor and a CI step use it: output, exit codes, JSON contract, stdin."""
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import SEED
from factcheck.cli import main

CLEAN = "Rapat digelar pada Selasa (7/12/2021) di Jakarta. Rusia menyiapkan 175.000 tentara.\n"
BAD = "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n"


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_text_report_on_seed(capsys):
    code, out, _ = run(capsys, "check", str(SEED))
    assert code == 1
    assert "16:34  warning" in out and "quantity.conflict" in out
    assert "40:206  warning" in out and "temporal.planned-before-publication" in out
    assert 'fix: Mungkin maksudnya "awal 2022"' in out
    assert out.rstrip().endswith("1 file checked: 2 warnings")
    assert "\033[" not in out  # no colour when not on a terminal


def test_json_contract(capsys):
    _code, out, _ = run(capsys, "check", str(SEED), "--format", "json")
    data = json.loads(out)
    text = SEED.read_text(encoding="utf-8")
    (file,) = data["files"]
    assert {"path", "language", "published", "findings", "error"} <= set(file)
    assert file["published"] == "2021-12-05" and file["error"] is None
    for f in file["findings"]:
        assert {"rule", "category", "severity", "message", "suggestion", "evidence"} <= set(f)
        for e in f["evidence"]:
            assert {"start", "end", "line", "column", "text"} <= set(e)
            assert text[e["start"]:e["end"]] == e["text"]
    assert data["summary"]["findings"] == 2


@pytest.mark.parametrize("fail_on,expected", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on(tmp_path, capsys, fail_on, expected):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2021-12-08\nlang: id\n---\n" + BAD, encoding="utf-8")
    code, _, _ = run(capsys, "check", str(article), "--fail-on", fail_on)
    assert code == expected


def test_clean_article_exits_zero(tmp_path, capsys):
    article = tmp_path / "clean.txt"
    article.write_text(CLEAN, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(article), "--published", "2021-12-08", "--lang", "id")
    assert code == 0 and "no findings" in out


def test_folder_is_searched_and_bad_files_do_not_stop_the_batch(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.md").write_text("---\ndate: [unclosed\n---\nTeks.\n", encoding="utf-8")
    (tmp_path / "good.md").write_text("---\ndate: 2021-12-08\n---\n" + BAD, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x00\xff")
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "json")
    data = json.loads(out)
    by_name = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert "malformed front matter" in by_name["bad.md"]["error"]
    assert "UTF-8" in by_name["binary.txt"]["error"]
    assert by_name["good.md"]["findings"][0]["rule"] == "temporal.weekday-mismatch"
    assert code == 2


def test_missing_path_is_reported(capsys):
    code, out, _ = run(capsys, "check", "no/such/article.txt")
    assert code == 2 and "no such file" in out


def test_published_option_must_be_a_date(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", str(SEED), "--published", "5/12/2021"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_output_files_beside_the_printed_report(tmp_path, capsys):
    sarif, data = tmp_path / "report.sarif", tmp_path / "report.json"
    _code, out, _ = run(capsys, "check", str(SEED), "--output", str(sarif), "--output", str(data))
    assert out.rstrip().endswith("1 file checked: 2 warnings")  # standard output keeps --format (text)
    assert json.loads(data.read_text(encoding="utf-8"))["summary"]["findings"] == 2
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_min_severity_filters_display_not_exit(tmp_path, capsys):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2021-12-08\n---\n" + BAD, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(article), "--min-severity", "error")
    assert code == 1 and "no findings" in out


def test_github_format_is_chosen_on_actions(tmp_path, capsys, monkeypatch):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2021-12-08\n---\n" + BAD, encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _code, out, _ = run(capsys, "check", str(article))
    assert out.startswith("::warning file=") and "title=temporal.weekday-mismatch::" in out
    assert summary.read_text(encoding="utf-8").startswith("## factcheck")


def test_graph_exports(capsys, tmp_path):
    _code, out, _ = run(capsys, "graph", str(SEED), "--format", "json")
    data = json.loads(out)
    kinds = {n["kind"] for n in data["nodes"]}
    assert {"article", "entity", "event", "time", "quantity", "phrase"} <= kinds
    russia = [e for e in data["edges"] if e["source"] == "entity:Russia" and e.get("claim") == "quantity"]
    assert sorted(e["text"] for e in russia) == ["175.000 Tentara", "sekitar 70.000 tentara"]
    assert {e["measure"] for e in russia} == {"troops"}

    _code, out, _ = run(capsys, "graph", str(SEED), "--format", "graphml")
    root = ET.fromstring(out)
    assert root.tag.endswith("graphml") and len(root.findall(".//{*}node")) == len(data["nodes"])

    _code, out, _ = run(capsys, "graph", str(SEED), "--format", "dot")
    assert out.startswith("digraph claims {") and '"entity:Russia" -> ' in out
    if shutil.which("dot"):
        subprocess.run(["dot", "-Tsvg"], input=out, text=True, check=True, capture_output=True)


def test_rules_listing(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "temporal.weekday-mismatch" in out and "quantity.conflict" in out
    code, out, _ = run(capsys, "rules", "temporal.invalid-date")
    assert code == 0 and "[fail, id" in out and "[pass, en" in out
    code, _, err = run(capsys, "rules", "temporal.nope")
    assert code == 2 and "no rule" in err


def test_extra_rule_folder(tmp_path, capsys):
    from factcheck.lexicon import rules_root
    text = (rules_root() / "temporal" / "weekday-mismatch.yaml").read_text(encoding="utf-8")
    (tmp_path / "house.yaml").write_text(text.replace("id: temporal.weekday-mismatch", "id: temporal.house-weekday")
                                         .replace("severity: warning", "severity: error"), encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2021-12-08\n---\n" + BAD, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(article), "--rules", str(tmp_path), "--format", "json",
                       "--fail-on", "error")
    rules = sorted(f["rule"] for f in json.loads(out)["files"][0]["findings"])
    assert rules == ["temporal.house-weekday", "temporal.weekday-mismatch"] and code == 1


def test_bad_rule_folder_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "broken.yaml").write_text("id: temporal.x\nseverity: loud\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(SEED), "--rules", str(tmp_path))
    assert code == 2 and "broken.yaml" in err


def test_installed_command_reads_stdin():
    exe = shutil.which("factcheck", path=str(__import__("pathlib").Path(sys.executable).parent))
    cmd = [exe] if exe else [sys.executable, "-m", "factcheck.cli"]
    done = subprocess.run([*cmd, "check", "-", "--published", "2021-12-08", "--lang", "id"], input=BAD,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert "<stdin>" in done.stdout and "temporal.weekday-mismatch" in done.stdout


def test_html_report_of_standard_input_shows_the_text(tmp_path, monkeypatch, capsys):
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO(BAD))
    target = tmp_path / "report.html"
    _code, out, _ = run(capsys, "check", "-", "--published", "2021-12-08", "--lang", "id", "--format", "html",
                       "--output", str(target))
    assert out.rstrip().endswith("1 file checked: 1 warning")  # the file gets the HTML, the terminal the text
    page = target.read_text(encoding="utf-8")
    assert "<mark" in page and "Rabu (7/12/2021)</mark>" in page


def test_parallel_run_matches_serial_run(tmp_path):
    from factcheck import Checker
    for i in range(6):
        (tmp_path / f"a{i}.md").write_text(f"---\ndate: 2021-12-0{i + 1}\n---\n" + BAD, encoding="utf-8")
    (tmp_path / "broken.md").write_text("---\ndate: [\n---\n", encoding="utf-8")
    checker = Checker()
    serial, parallel = checker.check_paths([str(tmp_path)], jobs=1), checker.check_paths([str(tmp_path)], jobs=2)
    assert parallel == serial
    assert [f.path.rsplit("/", 1)[-1] for f in parallel.files] == [f"a{i}.md" for i in range(6)] + ["broken.md"]
