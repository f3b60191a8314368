import datetime as dt
import os
import pathlib

import pytest
from hypothesis import settings

from factcheck import Checker
from factcheck.analysis import Analyser
from factcheck.checks import load_rules
from factcheck.extract import Extractor, Mentions
from factcheck.models import Article, Finding
from factcheck.text import LineIndex

# In CI the property tests replay the same examples every run: a landing must not depend on luck.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_0004280dd5a0e338.txt"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def checker() -> Checker:
    """Every rule, the experimental ones too: the tests hold each rule to its behaviour."""
    return Checker(rules=load_rules())


def assert_exact(file, text):
    """The file has an error naming it, or findings whose evidence is exact against `text` and whose line
    and column agree with the offsets."""
    if file.error:
        assert file.error.startswith(f"{file.path}: ") and not file.findings
        return
    lines = LineIndex(text)
    for finding in file.findings:
        assert finding.message and finding.evidence
        for e in finding.evidence:
            assert text[e.start:e.end] == e.text
            assert (e.line, e.column) == lines.position(e.start)


def findings(checker: Checker, text: str, published: dt.date | None = None, lang: str = "id",
             rule: str | None = None) -> list[Finding]:
    """The findings on `text` of `rule`, a rule id or a category; every finding when None."""
    found = checker.check_text(text, published=published, lang=lang).files[0].findings
    return [f for f in found if rule in (None, f.rule, f.category)]


def rules_of(checker: Checker, text: str, published: dt.date | None = None, lang: str = "id",
             rule: str | None = None) -> list[tuple[str, str]]:
    """(rule, first evidence text) of each finding that findings() selects."""
    return [(f.rule, f.evidence[0].text) for f in findings(checker, text, published, lang, rule)]


def rule_ids(checker: Checker, text: str, published: dt.date | None = None, lang: str = "id",
             rule: str | None = None) -> list[str]:
    """The rule of each finding that findings() selects."""
    return [f.rule for f in findings(checker, text, published, lang, rule)]


def finding(checker: Checker, text: str, published: dt.date | None = None, lang: str = "id",
            rule: str | None = None) -> Finding:
    """The one finding that findings() selects."""
    found = findings(checker, text, published, lang, rule)
    assert len(found) == 1, found
    return found[0]


class CrashingExtractor:
    """An extractor with a bug met on one article only: it raises `error` on an article whose text holds
    `word`, and extracts as `inner` does from the others."""

    def __init__(self, inner: Extractor, word: str, error: Exception):
        self.lex, self.inner, self.word, self.error = inner.lex, inner, word, error

    def extract(self, article: Article) -> Mentions:
        if self.word in article.text:
            raise self.error
        return self.inner.extract(article)


def crash_extraction(monkeypatch: pytest.MonkeyPatch, word: str, error: Exception) -> None:
    """Checkers, and the workers they fork, crash in extraction on an article whose text holds `word`.
    The Analyser hands out a CrashingExtractor: the extractor itself may be compiled (mypyc), and then
    its methods cannot be patched."""
    extractor = Analyser.extractor
    monkeypatch.setattr(Analyser, "extractor",
                        lambda self, lang: CrashingExtractor(extractor(self, lang), word, error))
