"""An article's language: read from a language tag, or detected by counting each lexicon's function words."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import languages, load_lexicon

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, default: str = "id") -> str:
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    best, best_score = default, 0
    for lang in languages():
        stop = load_lexicon(lang).stopwords
        score = sum(1 for w in words if w in stop)
        if score > best_score:
            best, best_score = lang, score
    return best


def language_code(tag) -> Optional[str]:
    """The language of a tag such as `id-ID`, `en_US` or `EN` as a lexicon name (`id`, `en`), or None."""
    if not isinstance(tag, str):
        return None
    code = re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
    return code or None
