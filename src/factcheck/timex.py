"""Time expressions as TimeML sees them: `find_times(text)`, and the TimeMention each one is.

    >>> factcheck.find_times("Rapat digelar Senin (6/12/2021).", published="2021-12-05")
    [TimeMention(start=14, end=31, text='Senin (6/12/2021)', type='DATE', value='2021-12-06', ...)]

The mentions come from the checker's own extraction (the Extractor), so they are what the rules read,
plus the forms only TimeML wants. Each is one of the four TIMEX3 types with its TimeML value: DATE and
TIME (times.py), DURATION (durations.py; `tiga tahun lalu` / `three years ago` is a DATE, as TimeML
has it) and SET.
"""
from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .extract import Extractor
from .files import DEFAULT_MAX_SIZE
from .lexicon import Lexicon, alternation, load_lexicon
from .models import Article, Duration, FileReport, TimeExpr
from .text import LineIndex, Taken, visible

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]

# factcheck's modifiers and hedges as TimeML 1.2 names them. A half or quarter (`first-half`, `q3`) is
# in the value itself (`2021-H1`, `2021-Q3`), not a modifier.
TIMEML_MODS = {"start": "START", "mid": "MID", "end": "END", "approx": "APPROX", "almost": "EQUAL_OR_LESS",
               "up-to": "EQUAL_OR_LESS", "at-least": "EQUAL_OR_MORE", "more-than": "MORE_THAN",
               "less-than": "LESS_THAN"}


class TimeMention(BaseModel):
    """A time expression: `text` is exactly the text between the offsets `start` and `end`; `type` is
    its TIMEX3 type, `value` its TimeML value (`2021-12-05`, `2021-Q1`, `197`, `PRESENT_REF`, `P3Y`,
    `XXXX-WXX-1`; None when it cannot be given), `lo` and `hi` the first and last day it covers when
    known, `grain` the unit it is given in, and `mod` its TimeML modifier (START, MID, END, APPROX...)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    end: int
    text: str
    type: TimeType
    value: str | None = None
    lo: dt.date | None = None
    hi: dt.date | None = None
    grain: str | None = None
    mod: str | None = None


@functools.cache
def _extractor(lang: str, lexicons: tuple[Path, ...]) -> Extractor:
    return Extractor(load_lexicon(lang, lexicons))


def find_times(text: str, published: dt.date | str | None = None, lang: str | None = None,
               lexicons: Sequence[Path] = ()) -> list[TimeMention]:
    """The time expressions of `text`, in order and never overlapping. `published` (a date or an ISO
    date string) anchors relative ones (`kemarin`, `last week`); without it, a dateline in the text
    gives it, as for the checker. `lang` is a language with a lexicon ("id", "en"); detected when not
    given. `lexicons`: newsroom lexicon folders merged over the built-in ones, as the checker takes them."""
    from .checker import _check_options
    from .ingest import article_from_text

    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, got {type(text).__name__}")
    published = _published(published)
    _check_options(published, lang, lexicons)
    article = article_from_text(text, published=published, lang=lang, markdown=False, lexicons=lexicons)
    return times_of(article, lexicons)


def times_of(article: Article, lexicons: Sequence[Path] = ()) -> list[TimeMention]:
    """The time expressions of an article as read (`factcheck times`), with the lexicons it was read with:
    offsets into its text."""
    extractor = _extractor(article.lang, tuple(lexicons))
    found = extractor.timeline(article)
    edges = _edges(extractor.lex)
    candidates = [*(m for t in (*found.times, *found.sets) for m in _of_time(t, article.text, edges)),
                  *(m for m in map(_of_duration, found.durations) if m is not None)]
    # Where two readings overlap, the longer one holds (`setiap Senin` over `Senin`); on a tie, a date.
    candidates.sort(key=lambda m: m.start - m.end)
    taken, kept = Taken(), []
    for m in candidates:
        if not taken.overlaps(m.start, m.end):
            taken.add(m.start, m.end)
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


@functools.cache
def _edges(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """Before a time, the words TimeML leaves out of it (`pada 2020` is tagged `2020`); after a date
    that its part of the day makes a TIME, that part, which TimeML keeps in (`Senin (6/12) malam`; the
    checker quotes the date alone)."""
    outside = alternation(lex.data.timex.outside) or "(?!)"
    parts = alternation(lex.data.timex.day_parts) or "(?!)"
    return re.compile(rf"(?i:{outside})\s+(?=\S)"), re.compile(rf"\s+(?i:{parts})(?!\w)")


_RANGE_DASH = re.compile(r"\s*[-–]\s*")


def _of_time(t: TimeExpr, source: str, edges: tuple[re.Pattern, re.Pattern]) -> list[TimeMention]:
    """The mentions of a time: none for a date that cannot exist (no TimeML value; the checker reports
    it), two for a range of days (`12-14 Maret 2022`: TimeML gives each end its own value), else one,
    without a leading preposition. A time of day (`pukul 19.00`) covers the day its value names."""
    if t.invalid:
        return []
    start, text = t.span.start, t.span.text
    if t.grain == "day" and t.lo and t.hi and t.lo != t.hi and (dash := _RANGE_DASH.search(text)):
        return [TimeMention(start=start, end=start + dash.start(), text=text[:dash.start()], type="DATE",
                            value=t.lo.isoformat(), lo=t.lo, hi=t.lo, grain="day"),
                TimeMention(start=start + dash.end(), end=t.span.end, text=text[dash.end():], type="DATE",
                            value=t.hi.isoformat(), lo=t.hi, hi=t.hi, grain="day")]
    outside, day_part = edges
    if lead := outside.match(text):
        start = start + lead.end()
    end = t.span.end
    if t.type == "TIME" and t.lo is not None and (part := day_part.match(source, end)):
        end = part.end()
    text = source[start:end]
    lo, hi = t.lo, t.hi
    if t.type == "TIME" and lo is None and t.timeml and (day := _DAY.match(t.timeml)):
        lo = hi = dt.date.fromisoformat(day.group())
    return [TimeMention(start=start, end=end, text=text, type=t.type, value=t.timeml, lo=lo, hi=hi,
                        grain=t.grain, mod=TIMEML_MODS.get(t.mod or ""))]


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?=T)")


def _of_duration(d: Duration) -> TimeMention | None:
    if d.timeml is None:  # an age in brackets, an anniversary: no TIMEX3 in TimeML
        return None
    sp = d.timeml_span or d.span  # `dua tahun` of `selama dua tahun`: what TimeML tags
    return TimeMention(start=sp.start, end=sp.end, text=sp.text, type=d.type, value=d.timeml, grain=d.unit,
                       mod=TIMEML_MODS.get(d.hedge or ""))


def _published(value: dt.date | str | None) -> dt.date | None:
    if not isinstance(value, str):
        return value  # the checker's own test of options says what is wrong with anything else
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"published: '{value}' is not a date; write it as YYYY-MM-DD") from None


class ArticleTimes(BaseModel):
    """The time expressions of one article or archive record as `factcheck times` reads it (offsets into
    its text as read), or the error that kept it from being read."""

    model_config = ConfigDict(frozen=True)

    path: str
    language: str | None = None
    published: dt.date | None = None
    times: list[TimeMention] = []
    error: str | None = None
    article: Article | None = Field(default=None, exclude=True)  # what TimeML is written from


def read_times(paths: Iterable, published: dt.date | None = None, lang: str | None = None,
               max_size: int = DEFAULT_MAX_SIZE, record_fields: Iterable[str] = (),
               stdin_filename: str | None = None, names: Mapping[str, str] | None = None,
               lexicons: Sequence[Path] = ()) -> Iterator[ArticleTimes]:
    """The time expressions of the articles in `paths` (files, folders, `-` for standard input, read as
    the file `stdin_filename`), read as `factcheck check` reads them, with the newsroom `lexicons` merged
    over the built-in ones, one article at a time; one that cannot be read (or that factcheck fails on) is
    an entry with the error (the settings it mentions named as `names` says: a front end's words), and the
    others are still read."""
    from .checker import expand_paths
    from .errors import FactcheckError, stage
    from .ingest import ReadOptions, RecordFields, sources

    options = ReadOptions(published, lang, max_size, RecordFields.from_options(record_fields), (), stdin_filename,
                          tuple(lexicons))
    for target in expand_paths(paths):
        if isinstance(target, FileReport):
            yield ArticleTimes(path=target.path, error=target.named(names or {}).error)
            continue
        for source in sources(target, options):
            try:
                with stage("reading the article"):
                    article = source.read()
                with stage("reading time expressions"):
                    found = times_of(article, lexicons)
            except FactcheckError as exc:
                yield ArticleTimes(path=source.name, error=exc.text(names))
                continue
            yield ArticleTimes(path=source.name, language=article.lang, published=article.published, times=found,
                               article=article)


def render_times(articles: Iterable[ArticleTimes], fmt: str) -> Iterator[str]:
    """`factcheck times` output, "text" or "json", a piece as each article is read."""
    if fmt == "json":  # a JSON array, an article a line
        yield "["
        for i, a in enumerate(articles):
            yield ("," if i else "") + "\n" + json.dumps(a.model_dump(mode="json"), ensure_ascii=False)
        yield "\n]\n"
        return
    count = found = 0
    for a in articles:
        count += 1
        if a.error:
            yield f"{a.path}\n  error  {a.error}\n"
            continue
        found += len(a.times)
        lines = LineIndex(a.article.text) if a.article else None
        places = ["{}:{}".format(*lines.position(m.start)) if lines else "0:0" for m in a.times]
        width = max(map(len, places), default=0)
        rows = [f"{visible(str(a.path))}  [{a.language}, published {a.published or 'unknown'}]"]
        for m, place in zip(a.times, places):
            value = f"{m.value or '-'} {m.mod}" if m.mod else m.value or "-"
            rows.append(f"  {place:<{width}}  {m.type:<8}  {value:<16}  \"{visible(m.text)}\"")
        yield "\n".join(rows) + "\n"
    yield f"\n{count} article{'s' * (count != 1)}: {found} time expression{'s' * (found != 1)}\n"


def timeml_documents(articles: Iterable[ArticleTimes]) -> Iterator[tuple[str, str]]:
    """A TimeML document for each article read, with a file name made from the article's (NAME.tml)."""
    used: set[str] = set()
    for a in articles:
        if a.article is None:
            continue
        named = re.sub(r"\.(?:txt|text|md|markdown|html?|jsonl|json)(?=$|[#:])", "", Path(a.path).name, flags=re.I)
        stem = re.sub(r"[^\w.-]+", "-", named).strip(".-") or "article"  # news.jsonl#id-7: news-id-7
        name, n = f"{stem}.tml", 1
        while name in used:
            n += 1
            name = f"{stem}-{n}.tml"
        used.add(name)
        yield name, timeml_document(a.article, a.times)


def timeml_document(article: Article, times: list[TimeMention]) -> str:
    """The article as TimeML: the text it was read from (no front matter, no markup: its segments, apart
    as the text puts them; a page's entities decoded), its publication date as the DCT, and each of
    `times` (in order, each inside a segment) as a TIMEX3."""
    from .ingest.html import BLOCK_TAGS
    from .ingest.sources import HTML_SUFFIXES
    from .timeml import write_timeml  # XML is loaded only to write it

    page = Path(article.path).suffix.lower() in HTML_SUFFIXES
    block = re.compile(rf"</?(?:{'|'.join(BLOCK_TAGS)})\b", re.I)
    pieces: list[str] = []
    moved: list[TimeMention] = []
    length, i, last = 0, 0, None

    def put(raw: str) -> int:
        nonlocal length
        pieces.append(html.unescape(raw) if page else raw)
        length += len(pieces[-1])
        return length

    for seg in (s for s in article.segments if s.kind != "front-matter"):
        if last is not None:  # between segments: white space as written; markup, a line break or a space
            gap = article.text[last:seg.start]
            put(gap if not gap.strip() else "\n" if "\n" in gap or block.search(gap) else " ")
        at = seg.start
        while i < len(times) and times[i].start < seg.end:
            m = times[i]
            start = put(article.text[at:m.start])
            end = put(m.text)
            moved.append(m.model_copy(update={"start": start, "end": end, "text": pieces[-1]}))
            at, i = m.end, i + 1
        put(article.text[at:seg.end])
        last = seg.end
    return write_timeml("".join(pieces), moved, article.published, article.path)


__all__ = [
    "TIMEML_MODS",
    "ArticleTimes",
    "TimeMention",
    "find_times",
    "read_times",
    "render_times",
    "timeml_document",
    "timeml_documents",
    "times_of",
]
