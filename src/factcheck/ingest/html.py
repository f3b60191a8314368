"""HTML article pages: metadata from JSON-LD and meta tags, the main text as spans of the page source.

Article.text is the page source as read, so a finding points at the line and column an editor sees.
The page is read once by a linear tokenizer (html_tokens.py; nothing is fetched). The text outside
navigation, scripts, styles, asides, share bars and related-article boxes goes into a *view*: entities
decoded, one line per block element. The view is segmented by the same `segment()` as plain text, so
headlines, datelines, boilerplate and `Baca juga` links are found the same way, and each view segment
is mapped back to the source text it came from. Markup splits a segment, so no segment holds a tag and
markup is never checked. An entity (`&ldquo;`, `&nbsp;`) stays inside its segment as written: evidence
is then exactly the source between its offsets, as in scraped text, which carries entities too.
"""
from __future__ import annotations

import bisect
import datetime as dt
import html
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from ..errors import InputError
from ..lexicon import Lexicon, load_lexicon
from ..models import Article, Segment
from .dateline import parse_date_value, shown
from .html_tokens import Token, tokens
from .language import declared_language, detect_language
from .segments import segment

# Elements whose content is never article text. Not <form>: some sites wrap the whole page in one.
HIDDEN_TAGS = frozenset({"head", "script", "style", "noscript", "template", "nav", "aside", "footer", "button",
                         "select", "textarea", "svg", "math", "iframe", "object", "canvas", "audio", "video",
                         "dialog", "menu"})
HIDDEN_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "search", "menu", "menubar",
                          "dialog"})
# Words in a class or id that mark page furniture: share bars, related-article boxes, ads, comments.
FURNITURE_WORDS = frozenset({"share", "sharing", "social", "related", "recommended", "recommendation", "comment",
                             "comments", "advert", "advertisement", "ads", "ad", "banner", "breadcrumb",
                             "breadcrumbs", "navbar", "menu", "sidebar", "newsletter", "popular", "trending",
                             "promo", "sponsored", "subscribe", "cookie", "cookies"})
# Containers a page styles as a whole; their classes say nothing about the furniture inside.
_PAGE_TAGS = frozenset({"html", "body", "main", "article"})
BLOCK_TAGS = frozenset({"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
                        "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
                        "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "td",
                        "th", "tr", "ul"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                       "source", "track", "wbr"})
ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                           "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "LiveBlogPosting",
                           "Report"})
# Meta names newsrooms put the publication date in, after article:published_time and JSON-LD.
DATE_META = ("datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "dtk:publishdate",
             "content_publisheddate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
             "dc.date", "dcterms.date", "date")
_WORD = re.compile(r"[a-z0-9]+")
_FLAT = str.maketrans("\r\n", "  ")  # a line break in the source does not end a line of the view


def article_from_html(source: str, *, path: str = "<html>", published: dt.date | None = None,
                      lang: str | None = None, languages: Sequence[str] = (),
                      lexicons: Sequence[Path] = ()) -> Article:
    """An Article whose text is the page source; `published` and `lang` override what the page says."""
    page = _Page(source)
    if not page.view.strip():
        raise InputError(path, "no article text in this page (navigation, scripts, asides, share bars and "
                               "related-article boxes are left out)", code="input.no-text",
                         hint="check that it is an article page")
    ld = page.json_ld_article()
    lang, lang_source = (lang, "option") if lang else _language(page, ld, path, languages, lexicons)
    lex = load_lexicon(lang, lexicons)
    view_segments, dateline = segment(page.view, 0, lex)
    published_source: str | None = "option"
    if published is None:
        published, published_source = _declared_date(page, ld, lex, path)
    if published is None and dateline is not None:
        published, published_source = dateline, "dateline"
    title = next((t for t in (ld.get("headline"), page.meta.get("og:title"), page.h1_text)
                  if isinstance(t, str) and t.strip()), None)
    segments: list[Segment] = []
    for seg in view_segments:
        for s, e in page.source_spans(seg.start, seg.end):
            if segments and s < segments[-1].end:  # a view boundary inside a two-letter entity (&fjlig;)
                s = segments[-1].end
            if s < e:
                segments.append(Segment(start=s, end=e, kind=seg.kind))
    return Article(path=path, text=source, published=published, published_source=published_source, lang=lang,
                   lang_source=lang_source, title=title, segments=tuple(segments))


def _language(page: _Page, ld: dict, path: str, languages: Sequence[str],
              lexicons: Sequence[Path]) -> tuple[str, str]:
    """The language the page declares, else the one its text is written in, and where it came from."""
    for where, tag in (("JSON-LD inLanguage", ld.get("inLanguage")), ("<html lang>", page.html_lang)):
        code = declared_language(tag, where, path, lexicons)
        if code:
            return code, where
    return detect_language(page.view, languages, lexicons), "detected"


def _declared_date(page: _Page, ld: dict, lex: Lexicon, path: str) -> tuple[dt.date | None, str | None]:
    """The publication date the page's metadata declares, and where; an InputError when it is no date."""
    candidates = [("meta article:published_time", page.meta.get("article:published_time")),
                  ("JSON-LD datePublished", ld.get("datePublished")),
                  *((f"meta {name}", page.meta.get(name)) for name in DATE_META),
                  ("<time datetime>", page.time)]
    for where, value in candidates:
        if isinstance(value, str) and value.strip():
            date = parse_date_value(value, lex)
            if date is None:
                raise InputError(path, f"{where} '{shown(value)}' is not a date", code="input.bad-date",
                                 hint="correct the page, or pass the published setting YYYY-MM-DD", option="published")
            return date, where
    return None, None


class _Page:
    """One pass over the source: metadata, and the view with the source run behind each piece of it."""

    def __init__(self, source: str):
        self.source = source
        self.meta: dict[str, str] = {}  # first content of each meta name, property or itemprop (lower case)
        self.html_lang: str | None = None
        self.time: str | None = None  # the first <time datetime> in the visible text
        self._json_ld: list[str] = []
        self._open: list[tuple[str, bool]] = []  # open elements, and whether each hides its content
        self._open_count: Counter[str] = Counter()
        self._hiding = 0  # open elements that hide their content
        self._h1: list[int] = []  # where the first visible h1 starts and ends in the view
        self._parts: list[str] = []
        self._view_len = 0
        self._line_open = False  # the view's last line has text
        # (view start, view end, source start, source end, verbatim); a character reference is not verbatim
        self._runs: list[tuple[int, int, int, int, bool]] = []
        json_ld_next = False
        for token in tokens(source):
            if token.kind == "start":
                self._start(token.name, token.attrs)
                json_ld_next = token.name == "script" and "ld+json" in token.attrs.get("type", "").lower()
            elif token.kind == "end":
                self._end(token.name)
            elif token.kind == "raw":
                if json_ld_next:
                    self._json_ld.append(source[token.start:token.end])
            elif token.kind == "text" and not self._hiding:
                self._add(source[token.start:token.end], token.start, token.end, verbatim=True)
            elif not self._hiding:
                self._charref(token)
        self.view = "".join(self._parts)
        self.h1_text = " ".join(self.view[slice(*self._h1)].split()) if len(self._h1) == 2 else None
        self._run_starts = [r[0] for r in self._runs]

    def json_ld_article(self) -> dict:
        """The first JSON-LD object typed as an article (at the top, in a list or in an @graph), or {}."""
        for text in self._json_ld:
            try:
                data = json.loads(text, strict=False)
            except (ValueError, RecursionError):
                continue  # a broken JSON-LD block does not stop the page's own text from being checked
            for item in _json_ld_items(data):
                types = item.get("@type")
                if any(t in ARTICLE_TYPES for t in (types if isinstance(types, list) else [types])
                       if isinstance(t, str)):
                    return item
        return {}

    def source_spans(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The source text behind view[start:end], as spans split wherever markup lies between."""
        i = max(0, bisect.bisect_right(self._run_starts, start) - 1)
        span: list[int] | None = None
        while i < len(self._runs) and self._runs[i][0] < end:
            vs, ve, ss, se, verbatim = self._runs[i]
            i += 1
            if ve <= start:
                continue
            s, e = (ss + max(start, vs) - vs, ss + min(end, ve) - vs) if verbatim else (ss, se)
            if span and span[1] == s:
                span[1] = e
            else:
                if span:
                    yield from self._trimmed(*span)
                span = [s, e]
        if span:
            yield from self._trimmed(*span)

    def _trimmed(self, s: int, e: int) -> Iterator[tuple[int, int]]:
        while s < e and self.source[s].isspace():
            s += 1
        while e > s and self.source[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e

    def _start(self, tag: str, a: Mapping[str, str]) -> None:
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            if key and a.get("content", "").strip():
                self.meta.setdefault(key, a["content"])
            return
        if tag == "html" and self.html_lang is None:
            self.html_lang = a.get("lang") or None
        if tag in BLOCK_TAGS and not self._hiding:
            self._end_line()
        if tag in VOID_TAGS:
            return
        if not self._hiding:
            if tag == "time" and self.time is None and a.get("datetime", "").strip():
                self.time = a["datetime"]
            if tag == "h1" and not self._h1:
                self._h1.append(self._view_len)
        hides = self._hides(tag, a)
        self._open.append((tag, hides))
        self._open_count[tag] += 1
        self._hiding += hides

    def _end(self, tag: str) -> None:
        if self._open_count[tag]:
            # An end tag closes the elements left open inside it; a stray one closes nothing. Every element
            # is closed once, so this stays linear however deep the nesting.
            while True:
                name, hides = self._open.pop()
                self._open_count[name] -= 1
                self._hiding -= hides
                if name == "h1" and len(self._h1) == 1:
                    self._h1.append(self._view_len)
                if name == tag:
                    break
        if tag in BLOCK_TAGS and not self._hiding:
            self._end_line()

    def _charref(self, token: Token) -> None:
        """A character reference: decoded in the view. What html.unescape leaves as written (`&T`, the
        `2021` of `&copy2021`) stays verbatim, so a segment can start or end there."""
        raw = self.source[token.start:token.end]
        decoded = html.unescape(raw)
        kept = 0
        while kept < len(decoded) and raw[-1 - kept] == decoded[-1 - kept]:
            kept += 1
        if kept < len(raw):
            self._add(decoded[:len(decoded) - kept], token.start, token.end - kept, verbatim=False)
        if kept:
            self._add(raw[len(raw) - kept:], token.end - kept, token.end, verbatim=True)

    def _add(self, text: str, start: int, end: int, verbatim: bool) -> None:
        text = text.translate(_FLAT)
        last = self._runs[-1] if self._runs else None
        if verbatim and last and last[4] and last[1] == self._view_len and last[3] == start:
            self._runs[-1] = (last[0], last[1] + len(text), last[2], end, True)  # one run for "a & b"
        else:
            self._runs.append((self._view_len, self._view_len + len(text), start, end, verbatim))
        self._parts.append(text)
        self._view_len += len(text)
        self._line_open = True

    def _end_line(self) -> None:
        if self._line_open:
            self._parts.append("\n")
            self._view_len += 1
            self._line_open = False

    def _hides(self, tag: str, a: Mapping[str, str]) -> bool:
        if tag in HIDDEN_TAGS or "hidden" in a or a.get("aria-hidden") == "true" or a.get("role") in HIDDEN_ROLES:
            return True
        if tag == "header":  # a page's header is furniture; an article's header holds its headline and date
            return not (self._open_count["article"] or self._open_count["main"])
        return tag not in _PAGE_TAGS and not FURNITURE_WORDS.isdisjoint(
            _WORD.findall(f"{a.get('class', '')} {a.get('id', '')}".lower()))


def _json_ld_items(data) -> Iterator[dict]:
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                yield from (g for g in graph if isinstance(g, dict))
