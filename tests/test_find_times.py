"""`factcheck.find_times`: every time expression of a text with its TimeML type and value, read by the
checker's own extraction; and `factcheck times`. Sentences written here."""
from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import factcheck
from factcheck import Checker, TimeMention, find_times
from factcheck.cli import main
from factcheck.ingest import article_from_text

PUB = "2021-12-06"  # a Monday


def times(text: str, published=PUB, lang=None) -> list[TimeMention]:
    found = find_times(text, published=published, lang=lang)
    for m in found:
        assert text[m.start:m.end] == m.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(found)), "in order, never overlapping"
    return found


def read(found: list[TimeMention]) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.type, m.value) for m in found]


def test_indonesian_dates_with_values():
    found = times("Rapat digelar Selasa (7/12/2021), setelah batal pada awal 2020 dan kemarin.")
    assert read(found) == [("Selasa (7/12/2021)", "DATE", "2021-12-07"), ("awal 2020", "DATE", "2020"),
                           ("kemarin", "DATE", "2021-12-05")]
    early = found[1]
    assert (early.lo, early.hi, early.grain, early.mod) == (dt.date(2020, 1, 1), dt.date(2020, 4, 30), "year", "START")


def test_english_dates_with_values():
    found = times("The vote was held on Dec. 7, 2021, two days after a meeting in mid-2021.", lang="en")
    assert read(found)[0] == ("Dec. 7, 2021", "DATE", "2021-12-07")
    assert ("mid-2021", "DATE", "2021") in read(found) and found[-1].mod == "MID"


def test_durations_and_dates_counted_back():
    found = read(times("Ia menjabat selama tiga tahun sejak tiga tahun lalu."))
    assert ("tiga tahun", "DURATION", "P3Y") in found and ("tiga tahun lalu", "DATE", "2018") in found
    found = read(times("He served for three years, starting three years ago.", lang="en"))
    assert ("three years", "DURATION", "P3Y") in found and ("three years ago", "DATE", "2018") in found


def test_a_range_of_days_is_two_dates():
    assert read(times("Pameran digelar 8-12 September 2025 dan 27 Februari–2 Maret 2023.")) == [
        ("8", "DATE", "2025-09-08"), ("12 September 2025", "DATE", "2025-09-12"),
        ("27 Februari", "DATE", "2023-02-27"), ("2 Maret 2023", "DATE", "2023-03-02")]


def test_a_leading_preposition_is_left_out_as_timeml_does():
    assert read(times("Harga naik sejak tahun 2019 dan pada 2020.")) == [
        ("tahun 2019", "DATE", "2019"), ("2020", "DATE", "2020")]
    assert read(times("Prices rose in 1998 and by 2026 they will double.", lang="en")) == [
        ("1998", "DATE", "1998"), ("2026", "DATE", "2026")]


def test_a_date_made_a_time_by_its_part_of_the_day_keeps_that_part():
    assert read(times("Banjir melanda Senin (6/12) malam, lalu surut Minggu (5/12/2021) sore.")) == [
        ("Senin (6/12) malam", "TIME", "2021-12-06TNI"), ("Minggu (5/12/2021) sore", "TIME", "2021-12-05TAF")]
    assert read(times("Banjir melanda Senin (6/12), malam harinya surut.")) == [("Senin (6/12)", "DATE", "2021-12-06")]


def test_a_time_of_day_covers_its_day():
    (clock,) = times("Rapat dimulai pukul 19.00 WIB.")
    assert (clock.type, clock.value, clock.lo, clock.hi) == ("TIME", "2021-12-06T19:00", dt.date(2021, 12, 6),
                                                             dt.date(2021, 12, 6))


def test_sets():
    assert ("setiap Senin", "SET", "XXXX-WXX-1") in read(times("Pasar digelar setiap Senin di alun-alun."))
    assert ("every year", "SET", "P1Y") in read(times("The fair is held every year in the square.", lang="en"))


def test_published_as_date_or_string_and_the_language_detected():
    text = "Pertemuan itu digelar kemarin di Jakarta, kata dia."
    assert times(text, dt.date(2021, 12, 6)) == times(text, "2021-12-06") == times(text, "2021-12-06", "id")
    assert times(text)[0].lo == dt.date(2021, 12, 5)


def test_a_dateline_gives_the_publication_date():
    text = "Kompas.com - 06/12/2021, 10:16 WIB\n\nPertemuan itu digelar kemarin di Jakarta.\n"
    assert ("kemarin", "DATE", "2021-12-05") in read(times(text, published=None))


@pytest.mark.parametrize("kwargs,error", [({"published": "6 Dec 2021"}, ValueError),
                                          ({"published": dt.datetime(2021, 12, 6)}, TypeError),
                                          ({"lang": "fr"}, ValueError)])
def test_wrong_options_are_named(kwargs, error):
    with pytest.raises(error, match=next(iter(kwargs))):
        find_times("Rapat digelar kemarin.", **kwargs)
    with pytest.raises(TypeError, match="text"):
        find_times(b"Rapat digelar kemarin.")  # type: ignore[arg-type]  # the wrong type, on purpose


def test_every_time_the_checker_reads_is_found():
    text = ("Presiden tiba Senin (6/12/2021) dan pulang pekan depan. Proyek yang dimulai pada Mei 2021 "
            "direncanakan selesai akhir 2022, tiga tahun lalu sudah dibahas.")
    article = article_from_text(text, published=dt.date(2021, 12, 6), lang="id")
    mentions = Checker().extractor("id").extract(article)
    found = times(text)
    for t in mentions.times:  # a mention may leave out a leading preposition, or be one end of a range
        assert any(m.start < t.span.end and t.span.start < m.end for m in found), t.span.text
    assert Checker().extractor("id").extract(article).times == mentions.times  # find_times changed nothing


def test_checking_never_looks_for_sets():
    checker = Checker()
    checker.check_text("Pasar digelar setiap Senin sejak Senin (6/12/2021).", published=dt.date(2021, 12, 6), lang="id")
    assert checker.extractor("id")._sets is None  # built only when find_times first asks


def test_public_model():
    assert factcheck.TimeMention is TimeMention and "find_times" in factcheck.__all__
    m = times("Rapat digelar pada 7 Desember 2021.")[0]
    assert TimeMention.model_validate_json(m.model_dump_json()) == m
    with pytest.raises(ValidationError):
        m.start = 0  # frozen


def test_times_command_text_and_json(tmp_path, capsys):
    article = tmp_path / "rapat.md"
    article.write_text("---\ndate: 2021-12-06\nlang: id\n---\nRapat digelar pada 7 Desember 2021.\n", encoding="utf-8")
    records = tmp_path / "arsip.jsonl"
    records.write_text(json.dumps({"id": "r1", "published": "2021-12-06", "text": "The vote came on Dec. 7, 2021."})
                       + "\n", encoding="utf-8")
    assert main(["times", str(article), str(records)]) == 0
    out = capsys.readouterr().out
    assert f"{article}  [id, published 2021-12-06]" in out
    assert '5:20  DATE      2021-12-07        "7 Desember 2021"' in out
    assert out.endswith("2 articles: 2 time expressions\n")
    assert main(["times", str(article), str(records), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["path"] for d in data] == [str(article), f"{records}#r1"]
    first = data[0]["times"][0]
    source = article.read_text(encoding="utf-8")
    assert source[first["start"]:first["end"]] == first["text"] == "7 Desember 2021"
    assert data[1]["language"] == "en" and data[1]["times"][0]["value"] == "2021-12-07"


def test_times_command_reports_an_unreadable_file(tmp_path, capsys):
    assert main(["times", str(tmp_path / "missing.txt"), "--format", "json"]) == 2
    assert "no such file" in json.loads(capsys.readouterr().out)[0]["error"]


def test_readme_examples_print_what_they_show():
    import doctest
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Time expressions"):readme.index("## Rules")]
    block = section[section.index("```python\n") + 10:]
    block = block[:block.index("```")]
    test = doctest.DocTestParser().get_doctest(block, {"factcheck": factcheck}, "README", "README.md", 0)
    assert len(test.examples) == 2
    result = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE).run(test)
    assert result.failed == 0


# Pieces of time expressions in both languages and the characters that break naive readers, joined at random.
PIECES = ["Senin", "Selasa (7/12/2021)", "pukul 19.00 WIB", "tiga tahun lalu", "setiap", "1970-an", "kuartal I",
          "8-12 September 2025", "pada", "sejak tahun", "Dec. 5", "May", "the third quarter", "a year earlier",
          "every Monday", "3 p.m.", "31/2/2021", "9999", "0", "-", "–", ",", ".", "(", ")", "\n", "\u00a0", "\u202e",
          "&nbsp;", "\ud800", "\x00"]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.sampled_from([None, "id", "en"]),
       st.sampled_from([None, "2021-12-06", "0001-01-01", "9999-12-31"]))
def test_any_text_gives_exact_ordered_mentions(pieces, lang, published):
    text = " ".join(pieces)
    if not text.strip():
        return
    found = times(text, published=published, lang=lang)  # exact spans, in order, never overlapping
    for m in found:
        assert m.type in ("DATE", "TIME", "DURATION", "SET")
        assert (m.lo is None) == (m.hi is None) and (m.lo is None or m.hi is None or m.lo <= m.hi)
