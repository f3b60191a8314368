"""Every example of every rule file is a test: failing examples must raise that rule, passing ones must not.
A failing example may pin the first finding's first evidence text and its message."""
import pytest

from factcheck.checks import load_rules

RULES = load_rules()
CASES = [(rule, i, ex) for rule in RULES for i, ex in enumerate(rule.examples)]


@pytest.mark.parametrize("rule,index,example", CASES, ids=[f"{r.id}[{i}:{e.lang}:{e.expect}]" for r, i, e in CASES])
def test_example(checker, rule, index, example):
    report = checker.check_text(example.text, published=example.published, lang=example.lang)
    found = [f for f in report.files[0].findings if f.rule == rule.id]
    if example.expect == "fail":
        assert found, f"{rule.id} should flag: {example.text}"
        for f in found:
            for ev in f.evidence:
                assert example.text[ev.start:ev.end] == ev.text
            assert f.message and f.reasoning and f.suggestion
            assert "{" not in f.message + f.reasoning + f.suggestion, "a template field was left unfilled"
        if example.evidence is not None:
            assert found[0].evidence[0].text == example.evidence, f"{rule.id}: the first finding's first evidence"
        if example.message is not None:
            assert found[0].message == example.message, f"{rule.id}: the first finding's message"
    else:
        assert not found, f"{rule.id} should not flag: {example.text}: {[f.message for f in found]}"


def test_every_rule_has_both_languages_and_outcomes():
    for rule in RULES:
        seen = {(e.lang, e.expect) for e in rule.examples}
        assert seen >= {("id", "fail"), ("id", "pass"), ("en", "fail"), ("en", "pass")}, rule.id


def test_first_rules_exist():
    ids = {r.id for r in RULES}
    assert {"temporal.planned-before-publication", "temporal.weekday-mismatch", "temporal.invalid-date",
            "temporal.reported-after-publication", "quantity.conflict"} <= ids
