"""A check kind renamed after its rule still loads under its former name: a newsroom's rule files keep working
(where each kind lives: test_layout.py)."""
import pytest

from factcheck.checks import load_rules
from factcheck.lexicon import rules_root


@pytest.mark.parametrize("old,new,rule", [("date_order", "sequence", "temporal/sequence.yaml"),
                                          ("date_conflict", "event_date_conflict", "temporal/event-date-conflict.yaml"),
                                          ("quantity_conflict", "conflict", "quantity/conflict.yaml")])
def test_former_kind_names_load_as_the_new(tmp_path, old, new, rule):
    text = (rules_root() / rule).read_text(encoding="utf-8")
    assert f"check: {new}\n" in text
    (tmp_path / "house.yaml").write_text(text.replace(f"check: {new}\n", f"check: {old}\n"), encoding="utf-8")
    [loaded] = load_rules([tmp_path])
    assert loaded.check == new
