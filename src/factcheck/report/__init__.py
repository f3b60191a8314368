"""Renderers: a Report to text for people or to a machine format. One module per format, each with
`render(report, **options) -> str`, imported only when used."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from ..models import SEVERITY_RANK, Report

# The words every format uses for a setting a problem mentions (the library says `the max_size setting`):
# the CLI's flags, for each format prints what `factcheck check` prints.
FLAGS = {"max_size": "--max-size", "published": "--published", "lang": "--lang", "record_fields": "--record-field",
         "changed_since": "--changed-since", "select": "--select"}

# format name -> module in this package
FORMATS = {"text": "text", "json": "json", "sarif": "sarif", "github": "github", "junit": "junit",
           "markdown": "markdown", "html": "html", "gitlab": "gitlab", "jsonl": "jsonl"}


def renderer(fmt: str) -> Callable[..., str]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}' (known: {', '.join(FORMATS)})")
    return importlib.import_module(f".{FORMATS[fmt]}", __name__).render


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


@dataclass(frozen=True)
class Hidden:
    """The findings `--min-severity` keeps out of a report, counted, so that the report can say so."""

    level: str
    by_severity: dict[str, int]
    by_path: dict[str, int]

    def __str__(self) -> str:
        worst_first = sorted(self.by_severity.items(), key=lambda x: -SEVERITY_RANK[x[0]])
        counts = ", ".join(plural(n, sev) for sev, n in worst_first)
        return f"{counts} below --min-severity {self.level}"


def hidden(report: Report, level: str) -> Hidden | None:
    """What showing only findings at or above `level` leaves out of `report`; None when nothing."""
    from .stream import Tally

    tally = Tally(level)
    for f in report.files:
        tally.add(f)
    return tally.hidden


__all__ = ["FLAGS", "FORMATS", "Hidden", "hidden", "plural", "renderer"]
