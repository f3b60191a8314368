"""quantity.total-vs-parts: parts that add up to more, or to other, than the total they are said to make."""
import datetime as dt

import pytest

from conftest import findings, rule_ids

PUBLISHED = dt.date(2025, 10, 20)


@pytest.mark.parametrize("text,fires", [
    ("Kecelakaan itu menimbulkan 10 korban: 6 tewas dan 4 luka-luka.", False),
    ("Kecelakaan itu menimbulkan 10 korban: 6 tewas dan 3 luka-luka.", True),
    ("Sebanyak 10 orang menjadi korban, di antaranya 6 tewas.", False),  # some of the total
    ("Sebanyak 10 orang menjadi korban, di antaranya 12 tewas.", True),
])
def test_totals_and_parts(checker, text, fires):
    assert bool(findings(checker, text, rule="quantity.total-vs-parts")) == fires


@pytest.mark.parametrize("text", [
    "Salah satu desa yang terdampak, yaitu Sukamaju, 60 persennya terendam.",  # one thing, named
    "Pemerintah membentuk satu badan baru, yakni Badan Pangan dan Gizi.",
    "Longsor itu menewaskan empat korban meninggal, terdiri dari satu anak perempuan. Tiga lainnya dewasa.",
    "Asrama itu punya 3 gedung yang terdiri dari 120 kamar.",  # what the buildings hold, not the buildings
    ("Ia mengumpulkan total Rp 120 juta, termasuk Rp 30 juta dari tabungannya sendiri, dibandingkan pesaingnya "
     "yang mengumpulkan Rp 410 juta."),  # the second figure is another person's
    "Harga tiket VIP: Rp2,5 jutaReguler (berdiri): Rp450 ribu.",  # a price list run together
])
def test_figures_that_are_no_parts_of_the_total(checker, text):
    assert rule_ids(checker, text, PUBLISHED, rule="quantity") == []


@pytest.mark.parametrize("rate,amount,lang", [
    ("The bank earned $2.10 a share, including a $5 million gain from a sale.",
     "The bank earned $20 million, including a $25 million gain from a sale.", "en"),
    ("Laba bersih perseroan Rp 150 per saham, termasuk Rp 2 miliar dari penjualan aset.",
     "Laba bersih perseroan Rp 150 juta, termasuk Rp 2 miliar dari penjualan aset.", "id"),
])
def test_a_rate_is_no_total_of_amounts(checker, rate, amount, lang):
    assert rule_ids(checker, rate, PUBLISHED, lang, rule="quantity") == []
    assert rule_ids(checker, amount, PUBLISHED, lang, rule="quantity") == ["quantity.total-vs-parts"]


@pytest.mark.parametrize("text", [
    "Kecelakaan itu menimbulkan 10 korban: 6 tewas dan 5 luka-luka.",
    "Ia mengumpulkan total Rp 120 juta, termasuk Rp 30 juta dan Rp 410 juta.",
])
def test_parts_that_do_not_add_up_are_still_reported(checker, text):
    assert rule_ids(checker, text, PUBLISHED, rule="quantity") == ["quantity.total-vs-parts"]
