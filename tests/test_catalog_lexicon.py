"""The catalog's word lists are lexicon data, validated like the rest; every rule of the catalog exists."""
import shutil

import pytest
import yaml

from factcheck.checks import load_rules
from factcheck.errors import ConfigError
from factcheck.extract.titles import TitleExtractor
from factcheck.lexicon import load_lexicon, rules_root

CATALOG = {"temporal.event-date-conflict", "temporal.relative-date-mismatch", "temporal.elapsed-time",
           "temporal.age-birth-year", "temporal.sequence", "quantity.total-vs-parts", "quantity.percent-sum",
           "quantity.change-arithmetic", "quantity.range-inverted", "quantity.headline-body",
           "entity.title-conflict", "entity.name-variant"}


def test_the_catalog_exists():
    assert {r.id for r in load_rules()} >= CATALOG


def test_age_and_elapsed_time_share_one_check_kind():
    kinds = {r.id: r.check for r in load_rules()}
    assert kinds["temporal.age-birth-year"] == kinds["temporal.elapsed-time"] == "elapsed_time"


def lexicon_with(tmp_path, lang, change):
    root = tmp_path / "rules"
    shutil.copytree(rules_root() / "lexicon", root / "lexicon")
    path = root / "lexicon" / f"{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_lexicon(lang, [root / "lexicon"])


def test_an_unknown_event_kind_is_named(tmp_path):
    with pytest.raises(ConfigError, match="once_events"):
        lexicon_with(tmp_path, "id", lambda d: d["once_events"].update({"wedding": ["menikah"]}))


def test_a_newsroom_adds_a_role_without_python(tmp_path):
    lex = lexicon_with(tmp_path, "id", lambda d: d["roles"].update({"speaker": ["Ketua DPR"]}))
    text = "Ketua DPR Puan Maharani membuka sidang."
    titles = TitleExtractor(lex).extract(text, [(0, len(text))])
    assert [(t.role, t.name) for t in titles] == [("speaker", "Puan Maharani")]
