"""SARIF 2.1.0 for code-scanning dashboards: rule metadata, repo-relative URIs, regions, stable fingerprints;
an archive record's findings at its place in the export, named as a logical location."""
from __future__ import annotations

import json
from typing import Any

from ..files import relative
from ..ingest.records import RecordFields
from ..models import Report
from ..version import __version__
from . import FLAGS
from .places import Record, Region, record_places, region

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _region(r: Region) -> dict:
    offsets = {"charOffset": r.offsets[0], "charLength": r.offsets[1] - r.offsets[0]} if r.offsets else {}
    return {"startLine": r.line, "startColumn": r.column, "endLine": r.end_line, "endColumn": r.end_column,
            **offsets, "snippet": {"text": r.text}}


def _location(uri: str, r: Region, record: Record | None = None, path: str = "") -> dict[str, Any]:
    artifact = {"uri": uri, "uriBaseId": "SRCROOT"}
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact, "region": _region(r)}}
    if record and record.name:
        location["logicalLocations"] = [{"name": record.name, "fullyQualifiedName": path, "kind": "object"}]
    return location


def _fix(uri: str, r: Region, text: str) -> dict:
    """A SARIF fix: the first evidence span replaced by a repair the suggestion names."""
    deleted = {"startLine": r.line, "startColumn": r.column, "endLine": r.end_line, "endColumn": r.end_column}
    return {"description": {"text": f"Replace with \"{text}\""},
            "artifactChanges": [{"artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT"},
                                 "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": text}}]}]}


def render(report: Report, rules=(), root=None, record_fields=RecordFields(), **_) -> str:
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
    for f, record in zip(report.files, record_places(report, record_fields)):
        uri = relative(f.origin.file, root)
        place = record.region if record else region
        if f.problem:
            where = {"region": {"startLine": record.line, "startColumn": record.column}} if record else {}
            notifications.append({"level": "error", "message": {"text": f.problem.text(FLAGS)}, "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT"}, **where}}]})
        for x in f.findings:
            text = x.message + (f" Fix: {x.suggestion}" if x.suggestion else "")
            result: dict[str, Any] = {"ruleId": x.rule, "level": LEVEL[x.severity], "message": {"text": text},
                      "locations": [_location(uri, place(x.evidence[0]), record, f.path)],
                      "partialFingerprints": {"factcheck/v1": x.fingerprint},
                      "properties": {"category": x.category, "reasoning": x.reasoning or "",
                                     "suggestion": x.suggestion or "", "inQuote": x.in_quote}}
            if x.rule in index:
                result["ruleIndex"] = index[x.rule]
            if len(x.evidence) > 1:
                result["relatedLocations"] = [{"id": i, **_location(uri, place(e))}
                                              for i, e in enumerate(x.evidence[1:], 1)]
            if x.replacements and not record:  # a record's text sits escaped inside JSON: no plain edit
                result["fixes"] = [_fix(uri, place(x.evidence[0]), text) for text in x.replacements]
            results.append(result)
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
           "originalUriBaseIds": {"SRCROOT": {"description": {"text": "The repository root"}}},
           "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
           "results": results}
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
