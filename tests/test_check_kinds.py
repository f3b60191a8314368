"""Each rule is one name in three places: its file, its check kind's module, and the kind's former names."""
import pytest

from factcheck.checks import CHECKS, load_rules
from factcheck.lexicon import rules_root

GENERIC = {"elapsed_time"}  # a kind named for what it does, serving several rules


def test_each_kind_lives_in_its_rules_module():
    for rule in load_rules():
        module = CHECKS[rule.check].run.__module__
        assert module == f"factcheck.checks.{rule.category}.{rule.check}", rule.id
        if rule.check not in GENERIC:
            assert rule.check == rule.id.split(".", 1)[1].replace("-", "_"), rule.id


@pytest.mark.parametrize("old,new,rule", [("date_order", "sequence", "temporal/sequence.yaml"),
                                          ("date_conflict", "event_date_conflict", "temporal/event-date-conflict.yaml"),
                                          ("quantity_conflict", "conflict", "quantity/conflict.yaml")])
def test_former_kind_names_load_as_the_new(tmp_path, old, new, rule):
    text = (rules_root() / rule).read_text(encoding="utf-8")
    assert f"check: {new}\n" in text
    (tmp_path / "house.yaml").write_text(text.replace(f"check: {new}\n", f"check: {old}\n"), encoding="utf-8")
    [loaded] = load_rules([tmp_path])
    assert loaded.check == new
