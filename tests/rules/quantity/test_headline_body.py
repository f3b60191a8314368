"""quantity.headline-body: a headline figure that no figure of the body supports."""
from conftest import findings


def test_a_headline_figure_supported_by_any_body_figure(checker):
    text = ("Banjir Rendam 120 Rumah di Garut\n\nBanjir merendam 120 rumah di Garut. "
            "Sehari kemudian banjir juga merendam 30 rumah di Tasikmalaya.")
    assert findings(checker, text, rule="quantity.headline-body") == []
