"""docs/rules.md is generated from the rule files; this fails when someone forgets to regenerate it."""
from conftest import ROOT
from factcheck.checks import load_rules
from factcheck.docs import rules_markdown


def test_rules_reference_is_current():
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(load_rules()), "regenerate: factcheck rules --markdown > docs/rules.md"


def test_reference_lists_every_rule_with_examples():
    text = rules_markdown(load_rules())
    for rule in load_rules():
        assert f"## {rule.id}" in text
        assert rule.examples[0].text in text


def _blocks(text: str, lang: str) -> list[str]:
    parts = text.split(f"```{lang}\n")[1:]
    return [p.split("```", 1)[0] for p in parts]


def test_ci_guide_examples_are_valid(tmp_path):
    """The configuration and the newsroom rule shown in docs/ci.md load as written."""
    from factcheck.settings import Settings

    guide = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    (toml,) = _blocks(guide, "toml")
    rule_yaml = next(b for b in _blocks(guide, "yaml") if b.startswith("id: "))
    (tmp_path / "newsroom-rules" / "temporal").mkdir(parents=True)
    (tmp_path / "newsroom-rules" / "temporal" / "strict-weekday.yaml").write_text(rule_yaml, encoding="utf-8")
    (tmp_path / ".factcheck.toml").write_text(toml, encoding="utf-8")
    rules = Settings.load(tmp_path / ".factcheck.toml").rules()  # its rules: the newsroom folder
    assert "temporal.strict-weekday" in {r.id for r in rules}
