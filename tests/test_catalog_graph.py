"""The claim graph holds what the catalog rules reason on, and exports it without Python objects."""
import datetime as dt
import json
from dataclasses import fields

import networkx as nx
import pytest

from factcheck.claims import FigureClaim, TimeClaim, build_graph, exportable, to_graphml, to_json, to_networkx
from factcheck.claims.nodes import SentenceNode
from factcheck.claims.queries import dates_statement
from factcheck.ingest import article_from_text


def graph(checker, text, lang="id", published=dt.date(2021, 12, 5)):
    return checker.analyse(article_from_text(text, lang=lang, published=published, markdown=False))[1]


def edges(g, kind):
    return [(a, b, e) for a, b, e in g.edges(data=True) if e["kind"] == kind]


def paraphrases(g):
    return [(a, b) for a, b, _ in edges(g, "paraphrases")]


def test_a_date_restated_in_the_same_words_shares_a_phrase_without_its_preposition(checker):
    g = graph(checker, "Kantor itu didirikan pada tahun 1985 di Jakarta. Kantor itu didirikan 30 Juni 1990 di Jakarta.")
    restates = edges(g, "restates")
    phrases = {a for a, _, _ in restates}
    assert "phrase:L:kantor itu didirikan" in phrases
    assert {e["left"] for _, _, e in restates} == {"Kantor itu didirikan"}


def test_an_event_that_happens_once_has_a_subject(checker):
    g = graph(checker, "Joe Biden lahir pada 20 November 1942 di Scranton.")
    ((entity, event, e),) = edges(g, "subject")
    assert entity == "entity:Joe Biden" and e["once"] == "birth"
    assert g.nodes[next(iter(g.successors(event)))]["lo"] == "1942-11-20"


def test_order_and_apposition(checker):
    g = graph(checker, "Ia ditangkap pada 6 Desember 2021 setelah kabur pada 4 Desember 2021. "
                       "Ia pergi kemarin (4/12/2021).")
    (order,) = edges(g, "order")
    assert order[2]["relation"] == "after" and order[2]["text"] == "setelah"
    (names,) = edges(g, "names")
    assert names[2]["text"] == "kemarin (4/12/2021"  # from the relative time to the end of the date


def test_a_length_of_time_runs_from_its_date(checker):
    g = graph(checker, "Tiga tahun lalu, pada 2015, pabrik itu dibuka.")
    ((duration, _, e),) = edges(g, "from")
    assert g.nodes[duration]["form"] == "ago" and e["text"] == "pada 2015"
    assert not edges(g, "to")  # it ends on the publication date


def test_an_age_belongs_to_a_person_and_counts_from_their_birth(checker):
    g = graph(checker, "Joe Biden (79) lahir pada 20 November 1942.")
    ((person, _, _),) = edges(g, "age")
    assert person == "entity:Joe Biden"
    ((_, _, e),) = edges(g, "from")
    assert e["text"] == "20 November 1942"
    assert [c["measure"] for _, _, c in g.out_edges(person, data=True) if c.get("claim") == "quantity"] == ["age"]


def test_sentences_that_say_the_same_in_other_words(checker):
    g = graph(checker, "Dari angka itu, 1.049.334 suara dinyatakan sah oleh panitia. Suara yang dinyatakan sah "
                       "oleh panitia kurang dari 1 juta suara. Panitia menambah kotak suara.")
    (pair,) = paraphrases(g)
    assert [g.nodes[n]["label"][:10] for n in pair] == ["Suara yang", "Dari angka"]


def test_a_parallel_sentence_about_another_name_is_no_paraphrase(checker):
    g = graph(checker, "Ponsel Xiaomi dijual mulai dari 999 euro. Ponsel Xiaomi Pro dijual mulai dari 1.299 euro.")
    assert paraphrases(g) == []


def test_relation_nodes(checker):
    g = graph(checker, "Harga naik 20 persen dari Rp 100.000 menjadi Rp 120.000. Ada 10 korban: 6 tewas dan 4 luka. "
                       "Sebanyak 50 dari 200 (25 persen) setuju. Presiden Rusia Vladimir Putin hadir.")
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert {"change", "breakdown", "ratio", "role", "sentence"} <= kinds
    (change,) = [n for n, d in g.nodes(data=True) if d["kind"] == "change"]
    assert sorted(e["kind"] for _, _, e in g.out_edges(change, data=True)) == ["by", "from", "to"]
    ((_, role, title),) = edges(g, "title")
    assert role == "role:president" and title["jurisdiction"] == "Russia"


def test_exports_hold_only_scalars(checker):
    g = graph(checker, "Joe Biden (79) lahir pada 20 November 1942. Harga naik 20 persen dari 100 menjadi 120 orang.")
    data = json.loads(to_json(g))
    assert {"nodes", "edges"} <= set(data)
    for _, _, e in exportable(g).edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in e.values())
    assert nx.parse_graphml(to_graphml(g)).number_of_nodes() == g.number_of_nodes()


def test_the_checks_graph_and_its_export_hold_the_same_nodes_and_edges_in_order(checker):
    text = "Rusia mengirim sekitar 70.000 tentara, kata Joe Biden. Menurut Biden, Rusia mengirim 175.000 tentara."
    article = article_from_text(text, lang="id", published=dt.date(2021, 12, 5), markdown=False)
    extractor = checker.extractor("id")
    claims = build_graph(article, extractor.extract(article), extractor.lex)
    exported = to_networkx(claims)
    assert list(exported.nodes) == list(claims.nodes)
    assert [(a, b) for a, b, _ in exported.edges(data=True)] == [(a, b) for a, b, _ in claims.edges()]
    # the checks compare word sets; an export writes each sorted and space-separated
    sentence = claims.node("sentence:0", SentenceNode)
    assert isinstance(sentence.words, frozenset)
    assert exported.nodes["sentence:0"]["words"] == " ".join(sorted(sentence.words))
    assert "tentara" in sentence.words and "biden" in sentence.names


def test_claims_are_typed_frozen_and_hold_each_figure_once(checker):
    text = "Sekitar 300 warga mengungsi, kata petugas, Senin (6/12/2021)."
    article = article_from_text(text, lang="id", published=dt.date(2021, 12, 7), markdown=False)
    extractor = checker.extractor("id")
    g = build_graph(article, extractor.extract(article), extractor.lex)
    ((_, _, figure),) = g.claims(FigureClaim)
    assert {f.name for f in fields(FigureClaim)}.isdisjoint({"value", "lo", "hi", "measure", "hedge"})
    assert (figure.lo, figure.hi, figure.hedge) == (figure.q.lo, figure.q.hi, "approx") and figure.lo < 300
    ((_, _, time),) = g.claims(TimeClaim)
    assert (time.modality, time.cue, time.cue_words) == ("reported", "kata", 1)
    assert dates_statement(g, time, reported_words=1, past_words=0)
    assert not dates_statement(g, time, reported_words=0, past_words=0)  # the cue is a word further back


def test_a_check_that_changes_a_claim_fails_the_type_check(tmp_path):
    # Claims are read-only to mypy, which CI runs strict on every check (not frozen at run time: see
    # claims/record.py).
    api = pytest.importorskip("mypy.api")
    check = tmp_path / "rewrites_a_claim.py"
    check.write_text("from factcheck.claims import TimeClaim\n\n\n"
                     "def rewrite(c: TimeClaim) -> None:\n    c.cue = 'ujar'\n", encoding="utf-8")
    out, _, status = api.run([str(check), "--no-incremental", "--cache-dir", str(tmp_path / "cache")])
    assert status == 1 and 'Property "cue" defined in "TimeClaim" is read-only' in out, out


def test_an_export_writes_each_claim_as_the_schema_says(checker):
    g = graph(checker, "Sekitar 300 warga mengungsi, kata petugas, Senin (6/12/2021).")
    (time,) = [e for _, _, e in g.edges(data=True) if e.get("claim") == "time"]
    assert list(time) == ["kind", "claim", "modality", "cue", "cue_start", "grain", "mod", "weekday", "year_source",
                          "invalid", "expr", "once", "once_cue", "cue_words", "planned_nearby",
                          "superseded_in_sentence", "start", "end", "text", "segment", "in_quote"]
    (figure,) = [e for _, _, e in g.edges(data=True) if e.get("claim") == "figure"]
    assert list(figure)[:9] == ["kind", "claim", "measure", "value", "lo", "hi", "hedge", "left", "right"]
    assert figure["hedge"] == "approx" and figure["right"].startswith("mengungsi kata")


# The scopes that set two figures apart (another date, time of day, list item, phase, rate, row).
def test_scopes_are_attributes_of_the_figure_claims(checker):
    text = ("Sebelumnya, harga emas melemah ke level US$1.309 per troy ounce pada pukul 09.30 WIB.\n"
            "Kedua, dana hibah itu Rp 5.000 per suara pada 2024.")
    extractor = checker.extractor("id")
    article = article_from_text(text, lang="id", published=dt.date(2025, 10, 20), markdown=False)
    g = build_graph(article, extractor.extract(article), extractor.lex)
    scopes = {c.text: c.scope for _, _, c in g.claims(FigureClaim)}
    gold = scopes["US$1.309"]
    assert (gold.phase, gold.trend, gold.moments, gold.per) == ("before", "down", frozenset({"09.30"}), "troy")
    grant = scopes["Rp 5.000"]
    assert (grant.item, grant.per, grant.dates) == ("2", "suara", frozenset({("2024-01-01", "2024-12-31")}))


def test_a_unit_written_inside_a_figure_is_no_name_of_its_sentence_or_clause(checker):
    g = graph(checker, "Penjualan ke AS mencapai USD 7 miliar menurut Siti Rahma.")
    (figure,) = [e for _, _, e in g.edges(data=True) if e.get("claim") == "figure"]
    (sentence,) = [d for n, d in g.nodes(data=True) if n.startswith("sentence:")]
    assert figure["clause_names"] == sentence["names"] == "as rahma siti"  # not "usd"


def test_a_list_item_places_the_figures_of_its_own_sentence_and_of_one_after_its_marker_alone(checker):
    text = ("1. Bogor: harga beras Rp 12.000 per kg. Di pasar lain Rp 12.500 per kg.\n"
            "2. Depok: harga beras Rp 13.000 per kg.\n"
            "Terakhir, harga gula Rp 15.000 per kg.")
    extractor = checker.extractor("id")
    article = article_from_text(text, lang="id", published=dt.date(2025, 10, 20), markdown=False)
    g = build_graph(article, extractor.extract(article), extractor.lex)
    items = {c.text: c.scope.item for _, _, c in g.claims(FigureClaim)}
    assert items == {"Rp 12.000": "1", "Rp 12.500": "", "Rp 13.000": "2", "Rp 15.000": "last"}
    article = article_from_text("3.\nHarga beras Rp 14.000 per kg.", lang="id", markdown=False)
    g = build_graph(article, extractor.extract(article), extractor.lex)
    assert [c.scope.item for _, _, c in g.claims(FigureClaim)] == [""]  # a marker on a line of its own is no item
