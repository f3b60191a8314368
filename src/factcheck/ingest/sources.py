"""From a path to the articles it holds: one Source per article file, one per record of an archive export.

A Source is read only when it is checked, and reading one that is broken raises an InputError naming
it, the cause and what to do, so one bad file or record becomes one error entry and the batch goes on.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from ..errors import InputError
from ..files import DEFAULT_MAX_SIZE, TooLarge, open_regular, read_regular
from ..models import Article
from .article import article_from_text
from .encoding import decode
from .html import article_from_html
from .records import JSON_LINES_SUFFIXES, JSON_SUFFIXES, RecordFields, record_article, record_name, records, size_text

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = JSON_LINES_SUFFIXES + JSON_SUFFIXES
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES


@dataclass(frozen=True)
class ReadOptions:
    """How articles are read: overrides of what they say, the size limit, and the keys of records."""

    published: Optional[dt.date] = None
    lang: Optional[str] = None
    max_size: int = DEFAULT_MAX_SIZE
    fields: RecordFields = field(default_factory=RecordFields)
    languages: tuple[str, ...] = ()  # the languages detection may choose among (default: every lexicon)
    stdin_name: Optional[str] = None  # the file standard input stands for: its type, and its name in reports


@dataclass(frozen=True)
class Source:
    """One article to check: the name the report gives it, how to read it, and warnings from reading."""

    name: str
    read: Callable[[], Article]
    notes: tuple[str, ...] = ()


def unreadable(name: str, message: str) -> Source:
    """A Source whose reading fails with `message`."""
    def fail() -> Article:
        raise InputError(message)
    return Source(name, fail)


def sources(target, options: ReadOptions = ReadOptions()) -> Iterator[Source]:
    """The articles of a file, or of standard input for `-` (read as the type of `options.stdin_name`,
    and reported under that name; plain text or Markdown without one)."""
    if target == "-":
        name = options.stdin_name or "<stdin>"
        path, read = Path(name), lambda: _stdin_bytes(options.max_size, name)
    else:
        path = Path(target)
        name, read = str(path), lambda: read_bytes(path, options.max_size)
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        try:  # an export's size limit is per record, not for the whole of standard input
            data = _stdin_read(name) if target == "-" else None
        except InputError as exc:
            yield unreadable(name, str(exc))
            return
        yield from _record_sources(path, options, data)
    elif suffix in HTML_SUFFIXES:
        yield _single(name, read, article_from_html, options)
    else:  # standard input without a name may be either; front matter tells
        markdown = None if name == "<stdin>" else suffix in MARKDOWN_SUFFIXES
        yield _single(name, read, article_from_text, options, markdown=markdown)


def read_article(path: Path | str, *, published: Optional[dt.date] = None, lang: Optional[str] = None) -> Article:
    """The one article of a text, Markdown or HTML file."""
    path = Path(path)
    if path.suffix.lower() in RECORD_SUFFIXES:
        raise InputError(f"{path}: an archive export holds many articles; check it with `factcheck check`")
    (source,) = sources(path, ReadOptions(published=published, lang=lang))
    return source.read()


def read_bytes(path: Path, max_size: int) -> bytes:
    """The bytes of a regular file no larger than `max_size`."""
    try:
        return read_regular(path, max_size)
    except TooLarge:
        raise _too_big(str(path), max_size) from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; pass the folder itself to check every article in it") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _stdin_read(name: str, limit: int = -1) -> bytes:
    if sys.stdin is None:  # started with standard input closed
        raise InputError(f"{name}: standard input is closed; pipe the article in, or name its file instead of -")
    stream = getattr(sys.stdin, "buffer", sys.stdin)  # a text stream where a caller replaced stdin
    try:
        data = stream.read(limit)
    except (OSError, ValueError) as exc:  # ValueError: a stream closed by the caller
        raise InputError(f"{name}: cannot read standard input: {getattr(exc, 'strerror', None) or exc}; "
                         f"pipe the article in, or name its file instead of -") from None
    return data.encode("utf-8") if isinstance(data, str) else data


# The first bytes of what factcheck writes (reports, baselines, graphs), so that a report written into
# a checked folder is not read as an article next run. Text reports start with a file's heading.
_WRITTEN_BY_FACTCHECK = re.compile(r"""\A(?:
    \{\s*"files":\s*\[                                           # JSON report
  | \{"path":"[^\n]*","language":[^\n]*,"findings":\[             # JSON Lines report: a file's line
  | \{"summary":\{"files":                                        # JSON Lines report of no file
  | \{\s*"\$schema":\s*"[^"]*sarif                                # SARIF
  | \{\s*"version":\s*\d+,\s*"findings":\s*\[                     # baseline
  | \{\s*"directed":\s*(?:true|false),\s*"multigraph":            # claim graph, JSON
  | \[\s*(?:\]\s*\Z|\{\s*"description":[^\n]*\n\s*"check_name":)     # GitLab Code Quality
  | \#\#\ factcheck\n                                              # Markdown
  | <!DOCTYPE\ html>(?s:.){0,400}?<meta\ name="generator"\ content="factcheck"   # HTML, in its head
  | [^\n]+\ \ \[[\w-]+,\ [^\]\n]+\](?:\ \ |\n)                     # text: an article's heading
  | [^\n]+\n\ \ error\ \                                          # text: a file that could not be read
  | \d+\ files?\ checked:                                          # text: nothing to list
)""", re.X)


def written_by_factcheck(path: Path) -> bool:
    """Whether `path` is a report, baseline or graph that factcheck wrote (judged by its first bytes)."""
    try:
        with open_regular(path) as fh:
            head = fh.read(4096)
    except OSError:
        return False  # reading it as an article will say what is wrong
    return bool(_WRITTEN_BY_FACTCHECK.match(head.decode("utf-8", "ignore").lstrip("\ufeff")))


def _stdin_bytes(max_size: int, name: str) -> bytes:
    data = _stdin_read(name, max_size + 1)
    if len(data) > max_size:
        raise _too_big(name, max_size)
    return data


def _too_big(name: str, max_size: int) -> InputError:
    return InputError(f"{name}: larger than the {size_text(max_size)} size limit; split it, or raise the limit "
                      f"with --max-size")


def _single(name: str, read: Callable[[], bytes], build, options: ReadOptions, **kwargs) -> Source:
    """The Source of a file holding one article, read and decoded now so a warning can go with it."""
    try:
        decoded = decode(read(), name)
        if not decoded.text.strip():
            raise InputError(f"{name}: {'empty' if not decoded.text else 'only white space'}, nothing to check; "
                             f"leave it out or export the article again")
    except InputError as exc:
        return unreadable(name, str(exc))
    return Source(name, lambda: build(decoded.text, path=name, published=options.published, lang=options.lang,
                                      languages=options.languages, **kwargs), notes=(decoded.warning,) if decoded.warning else ())


def _record_sources(path: Path, options: ReadOptions, data: Optional[bytes] = None) -> Iterator[Source]:
    count = 0
    for line, record, problem in records(path, options.max_size, data):
        count += 1
        name = record_name(path, line, record, options.fields) if line else str(path)
        if problem:
            yield unreadable(name, f"{name}: {problem}")
        else:
            yield Source(name, lambda r=record, n=name: record_article(
                n, r, options.fields, published=options.published, lang=options.lang, languages=options.languages))
    if not count:
        yield unreadable(str(path), f"{path}: no records; an export holds one JSON object per line (.jsonl) or "
                                    f"a JSON array of objects (.json), each with the article under "
                                    f"'{options.fields.text[0]}'")
