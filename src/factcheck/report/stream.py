"""Reports written while a batch is checked, file report after file report, so that memory stays flat
however many articles an export holds. Text, JSON and JSON Lines are written as each file is done; the
other formats hold what they must (the reports with findings or errors; JUnit and HTML every file's,
without article texts unless the HTML report shows them) and are rendered at the end."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from ..models import SEVERITY_RANK, FileReport, Report, Summary
from . import FLAGS, Hidden, jsonl, renderer, text

KEEP_CLEAN = {"junit", "html"}  # formats that list every file, clean ones too


class Tally:
    """What a streamed report counts as file reports go by: the summary of what is shown (findings at or
    above `level`), what `level` hides, and the worst severity found, hidden or not."""

    def __init__(self, level: str = "info"):
        self.level, self.floor = level, SEVERITY_RANK[level]
        self.files = self.errors = 0
        self.by_severity: Counter = Counter()
        self.by_rule: Counter = Counter()
        self.hidden_by_severity: dict[str, int] = {}
        self.hidden_by_path: dict[str, int] = {}
        self.worst: str | None = None

    def add(self, f: FileReport) -> FileReport:
        """Counts `f`; returns it with only the findings shown."""
        self.files += 1
        self.errors += f.problem is not None
        shown = []
        for x in f.findings:
            if self.worst is None or SEVERITY_RANK[x.severity] > SEVERITY_RANK[self.worst]:
                self.worst = x.severity
            if SEVERITY_RANK[x.severity] >= self.floor:
                shown.append(x)
                self.by_severity[x.severity] += 1
                self.by_rule[x.rule] += 1
            else:
                self.hidden_by_severity[x.severity] = self.hidden_by_severity.get(x.severity, 0) + 1
                self.hidden_by_path[f.path] = self.hidden_by_path.get(f.path, 0) + 1
        return f if len(shown) == len(f.findings) else f.model_copy(update={"findings": tuple(shown)})

    @classmethod
    def merged(cls, tallies: Iterable[Tally]) -> Tally:
        """The tally of a batch counted in parts (a cluster's shards), each at the same level."""
        total = cls()
        for t in tallies:
            total.level, total.floor = t.level, t.floor
            total.files += t.files
            total.errors += t.errors
            total.by_severity += t.by_severity
            total.by_rule += t.by_rule
            for mine, theirs in ((total.hidden_by_severity, t.hidden_by_severity),
                                 (total.hidden_by_path, t.hidden_by_path)):
                for k, n in theirs.items():
                    mine[k] = mine.get(k, 0) + n
            if t.worst and (total.worst is None or SEVERITY_RANK[t.worst] > SEVERITY_RANK[total.worst]):
                total.worst = t.worst
        return total

    @property
    def summary(self) -> Summary:
        return Summary(files=self.files, findings=sum(self.by_severity.values()), errors=self.errors,
                       by_severity=dict(sorted(self.by_severity.items())), by_rule=dict(sorted(self.by_rule.items())))

    @property
    def hidden(self) -> Hidden | None:
        return Hidden(self.level, self.hidden_by_severity, self.hidden_by_path) if self.hidden_by_severity else None


class Writer:
    """A format written file report by file report: `file` gives the text to write now, `end` the rest."""

    def file(self, f: FileReport, tally: Tally) -> str:
        raise NotImplementedError

    def end(self, tally: Tally) -> str:
        raise NotImplementedError


class TextWriter(Writer):
    def __init__(self, colour: bool = False, quiet: bool = False, **_):
        self.colour, self.quiet, self.written = colour, quiet, False

    def file(self, f: FileReport, tally: Tally) -> str:
        part = text.file_text(f, self.colour, tally.hidden, self.quiet)
        return self._part(part) if part else ""

    def end(self, tally: Tally) -> str:
        return "" if self.quiet else self._part(text.summary_text(tally.summary, tally.hidden))

    def _part(self, part: str) -> str:
        first, self.written = not self.written, True
        return part if first else "\n" + part  # a blank line between parts, as `text.render` writes them


class JsonWriter(Writer):
    """The JSON report, byte for byte what `json.render` writes, one file report at a time."""

    def __init__(self, **_):
        self.started = False

    def file(self, f: FileReport, tally: Tally) -> str:
        head = ",\n" if self.started else '{\n  "files": [\n'
        self.started = True
        return head + _indented(f.named(FLAGS).model_dump_json(indent=2), "    ")

    def end(self, tally: Tally) -> str:
        head = "\n  ],\n" if self.started else '{\n  "files": [],\n'
        return head + '  "summary": ' + _indented(tally.summary.model_dump_json(indent=2), "  ")[2:] + "\n}\n"


class JsonLinesWriter(Writer):
    def __init__(self, **_):
        pass

    def file(self, f: FileReport, tally: Tally) -> str:
        return jsonl.line(f)

    def end(self, tally: Tally) -> str:
        return jsonl.summary_line(tally.summary)


class HeldWriter(Writer):
    """A format rendered at the end from the file reports it needs, kept as they come."""

    def __init__(self, render: Callable[..., str], keep_clean: bool = False, **options):
        self.render, self.keep_clean, self.options = render, keep_clean, options
        self.held: list[FileReport] = []

    def file(self, f: FileReport, tally: Tally) -> str:
        if self.keep_clean or f.findings or f.problem:
            self.held.append(f)
        return ""

    def end(self, tally: Tally) -> str:
        return self.render(self.report(tally), **{**self.options, "hidden": tally.hidden})

    def report(self, tally: Tally) -> Report:
        """The report of the files held, with the summary of every file."""
        return Report(files=tuple(self.held), summary=tally.summary)


STREAMED = {"text": TextWriter, "json": JsonWriter, "jsonl": JsonLinesWriter}


def writer(fmt: str, **options) -> Writer:
    """The writer of a format, given the renderer's options."""
    if fmt in STREAMED:
        return STREAMED[fmt](**options)
    return HeldWriter(renderer(fmt), keep_clean=fmt in KEEP_CLEAN, **options)


def _indented(s: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in s.split("\n"))


__all__ = ["HeldWriter", "Tally", "Writer", "writer"]
