"""Plain text and Markdown with YAML front matter: from text as read to an Article."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..lexicon import load_lexicon
from ..models import Article
from .dateline import parse_date_value, shown
from .frontmatter import split_front_matter
from .language import declared_language, detect_language
from .segments import segment


def article_from_text(text: str, *, path: str = "<text>", published: dt.date | None = None,
                      lang: str | None = None, title: str | None = None, markdown: bool | None = None,
                      published_source: str | None = "option", languages: Sequence[str] = (),
                      lexicons: Sequence[Path] = ()) -> Article:
    """Build an Article from text as read; explicit `published`, `lang` and `title` override the text's own.
    `lexicons` are newsroom lexicon folders, merged over the built-in lexicons."""
    meta, body_start = split_front_matter(text, path) if markdown is not False else ({}, 0)
    lang_source = "option"
    if lang is None:
        lang, lang_source = declared_language(meta.get("lang"), "front matter lang", path, lexicons), "front matter"
    if lang is None:
        lang, lang_source = detect_language(text[body_start:], languages, lexicons), "detected"
    lex = load_lexicon(lang, lexicons)
    if published is None:
        for key in ("published", "date"):
            if meta.get(key) is not None:
                published = parse_date_value(meta[key], lex)
                if published is None:
                    raise InputError(path, f"front matter '{key}: {shown(meta[key])}' is not a date",
                                     code="input.bad-date", hint="write it as YYYY-MM-DD")
                published_source = "front matter"
                break
    segments, dateline = segment(text, body_start, lex, guess_dateline=published is None)
    if published is None and dateline is not None:
        published, published_source = dateline, "dateline"
    if published is None:
        published_source = None
    if title is None:
        title = _string(meta.get("title")) or next((text[s.start:s.end] for s in segments if s.kind == "headline"),
                                                   None)
    given = meta.get("factcheck")
    options = given if isinstance(given, dict) else {}
    disabled = options.get("disable") or ()
    return Article(path=path, text=text, published=published, published_source=published_source, lang=lang,
                   lang_source=lang_source, title=title, segments=tuple(segments),
                   disabled=tuple(str(r) for r in (disabled if isinstance(disabled, list) else [disabled])))


def _string(value) -> str | None:
    return value if isinstance(value, str) else None
