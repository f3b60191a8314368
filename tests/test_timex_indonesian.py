"""Issue 12, Indonesian recall and values: the classes of time expressions Indonesian news writes that
`find_times` must read (recent and coming times, a date with its part of the day, a clock with its zone,
the first month of a span of months, `akhir pekan ini`, `setiap tahunnya`), each with a form that must
not be read."""
from __future__ import annotations

import pytest

from factcheck import find_times

PUB = "2021-12-08"  # a Wednesday


def found(text: str, published: str = PUB) -> dict[str, tuple[str, str | None]]:
    """Each expression's text -> (TimeML type, value)."""
    return {t.text: (t.type, t.value) for t in find_times(text, published=published, lang="id")}


@pytest.mark.parametrize("text,expected", [
    # now, lately, a while ago, soon: no interval of their own
    ("Belakangan ini harga cabai terus naik.", ("Belakangan ini", "DATE", "PRESENT_REF")),
    ("Akhir-akhir ini jalan itu sering macet.", ("Akhir-akhir ini", "DATE", "PRESENT_REF")),
    ("Hari-hari ini pasar sepi pembeli.", ("Hari-hari ini", "DATE", "PRESENT_REF")),
    ("Baru-baru ini warga menanam pohon.", ("Baru-baru ini", "DATE", "PAST_REF")),
    ("Beberapa waktu lalu jembatan itu rusak.", ("Beberapa waktu lalu", "DATE", "PAST_REF")),
    ("Gedung itu dibangun beberapa waktu yang lalu.", ("beberapa waktu yang lalu", "DATE", "PAST_REF")),
    ("Aturan baru terbit dalam waktu dekat.", ("waktu dekat", "DATE", "FUTURE_REF")),
    # a part of today or of a day written before it
    ("Gempa kecil terasa dini hari tadi.", ("dini hari tadi", "TIME", "2021-12-08TNI")),
    ("Tim itu berangkat nanti malam.", ("nanti malam", "TIME", "2021-12-08TNI")),
    ("Kapal itu tiba Senin (6/12) malam di pelabuhan.", ("Senin (6/12) malam", "TIME", "2021-12-06TNI")),
    ("Hujan turun Minggu (5/12/2021) sore di kota itu.", ("Minggu (5/12/2021) sore", "TIME", "2021-12-05TAF")),
    ("Pasar dibuka 7 Desember pagi oleh bupati.", ("7 Desember pagi", "TIME", "2021-12-07TMO")),
    # a clock its zone makes one, the end of a span of hours among them
    ("Listrik padam sekitar 20.30 WIB.", ("20.30 WIB", "TIME", "2021-12-08T20:30")),
    ("Jalan ditutup pukul 09.00-11.00 WIB.", ("11.00 WIB", "TIME", "2021-12-08T11:00")),
    # the weekend of a week said
    ("Konser digelar akhir pekan ini di alun-alun.", ("akhir pekan ini", "DATE", "2021-W49-WE")),
    ("Mereka berkemah akhir pekan depan.", ("akhir pekan depan", "DATE", "2021-W50-WE")),
    # the first month of a span of months takes the year of the last
    ("Penjualan turun pada April-Juni 2020.", ("April", "DATE", "2020-04")),
    ("Subsidi diberikan November hingga Februari 2022.", ("November", "DATE", "2021-11")),
    # this or the last decade or century
    ("Suhu bumi naik pada abad ini.", ("abad ini", "DATE", "20")),
    ("Kota itu makmur pada abad lalu.", ("abad lalu", "DATE", "19")),
    ("Pada dekade ini ekspor naik.", ("dekade ini", "DATE", "202")),
    # a recurring time with its ending
    ("Panen raya berlangsung setiap tahunnya.", ("setiap tahunnya", "SET", "P1Y")),
    ("Sungai itu dibersihkan tiap harinya.", ("tiap harinya", "SET", "P1D")),
])
def test_read(text, expected):
    words, kind, value = expected
    assert found(text).get(words) == (kind, value)


def test_span_end_kept_with_its_start():
    assert found("Penjualan turun pada April-Juni 2020.")["Juni 2020"] == ("DATE", "2020-06")
    assert found("Jalan ditutup pukul 09.00-11.00 WIB.")["pukul 09.00"] == ("TIME", "2021-12-08T09:00")


@pytest.mark.parametrize("text,words", [
    ("Dia belakangan mengaku salah.", "belakangan"),  # later, not a time of its own
    ("Harga emas naik 20.30 persen.", "20.30"),  # a figure, with no zone
    ("Ibu kota Juni tercatat rapi.", "Juni"),  # a month with no span after it
])
def test_not_read(text, words):
    assert words not in found(text)


def test_part_of_day_is_a_word_of_its_own():
    assert found("Rapat Senin (6/12) malamnya batal.")["Senin (6/12)"] == ("DATE", "2021-12-06")


def test_weekend_only_where_the_lexicon_names_one():
    # `late this week` ends a week; only a weekend word (`akhir pekan`) makes it the weekend
    got = {t.text: t.value for t in find_times("The talks end late this week.", published=PUB, lang="en")}
    assert got == {"late this week": "2021-W49"}
    assert found("Kantor tutup awal pekan ini.")["awal pekan ini"] == ("DATE", "2021-W49")


def test_a_count_of_decades_stays_a_length():
    assert found("Selama dua dekade harga naik.")["dua dekade"] == ("DURATION", "P20Y")
