"""Whatever a file holds, checking it raises nothing: it gets findings or an error entry naming it, and
every evidence span is exact against the file as read, with line and column agreeing with its offsets."""
import datetime as dt
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_exact
from factcheck.ingest import read_article

WORDS = ["Senin (", "Rabu (7/12/2021)", "7/12/2021", ")", " akan ", " secepat awal ", "2020", " sekitar ",
         "70.000", "175.000", " tentara", " Rusia", " kata dia, ", "(20/20/2025)", "\n", "\r\n", "Baca juga: ",
         ". ", "“", "”", "1,5 juta orang", " pukul 19.00 WIB", "Kompas.com - 05/12/2021, 10:16 WIB",
         "Dec. 5, 2021", " about 70,000 troops", " ", "\t", "é", "\u00a0"]
# Filler without control characters, which would make most texts binary data (tested on its own below).
filler = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=6)
prose = st.lists(st.one_of(st.sampled_from(WORDS), filler), max_size=30).map("".join)

MARKUP = ["<p>", "</p>", "<div class='share-bar'>", "<div>", "</div>", "<b>", "</b>", "<br>", "<br/>",
          "<h1>", "</h1>", "<a href=\"/2021/12/07\">", "</a>", "<aside>", "</aside>", "<nav>", "</nav>",
          "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<!DOCTYPE html>", "<?xml?>", "</",
          "<", ">", "&", "&amp;", "&nbsp;", "&#160;", "&#x2014;", "&ldquo;", "&rdquo;", "&copy2021", "&fjlig;",
          "&#", ";", "'", '"', "=", "<html lang=\"id\">", "<html lang='en-US'>",
          "<meta property=\"article:published_time\" content=\"2021-12-08T10:00:00+07:00\">",
          "<meta name=\"pubdate\" content=\"2021/12/08\">", "<time datetime=\"2021-12-08\">",
          "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2021-12-08\"}",
          "<header>", "<article>", "</article>", "<p>Rapat pada Rabu (7/12/2021).</p>",
          "<p>Rusia mengirim 175.000 tentara.</p><p>Rusia mengirim sekitar&nbsp;70.000 tentara.</p>"]
pages = st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(WORDS), filler),
                 max_size=40).map("".join)

YAML_VALUES = ["2021-12-05", "2021-02-30", "05/12/2021", "Dec. 5, 2021", "kemarin", "id", "en", "id-ID", "fr",
               "[unclosed", "{a: b}", "- x", "'quoted'", "\"2021-12-05\"", "!!python/object:os.system x", "",
               "2021", "true", "null", "*alias", "&anchor x", ":", "a: b: c"]
front_matter = st.lists(
    st.tuples(st.sampled_from(["date", "published", "lang", "title", "factcheck", "tags", "x"]),
              st.one_of(st.sampled_from(YAML_VALUES), filler)),
    max_size=5,
).map(lambda items: "---\n" + "".join(f"{k}: {v}\n" for k, v in items) + "---\n")

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("articles")


@SETTINGS
@given(text=st.text(max_size=400) | prose, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_any_text_file(checker, folder, text, codec):
    path = folder / "artikel.txt"
    path.write_bytes(text.encode(codec))
    (file,) = checker.check_paths([path]).files
    assert file.path == str(path)
    assert_exact(file, text)


@SETTINGS
@given(front=front_matter, body=prose)
def test_any_markdown_front_matter(checker, folder, front, body):
    path = folder / "artikel.md"
    text = front + body
    path.write_text(text, encoding="utf-8", newline="")
    (file,) = checker.check_paths([path]).files
    assert_exact(file, text)


# A segment never holds a tag, a comment, a doctype or a processing instruction: markup is not checked.
_MARKUP = re.compile(r"<[a-zA-Z/!?]")


@SETTINGS
@given(page=pages, published=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
def test_any_html_page(checker, folder, page, published):
    path = folder / "halaman.html"
    path.write_text(page, encoding="utf-8", newline="")
    (file,) = checker.check_paths([path], published=published).files
    assert_exact(file, page)
    if not file.error:
        article = read_article(path, published=published)
        assert article.text == page
        for s in article.segments:
            assert not _MARKUP.search(page, s.start, s.end)
        assert all(a.end <= b.start for a, b in zip(article.segments, article.segments[1:]))


records = st.one_of(
    st.fixed_dictionaries({"text": prose}, optional={
        "id": st.text(max_size=5) | st.integers(), "published": st.sampled_from(YAML_VALUES) | st.integers(),
        "lang": st.sampled_from(["id", "en", "id-ID", "xx", ""]) | st.integers(), "title": st.text(max_size=8)}),
    st.dictionaries(st.sampled_from(["body", "content", "date", "url", "headline"]), st.text(max_size=8) | st.none()),
    st.lists(st.integers(), max_size=2), st.text(max_size=5),
)
lines = st.lists(st.one_of(records.map(json.dumps), st.text(max_size=10).filter(lambda s: "\n" not in s)),
                 max_size=8)


@SETTINGS
@given(lines=lines, array=st.booleans())
def test_any_archive_export(checker, folder, lines, array):
    """One report per record (or per unreadable stretch); a record's spans are exact against its text."""
    path = folder / ("ekspor.json" if array else "ekspor.jsonl")
    path.write_text("[" + ",\n".join(lines) + "]" if array else "\n".join(lines), encoding="utf-8")
    files = checker.check_paths([path]).files
    assert files and all(f.path.startswith(str(path)) for f in files)
    readable = [text for text in map(record_text, lines) if text is not None]
    for file in files:
        if file.findings:
            assert any(fits(file, text) for text in readable)
    if not array:  # one report per line that is not blank, in order
        written = [line for line in lines if line.strip()]
        assert len(files) == max(1, len(written))
        for line, file in zip(written, files):
            if file.findings:
                assert_exact(file, record_text(line))


def record_text(line):
    """The text a record line holds, under the default keys, or None."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    return next((record[k] for k in ("text", "body", "content") if record.get(k) is not None), None)


def fits(file, text) -> bool:
    return isinstance(text, str) and all(text[e.start:e.end] == e.text for f in file.findings for e in f.evidence)
