"""`factcheck eval` scores a corpus in the shared annotation format; tiny corpora written here."""
import json

import pytest

from factcheck.cli import main


def corpus(tmp_path, records):
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


RECORDS = [
    {"id": "hit", "lang": "id", "published": "2021-12-08", "text": "Rapat digelar Rabu (7/12/2021) di Jakarta.",
     "expected": [{"categories": ["temporal"], "quotes": ["Rabu (7/12/2021)"]}]},
    {"id": "miss", "lang": "id", "published": "2021-12-08", "text": "Rapat digelar pekan lalu di Jakarta.",
     "expected": [{"categories": ["temporal"], "quotes": ["pekan lalu"]}]},
    {"id": "false-alarm", "lang": "id", "published": "2021-12-08",
     "text": "Pertemuan itu berlangsung Kamis (7/12/2021)."},
    {"id": "clean", "lang": "en", "published": "2021-12-08", "text": "The meeting was held on Tuesday, Dec. 7, 2021."},
    {"id": "neutral", "lang": "id", "published": "2021-12-08", "text": "Ia datang Jumat (7/12/2021).",
     "neutral": [{"quotes": ["Jumat (7/12/2021)"]}]},
]


def test_scores(tmp_path, capsys):
    path = corpus(tmp_path, RECORDS)
    code = main(["eval", str(path), "--show"])
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("mini.jsonl"))
    # 2 counted findings (the neutral one is ignored), 1 matched; 1 of 2 expected found; 1 of 2 clean flagged
    assert "0.500" in row and "(1/2)" in row and "matched 1/2 findings, 1/2 expected" in row
    assert "FP  false-alarm  temporal.weekday-mismatch" in out
    assert "MISS  miss  temporal  'pekan lalu'" in out
    assert code == 0


@pytest.mark.parametrize("flag,value,expected", [("--min-precision", "0.4", 0), ("--min-precision", "0.6", 1),
                                                 ("--min-recall", "0.6", 1), ("--max-false-alarm", "0.4", 1)])
def test_thresholds(tmp_path, capsys, flag, value, expected):
    assert main(["eval", str(corpus(tmp_path, RECORDS)), flag, value]) == expected


def test_bad_record_is_reported(tmp_path, capsys):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"id": "x", "text": "ok"}\nnot json\n', encoding="utf-8")
    assert main(["eval", str(path)]) == 2
    assert "broken.jsonl:2" in capsys.readouterr().err
