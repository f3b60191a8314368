"""Where editors write: an HTTP service (`factcheck serve`, with a LanguageTool-compatible API and a web
page) and a language server (`factcheck lsp`), both on one Checker per process.

What they share is here: the check of a draft, which has no publication date of its own until it is
published. Both build their Checker from `Settings`, as the CLI does.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..checker import Checker
from ..ingest import article_from_text
from ..ingest.html import article_from_html
from ..ingest.sources import Source
from ..models import Article, Report, SourceRef
from ..report import FLAGS

TODAY = "today"  # the published_source of a draft's date


def draft_article(text: str, *, path: str = "<text>", published: dt.date | None = None,
                  lang: str | None = None, title: str | None = None, html: bool = False,
                  languages: Sequence[str] = (), lexicons: Sequence[Path] = ()) -> Article:
    """The article of a text being written: dated by `published`, else by its own front matter or
    dateline, else today, as a draft that is published now would be. `languages` are those it may be
    detected as, `lexicons` newsroom lexicon folders (as a Checker's settings say)."""
    if html:
        article = article_from_html(text, path=path, published=published, lang=lang, languages=languages,
                                    lexicons=lexicons)
    else:
        article = article_from_text(text, path=path, published=published, lang=lang, title=title,
                                    languages=languages, lexicons=lexicons)
    if article.published is None:
        article = article.model_copy(update={"published": dt.date.today(), "published_source": TODAY})
    return article


def check_draft(checker: Checker, text: str, **options) -> Report:
    """The report of one draft (see `draft_article` for `options`); an article that cannot be read is
    the report's error entry, as in `factcheck check`."""
    source = Source(SourceRef(file=options.get("path", "<text>")), lambda: draft_article(
        text, languages=checker.settings.languages, lexicons=checker.settings.lexicons, **options))
    return Report.of([checker.check_source(source).named(FLAGS)])  # said as `factcheck check` says it


__all__ = ["check_draft", "draft_article"]
