"""docs/rules.md is generated from the rule files; this fails when someone forgets to regenerate it."""
from factcheck.checks import load_rules
from factcheck.docs import rules_markdown
from conftest import ROOT


def test_rules_reference_is_current():
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(load_rules()), "regenerate: factcheck rules --markdown > docs/rules.md"


def test_reference_lists_every_rule_with_examples():
    text = rules_markdown(load_rules())
    for rule in load_rules():
        assert f"## {rule.id}" in text
        assert rule.examples[0].text in text
