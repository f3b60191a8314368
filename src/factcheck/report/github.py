"""GitHub Actions workflow commands: one annotation per finding, errors first (GitHub shows only ten of
each kind per step), paths without a `./` prefix; an archive record's at its place in the export, named."""
from __future__ import annotations

from ..files import relative
from ..ingest.records import RecordFields
from ..models import SEVERITY_RANK, Report
from ..text import visible
from . import FLAGS, Hidden
from .places import record_places, region

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _data(s: str) -> str:
    """Text from the article as command data: its own line breaks and control characters shown, not
    acted on (the log renders terminal escapes)."""
    return escape_data(visible(s))


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, root=None, hidden: Hidden | None = None, record_fields=RecordFields(), **_) -> str:
    rows = []
    for f, record in zip(report.files, record_places(report, record_fields)):
        path = visible(relative(f.origin.file, root))
        named = f" (record {visible(record.name)})" if record and record.name else ""
        if f.problem:
            line = f",line={record.line}" if record else ""
            rows.append((3, (f"::error file={escape_property(path)}{line},title={escape_property('factcheck' + named)}"
                             f"::{_data(f.problem.text(FLAGS))}")))
        for x in f.findings:
            r = record.region(x.evidence[0]) if record else region(x.evidence[0])
            props = (f"file={escape_property(path)},line={r.line},col={r.column},endLine={r.end_line},"
                     f"endColumn={r.end_column},title={escape_property(x.rule + named)}")
            message = _data(x.message) + (f"%0AFix: {_data(x.suggestion)}" if x.suggestion else "")
            rows.append((SEVERITY_RANK[x.severity], f"::{COMMAND[x.severity]} {props}::{message}"))
    if hidden:  # last: not an annotation of any file, and never one of the ten GitHub shows per kind
        rows.append((-1, f"::notice title=factcheck::{escape_data(f'{hidden}; not annotated')}"))
    # stable sort: errors first, then warnings, then notices, each in report order
    return "".join(line + "\n" for _, line in sorted(rows, key=lambda r: -r[0]))
