"""The quick look that rules out a phase or a time of day in a sentence says no only where the whole-word
patterns find nothing, in any case and in any part of the sentence."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.scope import FOLDED_TO_ASCII, ScopeWords
from factcheck.lexicon import load_lexicon

LANGS = ("id", "en")
WORDS = {lang: ScopeWords.of(load_lexicon(lang)) for lang in LANGS}


def listed(lang: str) -> list[str]:
    """The words that place a figure, in the cases an article writes them."""
    d = load_lexicon(lang).data.figure_scope
    words = [*d.now, *d.before, *d.day_parts, *d.clock]
    words += [part for w in words for part in w.split()] + [f"{w} 9.35" for w in d.clock]
    return sorted({form for w in words for form in (w, w.lower(), w.title(), w.upper())})


OTHER = ["harga", "naik", "price", "rose", "ini", "year", "9.35", "09:15", "5", "persen", "sempatkan", "nowhere"]
GLUE = [" ", " ", "  ", "\n", "-", ",", ", ", ".", "(", "“", "’", "_", "é", "ſ", "\u212a", "ı", "İ"]


def sentence(lang: str):
    other = st.sampled_from(OTHER)  # most often: a sentence with no listed word is the case to try
    word = st.one_of(st.sampled_from(listed(lang)), other, other)
    return st.lists(st.tuples(word, st.sampled_from(GLUE)).map("".join), max_size=6).map("".join)


def test_the_characters_folded_to_ascii_are_all_there_are():
    others = "".join(map(chr, range(128, 0x110000)))
    folded = {ch for c in map(chr, range(128)) for ch in re.findall(re.escape(c), others, re.I)}
    assert folded == set(FOLDED_TO_ASCII.pattern.strip("[]"))


@pytest.mark.parametrize(("lang", "text", "placed"), [
    ("id", "Harga naik 5 persen.", False),
    ("id", "Harga sempat naik 5 persen.", True),
    ("id", "Pukul 09.35, harga naik.", True),
    ("id", "Harga ſempat naik.", True),  # "ſ" is "s" to a case-insensitive pattern
    ("en", "The price rose 5 percent.", False),
    ("en", "The price was PREVIOUSLY higher.", True),
])
def test_a_sentence_may_place_a_figure(lang, text, placed):
    words = WORDS[lang]
    assert words.may_place(text) is placed
    if not placed:
        assert words.phase(text) == "" and words.moments(text) == frozenset()


@pytest.mark.parametrize("lang", LANGS)
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_a_sentence_ruled_out_has_no_phase_nor_moment_in_any_part(lang, data):
    text = data.draw(sentence(lang))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    words = WORDS[lang]
    if not words.may_place(text):
        for part in (text, text[start:end]):
            assert words.phase(part) == "" and words.moments(part) == frozenset()
