"""A Markdown report, for pull-request comments and the GitHub step summary."""
from __future__ import annotations

from ..models import Report
from ..text import visible
from . import FLAGS, Hidden
from .escape import code_span


def _cell(s: str) -> str:
    return visible(s.replace("\n", " ")).replace("|", "\\|")


def render(report: Report, hidden: Hidden | None = None, **_) -> str:
    s = report.summary
    counts = ", ".join(f"{n} {sev}" for sev, n in sorted(s.by_severity.items())) or "no findings"
    out = ["## factcheck", "", f"{s.files} file(s) checked: {counts}" + (f" ({hidden})" if hidden else "")
           + (f"; {s.errors} could not be read" if s.errors else "") + ".", ""]
    for f in report.files:
        if f.problem:
            out += [f"### {code_span(f.path)}", "", f"**Error:** {_cell(f.problem.text(FLAGS))}", ""]
        elif f.findings:
            out += [f"### {code_span(f.path)}", "", "| line | severity | rule | finding | suggestion |",
                    "|---|---|---|---|---|"]
            for x in f.findings:
                e = x.evidence[0]
                out.append(f"| {e.line}:{e.column} | {x.severity} | `{x.rule}` | {_cell(x.message)} "
                           f"| {_cell(x.suggestion or '')} |")
            out.append("")
    return "\n".join(out) + "\n"
