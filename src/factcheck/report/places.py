"""Where evidence stands in the file CI annotations point at. For a file of one article that is the
evidence's own line and column; for a record of an archive export (`export.jsonl#id`), whose evidence
counts within the record's text, it is the record's place in the export, through the JSON escapes of
its text (`\\n`, `\\"`, `\\u00e9`)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..ingest.records import DECODER, RawRecord, RecordFields, raw_records, record_name
from ..ingest.sources import DEFAULT_MAX_SIZE
from ..models import Evidence, Report, SourceRef

_SPACE = " \t\r\n"


@dataclass(frozen=True)
class Region:
    """A stretch of the file: first line and column, and the line and column just after its end (from 1);
    `offsets` are character offsets into the file, when known."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    offsets: tuple[int, int] | None = None


def region(e: Evidence) -> Region:
    """The place of evidence in the file of a single article."""
    lines = e.text.split("\n")
    end_column = len(lines[-1]) + 1 if len(lines) > 1 else e.column + len(e.text)
    return Region(e.line, e.column, e.line + len(lines) - 1, end_column, e.text, (e.start, e.end))


@dataclass(frozen=True)
class Record:
    """A record found in its export: its name (the id, or None when its line names it), its place, and
    its article text as decoded with the offset in the record's JSON of each of its characters."""

    name: str | None
    line: int
    column: int
    raw: str | None = None
    text: str = ""
    raw_offsets: tuple[int, ...] = ()

    def region(self, e: Evidence) -> Region:
        """The evidence's place in the export; the place within the record's text when the file no
        longer holds that text there."""
        if self.raw is None or self.text[e.start:e.end] != e.text or not self.raw_offsets:
            return region(e)
        start, end = self.raw_offsets[e.start], self.raw_offsets[e.end]
        (line, column), (end_line, end_column) = self._position(start), self._position(end)
        return Region(line, column, end_line, end_column, self.raw[start:end])

    def _position(self, offset: int) -> tuple[int, int]:
        raw = self.raw or ""
        last_break = raw.rfind("\n", 0, offset)
        if last_break < 0:
            return self.line, self.column + offset
        return self.line + raw.count("\n", 0, offset), offset - last_break


def record_places(report: Report, fields: RecordFields = RecordFields()) -> Iterator[Record | None]:
    """For each file report, in order, the archive record it reports, found in its export; None for a
    file of one article, or a record its file does not hold (standard input, an edited file). Each
    export is read alongside the report, forward, one record at a time: nothing of it is held."""
    readers: dict[str, _Export] = {}
    for f in report.files:
        origin = f.origin
        if (origin.record is None and origin.line is None) or "\x00" in origin.file:  # a NUL: no file's name
            yield None
        else:
            yield readers.setdefault(origin.file, _Export(Path(origin.file), fields)).find(origin)


class _Export:
    """An export read as a report asks for its records, in the report's order; read again from the
    start for a record that is not ahead (the same export checked twice)."""

    def __init__(self, path: Path, fields: RecordFields):
        self.path, self.fields = path, fields
        self.ahead = self._read()

    def _read(self) -> Iterator[tuple[str, RawRecord]]:
        for r in raw_records(self.path, DEFAULT_MAX_SIZE):
            yield (record_name(self.path, r.line, r.value, self.fields) if r.line else str(self.path)), r

    def find(self, origin: SourceRef) -> Record | None:
        for _ in range(2):
            for found, r in self.ahead:
                if found == origin.name:
                    return _located(r, origin.record, self.fields)
            self.ahead = self._read()
        return None


def _located(r: RawRecord, label: str | None, fields: RecordFields) -> Record:
    value = r.value if isinstance(r.value, dict) else {}
    key = next((k for k in fields.text if value.get(k) is not None), None)
    start = _member(r.raw, key) if r.raw and key else None
    if r.raw is None or start is None or not isinstance(value[key], str):
        return Record(label, r.line, r.column)
    return Record(label, r.line, r.column, r.raw, value[key], _string_offsets(r.raw, start))


def _member(raw: str, key: str) -> int | None:
    """Where the value of the object's last member named `key` starts in `raw`, a JSON object."""
    found = None
    i = _skip(raw, raw.index("{") + 1)
    while raw[i:i + 1] == '"':
        name, i = json.decoder.scanstring(raw, i + 1, False)  # type: ignore[attr-defined]  # public, not in typeshed
        i = _skip(raw, _skip(raw, i) + 1)  # past the colon
        if name == key:
            found = i
        _, i = DECODER.raw_decode(raw, i)
        i = _skip(raw, i)
        i = _skip(raw, i + 1) if raw[i:i + 1] == "," else i
    return found


def _skip(raw: str, i: int) -> int:
    while i < len(raw) and raw[i] in _SPACE:
        i += 1
    return i


def _string_offsets(raw: str, quote: int) -> tuple[int, ...]:
    """The offset in `raw` of each character of the JSON string whose opening quote is at `quote`, and of
    its closing quote: an escape is two characters, `\\uXXXX` six, a surrogate pair twelve."""
    out, i = [], quote + 1
    while raw[i] != '"':
        out.append(i)
        if raw[i] != "\\":
            i += 1
        elif raw[i + 1] != "u":
            i += 2
        else:
            pair = 0xD800 <= int(raw[i + 2:i + 6], 16) < 0xDC00 and raw[i + 6:i + 8] == "\\u" \
                and 0xDC00 <= int(raw[i + 8:i + 12], 16) < 0xE000
            i += 12 if pair else 6
    out.append(i)
    return tuple(out)
