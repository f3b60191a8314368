"""GitHub Actions workflow commands: one annotation per finding, errors first (GitHub shows only ten of
each kind per step), paths without a `./` prefix."""
from __future__ import annotations

from ..models import SEVERITY_RANK, Report
from .paths import file_part, relative

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, root=None, **_) -> str:
    rows = []
    for f in report.files:
        path = relative(file_part(f.path), root)
        if f.error:
            rows.append((3, f"::error file={escape_property(path)},title=factcheck::{escape_data(f.error)}"))
        for x in f.findings:
            e = x.evidence[0]
            end_line = e.line + e.text.count("\n")
            end_col = (len(e.text.rsplit("\n", 1)[-1]) + 1) if "\n" in e.text else e.column + len(e.text)
            props = (f"file={escape_property(path)},line={e.line},col={e.column},endLine={end_line},"
                     f"endColumn={end_col},title={escape_property(x.rule)}")
            message = x.message + (f"\nFix: {x.suggestion}" if x.suggestion else "")
            rows.append((SEVERITY_RANK[x.severity], f"::{COMMAND[x.severity]} {props}::{escape_data(message)}"))
    # stable sort: errors first, then warnings, then notices, each in report order
    return "".join(line + "\n" for _, line in sorted(rows, key=lambda r: -r[0]))
