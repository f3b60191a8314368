"""Archive exports: JSON Lines and JSON arrays of article records, each reported as FILE#ID or FILE:LINE."""
import datetime as dt
import io
import json

import pytest

from factcheck.errors import ConfigError, InputError
from factcheck.ingest import RecordFields, read_article
from factcheck.ingest import records as records_module
from factcheck.report import FLAGS

BAD_WEEKDAY = "Rapat digelar pada Rabu (7/12/2021) di Jakarta."  # 7/12/2021 is a Tuesday


def by_name(report, folder):
    """Each file report by its name below `folder`: FILE#ID or FILE:LINE."""
    return {f.path[len(str(folder)) + 1:]: f for f in report.files}


def write_lines(path, *lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_json_lines_good_and_bad_records(checker, tmp_path):
    path = write_lines(
        tmp_path / "ekspor.jsonl",
        json.dumps({"id": "a-1", "text": BAD_WEEKDAY, "published": "2021-12-08", "lang": "id", "title": "Rapat"}),
        json.dumps({"url": "https://contoh.id/2", "body": BAD_WEEKDAY, "date": "8 Desember 2021"}),
        "",
        json.dumps({"content": BAD_WEEKDAY}),
        json.dumps({"id": "tanpa-teks", "title": "Hanya judul"}),
        json.dumps({"id": "kosong", "text": "   "}),
        json.dumps({"id": "angka", "text": 42}),
        "{bukan json",
        json.dumps(["bukan", "objek"]),
        json.dumps({"id": "tanggal-rusak", "text": BAD_WEEKDAY, "published": "2021-02-30"}),
        json.dumps({"id": "bahasa", "text": "Le texte.", "lang": "fr"}),
        json.dumps({"id": "terakhir", "text": BAD_WEEKDAY, "datePublished": "2021-12-08T10:00:00Z"}),
    )
    files = by_name(checker.check_paths([path]), tmp_path)
    assert list(files) == ["ekspor.jsonl#a-1", "ekspor.jsonl#https://contoh.id/2", "ekspor.jsonl:4",
                           "ekspor.jsonl#tanpa-teks", "ekspor.jsonl#kosong", "ekspor.jsonl#angka", "ekspor.jsonl:8",
                           "ekspor.jsonl:9", "ekspor.jsonl#tanggal-rusak", "ekspor.jsonl#bahasa",
                           "ekspor.jsonl#terakhir"]
    first = files["ekspor.jsonl#a-1"]
    assert (first.published, first.published_source, first.language, first.title) == (
        dt.date(2021, 12, 8), "record", "id", "Rapat")
    assert [f.rule for f in first.findings] == ["temporal.weekday-mismatch"]
    assert first.findings[0].evidence[0].text == "Rabu (7/12/2021)"
    assert files["ekspor.jsonl#https://contoh.id/2"].published == dt.date(2021, 12, 8)
    assert files["ekspor.jsonl:4"].published is None and files["ekspor.jsonl:4"].findings
    assert files["ekspor.jsonl#terakhir"].findings

    expected = {
        "ekspor.jsonl#tanpa-teks": "record has no text (under 'text' or 'body' or 'content')",
        "ekspor.jsonl#kosong": "record has empty text",
        "ekspor.jsonl#angka": "record has text that is not a string",
        "ekspor.jsonl:8": "not a JSON record",
        "ekspor.jsonl:9": "not a record: expected a JSON object",
        "ekspor.jsonl#tanggal-rusak": "publication date '2021-02-30' is not a date",
        "ekspor.jsonl#bahasa": "record language 'fr' names a language factcheck has no lexicon for",
    }
    errors = {name: f.error for name, f in files.items() if f.error}
    assert set(errors) == set(expected)
    for name, part in expected.items():
        assert errors[name].startswith(str(tmp_path / name) + ": ")
        assert part in errors[name]


def test_record_fields_are_configurable(checker, tmp_path):
    path = write_lines(tmp_path / "arsip.jsonl",
                       json.dumps({"slug": "rapat", "isi": BAD_WEEKDAY, "tanggal": "2021-12-08", "bahasa": "id"}))
    fields = RecordFields.from_options(["text=isi", "published=tanggal", "id=slug, kode", "lang=bahasa"])
    assert fields.text == ("isi",) and fields.id == ("slug", "kode") and fields.title == ("title", "headline")
    (file,) = checker.check_paths([path], record_fields=fields).files
    assert file.path.endswith("arsip.jsonl#rapat")
    assert (file.published, file.language) == (dt.date(2021, 12, 8), "id")
    assert [f.rule for f in file.findings] == ["temporal.weekday-mismatch"]
    (default,) = checker.check_paths([path]).files
    assert "record has no text" in default.error and "--record-field text=KEY" in default.problem.text(FLAGS)


@pytest.mark.parametrize("option", ["isi", "teks=isi", "text=", "text= , "])
def test_bad_record_field_option(option):
    with pytest.raises(ConfigError, match="PART=KEY"):
        RecordFields.from_options([option])


def test_json_array_of_records_read_across_chunks(checker, tmp_path, monkeypatch):
    monkeypatch.setattr(records_module, "CHUNK", 7)  # every record and string crosses a chunk boundary
    records = [{"id": "satu", "text": BAD_WEEKDAY, "published": "2021-12-08"},
               {"text": "Teks dengan \"kutipan\" dan \\ garis miring serta \u00e9.", "n": 12345},
               {"id": 3, "text": BAD_WEEKDAY}]
    path = tmp_path / "ekspor.json"
    path.write_text("[\n" + ",\n".join(json.dumps(r, indent=1) for r in records) + "\n]\n", encoding="utf-8")
    files = by_name(checker.check_paths([path]), tmp_path)
    assert list(files) == ["ekspor.json#satu", "ekspor.json:7", "ekspor.json#3"]
    assert all(f.error is None for f in files.values())
    assert files["ekspor.json#satu"].published == dt.date(2021, 12, 8)
    assert [f.rule for f in files["ekspor.json#3"].findings] == ["temporal.weekday-mismatch"]


def test_json_file_with_a_single_record(checker, tmp_path):
    path = tmp_path / "satu.json"
    path.write_text(json.dumps({"id": "x", "text": BAD_WEEKDAY}), encoding="utf-8")
    (file,) = checker.check_paths([path]).files
    assert file.path.endswith("satu.json#x") and file.findings


@pytest.mark.parametrize("content, names, message", [
    ('[{"id": "a", "text": "Isi."}, {"id": "b", "text": "Isi', ["#a", ":1"], "the file ends inside a record"),
    ('[{"id": "a", "text": "Isi."} {"id": "b"}]', ["#a", ":1"], "expected ',' or ']' between records, found '{'"),
    ('[{"id": "a", "text": "Isi."},\n{"id": "b", "text": tidak}]', ["#a", ":2"], "not valid JSON at line 2"),
    ('[{"id": "a", "text": "Isi."}', ["#a", ":1"], "the file ends before the array's closing ']'"),
    ('[{"id": "a", "text": "Isi."}] sisa', ["#a", ":1"], "text after the end of the JSON value"),
    ('"hanya teks"', [":1"], "not a JSON array of records"),
    ("[]", [""], "no records"),
    ("  \n", [""], "no records"),
    ("[" * 100_000 + "]" * 100_000, [":1"], "nested too deeply"),
])
def test_broken_json_arrays_keep_what_came_before(checker, tmp_path, content, names, message):
    path = tmp_path / "rusak.json"
    path.write_text(content, encoding="utf-8")
    files = checker.check_paths([path]).files
    assert [f.path[len(str(path)):] for f in files] == names
    assert all(f.error is None for f in files[:-1])
    assert message in files[-1].error and "rusak.json" in files[-1].error


def test_record_over_the_size_limit(checker, tmp_path, monkeypatch):
    long = json.dumps({"id": "panjang", "text": "x " * 500})
    lines = write_lines(tmp_path / "batas.jsonl", long, json.dumps({"id": "pendek", "text": BAD_WEEKDAY}))
    files = by_name(checker.check_paths([lines], max_size=300), tmp_path)
    assert list(files) == ["batas.jsonl:1", "batas.jsonl#pendek"]
    assert "larger than the 300 bytes size limit" in files["batas.jsonl:1"].error
    assert files["batas.jsonl#pendek"].findings

    array = tmp_path / "batas.json"
    array.write_text(f'[{json.dumps({"id": "pendek", "text": BAD_WEEKDAY})}, {long}]', encoding="utf-8")
    files = by_name(checker.check_paths([array], max_size=300), tmp_path)
    assert list(files) == ["batas.json#pendek", "batas.json:1"]
    assert "record larger than the 300 bytes size limit" in files["batas.json:1"].error

    # A record longer than the limit is not held in memory to the end: reading stops there, and says so.
    monkeypatch.setattr(records_module, "CHUNK", 16)
    array.write_text(f'[{json.dumps({"id": "pendek", "text": BAD_WEEKDAY})}, {long}, {{"text": "lagi"}}]',
                     encoding="utf-8")
    files = by_name(checker.check_paths([array], max_size=300), tmp_path)
    assert list(files) == ["batas.json#pendek", "batas.json:1"]
    error = files["batas.json:1"].error
    assert "size limit" in error and "the records after it were not read" in error


def test_a_record_that_is_not_utf8_does_not_end_the_file(checker, tmp_path):
    path = tmp_path / "campur.jsonl"
    path.write_bytes(b'{"id": "a", "text": "Caf\xe9 buka."}\n' + json.dumps({"id": "b", "text": BAD_WEEKDAY}).encode())
    files = by_name(checker.check_paths([path]), tmp_path)
    assert "not UTF-8" in files["campur.jsonl:1"].error
    assert files["campur.jsonl#b"].findings


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_exports_with_a_byte_order_mark(checker, tmp_path, codec):
    path = tmp_path / f"{codec}.jsonl"
    path.write_bytes(json.dumps({"id": "a", "text": BAD_WEEKDAY}, ensure_ascii=False).encode(codec))
    (file,) = checker.check_paths([path]).files
    assert file.path.endswith("#a") and file.findings


class CountingReader(io.StringIO):
    """A text file that counts the characters read from it."""

    read_so_far = 0

    def read(self, size=-1):
        data = super().read(size)
        self.read_so_far += len(data)
        return data


def test_a_json_array_is_read_a_chunk_at_a_time(tmp_path, monkeypatch):
    record = json.dumps({"id": "r", "text": "Warga berkumpul di alun-alun sejak pagi."})
    fh = CountingReader("[" + ",".join([record] * 2000) + "]")
    monkeypatch.setattr(records_module, "_open", lambda path: fh)
    seen = 0
    for _line, rec, problem in records_module.records(tmp_path / "besar.json", max_size=10_000):
        seen += 1
        assert problem is None and isinstance(rec, dict) and rec["id"] == "r"
        # never more than one chunk (and the record it is in) ahead of the records handed out
        assert fh.read_so_far <= seen * (len(record) + 1) + 2 * records_module.CHUNK
    assert seen == 2000


def test_read_article_refuses_an_export(tmp_path):
    path = write_lines(tmp_path / "ekspor.jsonl", json.dumps({"text": BAD_WEEKDAY}))
    with pytest.raises(InputError, match="holds many articles"):
        read_article(path)
