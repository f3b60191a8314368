"""Offsets in text: sentence ends, quotations and the stretches mentions already cover."""
import random
import re

import pytest

from factcheck.text import _SENTENCE_END, CLAUSE_CHARS, Sentence, Taken, clause_bounds, split_sentences

ABBREVIATIONS = frozenset({"dr", "prof"})


@pytest.mark.parametrize("text, sentences", [
    ("Rapat digelar. Warga hadir.", ["Rapat digelar.", "Warga hadir."]),
    ("Dr. Andi datang. Dia bicara.", ["Dr. Andi datang.", "Dia bicara."]),  # an abbreviation
    ("Oleh J. Smith. Lalu pulang.", ["Oleh J. Smith.", "Lalu pulang."]),  # an initial
    ("Harga naik 10. 87 orang datang.", ["Harga naik 10. 87 orang datang."]),  # a number split by a scraper
    ("Nilainya bervariasi.Gubernur hadir.", ["Nilainya bervariasi.", "Gubernur hadir."]),  # glued on
])
def test_sentence_ends(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text), ABBREVIATIONS)] == sentences


@pytest.mark.parametrize("seed", range(10))
def test_sentence_ends_are_those_of_the_plain_pattern(seed):
    """The pattern opens with the set of its first characters (for speed); it finds what the plain form finds."""
    plain = re.compile(r"""[.!?]+["'”’)\]]*(?=\s|[A-Z“"])|\n""")
    rng = random.Random(seed)
    text = "".join(rng.choice([".", "!", "?", "\n", "\"", "'", "”", "’", ")", "]", " ", "A", "a", "“", "1"])
                   for _ in range(3000))
    for start, end in [(0, len(text)), (5, 2000), (1, 17)]:
        assert ([m.span() for m in _SENTENCE_END.finditer(text, start, end)]
                == [m.span() for m in plain.finditer(text, start, end)])


def test_taken_answers_like_a_scan_of_every_span():
    rng = random.Random(7)
    for _ in range(300):
        spans = [(a, a + rng.randint(1, 6)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 12)))]
        taken = Taken()
        for i, (a, b) in enumerate(spans):
            taken.add(a, b)
            for start in range(70):
                for end in range(start + 1, start + 5):
                    expected = any(x < end and start < y for x, y in spans[:i + 1])
                    assert taken.overlaps(start, end) == expected, (spans[:i + 1], start, end)


def test_taken_merges_spans_that_overlap_or_touch():
    taken = Taken([(10, 20), (30, 40), (20, 25), (15, 32)])
    assert (taken.starts, taken.ends) == ([10], [40])
    assert not taken.overlaps(40, 45) and not taken.overlaps(5, 10) and taken.overlaps(39, 41)


def _clause_by_scan(text: str, sent: Sentence, offset: int) -> tuple[int, int]:
    """The clause around `offset` found by scanning the window for breaks, as clause_bounds defines it."""
    lo, hi = max(sent.start, offset - CLAUSE_CHARS), min(sent.end, offset + CLAUSE_CHARS)
    for m in re.finditer(r"[;,:]\s|\s[-–—]\s", text[:hi]):
        if m.start() < lo:
            continue
        if m.end() <= offset:
            lo = m.end()
        elif m.start() >= offset:
            return lo, m.start()
    return lo, hi


@pytest.mark.parametrize("seed", range(20))
def test_clause_bounds_equal_a_scan_of_the_window(seed):
    rng = random.Random(seed)
    # Long sentences of words, commas, colons and dashes, so that the window of CLAUSE_CHARS matters.
    text = "".join(rng.choice(["kata ", "lain ", ", ", ": ", " - ", ";", " ", "x"]) for _ in range(1500))
    sent = Sentence(0, len(text), "body")
    for offset in rng.sample(range(len(text)), 200):
        assert clause_bounds(text, sent, offset) == _clause_by_scan(text, sent, offset), offset
