"""TimeML in and out: reading gold documents, writing found times so they read back the same, and
`factcheck eval` scoring a folder of .tml files. Documents written here; no corpus text."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.evaluate import ALL_TYPES, TimexScore, _score_document, score_timeml
from factcheck.timeml import TimeMLDocument, Timex, parse_timeml, write_timeml

GOLD = """<?xml version="1.0" ?>
<TimeML>
<DOCID>own-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-12-08" functionInDocument="CREATION_TIME">20211208</TIMEX3></DCT>
<TEXT>
The board <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE"
value="2021-12-07">December 7</TIMEX3>, 2021 &amp; the committee
agreed <TIMEX3 tid="t2" type="DURATION" value="P1D">after the vote</TIMEX3>. A <TIMEX3 tid="t3" type="DATE"
value="XXXX"/>note
came on <TIMEX3 tid="t4" type="DATE" value="2020-01-06">January 5, 2020</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"""


def test_reads_text_dct_and_timexes():
    doc = parse_timeml(GOLD, "own-1.tml")
    assert doc.dct == dt.date(2021, 12, 8)
    assert "The board met on December 7, 2021 & the committee" in doc.text
    # the empty TIMEX3 marks no words and is left out
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes] == [
        ("December 7", "DATE", "2021-12-07"), ("after the vote", "DURATION", "P1D"),
        ("January 5, 2020", "DATE", "2020-01-06")]


@pytest.mark.parametrize("source,what", [("<TimeML><TEXT>open", "not well-formed"),
                                         ("<TimeML><DCT/></TimeML>", "no <TEXT> element")])
def test_broken_documents_are_input_errors(source, what):
    with pytest.raises(InputError, match=what):
        parse_timeml(source, "bad.tml")


def test_written_timeml_reads_back_the_same():
    text = 'A & B <x> "quoted" \'single\'\r\nthen\ttab, 7 Desember 2021 and ]]> end'
    start = text.index("7 Desember")
    timexes = [Timex(0, 1, "DATE", "2021-12-07", "START"), Timex(start, start + 15, "DATE", 'odd "value" & <x>')]
    doc = parse_timeml(write_timeml(text, timexes, dt.date(2021, 12, 8), "a&b<c>"), "x.tml")
    assert doc.text == text and doc.dct == dt.date(2021, 12, 8)
    assert list(doc.timexes) == timexes


def test_characters_xml_cannot_hold_become_spaces_and_offsets_hold():
    text = "on\x00 7 December 2021\x1f."
    start = text.index("7 December")
    doc = parse_timeml(write_timeml(text, [Timex(start, start + 15, "DATE", "2021-12-07")], None, "d"), "d.tml")
    assert doc.text == "on  7 December 2021 ." and doc.dct is None
    assert doc.text[doc.timexes[0].start:doc.timexes[0].end] == "7 December 2021"


def _score(gold: list[Timex], found: list[Timex]) -> TimexScore:
    score = TimexScore("own")
    _score_document(score, TimeMLDocument("own.tml", "x" * 100, None, tuple(gold)), found)
    return score


def test_matching_is_one_to_one_strict_relaxed_and_value():
    gold = [Timex(0, 10, "DATE", "2021"), Timex(12, 20, "DATE", "2021-12"), Timex(30, 40, "DURATION", "P1D"),
            Timex(50, 55, "SET", "P1W")]
    found = [Timex(0, 10, "DATE", "2021"),  # strict, right value
             Timex(8, 14, "DATE", "2021-12"),  # overlaps the first and second gold: matched once, to the second
             Timex(15, 18, "DATE", "2021-12"),  # the second gold is taken: a false detection
             Timex(32, 36, "DATE", "P1D"),  # relaxed, right value, wrong type
             Timex(70, 75, "TIME", "T10")]  # nothing there
    score = _score(gold, found)
    whole = score.by_type[ALL_TYPES]
    assert (whole.gold, whole.found, whole.strict, whole.relaxed, whole.value) == (4, 5, 1, 3, 3)
    date = score.by_type["DATE"]
    # a type's row counts the pairs where both have the type
    assert (date.gold, date.found, date.relaxed, date.value) == (2, 4, 2, 2)
    assert score.by_type["DURATION"].relaxed == 0 and score.by_type["SET"].gold == 1
    assert whole.scores(whole.relaxed) == (3 / 5, 3 / 4, 2 * 3 / 9)
    assert len(score.misses) == 1 and "SET P1W" in score.misses[0]
    assert len(score.false_detections) == 2
    assert not score.wrong_values


def test_a_wrong_value_is_listed():
    score = _score([Timex(0, 10, "DATE", "2021-12-07")], [Timex(0, 10, "DATE", "2021-12-08")])
    whole = score.by_type[ALL_TYPES]
    assert (whole.relaxed, whole.value) == (1, 0)
    assert "gold DATE 2021-12-07" in score.wrong_values[0] and "found DATE 2021-12-08" in score.wrong_values[0]


@pytest.mark.parametrize("gold, found", [("199X", "199"), ("19XX", "19"), ("2000-W7", "2000-W07"),
                                          ("2000-W7-WE", "2000-W07-WE")])
def test_two_notations_of_one_value_agree(gold, found):
    score = _score([Timex(0, 10, "DATE", gold)], [Timex(0, 10, "DATE", found)])
    assert score.by_type[ALL_TYPES].value == 1 and not score.wrong_values


@pytest.mark.parametrize("gold, found", [("199X", "1990"), ("199X", "19"), ("1990-XX", "1990"),
                                         ("2000-W17", "2000-W07"), ("2000-W1", "2000-W10"), ("XXXX", "2000")])
def test_values_that_mean_otherwise_still_differ(gold, found):
    score = _score([Timex(0, 10, "DATE", gold)], [Timex(0, 10, "DATE", found)])
    assert score.by_type[ALL_TYPES].value == 0 and len(score.wrong_values) == 1


def test_eval_scores_a_folder_of_timeml(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "own-1.tml").write_text(GOLD, encoding="utf-8")
    code = main(["eval", str(tmp_path / "gold"), "--show", "--lang", "en"])
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("gold "))
    assert row.split()[1:4] == ["1", "3", "2"]  # 1 document, 3 gold, 2 found
    assert 'MISS  own-1.tml  DURATION P1D  "after the vote"' in out
    assert 'VALUE  own-1.tml  gold DATE 2020-01-06  "January 5, 2020"  found DATE 2020-01-05' in out
    assert code == 0
    whole = score_timeml(tmp_path / "gold", "en").by_type[ALL_TYPES]
    assert (whole.strict, whole.relaxed, whole.value) == (1, 2, 1)  # "December 7" is in the longer date


def test_eval_gates_on_f1(tmp_path, capsys):
    path = tmp_path / "own-1.tml"
    path.write_text(GOLD, encoding="utf-8")
    assert main(["eval", str(path), "--min-f1", "0.5", "--min-value-f1", "DATE=0.5"]) == 0
    assert main(["eval", str(path), "--min-value-f1", "DATE=0.9"]) == 1
    assert "DATE value F1 0.500 < 0.9" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["eval", str(path), "--min-f1", "HOUR=0.5"])


def test_eval_scores_corpora_and_timeml_together(tmp_path, capsys):
    corpus = tmp_path / "mini.jsonl"
    corpus.write_text('{"id": "a", "lang": "en", "published": "2021-12-08", "text": "The meeting was on Tuesday, '
                      'Dec. 7, 2021."}\n', encoding="utf-8")
    (tmp_path / "own-1.tml").write_text(GOLD, encoding="utf-8")
    assert main(["eval", str(corpus), str(tmp_path / "own-1.tml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("file ") and "\nTimeML " in out


def test_a_folder_without_timeml_is_an_error(tmp_path, capsys):
    assert main(["eval", str(tmp_path)]) == 2
    assert "without TimeML files" in capsys.readouterr().err


def test_times_written_as_timeml_score_perfectly(tmp_path, capsys):
    article = tmp_path / "rapat.txt"
    article.write_text("Rapat & diskusi <pertama> digelar pada 7 Desember 2021, kata dia. Sebelumnya, pada "
                       "Januari 2020 rapat serupa batal.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["times", str(article), "--published", "2021-12-08", "--format", "timeml",
                 "--output-dir", str(out)]) == 0
    written = out / "rapat.tml"
    doc = parse_timeml(written.read_bytes(), written.name)
    assert doc.dct == dt.date(2021, 12, 8)
    assert [doc.text[t.start:t.end] for t in doc.timexes][:2] == ["7 Desember 2021", "Januari 2020"]
    assert main(["times", str(article), "--published", "2021-12-08", "--format", "timeml"]) == 0
    assert capsys.readouterr().out == written.read_text(encoding="utf-8")
    assert main(["eval", str(out)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("out "))
    assert row.split()[4:7] == ["1.000"] * 3


def test_many_articles_need_a_folder_for_timeml(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Rapat digelar pada 7 Desember 2021.\n", encoding="utf-8")
    assert main(["times", str(tmp_path), "--format", "timeml"]) == 2
    assert "--output-dir" in capsys.readouterr().err
    assert main(["times", str(tmp_path), "--output-dir", str(tmp_path)]) == 2  # TimeML only
    assert main(["times", str(tmp_path), "--format", "timeml", "--output-dir", str(tmp_path / "none")]) == 2


def test_tbaq_reads_whole_when_present():
    folder = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "timex" / "TBAQ-cleaned"
    files = sorted(folder.glob("*/*.tml"))
    if not files:
        pytest.skip("the TimeBank + AQUAINT gold is not on this machine")
    for file in files:
        source = file.read_text(encoding="utf-8")
        doc = parse_timeml(source, file.name)
        body = source[source.index("<TEXT>"):source.index("</TEXT>")]
        assert doc.dct is not None and len(doc.timexes) == len(re.findall(r"<TIMEX3\b[^>]*(?<!/)>", body))
        again = parse_timeml(write_timeml(doc.text, doc.timexes, doc.dct, doc.name), file.name)
        assert again.text == doc.text and again.timexes == doc.timexes


def test_entities_are_not_expanded_past_a_limit_nor_read_from_files(tmp_path):
    levels = "".join(f'<!ENTITY a{i + 1} "' + f"&a{i or ''};" * 10 + '">' for i in range(8))
    laughs = f'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">{levels}]><TimeML><TEXT>&a8;</TEXT></TimeML>'
    with pytest.raises(InputError, match="not well-formed"):
        parse_timeml(laughs, "laughs.tml")
    secret = tmp_path / "secret.txt"
    secret.write_text("hidden", encoding="utf-8")
    outside = (f'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
               '<TimeML><TEXT>&e;</TEXT></TimeML>')
    with pytest.raises(InputError, match="not well-formed"):
        parse_timeml(outside, "outside.tml")


def test_a_page_is_written_as_its_text(tmp_path, capsys):
    page = tmp_path / "rapat.html"
    page.write_text('<html lang="id"><body><article><h1>Rapat &amp; diskusi</h1><p>Rapat digelar pada 7 Desember '
                    '2021 pukul 19.00&nbsp;WIB.</p><p>Rapat berikutnya pada Januari 2022.</p></article></body></html>',
                    encoding="utf-8")
    assert main(["times", str(page), "--published", "2021-12-08", "--format", "timeml"]) == 0
    doc = parse_timeml(capsys.readouterr().out, "rapat.tml")
    assert doc.text.startswith("Rapat & diskusi\nRapat digelar pada 7 Desember 2021") and "<" not in doc.text
    found = [doc.text[t.start:t.end] for t in doc.timexes]
    assert "7 Desember 2021" in found and "Januari 2022" in found and "pukul 19.00\xa0WIB" in found


@pytest.mark.parametrize("gold,found,same", [("199X", "199", True), ("19XX", "19", True),
                                             ("2000-W7", "2000-W07", True), ("1990", "199X", False),
                                             ("1990-XX", "1990", False), ("P1D", "PT24H", False),
                                             (None, None, True), ("1998", None, False)])
def test_values_in_either_notation_of_the_gold(gold, found, same):
    from factcheck.evaluate import same_value

    assert same_value(gold, found) is same
