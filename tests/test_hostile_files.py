"""Hostile files, writes and processes (docs/reliability.md): an output never replaces what the run reads,
is written whole or not at all, and a failed one is one line and exit 2 while the others are still
written; only regular files are read, each within its size limit, and YAML aliases are bounded; a
killed worker, Ctrl-C and a closed pipe end a run cleanly with a status that says what happened."""
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck import Checker
from factcheck.checker import Checker as CheckerClass
from factcheck.cli import main
from factcheck.errors import ConfigError
from factcheck.lexicon import AliasBomb, safe_yaml

BAD_WEEKDAY = "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n"  # 7/12/2021 is a Tuesday: a warning
FACTCHECK = [sys.executable, "-m", "factcheck"]
LAUGHS = "".join(f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))
BILLION_LAUGHS = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + LAUGHS


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A working folder with an article (one warning) in `berita/`."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "berita").mkdir()
    (tmp_path / "berita" / "a.txt").write_text(BAD_WEEKDAY, encoding="utf-8")
    return tmp_path


def run(*argv, timeout=60, **kwargs):
    """factcheck in its own process (for what a test cannot do to its own: close its streams, hang)."""
    return subprocess.run([*FACTCHECK, *argv], capture_output=True, text=True, timeout=timeout, **kwargs)


def one_line(err: str, *parts: str) -> str:
    """The one line on standard error, which holds each of `parts`."""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: "), err
    assert all(p in lines[0] for p in parts), (parts, lines[0])
    return lines[0]


# 1. Writes


@pytest.mark.parametrize("argv, target", [
    (["check", "berita/a.txt", "--output", "berita/a.txt"], "berita/a.txt"),
    (["check", "berita", "--output", "berita/a.txt"], "berita/a.txt"),  # found in a checked folder
    (["check", "berita", "--output", "tautan.txt"], "tautan.txt"),  # a link to an article
    (["check", "berita", "--config", "conf.toml", "--output", "conf.toml"], "conf.toml"),
    (["check", "berita", "--baseline", "base.json", "--output", "base.json"], "base.json"),
    (["check", "berita", "--rules", "aturan", "--output", "aturan/r.yaml"], "aturan/r.yaml"),
    (["check", "berita", "--html-dir", "berita"], "berita/index.html"),
    (["baseline", "berita", "-o", "berita/a.txt"], "berita/a.txt"),
    (["graph", "berita/a.txt", "--output", "berita/a.txt"], "berita/a.txt"),
])
def test_an_output_that_the_run_reads_is_refused(folder, capsys, argv, target):
    (folder / "tautan.txt").symlink_to(folder / "berita" / "a.txt")
    (folder / "conf.toml").write_text("fail-on = \"warning\"\n", encoding="utf-8")
    (folder / "base.json").write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    (folder / "aturan").mkdir()
    rule = (folder / "aturan" / "r.yaml")
    rule.write_text("", encoding="utf-8")
    (folder / "berita" / "index.html").write_text("<p>Rapat pada Rabu (7/12/2021).</p>", encoding="utf-8")
    before = (folder / target).read_bytes()
    assert main(argv) == 2
    out, err = capsys.readouterr()
    one_line(err, "which this run reads", "name another file")
    assert out == "" and (folder / target).read_bytes() == before


def test_an_earlier_report_in_the_checked_folder_is_replaced_not_refused(folder, capsys):
    for _ in range(2):
        assert main(["check", "berita", "--output", "berita/laporan.txt"]) == 1
    assert "1 file checked" in (folder / "berita" / "laporan.txt").read_text()


@pytest.mark.parametrize("argv", [
    ["check", "berita", "--output", "berita/r.json"],
    ["check", "berita", "--output", "berita/r.txt"],
    ["check", "berita", "--output", "berita/r.txt", "--quiet"],
    ["check", "berita", "--output", "berita/r.md"],
    ["check", "berita", "--output", "berita/r.html"],
    ["check", "berita", "--html-dir", "berita"],
    ["check", "berita", "--output", "berita/r.jsonl", "--format", "gitlab"],
    ["check", "berita", "--output", "berita/r.jsonl", "--format", "jsonl"],
    ["check", "berita/nope.txt", "--output", "berita/r.jsonl", "--format", "jsonl"],  # only a summary line
    ["check", "berita", "--output", "berita/r.text", "--format", "sarif"],
    ["check", "berita/nope.txt", "berita/a.txt", "--output", "berita/r.txt", "--quiet"],  # an error first
    ["baseline", "berita", "-o", "berita/baseline.json"],
    ["graph", "berita/a.txt", "--output", "berita/graph.json"],
])
def test_what_factcheck_wrote_in_a_checked_folder_is_not_read_as_an_article(folder, capsys, argv):
    main(argv)
    capsys.readouterr()
    assert main(["check", "berita", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in report["files"]] == [str(Path("berita/a.txt"))]


def test_an_article_that_mentions_factcheck_is_still_read(folder, capsys):
    (folder / "berita" / "b.md").write_text("# factcheck\n\n" + BAD_WEEKDAY, encoding="utf-8")
    (folder / "berita" / "c.json").write_text(json.dumps([{"text": BAD_WEEKDAY}]), encoding="utf-8")
    assert main(["check", "berita", "--format", "json"]) == 1
    paths = [f["path"] for f in json.loads(capsys.readouterr().out)["files"]]
    assert paths == [str(Path(p)) for p in ("berita/a.txt", "berita/b.md", "berita/c.json:1")]


def test_a_failed_write_leaves_the_previous_report_whole(folder, capsys, monkeypatch):
    assert main(["check", "berita", "--output", "r.json"]) == 1
    before = (folder / "r.json").read_bytes()
    os.chmod(folder / "r.json", 0o640)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    (folder / "berita" / "b.txt").write_text(BAD_WEEKDAY, encoding="utf-8")
    assert main(["check", "berita", "--output", "r.json"]) == 2
    one_line(capsys.readouterr().err, "r.json: cannot write the report: No space left on device")
    assert (folder / "r.json").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["berita", "r.json"]  # no temporary file left
    monkeypatch.undo()
    monkeypatch.chdir(folder)
    assert main(["check", "berita", "--output", "r.json"]) == 1
    assert len(json.loads((folder / "r.json").read_text())["files"]) == 2
    assert oct((folder / "r.json").stat().st_mode & 0o777) == oct(0o640)  # a replaced report keeps its mode


def test_a_report_written_through_a_link_replaces_the_file_not_the_link(folder, capsys):
    (folder / "out").mkdir()
    (folder / "out" / "real.json").write_text("{}", encoding="utf-8")
    (folder / "link.json").symlink_to(folder / "out" / "real.json")
    assert main(["check", "berita", "--output", "link.json"]) == 1
    assert (folder / "link.json").is_symlink()
    assert json.loads((folder / "out" / "real.json").read_text())["summary"]["files"] == 1


@pytest.mark.parametrize("bad, expect", [
    (["--output", "/dev/full"], "/dev/full: cannot write the report: No space left on device"),
    (["--output", "readonly.txt"], "readonly.txt: cannot write the report: the file is read-only"),
    (["--output", "berita"], "berita: is a folder"),  # refused before the run: nothing is written
])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(folder, capsys, bad, expect):
    (folder / "readonly.txt").write_text("keep", encoding="utf-8")
    os.chmod(folder / "readonly.txt", 0o444)
    status = main(["check", "berita", "--output", "ok.json", *bad])
    out, err = capsys.readouterr()
    one_line(err, expect)
    assert status == 2 and (folder / "readonly.txt").read_text() == "keep"
    if "folder" not in expect:  # the other outputs are still written
        assert "berita/a.txt" in out.replace(os.sep, "/")
        assert json.loads((folder / "ok.json").read_text())["summary"]["findings"] == 1


def test_a_step_summary_pointing_nowhere_is_one_line_and_exit_2(folder, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(folder / "missing" / "summary.md"))
    assert main(["check", "berita", "--output", "ok.json"]) == 2
    out, err = capsys.readouterr()
    one_line(err, "GITHUB_STEP_SUMMARY=", "summary.md: cannot write the report: No such file or directory")
    assert "Rabu" in out and json.loads((folder / "ok.json").read_text())["summary"]["findings"] == 1


def test_a_step_summary_that_is_a_fifo_does_not_block(folder):
    os.mkfifo(folder / "summary.md")
    done = run("check", "berita", "--output", "ok.json", cwd=folder,
               env={**os.environ, "GITHUB_STEP_SUMMARY": str(folder / "summary.md")})
    one_line(done.stderr, "summary.md: cannot write the report")
    assert done.returncode == 2 and (folder / "ok.json").exists()


def test_an_output_that_is_a_pipe_is_written_in_place_and_one_without_a_reader_does_not_block(folder, capsys):
    os.mkfifo(folder / "pipa.json")
    reader = os.open(folder / "pipa.json", os.O_RDONLY | os.O_NONBLOCK)  # as `--output >(gzip > r.gz)` has
    try:
        assert main(["check", "berita", "--output", "pipa.json"]) == 1
        assert json.loads(os.read(reader, 1 << 16))["summary"]["findings"] == 1
    finally:
        os.close(reader)
    capsys.readouterr()
    assert main(["check", "berita", "--output", "pipa.json", "--output", "ok.json"]) == 2  # nobody reads it now
    one_line(capsys.readouterr().err, "pipa.json: cannot write the report: No such device or address")
    assert (folder / "ok.json").exists()


@pytest.mark.parametrize("stdout, status, message", [
    ("closed", 2, "standard output: cannot write the report: standard output is closed"),
    ("full", 2, "standard output: cannot write the report: No space left on device"),
    ("broken pipe", 1, None),  # `factcheck check ... | true`: the findings' status, and no message
])
def test_standard_output_closed_full_or_gone(folder, stdout, status, message):
    options = {"cwd": folder}
    with contextlib.ExitStack() as opened:
        if stdout == "closed":
            options["preexec_fn"] = lambda: os.close(1)
        elif stdout == "full":
            options["stdout"] = opened.enter_context(open("/dev/full", "w"))
        else:
            read_end, write_end = os.pipe()
            os.close(read_end)  # the reader has gone before anything is written
            options["stdout"] = write_end
        done = subprocess.run([*FACTCHECK, "check", "berita", "--output", "ok.json"], stderr=subprocess.PIPE,
                              text=True, timeout=60, **options)
    assert done.returncode == status
    if message:
        one_line(done.stderr, message)
    else:
        assert done.stderr == ""
    assert json.loads((folder / "ok.json").read_text())["summary"]["findings"] == 1


# 2. Reads


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("name", ["a.txt", "b.md", "c.html", "d.jsonl", "e.json"])
def test_an_article_that_is_a_fifo_or_a_device_is_an_error_entry(folder, name):
    fifo(folder / name)
    (folder / f"zero-{name}").symlink_to("/dev/zero")
    done = run("check", name, f"zero-{name}", "berita", "--format", "json", "--max-size", "1000", cwd=folder)
    assert done.returncode == 2, done.stderr
    files = {f["path"]: f for f in json.loads(done.stdout)["files"]}
    assert files[name]["error"] == f"{name}: cannot read: a named pipe (FIFO), not a regular file"
    assert files[f"zero-{name}"]["error"] == f"zero-{name}: cannot read: a device, not a regular file"
    assert len(files[str(Path("berita/a.txt"))]["findings"]) == 1


def test_a_fifo_in_a_checked_folder_is_passed_over(folder):
    fifo(folder / "berita" / "pipa.txt")
    done = run("check", "berita", "--format", "json", cwd=folder)
    assert done.returncode == 1 and [f["path"] for f in json.loads(done.stdout)["files"]] == [str(Path("berita/a.txt"))]


@pytest.mark.parametrize("option, expect", [
    ("--config", "pipe.toml: cannot read: a named pipe (FIFO), not a regular file"),
    ("--baseline", "pipe.toml: cannot read the baseline: a named pipe (FIFO), not a regular file"),
    ("--rules", "r.yaml: cannot read: a named pipe (FIFO), not a regular file"),
])
def test_a_fifo_as_config_baseline_or_rule_file_is_one_line(folder, option, expect):
    fifo(folder / "pipe.toml")
    (folder / "aturan").mkdir()
    fifo(folder / "aturan" / "r.yaml")
    done = run("check", "berita", option, "aturan" if option == "--rules" else "pipe.toml", cwd=folder)
    assert done.returncode == 2 and done.stdout == ""
    one_line(done.stderr, expect)


def test_every_read_is_capped(folder, capsys):
    (folder / "berita" / "b.txt").write_text(BAD_WEEKDAY * 200, encoding="utf-8")
    (folder / "base.json").write_text(json.dumps({"version": 1, "findings": []}) + " " * 6000, encoding="utf-8")
    assert main(["check", "berita", "--max-size", "5000", "--baseline", "base.json"]) == 2
    one_line(capsys.readouterr().err, "base.json: the baseline is larger than the 5,000-byte limit", "--max-size")
    assert main(["check", "berita", "--max-size", "5000", "--format", "json"]) == 2
    files = json.loads(capsys.readouterr().out)["files"]
    assert "larger than the" in files[1]["error"] and files[0]["error"] is None


def test_yaml_aliases_are_bounded_and_still_work():
    assert safe_yaml("a: &x [1, 2]\nb: *x\nc: [*x, *x]\n") == {"a": [1, 2], "b": [1, 2], "c": [[1, 2], [1, 2]]}
    started = time.monotonic()
    with pytest.raises(AliasBomb, match="aliases repeat this document"):
        safe_yaml(BILLION_LAUGHS)
    with pytest.raises(AliasBomb, match="refers to a node that holds it"):
        safe_yaml("a: &a [1, *a]\n")
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("anchored", [
    "&a [1, *a]\n",  # at the start of the document
    "a:\n  - &a [1, *a]\n",  # after a block sequence's dash
    "a: [0, &a [1, *a]]\n",  # after a flow sequence's comma...
    "a: [&a [1, *a]]\n",  # ...or its bracket
    "{a: &a [1, *a]}\n",
    '{"a":&a [1, *a]}\n',  # after a JSON-like key's colon, with no space
    "a: !!seq\t&a [1, *a]\n",  # after a tag and a tab
])
def test_every_place_an_anchor_can_stand_is_walked(anchored):
    """Documents without an anchor are not walked for aliases: each way YAML lets one be written is seen."""
    with pytest.raises(AliasBomb, match="refers to a node that holds it"):
        safe_yaml(anchored)


def test_an_ampersand_in_a_value_is_no_anchor():
    assert safe_yaml("a: AT&T, R&D\nb: 'x &y'\n") == {"a": "AT&T, R&D", "b": "x &y"}


def test_a_billion_laughs_in_front_matter_is_that_article_s_error(folder, capsys):
    front = BILLION_LAUGHS + "factcheck: {disable: *i}\n"
    (folder / "berita" / "bom.md").write_text(f"---\n{front}---\n{BAD_WEEKDAY}", encoding="utf-8")
    assert main(["check", "berita", "--format", "json"]) == 2
    a, bomb = json.loads(capsys.readouterr().out)["files"]
    assert bomb["error"].startswith(f"{Path('berita/bom.md')}: malformed front matter: aliases repeat")
    assert len(a["findings"]) == 1


def test_a_billion_laughs_in_a_rule_file_is_one_line(folder, capsys):
    (folder / "aturan").mkdir()
    (folder / "aturan" / "bom.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    assert main(["check", "berita", "--rules", "aturan"]) == 2
    one_line(capsys.readouterr().err, "bom.yaml: not valid YAML: aliases repeat this document")


@pytest.mark.parametrize("make, expect", [
    (lambda p: p.mkdir(), "cannot read the baseline: a folder, not a regular file"),
    (lambda p: p.write_text("[" * 100_000 + "]" * 100_000), "not a factcheck baseline (JSON nested too deeply)"),
    (lambda p: p.write_bytes(b"\xff\xfe\x00"), "not a factcheck baseline"),
    (lambda p: p.write_text('{"findings": [{"path": [], "fingerprint": 1}]}'), "not a factcheck baseline"),
])
def test_a_broken_baseline_is_one_line_before_the_run(folder, capsys, make, expect):
    make(folder / "base.json")
    assert main(["check", "berita", "--baseline", "base.json"]) == 2
    out, err = capsys.readouterr()
    one_line(err, f"base.json: {expect}")
    assert out == ""  # refused before any article was checked


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_baseline_is_one_line(folder, capsys):
    (folder / "base.json").write_text('{"version": 1, "findings": []}', encoding="utf-8")
    os.chmod(folder / "base.json", 0)
    assert main(["check", "berita", "--baseline", "base.json"]) == 2
    one_line(capsys.readouterr().err, "base.json: cannot read the baseline: Permission denied")


def test_a_baseline_below_a_file_is_one_line(folder, capsys):
    assert main(["check", "berita", "--baseline", "berita/a.txt/base.json"]) == 2
    one_line(capsys.readouterr().err, "cannot read the baseline: Not a directory")


@pytest.mark.parametrize("name, content, expect", [
    ("conf.toml", b'fail-on = "\xe9rror"\n', "conf.toml: not UTF-8 text (byte 11); save it as UTF-8"),
    ("conf.toml", b"a = " + b"[" * 100_000 + b"]" * 100_000, "conf.toml: not valid TOML: nested too deeply"),
    ("pyproject.toml", b"[tool]\nfactcheck = 1\n", "'tool.factcheck' must be a table"),
])
def test_a_broken_config_is_one_line(folder, capsys, name, content, expect):
    (folder / name).write_bytes(content)
    assert main(["check", "berita", "--config", name]) == 2
    one_line(capsys.readouterr().err, expect)


def test_a_pyproject_whose_tool_is_not_a_table_is_not_a_config(folder, capsys):
    (folder / "pyproject.toml").write_text("tool = 1\n", encoding="utf-8")  # in a parent folder: passed over
    (folder / "berita" / "pyproject.toml").write_text("tool = 1\n", encoding="utf-8")
    assert main(["check", "berita", "-q"]) == 1
    assert main(["check", "berita", "--config", "pyproject.toml", "-q"]) == 1  # named: a config without settings
    assert capsys.readouterr().err == ""


def test_a_config_that_is_too_large_is_one_line(folder, capsys, monkeypatch):
    import factcheck.config

    monkeypatch.setattr(factcheck.config, "DEFAULT_MAX_SIZE", 100)
    (folder / "conf.toml").write_text("# padding\n" * 20, encoding="utf-8")
    assert main(["check", "berita", "--config", "conf.toml"]) == 2
    one_line(capsys.readouterr().err, "conf.toml: larger than the 100-byte limit")


@pytest.mark.parametrize("name", [None, "export.jsonl"])
def test_closed_standard_input_is_an_error_entry(folder, name):
    named = ["--stdin-filename", name] if name else []
    done = run("check", "-", "berita", "--format", "json", *named, cwd=folder, preexec_fn=lambda: os.close(0))
    assert done.returncode == 2
    stdin, article = json.loads(done.stdout)["files"]
    assert stdin["error"].startswith(f"{name or '<stdin>'}: standard input is closed")
    assert len(article["findings"]) == 1


def test_a_config_or_rule_error_raises_config_error(tmp_path):
    (tmp_path / "bom.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(ConfigError, match="aliases repeat"):
        Checker(rule_dirs=[tmp_path])


# 3. Processes


def test_a_killed_worker_s_files_are_checked_again_in_this_process(tmp_path, monkeypatch):
    parent = os.getpid()
    original = CheckerClass.check_target

    def killed_in_a_worker(self, target, options):
        if os.getpid() != parent and Path(target).name == "korban.txt":
            os._exit(9)  # as the out-of-memory killer would
        return original(self, target, options)

    monkeypatch.setattr(CheckerClass, "check_target", killed_in_a_worker)
    paths = []
    for i in range(12):
        paths.append(tmp_path / ("korban.txt" if i == 5 else f"a{i:02}.txt"))
        paths[-1].write_text(BAD_WEEKDAY, encoding="utf-8")
    report = Checker().check_paths(sorted(paths), jobs=3)
    assert [f.path for f in report.files] == [str(p) for p in sorted(paths)]
    assert all(f.error is None and len(f.findings) == 1 for f in report.files)


def test_a_ctrl_c_dropped_in_a_finaliser_still_stops_the_batch(tmp_path, monkeypatch, capsys):
    """Python drops a KeyboardInterrupt raised inside a finaliser; the command still stops at its next report."""
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(BAD_WEEKDAY, encoding="utf-8")
    check_stream = CheckerClass.check_stream

    def interrupted_after_the_first(self, *args, **kwargs):
        for n, report in enumerate(check_stream(self, *args, **kwargs)):
            yield report
            if n == 0:
                with contextlib.suppress(KeyboardInterrupt):  # a finaliser drops what is raised in it...
                    signal.raise_signal(signal.SIGINT)  # ...while Ctrl-C comes

    monkeypatch.setattr(CheckerClass, "check_stream", interrupted_after_the_first)
    assert main(["check", str(tmp_path), "-j", "1", "--format", "jsonl"]) == 130
    out, err = capsys.readouterr()
    assert err == "factcheck: interrupted\n" and len(out.splitlines()) == 1  # the first report, no other
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # Python's own handler is back


def _written(paths) -> int:
    """How many bytes the files hold, a file removed meanwhile counting none."""
    total = 0
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            total += path.stat().st_size
    return total


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_is_one_line_and_exit_130(tmp_path, jobs):
    batch = tmp_path / "batch"
    batch.mkdir()
    # four copies of the seed article a file: the batch takes far longer to check than it takes to start,
    # even with two workers of the compiled build (docs/performance.md)
    article = (Path(__file__).resolve().parents[1] / "seeds" / "000_0004280dd5a0e338.txt").read_text() * 4
    for i in range(1500):
        (batch / f"a{i:03}.txt").write_text(article, encoding="utf-8")
    process = subprocess.Popen([*FACTCHECK, "check", str(batch), "-j", jobs, "-q", "--output",
                                str(tmp_path / "r.json")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while _written(tmp_path.glob(".r.json.*.tmp")) < 16384:  # reports are being written: it is checking
        assert process.poll() is None and time.monotonic() < deadline, "the batch did not start checking"
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to every process of the group
    _, err = process.communicate(timeout=30)
    assert (process.returncode, err) == (130, "factcheck: interrupted\n")
    assert not (tmp_path / "r.json").exists()
