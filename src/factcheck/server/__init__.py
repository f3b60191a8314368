"""Where editors write: an HTTP service (`factcheck serve`, with a LanguageTool-compatible API and a web
page) and a language server (`factcheck lsp`), both on one Checker per process.

What they share is here: the check of a draft, which has no publication date of its own until it is
published. Both read the configuration as the CLI does (`config_for`, `configured_checker`).
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..checker import Checker
from ..errors import FactcheckError
from ..ingest import article_from_text
from ..ingest.html import article_from_html
from ..models import Article, FileReport, Report

TODAY = "today"  # the published_source of a draft's date


def draft_article(text: str, *, path: str = "<text>", published: Optional[dt.date] = None,
                  lang: Optional[str] = None, title: Optional[str] = None, html: bool = False) -> Article:
    """The article of a text being written: dated by `published`, else by its own front matter or
    dateline, else today, as a draft that is published now would be."""
    if html:
        article = article_from_html(text, path=path, published=published, lang=lang)
    else:
        article = article_from_text(text, path=path, published=published, lang=lang, title=title)
    if article.published is None:
        article = article.model_copy(update={"published": dt.date.today(), "published_source": TODAY})
    return article


def check_draft(checker: Checker, text: str, **options) -> Report:
    """The report of one draft (see `draft_article` for `options`); an article that cannot be read is
    the report's error entry, as in `factcheck check`."""
    path = options.get("path", "<text>")
    try:
        report = checker.check_article(draft_article(text, **options))
    except FactcheckError as exc:
        report = FileReport(path=path, error=str(exc))
    return Report.of([report])


__all__ = ["draft_article", "check_draft"]
