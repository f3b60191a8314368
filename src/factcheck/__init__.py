"""factcheck: finds where a news article contradicts itself or its own publication date.

    import factcheck
    report = factcheck.check_text(text, published=datetime.date(2021, 12, 5), lang="id")
    for f in report.files[0].findings:
        print(f.rule, f.message, f.suggestion)
    for t in factcheck.find_times(text, published="2021-12-05"):
        print(t.text, t.type, t.value)
"""
from __future__ import annotations

import datetime as dt
import functools

from .checker import Checker
from .errors import ConfigError, FactcheckError, InputError
from .models import Article, Evidence, FileReport, Finding, Problem, Report, SourceRef
from .settings import Settings
from .timex import TimeMention, find_times
from .version import __version__


@functools.lru_cache(maxsize=1)
def _default_checker() -> Checker:
    return Checker()


def check_text(text: str, published: dt.date | None = None, lang: str | None = None) -> Report:
    """Check one article given as text. `published` and `lang` override what the text itself says."""
    return _default_checker().check_text(text, published=published, lang=lang)


def check_file(path, published: dt.date | None = None, lang: str | None = None) -> Report:
    """Check one article file (.txt, or .md with front matter)."""
    return _default_checker().check_file(path, published=published, lang=lang)


__all__ = [
    "Article",
    "Checker",
    "ConfigError",
    "Evidence",
    "FactcheckError",
    "FileReport",
    "Finding",
    "InputError",
    "Problem",
    "Report",
    "Settings",
    "SourceRef",
    "TimeMention",
    "__version__",
    "check_file",
    "check_text",
    "find_times",
]
