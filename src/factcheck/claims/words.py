"""Words as the claim graph compares them: a sentence's content words, the words around a value, names."""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from ..lexicon import Lexicon
from ..text import TOKEN, entity_view

NAMES_KEPT = 1 << 12  # names whose words are remembered: a name is written again and again, in many articles
CONTENT_WORDS_KEPT = 1 << 16  # tokens whose content word is remembered per lexicon: the first met, most common
POSSESSIVE = re.compile(r"['’]s?$")  # `Clinton's`
WORD = re.compile(r"[^\W\d_]+")  # a word of letters
# TOKEN's tokens but its lone punctuation marks, which are neither content nor compared words: found as TOKEN
# finds them (a mark never joins two), without a string made for each mark
WORD_TOKEN = re.compile(TOKEN.pattern.removesuffix(r"|[^\w\s]"))


# A plain dict, as load_lexicon keeps each lexicon for the process (and a class compiled with mypyc, as Lexicon
# may be, cannot be weakly referenced).
_KNOWN: dict[Lexicon, dict[str, str]] = {}


def known_content_words(lex: Lexicon) -> dict[str, str]:
    """A lexicon's content word of each token met so far, kept across articles while the lexicon is: most
    tokens recur, and reading one costs a regular expression."""
    known = _KNOWN.get(lex)
    if known is None:
        known = _KNOWN[lex] = {}
    return known


def content_word(tok: str, lex: Lexicon) -> str:
    """The word a token gives a sentence's content words, or "": lower case, not a function word, hedge
    or number word, and without an ending that does not change the word ("jaraknya" is "jarak")."""
    w = tok.lower()
    if len(w) < 3 or not w[0].isalpha():  # an ending only shortens a word, and leaves its first letter
        return ""
    if lex.ending_pattern:
        w = lex.ending_pattern.sub("", w) or w
    return w if len(w) >= 3 and w not in lex.stopwords and w not in lex.number_words else ""


def compared_words(fragment: str) -> list[str]:
    """Words as compared between restatements: punctuation dropped, case kept (a differing name marks
    a parallel statement), other figures kept as written (a list of parallel figures differs in them;
    a restated sentence does not)."""
    tokens = WORD_TOKEN.findall(fragment)
    # a token opens with a word character (`\w` is a letter, a digit or `_`), `%` or `$`: only `_` opens no word
    return [tok for tok in tokens if tok[0] != "_"] if "_" in fragment else tokens


@functools.lru_cache(maxsize=NAMES_KEPT)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name as written, without a possessive ending (`Clinton's` is `Clinton`); an HTML
    space (`Jens&nbsp;Stoltenberg`) separates words too."""
    return tuple(POSSESSIVE.sub("", w) for w in entity_view(name).split())


def nearest(indices: list[int], i: int, limit: int) -> Iterator[int]:
    """Up to `limit` of the sorted `indices`, nearest to `i` first (except `i` itself)."""
    right = bisect.bisect_left(indices, i)
    left = right - 1
    if right < len(indices) and indices[right] == i:
        right += 1
    for _ in range(limit):
        if left >= 0 and (right >= len(indices) or i - indices[left] <= indices[right] - i):
            yield indices[left]
            left -= 1
        elif right < len(indices):
            yield indices[right]
            right += 1
        else:
            return
