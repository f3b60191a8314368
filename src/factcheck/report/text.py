"""The report an editor reads in a terminal: per file, each finding with its place, evidence and fix."""
from __future__ import annotations

from ..models import FileReport, Report, Summary
from ..text import visible
from . import FLAGS, Hidden, plural

_COLOURS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1"}


def _paint(colour: bool):
    def c(code: str, s: str) -> str:
        return f"\033[{_COLOURS[code]}m{s}\033[0m" if colour else s
    return c


def file_text(f: FileReport, colour: bool = False, hidden: Hidden | None = None, quiet: bool = False) -> str:
    """One file's part of the report, each line ending in a newline; '' for a clean file when `quiet`."""
    c = _paint(colour)
    path = visible(f.path)
    notes = [f"  note: {visible(n)}" for n in f.notes]
    if f.problem:
        error = visible(f.problem.text(FLAGS))
        return "\n".join([f"{c('bold', path)}\n  {c('error', 'error')}  {error}", *notes]) + "\n"
    if not f.findings and quiet:
        return ""
    where = f"published {f.published} ({f.published_source})" if f.published else "no publication date found"
    head = f"{c('bold', path)}  [{f.language}, {where}]"
    if not f.findings:
        below = hidden.by_path.get(f.path) if hidden else None
        status = f"no findings at or above {hidden.level} ({below} hidden)" if hidden and below else "no findings"
        return "\n".join([f"{head}  {c('dim', status)}", *notes]) + "\n"
    out = [head, *notes]
    for x in f.findings:
        ev = x.evidence[0]
        out.append(f"  {ev.line}:{ev.column}  {c(x.severity, x.severity)}  {visible(x.message)}  {c('dim', x.rule)}")
        for e in x.evidence:
            note = f"  ({visible(e.note)})" if e.note else ""
            out.append(f"      {c('dim', f'{e.line}:{e.column}')} \"{visible(e.text)}\"{note}")
        if x.reasoning:
            out.append(f"      why: {visible(x.reasoning)}")
        if x.suggestion:
            out.append(f"      fix: {visible(x.suggestion)}")
    return "\n".join(out) + "\n"


def summary_text(s: Summary, hidden: Hidden | None = None) -> str:
    """The last line: files checked, findings by severity, what was hidden and what could not be read."""
    parts = [plural(n, sev) for sev, n in sorted(s.by_severity.items())]
    return (f"{plural(s.files, 'file')} checked: "
            f"{', '.join(parts) if parts else 'no findings shown' if hidden else 'no findings'}"
            + (f" ({hidden})" if hidden else "")
            + (f", {s.errors} could not be read" if s.errors else "") + "\n")


def render(report: Report, colour: bool = False, hidden: Hidden | None = None, quiet: bool = False, **_) -> str:
    """The report; `quiet`: only the files with findings or errors, and no summary. Parts are separated
    by a blank line."""
    parts = [p for p in (file_text(f, colour, hidden, quiet) for f in report.files) if p]
    return "\n".join(parts + ([] if quiet else [summary_text(report.summary, hidden)]))
