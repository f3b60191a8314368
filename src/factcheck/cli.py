"""The command line: parses arguments, calls the library, picks a renderer. No checking logic here.

Exit status: 0 nothing at or above the fail level; 1 something is; 2 a usage, configuration or input
error (a file that could not be read is reported and the rest of the batch is still checked).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from .errors import FactcheckError
from .models import SEVERITY_RANK
from .report import FORMATS

FAIL_LEVELS = ("error", "warning", "info", "never")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; write it as YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="factcheck", description="Find where a news article contradicts itself.")
    sub = p.add_subparsers(dest="command", required=True)

    def article_options(sp):
        sp.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD); overrides the dateline")
        sp.add_argument("--lang", choices=("id", "en"), help="article language; detected when not given")
        sp.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                        help="an extra folder of rule files, beside the built-in ones (repeatable)")

    c = sub.add_parser("check", help="check articles and report inconsistencies")
    c.add_argument("paths", nargs="+", help="files, folders (searched recursively) or - for standard input")
    c.add_argument("--format", choices=tuple(FORMATS), default="text")
    c.add_argument("--output", type=Path, help="write the report to this file instead of standard output")
    c.add_argument("--fail-on", choices=FAIL_LEVELS, default="warning",
                   help="lowest severity that makes the exit status 1 (default: warning)")
    c.add_argument("--select", action="append", default=[], metavar="RULE",
                   help="run only these rules: an id, a category or a glob such as 'temporal.*' (repeatable)")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    article_options(c)

    g = sub.add_parser("graph", help="export the claim graph of one article")
    g.add_argument("path")
    g.add_argument("--format", choices=("json", "graphml", "dot"), default="json")
    g.add_argument("--output", type=Path)
    article_options(g)

    e = sub.add_parser("eval", help="score the checker on annotated JSON Lines corpora")
    e.add_argument("corpora", nargs="+", type=Path)
    e.add_argument("--show", action="store_true", help="list every false positive and every miss")
    e.add_argument("--min-precision", type=float, help="exit 1 when the total precision is lower")
    e.add_argument("--min-recall", type=float, help="exit 1 when the total recall is lower")
    e.add_argument("--max-false-alarm", type=float, help="exit 1 when the total false-alarm rate is higher")
    e.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR")

    r = sub.add_parser("rules", help="list the rules, or explain one")
    r.add_argument("id", nargs="?")
    r.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR")
    return p


def _checker(args, select=None):
    from .checker import Checker
    from .checks import load_rules
    from .lexicon import rules_root

    return Checker(load_rules([rules_root(), *args.rules]), select=select)


def _write(text: str, output) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def cmd_check(args) -> int:
    from .report import renderer

    report = _checker(args, args.select).check_paths(args.paths, published=args.published, lang=args.lang)
    colour = args.color == "always" or (args.color == "auto" and not args.output and sys.stdout.isatty()
                                        and not os.environ.get("NO_COLOR"))
    _write(renderer(args.format)(report, colour=colour), args.output)
    if report.summary.errors:
        return 2
    worst = report.worst()
    if args.fail_on == "never" or worst is None:
        return 0
    return 1 if SEVERITY_RANK[worst] >= SEVERITY_RANK[args.fail_on] else 0


def cmd_graph(args) -> int:
    from . import graph as gx
    from .ingest import read_article

    checker = _checker(args)
    article = read_article(args.path, published=args.published, lang=args.lang)
    _, g = checker.analyse(article)
    export = {"json": gx.to_json, "graphml": gx.to_graphml, "dot": gx.to_dot}[args.format]
    _write(export(g).rstrip("\n") + "\n", args.output)
    return 0


def cmd_eval(args) -> int:
    from .evaluate import format_scores, score_file, total

    checker = _checker(args)
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
    return 1 if failed else 0


def cmd_rules(args) -> int:
    from .checks import load_rules
    from .lexicon import rules_root

    rules = load_rules([rules_root(), *args.rules])
    if args.id is None:
        for r in rules:
            print(f"{r.id:<40} {r.category:<9} {r.severity:<8} {r.summary.en}")
        return 0
    rule = next((r for r in rules if r.id == args.id), None)
    if rule is None:
        print(f"factcheck: no rule '{args.id}'; `factcheck rules` lists them", file=sys.stderr)
        return 2
    print(f"{rule.id}  ({rule.category}, {rule.severity}, check kind '{rule.check}')\n")
    print(rule.summary.en)
    if rule.description:
        print(f"\n{rule.description.en}")
    for ex in rule.examples:
        when = f", published {ex.published}" if ex.published else ""
        print(f"\n  [{ex.expect}, {ex.lang}{when}] {ex.text}")
    return 0


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"check": cmd_check, "graph": cmd_graph, "eval": cmd_eval, "rules": cmd_rules}[args.command](args)
    except FactcheckError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
