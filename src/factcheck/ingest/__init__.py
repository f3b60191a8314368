"""Ingest: from a file or a string to an Article with its publication date, language and segments."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..lexicon import load_lexicon
from ..models import Article
from .dateline import find_dateline, parse_date_value
from .frontmatter import split_front_matter
from .language import detect_language
from .segments import segment

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; pass the folder itself to check every article in it") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None


def read_article(path: Path | str, *, published: Optional[dt.date] = None, lang: Optional[str] = None) -> Article:
    path = Path(path)
    return article_from_text(read_text(path), path=str(path), published=published, lang=lang,
                             markdown=path.suffix.lower() in (".md", ".markdown"))


def article_from_text(text: str, *, path: str = "<text>", published: Optional[dt.date] = None,
                      lang: Optional[str] = None, title: Optional[str] = None, markdown: Optional[bool] = None,
                      published_source: str = "option") -> Article:
    """Build an Article from text as read; explicit `published`, `lang` and `title` override the text's own."""
    meta, body_start = split_front_matter(text, path) if markdown is not False else ({}, 0)
    lang_source = "option"
    if lang is None and meta.get("lang"):
        lang, lang_source = str(meta["lang"]), "front matter"
    if lang is None:
        lang, lang_source = detect_language(text[body_start:]), "detected"
    lex = load_lexicon(lang)
    if published is None:
        for key in ("published", "date"):
            if meta.get(key) is not None:
                published = parse_date_value(meta[key], lex)
                if published is None:
                    raise InputError(f"{path}: front matter '{key}: {meta[key]}' is not a date; write it as YYYY-MM-DD")
                published_source = "front matter"
                break
    segments, dateline = segment(text, body_start, lex)
    if published is None and dateline is not None:
        published, published_source = dateline, "dateline"
    if published is None:
        published_source = None
    if title is None:
        title = meta.get("title") or next((text[s.start:s.end] for s in segments if s.kind == "headline"), None)
    return Article(path=path, text=text, published=published, published_source=published_source, lang=lang,
                   lang_source=lang_source, title=title, segments=tuple(segments))


__all__ = ["read_article", "article_from_text", "read_text", "find_dateline", "ARTICLE_SUFFIXES"]
