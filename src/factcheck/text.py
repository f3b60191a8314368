"""Positions in text: line/column lookup, sentences and clauses, all as offsets into the article; and text
made safe to print (`visible`)."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar, cast

from pydantic import BaseModel

from .models import Evidence, Span

T = TypeVar("T")

# A sentence ends at . ! ? (with closing quotes or brackets) followed by space or by a capital glued on
# by a scraper ("bervariasi.Gubernur"), or at a line break; digits on both sides of a dot are a number, not
# an end. The set of characters an end opens with comes first, and which one it was is checked behind it:
# `re` scans fast for a pattern that opens with a set, and tries `[.!?]+...|\n` at every character.
_SENTENCE_END = re.compile(r"""[.!?\n](?:(?<=\n)|(?<=[.!?])[.!?]*["'”’)\]]*(?=\s|[A-Z“"]))""")
_CLAUSE_BREAK = re.compile(r"[;,:]\s|\s[-–—]\s")
TOKEN = re.compile(r"\w+(?:[.,'’/-]\w+)*|[%$]|[^\w\s]")


class LineIndex:
    """Maps character offsets to 1-based line and column."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def evidence(self, start: int, end: int, note: str | None = None) -> Evidence:
        line, col = self.position(start)
        return Evidence(start=start, end=end, line=line, column=col, text=self.text[start:end], note=note)


class Taken:
    """The stretches of text some spans cover, asked whether a span overlaps any of them: a binary search,
    so a text with thousands of mentions costs no more per mention than a short one. Spans that overlap
    or touch are kept merged, which answers the same."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.ends, start)  # the stretches from the first that reaches `start`...
        j = bisect.bisect_right(self.starts, end)  # ...to the last that begins by `end` become one
        if i < j:
            start, end = min(start, self.starts[i]), max(end, self.ends[j - 1])
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.ends, start)  # the first stretch that ends after `start`
        return i < len(self.starts) and self.starts[i] < end

    def contains(self, start: int, end: int) -> bool:
        """Whether [start, end) lies within the stretches (within one of them, or of ones that touch)."""
        i = bisect.bisect_right(self.starts, start) - 1  # the last stretch that begins by `start`
        return i >= 0 and end <= self.ends[i]


def span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    segment: str  # the kind of segment the sentence lies in


def split_sentences(text: str, start: int, end: int, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Sentence boundaries within text[start:end], skipping abbreviations such as `Dr.` or `Dec.`."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _SENTENCE_END.finditer(text, start, end):
        dot = m.start()
        if text[dot] == ".":
            if dot > 0 and text[dot - 1].isdigit() and text[m.end():m.end() + 2].strip()[:1].isdigit():
                continue  # "10. 87": a number split by a tokenizer, not a sentence end
            word = text[_word_start(text, s, dot):dot]
            if word and (word.lower() in abbreviations or _initial(word)):
                continue
        e = m.end()
        _add_trimmed(out, text, s, e)
        s = e
    _add_trimmed(out, text, s, end)
    return out


def _add_trimmed(out: list[tuple[int, int]], text: str, s: int, e: int) -> None:
    """text[s:e] without the white space around it, unless nothing else is left."""
    s, e = _trim(text, s, e)
    if s < e:
        out.append((s, e))


def _word_start(text: str, start: int, end: int) -> int:
    """Where the run of word characters and dots that ends at `end` begins (`Dr`, `U.S`), not before `start`."""
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):  # `\w` is alphanumeric or `_`
        i -= 1
    return i


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


class Remembered(Protocol[T]):
    """A reading as per_text remembers it: called as the reading is; `forget()` drops what it holds."""

    __wrapped__: Callable[..., T]

    def __call__(self, text: str, start: int, end: int, *more: Any) -> T: ...

    def forget(self) -> None: ...


def per_text(read: Callable[..., T]) -> Remembered[T]:
    """`read(text, start, end, *more)` remembered for the stretches of one text, the article being read:
    each stretch is read once however many there are (an LRU of a few hundred entries was read again by
    every extractor once an article had more lines than that). Reading another text forgets the last,
    and so does `forget()` when an article is done; a thread reading another text meanwhile reads its
    own again, never gets the other's answers."""
    # (the text, its answers by (start, end, *more)), replaced whole
    held: list[tuple[str | None, dict[tuple[Any, ...], T]]] = [(None, {})]

    def remembered(text: str, start: int, end: int, *more: Any) -> T:
        owner, known = held[0]
        if owner is not text:
            known = {}
            held[0] = (text, known)
        key = (start, end, *more)
        found = known.get(key)
        if found is None:
            found = known[key] = read(text, start, end, *more)
        return found

    def forget() -> None:
        held[0] = (None, {})

    remembered.forget = forget  # type: ignore[attr-defined]
    remembered.__wrapped__ = read  # type: ignore[attr-defined]  # the reading itself, remembering nothing
    remembered.__doc__ = read.__doc__
    return cast("Remembered[T]", remembered)  # the function with the two attributes just set


CLAUSE_CHARS = 1000


def clause_bounds(text: str, sent: Sentence, offset: int) -> tuple[int, int]:
    """The clause of `sent` around `offset`: between the nearest clause breaks (, ; : or a dash), and
    at most CLAUSE_CHARS either side. The breaks of a sentence are found once, then bisected, so that a
    sentence of a thousand mentions is not scanned a thousand times."""
    lo, hi = max(sent.start, offset - CLAUSE_CHARS), min(sent.end, offset + CLAUSE_CHARS)
    starts, ends = _clause_breaks(text, sent.start, sent.end)
    before = bisect.bisect_right(ends, offset) - 1  # the last break that ends by the offset
    after = bisect.bisect_left(starts, offset)  # the first break that starts at or after it
    new_lo = ends[before] if before >= 0 and starts[before] >= lo else lo
    new_hi = starts[after] if after < len(starts) and ends[after] <= hi else hi
    return new_lo, new_hi


@per_text
def _clause_breaks(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Where each clause break of text[start:end] starts and where it ends, in order."""
    found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, start, end)]
    return [s for s, _ in found], [e for _, e in found]


# HTML entities as scraped pages carry them (also escaped twice, `&amp;nbsp;`), and the character each
# stands for; white space for the spaces.
_ENTITY = re.compile(r"&(?:amp;)?(nbsp|#160|#xa0|ensp|emsp|thinsp|ldquo|#8220|rdquo|#8221|quot|#34|lsquo|#8216|"
                     r"rsquo|#8217|apos|#39|ndash|#8211|mdash|#8212|amp);", re.I)
_STANDS_FOR = {"ldquo": "“", "#8220": "“", "rdquo": "”", "#8221": "”", "quot": '"', "#34": '"', "lsquo": "‘",
               "#8216": "‘", "rsquo": "’", "#8217": "’", "apos": "'", "#39": "'", "ndash": "–", "#8211": "–",
               "mdash": "—", "#8212": "—", "amp": "&"}


def entity_view(text: str) -> str:
    """The text with HTML entities replaced by what they stand for, padded with spaces to the same length,
    so patterns read `Rabu&nbsp;(7/12/2021)` as a date while every offset still points into the text."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: _STANDS_FOR.get(m.group(1).lower(), " ").ljust(len(m.group()), " "), text)


# What a mention's field holds that holds no Span: not looked into.
_NO_SPANS = (str, int, float, dt.date, type(None))
# The field names of each class restore_spans has met (none for what is no model or dataclass): asked of a
# pydantic class, `model_fields` is a property of Python code.
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        fields = getattr(kind, "model_fields", None) or getattr(kind, "__dataclass_fields__", None) or ()
        names = _FIELDS[kind] = tuple(fields)
    return names


def restore_spans(value: T, text: str) -> T:
    """`value` (a model, or a list or tuple of them) with every Span's text taken from `text`, for
    mentions found in an entity_view of it."""
    if isinstance(value, Span):
        return value if text[value.start:value.end] == value.text else cast(T, span(text, value.start, value.end))
    names = _field_names(type(value))
    if names:  # a pydantic model or a dataclass
        updates = {name: new for name in names if not isinstance(old := getattr(value, name), _NO_SPANS)
                   and (new := restore_spans(old, text)) is not old}
        if not updates:
            return value
        if isinstance(value, BaseModel):
            return value.model_copy(update=updates)
        return cast(T, replace(cast(Any, value), **updates))  # a dataclass
    if isinstance(value, (list, tuple)):
        items = [restore_spans(v, text) for v in value]
        return value if all(a is b for a, b in zip(items, value)) else cast(T, type(value)(items))
    return value


# Text from an article, a record or a file name, made safe to print: a report or an export shows a control
# character or a bidi mark, never acts on it (a terminal escape that recolours or clears the screen, a carriage
# return or backspace that overwrites a line, a character XML 1.0 forbids, a mark that reorders what follows).
# C0 controls but the tab, DEL and C1 controls; the line and paragraph separators; bidi marks, embeddings,
# overrides and isolates; lone surrogates; the two non-characters XML forbids. The second line is raw, so the
# regex reads its `\u` escapes: mypyc (the compiled build) cannot hold a lone surrogate in a string literal.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
                     r"\ud800-\udfff\ufffe\uffff]")


def visible(text: str) -> str:
    """`text` with each unsafe character written as its Python escape (`\\x1b`, `\\r`, `\\u202e`)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
