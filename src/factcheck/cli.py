"""The command line: parses arguments, calls the library, picks a renderer. No checking logic here.

Exit status: 0 nothing at or above the fail level; 1 something is; 2 a usage, configuration or input
error (a file that could not be read is reported and the rest of the batch is still checked).
"""
from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import sys
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Optional

from .errors import FactcheckError
from .models import SEVERITY_RANK
from .ingest.sources import DEFAULT_MAX_SIZE
from .report import FORMATS
from .report.words import LANGUAGES as REPORT_LANGUAGES

FAIL_LEVELS = ("error", "warning", "info", "never")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; write it as YYYY-MM-DD") from None


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
        sp.add_argument("--lang", choices=("id", "en"), help="article language; detected when not given")
        sp.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                        help="an extra folder of rule files, beside the built-in ones (repeatable)")

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

    e = sub.add_parser("eval", help="score the checker on annotated JSON Lines corpora")
    e.add_argument("corpora", nargs="+", type=Path)
    e.add_argument("--show", action="store_true", help="list every false positive and every miss")
    e.add_argument("--min-precision", type=float, help="exit 1 when the total precision is lower")
    e.add_argument("--min-recall", type=float, help="exit 1 when the total recall is lower")
    e.add_argument("--max-false-alarm", type=float, help="exit 1 when the total false-alarm rate is higher")
    e.add_argument("--select", action="append", default=[], metavar="RULE",
                   help="score only these rules: an id, a category, a glob or 'experimental' (repeatable)")
    e.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR")

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
    s.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                   help="an extra folder of rule files (repeatable)")

    ls = sub.add_parser("lsp", help="run the language server over stdio, for editors")
    ls.add_argument("--config", type=Path, help="configuration file (default: the nearest one at or above each "
                    "document)")
    ls.add_argument("--select", action="append", default=[], metavar="RULE", help="run only these rules (repeatable)")
    ls.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                    help="an extra folder of rule files (repeatable)")
    return p


def _config(args, paths):
    from .config import config_for

    named = [getattr(args, "stdin_filename", None) if p == "-" else p for p in paths]  # stdin: where it stands
    return config_for(getattr(args, "config", None), Path(next((p for p in named if p), ".")))


def _checker(args, config=None, select=(), keep_text=False):
    from .config import Config, configured_checker

    return configured_checker(config or Config(), args.rules, select, keep_text=keep_text,
                              warn_unused_suppressions=getattr(args, "warn_unused_suppressions", False))


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


def _reads(args, paths, config, targets) -> list[Path]:
    """The files a run reads that the output `targets` must not replace: the named inputs, the articles
    of named folders among the targets, the configuration, the baseline and the rule files."""
    from .checker import checked_in
    from .config import rule_folders

    named = [Path(p) for p in paths if p != "-"]
    folders = [f.resolve() for f in named if f.is_dir()]
    found = [t for t in map(Path.resolve, targets) for f in folders if t.is_relative_to(f) and checked_in(f, t)]
    rules = [r for folder in rule_folders(config, args.rules) if folder.is_dir() for r in folder.rglob("*.yaml")]
    others = [p for p in (config.path, getattr(args, "baseline", None)) if p]
    return [*named, *found, *others, *rules]


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


def _write(text: str, output: Optional[Path]) -> None:
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
        self.stream, self.started, self.drawn = stream, time.monotonic(), None

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and (now - self.started < 0.5 or self.drawn is not None and now - self.drawn < 0.1):
            return
        if done == total:
            if self.drawn is not None:
                self.stream.write("\r\033[K")
                self.stream.flush()
            return
        self.drawn = now
        filled = 30 * done // total
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} files")
        self.stream.flush()


def _run(args, config, keep_text=False):
    """Check what the arguments and the configuration select; the checker and the report before any
    display filtering."""
    from .changed import changed_files, restrict
    from .config import path_selected
    from .ingest import RecordFields

    if args.stdin_filename and "-" not in args.paths:
        raise UsageError(f"--stdin-filename {args.stdin_filename}: names standard input, which is read only "
                         f"when - is one of the paths")
    paths = list(args.paths)
    if args.changed_since:
        paths = [str(p) for p in restrict([Path(p) for p in paths if p != "-"],
                                          changed_files(args.changed_since, Path.cwd()))]
    checker = _checker(args, config, args.select, keep_text)
    report = checker.check_paths(paths, published=args.published, lang=args.lang, jobs=args.jobs,
                                 path_filter=lambda p: path_selected(p, config), max_size=args.max_size,
                                 record_fields=RecordFields.from_options(args.record_field),
                                 languages=config.languages, stdin_filename=args.stdin_filename,
                                 progress=_Progress(sys.stderr) if sys.stderr.isatty() and not args.quiet else None)
    return checker, report


def cmd_check(args) -> int:
    from .baseline import read_baseline, without_baseline
    from .ingest import RecordFields
    from .report import hidden, renderer

    default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    # Each --output file in the format its suffix names (else --format); standard output shows --format,
    # unless a file already receives it, then the default.
    config = _config(args, args.paths)
    reads = _reads(args, args.paths, config,
                   [*args.output, *([args.html_dir / "index.html"] if args.html_dir else [])])
    files = [(_writable(t, reads), OUTPUT_SUFFIXES.get(t.suffix.lower(), args.format or default)) for t in args.output]
    fmt = args.format if args.format and args.format not in {f for _, f in files} else default
    if args.statistics and fmt not in ("text", "json"):
        raise UsageError(f"--statistics prints text, or JSON with --format json, not {fmt}; write the {fmt} "
                         f"report with --output")
    if args.html_dir:
        _writable(args.html_dir / "index.html", reads)
    baseline = read_baseline(args.baseline, args.max_size) if args.baseline else None  # a bad one fails first
    checker, report = _run(args, config, keep_text=bool(args.html_dir) or "html" in {fmt, *(f for _, f in files)})
    if baseline:
        report = without_baseline(report, baseline)
    fail_on = args.fail_on or config.fail_on or "warning"
    level = args.min_severity or config.min_severity or "info"
    shown = report.at_least(level)
    colour = args.color == "always" or (args.color == "auto" and sys.stdout is not None and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    options = {"rules": checker.rules, "colour": colour, "hidden": hidden(report, level), "quiet": args.quiet,
               "record_fields": RecordFields.from_options(args.record_field), "report_lang": args.report_lang}
    problems: list[str] = []  # outputs that could not be written: each said in one line, the others still are
    for target, out_fmt in files:
        _attempt(problems, _write, renderer(out_fmt)(shown, **{**options, "colour": False}), target)
    if args.html_dir:
        from .report.html import pages
        for name, page in pages(shown, **options).items():
            _attempt(problems, _write, page, args.html_dir / name)
    if args.statistics:
        from .report.statistics import render as statistics
        _attempt(problems, _write, statistics(shown, checker.rules, as_json=fmt == "json"), None)
    else:
        _attempt(problems, _write, renderer(fmt)(shown, **options), None)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        _attempt(problems, _append_summary, renderer("markdown")(shown, **options), os.environ["GITHUB_STEP_SUMMARY"])
    for problem in problems:
        print(f"factcheck: {problem}", file=sys.stderr)
    if report.summary.errors or problems:
        return 2
    worst = report.worst()
    if fail_on == "never" or worst is None:
        return 0
    return 1 if SEVERITY_RANK[worst] >= SEVERITY_RANK[fail_on] else 0


def cmd_baseline(args) -> int:
    from .baseline import write_baseline

    config = _config(args, args.paths)
    _writable(args.output, _reads(args, args.paths, config, [args.output]))
    _, report = _run(args, config)
    with _writing(args.output):
        n = write_baseline(report, args.output)
    if not args.quiet:
        print(f"factcheck: recorded {n} finding(s) of {report.summary.files} file(s) in {args.output}",
              file=sys.stderr)
    return 2 if report.summary.errors else 0


def cmd_graph(args) -> int:
    from . import graph as gx
    from .ingest import read_article

    config = _config(args, [args.path])
    if args.output:
        _writable(args.output, _reads(args, [args.path], config, [args.output]))
    checker = _checker(args, config)
    article = read_article(args.path, published=args.published, lang=args.lang)
    _, g = checker.analyse(article)
    from .report.svg import to_svg

    export = {"json": gx.to_json, "graphml": gx.to_graphml, "dot": gx.to_dot,
              "svg": lambda g: to_svg(g, checker.check_article(article).findings)}[args.format]
    _write(export(g).rstrip("\n") + "\n", args.output)
    return 0


def cmd_eval(args) -> int:
    from .evaluate import format_scores, score_file, total

    checker = _checker(args, select=args.select)
    scores = [score_file(p, checker) for p in args.corpora]
    sys.stdout.write(format_scores(scores, show=args.show))
    t = total(scores)
    failed = []
    if args.min_precision is not None and (t.precision or 0.0) < args.min_precision:
        failed.append(f"precision {t.precision or 0:.3f} < {args.min_precision}")
    if args.min_recall is not None and (t.recall or 0.0) < args.min_recall:
        failed.append(f"recall {t.recall or 0:.3f} < {args.min_recall}")
    if args.max_false_alarm is not None and (t.false_alarm or 0.0) > args.max_false_alarm:
        failed.append(f"false-alarm rate {t.false_alarm:.3f} > {args.max_false_alarm}")
    for f in failed:
        print(f"factcheck eval: below target: {f}", file=sys.stderr)
    crashed = sum(len(s.errors) for s in scores)
    if crashed:
        print(f"factcheck eval: the checker failed on {crashed} article(s) (the ERROR lines)", file=sys.stderr)
        return 2
    return 1 if failed else 0


def cmd_rules(args) -> int:
    from .checks import load_rules
    from .config import rule_folders

    rules = load_rules(rule_folders(_config(args, ["."]), args.rules))
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
        from .server.app import Settings, serve
    settings = Settings(token=args.token, allow_origins=args.allow_origin, max_body=args.max_body,
                        config=args.config, rules=args.rules, select=args.select)
    serve(settings, args.host, args.port, args.workers)
    return 0


def cmd_lsp(args) -> int:
    with _extra("lsp", "lsp"):
        from .server.lsp import build
    build(args.config, args.rules, args.select).start_io()
    return 0


def main(argv=None) -> int:
    parser = _parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # as ruff and git: the help, and the status of a usage error
        parser.print_help(sys.stderr)
        return 2
    args = parser.parse_args(argv)
    try:
        commands = {"check": cmd_check, "baseline": cmd_baseline, "graph": cmd_graph, "eval": cmd_eval, "rules": cmd_rules,
                    "serve": cmd_serve, "lsp": cmd_lsp}
        return commands[args.command](args)
    except FactcheckError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `factcheck ... | head`: the reader has gone; nothing to report
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:  # Ctrl-C: one line, and the status of a shell's interrupted command
        print("factcheck: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
