"""quantity.percent-sum: shares that add up to more than the whole, or a share its figures contradict."""
import pytest

from conftest import findings


@pytest.mark.parametrize("text,fires", [
    ("Sebanyak 194,4 juta dari 285,1 juta (68,2 persen) penduduk divaksin.", False),  # within rounding
    ("Sebanyak 194,4 juta dari 285,1 juta (62,8 persen) penduduk divaksin.", True),
    ("Andi meraih 55 persen suara dan Budi 45 persen.", False),
    ("Andi meraih 60 persen suara dan Budi 45 persen.", True),
])
def test_percentages(checker, text, fires):
    assert bool(findings(checker, text, rule="quantity.percent-sum")) == fires
