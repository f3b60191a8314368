import os
import pathlib

import pytest
from hypothesis import settings

from factcheck import Checker
from factcheck.checks import load_rules
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
    return Checker(load_rules())


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
