"""Splitting an article into segments: headline, dateline, byline, body, related links, boilerplate."""
from __future__ import annotations

import datetime as dt
import re

from ..lexicon import Lexicon
from ..models import Segment, SegmentKind
from .dateline import dateline_match, dateparser_date, looks_like_dateline

_LINE = re.compile(r"[^\n]*\n?")
HEAD_LINES = 8  # a dateline or headline is looked for among the first non-empty lines
RELATED_MAX = 200  # characters of an inline related-link headline at most
LEDE_SEPARATORS = "-–—:|,"
LEDE_MIN = 30  # characters of running text after a dateline that make it a lede, not a time or a place
_HARD_END = re.compile(r"\n|&ldquo;|&quot;|[“\"]|[.!?](?=\s|$)")
_TOKEN = re.compile(r"\S+")


def segment(text: str, start: int, lex: Lexicon,
            guess_dateline: bool = True) -> tuple[list[Segment], dt.date | None]:
    """The segments of text[start:] and the publication date its dateline gives, if any. With
    `guess_dateline`, dateparser reads a short dated line that no dateline pattern of the lexicon reads;
    that is worth its cost (a third of a second at first use) only when the date is not known otherwise."""
    lines = []
    for m in _LINE.finditer(text, start):
        if m.start() == m.end():
            break
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in "\r\n":
            e -= 1
        # strip surrounding blanks so a segment starts and ends on text
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            lines.append((s, e))
    segs: list[Segment] = []
    if start > 0:
        segs.append(Segment(start=0, end=start, kind="front-matter"))

    kinds: list[SegmentKind | None] = [None] * len(lines)
    in_head = True  # until the first paragraph of running text
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if any(p.search(line) for p in lex.boilerplate_lines):
            kinds[i] = "boilerplate"
        elif lex.related_pattern.match(line):
            kinds[i] = "related-link"
        elif in_head and lex.byline_pattern and lex.byline_pattern.match(line) and len(line) < 80:
            kinds[i] = "byline"
        elif len(line) >= 80:
            in_head = False

    published = None
    dateline_at = None
    lede = None  # where running text starts on the dateline's own line (`WASHINGTON, ... (AP) — The ...`)
    head = [i for i, k in enumerate(kinds) if k is None][:HEAD_LINES]
    for i in head:
        s, e = lines[i]
        line = text[s:e]
        found = dateline_match(line, lex)
        if found:
            published, lede = found[0], _lede_start(text, s + found[1], e)
        elif guess_dateline and looks_like_dateline(line, lex) and len(line) < 60:
            published = dateparser_date(line, lex.lang, lex.data.date_order)
        if published:
            kinds[i] = "dateline"
            dateline_at = i
            break
    if dateline_at is not None:
        before = [i for i in head if i < dateline_at]
        if before:
            kinds[before[-1]] = "headline"
        # Short lines between the dateline and the body are the author's name and labels.
        for i in range(dateline_at + 1, len(lines)):
            if kinds[i] is not None:
                continue
            s, e = lines[i]
            if e - s > 60 or text[e - 1] in ".!?\"”":
                break
            kinds[i] = "byline"
    elif head and len(lines) > 1:
        s, e = lines[head[0]]
        if e - s < 200 and text[e - 1] not in ".!?\"”":
            kinds[head[0]] = "headline"

    for i, ((s, e), kind) in enumerate(zip(lines, kinds)):
        if kind is None:
            segs.extend(_split_body(text, s, e, lex))
        elif i == dateline_at and lede is not None:
            segs.append(_trimmed(text, s, lede, kind))
            segs.extend(_split_body(text, lede, e, lex))
        else:
            segs.append(Segment(start=s, end=e, kind=kind))
    return segs, published


def _lede_start(text: str, s: int, e: int) -> int | None:
    """Where the lede starts after a dateline on the same line, or None when what follows is not running
    text (a time such as `, 10:16 WIB`)."""
    while s < e and (text[s].isspace() or text[s] in LEDE_SEPARATORS):
        s += 1
    rest = text[s:e]
    return s if len(rest) >= LEDE_MIN and any(w.islower() for w in rest.split()) else None


def _split_body(text: str, s: int, e: int, lex: Lexicon) -> list[Segment]:
    """A body line, with inline page furniture and inline related-link headlines cut out of it."""
    cuts: list[tuple[int, int, SegmentKind]] = []
    if lex.boilerplate_inline is not None:
        cuts += [(m.start(), m.end(), "boilerplate") for m in lex.boilerplate_inline.finditer(text, s, e)]
    # A related link ends with a colon (Lexicon.related_pattern), which most lines lack: str.find tells so
    # faster than the pattern, which re tries at every character.
    if text.find(":", s, e) >= 0:
        for m in lex.related_pattern.finditer(text, s, e):
            cuts.append((m.start(), _related_end(text, m.end(), min(e, m.end() + RELATED_MAX), lex), "related-link"))
    out = []
    pos = s
    for cs, ce, kind in sorted(cuts):
        if cs < pos:
            continue
        if text[pos:cs].strip():
            out.append(_trimmed(text, pos, cs, "body"))
        out.append(_trimmed(text, cs, ce, kind))
        pos = ce
    if text[pos:e].strip():
        out.append(_trimmed(text, pos, e, "body"))
    return out


def _related_end(text: str, start: int, limit: int, lex: Lexicon) -> int:
    """Where an inline related-link headline ends: at a quote or sentence end, or where the title case
    stops (two lower-case words in a row that a headline would capitalise)."""
    hard = _HARD_END.search(text, start + 2, limit)
    limit = hard.start() if hard else limit
    previous_lower = None
    for tok in _TOKEN.finditer(text, start, limit):
        word = tok.group().strip(",;:()'’")
        lower = word[:1].islower() and word.lower() not in lex.small_words
        if lower and previous_lower is not None:
            return previous_lower
        previous_lower = tok.start() if lower else None
    return limit


def _trimmed(text: str, s: int, e: int, kind: SegmentKind) -> Segment:
    while text[s].isspace():
        s += 1
    while text[e - 1].isspace():
        e -= 1
    return Segment(start=s, end=e, kind=kind)
