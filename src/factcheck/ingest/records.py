"""Archive exports: JSON Lines and JSON arrays of article records, read one record at a time.

A record is a JSON object; the keys its text, date, title, language and id are read from are
configurable (RecordFields). Each record is reported as FILE#ID, or FILE:LINE when it has no id. Memory
holds one record at a time however many a file has: JSON Lines are read line by line, and a JSON array
is decoded one element at a time from a buffer refilled in chunks.
"""
from __future__ import annotations

import dataclasses
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ..errors import ConfigError, InputError
from ..files import open_regular
from ..lexicon import load_lexicon
from ..models import Article, SourceRef
from .article import article_from_text
from .dateline import parse_date_value, shown
from .encoding import bom_encoding
from .language import declared_language

JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
CHUNK = 1 << 16
# Bytes that are not UTF-8 arrive as lone surrogates (errors="surrogateescape"), so one bad record does
# not end the file.
_UNDECODED = re.compile("[\udc80-\udcff]")
_SPACE = re.compile(r"[ \t\r\n]*")
# An integer too long for int() (4,300 digits) is read as a float, infinite, so the record still reads.
DECODER = json.JSONDecoder(strict=False, parse_int=lambda digits: int(digits) if len(digits) < 4300 else float(digits))


@dataclasses.dataclass(frozen=True)
class Unreadable:
    """Why a record, or the rest of an export, cannot be read: a Problem's parts without its source."""

    code: str
    message: str
    hint: str | None = None
    option: str | None = None

    def __str__(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message

    def error(self, name: str) -> InputError:
        """The error of reading the record (or export) `name`."""
        return InputError(name, self.message, code=self.code, hint=self.hint, option=self.option)


NOT_UTF8 = Unreadable("input.encoding", "not UTF-8 text", "save the export as UTF-8")


@dataclasses.dataclass(frozen=True)
class RecordFields:
    """The keys each part of a record is read from; the first key present wins."""

    text: tuple[str, ...] = ("text", "body", "content")
    published: tuple[str, ...] = ("published", "date", "datePublished")
    title: tuple[str, ...] = ("title", "headline")
    lang: tuple[str, ...] = ("lang", "language")
    id: tuple[str, ...] = ("id", "url")

    @classmethod
    def from_options(cls, options: Iterable[str]) -> RecordFields:
        """The default keys, with a part's keys replaced by each `PART=KEY[,KEY...]` option (`text=isi`)."""
        fields = cls()
        parts = [f.name for f in dataclasses.fields(cls)]
        for option in options:
            part, _, keys = option.partition("=")
            names = tuple(k.strip() for k in keys.split(",") if k.strip())
            if part.strip() not in parts or not names:
                raise ConfigError(f"the record_fields setting '{option}': write PART=KEY[,KEY...] with PART one of "
                                  f"{', '.join(parts)} (for example text=isi)", option="record_fields")
            fields = dataclasses.replace(fields, **{part.strip(): names})
        return fields


def records(path: Path, max_size: int,
            data: bytes | None = None) -> Iterator[tuple[int, object, Unreadable | None]]:
    """(line, record, None) for each record of an export, or (line, None, problem) for one that cannot be
    read (line 0: the file as a whole); a problem that leaves the rest of the file unreadable ends the
    iteration and says so. `data`: the export's bytes, when they come from elsewhere than `path` (standard
    input)."""
    for r in raw_records(path, max_size, data):
        yield r.line, r.value, r.problem


@dataclasses.dataclass(frozen=True)
class RawRecord:
    """A record where it stands in its export: the line and column (from 1) it starts at, its JSON text
    (None when it could not be read), and its value or the problem with it."""

    line: int
    column: int
    raw: str | None
    value: object
    problem: Unreadable | None = None


def raw_records(path: Path, max_size: int, data: bytes | None = None) -> Iterator[RawRecord]:
    """`records`, each with its place and JSON text in the file."""
    reader = _json_lines if path.suffix.lower() in JSON_LINES_SUFFIXES else _json_values
    try:
        with _open(path) if data is None else _stream(data) as fh:
            yield from reader(fh, max_size)
    except OSError as exc:
        yield RawRecord(0, 0, None, None, Unreadable("input.unreadable", f"cannot read: {exc.strerror}"))
    except UnicodeDecodeError as exc:
        yield RawRecord(0, 0, None, None, Unreadable(
            "input.encoding", f"not UTF-16 text although it starts with a UTF-16 byte order mark ({exc.reason})",
            "save the export as UTF-8; the records after this point were not read"))


def record_article(name: str, record: object, fields: RecordFields, *, published=None, lang=None,
                   languages: Sequence[str] = (), lexicons: Sequence[Path] = ()) -> Article:
    """The article a record holds; an InputError names the record, what is wrong and what to do."""
    if not isinstance(record, dict):
        raise InputError(name, f"not a record: expected a JSON object with the article text under {_keys(fields.text)}",
                         code="input.bad-record")
    text = _first(record, fields.text)
    if not isinstance(text, str) or not text.strip():
        what = "no text" if text is None else "empty text" if isinstance(text, str) else "text that is not a string"
        raise InputError(name, f"record has {what} (under {_keys(fields.text)})", code="input.no-text",
                         hint="put the article text there, or name its key with the record_fields setting text=KEY",
                         option="record_fields")
    if lang is None:
        lang = declared_language(_first(record, fields.lang), "record language", name, lexicons)
    title = _first(record, fields.title)
    article = article_from_text(text, path=name, published=published, lang=lang, markdown=False,
                                title=title if isinstance(title, str) else None, languages=languages,
                                lexicons=lexicons)
    value = _first(record, fields.published)
    if published is not None or value is None:
        return article
    # Read in the article's language (detected when the record does not say), as its dateline would be.
    date = parse_date_value(value, load_lexicon(article.lang, lexicons))
    if date is None:
        raise InputError(name, f"publication date '{shown(value)}' is not a date", code="input.bad-date",
                         hint="write it as YYYY-MM-DD, or pass the published setting", option="published")
    return article.model_copy(update={"published": date, "published_source": "record"})


def record_source(path: Path | str, line: int, record: object, fields: RecordFields) -> SourceRef:
    """Where a record comes from: its export, its id (when it has one) and the line it starts on."""
    rid = _first(record, fields.id) if isinstance(record, dict) else None
    named = isinstance(rid, (str, int)) and str(rid).strip()
    return SourceRef(file=str(path), record=str(rid).strip() if named else None, line=line)


def record_name(path: Path | str, line: int, record: object, fields: RecordFields) -> str:
    """FILE#ID for a record with an id, else FILE:LINE."""
    return record_source(path, line, record, fields).name


def _first(record: dict, keys: tuple[str, ...]):
    return next((record[k] for k in keys if record.get(k) is not None), None)


def _keys(keys: tuple[str, ...]) -> str:
    return " or ".join(f"'{k}'" for k in keys)


def _open(path: Path) -> TextIO:
    fh = open_regular(path)
    codec = bom_encoding(fh.read(3)) or "utf-8"
    fh.seek(0)
    return io.TextIOWrapper(fh, encoding=codec, errors="surrogateescape", newline="\n")  # JSON Lines end at "\n" only


def _stream(data: bytes) -> TextIO:
    return io.TextIOWrapper(io.BytesIO(data), encoding=bom_encoding(data) or "utf-8", errors="surrogateescape",
                            newline="\n")


def _json_lines(fh: TextIO, max_size: int) -> Iterator[RawRecord]:
    number = 0
    while line := fh.readline(max_size + 1):
        number += 1
        if len(line) > max_size:
            while line and not line.endswith("\n"):  # skip the rest of the line without holding it
                line = fh.readline(max_size + 1)
            yield RawRecord(number, 1, None, None, _too_big(max_size))
        elif line.strip():
            yield RawRecord(number, 1, line, *_decoded(line))


def _decoded(text: str) -> tuple[object, Unreadable | None]:
    if _UNDECODED.search(text):
        return None, NOT_UTF8
    try:
        return DECODER.decode(text), None
    except json.JSONDecodeError as exc:
        return None, Unreadable("input.bad-record", f"not a JSON record ({exc.msg} at column {exc.colno})",
                                "fix or remove this line")
    except RecursionError:
        return None, Unreadable("input.bad-record", "not a record: JSON nested too deeply")


class _RestUnreadable(Exception):
    """The rest of a JSON file cannot be read: `args[0]` says why (an Unreadable)."""


def _json_values(fh: TextIO, max_size: int) -> Iterator[RawRecord]:
    """The records of a JSON array (or a single JSON object), one element at a time."""
    stream = _JsonStream(fh, max_size)
    try:
        first = stream.peek()
        if first == "{":
            yield stream.value()
        elif first == "[":
            stream.skip()
            if stream.peek() == "]":
                stream.skip()
            else:
                yield from _array_items(stream)
        elif first:
            raise _RestUnreadable(Unreadable("input.bad-record",
                                             "not a JSON array of records: it should start with '['"))
        if stream.peek():
            raise _RestUnreadable(Unreadable("input.bad-record", "text after the end of the JSON value"))
    except _RestUnreadable as exc:
        yield RawRecord(stream.line, stream.column, None, None, exc.args[0])


def _array_items(stream: _JsonStream) -> Iterator[RawRecord]:
    while True:
        stream.peek()  # to the record's first character, so its place is where it starts
        yield stream.value()
        after = stream.peek()
        if after == "]":
            stream.skip()
            return
        if after != ",":
            problem = "the file ends before the array's closing ']'" if not after else \
                f"expected ',' or ']' between records, found '{after}'"
            raise _RestUnreadable(Unreadable("input.bad-record",
                                             f"{problem}; the records after this point were not read"))
        stream.skip()


class _JsonStream:
    """JSON text read a chunk at a time, decoded one value at a time with the json module."""

    def __init__(self, fh: TextIO, max_size: int):
        self.fh, self.max_size = fh, max_size
        self.buf, self.pos, self.line, self.column, self.eof = "", 0, 1, 1, False

    def peek(self) -> str:
        """The next character that is not white space, or '' at the end of the file."""
        while True:
            self._advance(_SPACE.match(self.buf, self.pos).end())  # type: ignore[union-attr]  # matches '' too
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def skip(self) -> None:
        self._advance(self.pos + 1)

    def value(self) -> RawRecord:
        """The next value, or a problem with it alone; raises _RestUnreadable when the rest cannot be read."""
        while True:
            try:
                value, end = DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if not _cut_short(exc):
                    line = self.line + self.buf.count("\n", self.pos, exc.pos)
                    raise _RestUnreadable(Unreadable("input.bad-record", f"not valid JSON at line {line}: {exc.msg}; "
                                                 f"the records after this point were not read")) from None
                if len(self.buf) - self.pos > self.max_size:
                    raise _RestUnreadable(Unreadable(
                        "input.too-large", f"a record larger than the {size_text(self.max_size)} size limit (raise "
                        f"it with the max_size setting); the records after it were not read",
                        option="max_size")) from None
                if not self._fill():
                    raise _RestUnreadable(Unreadable("input.bad-record",
                                                 "the file ends inside a record (was the export cut short?)")) from None
                continue
            except RecursionError:
                raise _RestUnreadable(Unreadable("input.bad-record", "JSON nested too deeply; the records after this "
                                                                 "point were not read")) from None
            if end < len(self.buf) or not self._fill():  # a number at the buffer's end may go on
                problem = _too_big(self.max_size) if end - self.pos > self.max_size else \
                    NOT_UTF8 if _UNDECODED.search(self.buf, self.pos, end) else None
                found = RawRecord(self.line, self.column, None if problem else self.buf[self.pos:end],
                                  None if problem else value, problem)
                self._advance(end)
                return found

    def _advance(self, end: int) -> None:
        last_break = self.buf.rfind("\n", self.pos, end)
        self.line += self.buf.count("\n", self.pos, end)
        self.column = end - last_break if last_break >= 0 else self.column + end - self.pos
        self.pos = end

    def _fill(self) -> bool:
        """Read on; at least as much as is pending, so a long record is decoded again only a few times."""
        if self.eof:
            return False
        pending = self.buf[self.pos:]
        chunk = self.fh.read(max(CHUNK, len(pending)))
        self.eof = not chunk
        self.buf, self.pos = pending + chunk, 0
        return bool(chunk)


def _cut_short(exc: json.JSONDecodeError) -> bool:
    """Whether decoding failed only because the buffer ends inside the value (more text may complete it)."""
    return exc.msg.startswith("Unterminated string") or exc.pos >= len(exc.doc) - len("\\uXXXX")


def _too_big(max_size: int) -> Unreadable:
    return Unreadable("input.too-large", f"record larger than the {size_text(max_size)} size limit",
                      "split it, or raise the limit with the max_size setting", "max_size")


def size_text(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB" if n >= 1e3 else f"{n} bytes"
