"""What users of ruff, Vale or sqlfluff expect of a command line: one-line usage errors with exit 2,
honest summaries, standard input named, archive findings placed, and the usual options."""
import io
import json

import pytest

from conftest import SEED
from factcheck.cli import main
from factcheck.lexicon import rules_root

BAD = "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n"
WEEKDAY = (rules_root() / "temporal" / "weekday-mismatch.yaml").read_text(encoding="utf-8")


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line_error(code, err, *words):
    assert code == 2
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("factcheck: ")
    for w in words:
        assert w in err


# item 4: user errors are one line and exit 2

@pytest.mark.parametrize("command", ["check", "baseline", "graph"])
def test_output_into_a_missing_folder(tmp_path, capsys, command):
    target = tmp_path / "reports" / "out.json"
    option = "-o" if command == "baseline" else "--output"
    code, _, err = run(capsys, command, str(SEED), option, str(target))
    one_line_error(code, err, str(target), "does not exist", "mkdir")


def test_output_onto_a_folder(tmp_path, capsys):
    code, _, err = run(capsys, "check", str(SEED), "--output", str(tmp_path))
    one_line_error(code, err, str(tmp_path), "is a folder")


@pytest.mark.parametrize("template,words", [
    ("{actua}", ["fills no '{actua}'", "{actual}"]),
    ("{actual:>>>}", ["not a valid template"]),
    ("{actual", ["not a valid template"]),
    ("{actual.upper}", ["by name alone"]),
    ("{0}", ["not a valid template"]),
])
def test_a_rule_template_that_cannot_render_is_refused_when_rules_load(tmp_path, capsys, template, words):
    rule = WEEKDAY.replace("id: temporal.weekday-mismatch", "id: temporal.house-weekday")
    rule = rule.replace("{actual}", template, 1)
    (tmp_path / "house.yaml").write_text(rule, encoding="utf-8")
    code, out, err = run(capsys, "check", str(SEED), "--rules", str(tmp_path))
    one_line_error(code, err, "house.yaml", *words)
    assert out == ""  # refused before any article is checked


def test_a_variant_template_is_checked_too(tmp_path, capsys):
    rule = WEEKDAY.replace("id: temporal.weekday-mismatch", "id: temporal.house-weekday")
    head, variants = rule.split("variants:", 1)
    (tmp_path / "house.yaml").write_text(head + "variants:" + variants.replace("{", "{nosuch", 1), encoding="utf-8")
    code, _, err = run(capsys, "check", str(SEED), "--rules", str(tmp_path))
    one_line_error(code, err, "house.yaml", "variants.no_repair.", "'{nosuch")


def test_a_format_spec_that_suits_the_field_is_accepted(tmp_path, capsys):
    rule = WEEKDAY.replace("id: temporal.weekday-mismatch", "id: temporal.house-weekday")
    (tmp_path / "house.yaml").write_text(rule.replace("{actual}", "{actual:>12}"), encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2021-12-08\n---\n" + BAD, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(article), "--rules", str(tmp_path), "--select", "temporal.house-weekday")
    assert code == 1 and "      Selasa" in out


def test_eval_on_an_annotation_without_quotes(tmp_path, capsys):
    corpus = tmp_path / "mini.jsonl"
    corpus.write_text(json.dumps({"id": "a", "published": "2021-12-08", "text": BAD,
                                  "expected": [{"categories": ["temporal"]}]}) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "eval", str(corpus))
    one_line_error(code, err, "mini.jsonl:1", "expected.0.quotes", "docs/evaluation.md")


# item 7: what --min-severity hides is said

@pytest.fixture
def warning_only(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2021-12-08\n---\n" + BAD, encoding="utf-8")
    return article


def test_min_severity_says_what_the_text_report_hides(capsys, warning_only):
    code, out, _ = run(capsys, "check", str(warning_only), "--min-severity", "error")
    assert code == 1  # the exit status still counts every finding, as documented
    assert "no findings at or above error (1 hidden)" in out
    assert out.rstrip().endswith("1 file checked: no findings shown (1 warning below --min-severity error)")


def test_min_severity_says_what_the_github_report_hides(capsys, warning_only):
    code, out, _ = run(capsys, "check", str(warning_only), "--min-severity", "error", "--format", "github")
    assert code == 1
    assert out == "::notice title=factcheck::1 warning below --min-severity error; not annotated\n"


def test_nothing_hidden_nothing_said(capsys, warning_only):
    _, out, _ = run(capsys, "check", str(warning_only), "--format", "github")
    assert "below --min-severity" not in out and out.startswith("::warning ")


# item 10: --changed-since in a shallow clone

def git(repo, *args):
    import os
    import subprocess
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@x", "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.fixture
def shallow_clone(tmp_path):
    """A pull request's branch cloned with depth 1, as actions/checkout does by default."""
    if not __import__("shutil").which("git"):
        pytest.skip("needs git")
    upstream = tmp_path / "upstream"
    (upstream / "news").mkdir(parents=True)
    git(upstream, "init", "-q", "-b", "main")
    for n in range(2):
        (upstream / "news" / f"a{n}.md").write_text("---\ndate: 2021-12-08\n---\n" + BAD, encoding="utf-8")
        git(upstream, "add", "-A")
        git(upstream, "commit", "-q", "-m", f"article {n}")
    git(upstream, "checkout", "-q", "-b", "edit")
    (upstream / "news" / "new.md").write_text(BAD, encoding="utf-8")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "edit")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "edit", upstream.as_uri(), str(clone))
    return clone


@pytest.mark.parametrize("fetch_base", [False, True])
def test_changed_since_in_a_shallow_clone_says_to_fetch_the_history(shallow_clone, capsys, monkeypatch, fetch_base):
    if fetch_base:  # the base branch fetched shallow too: the refs exist, the merge base does not
        git(shallow_clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main")
    monkeypatch.chdir(shallow_clone)
    code, out, err = run(capsys, "check", "news", "--changed-since", "origin/main")
    one_line_error(code, err, "--changed-since origin/main", "shallow", "fetch-depth: 0", "git fetch --unshallow")
    assert out == ""


def test_changed_since_after_fetching_the_history(shallow_clone, capsys, monkeypatch):
    git(shallow_clone, "fetch", "-q", "--unshallow", "origin", "main:refs/remotes/origin/main")
    monkeypatch.chdir(shallow_clone)
    code, out, _ = run(capsys, "check", "news", "--changed-since", "origin/main", "--format", "json")
    assert code == 1 and [f["path"] for f in json.loads(out)["files"]] == ["news/new.md"]


# item 8: --stdin-filename

def stdin(monkeypatch, text):
    import io
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


PAGE = ('<!DOCTYPE html><html lang="id"><head><meta property="article:published_time" content="2021-12-08">'
        '<title>Rapat</title></head><body><nav>Menu Rabu (7/12/2021)</nav><article><p>' + BAD +
        '</p></article></body></html>')


def test_stdin_filename_gives_the_type_and_the_name(monkeypatch, capsys):
    stdin(monkeypatch, PAGE)
    code, out, _ = run(capsys, "check", "-", "--stdin-filename", "news/rapat.html", "--format", "json")
    (file,) = json.loads(out)["files"]
    assert file["path"] == "news/rapat.html"
    assert file["published"] == "2021-12-08" and file["published_source"] != "dateline"  # read as HTML
    assert [f["evidence"][0]["text"] for f in file["findings"]] == ["Rabu (7/12/2021)"]  # the <nav> is left out
    assert code == 1


def test_stdin_filename_of_an_archive_export(monkeypatch, capsys):
    stdin(monkeypatch, "\n".join(json.dumps(r) for r in [
        {"id": "satu", "published": "2021-12-08", "lang": "id", "text": "Rapat digelar pekan lalu."},
        {"id": "dua", "published": "2021-12-08", "lang": "id", "text": BAD}]) + "\n")
    code, out, _ = run(capsys, "check", "-", "--stdin-filename", "ekspor.jsonl", "--format", "json")
    files = json.loads(out)["files"]
    assert [f["path"] for f in files] == ["ekspor.jsonl#satu", "ekspor.jsonl#dua"]
    assert [len(f["findings"]) for f in files] == [0, 1] and code == 1


def test_stdin_filename_finds_the_configuration_of_its_folder(tmp_path, monkeypatch, capsys):
    (tmp_path / "news").mkdir()
    (tmp_path / ".factcheck.toml").write_text('disable = ["temporal.weekday-mismatch"]\n', encoding="utf-8")
    stdin(monkeypatch, "---\ndate: 2021-12-08\n---\n" + BAD)
    code, out, _ = run(capsys, "check", "-", "--stdin-filename", str(tmp_path / "news" / "a.md"))
    assert code == 0 and f"{tmp_path / 'news' / 'a.md'}  [id, published 2021-12-08 (front matter)]" in out


def test_stdin_filename_without_standard_input(capsys):
    code, _, err = run(capsys, "check", str(SEED), "--stdin-filename", "a.md")
    one_line_error(code, err, "--stdin-filename a.md", " - ")


# item 6: archive findings point at the record in the export

RECORDS = [
    {"id": "satu", "published": "2021-12-08", "lang": "id",
     "text": 'Judul\n\n"Kata" café \U0001F600 rapat digelar pada Rabu (7/12/2021) di Jakarta.'},
    {"published": "2021-12-08", "lang": "id", "text": "Rapat digelar pada Rabu (7/12/2021)."},
    {"id": "tiga", "published": "2021-12-08"},
]


@pytest.fixture(params=["jsonl", "json"])
def export(request, tmp_path, monkeypatch):
    """An export as JSON Lines (escaped text, one record a line) or a pretty-printed JSON array (raw
    UTF-8, records over several lines)."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / f"ekspor.{request.param}"
    if request.param == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    else:
        path.write_text(json.dumps(RECORDS, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def located(path, line, column, end_column):
    return path.read_text(encoding="utf-8").split("\n")[line - 1][column - 1:end_column - 1]


def test_github_annotations_point_at_the_record_in_the_export(export, capsys):
    import re
    code, out, _ = run(capsys, "check", export.name, "--format", "github")
    annotations = [dict(re.findall(r"(\w+)=([^,:]+)", line.split("::")[1]), body=line.split("::", 2)[2])
                   for line in out.splitlines()]
    error, first, second = annotations
    assert error["title"] == "factcheck (record tiga)" and "record has no text" in error["body"]
    starts = export.read_text(encoding="utf-8").split("\n")[int(error["line"]) - 1:]
    assert starts[0].strip().startswith("{") and '"id": "tiga"' in starts[0] + starts[1]  # where the record opens
    assert first["title"] == "temporal.weekday-mismatch (record satu)"
    assert second["title"] == "temporal.weekday-mismatch"  # a record without an id: its line names it
    for a in (first, second):
        assert a["file"] == export.name and a["line"] == a["endLine"]
        assert located(export, int(a["line"]), int(a["col"]), int(a["endColumn"])) == "Rabu (7/12/2021)"
    assert code == 2


def test_sarif_points_at_the_record_and_names_it(export, capsys):
    import jsonschema

    from conftest import FIXTURES
    _, out, _ = run(capsys, "check", export.name, "--format", "sarif")
    jsonschema.validate(json.loads(out), json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    run_ = json.loads(out)["runs"][0]
    first, second = run_["results"]
    for result in (first, second):
        r = result["locations"][0]["physicalLocation"]["region"]
        assert located(export, r["startLine"], r["startColumn"], r["endColumn"]) == "Rabu (7/12/2021)"
        assert "charOffset" not in r  # offsets into the record's text are no offsets into the file
    assert first["locations"][0]["logicalLocations"] == [
        {"name": "satu", "fullyQualifiedName": f"{export.name}#satu", "kind": "object"}]
    assert "logicalLocations" not in second["locations"][0]
    (note,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["region"]["startLine"] > 1


def test_an_export_edited_since_keeps_the_place_within_the_record(tmp_path, capsys, monkeypatch):
    from factcheck import Checker
    from factcheck.report import renderer
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ekspor.jsonl"
    path.write_text(json.dumps(RECORDS[1] | {"id": "r"}) + "\n", encoding="utf-8")
    report = Checker().check_paths([path.name])
    path.write_text(json.dumps({"id": "r", "text": "Lain sama sekali."}) + "\n", encoding="utf-8")
    assert ",line=1,col=20,endLine=1,endColumn=36," in renderer("github")(report)


# item 11: the basics

def test_version(capsys):
    from factcheck import __version__
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out == f"factcheck {__version__}\n"


def test_no_arguments_print_the_help_and_exit_2(capsys):
    code, out, err = run(capsys)
    assert code == 2 and out == ""
    assert err.startswith("usage: factcheck") and "check" in err and "baseline" in err and "--version" in err


def test_python_dash_m_factcheck():
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "-", "--published", "2021-12-08",
                           "--lang", "id"], input=BAD, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "temporal.weekday-mismatch" in done.stdout, done.stderr


def test_quiet_prints_only_findings_and_errors(tmp_path, capsys):
    (tmp_path / "clean.txt").write_text("Rapat digelar pada Selasa (7/12/2021) di Jakarta.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path), "--published", "2021-12-08", "--quiet")
    assert code == 2
    assert "bad.txt" in out and "empty.txt" in out and "temporal.weekday-mismatch" in out
    assert "clean.txt" not in out and "no findings" not in out and "checked" not in out
    code, out, _ = run(capsys, "check", str(tmp_path / "clean.txt"), "--published", "2021-12-08", "-q")
    assert code == 0 and out == ""


def test_quiet_baseline_says_nothing(tmp_path, capsys):
    code, out, err = run(capsys, "baseline", str(SEED), "-o", str(tmp_path / "b.json"), "--quiet")
    assert code == 0 and out == err == ""


def test_statistics_count_findings_per_rule(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD + "Sidang lanjut Kamis (7/12/2021).\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path), str(SEED), "--published", "2021-12-08", "--statistics")
    rows = [line.split(None, 3) for line in out.splitlines()]
    assert rows[0][:3] == ["3", "warning", "temporal.weekday-mismatch"]
    assert rows[0][3] == "The stated weekday does not fall on the stated date."
    assert [r[2] for r in rows[1:3]] == ["quantity.conflict", "temporal.planned-before-publication"]
    assert out.splitlines()[-1] == "1 file could not be read" and code == 2
    _, out, _ = run(capsys, "check", str(tmp_path), "--published", "2021-12-08", "--statistics", "--format", "json")
    assert json.loads(out) == [{"rule": "temporal.weekday-mismatch", "count": 3, "severity": "warning",
                                "summary": "The stated weekday does not fall on the stated date."}]


def test_statistics_in_a_format_that_cannot_hold_them(capsys):
    code, _, err = run(capsys, "check", str(SEED), "--statistics", "--format", "sarif")
    one_line_error(code, err, "--statistics", "--output")


@pytest.mark.parametrize("jobs", ["0", "-2", "many"])
def test_jobs_must_be_a_positive_number(capsys, jobs):
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(SEED), "--jobs", jobs])
    assert exit_.value.code == 2 and "--jobs" in capsys.readouterr().err


def test_jobs_default_to_the_cpus_this_process_may_use(monkeypatch, tmp_path):
    import os

    from factcheck import checker as checker_module
    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this platform")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})  # as in a container given one CPU
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert checker_module.available_cpus() == 1
    started = []
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", lambda *a, **k: started.append(a))
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(BAD, encoding="utf-8")
    report = checker_module.Checker().check_paths([tmp_path], jobs=None)
    assert not started and len(report.files) == 3  # one CPU: checked in this process


def test_gitlab_code_quality(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD + BAD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "check", ".", "--published", "2021-12-08", "--format", "gitlab")
    first, second, error = json.loads(out)
    assert first["check_name"] == second["check_name"] == "temporal.weekday-mismatch"
    assert first["severity"] == "minor" and first["description"].startswith('"Rabu (7/12/2021)"')
    assert first["location"] == {"path": "a.txt", "positions": {"begin": {"line": 1, "column": 20},
                                                               "end": {"line": 1, "column": 36}}}
    assert second["location"]["positions"]["begin"]["line"] == 2
    assert len({first["fingerprint"], second["fingerprint"], error["fingerprint"]}) == 3
    assert error["check_name"] == "factcheck.input-error" and error["location"]["path"] == "empty.txt"
    assert code == 2


def test_gitlab_fingerprints_do_not_follow_line_numbers(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text(BAD, encoding="utf-8")
    _, before, _ = run(capsys, "check", "a.txt", "--published", "2021-12-08", "--format", "gitlab")
    article.write_text("Paragraf baru.\n\n" + BAD, encoding="utf-8")
    _, after, _ = run(capsys, "check", "a.txt", "--published", "2021-12-08", "--format", "gitlab")
    assert [i["fingerprint"] for i in json.loads(before)] == [i["fingerprint"] for i in json.loads(after)]


def test_py_typed_marker_ships_with_the_package():
    from pathlib import Path

    import factcheck
    assert (Path(factcheck.__file__).parent / "py.typed").is_file()


def test_public_models_and_checker_methods_have_docstrings():
    import inspect

    from factcheck import Checker, models
    public = [c for _, c in inspect.getmembers(models, inspect.isclass)
              if c.__module__ == models.__name__ and not c.__name__.startswith("_")]
    assert all(c.__doc__ and c.__doc__ != models._Model.__doc__ for c in public)
    methods = [m for name, m in inspect.getmembers(Checker, inspect.isfunction) if not name.startswith("_")]
    assert all(m.__doc__ for m in [*methods, Checker.__init__])


@pytest.mark.parametrize("call,error,words", [
    (lambda c: c.check_paths("seeds"), TypeError, "['seeds']"),
    (lambda c: c.check_paths([3]), TypeError, "not a path"),
    (lambda c: c.check_paths(["seeds"], jobs=0), ValueError, "jobs"),
    (lambda c: c.check_text(b"Rapat"), TypeError, "str"),
    (lambda c: c.check_text("Rapat", published="2021-12-08"), TypeError, "datetime.date"),
    (lambda c: c.check_text("Rapat", lang="fr"), ValueError, "'fr'"),
    (lambda c: c.check_file(["a.txt"]), TypeError, "one path"),
])
def test_bad_library_arguments_are_named(call, error, words):
    from factcheck import Checker
    with pytest.raises(error, match=__import__("re").escape(words)):
        call(Checker())


def test_bad_checker_arguments_are_named():
    from factcheck import Checker
    with pytest.raises(TypeError, match="select="):
        Checker(rules=["temporal"])  # type: ignore[list-item]  # a selector where a rule belongs, on purpose
    with pytest.raises(TypeError, match=r"\['rules'\]"):
        Checker(rule_dirs="rules")  # type: ignore[arg-type]  # one folder where a list belongs, on purpose


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def batch(tmp_path, monkeypatch):
    import itertools
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(BAD, encoding="utf-8")
    clock = itertools.count(0, 1.0)  # each look at the clock a second later: a slow batch
    monkeypatch.setattr("factcheck.cli.time.monotonic", lambda: next(clock))
    return tmp_path


def test_progress_on_a_terminal_is_cleared_before_the_report(batch, monkeypatch, capsys):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    code = main(["check", str(batch), "--published", "2021-12-08", "--jobs", "1"])
    shown = terminal.getvalue()
    assert code == 1 and "] 1/3 files" in shown and "] 2/3 files" in shown and shown.endswith("\r\033[K")
    assert "\r" not in capsys.readouterr().out


@pytest.mark.parametrize("tty,quiet", [(False, False), (True, True)])
def test_no_progress_off_a_terminal_or_when_quiet(batch, monkeypatch, tty, quiet):
    terminal = Terminal() if tty else __import__("io").StringIO()
    monkeypatch.setattr("sys.stderr", terminal)
    main(["check", str(batch), "--published", "2021-12-08", "--jobs", "1"] + (["--quiet"] if quiet else []))
    assert terminal.getvalue() == ""
