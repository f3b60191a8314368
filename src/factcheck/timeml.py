"""TimeML documents (.tml): reading annotated gold, writing the time expressions factcheck finds.

A TimeML document gives its creation time (the publication date) as `<DCT><TIMEX3 value=.../></DCT>`
and its text as `<TEXT>`, with each time expression marked inline: `<TIMEX3 tid type value [mod]>`.
Other markup inside the text (EVENT, SIGNAL...) is read as the words it holds. The reader gives the
text without markup and each TIMEX3 as offsets into it; the writer is its inverse, so what it writes
reads back to the same text and the same expressions.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from xml.etree import ElementTree

from .errors import InputError
from .ingest.sources import read_bytes

TIMEML_SUFFIXES = (".tml",)
_DCT_DATE = re.compile(r"(\d{4})-?(\d\d)-?(\d\d)")
# Characters XML 1.0 cannot hold in any form; written as a space, which keeps every offset.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 of a document: offsets into its text, its type, TimeML value and modifier."""

    start: int
    end: int
    type: str
    value: str | None = None
    mod: str | None = None


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML document as read: its name, text without markup, creation date, and time expressions."""

    name: str
    text: str
    dct: dt.date | None
    timexes: tuple[Timex, ...]


class TimexLike(Protocol):
    """What write_timeml reads of a time expression (a Timex, a frozen TimeMention): read-only."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str | None: ...
    @property
    def mod(self) -> str | None: ...


def read_timeml(path: Path, max_size: int) -> TimeMLDocument:
    """The TimeML document in the file `path`; an InputError names the file and what is wrong."""
    return parse_timeml(read_bytes(path, max_size), path.name)


def parse_timeml(source: bytes | str, name: str) -> TimeMLDocument:
    """The TimeML document in `source` (the XML declaration says its encoding when it is bytes)."""
    try:
        root = ElementTree.fromstring(source)
    except ElementTree.ParseError as exc:
        raise InputError(name, f"not a TimeML document (not well-formed XML: {exc})", code="input.timeml") from None
    body = next((e for e in root.iter() if _local(e.tag) == "TEXT"), None)
    if body is None:
        raise InputError(name, "not a TimeML document (no <TEXT> element)", code="input.timeml")
    dct = next((e for e in root.iter() if _local(e.tag) == "DCT"), None)
    stamp = next((e for e in dct.iter() if _local(e.tag) == "TIMEX3"), None) if dct is not None else None
    parts: list[str] = []
    timexes: list[Timex] = []
    try:
        _walk(body, parts, timexes, 0)
    except RecursionError:
        raise InputError(name, "markup nested too deeply to be a TimeML document", code="input.timeml") from None
    return TimeMLDocument(name=name, text="".join(parts), dct=_date(stamp.get("value")) if stamp is not None else None,
                          timexes=tuple(sorted(timexes, key=lambda t: (t.start, t.end))))


def _walk(elem: ElementTree.Element, parts: list[str], timexes: list[Timex], length: int) -> int:
    """Appends the text inside `elem` to `parts` (which hold `length` characters so far), and the TIMEX3
    elements inside it to `timexes`; the new length."""
    if elem.text:
        parts.append(elem.text)
        length += len(elem.text)
    for child in elem:
        start = length
        length = _walk(child, parts, timexes, length)
        if _local(child.tag) == "TIMEX3" and length > start:  # an empty TIMEX3 marks no words
            timexes.append(Timex(start, length, child.get("type", ""), child.get("value"), child.get("mod")))
        if child.tail:
            parts.append(child.tail)
            length += len(child.tail)
    return length


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _date(value: str | None) -> dt.date | None:
    m = _DCT_DATE.match(value or "")
    if not m:
        return None
    try:
        return dt.date(*map(int, m.groups()))
    except ValueError:
        return None


def write_timeml(text: str, timexes: Iterable[TimexLike], dct: dt.date | None, docid: str) -> str:
    """A TimeML document of `text` with each of `timexes` (offsets into it, sorted, not overlapping)
    marked inline as a TIMEX3, and `dct` as its creation time."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n', f"<DOCID>{_escape(docid)}</DOCID>\n"]
    if dct is not None:
        out.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n')
    out.append("<TEXT>")
    at = 0
    for n, t in enumerate(timexes, 1):
        attrs = {"tid": f"t{n}", "type": t.type, "value": t.value, "mod": t.mod}
        marked = " ".join(f"{k}={_attribute(v)}" for k, v in attrs.items() if v is not None)
        out.append(f"{_escape(text[at:t.start])}<TIMEX3 {marked}>{_escape(text[t.start:t.end])}</TIMEX3>")
        at = t.end
    out.append(f"{_escape(text[at:])}</TEXT>\n</TimeML>\n")
    return "".join(out)


def _escape(text: str) -> str:
    # A carriage return as a character reference: a parser would make a written one a line feed.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return _NOT_XML.sub(" ", text)


def _attribute(value: str) -> str:
    return '"' + _escape(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;") + '"'


__all__ = ["TIMEML_SUFFIXES", "TimeMLDocument", "Timex", "parse_timeml", "read_timeml", "write_timeml"]
