import pathlib

import pytest

from factcheck import Checker

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_0004280dd5a0e338.txt"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def checker() -> Checker:
    return Checker()
