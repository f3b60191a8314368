"""The JSON contract other tools read: {"files": [{path, language, published, findings, error}], "summary"}."""
from __future__ import annotations

from ..models import Report
from . import FLAGS


def render(report: Report, **_) -> str:
    return report.named(FLAGS).model_dump_json(indent=2) + "\n"
