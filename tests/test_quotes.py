"""The quotation marks of an article, found once, answer for every mention what counting the marks before it
answers (`text.in_quotation`)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.quotes import Quotations
from factcheck.text import Sentence, in_quotation

PIECES = ['"', "“", "”", "&ldquo;", "&rdquo;", "&amp;ldquo;", "&quot;", "\n", " ", "kata dia", "Harga naik",
          ", ", ". ", "x" * 390, "y " * 1600]


def texts():
    return st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_a_mention_is_in_a_quotation_as_the_marks_before_it_say(data):
    text = data.draw(texts())
    quotations = Quotations(text)
    sent_start = data.draw(st.integers(0, len(text)))
    sent = Sentence(sent_start, data.draw(st.integers(sent_start, len(text))), "body")
    for start in {sent.start, sent.end, data.draw(st.integers(sent.start, sent.end))}:
        assert quotations.inside(sent, start) == in_quotation(text, sent, start)


def test_a_quotation_opened_and_closed():
    text = 'Ia berkata, “Harga naik.” Lalu ia pergi. "Kami &ldquo;siap'
    quotations = Quotations(text)
    sent = Sentence(0, len(text), "body")
    assert [quotations.inside(sent, text.index(w)) for w in ("Harga", "Lalu", "Kami", "siap")] == \
        [True, False, True, True]
    assert not Quotations("Tanpa kutipan.").inside(Sentence(0, 14, "body"), 6)
