"""Lengths of time (TimeML DURATION, and DATE for a length back from publication) and sets (SET), in
Indonesian and English, with their TimeML values and spans."""
import datetime as dt

import pytest

from conftest import SEED
from factcheck import find_times
from factcheck.extract.durations import DurationExtractor, timeml_length, timeml_shifted
from factcheck.extract.openings import Openings
from factcheck.extract.sets import SetExtractor
from factcheck.lexicon import load_lexicon
from factcheck.models import TimeExpr
from factcheck.text import span

PUBLISHED = dt.date(2021, 12, 5)
DURATIONS = {lang: DurationExtractor(load_lexicon(lang)) for lang in ("id", "en")}
SETS = {lang: SetExtractor(load_lexicon(lang), Openings()) for lang in ("id", "en")}


def lengths(lang: str, text: str, timex: bool = True):
    return DURATIONS[lang].extract(text, [(0, len(text))], [], PUBLISHED, timex=timex)


def tagged(lang: str, text: str) -> list[tuple[str, str, str]]:
    """What TimeML would tag: (text, type, value) of each length that has a TimeML value."""
    return [((d.timeml_span or d.span).text, d.type, d.timeml) for d in lengths(lang, text) if d.timeml]


def sets(lang: str, text: str) -> list[tuple[str, str | None]]:
    return [(t.span.text, t.timeml) for t in SETS[lang].extract(text, [(0, len(text))])]


@pytest.mark.parametrize("lang,text,expected", [
    ("id", "Ia dipenjara tiga tahun karena korupsi.", ("tiga tahun", "DURATION", "P3Y")),
    ("id", "Layanan itu buka 24 jam di kota kami.", ("24 jam", "DURATION", "PT24H")),
    ("id", "Rapat berlangsung selama sebulan penuh.", ("sebulan", "DURATION", "P1M")),
    ("id", "Antrean hanya setengah jam pagi tadi.", ("setengah jam", "DURATION", "PT30M")),
    ("id", "Proyek jalan itu butuh satu setengah tahun.", ("satu setengah tahun", "DURATION", "P1Y6M")),
    ("id", "Harga naik dalam lima tahun terakhir.", ("lima tahun terakhir", "DURATION", "P5Y")),
    ("id", "Mereka menunggu beberapa bulan untuk izin.", ("beberapa bulan", "DURATION", "PXM")),
    ("id", "Sengketa itu berlangsung bertahun-tahun di pengadilan.", ("bertahun-tahun", "DURATION", "PXY")),
    ("id", "Bangunan itu berdiri dua dekade tanpa renovasi.", ("dua dekade", "DURATION", "P20Y")),
    ("id", "Selama dua pekan jalan ditutup.", ("dua pekan", "DURATION", "P2W")),
    ("en", "She served five years on the board.", ("five years", "DURATION", "P5Y")),
    ("en", "He signed a two-year contract.", ("two-year", "DURATION", "P2Y")),
    ("en", "The site stayed closed for a decade after the fire.", ("a decade", "DURATION", "P10Y")),
    ("en", "Sales fell in the past three years.", ("the past three years", "DURATION", "P3Y")),
    ("en", "The talks took several months.", ("several months", "DURATION", "PXM")),
    ("en", "The vote lasted an hour and a half.", ("an hour and a half", "DURATION", "PT1H30M")),
    ("en", "The bridge took 2 1/2 years to build.", ("2 1/2 years", "DURATION", "P2Y6M")),
    ("en", "The strike could go on two more weeks.", ("two more weeks", "DURATION", "P2W")),
    ("en", "Prices have risen in recent years.", ("recent years", "DURATION", "PXY")),
    ("en", "Workers waited for years.", ("years", "DURATION", "PXY")),
    ("en", "They ended a decades-long feud.", ("decades-long", "DURATION", "PXE")),
    ("en", "A week-long strike closed the port.", ("week-long", "DURATION", "P1W")),
    ("en", "Net income rose in the fiscal year ended June 30.", ("the fiscal year", "DURATION", "P1Y")),
])
def test_a_length_has_its_timeml_value_and_span(lang, text, expected):
    assert tagged(lang, text) == [expected]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The plant closed three years ago.", ("three years ago", "DATE", "2018")),
    ("en", "The plant closed two weeks ago.", ("two weeks ago", "DATE", "2021-W46")),
    ("en", "The plant closed 10 days ago.", ("10 days ago", "DATE", "2021-11-25")),
    ("en", "The plant closed a year ago.", ("a year ago", "DATE", "2020")),
    ("en", "The plant closed several years ago.", ("several years ago", "DATE", "PAST_REF")),
    ("id", "Pabrik itu tutup tiga tahun lalu.", ("tiga tahun lalu", "DATE", "2018")),
    ("id", "Pabrik itu tutup sepekan lalu.", ("sepekan lalu", "DATE", "2021-W47")),
    ("id", "Pabrik itu tutup lima bulan silam.", ("lima bulan silam", "DATE", "2021-07")),
    ("id", "Jembatan itu selesai dua tahun lagi.", ("dua tahun lagi", "DATE", "2023")),
])
def test_a_length_from_publication_is_a_date(lang, text, expected):
    assert tagged(lang, text) == [expected]


@pytest.mark.parametrize("lang,text", [
    ("id", "UU Nomor 10 Tahun 2009 tentang kepariwisataan."),  # a law's number, not ten years
    ("id", "Kegiatan sehari-hari warga terganggu."),
    ("en", "The shares were worth about three-quarters of that."),  # a fraction
    ("en", "In the days before the vote, few spoke."),
    ("en", "It costs $5 a day to park there."),  # a rate: a set, not a length
    ("en", "The party rallies twice a year."),
])
def test_what_is_no_length(lang, text):
    assert tagged(lang, text) == []


def test_an_age_and_an_anniversary_have_no_timeml_value():
    found = lengths("id", "Ia kini berusia 79 tahun dan merayakan HUT ke-76 RI.")
    assert [d.form for d in found] == ["age", "anniversary"]
    assert all(d.timeml is None for d in found)


def test_the_checker_sees_no_length_only_timeml_wants():
    text = "Sidang berlangsung tiga jam. Pabrik tutup tiga tahun lalu dan selama dua tahun kosong."
    checked = lengths("id", text, timex=False)
    assert [(d.form, d.span.text) for d in checked] == [("ago", "tiga tahun lalu"), ("length", "selama dua tahun")]
    assert [d for d in lengths("id", text) if d.form != "timex"] == checked
    assert [d.span.text for d in lengths("id", text) if d.form == "timex"] == ["tiga jam"]


@pytest.mark.parametrize("value,unit,expected", [
    (3, "year", "P3Y"), (1.5, "year", "P1Y6M"), (0.5, "hour", "PT30M"), (5.5, "hour", "PT5H30M"),
    (1.5, "day", "P1DT12H"), (1.5, "month", "P1.5M"), (2, "decade", "P20Y"), (1, "century", "P100Y"),
    (None, "month", "PXM"), (None, "hour", "PTXH"), (None, "decade", "PXE"), (2, "quarter", "P2Q"),
])
def test_timeml_length(value, unit, expected):
    assert timeml_length(value, unit) == expected


@pytest.mark.parametrize("value,unit,published,direction,expected", [
    (3, "year", PUBLISHED, -1, "2018"), (2, "week", PUBLISHED, -1, "2021-W46"),
    (1, "quarter", PUBLISHED, -1, "2021-Q3"),
    (13, "month", PUBLISHED, -1, "2020-11"), (2, "month", PUBLISHED, 1, "2022-02"), (3, "year", None, -1, "PAST_REF"),
    (None, "year", PUBLISHED, 1, "FUTURE_REF"), (1.5, "year", PUBLISHED, -1, "PAST_REF"),
    (3000, "year", PUBLISHED, -1, "PAST_REF"),  # before year 1: no TimeML year
])
def test_timeml_shifted(value, unit, published, direction, expected):
    assert timeml_shifted(value, unit, published, direction) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("id", "Pasar digelar setiap Senin pagi.", [("setiap Senin", "XXXX-WXX-1")]),
    ("id", "Pasar digelar setiap Minggu di alun-alun.", [("setiap Minggu", "XXXX-WXX-7")]),
    ("id", "Razia digelar setiap hari Rabu.", [("setiap hari Rabu", "XXXX-WXX-3")]),
    ("id", "Razia digelar setiap hari di jalan itu.", [("setiap hari", "P1D")]),
    ("id", "Laporan disusun setiap minggu oleh staf.", [("setiap minggu", "P1W")]),
    ("id", "Festival itu diadakan tiap tahun di pantai.", [("tiap tahun", "P1Y")]),
    ("id", "Obat diminum dua kali seminggu.", [("dua kali seminggu", "P1W")]),
    ("id", "Ia bekerja 10 jam sehari.", [("sehari", "P1D")]),
    ("id", "Sewa alat itu Rp 1 juta per hari.", [("per hari", "P1D")]),
    ("id", "Data per tahun 2020 menunjukkan kenaikan.", []),  # "as of 2020"
    ("id", "Kami bertemu setahun lalu.", []),
    ("en", "The club meets every Monday.", [("every Monday", "XXXX-WXX-1")]),
    ("en", "The fair is held every year and the fees are paid annually.", [("every year", "P1Y"), ("annually", "P1Y")]),
    ("en", "The newsletter comes out weekly, the bulletin daily.", [("weekly", "P1W"), ("daily", "P1D")]),
    ("en", "Inspections happen every two weeks.", [("every two weeks", "P2W")]),
    ("en", "The census is taken every decade.", [("every decade", "P10Y")]),
    ("en", "Sales came to 40 units a decade ago.", []),
    ("en", "The harvest festival falls every January.", [("every January", "XXXX-01")]),
    ("en", "The board meets twice a year.", [("twice a year", "P1Y")]),
    ("en", "Parking costs $5 a day.", [("a day", "P1D")]),
    ("en", "He was jailed for a year.", []),
    ("en", "Profits rose 5% from a year ago.", []),
])
def test_a_set_has_its_timeml_value(lang, text, expected):
    assert sets(lang, text) == expected


@pytest.mark.parametrize("lang", ["id", "en"])
def test_timex_patterns_opened_at_their_words_find_what_a_full_scan_finds(lang):
    text = SEED.read_text(encoding="utf-8") + " ".join([
        "tiga tahun, Setahun lalu, setengah jam, 2 1/2 years, the past three years, a couple of years,",
        "Every Monday, setiap Minggu, twice a year, dua kali seminggu, Rp 5 juta per hari, $5 a day, daily."])
    lex = load_lexicon(lang)
    openings = Openings()
    SetExtractor(lex, openings)
    for opened in [*DURATIONS[lang].timex_openings.registered, *openings.registered]:
        assert opened.slot >= 0
        fast = [(m.span(), m.groupdict()) for m in opened.finditer(text, 0, len(text))]
        full = [(m.span(), m.groupdict()) for m in opened.pattern.finditer(text, 0, len(text))]
        assert fast == full, opened.pattern.pattern[:120]


def test_a_length_holding_a_time_whole_is_read_and_one_inside_a_time_is_not():
    ex, text = DURATIONS["en"], "Sales rose in the past three years, and a year earlier."
    past, earlier = text.index("the past"), text.index("a year earlier")
    times = [TimeExpr(span=span(text, past, past + 8)), TimeExpr(span=span(text, earlier, len(text) - 1))]
    found = ex.extract(text, [(0, len(text))], times, PUBLISHED, timex=True)
    assert [d.span.text for d in found] == ["the past three years"]


def test_find_times_gives_lengths_and_sets():
    found = find_times("Rapat digelar setiap Senin selama tiga tahun, sejak tiga tahun lalu.", published=PUBLISHED,
                       lang="id")
    assert [(m.text, m.type, m.value) for m in found] == [
        ("setiap Senin", "SET", "XXXX-WXX-1"), ("tiga tahun", "DURATION", "P3Y"), ("tiga tahun lalu", "DATE", "2018")]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Revenue climbed to $80 million, up from $65 million a year ago.", ("a year ago", "DATE", "2020")),
    ("en", "Orders grew 12% from a year ago on strong exports.", ("a year ago", "DATE", "2020")),
    ("en", "The bank lent $4 million, against $9 million a year ago.", ("a year ago", "DATE", "2020")),
    ("id", "Pendapatan naik dari Rp 3 miliar setahun lalu menjadi Rp 4 miliar.", ("setahun lalu", "DATE", "2020")),
    ("id", "Ekspor tumbuh 8% dibanding setahun lalu.", ("setahun lalu", "DATE", "2020")),
])
def test_a_length_back_after_a_figure_is_a_date_not_a_rate(lang, text, expected):
    assert tagged(lang, text) == [expected]


@pytest.mark.parametrize("lang,text", [
    ("en", "Parking near the stadium costs $7 a day."),
    ("id", "Sewa kios itu Rp 2 juta sehari."),
    ("id", "Pasien minum obat tiga kali sehari lalu tidur."),  # "lalu" is "then": a rate, no date
])
def test_a_rate_after_a_figure_stays_no_date(lang, text):
    assert tagged(lang, text) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Second-quarter profit fell to $3 million from $5 million a year ago.", "2020-Q2"),
    ("en", "The firm sold 900 cars in the quarter. That compares with 700 cars a year ago.", "2020-Q3"),
    ("id", "Laba kuartal II turun menjadi Rp 3 miliar dari Rp 5 miliar setahun lalu.", "2020-Q2"),
    ("en", "The firm sold 900 cars in March, against 700 cars a year ago.", "2020"),  # no quarter: the year
])
def test_a_year_ago_after_a_quarter_is_that_quarter_a_year_before(lang, text, expected):
    found = find_times(text, published=PUBLISHED, lang=lang)
    assert [m.value for m in found if m.text in ("a year ago", "setahun lalu")] == [expected]

