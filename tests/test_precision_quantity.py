"""The scopes that set two figures apart (another date, time of day, list item, phase, rate, row) are
attributes of the figure claims; the quantity rules' tests are in tests/rules/quantity/."""
import datetime as dt

from factcheck.claims import FigureClaim, build_graph
from factcheck.ingest import article_from_text

PUBLISHED = dt.date(2025, 10, 20)


def test_scopes_are_attributes_of_the_figure_claims(checker):
    text = ("Sebelumnya, harga emas melemah ke level US$1.309 per troy ounce pada pukul 09.30 WIB.\n"
            "Kedua, dana hibah itu Rp 5.000 per suara pada 2024.")
    extractor = checker.extractor("id")
    article = article_from_text(text, lang="id", published=PUBLISHED, markdown=False)
    g = build_graph(article, extractor.extract(article), extractor.lex)
    scopes = {c.text: c.scope for _, _, c in g.claims(FigureClaim)}
    gold = scopes["US$1.309"]
    assert (gold.phase, gold.trend, gold.moments, gold.per) == ("before", "down", frozenset({"09.30"}), "troy")
    grant = scopes["Rp 5.000"]
    assert (grant.item, grant.per, grant.dates) == ("2", "suara", frozenset({("2024-01-01", "2024-12-31")}))
