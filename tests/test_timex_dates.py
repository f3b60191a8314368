"""Issue 12, DATE and TIME: bare weekdays and months, now and then, offsets, parts of a year, decades,
clock times and parts of a day, each with its interval and its TimeML value, in Indonesian and English."""
from __future__ import annotations

import datetime as dt

import pytest

from factcheck import Checker
from factcheck.calendar import timeml_value
from factcheck.extract.times import TimeExtractor
from factcheck.lexicon import load_lexicon

D = dt.date
PUB = D(2021, 12, 5)  # a Sunday


@pytest.fixture(scope="module")
def ex():
    return {lang: TimeExtractor(load_lexicon(lang)) for lang in ("id", "en")}


def times(ex, lang, text, published=PUB):
    out = ex[lang].extract(text, [(0, len(text))], published)
    for t in out:
        assert text[t.span.start:t.span.end] == t.span.text
    return out


def found(ex, lang, text, published=PUB) -> dict[str, tuple]:
    """Each expression's text -> (type, TimeML value, lo, hi)."""
    return {t.span.text: (t.type, t.timeml, t.lo, t.hi) for t in times(ex, lang, text, published)}


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The minister said Friday that talks went well.", ("Friday", "2021-12-03")),
    ("en", "Friday's vote was close.", ("Friday", "2021-12-03")),
    ("en", "The board will meet Tuesday to vote.", ("Tuesday", "2021-12-07")),
    ("id", "Menteri itu berbicara pada Selasa di Jakarta.", ("Selasa", "2021-11-30")),
    ("id", "Rapat akan digelar pada Kamis di Bandung.", ("Kamis", "2021-12-09")),
    ("en", "The sale closed on Sunday.", ("Sunday", "2021-12-05")),  # the publication day itself
])
def test_bare_weekday_is_the_nearest_such_day(ex, lang, text, expected):
    word, value = expected
    t = next(t for t in times(ex, lang, text) if t.span.text == word)
    assert (t.type, t.timeml, t.lo, t.weekday, t.relative) == \
        ("DATE", value, D.fromisoformat(value), t.lo.weekday(), True)


def test_weekday_with_a_part_of_day_is_a_time(ex):
    assert found(ex, "en", "Shots were heard Thursday morning.")["Thursday morning"][:2] == ("TIME", "2021-12-02TMO")
    assert found(ex, "id", "Ledakan terdengar Rabu malam di pelabuhan.")["Rabu malam"][:2] == ("TIME", "2021-12-01TNI")


def test_weekday_abbreviations_and_compounds_are_not_bare_weekdays(ex):
    assert found(ex, "en", "The Sun reported that sales rose.") == {}
    assert "Jumat" not in found(ex, "id", "Salat Jumat-an itu ramai.")
    assert found(ex, "id", "Kantor itu buka Senin-Jumat.") == {}  # a span of weekdays, each week


@pytest.mark.parametrize("lang,text,word,value", [
    ("en", "Prices rose in August and fell later.", "August", "2021-08"),
    ("en", "Output slowed in early December last time.", "early December", "2021-12"),
    ("en", "The plant closed last May after a fire.", "last May", "2021-05"),
    ("en", "The deal is due to close in January.", "January", "2022-01"),  # a few months ahead
    ("en", "It was signed in February this year.", "February this year", "2021-02"),
    ("id", "Harga naik pada Agustus karena cuaca.", "Agustus", "2021-08"),
    ("id", "Pabrik itu ditutup bulan Maret lalu.", "bulan Maret lalu", "2021-03"),
    ("id", "Proyek itu dimulai April tahun depan.", "April tahun depan", "2022-04"),
    ("id", "Pameran itu dibuka awal Desember.", "awal Desember", "2021-12"),
])
def test_month_without_a_year(ex, lang, text, word, value):
    kind, timeml, lo, _hi = found(ex, lang, text)[word]
    assert (kind, timeml, lo.strftime("%Y-%m")) == ("DATE", value, value)


def test_a_month_name_alone_is_not_taken(ex):
    assert found(ex, "en", "June said May was late.") == {}
    assert found(ex, "id", "Agustus membeli rumah itu.") == {}


@pytest.mark.parametrize("lang,text,word,value", [
    ("id", "Harga beras kini lebih mahal.", "kini", "PRESENT_REF"),
    ("id", "Saat ini ada 40 pasien dirawat.", "Saat ini", "PRESENT_REF"),
    ("id", "Saat itu ia masih mahasiswa.", "Saat itu", "PAST_REF"),
    ("id", "Kota itu ingin menjadi pusat dagang di masa depan.", "masa depan", "FUTURE_REF"),
    ("en", "The firm now employs 300 people.", "now", "PRESENT_REF"),
    ("en", "Such deals were rare in the past.", "the past", "PAST_REF"),
    ("en", "Rates may rise in the future.", "the future", "FUTURE_REF"),
])
def test_now_and_then(ex, lang, text, word, value):
    assert found(ex, lang, text)[word] == ("DATE", value, None, None)


def test_the_past_three_years_is_a_length_not_the_past(ex):
    assert "the past" not in found(ex, "en", "Sales grew over the past three years.")
    assert "the past" not in found(ex, "en", "Polls over the past 12 months moved.")


@pytest.mark.parametrize("lang,text,word,value", [
    ("id", "Ia tiba pada 3 Maret 2020. Sebulan kemudian ia pulang.", "Sebulan kemudian", "2020-04"),
    ("id", "Gempa terjadi pada 10 Mei 2019. Dua hari kemudian listrik pulih.", "Dua hari kemudian", "2019-05-12"),
    ("en", "Profit rose in the third quarter of 2020, from a loss a year earlier.", "a year earlier", "2019-Q3"),
    ("en", "He arrived on March 3, 2020, and left the next day.", "the next day", "2020-03-04"),
    ("en", "Two weeks later the plant reopened.", "Two weeks later", "2021-W50"),  # from publication
])
def test_offsets_count_from_the_time_before(ex, lang, text, word, value):
    assert found(ex, lang, text)[word][1] == value


def test_an_offset_finer_than_its_anchor_is_not_guessed(ex):
    assert "Two days later" not in found(ex, "en", "It opened in 1987. Two days later it closed.")
    assert found(ex, "en", "She moved in June 2019 and left later that year.")["that year"][1] == "2019"
    assert found(ex, "id", "Ia tiba pada Maret 2019. Pada tahun itu ia menikah.")["tahun itu"][1] == "2019"
    assert "that year" not in found(ex, "en", "The law passed that year.")  # no time before it


@pytest.mark.parametrize("lang,text,word,value", [
    ("en", "Profit fell in the third quarter.", "the third quarter", "2021-Q3"),
    ("en", "Third-quarter sales rose.", "Third-quarter", "2021-Q3"),
    ("en", "Sales in the quarter rose 5%.", "the quarter", "2021-Q3"),
    ("en", "Profit rose in the first half of 2019.", "the first half of 2019", "2019-H1"),
    ("en", "In the 2018 second quarter, it lost money.", "the 2018 second quarter", "2018-Q2"),
    ("en", "The company earned $3 million in fiscal 2019.", "fiscal 2019", "2019"),
    ("id", "Laba naik pada kuartal I.", "kuartal I", "2021-Q1"),
    ("id", "Laba turun pada triwulan pertama 2018.", "triwulan pertama 2018", "2018-Q1"),
    ("id", "Penjualan naik pada semester II.", "semester II", "2021-H2"),
    ("id", "Ekspor melambat pada triwulan II/2019.", "triwulan II/2019", "2019-Q2"),
    ("id", "Penjualan naik pada kuartal lalu.", "kuartal lalu", "2021-Q3"),
])
def test_quarters_halves_and_fiscal_years(ex, lang, text, word, value):
    assert found(ex, lang, text)[word][1] == value


@pytest.mark.parametrize("lang,text,word,value,lo,hi", [
    ("en", "Disco peaked in the 1970s.", "the 1970s", "197", D(1970, 1, 1), D(1979, 12, 31)),
    ("en", "It was built in the late 1970s.", "the late 1970s", "197", D(1976, 1, 1), D(1979, 12, 31)),
    ("en", "Growth slowed in the mid-1990s.", "the mid-1990s", "199", D(1993, 1, 1), D(1996, 12, 31)),
    ("id", "Musik itu populer pada 1970-an.", "1970-an", "197", D(1970, 1, 1), D(1979, 12, 31)),
    ("id", "Kota itu tumbuh pada tahun 1980-an.", "tahun 1980-an", "198", D(1980, 1, 1), D(1989, 12, 31)),
])
def test_decades_are_ten_years(ex, lang, text, word, value, lo, hi):
    assert found(ex, lang, text)[word] == ("DATE", value, lo, hi)


@pytest.mark.parametrize("lang,text,word,value", [
    ("en", "The plant closed over the weekend.", "the weekend", "2021-W48-WE"),
    ("id", "Warga berlibur pada akhir pekan.", "akhir pekan", "2021-W48-WE"),
    ("en", "Sales slowed last summer.", "last summer", "2021-SU"),
    ("en", "The mill closed in the winter of 1994.", "the winter of 1994", "1994-WI"),
    ("en", "The law dates from the 19th century.", "the 19th century", "18"),
    ("id", "Benteng itu dibangun pada abad ke-17.", "abad ke-17", "16"),
    ("id", "Kota itu tumbuh pesat pada abad XXI.", "abad XXI", "20"),
    ("en", "The bombing in nineteen ninety-six shocked the city.", "nineteen ninety-six", "1996"),
    ("en", "Growth was slow in recent years.", "recent years", "PAST_REF"),
])
def test_weekends_seasons_centuries_and_years_said_aloud(ex, lang, text, word, value):
    assert found(ex, lang, text)[word][1] == value


def test_summer_alone_and_for_now_are_not_times(ex):
    assert found(ex, "en", "Summer is hot here, and the fall of the regime was swift.") == {}
    assert found(ex, "en", "The plan holds for now.") == {}


def test_a_yearless_date_is_read_in_the_nearest_year(ex):
    # 15 December is 41 days after publication; 2 January 58 days: both this coming season
    got = found(ex, "en", "The dividend is payable Jan. 2 to holders of record Dec. 15.", D(2021, 11, 4))
    assert got["Jan. 2"][1] == "2022-01-02" and got["Dec. 15"][1] == "2021-12-15"
    # further ahead than a few months, only with a planning cue: `the year ended March 31` is past
    assert found(ex, "en", "Revenue rose in the year ended March 31.", D(2021, 11, 4))["March 31"][1] == "2021-03-31"
    assert found(ex, "en", "The plant will reopen June 1.", D(2021, 11, 4))["June 1"][1] == "2022-06-01"


@pytest.mark.parametrize("lang,text,word,value", [
    ("id", "Acara dimulai pukul 19.00 WIB di alun-alun.", "pukul 19.00 WIB", "2021-12-05T19:00"),
    ("id", "Pada Jumat (3/12/2021) pukul 08.30, jalan ditutup.", "pukul 08.30", "2021-12-03T08:30"),
    ("en", "The vote ends at 3 p.m. EST.", "3 p.m. EST", "2021-12-05T15:00"),
    ("en", "The doors open at 19:00 sharp.", "19:00", "2021-12-05T19:00"),
    ("id", "Kebakaran terjadi tadi malam di pasar.", "tadi malam", "2021-12-04TNI"),
    ("id", "Hujan turun malam ini di Bogor.", "malam ini", "2021-12-05TNI"),
    ("en", "The storm hit this morning.", "this morning", "2021-12-05TMO"),
    ("en", "Fans will gather tonight.", "tonight", "2021-12-05TNI"),
])
def test_times_of_day(ex, lang, text, word, value):
    kind, timeml, *_ = found(ex, lang, text)[word]
    assert (kind, timeml) == ("TIME", value)


def test_without_a_publication_date_the_year_is_unknown(ex):
    got = found(ex, "en", "The board met on Friday and will vote in December.", None)
    assert got["Friday"] == ("DATE", "XXXX-WXX-5", None, None)
    assert got["December"] == ("DATE", "XXXX-12", None, None)
    assert found(ex, "en", "It paid on Dec. 15.", None)["Dec. 15"][1] == "XXXX-12-15"


def test_a_case_number_is_no_clock_time(ex):
    assert found(ex, "en", "The case is Smith v. Jones, 4:16-cv-00106.") == {}


def test_a_clock_time_gives_no_days(ex):
    """A figure's sentence is not dated by a clock time (its days are those of the date it follows)."""
    t = next(t for t in times(ex, "id", "Pukul 10.00 harga naik.") if t.type == "TIME")
    assert t.lo is None and t.hi is None


@pytest.mark.parametrize("lang,text,word,value", [
    ("id", "Rapat itu digelar Senin (6/12/2021).", "Senin (6/12/2021)", "2021-12-06"),
    ("id", "Harga naik pada Maret 2020.", "Maret 2020", "2020-03"),
    ("id", "Proyek selesai akhir 2020.", "akhir 2020", "2020"),
    ("id", "Laba naik pada kuartal III 2024.", "kuartal III 2024", "2024-Q3"),
    ("en", "Prices fell last week.", "last week", "2021-W47"),
    ("en", "Prices fell in mid-2021.", "mid-2021", "2021"),
    ("en", "The law passed in 2015.", "in 2015", "2015"),
])
def test_every_existing_form_carries_its_value(ex, lang, text, word, value):
    assert found(ex, lang, text)[word][1] == value


def test_bare_years_after_a_word_that_makes_them_years(ex):
    got = found(ex, "en", "Attacks rose between 1994 and 1997, after the 1996 Olympics.")
    assert {k: v[1] for k, v in got.items()} == {"1994": "1994", "1997": "1997", "1996": "1996"}
    assert found(ex, "id", "Antara 1500 dan 2000 orang hadir.") == {}  # counts of people
    assert all(t.year_source == "bare" for t in times(ex, "en", "the 1996 Olympics"))


def test_timeml_values_of_intervals():
    assert timeml_value(D(2021, 12, 6), D(2021, 12, 12), "week") == "2021-W49"
    assert timeml_value(D(2021, 4, 1), D(2021, 6, 30), "quarter") == "2021-Q2"
    assert timeml_value(D(2021, 7, 1), D(2021, 12, 31), "half") == "2021-H2"
    assert timeml_value(D(1900, 1, 1), D(1999, 12, 31), "century") == "19"
    assert timeml_value(D(2021, 3, 1), D(2021, 3, 3), "day") is None  # a span of days is no one date


@pytest.mark.parametrize("lang,text", [
    # a plan for a bare year that has passed may be a thing's name ("the 2010 target"), not its date
    ("en", "The firms are expected to meet the 2010 target for emissions."),
    # a bare weekday is placed, not stated: it cannot contradict a date elsewhere
    ("en", "The summit opened on Tuesday. Leaders met. The summit opened on Dec. 1, 2021."),
    # an offset counts from the time before it, not from publication
    ("en", "Sales rose in the third quarter of 2020, from a year earlier, Dec. 1, 2020."),
])
def test_new_expressions_raise_no_finding(lang, text):
    assert Checker().check_text(text, published=PUB, lang=lang).files[0].findings == ()


def test_a_weekday_written_before_its_date_without_a_comma_is_checked():
    """`Rabu 11 September 2025` states a weekday of its own, which weekday-mismatch checks."""
    def rules(text):
        report = Checker().check_text(text, published=D(2025, 9, 10), lang="id")
        return [f.rule for f in report.files[0].findings]
    assert rules("Film itu tayang malam ini, Rabu 11 September 2025, di televisi.") == ["temporal.weekday-mismatch"]
    assert rules("Film itu tayang malam ini, Rabu 10 September 2025, di televisi.") == []


# --- issue 12, second pass: parts of a year said with their year, clock times with their day, cues
# read past a clock time, the near future, the current period, years of the 1800s

@pytest.mark.parametrize("lang,text,word,value", [
    ("en", "Sales for this year's third quarter rose.", "this year's third quarter", "2021-Q3"),
    ("en", "Next year's first quarter looks weak.", "Next year's first quarter", "2022-Q1"),
    ("en", "Last year's second half was slow.", "Last year's second half", "2020-H2"),
    ("id", "Laba kuartal I tahun depan diperkirakan naik.", "kuartal I tahun depan", "2022-Q1"),
    ("id", "Penjualan kuartal III tahun lalu turun.", "kuartal III tahun lalu", "2020-Q3"),
    ("id", "Laba semester II tahun ini naik.", "semester II tahun ini", "2021-H2"),
    ("en", "It earned less in the year-ago third quarter.", "the year-ago third quarter", "2020-Q3"),
])
def test_a_part_of_a_year_said_with_its_year(ex, lang, text, word, value):
    assert found(ex, lang, text)[word][1] == value


def test_a_year_apart_from_a_part_is_its_own_time(ex):
    got = found(ex, "en", "This year, the third quarter was weak.")
    assert got["This year"][1] == "2021" and got["the third quarter"][1] == "2021-Q3"
    got = found(ex, "id", "Kuartal II, tahun lalu, laba turun.")
    assert "tahun lalu" in got and not any(k.startswith("Kuartal II ") for k in got)


@pytest.mark.parametrize("lang,text,word,value", [
    ("en", "The vote will close at 5 p.m. Tuesday.", "5 p.m. Tuesday", "2021-12-07T17:00"),
    ("en", "Bids are due by 5 p.m. EST, Dec. 9.", "5 p.m. EST, Dec. 9", "2021-12-09T17:00"),
    ("id", "Rapat akan dimulai pukul 10.00 WIB pada Senin.", "pukul 10.00 WIB pada Senin", "2021-12-06T10:00"),
])
def test_a_clock_time_and_its_day_are_one_time(ex, lang, text, word, value):
    got = times(ex, lang, text)
    clock = next(t for t in got if t.span.text == word)
    assert (clock.type, clock.timeml, clock.lo) == ("TIME", value, None)  # still no days of its own
    day = next(t for t in got if t.type == "DATE")  # the day is still a date for the checks
    assert day.lo == day.hi and day.lo.isoformat() == value[:10]


def test_a_clock_time_and_a_day_further_on_stay_apart(ex):
    got = found(ex, "en", "The shop opens at 5 p.m. and on Tuesday it closes.")
    assert got["5 p.m."][1] == "2021-12-05T17:00" and got["Tuesday"][1] == "2021-11-30"
    assert "5 p.m." in found(ex, "en", "Doors open at 5 p.m.\nTuesday is free.")  # a line of its own


def test_a_planning_cue_reaches_past_a_clock_time_but_not_past_a_sentence(ex):
    assert found(ex, "en", "The vote will close at 5 p.m. EST Tuesday.")["Tuesday"][1] == "2021-12-07"
    assert found(ex, "id", "Rapat akan dimulai pukul 10.00 pada Senin.")["Senin"][1] == "2021-12-06"
    # `p.m.` ending a sentence ends it: the weekday after it is not planned
    assert found(ex, "en", "The vote will close at 5 p.m. The count came Tuesday.")["Tuesday"][1] == "2021-11-30"


@pytest.mark.parametrize("lang,text,word,value", [
    ("en", "The results will be announced on Monday.", "Monday", "2021-12-06"),
    ("en", "The plant will close in March, the company said on Friday.", "Friday", "2021-12-03"),
    ("en", "She will replace the envoy, who left in July, as head.", "July", "2021-07"),
    ("en", "It will ease the rules, as it had promised on Friday.", "Friday", "2021-12-03"),
    ("id", "Ponsel ini akan memakai modem baru, yang diperkenalkan pada Jumat.", "Jumat", "2021-12-03"),
])
def test_a_planning_cue_does_not_reach_into_another_clause(ex, lang, text, word, value):
    assert found(ex, lang, text)[word][1] == value


@pytest.mark.parametrize("text,value", [
    ("Officials are planning for the summit in April.", "2022-04"),
    ("The airline will almost double the number of its regional flights by August.", "2022-08"),
    ("The summit took place in April.", "2021-04"),
    ("The airline almost doubled the number of its regional flights in August.", "2021-08"),
])
def test_a_planning_cue_places_a_month_ahead(ex, text, value):
    assert next(v for k, v in found(ex, "en", text).items() if k in ("April", "August"))[1] == value


def test_the_near_future_and_the_current_period(ex):
    got = found(ex, "en", "Prices should fall in the near future and in the near term.")
    assert {k: v[1] for k, v in got.items()} == {"the near future": "FUTURE_REF", "the near term": "FUTURE_REF"}
    got = found(ex, "en", "Sales in the current quarter rose; the current fiscal year looks good, last fiscal year "
                          "less so.")
    assert {k: v[1] for k, v in got.items()} == {"current quarter": "2021-Q4", "current fiscal year": "2021",
                                                 "last fiscal year": "2020"}
    assert found(ex, "en", "The current account deficit widened as the term ended.") == {}
    got = found(ex, "en", "Sales fell this past spring and this past May, and rose this past week.")
    assert {k: v[1] for k, v in got.items()} == {"this past spring": "2021-SP", "this past May": "2021-05",
                                                 "this past week": "2021-W47"}


def test_a_year_of_the_1800s_after_a_preposition(ex):
    assert found(ex, "en", "The club was founded in 1898.")["in 1898"][1] == "1898"
    assert found(ex, "en", "The town grew in 1850 residents.") == {}  # a count, not a year


def test_a_year_in_a_list_of_years(ex):
    got = found(ex, "en", "Visits rose in 1994, 1995 and 1997.")
    assert {k: v[1] for k, v in got.items()} == {"in 1994": "1994", "1995": "1995", "1997": "1997"}
    assert found(ex, "en", "There were 1994, 1995 people.") == {}  # counts


def test_this_coming_weekday_and_a_month_of_a_year_said_aloud(ex):
    assert found(ex, "en", "The rally is this coming Sunday, in the city.")["this coming Sunday"][1] == "2021-12-12"
    assert found(ex, "en", "The rally was on Sunday.")["Sunday"][1] == "2021-12-05"
    got = found(ex, "en", "It began in January nineteen ninety-seven and ended in nineteen ninety-eight.")
    assert got["January nineteen ninety-seven"][1] == "1997-01" and got["nineteen ninety-eight"][1] == "1998"
    assert "may nineteen ninety-six" not in found(ex, "en", "They may nineteen ninety-six")  # a verb, not May


def test_a_year_after_a_possessive(ex):
    assert found(ex, "en", "It will show in the company's 1989 operating results.")["1989"][1] == "1989"
    assert found(ex, "en", "The firm’s 2019 report was late.")["2019"][1] == "2019"
    assert found(ex, "en", "The city's 2000 residents voted.") == {}  # a count
    assert found(ex, "en", "Kids 2019 report") == {}  # no possessive, no year word: not taken


@pytest.mark.parametrize("lang,text", [
    ("en", "The goal came in the first half hour of play."),
    ("en", "He spoke for the second half-hour."),
    ("en", "Traffic is worst in the first quarter of the day."),
    ("id", "Gol itu lahir pada paruh pertama jam kedua."),
    ("id", "Hujan turun pada paruh kedua hari itu."),
])
def test_a_part_of_a_smaller_unit_is_no_part_of_a_year(ex, lang, text):
    assert not [t for t in times(ex, lang, text) if t.grain in ("half", "quarter")]


def test_a_part_of_a_year_is_still_read_before_other_words(ex):
    assert found(ex, "en", "Profit rose in the first half, the firm said.")["the first half"][1] == "2021-H1"
    assert found(ex, "en", "Profit rose in the first half of the year.")["the first half"][1] == "2021-H1"
    assert found(ex, "id", "Laba naik pada paruh pertama tahun ini.")["paruh pertama tahun ini"][1] == "2021-H1"


def test_a_month_an_article_gives_a_person_is_read_only_when_dated(ex):
    text = "Premier Ann May spoke. The plan was backed by May and later dropped. Voting ends in May."
    assert found(ex, "en", text) == {}
    got = found(ex, "en", "Premier Ann May spoke. Voting ended on 3 May, and closes early May, by May 2022.")
    assert {k: v[1] for k, v in got.items()} == {"3 May": "2021-05-03", "early May": "2021-05",
                                                 "May 2022": "2022-05"}
    # no person of that name: the month after `by`, and a weekday before a dated month, are dates
    got = found(ex, "en", "The plan must pass by May. The vote is set for Tuesday, May 4.")
    assert got["May"][1] == "2021-05"
    assert found(ex, "en", "Talks resumed, said Frank Jones, in May.")["May"][1] == "2021-05"
