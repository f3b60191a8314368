"""Fuzzing the library and the command line with hostile content in every input format (plain text,
Markdown with front matter, HTML, JSON Lines, JSON). Whatever the input: no exception escapes and no
article gets a crash entry (a bug report), every report parses, every evidence span is exact, every
input is reported and left as it was, and the exit status is 0, 1 or 2.

The CI profile replays a fixed, derandomized set in seconds. The long profile explores for real:

    FACTCHECK_FUZZ=long FACTCHECK_FUZZ_CASES=50000 .venv/bin/python -m pytest tests/test_fuzz.py \
        -p no:cacheprovider --hypothesis-show-statistics

(FACTCHECK_FUZZ_CASES is the number of cases per test; docs/reliability.md gives the last figures).
"""
import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_exact
from factcheck.cli import main
from factcheck.models import without_surrogates
from factcheck.report import renderer

LONG = os.environ.get("FACTCHECK_FUZZ") == "long"
FUZZ = settings(max_examples=int(os.environ.get("FACTCHECK_FUZZ_CASES", 20_000)) if LONG else 100,
                derandomize=not LONG, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])
HANG_SECONDS = 20  # one case of a few kilobytes taking this long is a hang (they take milliseconds)
CRASH = "factcheck failed in"  # the start of a CheckCrash entry: a bug, never a result

# Pieces of news prose that reach every extractor and check, and the hostile content that once crashed
# them: impossible and extreme dates, odd and enormous numbers, names with odd spaces, controls, bidi
# marks, lone surrogates, suppression comments and quotes.
PIECES = [
    "Senin (", "Rabu (7/12/2021)", "7/12/2021", "31/12/9999", "1/1/0001", "(31/12/9999)", "29/2/2021", ")",
    " akan ", " secepat awal ", "2020", "9999", "0000", " pertengahan 9999", " akhir 0001", " sekitar ",
    "70.000", "175.000", " tentara", " orang", " persen", " Rusia", " kata dia, ", " said ", "\n", "\r\n",
    "Baca juga: ", ". ", "“", "”", '"', "1,5 juta orang", " pukul 19.00 WIB", "Dec. 5, 2021", " Feb. 30, 1942",
    " about 70,000 troops", "Joe Biden (79) lahir 31 November 1942", "Joe\u00a0Biden", "Joe  Biden", "Joe\tBiden",
    "Presiden Joko Widodo", " besok", " kemarin", " 3 hari lalu", " tahun depan", " bulan lalu", " next week",
    " 10 years ago", " HUT ke-76", " the 10th anniversary of the 2012 attack", "Ratusan tiga orang hadir.",
    "9" * 320, "1" + "0" * 320, " juta", " triliun", " ribuan", "sejuta juta juta", " 50 dari 200 (25 persen)",
    " naik dari 100 menjadi 150 orang", " 10 korban: 6 tewas dan 4 luka-luka", " 12 persen", " Rp 1.000",
    "<!-- factcheck-disable-next-line -->\n", "<!-- factcheck-disable temporal -->", "<!-- factcheck-enable -->",
    "<!-- factcheck-disable quantity.conflict", "\x1b[2J", "\r", "\x08", "\u202e", "\u2066", "\x00", "\ud800",
    "\udcff", "`", "|", "<", "&amp;", "&nbsp;", " ",
]
filler = st.text(max_size=8)  # any code point: controls and lone surrogates too
prose = st.lists(st.one_of(st.sampled_from(PIECES), filler), max_size=40).map("".join)
DATES = ["2021-12-05", "9999-12-31", "0001-01-01", "2021-02-30", "05/12/2021", "Dec. 5, 2021", "kemarin", "",
         "99999-01-01", "1e400", "9" * 40, "2021-12-05T10:00:00+07:00", "9999-12-31T23:59:59-12:00"]
dates = st.sampled_from(DATES) | st.text(max_size=12)
langs = st.sampled_from(["id", "en", "fr", "", "id-ID"]) | st.text(max_size=4)
published = st.none() | st.sampled_from([dt.date(2021, 12, 5), dt.date(9999, 12, 31), dt.date(1, 1, 1)]) | st.dates()


def _yaml_scalar(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML scalar, whatever it holds


def _front_matter(text, date, lang, title):
    return (f"---\ndate: {_yaml_scalar(date)}\nlang: {_yaml_scalar(lang)}\ntitle: {_yaml_scalar(title)}\n"
            f"factcheck: {{disable: [quantity.conflict]}}\n---\n{text}")


def _html(text, date, lang, title):
    return (f'<html lang="{lang}"><head><title>{title}</title>'
            f'<meta property="article:published_time" content="{date}"></head>'
            f"<body><h1>{title}</h1><p>{text}</p><p>{text[::-1]}</p></body></html>")


BIG = '"an integer too long for int()"'


def _record(text, date, lang, title, n):
    return {"id": f"{title}{n}", "title": title, "published": date, "lang": lang, "text": text,
            "views": json.loads(BIG) if n % 2 else n}


def _json(value) -> str:
    return json.dumps(value).replace(BIG, "9" * 5000)


@st.composite
def article_files(draw):
    """A folder's worth of articles: (file name, content) in any of the input formats."""
    files = []
    for n in range(draw(st.integers(1, 4))):
        text, date, lang, title = draw(prose), draw(dates), draw(langs), draw(filler)
        kind = draw(st.sampled_from(["txt", "md", "html", "jsonl", "json"]))
        if kind == "txt":
            content = text
        elif kind == "md":
            content = _front_matter(text, date, lang, title)
        elif kind == "html":
            content = _html(text, date, lang, title)
        else:
            records = [_record(draw(prose), draw(dates), lang, title, i) for i in range(draw(st.integers(1, 3)))]
            content = "".join(_json(r) + "\n" for r in records) if kind == "jsonl" else _json(records)
        files.append((f"{n}-{draw(st.sampled_from(['a', 'b', 'ü', chr(0x202e)]))}.{kind}", content))
    return files


def _write(folder: Path, files) -> dict[Path, str]:
    """Writes the files (lone surrogates as the bytes they escape, or as ?) and returns their digests."""
    digests = {}
    for name, content in files:
        path = folder / name
        path.write_bytes(content.encode("utf-8", "surrogateescape") if _escapes_bytes(content)
                         else content.encode("utf-8", "replace"))
        digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def _escapes_bytes(text: str) -> bool:
    try:
        text.encode("utf-8", "surrogateescape")
        return True
    except UnicodeEncodeError:
        return False


def _no_crash(report) -> None:
    for f in report.files:
        assert not (f.error or "").startswith(CRASH) and CRASH not in (f.error or ""), f.error


def _parses(fmt: str, out: str) -> None:
    out.encode("utf-8")
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)
    elif fmt == "junit":
        ET.fromstring(out.encode("utf-8"))


@FUZZ
@given(text=prose, published=published, lang=st.sampled_from([None, "id", "en"]))
def test_the_library_checks_any_text(checker, text, published, lang):
    started = time.perf_counter()
    report = checker.check_text(text, published=published, lang=lang, path=f"artikel{text[:3]}.md")
    assert time.perf_counter() - started < HANG_SECONDS
    _no_crash(report)
    (file,) = report.files
    assert_exact(file, without_surrogates(text))
    for fmt in ("json", "sarif", "junit", "gitlab", "text", "markdown", "github"):
        _parses(fmt, renderer(fmt)(report))


@FUZZ
@given(files=article_files(), fmt=st.sampled_from(["json", "sarif", "junit", "gitlab", "text", "markdown",
                                                    "github"]),
       published=st.sampled_from([[], ["--published", "9999-12-31"], ["--published", "0001-01-01"],
                                  ["--published", "2021-12-05"]]),
       jobs=st.sampled_from(["1", "2"]))
def test_the_command_line_checks_any_folder(files, fmt, published, jobs):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        digests = _write(folder, files)
        report = Path(tmp) / "report.json"
        stdout, stderr = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = main(["check", str(folder), "--format", fmt, "--output", str(report), "--jobs", jobs,
                           *published])
        assert time.perf_counter() - started < HANG_SECONDS
        assert status in (0, 1, 2), stderr.getvalue()
        assert "Traceback" not in stderr.getvalue()
        _parses("text" if fmt == "json" else fmt, stdout.getvalue())  # the file gets JSON, the terminal text
        assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in digests} == digests  # inputs untouched
        written = json.loads(report.read_text(encoding="utf-8"))
        assert not any(CRASH in (f.get("error") or "") for f in written["files"])
        # every file is reported: by its own path, or by its records' (FILE#ID, FILE:LINE)
        reported = {f["path"] for f in written["files"]}
        for name in map(str, digests):
            assert any(p == name or p.startswith((name + "#", name + ":")) for p in reported), (name, reported)
