"""From a path to the articles it holds: one Source per article file, one per record of an archive export.

A Source is read only when it is checked, and reading one that is broken raises an InputError naming
it, the cause and what to do, so one bad file or record becomes one error entry and the batch goes on.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..errors import InputError
from ..files import DEFAULT_MAX_SIZE, TooLarge, open_regular, read_regular
from ..models import Article, SourceRef
from .article import article_from_text
from .encoding import decode
from .html import article_from_html
from .records import JSON_LINES_SUFFIXES, JSON_SUFFIXES, RecordFields, record_article, record_source, records, size_text

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = JSON_LINES_SUFFIXES + JSON_SUFFIXES
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES


@dataclass(frozen=True)
class ReadOptions:
    """How articles are read: overrides of what they say, the size limit, and the keys of records."""

    published: dt.date | None = None
    lang: str | None = None
    max_size: int = DEFAULT_MAX_SIZE
    fields: RecordFields = field(default_factory=RecordFields)
    languages: tuple[str, ...] = ()  # the languages detection may choose among (default: every lexicon)
    stdin_name: str | None = None  # the file standard input stands for: its type, and its name in reports
    lexicons: tuple[Path, ...] = ()  # newsroom lexicon folders, merged over the built-in lexicons


@dataclass(frozen=True)
class Source:
    """One article to check: where it comes from, how to read it, and warnings from reading."""

    origin: SourceRef
    read: Callable[[], Article]
    notes: tuple[str, ...] = ()
    portable: bool = False  # may be read in another process: its reader holds all it reads (a record)

    @property
    def name(self) -> str:
        """The name its report gives it: FILE, FILE#ID or FILE:LINE."""
        return self.origin.name


def unreadable(origin: SourceRef, error: InputError) -> Source:
    """A Source whose reading fails with `error`."""
    def fail() -> Article:
        raise error
    return Source(origin, fail)


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
            yield unreadable(SourceRef(file=name), exc)
            return
        yield from _record_sources(path, options, data)
    elif suffix in HTML_SUFFIXES:
        yield _single(name, read, article_from_html, options)
    else:  # standard input without a name may be either; front matter tells
        markdown = None if name == "<stdin>" else suffix in MARKDOWN_SUFFIXES
        yield _single(name, read, article_from_text, options, markdown=markdown)


def read_article(path: Path | str, *, published: dt.date | None = None, lang: str | None = None,
                 lexicons: Sequence[Path] = ()) -> Article:
    """The one article of a text, Markdown or HTML file (`lexicons`: newsroom lexicon folders)."""
    path = Path(path)
    if path.suffix.lower() in RECORD_SUFFIXES:
        raise InputError(str(path), "an archive export holds many articles", code="input.export",
                         hint="check it with `factcheck check`")
    (source,) = sources(path, ReadOptions(published=published, lang=lang, lexicons=tuple(lexicons)))
    return source.read()


def read_bytes(path: Path, max_size: int) -> bytes:
    """The bytes of a regular file no larger than `max_size`."""
    try:
        return read_regular(path, max_size)
    except TooLarge:
        raise _too_big(str(path), max_size) from None
    except FileNotFoundError:
        raise InputError(str(path), "no such file", code="input.not-found", hint="check the path") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder", code="input.unreadable",
                         hint="pass the folder itself to check every article in it") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}", code="input.unreadable") from None


_STDIN_HINT = "pipe the article in, or name its file instead of -"


def _stdin_read(name: str, limit: int = -1) -> bytes:
    if sys.stdin is None:  # started with standard input closed
        raise InputError(name, "standard input is closed", code="input.unreadable", hint=_STDIN_HINT)
    stream = getattr(sys.stdin, "buffer", sys.stdin)  # a text stream where a caller replaced stdin
    try:
        data = stream.read(limit)
    except (OSError, ValueError) as exc:  # ValueError: a stream closed by the caller
        raise InputError(name, f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}",
                         code="input.unreadable", hint=_STDIN_HINT) from None
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
    return InputError(name, f"larger than the {size_text(max_size)} size limit", code="input.too-large",
                      hint="split it, or raise the limit with the max_size setting", option="max_size")


def _single(name: str, read: Callable[[], bytes], build, options: ReadOptions, **kwargs) -> Source:
    """The Source of a file holding one article, read and decoded now so a warning can go with it."""
    try:
        decoded = decode(read(), name)
        if not decoded.text.strip():
            raise InputError(name, f"{'empty' if not decoded.text else 'only white space'}, nothing to check",
                             code="input.empty", hint="leave it out or export the article again")
    except InputError as exc:
        return unreadable(SourceRef(file=name), exc)
    def article() -> Article:
        return build(decoded.text, path=name, published=options.published, lang=options.lang,
                     languages=options.languages, lexicons=options.lexicons, **kwargs)

    return Source(SourceRef(file=name), article, notes=(decoded.warning,) if decoded.warning else ())


def _record_sources(path: Path, options: ReadOptions, data: bytes | None = None) -> Iterator[Source]:
    count = 0
    for line, record, problem in records(path, options.max_size, data):
        count += 1
        origin = record_source(path, line, record, options.fields) if line else SourceRef(file=str(path))
        name = origin.name
        if problem:
            yield unreadable(origin, problem.error(name))
        else:
            yield Source(origin, partial(record_article, name, record, options.fields, published=options.published,
                                         lang=options.lang, languages=options.languages, lexicons=options.lexicons),
                         portable=True)
    if not count:
        yield unreadable(SourceRef(file=str(path)), InputError(
            str(path), "no records", code="input.no-records",
            hint=f"an export holds one JSON object per line (.jsonl) or a JSON array of objects (.json), each with "
                 f"the article under '{options.fields.text[0]}'"))
