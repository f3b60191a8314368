"""One archive export checked in worker processes, in order-preserving chunks, and reports streamed as
they are done: the findings, their order, crash isolation and every output format are those of a serial
run, and what a run holds stays bounded however many records an export has."""
import datetime as dt
import json
import os
import pickle
import signal
import sys

import pytest

from conftest import crash_extraction
from factcheck import Checker
from factcheck.cli import main
from factcheck.models import FileReport, Report
from factcheck.report import hidden, renderer
from factcheck.report.stream import HeldWriter, Tally, writer

WRONG_WEEKDAY = "Rapat digelar pada Senin (7/12/2021), kata juru bicara kantor itu."
WRONG_YEAR = "Gedung itu akan dibuka pada awal 2020, kata pengelola pada Rabu (8/12/2021)."
CLEAN = "Pasar baru itu dibuka untuk umum pada Selasa (7/12/2021) pagi."
ENGLISH = "The bridge was opened on Monday, December 7, 2021, the mayor said."


def records(n: int) -> list[dict]:
    """n records of our own sentences: some with findings, some clean, some without an id, one that
    cannot be read."""
    out = []
    for i in range(n):
        text = (WRONG_WEEKDAY, CLEAN, WRONG_YEAR, ENGLISH)[i % 4]
        record = {"id": f"r{i:03}", "text": f"{text} Berita nomor {i}.", "published": "2021-12-08"}
        if i % 7 == 3:
            del record["id"]  # named by its line
        if i == n // 2:
            record = {"id": "kosong", "text": ""}  # an input error: its own entry
        out.append(record)
    return out


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "arsip.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records(90)), encoding="utf-8")
    return path


def test_one_export_is_checked_by_the_workers_in_the_serial_order(export, monkeypatch):
    parent = os.getpid()
    original = Checker.check_article

    def noted(self, article):  # which process checked each record
        report = original(self, article)
        return report.model_copy(update={"notes": (f"pid {os.getpid()}",)})

    monkeypatch.setattr(Checker, "check_article", noted)
    serial = Checker().check_paths([export], jobs=1)
    parallel = Checker().check_paths([export], jobs=2)
    strip = lambda r: [f.model_copy(update={"notes": ()}) for f in r.files]  # noqa: E731
    assert strip(parallel) == strip(serial) and len(serial.files) == 90
    assert {f.notes for f in serial.files if not f.error} == {(f"pid {parent}",)}
    workers = {n for f in parallel.files for n in f.notes} - {f"pid {parent}"}
    assert workers, "the records of one export went to worker processes"
    assert parallel.summary == serial.summary and serial.summary.errors == 1 and serial.summary.findings >= 40


def test_a_crashing_record_in_a_worker_is_its_own_error(export, monkeypatch):
    crash_extraction(monkeypatch, "nomor 41.", ZeroDivisionError("boom"))  # kept by the forked workers
    report = Checker().check_paths([export], jobs=2)
    errors = [f for f in report.files if f.error]
    assert [f.path for f in errors] == [f"{export}#r041", f"{export}#kosong"]
    assert errors[0].error and "ZeroDivisionError" in errors[0].error and "extraction" in errors[0].error
    assert len(report.files) == 90 and report.summary.findings >= 40


def test_a_checker_that_has_checked_pickles_as_a_spawned_worker_gets_it():
    checker = Checker()
    before = checker.check_text(WRONG_WEEKDAY, published=dt.date(2021, 12, 8), lang="id")  # builds its extractor
    after = pickle.loads(pickle.dumps(checker)).check_text(WRONG_WEEKDAY, published=dt.date(2021, 12, 8), lang="id")
    assert after == before and before.summary.findings == 1


def test_a_worker_killed_mid_export_leaves_the_rest_checked_in_order(export, monkeypatch):
    parent = os.getpid()
    original = Checker.check_article

    def killed(self, article):
        if os.getpid() != parent and "nomor 30." in article.text:
            os._exit(9)  # as the out-of-memory killer would
        return original(self, article)

    monkeypatch.setattr(Checker, "check_article", killed)
    assert Checker().check_paths([export], jobs=2) == Checker().check_paths([export], jobs=1)


def test_the_export_is_read_as_the_reports_are_taken_not_before(export, monkeypatch):
    sources = sys.modules["factcheck.ingest.sources"]  # the module (the package's `sources` is a function)
    taken = []  # the lines of the export this process has parsed; the workers read the articles in them
    original = sources.records

    def counted(*args, **kwargs):
        for item in original(*args, **kwargs):
            taken.append(item[0])
            yield item

    monkeypatch.setattr(sources, "records", counted)
    stream = Checker().check_stream([export], jobs=2)
    first = next(stream)
    assert first.path == f"{export}#r000" and 0 < len(taken) < 60  # a few chunks ahead, not the whole export
    assert len([first, *stream]) == 90 and len(taken) == 90  # every record parsed once


def test_an_interrupted_parallel_run_ends_its_workers_at_once(export, monkeypatch):
    """Ctrl-C while reports stream: the workers are ended, not left to finish the chunks sent to them."""
    from concurrent.futures import ProcessPoolExecutor

    from factcheck import checker as checker_module

    pools = []
    original = ProcessPoolExecutor.__init__

    def kept(self, *args, **kwargs):
        pools.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "__init__", kept)
    stopped = []
    stop = checker_module._stop_workers
    monkeypatch.setattr(checker_module, "_stop_workers", lambda pool: (stopped.append(pool), stop(pool)))
    stream = Checker().check_stream([export], jobs=2)
    next(stream)
    processes = list(pools[0]._processes.values())  # the pool's own table: the test looks, the code need not
    with pytest.raises(KeyboardInterrupt):
        stream.throw(KeyboardInterrupt())
    assert stopped == pools
    for process in processes:
        process.join(timeout=10)
        assert process.exitcode == -signal.SIGTERM  # ended, not shut down after their work (exit code 0)


def test_progress_counts_files_as_each_is_done(tmp_path, export):
    (tmp_path / "b.txt").write_text(WRONG_WEEKDAY, encoding="utf-8")
    calls = []
    Checker().check_paths([export, tmp_path / "b.txt"], jobs=2,
                          progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_json_lines_stream_one_report_per_line_then_the_summary(export, capsys, jobs):
    status = main(["check", str(export), "--format", "jsonl", "-j", jobs])
    lines = capsys.readouterr().out.splitlines()
    main(["check", str(export), "--format", "json", "-j", "1"])
    whole = json.loads(capsys.readouterr().out)
    assert status == 2  # the record without text
    assert [json.loads(line) for line in lines[:-1]] == whole["files"]
    assert json.loads(lines[-1]) == {"summary": whole["summary"]}
    assert [FileReport.model_validate_json(line) for line in lines[:-1]]  # each line is a file report


def streamed(fmt: str, report: Report, level: str = "info", **options) -> str:
    tally, w = Tally(level), writer(fmt, **options)
    out = [w.file(tally.add(f), tally) for f in report.files]
    return "".join(out) + w.end(tally)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    export = folder / "arsip.jsonl"
    export.write_text("".join(json.dumps(r) + "\n" for r in records(12)), encoding="utf-8")
    (folder / "a.txt").write_text(WRONG_WEEKDAY, encoding="utf-8")
    return Checker().check_paths([export, folder / "a.txt", folder / "gone.txt"], published=dt.date(2021, 12, 8))


@pytest.mark.parametrize("level", ["info", "warning", "error"])
@pytest.mark.parametrize("quiet", [False, True])
def test_streamed_text_and_json_are_the_whole_reports(report, level, quiet):
    shown = report.at_least(level)
    for fmt in ("text", "json", "jsonl"):
        assert streamed(fmt, report, level, quiet=quiet) == \
            renderer(fmt)(shown, hidden=hidden(report, level), quiet=quiet)
    empty = Report.of([])
    assert streamed("json", empty) == renderer("json")(empty) and streamed("text", empty) == renderer("text")(empty)


def test_held_formats_keep_only_the_reports_they_need(report):
    with_something = [f for f in report.files if f.findings or f.error]
    assert 0 < len(with_something) < len(report.files)
    for fmt, kept in (("sarif", with_something), ("gitlab", with_something), ("junit", list(report.files))):
        w, tally = writer(fmt), Tally()
        for f in report.files:
            assert w.file(tally.add(f), tally) == ""
        assert isinstance(w, HeldWriter) and w.held == kept
        assert w.end(tally) == renderer(fmt)(report)


def test_an_output_file_is_written_whole_as_the_batch_goes(export, tmp_path, capsys):
    target = tmp_path / "laporan.json"
    assert main(["check", str(export), "-j", "2", "-q", "--output", str(target)]) == 2
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(
        renderer("json")(Checker().check_paths([export])))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_baseline_and_min_severity_apply_to_a_parallel_stream(export, tmp_path, capsys):
    baseline = tmp_path / "dasar.json"
    assert main(["baseline", str(export), "-o", str(baseline), "-q"]) == 2
    assert main(["check", str(export), "-j", "2", "--baseline", str(baseline), "--format", "jsonl"]) == 2
    *files, summary = map(json.loads, capsys.readouterr().out.splitlines())
    assert not [x for f in files for x in f["findings"]] and summary["summary"]["findings"] == 0
    main(["check", str(export), "-j", "2", "--min-severity", "error", "--format", "jsonl"])
    *files, summary = map(json.loads, capsys.readouterr().out.splitlines())
    assert {x["severity"] for f in files for x in f["findings"]} <= {"error"}
