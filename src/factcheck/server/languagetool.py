"""LanguageTool's HTTP API (`POST /v2/check`, `GET /v2/languages`), so that its browser extension,
editor plugins and CMS plugins, pointed at this server as their "own server", show factcheck's findings.

Offsets and lengths count UTF-16 code units, as LanguageTool and its clients (JavaScript, Java) do.
A text sent as `data` (annotated text: `{"annotation": [{"text": ...}, {"markup": ..., "interpretAs":
...}]}`) is checked as its text and the `interpretAs` of its markup, and offsets point into the
whole document, markup included, as LanguageTool's do.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..lexicon import language_names
from ..models import Finding, Report
from ..version import __version__
from . import check_draft
from .app import RequestError, authorise, media_type, parse_date

# LanguageTool's names and codes for the built-in languages: the name, and the variants a client may ask for.
# A language a newsroom lexicon adds is listed by its lexicon's name and its own code.
BUILTIN_LANGUAGES = {"id": ("Indonesian", ("id-ID",)),
                     "en": ("English", ("en-US", "en-GB", "en-AU", "en-CA", "en-NZ"))}
CONTEXT_CHARS = 40  # each side of a match, as LanguageTool's context
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s+|\n\s*\n")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def lt_languages(lexicons: Sequence[Path]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each language the lexicons read, as LanguageTool names it: its name, and the codes a client may send."""
    return {lang: BUILTIN_LANGUAGES.get(lang, (name, (lang,))) for lang, name in language_names(lexicons).items()}


def language_of(code: str, lexicons: Sequence[Path] = ()) -> str | None:
    """The lexicon of a LanguageTool code (`id`, `id-ID`, `en-US`), None for `auto`."""
    if code == "auto":
        return None
    primary = code.split("-")[0].lower()
    known = lt_languages(lexicons)
    if primary not in known:
        codes = ", ".join(dict.fromkeys(c for lang, (_, variants) in known.items() for c in (lang, *variants)))
        raise RequestError(400, f"language: '{code}' is not a language factcheck reads; use auto or one of {codes}")
    return primary


async def languages(request: Request) -> JSONResponse:
    """
    summary: LanguageTool's list of languages, for LanguageTool clients
    responses:
      200: {description: '[{"name", "code", "longCode"}]'}
    """
    known = lt_languages(request.app.state.checker.settings.lexicons)
    return JSONResponse([{"name": name, "code": code, "longCode": long}
                         for code, (name, variants) in known.items() for long in dict.fromkeys((code, *variants))])


async def check(request: Request) -> JSONResponse:
    """
    summary: LanguageTool's check, for LanguageTool clients
    description: >-
      Form fields `text`, or `data` as LanguageTool's annotated-text JSON; `language` (id, id-ID, en-US...
      or auto); `publishedDate` (YYYY-MM-DD; default the text's own date, else today); `disabledRules`
      (comma-separated rule ids). Answers LanguageTool's JSON, offsets in UTF-16 code units.
    responses:
      200: {description: "LanguageTool's {software, language, matches}"}
      400: {description: no text, malformed data, an unknown language or a bad date}
      415: {description: not a form}
    """
    if media_type(request) not in FORM_TYPES:
        raise RequestError(415, f"send a form ({' or '.join(FORM_TYPES)}), as LanguageTool clients do")
    async with request.form() as form:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
    authorise(request, fields.get("apiKey"))
    if "language" not in fields:
        raise RequestError(400, "language: missing; send auto, or a code such as id-ID or en-US")
    lang = language_of(fields["language"], request.app.state.checker.settings.lexicons)
    document, checked, origin = _document(fields)
    report = check_draft(request.app.state.checker, checked, lang=lang,
                         published=parse_date(fields.get("publishedDate"), "publishedDate"))
    disabled = {r.strip() for r in fields.get("disabledRules", "").split(",") if r.strip()}
    return JSONResponse(answer(request, report, document, checked, origin, disabled))


def _document(fields: dict) -> tuple[str, str, list[int]]:
    """The document as sent, the text to check, and for each checked character (and its end) where it
    is in the document."""
    if "data" in fields:
        return _annotated(fields["data"])
    text = fields.get("text")
    if text is None:
        raise RequestError(400, "text: missing; send the text to check as 'text', or annotated text as 'data'")
    return text, text, list(range(len(text) + 1))


def _annotated(data: str) -> tuple[str, str, list[int]]:
    try:
        parts = json.loads(data)["annotation"]
        if not isinstance(parts, list):
            raise TypeError("'annotation' is not a list")
        document: list[str] = []
        checked: list[str] = []
        origin: list[int] = []
        at = 0
        for part in parts:
            written = part.get("text", part.get("markup", ""))
            read = part["text"] if "text" in part else part.get("interpretAs", "")
            if not isinstance(written, str) or not isinstance(read, str):
                raise TypeError("a part's text, markup and interpretAs must be strings")
            origin.extend(at + i if "text" in part else at for i in range(len(read)))
            document.append(written)
            checked.append(read)
            at += len(written)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RequestError(400, f"data: not LanguageTool's annotated text ({exc}); send "
                                f'{{"annotation": [{{"text": "..."}}, {{"markup": "<b>"}}]}}') from None
    return "".join(document), "".join(checked), [*origin, at]


def utf16(text: str) -> Callable[[int], int]:
    """From a character offset in `text` to the number of UTF-16 code units before it."""
    if not text or max(text) <= "\uffff":
        return lambda i: i
    return list(accumulate((2 if ord(c) > 0xFFFF else 1 for c in text), initial=0)).__getitem__


def answer(request: Request, report: Report, document: str, checked: str, origin: list[int],
           disabled: set[str]) -> dict:
    file = report.files[0]
    if file.problem:
        raise RequestError(400, file.problem.said())
    lang = file.language or "en"
    name, variants = lt_languages(request.app.state.checker.settings.lexicons)[lang]
    rules = {r.id: r for r in request.app.state.checker.rules}
    units, checked_units = utf16(document), utf16(checked)
    matches = [_match(x, rules.get(x.rule), lang, checked, origin, units, checked_units)
               for x in file.findings if x.rule not in disabled and x.evidence]
    return {"software": {"name": "factcheck", "version": __version__, "apiVersion": 1, "premium": False,
                         "status": ""},
            "warnings": {"incompleteResults": False},
            "language": {"name": name, "code": variants[0],
                         "detectedLanguage": {"name": name, "code": variants[0], "confidence": 1.0}},
            "matches": matches}


def _match(x: Finding, rule, lang: str, checked: str, origin: list[int], units, checked_units) -> dict:
    """A finding as LanguageTool's match, at its first evidence span (the passage to fix)."""
    first = x.evidence[0]
    start, end = units(origin[first.start]), units(origin[first.end - 1] + 1)  # evidence is never empty
    a, b = max(0, first.start - CONTEXT_CHARS), min(len(checked), first.end + CONTEXT_CHARS)
    before = ("..." if a else "") + checked[a:first.start]
    context = (before + checked[first.start:b] + ("..." if b < len(checked) else "")).replace("\n", " ")
    summary = rule.summary.get(lang) if rule else x.rule
    message = " ".join(p for p in (x.message, x.reasoning, None if x.replacements else x.suggestion) if p)
    return {"message": message, "shortMessage": summary,
            "replacements": [{"value": r} for r in x.replacements],
            "offset": start, "length": end - start,
            "context": {"text": context, "offset": len(before.encode("utf-16-le")) // 2,
                        "length": checked_units(first.end) - checked_units(first.start)},
            "sentence": _sentence(checked, first.start, first.end),
            "type": {"typeName": "Other"},
            "rule": {"id": x.rule, "description": summary, "issueType": "inconsistency",
                     "category": {"id": x.category.upper(), "name": x.category}},
            "ignoreForIncompleteSentence": False, "contextForSureMatch": 0}


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the end of the sentence before to the end of this one."""
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    after = SENTENCE_END.search(text, end)
    return text[begin:after.start() + 1 if after else len(text)].strip()


ROUTES = [Route("/v2/check", check, methods=["POST"]), Route("/v2/languages", languages, methods=["GET"])]
