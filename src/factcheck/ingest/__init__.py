"""Ingest: from files, archive exports or a string to Articles with their publication date, language
and segments.

    plain text, Markdown  article.py     front matter, dateline
    HTML pages            html.py        JSON-LD and meta tags; text as spans of the page source
    JSON Lines, JSON      records.py     one article per record, streamed
    any file              encoding.py    UTF-8, UTF-16 with BOM, legacy code page with a warning
                          sources.py     path -> Sources, each read when it is checked
"""
from __future__ import annotations

from .article import article_from_text
from .dateline import find_dateline
from .html import article_from_html
from .records import RecordFields
from .sources import ARTICLE_SUFFIXES, DEFAULT_MAX_SIZE, ReadOptions, Source, read_article, sources

__all__ = [
           "ARTICLE_SUFFIXES",
           "DEFAULT_MAX_SIZE",
           "ReadOptions",
           "RecordFields",
           "Source",
           "article_from_html",
           "article_from_text",
           "find_dateline",
           "read_article",
           "sources",
]
