"""The publication date from a newsroom dateline, or from a value in front matter, a page's metadata or a record."""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..lexicon import Lexicon

# ISO 8601 and the 2021/12/06 of some newsroom meta tags; year first, so never day-month ambiguous.
_ISO = re.compile(r"^\s*(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
MAX_DATE_LENGTH = 100  # a longer value is not a date, and is not worth dateparser's time


def find_dateline(line: str, lex: Lexicon) -> dt.date | None:
    """The date a dateline states, trying the lexicon's patterns, or None."""
    found = dateline_match(line, lex)
    return found[0] if found else None


def dateline_match(line: str, lex: Lexicon) -> tuple[dt.date, int] | None:
    """The date a dateline states and where in the line the dateline ends, or None."""
    for pattern in lex.datelines_multiline if "\n" in line else lex.datelines:
        m = pattern.search(line)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else lex.month(g.get("mon") or "")
        if month is None:
            continue
        try:
            return dt.date(int(g["y"]), month, int(g["d"])), m.end()
        except ValueError:
            continue
    return None


def looks_like_dateline(line: str, lex: Lexicon) -> bool:
    """A short line with a year and a month name or numeric date: worth a dateparser fallback."""
    if len(line) > 90 or not re.search(r"\b(19|20)\d{2}\b", line):
        return False
    return bool(re.search(rf"\b(?:{lex.month_re})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{4}}\b", line))


def parse_date_value(value, lex: Lexicon) -> dt.date | None:
    """A front matter, page or record date: a YAML date, ISO text, or anything dateparser reads."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_DATE_LENGTH:
        return None
    m = _ISO.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[3]), int(m[4]))
        except ValueError:
            return None
    return find_dateline(value, lex) or dateparser_date(value.strip(), lex.lang, lex.data.date_order)


def shown(value) -> str:
    """A date value as an error message quotes it: text cut short, anything else by its type."""
    if isinstance(value, str):
        return value if len(value) <= 60 else value[:57] + "..."
    return str(value) if isinstance(value, (int, float)) else f"({type(value).__name__})"


@functools.lru_cache(maxsize=4096)
def dateparser_date(text: str, lang: str, order: str) -> dt.date | None:
    """Normalise one leftover date string with dateparser (imported only when needed, results cached)."""
    import dateparser

    parsed = dateparser.parse(text, languages=[lang], settings={
        "DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed else None
