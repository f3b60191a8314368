"""Where editors write: an HTTP service (`factcheck serve`, with a LanguageTool-compatible API and a web
page) and a language server (`factcheck lsp`), both on one Checker per process.

What they share is here: the Checker the configuration describes, read as the CLI reads it, and the
check of a draft, which has no publication date of its own until it is published.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional, Sequence

from ..checker import Checker
from ..config import Config, find_config, load_config, load_configured_rules
from ..errors import FactcheckError
from ..ingest import article_from_text
from ..ingest.html import article_from_html
from ..models import Article, FileReport, Report

TODAY = "today"  # the published_source of a draft's date


def configuration(path: Optional[Path] = None, start: Path = Path(".")) -> Config:
    """The configuration `factcheck check` would read from `start`: the file `path`, else the nearest
    one at or above `start`."""
    path = path or find_config(start)
    return load_config(path) if path else Config()


def configured_checker(config: Config, rule_dirs: Sequence[Path] = (), select: Sequence[str] = ()) -> Checker:
    """The Checker of a configuration, with `rule_dirs` and `select` as `--rules` and `--select`."""
    return Checker(load_configured_rules(config, list(rule_dirs), list(select)), keep_text=True)


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


__all__ = ["configuration", "configured_checker", "draft_article", "check_draft"]
