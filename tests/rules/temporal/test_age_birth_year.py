"""temporal.age-birth-year: a person's age against their year of birth."""
import datetime as dt

import pytest

from conftest import findings

D = dt.date


@pytest.mark.parametrize("text,published,rule_fires", [
    ("Andi Wijaya (79) lahir pada 1942.", D(2021, 12, 5), False),  # 78 or 79 in late 2021
    ("Andi Wijaya (77) lahir pada 1942.", D(2021, 12, 5), True),
    ("Andi Wijaya lahir pada 1942. Ia wafat pada usia 77 tahun.", D(2021, 12, 5), False),  # no date of death
])
def test_age_against_birth_year(checker, text, published, rule_fires):
    assert bool(findings(checker, text, published, rule="temporal.age-birth-year")) == rule_fires
