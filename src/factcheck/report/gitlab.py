"""GitLab Code Quality (a JSON array of issues), which merge requests show beside the changed lines:
paths relative to the repository root, an archive record's findings at its place in the export."""
from __future__ import annotations

import hashlib
import json

from ..files import relative
from ..ingest.records import RecordFields
from ..models import Report
from . import FLAGS
from .places import record_places, region

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
INPUT_ERROR = "factcheck.input-error"  # a file or record that could not be read


def _issue(check: str, identity: str, description: str, severity: str, path: str, begin: dict, end: dict,
           seen: dict) -> dict:
    # GitLab compares a merge request's issues with its target's by fingerprint: built from the finding's
    # own (rule and evidence text, not lines), so that a moved finding is not new; counted, so that the
    # same finding twice in a file is two issues.
    key = f"{path}\0{identity}"
    seen[key] = seen.get(key, 0) + 1
    fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()
    return {"description": description, "check_name": check, "fingerprint": fingerprint, "severity": severity,
            "location": {"path": path, "positions": {"begin": begin, "end": end}}}


def render(report: Report, root=None, record_fields=RecordFields(), **_) -> str:
    issues: list[dict] = []
    seen: dict[str, int] = {}
    for f, record in zip(report.files, record_places(report, record_fields)):
        path = relative(f.origin.file, root)
        if f.problem:
            start = {"line": record.line, "column": record.column} if record else {"line": 1}
            issues.append(_issue(INPUT_ERROR, f.path, f.problem.text(FLAGS), "critical", path, start, start, seen))
        for x in f.findings:
            r = record.region(x.evidence[0]) if record else region(x.evidence[0])
            named = f" (record {record.name})" if record and record.name else ""
            description = x.message + named + (f" Fix: {x.suggestion}" if x.suggestion else "")
            issues.append(_issue(x.rule, f"{f.path}\0{x.fingerprint}", description, SEVERITY[x.severity], path,
                                 {"line": r.line, "column": r.column}, {"line": r.end_line, "column": r.end_column},
                                 seen))
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
