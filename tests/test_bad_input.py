"""Bad input gets an error entry naming the file (and record), the cause and what to do; the rest of the
batch is still checked. Text encodings: UTF-8 with or without BOM, UTF-16 with BOM, legacy fallback."""
import io
import json
import sys

import pytest

from factcheck.ingest import DEFAULT_MAX_SIZE
from factcheck.report import FLAGS

BAD_WEEKDAY = "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n"  # 7/12/2021 is a Tuesday


def check_with_a_good_article(checker, tmp_path, bad_name, content, **options):
    """The report on a bad input checked in one run with a good article: (bad entry, good entry)."""
    good = tmp_path / "baik.txt"
    good.write_text(BAD_WEEKDAY, encoding="utf-8")
    bad = tmp_path / bad_name
    if isinstance(content, bytes):
        bad.write_bytes(content)
    elif content is not None:
        bad.write_text(content, encoding="utf-8")
    report = checker.check_paths([bad, good], **options)
    *bad_entries, good_entry = report.files
    assert good_entry.path == str(good) and good_entry.error is None
    assert [f.rule for f in good_entry.findings] == ["temporal.weekday-mismatch"]
    return bad_entries, report


@pytest.mark.parametrize("name, content, cause, advice", [
    ("kosong.txt", b"", "empty", "leave it out"),
    ("spasi.txt", " \n\t\r\n  \n", "only white space", "leave it out"),
    ("gambar.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary data, not text",
     "saved as UTF-8 text"),
    ("utf16-rusak.txt", b"\xff\xfe\x00\x00\xff", "starts with a UTF-16 byte order mark, but byte 4 is not UTF-16",
     "save the article as UTF-8"),
    ("rusak.md", "---\ntitle: [tanpa penutup\n---\nIsi.\n", "malformed front matter at line 3",
     "fix the YAML between the '---' lines"),
    ("bukan-peta.md", "---\n- a\n- b\n---\nIsi.\n", "front matter must be a mapping", "'date:'"),
    ("tanggal-aneh.md", "---\ndate: kemarin sore\n---\nIsi.\n", "front matter 'date: kemarin sore' is not a date",
     "write it as YYYY-MM-DD"),
    ("tanggal-mustahil.md", "---\ndate: 2021-02-30\n---\nIsi.\n",
     "front matter: a value that cannot be read (day is out of range for month)", "write dates as YYYY-MM-DD"),
    ("tanggal-daftar.md", "---\npublished: [2021, 12]\n---\nIsi.\n", "'published: (list)' is not a date",
     "write it as YYYY-MM-DD"),
    ("halaman.html", '<meta property="article:published_time" content="2021-13-45"><p>Isi.</p>',
     "meta article:published_time '2021-13-45' is not a date", "--published"),
    ("tanpa-teks.jsonl", json.dumps({"id": "r1", "title": "Judul saja"}) + "\n", "record has no text",
     "--record-field text=KEY"),
    ("tanggal-rekaman.jsonl", json.dumps({"id": "r2", "text": "Isi.", "published": "31/31/2021"}) + "\n",
     "publication date '31/31/2021' is not a date", "--published"),
    ("hilang.txt", None, "no such file or folder", "check the path"),
])
def test_bad_input_is_an_error_entry_and_the_batch_goes_on(checker, tmp_path, name, content, cause, advice):
    (entry,), report = check_with_a_good_article(checker, tmp_path, name, content)
    assert entry.path.startswith(str(tmp_path / name))
    assert entry.error.startswith(f"{entry.path}: ")  # names the file, and the record of an export
    assert cause in entry.error and advice in entry.problem.text(FLAGS)  # as the formats name the setting
    assert entry.findings == ()
    assert report.summary.errors == 1  # the CLI exits 2


def test_file_over_the_size_limit(checker, tmp_path):
    (entry,), _ = check_with_a_good_article(checker, tmp_path, "besar.txt", "Isi berita. " * 50, max_size=200)
    assert "larger than the 200 bytes size limit" in entry.error and "--max-size" in entry.problem.text(FLAGS)
    assert DEFAULT_MAX_SIZE == 10_000_000


def test_folder_without_articles(checker, tmp_path):
    folder = tmp_path / "kosong"
    (folder / ".tersembunyi").mkdir(parents=True)
    (folder / ".tersembunyi" / "a.txt").write_text(BAD_WEEKDAY, encoding="utf-8")
    (folder / "catatan.pdf").write_bytes(b"%PDF-1.4")
    (entry,), _ = check_with_a_good_article(checker, tmp_path, "kosong", None)
    assert entry.error.startswith(f"{folder}: no articles in this folder")
    assert ".html" in entry.error and ".jsonl" in entry.error and "pass article files" in entry.error


def test_folders_are_searched_for_every_format(checker, tmp_path):
    for name, content in [("a.txt", BAD_WEEKDAY), ("b.md", BAD_WEEKDAY), ("c.html", f"<p>{BAD_WEEKDAY}</p>"),
                          ("d.jsonl", json.dumps({"id": "x", "text": BAD_WEEKDAY})),
                          ("e.json", json.dumps([{"id": "y", "text": BAD_WEEKDAY}]))]:
        (tmp_path / "arsip" / name[0]).mkdir(parents=True)
        (tmp_path / "arsip" / name[0] / name).write_text(content, encoding="utf-8")
    report = checker.check_paths([tmp_path / "arsip"])
    assert [f.path.rsplit("/", 1)[-1] for f in report.files] == ["a.txt", "b.md", "c.html", "d.jsonl#x", "e.json#y"]
    assert all(f.findings for f in report.files)


def test_front_matter_cannot_run_code(checker, tmp_path):
    marker = tmp_path / "dijalankan"
    front = f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n{BAD_WEEKDAY}"
    (entry,), _ = check_with_a_good_article(checker, tmp_path, "jahat.md", front)
    assert "malformed front matter" in entry.error
    assert not marker.exists()


def test_no_publication_date_is_noted_and_other_rules_still_run(checker, tmp_path):
    path = tmp_path / "tanpa-tanggal.txt"
    path.write_text("Mereka merencanakan invasi secepat awal 2020. " + BAD_WEEKDAY, encoding="utf-8")
    (file,) = checker.check_paths([path]).files
    assert file.published is None and file.error is None
    (note,) = file.notes
    assert "--published" in note and "'date'" in note
    assert [f.rule for f in file.findings] == ["temporal.weekday-mismatch"]  # planned-before-publication skipped


def test_standard_input_over_the_size_limit(checker, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Isi berita. " * 50))
    (entry,) = checker.check_paths(["-"], max_size=100).files
    assert entry.path == "<stdin>" and "larger than the 100 bytes size limit" in entry.error


def test_empty_standard_input(checker, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    (entry,) = checker.check_paths(["-"]).files
    assert entry.error == "<stdin>: empty, nothing to check; leave it out or export the article again"


# --- encodings ------------------------------------------------------------------------------------

TEXT = "Kafe “Rindu” di Bogor dibuka. " + BAD_WEEKDAY


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    TEXT.encode("utf-8-sig"),
    TEXT.encode("utf-16"),  # with the byte order mark of this machine
    b"\xff\xfe" + TEXT.encode("utf-16-le"),
    b"\xfe\xff" + TEXT.encode("utf-16-be"),
], ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom"])
def test_unicode_encodings_are_read_without_a_warning(checker, tmp_path, data):
    path = tmp_path / "artikel.txt"
    path.write_bytes(data)
    (file,) = checker.check_paths([path]).files
    assert file.error is None
    assert not any(n.startswith("warning") for n in file.notes)
    (ev,) = file.findings[0].evidence
    assert TEXT[ev.start:ev.end] == ev.text == "Rabu (7/12/2021)"  # offsets into the text, not the bytes


@pytest.mark.parametrize("data, codec", [
    ("Kafe “Rindu” di Bogor dibuka. ".encode("cp1252") + BAD_WEEKDAY.encode(), "Windows-1252"),
    (b"Kafe \x81Rindu\x81 di Bogor dibuka. " + BAD_WEEKDAY.encode(), "Latin-1"),  # 0x81: not in Windows-1252
])
def test_legacy_encoding_is_read_with_a_warning(checker, tmp_path, data, codec):
    path = tmp_path / "lama.txt"
    path.write_bytes(data)
    (file,) = checker.check_paths([path]).files
    assert file.error is None
    warning = file.notes[0]
    assert warning.startswith("warning: not UTF-8 (byte 5 is not valid UTF-8)")
    assert f"read as {codec}" in warning and "save the file as UTF-8" in warning
    (finding,) = file.findings
    text = data.decode("cp1252" if codec == "Windows-1252" else "latin-1")
    assert text[finding.evidence[0].start:finding.evidence[0].end] == "Rabu (7/12/2021)"
    if codec == "Windows-1252":
        assert text.startswith("Kafe “Rindu”")
