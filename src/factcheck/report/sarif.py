"""SARIF 2.1.0 for code-scanning dashboards: rule metadata, repo-relative URIs, regions, stable fingerprints."""
from __future__ import annotations

import json

from .. import __version__
from ..models import Report
from .paths import file_part, relative

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _region(e) -> dict:
    lines = e.text.split("\n")
    end_col = (len(lines[-1]) + 1) if len(lines) > 1 else e.column + len(e.text)
    return {"startLine": e.line, "startColumn": e.column, "endLine": e.line + len(lines) - 1,
            "endColumn": end_col, "charOffset": e.start, "charLength": e.end - e.start,
            "snippet": {"text": e.text}}


def _location(uri: str, e) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT"}, "region": _region(e)}}


def render(report: Report, rules=(), root=None, **_) -> str:
    rule_list = sorted(rules, key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rule_list)}
    driver = {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
              "rules": [{"id": r.id, "name": r.id.split(".", 1)[1].title().replace("-", ""),
                         "shortDescription": {"text": r.summary.en},
                         "fullDescription": {"text": (r.description or r.summary).en},
                         "help": {"text": (r.description or r.summary).en},
                         "defaultConfiguration": {"level": LEVEL[r.severity]},
                         "properties": {"category": r.category, "tags": [r.category]}} for r in rule_list]}
    results, notifications = [], []
    for f in report.files:
        uri = relative(file_part(f.path), root)
        if f.error:
            notifications.append({"level": "error", "message": {"text": f.error},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT"}}}]})
        for x in f.findings:
            text = x.message + (f" Fix: {x.suggestion}" if x.suggestion else "")
            result = {"ruleId": x.rule, "level": LEVEL[x.severity], "message": {"text": text},
                      "locations": [_location(uri, x.evidence[0])],
                      "partialFingerprints": {"factcheck/v1": x.fingerprint},
                      "properties": {"category": x.category, "reasoning": x.reasoning or "",
                                     "suggestion": x.suggestion or "", "inQuote": x.in_quote}}
            if x.rule in index:
                result["ruleIndex"] = index[x.rule]
            if len(x.evidence) > 1:
                result["relatedLocations"] = [{"id": i, **_location(uri, e)} for i, e in enumerate(x.evidence[1:], 1)]
            results.append(result)
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
           "originalUriBaseIds": {"SRCROOT": {"description": {"text": "The repository root"}}},
           "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
           "results": results}
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
