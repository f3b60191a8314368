"""Bytes to text: UTF-8 with or without BOM, UTF-16 with BOM, else a legacy single-byte code page."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters that text does not hold (tab, line feed, form feed and carriage return are text).
# A stray one in a scraped article is tolerated; binary files are full of them (NUL above all).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
BINARY_CONTROL_SHARE = 0.01


def bom_encoding(head: bytes) -> str | None:
    """The codec that the byte order mark at the start of `head` calls for (it drops the mark), or None."""
    return next((codec for bom, codec in _BOMS if head.startswith(bom)), None)


@dataclass(frozen=True)
class Decoded:
    text: str
    warning: str | None = None  # set when the bytes were not Unicode and a legacy code page was assumed


def decode(data: bytes, name: str) -> Decoded:
    """The text of a file's bytes, or an InputError naming the file when they are binary data."""
    codec = bom_encoding(data)
    if codec:
        try:
            return Decoded(_text(data.decode(codec), name))
        except UnicodeDecodeError as exc:
            label = "UTF-16" if codec == "utf-16" else "UTF-8"
            raise InputError(name, f"starts with a {label} byte order mark, but byte {exc.start} is not {label}",
                             code="input.encoding", hint="save the article as UTF-8 text") from None
    try:
        return Decoded(_text(data.decode("utf-8"), name))
    except UnicodeDecodeError as exc:
        bad = exc.start
    # Old newsroom exports are Windows-1252; Latin-1 also reads the five bytes Windows-1252 leaves undefined.
    try:
        text, label = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, label = data.decode("latin-1"), "Latin-1"
    return Decoded(_text(text, name), f"warning: not UTF-8 (byte {bad} is not valid UTF-8), so it was read as "
                                      f"{label}; check accented letters and quotation marks, and save the file "
                                      f"as UTF-8")


def _text(text: str, name: str) -> str:
    """`text`, unless its control characters show it is binary data."""
    if sum(1 for _ in _CONTROL.finditer(text)) > BINARY_CONTROL_SHARE * len(text):
        raise InputError(name, "binary data, not text", code="input.encoding",
                         hint="pass article files (.txt, .md, .html, .jsonl, .json) saved as UTF-8 text")
    return text
