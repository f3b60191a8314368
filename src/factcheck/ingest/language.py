"""An article's language: read from a language tag, or detected by counting each lexicon's function words."""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..lexicon import languages, load_lexicon

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, candidates: Sequence[str] = (), lexicons: Sequence[Path] = ()) -> str:
    """The language among `candidates` (default: every lexicon, with those of the newsroom folders
    `lexicons`) whose function words the text uses most."""
    candidates = tuple(candidates) or tuple(languages(lexicons))
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    best, best_score = ("id" if "id" in candidates else candidates[0]), 0
    for lang in candidates:
        stop = load_lexicon(lang, lexicons).stopwords
        score = sum(1 for w in words if w in stop)
        if score > best_score:
            best, best_score = lang, score
    return best


_UNDETERMINED = ("", "und", "mul", "zxx", "x")
_RETIRED = {"in": "id"}  # the ISO 639 code Indonesian had until 1989, still written by Java's locales


def declared_language(tag, where: str, path: str, lexicons: Sequence[Path] = ()) -> str | None:
    """The lexicon for a language tag an article declares (`id-ID`, `en_US`, `EN`), None for no tag or an
    undetermined one; an InputError when there is no lexicon for the language."""
    if not isinstance(tag, str):
        return None
    code = re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
    if code in _UNDETERMINED:
        return None
    code = _RETIRED.get(code, code)
    known = languages(lexicons)
    if code not in known:
        raise InputError(path, f"{where} '{tag}' names a language factcheck has no lexicon for (it has "
                               f"{', '.join(known)})", code="input.language",
                         hint="pass the lang setting to check the article as one of them", option="lang")
    return code
