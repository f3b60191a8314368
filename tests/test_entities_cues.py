"""Entities (gazetteer names and capitalised sequences) and modality cues (planned, past, reported)."""
from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract import Extractor, title_case
from factcheck.extract.entities import EntityExtractor
from factcheck.ingest import article_from_text
from factcheck.lexicon import load_lexicon

PUB = dt.date(2021, 12, 5)


@pytest.fixture(scope="module")
def extractors():
    return {lang: Extractor(load_lexicon(lang)) for lang in ("id", "en")}


def mentions(extractors, text, lang):
    article = article_from_text(text, lang=lang, published=PUB)
    m = extractors[lang].extract(article)
    for item in [*m.entities, *m.cues.cues, *m.times, *m.quantities]:
        assert text[item.span.start:item.span.end] == item.span.text
    return m


def entities(extractors, text, lang):
    return [(e.span.text, e.name) for e in mentions(extractors, text, lang).entities]


# --- gazetteer ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Rusia dan Amerika Serikat bertemu di Jakarta.",
     [("Rusia", "Russia"), ("Amerika Serikat", "United States"), ("Jakarta", "Jakarta")]),
    ("id", "Gedung Putih dan Kremlin sepakat soal itu.",
     [("Gedung Putih", "White House"), ("Kremlin", "Kremlin")]),
    ("id", "Warga RI di Tiongkok dalam keadaan aman.", [("RI", "Indonesia"), ("Tiongkok", "China")]),
    ("id", "Sikap Perserikatan Bangsa-Bangsa jelas.", [("Perserikatan Bangsa-Bangsa", "United Nations")]),
    ("en", "Russia and the United States met in Jakarta.",
     [("Russia", "Russia"), ("United States", "United States"), ("Jakarta", "Jakarta")]),
    ("en", "The U.S. and the U.K. agreed on it.", [("U.S.", "United States"), ("U.K.", "United Kingdom")]),
])
def test_gazetteer_aliases_map_to_canonical_names(extractors, lang, text, expected):
    assert entities(extractors, text, lang) == expected


def test_gazetteer_entity_kind_and_known_flag(extractors):
    m = mentions(extractors, "Presiden Rusia Vladimir Putin bicara dengan NATO.", "id")
    got = {e.name: (e.kind, e.known) for e in m.entities}
    assert got == {"Russia": ("country", True), "Vladimir Putin": ("person", True),
                   "NATO": ("organisation", True)}


def test_alias_inside_a_longer_word_is_not_an_entity(extractors):
    assert entities(extractors, "Rusianya kuat sekali.", "id") == []


# --- capitalised names ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text", [
    ("id", "Hal itu disampaikan Jens Stoltenberg di Brussel."),
    ("id", "Kemarin Jens Stoltenberg hadir di sana."),
    ("en", "The remark came from Jens Stoltenberg on Monday."),
    ("en", "Jens Stoltenberg spoke to reporters."),
])
def test_capitalised_name_is_an_entity(extractors, lang, text):
    ents = mentions(extractors, text, lang).entities
    stolt = [e for e in ents if e.name == "Jens Stoltenberg"]
    assert len(stolt) == 1
    assert stolt[0].span.text == "Jens Stoltenberg"
    assert stolt[0].known is False
    assert stolt[0].kind == "name"


@pytest.mark.parametrize("lang, text", [
    ("id", "Menurut Psaki, pertemuan itu penting."),
    ("en", "According to Psaki, the meeting matters."),
])
def test_sentence_initial_function_word_is_dropped(extractors, lang, text):
    assert entities(extractors, text, lang) == [("Psaki", "Psaki")]


def test_single_sentence_initial_word_is_not_a_name(extractors):
    assert entities(extractors, "Pertemuan itu digelar di kantor.", "id") == []


def test_particles_join_a_name(extractors):
    assert entities(extractors, "The speech came from Ali al Hussein today.", "en") == [
        ("Ali al Hussein", "Ali al Hussein")]


def test_entity_extractor_drops_only_sentence_initial_single_words():
    lex = load_lexicon("id")
    text = "Pertemuan digelar. Kota Bandung ramai."
    ranges = [(0, len(text), False)]
    starts = {0, text.index("Kota")}
    ents = EntityExtractor(lex).extract(text, ranges, starts)
    assert [(e.span.text, e.name) for e in ents] == [("Kota Bandung", "Kota Bandung")]
    # the same lone word in mid-sentence is a name
    text2 = "Rapat digelar di Pertemuan."
    ents2 = EntityExtractor(lex).extract(text2, [(0, len(text2), False)], {0})
    assert [e.name for e in ents2] == ["Pertemuan"]


def test_title_case_headline_yields_gazetteer_names_only(extractors):
    text = ("Rusia Kirim Pasukan ke Perbatasan Ukraina Timur\n\n"
            "Kompas.com - 05/12/2021, 10:16 WIB\n\n"
            "Jens Stoltenberg hadir di Brussel pekan ini.\n")
    m = mentions(extractors, text, "id")
    head_end = text.index("\n")
    in_head = [(e.span.text, e.known) for e in m.entities if e.span.end <= head_end]
    assert in_head == [("Rusia", True), ("Ukraina", True)]
    assert "Jens Stoltenberg" in [e.name for e in m.entities if e.span.start > head_end]


@pytest.mark.parametrize("text, expected", [
    ("Rusia Kirim Pasukan ke Perbatasan Ukraina", True),
    ("Rusia mengirim pasukan ke perbatasan", False),
    ("Dua Kata", False),  # fewer than three words
])
def test_title_case(text, expected):
    assert title_case(text) is expected


# --- modality cues --------------------------------------------------------------------------------

def modality_of(extractors, text, lang, target):
    """The modality and cue text governing the time or quantity whose span text is `target`."""
    m = mentions(extractors, text, lang)
    found = [x for x in [*m.times, *m.quantities] if x.span.text == target]
    assert len(found) == 1, [x.span.text for x in [*m.times, *m.quantities]]
    x = found[0]
    sent = m.sentence_at(x.span.start)
    assert sent is not None and sent.start <= x.span.start and x.span.end <= sent.end
    modality, cue = m.cues.modality(text, sent, x.span.start, x.span.end)
    return modality, (cue.span.text if cue else None)


@pytest.mark.parametrize("lang, text, target, modality, cue", [
    ("id", "Pertemuan akan digelar Selasa (7/12/2021) di Jakarta.", "Selasa (7/12/2021)", "planned", "akan"),
    ("id", "Pertemuan itu dijadwalkan pada awal 2022 di Jakarta.", "awal 2022", "planned", "dijadwalkan"),
    ("id", "Serangan bisa terjadi secepat awal 2022 di sana.", "awal 2022", "planned", "secepat"),
    ("id", "Pasukan telah tiba pada 2020 di sana.", "pada 2020", "past", "telah"),
    # a cue after the mention in its clause: "Senin (29/11) lalu"
    ("id", "Rapat digelar Senin (29/11) lalu di Jakarta.", "Senin (29/11)", "past", "lalu"),
    ("id", "Kata polisi, 40 orang tewas dalam banjir.", "40 orang tewas", "reported", "Kata"),
    ("id", "Polisi mengatakan 40 orang tewas dalam banjir.", "40 orang tewas", "reported", "mengatakan"),
    ("id", "Rapat semula digelar pada awal 2021 di sana.", "awal 2021", "superseded", "semula"),
    ("en", "The talks will resume in early 2022 in Geneva.", "early 2022", "planned", "will"),
    ("en", "An invasion could come as early as early 2022.", "early 2022", "planned", "as early as"),
    ("en", "The meeting is scheduled for Dec. 7, 2021 in Rome.", "Dec. 7, 2021", "planned", "scheduled"),
    ("en", "Police said 40 people died in the flood.", "40 people", "reported", "said"),
    ("en", "The talks have been held since 2019 in Geneva.", "since 2019", "past", "since"),
])
def test_cue_modality(extractors, lang, text, target, modality, cue):
    assert modality_of(extractors, text, lang, target) == (modality, cue)


def test_no_cue_is_unknown(extractors):
    assert modality_of(extractors, "Pertemuan digelar Selasa (7/12/2021) di Jakarta.", "id",
                       "Selasa (7/12/2021)") == ("unknown", None)


def test_cue_in_another_clause_after_the_mention_does_not_count(extractors):
    # "kata polisi" follows the figure but in another clause
    assert modality_of(extractors, "Sebanyak 40 orang tewas, kata polisi.", "id",
                       "40 orang tewas") == ("unknown", None)


def test_nearest_cue_before_wins(extractors):
    text = "Polisi mengatakan pasukan akan tiba pada awal 2022 di sana."
    assert modality_of(extractors, text, "id", "awal 2022") == ("planned", "akan")


@pytest.mark.parametrize("text", [
    "She was held against her will in May 2021.",
    "He left against her will on Dec. 1, 2021.",
    "Her last will was read in May 2021.",
])
def test_will_as_a_noun_is_not_a_planned_cue(extractors, text):
    m = mentions(extractors, text, "en")
    assert [c for c in m.cues.cues if c.modality == "planned"] == []
    assert "will" not in [c.span.text.lower() for c in m.cues.cues]


def test_against_her_will_leaves_the_date_unplanned(extractors):
    modality, cue = modality_of(extractors, "He left against her will on Dec. 1, 2021.", "en", "Dec. 1, 2021")
    assert modality != "planned"
    assert (modality, cue) == ("unknown", None)


def test_will_as_a_verb_is_still_a_cue(extractors):
    m = mentions(extractors, "She will decide against it in May 2022.", "en")
    assert [(c.span.text, c.modality) for c in m.cues.cues] == [("will", "planned")]


def test_cue_index_has_and_any_of(extractors):
    text = "Pasukan akan tiba pekan depan. Polisi mengatakan 40 orang tewas."
    m = mentions(extractors, text, "id")
    first, second = m.sentences
    assert m.cues.has(first, "planned") and not m.cues.has(first, "reported")
    assert m.cues.has(second, "reported") and not m.cues.has(second, "planned")
    said = text.index("mengatakan")
    assert m.cues.any_of("reported", said, said + 1) and not m.cues.any_of("reported", said + 1, len(text))
    assert not m.cues.any_of("reported", 0, said)


def test_the_nearest_cue_governs_a_date(extractors):
    text = "Polisi mengatakan pasukan akan tiba Senin (6/12/2021)."
    m = mentions(extractors, text, "id")
    (sent,) = m.sentences
    (date,) = m.times
    modality, cue = m.cues.modality(text, sent, date.span.start, date.span.end)
    assert (modality, cue.span.text) == ("planned", "akan")  # the nearest before it, not "mengatakan"
    # nothing before "Polisi": the nearest cue after it in its clause
    modality, cue = m.cues.modality(text, sent, 0, len("Polisi"))
    assert (modality, cue.span.text) == ("reported", "mengatakan")
    quiet = "Pasukan tiba Senin (6/12/2021)."
    m = mentions(extractors, quiet, "id")
    (date,) = m.times
    assert m.cues.modality(quiet, m.sentences[0], date.span.start, date.span.end) == ("unknown", None)


def test_cues_are_not_read_from_boilerplate(extractors):
    text = ("Judul Berita Hari Ini\n\nKompas.com - 05/12/2021, 10:16 WIB\n\nBaca berita tanpa iklan akan segera hadir"
            "\n\nWarga berkumpul di alun-alun.\n")
    m = mentions(extractors, text, "id")
    assert m.cues.cues == []


# --- a known name with other white space inside ----------------------------------------------------

@pytest.mark.parametrize("space", ["  ", "\u00a0", "\t", "\n", "\r\n", "\u2009"])
def test_known_name_with_any_white_space_inside(space):
    text = f"Utusan Amerika{space}Serikat dan Joe{space}Biden tiba di Jakarta."
    found = EntityExtractor(load_lexicon("id")).extract(text, [(0, len(text), False)], {0})
    assert [e.name for e in found if e.known] == ["United States", "Joe Biden", "Jakarta"]


def test_title_jurisdiction_with_a_no_break_space():
    m = Extractor(load_lexicon("en")).extract(article_from_text(
        "Headline here\n\nPresident United\u00a0States Joe Biden spoke on Monday.", lang="en"))
    assert [(t.jurisdiction, t.name) for t in m.titles] == [("United States", "Joe Biden")]
