"""A rule is one name in three places: rules/<category>/<rule>.yaml, its check kind in
src/factcheck/checks/<category>/<kind>.py and its tests in tests/rules/<category>/test_<rule>.py. The kind is
named after the rule (`-` written `_`) unless several rules share it, as `elapsed_time`. Each failure names the
file to create, rename or remove."""
from collections import Counter
from pathlib import Path

from conftest import ROOT
from factcheck.checks import CHECKS, Rule, load_rules

RULES_DIR = ROOT / "rules"
CHECKS_DIR = ROOT / "src" / "factcheck" / "checks"
TESTS_DIR = ROOT / "tests" / "rules"
RULES = load_rules([RULES_DIR])


def _name(rule: Rule) -> str:
    """The rule's name with `_` for `-`: `age_birth_year` for temporal.age-birth-year."""
    return rule.id.split(".", 1)[1].replace("-", "_")


def _show(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _modules(folder: Path) -> list[Path]:
    """The Python files of each category folder under `folder`, but its packages' __init__.py."""
    return sorted(p for p in folder.glob("*/*.py") if p.name != "__init__.py")


def test_each_rule_file_is_named_after_its_rule():
    named = {r.id: RULES_DIR / r.category / f"{r.id.split('.', 1)[1]}.yaml" for r in RULES}
    wrong = [f"{_show(Path(str(r.path)))}: rename it {_show(named[r.id])} after its id {r.id}"
             for r in RULES if Path(str(r.path)) != named[r.id]]
    assert not wrong, "\n".join(wrong)


def test_each_rule_has_its_check_module():
    users = Counter(r.check for r in RULES)
    missing = []
    for rule in RULES:
        module = CHECKS_DIR / rule.category / f"{rule.check}.py"
        if not module.is_file():
            missing.append(f"{rule.id}: create {_show(module)} for its check kind '{rule.check}'")
        elif CHECKS[rule.check].run.__module__ != f"factcheck.checks.{rule.category}.{rule.check}":
            missing.append(f"{rule.id}: register its check kind '{rule.check}' in {_show(module)}")
        if rule.check != _name(rule) and users[rule.check] == 1:
            missing.append(f"{rule.id}: name its check kind '{_name(rule)}', in "
                           f"{_show(CHECKS_DIR / rule.category / f'{_name(rule)}.py')}; only a kind several rules "
                           f"share has a name of its own")
    assert not missing, "\n".join(missing)


def test_each_rule_has_its_test_file():
    missing = [f"{r.id}: create {_show(TESTS_DIR / r.category / f'test_{_name(r)}.py')} with its tests"
               for r in RULES if not (TESTS_DIR / r.category / f"test_{_name(r)}.py").is_file()]
    assert not missing, "\n".join(missing)


def test_no_check_module_without_a_rule():
    kinds = {(r.category, r.check) for r in RULES}
    orphans = [f"{_show(p)}: no rule in rules/{p.parent.name}/ uses check kind '{p.stem}'; add the rule file "
               f"or remove the module (shared check code lives in src/factcheck/checks/ itself)"
               for p in _modules(CHECKS_DIR) if (p.parent.name, p.stem) not in kinds]
    assert not orphans, "\n".join(orphans)


def test_no_rule_test_file_without_a_rule():
    names = {(r.category, f"test_{_name(r)}") for r in RULES}
    orphans = [f"{_show(p)}: no rule {p.parent.name}.{p.stem.removeprefix('test_').replace('_', '-')}; rename "
               f"it after its rule or move its tests"
               for p in _modules(TESTS_DIR) if (p.parent.name, p.stem) not in names]
    assert not orphans, "\n".join(orphans)
