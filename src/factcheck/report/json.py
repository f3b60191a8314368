"""The JSON contract other tools read: {"files": [{path, language, published, findings, error}], "summary"}."""
from __future__ import annotations

from ..models import Report


def render(report: Report, **_) -> str:
    return report.model_dump_json(indent=2) + "\n"
