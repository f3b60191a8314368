"""Inline suppressions, as comments an editor writes in Markdown or HTML:

    <!-- factcheck-disable-next-line quantity.conflict -->   the next line (rules optional: all)
    <!-- factcheck-disable temporal.* -->  ...  <!-- factcheck-enable -->   a block
    front matter  factcheck: {disable: [quantity.conflict]}                    the whole file

A suppression names rule ids, categories or globs. `factcheck-enable RULE` ends the suppression of RULE
in every open block (and ends the blocks that name no rule); `factcheck-enable` alone ends them all. One
that suppresses nothing can be reported (`--warn-unused-suppressions`) so stale ones do not pile up.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .checks.rules import selector_matches
from .models import Finding
from .text import LineIndex, Taken

_OPENING = re.compile(r"<!--\s*factcheck-(disable-next-line|disable|enable)\b")
EVERY_RULE = ""  # the selector of a suppression that names none
OPEN = 10**9  # the last line of a block no enable has ended


@dataclass
class Suppression:
    """One comment (or the front matter): the lines it suppresses each selector on, from `first_line` to
    that selector's entry in `last_lines` (EVERY_RULE when it names none)."""
    first_line: int
    last_lines: dict[str, int]
    start: int  # the comment's span, to point at it when unused
    end: int
    used: bool = False

    @classmethod
    def lines(cls, selectors: tuple[str, ...], first: int, last: int, start: int = 0, end: int = 0) -> Suppression:
        return cls(first, dict.fromkeys(selectors or (EVERY_RULE,), last), start, end)


@dataclass
class _OpenBlocks:
    """The blocks no enable has ended yet, by selector, so that an enable costs what it ends."""
    by_selector: dict[str, list[Suppression]] = field(default_factory=dict)

    def add(self, block: Suppression) -> None:
        for selector in block.last_lines:
            self.by_selector.setdefault(selector, []).append(block)

    def end(self, selectors: tuple[str, ...], line: int) -> None:
        for selector in ((*selectors, EVERY_RULE) if selectors else list(self.by_selector)):
            for block in self.by_selector.pop(selector, ()):
                block.last_lines[selector] = line


def parse_suppressions(text: str, lines: LineIndex, file_disable: Sequence[str] | None = None) -> list[Suppression]:
    out: list[Suppression] = []
    if file_disable:
        out.append(Suppression.lines(tuple(str(s) for s in file_disable), 1, OPEN))
    open_blocks = _OpenBlocks()
    for kind, selectors, start, end in _directives(text):
        line = lines.position(start)[0]
        end_line = lines.position(end)[0]
        if kind == "disable-next-line":
            out.append(Suppression.lines(selectors, end_line + 1, end_line + 1, start, end))
        elif kind == "disable":
            block = Suppression.lines(selectors, line, OPEN, start, end)
            out.append(block)
            open_blocks.add(block)
        else:
            open_blocks.end(selectors, line)
    return out


def _directives(text: str):
    """(kind, selectors, start, end) of each directive comment; an unclosed comment ends the search (the
    rest of the file is inside it), which keeps this linear on hostile input."""
    pos = 0
    while m := _OPENING.search(text, pos):
        close = text.find("-->", m.end())
        if close < 0:
            return
        yield m.group(1), tuple(dict.fromkeys(text[m.end():close].replace(",", " ").split())), m.start(), close + 3
        pos = close + 3


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """The findings no suppression covers; marks each suppression that covers one as used. Linear in
    findings plus suppressions (times the few rules that found something): each rule's suppressed lines
    are merged once and asked by binary search, not every suppression for every finding."""
    suppressed: set[int] = set()
    by_rule: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        by_rule.setdefault((f.rule, f.category), []).append(f)
    for (rule, category), found in by_rule.items():
        spans = [(s.first_line, last, s) for s in suppressions for selector, last in s.last_lines.items()
                 if selector == EVERY_RULE or selector_matches(rule, category, selector)]
        if not spans:
            continue
        lines = sorted(e.line for f in found for e in f.evidence)
        for first, last, s in spans:
            i = bisect.bisect_left(lines, first)
            s.used = s.used or (i < len(lines) and lines[i] <= last)
        covered = Taken(sorted((first, last + 1) for first, last, _ in spans))
        suppressed.update(id(f) for f in found if any(covered.overlaps(e.line, e.line + 1) for e in f.evidence))
    return [f for f in findings if id(f) not in suppressed]
