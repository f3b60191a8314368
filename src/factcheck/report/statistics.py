"""`--statistics`: the number of findings per rule, most frequent first, as `ruff --statistics` prints."""
from __future__ import annotations

import json

from ..models import SEVERITY_RANK, Report
from . import plural


def rows(report: Report, rules=()) -> list[dict]:
    """One row per rule with findings: its count, severity and summary; most frequent first."""
    summaries = {r.id: r.summary.en for r in rules}
    severity = {x.rule: x.severity for f in report.files for x in f.findings}
    ranked = sorted(report.summary.by_rule.items(), key=lambda kv: (-kv[1], -SEVERITY_RANK[severity[kv[0]]], kv[0]))
    return [{"rule": rule, "count": n, "severity": severity[rule], "summary": summaries.get(rule, "")}
            for rule, n in ranked]


def render(report: Report, rules=(), as_json: bool = False, **_) -> str:
    table = rows(report, rules)
    if as_json:
        return json.dumps(table, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(r["count"])) for r in table), default=1)
    rule_width = max((len(r["rule"]) for r in table), default=0)
    out = [f"{r['count']:>{width}}  {r['severity']:<7}  {r['rule']:<{rule_width}}  {r['summary']}".rstrip()
           for r in table]
    if report.summary.errors:
        out.append(f"{plural(report.summary.errors, 'file')} could not be read")
    return "".join(line + "\n" for line in out)
