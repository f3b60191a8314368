"""The quotation marks of an article, found once, answer for every mention what counting the marks before it
answers."""
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.quotes import PARAGRAPH_CHARS, QUOTE_CHARS, Quotations
from factcheck.text import Sentence, split_sentences


def in_quotation(text: str, sent: Sentence, start: int) -> bool:
    """The reference: the marks counted in the text before `start`, on its line, within its bounds."""
    before = text[max(0, sent.start - PARAGRAPH_CHARS, start - QUOTE_CHARS):start]
    para = before[before.rfind("\n") + 1:]
    opens = para.count("“") + para.count("&ldquo;")
    closes = para.count("”") + para.count("&rdquo;")
    return opens > closes or para.count('"') % 2 == 1

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


def test_a_quotation_is_read_within_its_sentence_and_paragraph():
    text = 'Dia berkata, "Kami datang 5 Mei." Lalu 6 Mei ia pergi.\n"Besok 7 Mei," katanya.'
    sents = [Sentence(a, b, "body") for a, b in split_sentences(text, 0, len(text), frozenset())]
    quotations = Quotations(text)
    at = {s: next(x for x in sents if x.start <= text.index(s) < x.end) for s in ("5 Mei", "6 Mei", "7 Mei")}
    assert [quotations.inside(at[s], text.index(s)) for s in ("5 Mei", "6 Mei", "7 Mei")] == [True, False, True]
