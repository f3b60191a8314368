"""HTML article pages: metadata, main text without page furniture, findings at lines of the HTML source."""
import datetime as dt
import html

import pytest

from conftest import SEED
from factcheck.errors import InputError
from factcheck.ingest import article_from_html, read_article
from factcheck.text import LineIndex

D = dt.date
BAD_WEEKDAY = "Rapat digelar pada Rabu (7/12/2021) di Jakarta."  # 7/12/2021 is a Tuesday

PAGE_WITH_JSON_LD = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Koran Uji | Berita</title>
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [
  {{"@type": "WebSite", "name": "Koran Uji"}},
  {{"@type": ["NewsArticle"], "headline": "Warga Mengungsi Akibat Banjir",
    "datePublished": "2021-12-08T09:30:00+07:00", "inLanguage": "id-ID"}}]}}
</script>
<style>.tanggal::after {{ content: "Rabu (7/12/2021)"; }}</style>
</head>
<body>
<header><nav><a href="/">Beranda</a> <a href="/arsip">Arsip Rabu (7/12/2021)</a></nav></header>
<article>
<h1>Judul di Halaman</h1>
<p>{BAD_WEEKDAY}</p>
<div class="share-bar">Bagikan berita Rabu (7/12/2021)</div>
<p><strong>Baca juga:</strong> <a href="/berita/2021/12/07/1">Rusia Siapkan 175.000 Tentara</a></p>
<p>Warga &ldquo;mengungsi&rdquo; ke tenda&nbsp;darurat sejak pagi.</p>
</article>
<aside class="related"><p>Berita lain Rabu (7/12/2021)</p></aside>
<script>var terbit = "Rabu (7/12/2021)";</script>
<footer>Hak cipta, Rabu (7/12/2021)</footer>
</body>
</html>
"""

PAGE_WITH_META_ONLY = f"""<html lang="id"><head>
<meta property="og:title" content="Rapat &amp; Banjir di Jakarta">
<meta property="article:published_time" content="2021-12-08T10:00:00+07:00">
</head><body><main>
<p>{BAD_WEEKDAY}</p>
</main></body></html>
"""

PAGE_WITHOUT_METADATA = f"""<html><body>
<h1>Warga Mengungsi Akibat Banjir</h1>
<div>Kompas.com - 08/12/2021, 10:16 WIB</div>
<p>{BAD_WEEKDAY} Ribuan warga mengungsi karena banjir di kota itu sejak pagi.</p>
</body></html>
"""


def kinds(article):
    return [(s.kind, article.text[s.start:s.end]) for s in article.segments]


def checked_text(article):
    return " ".join(t for k, t in kinds(article) if k in ("headline", "body", "related-link"))


def test_page_with_json_ld(checker, tmp_path):
    path = tmp_path / "banjir.html"
    path.write_text(PAGE_WITH_JSON_LD, encoding="utf-8")
    a = read_article(path)
    assert (a.published, a.published_source) == (D(2021, 12, 8), "JSON-LD datePublished")
    assert (a.lang, a.lang_source) == ("id", "JSON-LD inLanguage")  # the article's own tag beats <html lang>
    assert a.title == "Warga Mengungsi Akibat Banjir"
    assert a.text == PAGE_WITH_JSON_LD

    report = checker.check_file(path).files[0]
    (finding,) = report.findings  # nothing from the nav, share bar, aside, script, style or footer
    assert finding.rule == "temporal.weekday-mismatch"
    (ev,) = finding.evidence
    assert ev.text == "Rabu (7/12/2021)"
    assert PAGE_WITH_JSON_LD[ev.start:ev.end] == ev.text
    line = PAGE_WITH_JSON_LD.splitlines()[ev.line - 1]
    assert line == f"<p>{BAD_WEEKDAY}</p>" and line[ev.column - 1:].startswith("Rabu (7/12/2021)")


def test_main_text_leaves_out_page_furniture_and_keeps_related_links():
    a = article_from_html(PAGE_WITH_JSON_LD, path="banjir.html")
    assert kinds(a) == [
        ("headline", "Judul di Halaman"),
        ("body", BAD_WEEKDAY),
        ("related-link", "Baca juga:"),
        ("related-link", "Rusia Siapkan 175.000 Tentara"),
        ("body", "Warga &ldquo;mengungsi&rdquo; ke tenda&nbsp;darurat sejak pagi."),
    ]
    for hidden in ("Beranda", "Bagikan", "Berita lain", "var terbit", "Hak cipta", "content:", "Koran Uji"):
        assert hidden not in checked_text(a)


def test_entities_stay_as_written_in_spans_and_are_decoded_for_reading():
    a = article_from_html("<p>Banjir &amp; longsor &ldquo;parah&rdquo; di kota itu.</p><h1>A&nbsp;&amp;&nbsp;B</h1>",
                          path="x.html", lang="id")
    assert [t for _, t in kinds(a)] == ["Banjir &amp; longsor &ldquo;parah&rdquo; di kota itu.", "A&nbsp;&amp;&nbsp;B"]
    assert a.title == "A & B"  # the h1 as a reader sees it


def test_page_with_meta_tags_only(checker, tmp_path):
    path = tmp_path / "rapat.htm"
    path.write_text(PAGE_WITH_META_ONLY, encoding="utf-8")
    a = read_article(path)
    assert (a.published, a.published_source) == (D(2021, 12, 8), "meta article:published_time")
    assert (a.lang, a.lang_source) == ("id", "<html lang>")
    assert a.title == "Rapat & Banjir di Jakarta"  # og:title, its entity decoded
    (finding,) = checker.check_file(path).files[0].findings
    assert finding.evidence[0].line == 5


@pytest.mark.parametrize("tag, source", [
    ('<meta name="pubdate" content="2021/12/08 10:16:50">', "meta pubdate"),
    ('<meta name="content_PublishedDate" content="2021-12-08 10:16:00">', "meta content_publisheddate"),
    ('<meta itemprop="datePublished" content="2021-12-08">', "meta datepublished"),
    ('<meta name="dtk:publishdate" content="2021/12/08 10:16:50">', "meta dtk:publishdate"),
    ('<time datetime="2021-12-08T10:16">Rabu, 8 Desember 2021</time>', "<time datetime>"),
])
def test_newsroom_date_tags(tag, source):
    a = article_from_html(f"<html><head></head><body>{tag}<p>{BAD_WEEKDAY}</p></body></html>", path="x.html")
    assert (a.published, a.published_source) == (D(2021, 12, 8), source)


def test_article_published_time_wins_over_other_date_tags():
    page = ('<meta name="pubdate" content="2020-01-01"><meta property="article:published_time" content="2021-12-08">'
            f'<time datetime="2019-05-05">kemarin</time><p>{BAD_WEEKDAY}</p>')
    assert article_from_html(page, path="x.html").published == D(2021, 12, 8)


def test_page_without_metadata_uses_dateline_detection_and_h1(checker, tmp_path):
    path = tmp_path / "polos.html"
    path.write_text(PAGE_WITHOUT_METADATA, encoding="utf-8")
    a = read_article(path)
    assert (a.published, a.published_source) == (D(2021, 12, 8), "dateline")
    assert (a.lang, a.lang_source) == ("id", "detected")
    assert a.title == "Warga Mengungsi Akibat Banjir"
    assert [k for k, _ in kinds(a)] == ["headline", "dateline", "body"]
    assert [f.rule for f in checker.check_file(path).files[0].findings] == ["temporal.weekday-mismatch"]


def test_page_without_any_date_is_noted_and_still_checked(checker, tmp_path):
    path = tmp_path / "tanpa-tanggal.html"
    path.write_text(f"<p>{BAD_WEEKDAY}</p>", encoding="utf-8")
    report = checker.check_file(path).files[0]
    assert report.published is None and report.error is None
    assert any("--published" in n for n in report.notes)
    assert [f.rule for f in report.findings] == ["temporal.weekday-mismatch"]


def test_options_override_the_page():
    a = article_from_html(PAGE_WITH_META_ONLY, path="x.html", published=D(2021, 12, 1), lang="en")
    assert (a.published, a.published_source, a.lang, a.lang_source) == (D(2021, 12, 1), "option", "en", "option")


@pytest.mark.parametrize("page, message", [
    ('<meta property="article:published_time" content="kemarin sore"><p>Teks.</p>',
     "meta article:published_time 'kemarin sore' is not a date"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-02-30"}</script><p>Teks.</p>',
     "JSON-LD datePublished '2021-02-30' is not a date"),
    ('<html lang="fr"><p>Le texte.</p></html>', "<html lang> 'fr' names a language factcheck has no lexicon for"),
    ("<html><head><title>Judul</title></head><body><nav>Menu</nav><script>x()</script></body></html>",
     "no article text in this page"),
])
def test_page_errors_name_the_file_and_the_cause(page, message):
    with pytest.raises(InputError) as exc:
        article_from_html(page, path="berita/halaman.html")
    assert str(exc.value).startswith("berita/halaman.html: ")
    assert message in str(exc.value)


def test_broken_json_ld_is_passed_over():
    page = ('<script type="application/ld+json">{"@type": "NewsArticle", </script>'
            '<meta property="article:published_time" content="2021-12-08"><p>Teks berita.</p>')
    assert article_from_html(page, path="x.html").published == D(2021, 12, 8)


@pytest.mark.parametrize("page, texts", [
    # an unclosed comment hides the rest of the page, as in a browser
    (f"<p>{BAD_WEEKDAY}</p><!-- <p>Tersembunyi</p>", [BAD_WEEKDAY]),
    # a ">" inside a quoted attribute value does not end the tag
    ('<p><a title="a > b">Tautan</a> lalu teks.</p>', ["Tautan", "lalu teks."]),
    # script content is not markup: its "</p><p>" is not text either
    ('<p>Awal.</p><script>if (a <b) { s = "</p><p>Palsu"; }</script><p>Akhir.</p>', ["Awal.", "Akhir."]),
    # "&#" with no ";" after it does not turn the rest of the page into text
    ("<p>Nomor &#abc</p><p>Berikutnya</p>", ["Nomor &#abc", "Berikutnya"]),
    # a stray end tag closes nothing; a missing one is closed by its parent's
    ("<div></span><p>Satu<p>Dua</div><p>Tiga</p>", ["Satu", "Dua", "Tiga"]),
    # the file ends inside a tag: the tag is dropped
    ("<p>Teks penuh.</p><a href='x", ["Teks penuh."]),
])
def test_markup_edge_cases(page, texts):
    assert [t for _, t in kinds(article_from_html(page, path="x.html", lang="id"))] == texts


def test_seed_as_html_page_gives_the_same_two_findings(checker, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    blocks = []
    for line in filter(str.strip, text.splitlines()):
        if line.startswith("Baca juga: "):
            link = f'<a href="/read/2021/12/04/1">{html.escape(line[11:])}</a>'
            blocks.append(f"<p><strong>Baca juga:</strong> {link}</p>")
        else:
            escaped = html.escape(line, quote=False).replace("“", "&ldquo;").replace("”", "&rdquo;")
            blocks.append(f"<p>{escaped}</p>")
    page = ("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<title>Kompas</title>\n"
            "<meta property=\"article:published_time\" content=\"2021-12-05T10:16:00+07:00\">\n</head>\n<body>\n"
            "<nav><a href=\"/\">Beranda</a> <a href=\"/tag/2020\">Berita awal 2020</a></nav>\n<article>\n"
            + "\n".join(blocks) + "\n</article>\n<aside class=\"related\">Rusia kerahkan 5.000 tentara</aside>\n"
            "</body>\n</html>\n")
    path = tmp_path / "seed.html"
    path.write_text(page, encoding="utf-8")

    as_text = {f.rule: f for f in checker.check_file(SEED).files[0].findings}
    as_html = {f.rule: f for f in checker.check_file(path).files[0].findings}
    assert sorted(as_html) == sorted(as_text) == ["quantity.conflict", "temporal.planned-before-publication"]
    lines = LineIndex(page)
    for rule, finding in as_html.items():
        assert [e.text for e in finding.evidence] == [e.text for e in as_text[rule].evidence]
        assert [e.note for e in finding.evidence] == [e.note for e in as_text[rule].evidence]
        for e in finding.evidence:
            assert page[e.start:e.end] == e.text
            assert (e.line, e.column) == lines.position(e.start)
