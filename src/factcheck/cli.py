"""The command line: parses arguments, calls the library, picks a renderer. No checking logic here.

Exit status: 0 nothing at or above the fail level; 1 something is; 2 a usage, configuration or input
error (a file that could not be read is reported and the rest of the batch is still checked).
"""
from __future__ import annotations

import argparse
import datetime as dt
import errno
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import FactcheckError
from .ingest.sources import DEFAULT_MAX_SIZE
from .lexicon import languages
from .models import SEVERITY_RANK, Report
from .report import FLAGS, FORMATS
from .report.words import LANGUAGES as REPORT_LANGUAGES

if TYPE_CHECKING:
    from .checker import Checker
    from .settings import Settings

FAIL_LEVELS = ("error", "warning", "info", "never")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; write it as YYYY-MM-DD") from None


def _gate(value: str) -> tuple[str, float]:
    from .evaluate import ALL_TYPES, TIMEX_TYPES

    kind, _, figure = value.rpartition("=")
    kind = kind.strip().upper() or ALL_TYPES
    try:
        f1 = float(figure)
    except ValueError:
        f1 = -1.0
    if kind not in (*TIMEX_TYPES, ALL_TYPES) or not 0 <= f1 <= 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a target; write an F1 between 0 and 1, for all types "
                                         f"(0.85) or for one of {', '.join(TIMEX_TYPES)} (DATE=0.9)")
    return kind, f1


def _scheduler(value: str) -> str:
    if value != "local" and "://" not in value:
        raise argparse.ArgumentTypeError(f"'{value}' is not a scheduler address; write tcp://HOST:PORT, or put the "
                                         f"paths before --dask for a local cluster")
    return value


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes; give 1 or more "
                                         f"(1 checks in this process)")
    return n


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="factcheck", description="Find where a news article contradicts itself.")
    p.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def article_options(sp):
        sp.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD); overrides the dateline")
        sp.add_argument("--lang", help="article language: one with a lexicon (built in: "
                        f"{', '.join(languages())}); detected when not given")
        rule_options(sp)

    def rule_options(sp):
        sp.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                        help="an extra folder of rule files, beside the built-in ones; its lexicon/ subfolder "
                             "is merged over the built-in lexicons (repeatable)")
        sp.add_argument("--lexicon", action="append", type=Path, default=[], metavar="DIR",
                        help="a folder of lexicon files (id.yaml, en.yaml, a new language's), merged over the "
                             "built-in lexicons (repeatable)")

    def selection_options(sp):
        sp.add_argument("--config", type=Path, help="configuration file (default: the nearest .factcheck.toml "
                        "or pyproject.toml with [tool.factcheck], looking up from the first path)")
        sp.add_argument("--select", action="append", default=[], metavar="RULE",
                        help="run only these rules: an id, a category, a glob such as 'temporal.*', or 'experimental' "
                             "(repeatable; experimental rules answer only to their id or 'experimental')")
        sp.add_argument("--changed-since", metavar="REF",
                        help="check only files that differ from the merge base of REF and HEAD (git)")
        sp.add_argument("--warn-unused-suppressions", action="store_true",
                        help="report suppression comments that suppress nothing")
        sp.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                        help="worker processes (default: one per CPU this process may use; 1 checks in this process)")
        sp.add_argument("--quiet", "-q", action="store_true",
                        help="print only findings and errors: no lines for clean files, no summary")
        sp.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE, metavar="BYTES",
                        help=f"largest file or archive record read (default: {DEFAULT_MAX_SIZE:,} bytes)")
        sp.add_argument("--stdin-filename", metavar="NAME",
                        help="the file that standard input (-) stands for: it is read as that type (.md, .html, "
                             ".jsonl...), reported under that name, and configured from that folder")
        sp.add_argument("--record-field", action="append", default=[], metavar="PART=KEY[,KEY...]",
                        help="keys of archive records (.jsonl, .json): text, published, title, lang or id, "
                             "e.g. text=body,content (repeatable)")
        article_options(sp)

    c = sub.add_parser("check", help="check articles and report inconsistencies")
    c.add_argument("paths", nargs="+", help="files, folders (searched recursively) or - for standard input")
    c.add_argument("--format", choices=tuple(FORMATS),
                   help="what to print (default: text, or github when GITHUB_ACTIONS=true)")
    c.add_argument("--output", action="append", type=Path, default=[], metavar="FILE",
                   help="also write the report to FILE, in the format its extension names (.json, .sarif, "
                        ".xml for JUnit, .md, .html, .txt) or else --format (repeatable)")
    c.add_argument("--html-dir", type=Path, metavar="DIR",
                   help="also write the HTML report into the existing folder DIR as index.html and one page per "
                        "article with findings (for large batches)")
    c.add_argument("--report-lang", choices=REPORT_LANGUAGES,
                   help="language of the HTML report's headings, labels and dates (default: the articles')")
    c.add_argument("--fail-on", choices=FAIL_LEVELS,
                   help="lowest severity that makes the exit status 1 (default: warning)")
    c.add_argument("--min-severity", choices=("error", "warning", "info"),
                   help="show only findings at or above this severity (the exit status still counts all)")
    c.add_argument("--baseline", type=Path, help="hide the findings recorded in this baseline file")
    c.add_argument("--statistics", action="store_true",
                   help="print the number of findings per rule instead of the findings "
                        "(text, or JSON with --format json)")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    c.add_argument("--dask", nargs="?", const="local", type=_scheduler, metavar="SCHEDULER",
                   help="check JSON Lines, JSON or Parquet shards (files, folders, globs or fsspec URLs) on a Dask "
                        "cluster: a local one sized to this machine, or the scheduler at tcp://HOST:PORT; findings "
                        "go to --output DIR as Parquet shards (JSON Lines with --format jsonl). Needs the dask extra")
    selection_options(c)

    b = sub.add_parser("baseline", help="record the current findings, to show only new ones later")
    b.add_argument("paths", nargs="+")
    b.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    selection_options(b)

    g = sub.add_parser("graph", help="export the claim graph of one article")
    g.add_argument("path")
    g.add_argument("--format", choices=("json", "graphml", "dot", "svg"), default="json")
    g.add_argument("--output", type=Path)
    article_options(g)

    t = sub.add_parser("times", help="list the time expressions of articles (TimeML types and values)")
    t.add_argument("paths", nargs="+", help="files, folders (searched recursively) or - for standard input")
    t.add_argument("--format", choices=("text", "json", "timeml"), default="text",
                   help="text (default), JSON (a list of articles with their times) or TimeML (one document per "
                        "article)")
    t.add_argument("--output-dir", type=Path, metavar="DIR",
                   help="write each article's TimeML document into the existing folder DIR, as NAME.tml")
    t.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD); overrides the dateline")
    t.add_argument("--lang", help="article language: one with a lexicon (built in: "
                   f"{', '.join(languages())}); detected when not given")
    t.add_argument("--lexicon", action="append", type=Path, default=[], metavar="DIR",
                   help="a folder of lexicon files merged over the built-in lexicons, as for check (repeatable)")
    t.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE, metavar="BYTES",
                   help=f"largest file or archive record read (default: {DEFAULT_MAX_SIZE:,} bytes)")
    t.add_argument("--record-field", action="append", default=[], metavar="PART=KEY[,KEY...]",
                   help="keys of archive records (.jsonl, .json): text, published, title, lang or id (repeatable)")
    t.add_argument("--stdin-filename", metavar="NAME",
                   help="the file that standard input (-) stands for: it is read as that type and named so")

    e = sub.add_parser("eval", help="score the checker on annotated JSON Lines corpora, and time expressions on "
                                    "TimeML gold")
    e.add_argument("corpora", nargs="+", type=Path,
                   help="annotated corpora (.jsonl, .json), and TimeML documents (.tml) or folders of them")
    e.add_argument("--show", action="store_true", help="list every false positive and every miss")
    e.add_argument("--lang", choices=languages(), help="language of the TimeML documents; detected when not given")
    e.add_argument("--min-f1", action="append", type=_gate, default=[], metavar="[TYPE=]F1",
                   help="TimeML: exit 1 when the relaxed F1 of all types (or of TYPE: DATE, TIME, DURATION, SET) "
                        "is lower (repeatable)")
    e.add_argument("--min-value-f1", action="append", type=_gate, default=[], metavar="[TYPE=]F1",
                   help="TimeML: exit 1 when the value F1 of all types (or of TYPE) is lower (repeatable)")
    e.add_argument("--min-precision", type=float, help="exit 1 when the total precision is lower")
    e.add_argument("--min-recall", type=float, help="exit 1 when the total recall is lower")
    e.add_argument("--max-false-alarm", type=float, help="exit 1 when the total false-alarm rate is higher")
    e.add_argument("--select", action="append", default=[], metavar="RULE",
                   help="score only these rules: an id, a category, a glob or 'experimental' (repeatable)")
    rule_options(e)

    r = sub.add_parser("rules", help="list the rules, or explain one")
    r.add_argument("id", nargs="?")
    r.add_argument("--markdown", action="store_true", help="print the rules reference (docs/rules.md)")
    r.add_argument("--config", type=Path, help="configuration file whose rule folders to include")
    r.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR")

    s = sub.add_parser("serve", help="serve the checker over HTTP: an API, LanguageTool's API and a web page")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    s.add_argument("--port", type=int, default=8081, help="port to listen on (default: 8081)")
    s.add_argument("--token", default=os.environ.get("FACTCHECK_TOKEN"),
                   help="require this token from clients (default: $FACTCHECK_TOKEN; none: anyone who can connect)")
    s.add_argument("--allow-origin", action="append", default=[], metavar="ORIGIN",
                   help="a web origin whose pages may call the API from a browser (CORS; repeatable)")
    s.add_argument("--max-body", type=int, default=1_000_000, metavar="BYTES",
                   help="largest request body accepted (default: 1,000,000 bytes)")
    s.add_argument("--workers", type=_jobs, default=1, metavar="N", help="server processes (default: 1)")
    s.add_argument("--config", type=Path, help="configuration file (default: the nearest one at or above the "
                   "current folder)")
    s.add_argument("--select", action="append", default=[], metavar="RULE", help="run only these rules (repeatable)")
    rule_options(s)

    ls = sub.add_parser("lsp", help="run the language server over stdio, for editors")
    ls.add_argument("--config", type=Path, help="configuration file (default: the nearest one at or above each "
                    "document)")
    ls.add_argument("--select", action="append", default=[], metavar="RULE", help="run only these rules (repeatable)")
    rule_options(ls)
    return p


def _settings(args: argparse.Namespace, paths: Sequence[str] = ()) -> Settings:
    """The settings of a command: the configuration file (`--config`, else the nearest one at or above the
    first path; none without paths), with the command's options over it."""
    from .config import Config
    from .settings import Settings

    named = [getattr(args, "stdin_filename", None) if p == "-" else p for p in paths]  # stdin: where it stands
    overrides = {"rules": args.rules, "lexicons": getattr(args, "lexicon", ()), "select": getattr(args, "select", ()),
                 "fail_on": getattr(args, "fail_on", None), "min_severity": getattr(args, "min_severity", None),
                 "warn_unused_suppressions": getattr(args, "warn_unused_suppressions", None) or None}
    if not paths:
        return Settings.resolve(Config(), **overrides)
    settings = Settings.load(getattr(args, "config", None), start=Path(next((p for p in named if p), ".")),
                             **overrides)
    _check_lang(getattr(args, "lang", None), settings.lexicons)
    return settings


def _check_lang(lang: str | None, lexicons: Sequence[Path]) -> None:
    """A usage error unless `--lang` names a language that the lexicons (built-in and `lexicons`) read."""
    if lang is not None and lang not in languages(lexicons):
        raise UsageError(f"--lang {lang}: no lexicon for this language; use one of "
                         f"{', '.join(languages(lexicons))}, or add its lexicon file with --lexicon DIR")


def _checker(settings: Settings, keep_text: bool = False) -> Checker:
    from .checker import Checker

    return Checker(settings, keep_text=keep_text)


class UsageError(FactcheckError):
    """An option the command cannot act on."""


def _writable(target: Path, reads=()) -> Path:
    """`target`, when a report can be written there and it is none of the files the run `reads`; checked
    before any article is, so that a long run does not end on a typo, nor overwrite an article."""
    from .files import clashing

    if target.is_dir():
        raise UsageError(f"{target}: is a folder; name a file to write the report to, such as {target / 'report.txt'}")
    if target.parent.exists() and not target.parent.is_dir():
        raise UsageError(f"{target}: {target.parent} is a file, not a folder; name a report file in a folder")
    if not target.parent.is_dir():
        raise UsageError(f"{target}: the folder {target.parent} does not exist; create it first "
                         f"(mkdir -p {target.parent})")
    same = clashing(target, reads)
    if same is not None:
        raise UsageError(f"{target}: is {same}, which this run reads; writing there would overwrite it, so "
                         f"name another file")
    return target


def _reads(args, paths, settings: Settings, targets) -> list[Path]:
    """The files a run reads that the output `targets` must not replace: the named inputs, the articles
    of named folders among the targets, the configuration, the baseline and the rule files."""
    from .checker import checked_in

    named = [Path(p) for p in paths if p != "-"]
    folders = [f.resolve() for f in named if f.is_dir()]
    found = [t for t in map(Path.resolve, targets) for f in folders if t.is_relative_to(f) and checked_in(f, t)]
    baseline = getattr(args, "baseline", None)
    return [*named, *found, *settings.read_files(), *([baseline] if baseline else [])]


@contextmanager
def _writing(what):
    """Turns a failed write of `what` into one line naming it."""
    try:
        yield
    except OSError as exc:
        raise UsageError(f"{what}: cannot write the report: {exc.strerror or exc}") from None


def _stdout(text: str) -> None:
    if sys.stdout is None:  # started with standard output closed
        raise OSError(errno.EBADF, "standard output is closed")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        # Whatever is left goes nowhere, so that Python's own flush at exit does not fail again.
        with suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if not isinstance(exc, BrokenPipeError):  # `| head`: the reader has gone, and that is no error
            raise


def _write(text: str, output: Path | None) -> None:
    from .files import write_atomic

    with _writing(output or "standard output"):
        write_atomic(output, text) if output else _stdout(text)


def _append_summary(text: str, path: str) -> None:
    from .files import append_text

    with _writing(f"GITHUB_STEP_SUMMARY={path}"):
        append_text(path, text)


def _attempt(problems: list[str], write, *args) -> None:
    """`write(*args)`, a failure added to `problems` rather than raised, so that the other outputs are
    still written."""
    try:
        write(*args)
    except UsageError as exc:
        problems.append(str(exc))


OUTPUT_SUFFIXES = {".json": "json", ".sarif": "sarif", ".xml": "junit", ".md": "markdown", ".html": "html",
                   ".txt": "text"}


class _Progress:
    """`[#####.....] 120/2000 files` on a terminal's standard error, once a batch has taken half a second;
    redrawn at most ten times a second, and cleared at the end so that the report follows alone."""

    def __init__(self, stream):
        self.stream, self.started, self.drawn, self.shown = stream, time.monotonic(), None, False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and (now - self.started < 0.5 or (self.drawn is not None and now - self.drawn < 0.1)):
            return
        if done == total:
            self.clear()
            return
        self.drawn, self.shown = now, True
        filled = 30 * done // total
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} files")
        self.stream.flush()

    def clear(self) -> None:
        """Takes the bar off the terminal: at the end, and before report lines are written to it."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


class _Sink:
    """One output of `check`, written as the batch goes: standard output, or a file written through a
    temporary one put in place at the end (whole or not at all). A failed write is one problem, and the
    rest of that output is dropped; the other outputs are still written."""

    def __init__(self, writer, target: Path | None, problems: list[str], before=None):
        from .files import AtomicFile

        self.writer, self.target, self.problems, self.before = writer, target, problems, before
        self.file, self.failed = None, False
        if target:
            self._attempt(lambda: setattr(self, "file", AtomicFile(target)))

    def write(self, text: str) -> None:
        if text and not self.failed:
            self._attempt(self._put, text)

    def _put(self, text: str) -> None:
        if self.target is None:
            if self.before:
                self.before()
            _stdout(text)
        else:
            assert self.file is not None  # opened in __init__, or this output has failed and writes nothing
            self.file.write(text.encode("utf-8", "replace"))  # a lone surrogate (a file name's) must not end it

    def close(self, complete: bool) -> None:
        """Puts a complete file output in place; leaves the target as it was otherwise."""
        if self.file is not None and not self.failed:
            self._attempt(self.file.commit) if complete else self.file.discard()

    def _attempt(self, action, *args) -> None:
        try:
            with _writing(self.target or "standard output"):
                action(*args)
        except UsageError as exc:
            self.failed = True
            self.problems.append(str(exc))
            if self.file is not None:
                self.file.discard()


def _run(args, settings: Settings, keep_text=False, progress=None):
    """Check what the arguments and the configuration select; the checker and its file reports, each as
    soon as it is checked, before any display filtering."""
    from .changed import changed_files, restrict
    from .ingest import RecordFields

    if args.stdin_filename and "-" not in args.paths:
        raise UsageError(f"--stdin-filename {args.stdin_filename}: names standard input, which is read only "
                         f"when - is one of the paths")
    paths = list(args.paths)
    if args.changed_since:
        paths = [str(p) for p in restrict([Path(p) for p in paths if p != "-"],
                                          changed_files(args.changed_since, Path.cwd()))]
    checker = _checker(settings, keep_text)
    reports = checker.check_stream(paths, published=args.published, lang=args.lang, jobs=args.jobs,
                                   max_size=args.max_size, record_fields=RecordFields.from_options(args.record_field),
                                   stdin_filename=args.stdin_filename, progress=progress)
    return checker, reports


def _progress(args) -> _Progress | None:
    return _Progress(sys.stderr) if sys.stderr.isatty() and not args.quiet else None


def cmd_check(args) -> int:
    from .baseline import baseline_filter, read_baseline
    from .ingest import RecordFields
    from .report.stream import HeldWriter, Tally, Writer, writer

    if args.dask:
        return _check_on_dask(args)
    default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    # Each --output file in the format its suffix names (else --format); standard output shows --format,
    # unless a file already receives it, then the default.
    settings = _settings(args, args.paths)
    reads = _reads(args, args.paths, settings,
                   [*args.output, *([args.html_dir / "index.html"] if args.html_dir else [])])
    files = [(_writable(t, reads), OUTPUT_SUFFIXES.get(t.suffix.lower(), args.format or default)) for t in args.output]
    fmt = args.format if args.format and args.format not in {f for _, f in files} else default
    if args.statistics and fmt not in ("text", "json"):
        raise UsageError(f"--statistics prints text, or JSON with --format json, not {fmt}; write the {fmt} "
                         f"report with --output")
    if args.html_dir:
        _writable(args.html_dir / "index.html", reads)
    baseline = read_baseline(args.baseline, args.max_size) if args.baseline else None  # a bad one fails first
    progress = _progress(args)
    checker, reports = _run(args, settings, keep_text=bool(args.html_dir) or "html" in {fmt, *(f for _, f in files)},
                            progress=progress)
    colour = args.color == "always" or (args.color == "auto" and sys.stdout is not None and sys.stdout.isatty()
                                        and not os.environ.get("NO_COLOR"))
    options = {"rules": checker.rules, "colour": colour, "quiet": args.quiet,
               "record_fields": RecordFields.from_options(args.record_field), "report_lang": args.report_lang,
               "analyses": checker.analyser.recover}
    problems: list[str] = []  # outputs that could not be written: each said in one line, the others still are
    # Every output is written as the file reports come (text, JSON and JSON Lines at once, the other
    # formats from what they hold at the end), so that memory stays flat on a large export.
    sinks = [_Sink(writer(out_fmt, **{**options, "colour": False}), target, problems) for target, out_fmt in files]
    shown: Writer
    if args.statistics:
        from .report.statistics import render as statistics
        shown = HeldWriter(lambda report, **_: statistics(report, checker.rules, as_json=fmt == "json"))
    else:
        shown = writer(fmt, **options)
    sinks.append(_Sink(shown, None, problems, before=progress and progress.clear))
    # --html-dir's writer only holds the reports, for pages(): it renders nothing itself
    html_dir = HeldWriter(None, keep_clean=True) if args.html_dir else None  # type: ignore[arg-type]
    summary = writer("markdown", **options) if os.environ.get("GITHUB_STEP_SUMMARY") else None
    tally = Tally(settings.min_severity)
    hide = baseline_filter(baseline) if baseline else None
    complete = False
    try:
        for f in reports:
            if _ctrl_c.is_set():  # a Ctrl-C whose KeyboardInterrupt was dropped (_ctrl_c_remembered)
                raise KeyboardInterrupt
            f = tally.add(hide(f) if hide else f)
            for sink in sinks:
                sink.write(sink.writer.file(f, tally))
            for held in (html_dir, summary):
                if held:
                    held.file(f, tally)
        for sink in sinks:
            sink.write(sink.writer.end(tally))
        complete = True
    finally:
        for sink in sinks:
            sink.close(complete)
    if html_dir:
        from .report.html import pages
        for name, page in pages(html_dir.report(tally), **options, hidden=tally.hidden).items():
            _attempt(problems, _write, page, args.html_dir / name)
    if summary:
        _attempt(problems, _append_summary, summary.end(tally), os.environ["GITHUB_STEP_SUMMARY"])
    for problem in problems:
        print(f"factcheck: {problem}", file=sys.stderr)
    return _status(tally, settings.fail_on, problems)


_ctrl_c = threading.Event()  # a Ctrl-C came during this command


def _on_ctrl_c(signum, frame) -> None:
    _ctrl_c.set()
    raise KeyboardInterrupt


@contextmanager
def _ctrl_c_remembered():
    """Ctrl-C remembered as well as raised. Python raises KeyboardInterrupt wherever the main thread is, and
    one raised inside a finaliser (a generator the collector closes, a weak reference's callback) is
    printed and dropped: a batch would run on. `check` raises it again at its next report. Python's own
    handler is replaced only where it is in place (not where Ctrl-C is ignored), and put back after."""
    _ctrl_c.clear()
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    signal.signal(signal.SIGINT, _on_ctrl_c)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _check_on_dask(args) -> int:
    """`check --dask`: one task per shard on a Dask cluster, findings written as shards of --output DIR."""
    from .ingest import ReadOptions, RecordFields
    from .report.text import summary_text

    unsupported = [name for name, given in (("--baseline", args.baseline), ("--html-dir", args.html_dir),
                                            ("--changed-since", args.changed_since), ("--statistics", args.statistics),
                                            ("--min-severity", args.min_severity), ("-", "-" in args.paths)) if given]
    if unsupported or len(args.output) != 1 or args.format not in (None, "jsonl"):
        raise UsageError("--dask writes its findings as Parquet shards (or JSON Lines with --format jsonl) into one "
                         "folder, --output DIR, and reads shard files"
                         + (f"; it does not take {', '.join(unsupported)}" if unsupported else ""))
    with _extra("check --dask", "dask"):
        import distributed  # noqa: F401  (the scheduler's client; missing without the extra)

        from .dask import RecordCheck, check_shards, client_for, shard_urls
    settings = _settings(args, [p for p in args.paths if "://" not in p] or ["."])
    output = str(args.output[0])
    urls = shard_urls(args.paths)
    if not urls:
        raise UsageError(f"{' '.join(args.paths)}: no shards found (.jsonl, .ndjson, .json or .parquet files)")
    options = ReadOptions(args.published, args.lang, args.max_size, RecordFields.from_options(args.record_field),
                          settings.languages, lexicons=settings.lexicons)
    check = RecordCheck(_checker(settings), options, names=FLAGS)
    with client_for(args.dask) as client:
        tally = check_shards(urls, output, check, suffix=".jsonl" if args.format == "jsonl" else ".parquet",
                             client=client)
    if not args.quiet:
        _write(summary_text(tally.summary).rstrip("\n") + f"; findings in {output} ({len(urls)} shards)\n", None)
    return _status(tally, settings.fail_on)


def _status(tally, fail_on: str, problems=()) -> int:
    """2 for an article that could not be checked or an output that could not be written; else 1 when a
    finding is at or above `fail_on`."""
    if tally.errors or problems:
        return 2
    if fail_on == "never" or tally.worst is None:
        return 0
    return 1 if SEVERITY_RANK[tally.worst] >= SEVERITY_RANK[fail_on] else 0


def cmd_baseline(args) -> int:
    from .baseline import write_baseline

    settings = _settings(args, args.paths)
    _writable(args.output, _reads(args, args.paths, settings, [args.output]))
    _, reports = _run(args, settings, progress=_progress(args))
    report = Report.of(list(reports))
    with _writing(args.output):
        n = write_baseline(report, args.output)
    if not args.quiet:
        print(f"factcheck: recorded {n} finding(s) of {report.summary.files} file(s) in {args.output}",
              file=sys.stderr)
    return 2 if report.summary.errors else 0


def cmd_graph(args) -> int:
    from . import claims
    from .ingest import read_article

    settings = _settings(args, [args.path])
    if args.output:
        _writable(args.output, _reads(args, [args.path], settings, [args.output]))
    checker = _checker(settings)
    article = read_article(args.path, published=args.published, lang=args.lang, lexicons=settings.lexicons)
    analysis = checker.analyser.analyse(article)  # analysed once: the graph drawn is the one checked
    g = claims.to_networkx(analysis.claims)
    from .report.svg import to_svg

    export = {"json": claims.to_json, "graphml": claims.to_graphml, "dot": claims.to_dot,
              "svg": lambda g: to_svg(g, checker.check_analysis(analysis).findings)}[args.format]
    _write(export(g).rstrip("\n") + "\n", args.output)
    return 0


def cmd_eval(args) -> int:
    from .evaluate import format_scores, format_timex_scores, is_timeml, score_file, score_timeml, timex_total, total

    # Annotated corpora score the checker; TimeML documents score the time expressions. Given together,
    # both are scored, each with its own targets.
    timeml = [p for p in args.corpora if is_timeml(p)]
    corpora = [p for p in args.corpora if not is_timeml(p)]
    failed, crashed = [], 0
    if corpora:
        checker = _checker(_settings(args))
        scores = [score_file(p, checker) for p in corpora]
        sys.stdout.write(format_scores(scores, show=args.show))
        t = total(scores)
        if args.min_precision is not None and (t.precision or 0.0) < args.min_precision:
            failed.append(f"precision {t.precision or 0:.3f} < {args.min_precision}")
        if args.min_recall is not None and (t.recall or 0.0) < args.min_recall:
            failed.append(f"recall {t.recall or 0:.3f} < {args.min_recall}")
        if args.max_false_alarm is not None and (t.false_alarm or 0.0) > args.max_false_alarm:
            failed.append(f"false-alarm rate {t.false_alarm:.3f} > {args.max_false_alarm}")
        crashed += sum(len(s.errors) for s in scores)
    if timeml:
        found = [score_timeml(p, args.lang) for p in timeml]
        sys.stdout.write(("\n" if corpora else "") + format_timex_scores(found, show=args.show))
        whole = timex_total(found)
        for kind, gates in (("relaxed", args.min_f1), ("value", args.min_value_f1)):
            for name, target in gates:
                f1 = whole.by_type[name].f1(kind) or 0.0
                if f1 < target:
                    failed.append(f"{name} {kind} F1 {f1:.3f} < {target}")
        crashed += sum(len(s.errors) for s in found)
    for f in failed:
        print(f"factcheck eval: below target: {f}", file=sys.stderr)
    if crashed:
        print(f"factcheck eval: the checker failed on {crashed} article(s) (the ERROR lines)", file=sys.stderr)
        return 2
    return 1 if failed else 0


def cmd_times(args) -> int:
    from .timex import read_times, render_times, timeml_documents

    if args.output_dir and args.format != "timeml":
        raise UsageError("--output-dir writes TimeML documents; add --format timeml")
    if args.output_dir and not args.output_dir.is_dir():
        raise UsageError(f"--output-dir {args.output_dir}: no such folder; create it first "
                         f"(mkdir -p {args.output_dir})")
    errors: list[str] = []

    def noted(articles):
        for a in articles:
            if a.error:
                errors.append(a.error)
            yield a

    _check_lang(args.lang, args.lexicon)
    articles = noted(read_times(args.paths, published=args.published, lang=args.lang, max_size=args.max_size,
                                record_fields=args.record_field, stdin_filename=args.stdin_filename, names=FLAGS,
                                lexicons=args.lexicon))
    if args.format == "timeml":  # a document per article: into a folder, or the one article to standard output
        documents = timeml_documents(articles)
        if args.output_dir:
            for name, document in documents:
                _write(document, args.output_dir / name)
        else:
            first, second = next(documents, None), next(documents, None)
            if second is not None:
                raise UsageError("more than one article: TimeML holds one document per file; write them into a "
                                 "folder with --output-dir DIR")
            if first is not None:
                _write(first[1], None)
        for error in errors:  # the other formats list them with the articles
            print(f"factcheck: {error}", file=sys.stderr)
    else:
        for piece in render_times(articles, args.format):
            _write(piece, None)
    return 2 if errors else 0


def cmd_rules(args) -> int:
    from .checks import load_rules

    rules = load_rules(list(_settings(args, ["."]).rule_folders))
    if args.markdown:
        from .docs import rules_markdown
        sys.stdout.write(rules_markdown(rules))
        return 0
    if args.id is None:
        for r in rules:
            status = f"experimental ({r.experimental})" if r.experimental else "on"
            print(f"{r.id:<40} {r.category:<9} {r.severity:<8} {status:<38} {r.summary.en}")
        return 0
    rule = next((r for r in rules if r.id == args.id), None)
    if rule is None:
        print(f"factcheck: no rule '{args.id}'; `factcheck rules` lists them", file=sys.stderr)
        return 2
    print(f"{rule.id}  ({rule.category}, {rule.severity}, check kind '{rule.check}')\n")
    print(rule.summary.en)
    if rule.experimental:
        print(f"\nExperimental, off by default: {rule.experimental} ({rule.experimental.measured}). "
              f"Turn it on with --select {rule.id}.")
    if rule.description:
        print(f"\n{rule.description.en}")
    for ex in rule.examples:
        when = f", published {ex.published}" if ex.published else ""
        print(f"\n  [{ex.expect}, {ex.lang}{when}] {ex.text}")
    return 0


@contextmanager
def _extra(command: str, extra: str):
    """A module of an optional extra that is not installed, as a usage error saying how to install it."""
    try:
        yield
    except ImportError as exc:
        raise UsageError(f"factcheck {command} needs the {extra} extra ({exc.name} is missing); install it "
                         f"with pip install 'factcheck-news[{extra}]'") from None


def cmd_serve(args) -> int:
    with _extra("serve", "server"):
        from .server.app import ServerOptions, serve
    options = ServerOptions(settings=_settings(args, ["."]), token=args.token, allow_origins=args.allow_origin,
                            max_body=args.max_body)
    serve(options, args.host, args.port, args.workers)
    return 0


def cmd_lsp(args) -> int:
    with _extra("lsp", "lsp"):
        from .server.lsp import build
    build(args.config, args.rules, args.select, args.lexicon).start_io()
    return 0


def main(argv=None) -> int:
    parser = _parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # as ruff and git: the help, and the status of a usage error
        parser.print_help(sys.stderr)
        return 2
    args = parser.parse_args(argv)
    try:
        commands = {"check": cmd_check, "baseline": cmd_baseline, "graph": cmd_graph, "times": cmd_times,
                    "eval": cmd_eval, "rules": cmd_rules,
                    "serve": cmd_serve, "lsp": cmd_lsp}
        with _ctrl_c_remembered():
            return commands[args.command](args)
    except FactcheckError as exc:
        print(f"factcheck: {exc.text(FLAGS)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `factcheck ... | head`: the reader has gone; nothing to report
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:  # Ctrl-C: one line, and the status of a shell's interrupted command
        print("factcheck: interrupted", file=sys.stderr)
        return 130


def run() -> None:
    """The `factcheck` command: `main`, then the end of the process. What is still alive is frozen out of
    the garbage collector first: its last collection at exit would walk every object the imports, rules
    and lexicons made (about 20 ms of a 0.25 s start) and free nothing an ending process needs. Outputs
    are closed by then; standard output is flushed at exit as always."""
    status = main()
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    run()
