"""JSON Lines: one file (or archive record) report per line, in the JSON contract's form, then a last line
{"summary": ...}; what `--format jsonl` streams while a large batch is checked."""
from __future__ import annotations

from ..models import FileReport, Report, Summary
from . import FLAGS


def line(f: FileReport) -> str:
    return f.named(FLAGS).model_dump_json() + "\n"


def summary_line(summary: Summary) -> str:
    return '{"summary":' + summary.model_dump_json() + "}\n"


def render(report: Report, **_) -> str:
    return "".join(map(line, report.files)) + summary_line(report.summary)
