"""Inline suppressions, as comments an editor writes in Markdown or HTML:

    <!-- factcheck-disable-next-line quantity.conflict -->   the next line (rules optional: all)
    <!-- factcheck-disable temporal.* -->  ...  <!-- factcheck-enable -->   a block
    front matter  factcheck: {disable: [quantity.conflict]}                    the whole file

A suppression names rule ids, categories or globs. One that suppresses nothing can be reported
(`--warn-unused-suppressions`) so stale ones do not pile up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .checks.rules import selector_matches
from .models import Finding
from .text import LineIndex

_OPENING = re.compile(r"<!--\s*factcheck-(disable-next-line|disable|enable)\b")


@dataclass
class Suppression:
    selectors: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int
    start: int  # the comment's span, to point at it when unused
    end: int
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        return any(self.first_line <= e.line <= self.last_line for e in finding.evidence) and (
            not self.selectors or any(selector_matches(finding.rule, finding.category, s) for s in self.selectors))


def parse_suppressions(text: str, lines: LineIndex, file_disable: Optional[list] = None) -> list[Suppression]:
    out: list[Suppression] = []
    if file_disable:
        out.append(Suppression(tuple(str(s) for s in file_disable), 1, 10**9, 0, 0))
    open_blocks: list[Suppression] = []
    for kind, selectors, start, end in _directives(text):
        line = lines.position(start)[0]
        end_line = lines.position(end)[0]
        if kind == "disable-next-line":
            out.append(Suppression(selectors, end_line + 1, end_line + 1, start, end))
        elif kind == "disable":
            block = Suppression(selectors, line, 10**9, start, end)
            out.append(block)
            open_blocks.append(block)
        else:  # enable: closes the blocks it names (all when it names none)
            for block in [b for b in open_blocks if not selectors or set(b.selectors) <= set(selectors)]:
                block.last_line = line
                open_blocks.remove(block)
    return out


def _directives(text: str):
    """(kind, selectors, start, end) of each directive comment; an unclosed comment ends the search (the
    rest of the file is inside it), which keeps this linear on hostile input."""
    pos = 0
    while m := _OPENING.search(text, pos):
        close = text.find("-->", m.end())
        if close < 0:
            return
        yield m.group(1), tuple(text[m.end():close].replace(",", " ").split()), m.start(), close + 3
        pos = close + 3


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    kept = []
    for f in findings:
        covering = [s for s in suppressions if s.covers(f)]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(f)
    return kept
