"""The claim graph reads a sentence's tokens without TOKEN's lone punctuation marks, which are neither content
nor compared words: what remains is what TOKEN finds, token for token."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.words import WORD_TOKEN, compared_words
from factcheck.text import TOKEN

PIECES = ["harga", "Rp", "5.000", "1,5", "U.S.", "pagi-pagi", "2021-an", "Clinton’s", "_x", "٣", "é", "'", "’", ".",
          ",", "-", "/", "%", "$", "(", "“", ":", " ", "  ", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_word_tokens_are_the_tokens_but_lone_marks(text):
    assert WORD_TOKEN.findall(text) == [t for t in TOKEN.findall(text) if re.match(r"\w|[%$]", t)]
    assert compared_words(text) == [t for t in TOKEN.findall(text) if t[0].isalnum() or t in "%$"]
