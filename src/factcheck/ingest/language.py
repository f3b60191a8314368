"""Language detection by counting each lexicon's frequent function words."""
from __future__ import annotations

import re

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
