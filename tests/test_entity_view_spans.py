"""Patterns read a text's entity view (`&nbsp;` read as a space, `&ldquo;` as a quote), and every mention
found there still quotes the text itself: its spans hold the text between their offsets, entities and all."""
import datetime as dt

import pytest
from pydantic import BaseModel

from factcheck.extract import Extractor
from factcheck.ingest import article_from_text
from factcheck.lexicon import load_lexicon
from factcheck.models import Span

# One of each kind of mention that holds spans of its own: a change, a ratio, shares of a whole.
SENTENCES = [
    ("id", "Harga tiket naik 20 persen dari Rp 100.000 menjadi Rp 150.000.", "changes"),
    ("id", "Sebanyak 7 dari 10 responden (70 persen) setuju.", "ratios"),
    ("en", "Sales rose 20 percent from 100 to 150 units.", "changes"),
    ("en", "Red won 40 percent of the vote, Blue 35 percent and Green 25 percent.", "shares"),
]


def spans(value: object):
    if isinstance(value, Span):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from spans(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from spans(item)


@pytest.mark.parametrize(("lang", "sentence", "kind"), SENTENCES)
@pytest.mark.parametrize("entity", ["&nbsp;", "&amp;nbsp;"])
def test_every_span_of_a_mention_quotes_the_text_itself(lang, sentence, kind, entity):
    text = sentence.replace(" ", entity)
    mentions = Extractor(load_lexicon(lang)).extract(
        article_from_text(text, published=dt.date(2024, 1, 1), lang=lang, markdown=False))
    found = getattr(mentions, kind)
    assert len(found) == 1  # read through the entities as in the plain sentence
    every = [s for k in ("times", "quantities", "changes", "breakdowns", "ratios", "shares")
             for s in spans(getattr(mentions, k))]
    assert every and [s.text for s in every] == [text[s.start:s.end] for s in every]
    assert any(entity in s.text for s in spans(found))


@pytest.mark.parametrize("entity", ["&nbsp;", "&amp;nbsp;"])
def test_names_cues_and_markers_quote_the_text_itself(entity):
    text = "Menteri Budi Santoso akan meresmikan jembatan yang naik 5 meter.".replace(" ", entity)
    mentions = Extractor(load_lexicon("id")).extract(
        article_from_text(text, published=dt.date(2024, 1, 1), lang="id", markdown=False))
    found = [*mentions.entities, *mentions.cues.cues, *mentions.markers.markers]
    assert {type(x).__name__ for x in found} == {"Entity", "Cue", "Marker"}
    assert [x.span.text for x in found] == [text[x.span.start:x.span.end] for x in found]
    assert any(entity in x.span.text for x in mentions.entities)
