"""The HTML report, read back as a document: every finding highlighted where it is, notes and
highlights linked both ways, the batch summary, and no way for an article to inject markup."""
import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import SEED
from factcheck.analysis import Analyser
from factcheck.checks import load_rules
from factcheck.cli import main
from factcheck.ingest import read_article
from factcheck.models import Evidence, FileReport, Finding, Report
from factcheck.report import renderer
from factcheck.report.html import pages

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
DOUBLE = ("---\ndate: 2021-12-05\nlang: id\n---\nRapat digelar pada Rabu (7/12/2021) di Jakarta. Rusia menyiapkan "
          "175.000 tentara.\n\nBaca juga: Rusia Kumpulkan 70.000 Tentara\n\nBagikan artikel ini melalui\n")


class Element:
    def __init__(self, tag: str, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.parts: list = []  # text and child elements, in order

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self, skip=lambda e: False) -> str:
        return "".join(p if isinstance(p, str) else "" if skip(p) else p.text(skip) for p in self.parts)

    def iter(self):
        yield self
        for p in self.parts:
            if isinstance(p, Element):
                yield from p.iter()


class Document(HTMLParser):
    """A tree of the page that fails on an end tag that does not close the open element, so building
    it checks that the markup is well formed."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = self.open = Element("#document", [], None)
        self.feed(html)
        self.close()
        assert self.open is self.root, f"<{self.open.tag}> is never closed"
        self.elements = list(self.root.iter())[1:]
        ids = [e.attrs["id"] for e in self.elements if "id" in e.attrs]
        assert len(ids) == len(set(ids)), "an id is used twice"
        self.ids = {e.attrs["id"]: e for e in self.elements if "id" in e.attrs}

    def handle_starttag(self, tag, attrs):
        el = Element(tag, attrs, self.open)
        self.open.parts.append(el)
        if tag not in VOID:
            self.open = el

    def handle_startendtag(self, tag, attrs):
        self.open.parts.append(Element(tag, attrs, self.open))

    def handle_endtag(self, tag):
        assert tag == self.open.tag, f"</{tag}> while <{self.open.tag}> is open"
        self.open = self.open.parent

    def handle_data(self, data):
        self.open.parts.append(data)

    def select(self, tag: str, cls: str = "", within: Element | None = None) -> list[Element]:
        scope = within.iter() if within else self.elements
        return [e for e in scope if e.tag == tag and (not cls or cls in e.classes)]

    def assert_links_resolve(self) -> None:
        for a in self.select("a"):
            assert a.attrs["href"].startswith("#") and a.attrs["href"][1:] in self.ids, a.attrs["href"]


def is_ref(e: Element) -> bool:
    return "ref" in e.classes


@pytest.fixture
def write(tmp_path):
    def write(name: str, text: str):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path
    return write


ANALYSER = Analyser()  # the engine's, as the CLI passes it: the renderer never analyses an article itself


def html_page(report: Report, **options: object) -> str:
    return renderer("html")(report, analyses=ANALYSER.recover, **options)


def html_of(report: Report) -> Document:
    return Document(html_page(report))


@pytest.fixture(scope="module")
def seed(checker):
    report = checker.check_file(SEED)
    return report, html_of(report)


def test_every_finding_is_highlighted_exactly_where_its_evidence_is(checker, write):
    double = checker.check_file(write("double.md", DOUBLE))  # two findings on one span, nested
    for report in (double, checker.check_file(SEED)):
        doc = html_of(report)
        findings = report.files[0].findings
        assert len(findings) >= 2
        for n, x in enumerate(findings, 1):
            for j, e in enumerate(x.evidence, 1):
                mark = doc.ids[f"f1-n{n}-e{j}"]
                assert mark.tag == "mark" and {"hl", x.severity} <= mark.classes
                assert mark.text() == e.text


def test_the_text_is_the_article_verbatim_with_its_segments_marked(seed):
    _report, doc = seed
    (text,) = doc.select("div", "text")
    article = SEED.read_text(encoding="utf-8")
    assert text.text(skip=is_ref) == article
    related = [e.text() for e in doc.select("span", "related-link", text)]
    assert related[0].startswith("Baca juga: Rusia Disebut Siapkan") and len(related) == 2
    assert "Baca berita tanpa iklan. Gabung Kompas.com+" in [e.text() for e in doc.select("span", "boilerplate", text)]


def test_notes_and_highlights_link_both_ways(seed):
    report, doc = seed
    (text,) = doc.select("div", "text")
    links_in_text = [a.attrs["href"] for a in doc.select("a", within=text)]
    for n, x in enumerate(report.files[0].findings, 1):
        note = doc.ids[f"f1-n{n}"]
        assert note.tag == "li" and x.message in note.text() and x.rule in note.text()
        assert x.reasoning in note.text() and x.suggestion in note.text()
        from_note = {a.attrs["href"] for a in doc.select("a", within=note)}
        for j in range(1, len(x.evidence) + 1):
            assert f"#f1-n{n}-e{j}" in from_note  # note -> highlight
        assert links_in_text.count(f"#f1-n{n}") == len(x.evidence)  # each highlight -> note
        assert f"#rule-{x.rule}" in from_note
    conflict = next(n for n, x in enumerate(report.files[0].findings, 1) if x.rule == "quantity.conflict")
    assert {f"#f1-n{conflict}-e1", f"#f1-n{conflict}-e2"} <= set(links_in_text)  # each figure -> the other
    doc.assert_links_resolve()


def test_the_page_asks_for_nothing_outside_itself(seed):
    report, _ = seed
    html = html_page(report)
    assert "url(" not in html and "@import" not in html and "<script" not in html and " src=" not in html
    assert set(re.findall(r"https?://[^\s\"'<>]*", html)) == {"http://www.w3.org/2000/svg"}  # a namespace


def test_header_and_rules_legend_in_the_articles_language(seed):
    report, doc = seed
    assert doc.select("html")[0].attrs["lang"] == "id"
    assert doc.select("h1")[0].text() == "Laporan factcheck"
    section = doc.ids["f1"]
    assert "terbit Minggu, 5 Desember 2021 (dari baris tanggal)" in section.text()
    assert "bahasa id" in section.text()
    assert [e.text() for e in doc.select("span", "sev", section)] == ["peringatan", "peringatan"]
    for rule in load_rules():
        entry = doc.ids[f"rule-{rule.id}"]
        assert rule.summary.texts()["id"] in entry.text()
    english = Document(html_page(report, report_lang="en"))
    assert english.select("html")[0].attrs["lang"] == "en" and english.select("h1")[0].text() == "factcheck report"
    assert "published Sunday, December 5, 2021 (from the dateline)" in english.ids["f1"].text()
    assert load_rules()[0].summary.en in english.ids[f"rule-{load_rules()[0].id}"].text()


def test_the_report_language_follows_most_articles_or_the_option(checker, write, tmp_path):
    english = [write(f"en{i}.txt", "The meeting was held on Wednesday (7/12/2021) in Jakarta.\n") for i in range(2)]
    indonesian = write("id.txt", "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n")
    report = checker.check_paths([indonesian, *english], published=dt.date(2021, 12, 8))
    assert [f.language for f in report.files] == ["id", "en", "en"]
    assert Document(html_page(report)).select("html")[0].attrs["lang"] == "en"
    out = tmp_path / "r.html"
    assert main(["check", str(indonesian), *map(str, english), "--published", "2021-12-08", "--output", str(out),
                 "--report-lang", "id"]) == 1
    totals = Document(out.read_text(encoding="utf-8")).select("p", "totals")[0].text()
    assert "3 berkas diperiksa: 3 peringatan" in totals


def test_batch_summary_links_sections_lists_clean_files_and_errors(checker, write, tmp_path):
    bad = write("bad.txt", "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n")
    clean = write("clean.txt", "Rapat digelar pada Selasa (7/12/2021) di Jakarta.\n")
    report = checker.check_paths([bad, clean, tmp_path / "gone.txt"], published=dt.date(2021, 12, 8), lang="id")
    doc = Document(html_page(report, report_lang="en"))
    (header,) = doc.select("header", "summary")
    assert "3 files checked: 1 warning, 1 could not be read" in header.text()
    (table,) = doc.select("table", "files")
    assert [a.attrs["href"] for a in doc.select("a", within=table)] == ["#f1"]
    assert doc.ids["f1"].tag == "section"
    (listed,) = doc.select("p", "clean")
    assert "clean.txt" in listed.text() and "f2" not in doc.ids  # a clean article is named, not shown
    (broken,) = doc.select("div", "broken")
    assert "gone.txt" in broken.text() and "f3" not in doc.ids
    doc.assert_links_resolve()


SEVERE = {"info.txt": "Sekjen NATO Jens Stoltenberg tiba di Brussel. Menurut Stoltenberg, aliansi tetap solid. Kata "
                      "Stoltenburg, dukungan akan berlanjut.\n",
          "warning.txt": "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n",
          "two-warnings.txt": "Rapat digelar pada Rabu (7/12/2021) di Jakarta. Rapat lain pada Kamis (7/12/2021).\n",
          "error.txt": "Rapat digelar pada (36/2/2023) di Jakarta.\n"}


@pytest.fixture
def severe(checker, write):
    """Four articles, given in file-name order, whose worst findings are an info, a warning, two
    warnings and an error."""
    paths = [write(name, text) for name, text in sorted(SEVERE.items())]
    return checker.check_paths(paths, published=dt.date(2021, 12, 8), lang="id")


def test_files_are_ordered_by_severity(severe):
    by_name = {Path(f.path).name: f for f in severe.files}
    assert {n: [x.severity for x in f.findings] for n, f in by_name.items()} == {
        "error.txt": ["error"], "info.txt": ["info"], "two-warnings.txt": ["warning", "warning"],
        "warning.txt": ["warning"]}
    doc = html_of(severe)
    (table,) = doc.select("table", "files")
    rows = [Path(a.text()).name for a in doc.select("a", within=table)]
    assert rows == ["error.txt", "two-warnings.txt", "warning.txt", "info.txt"]
    sections = [Path(doc.select("code", within=e)[0].text()).name for e in doc.select("section", "article")]
    assert sections == rows


def test_filters_by_severity_and_rule_are_checkboxes_the_style_sheet_reads(severe):
    html = html_page(severe)
    doc = Document(html)
    (form,) = doc.select("form", "filters")
    boxes = {e.attrs["id"]: e.parent.text() for e in doc.select("input", within=form)}
    assert all("checked" in e.attrs for e in doc.select("input", within=form))
    levels = ["show-error", "show-warning", "show-info"]
    assert [b for b in boxes if b in levels] == levels
    rule_boxes = {text.split()[0]: box for box, text in boxes.items() if box.startswith("show-r")}
    assert set(rule_boxes) == set(severe.summary.by_rule)
    assert doc.select("button", within=form)[0].attrs["type"] == "reset"  # ticks every box again, no script
    for rule, box in rule_boxes.items():
        key = box.removeprefix("show-")
        severity = next(x.severity for f in severe.files for x in f.findings if x.rule == rule)
        assert f"body:has(#show-{severity}:checked):has(#{box}:checked) .{key}{{display:revert}}" in html
        holders = [e for e in doc.elements if key in e.classes]
        assert holders and all("fx" in e.classes for e in holders)
        # each row, section, note and note number of a finding of the rule is filtered by it
        for f in severe.files:
            n = sum(x.rule == rule for x in f.findings)
            if n:
                section = next(e for e in doc.select("section", "article")
                               if doc.select("code", within=e)[0].text() == f.path)
                assert key in section.classes
                assert len([e for e in doc.select("li", "note", section) if key in e.classes]) == n
    assert "body:has(.filters) .fx{display:none}" in html


PAGE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Koran Uji | Rusia Siapkan Pasukan</title>
<meta property="article:published_time" content="2021-12-08T09:30:00+07:00">
<script>var iklan = "Rabu (7/12/2021)";</script>
<style>body { font-family: serif }</style>
</head>
<body>
<nav class="menu"><a href="/">Beranda</a> <a href="/dunia">Dunia</a></nav>
<article>
<h1>Rusia Siapkan 175.000 Tentara di Perbatasan</h1>
<p>Rapat para menteri digelar pada <b>Rabu (7/12/2021)</b> di Jakarta, kata juru bicara.</p>
<p>Rusia mengumpulkan sekitar 70.000 tentara di dekat perbatasan, menurut pejabat &ldquo;intelijen&rdquo; AS.</p>
<div class="share-bar">Bagikan: Facebook Twitter</div>
</article>
<aside class="related"><p>Berita lain: Rusia Siapkan 300.000 Tentara</p></aside>
<footer>Hak cipta 2021 Koran Uji</footer>
</body>
</html>
"""
PAGE_TEXT = ("Rusia Siapkan 175.000 Tentara di Perbatasan\n\nRapat para menteri digelar pada Rabu (7/12/2021) di "
             "Jakarta, kata juru bicara.\n\nRusia mengumpulkan sekitar 70.000 tentara di dekat perbatasan, menurut "
             "pejabat \u201cintelijen\u201d AS.")


def test_an_html_page_shows_the_article_text_that_was_checked(write, tmp_path, capsys):
    page = write("berita.html", PAGE)
    out = tmp_path / "report.html"
    assert main(["check", str(page), "--output", str(out)]) == 1
    capsys.readouterr()
    doc = Document(out.read_text(encoding="utf-8"))
    (text,) = doc.select("div", "text")
    assert text.text(skip=is_ref) == PAGE_TEXT  # no doctype, head, script, navigation, share bar or aside
    assert [e.text(skip=is_ref) for e in doc.select("span", "headline", text)] == [PAGE_TEXT.split("\n")[0]]
    assert sorted(m.text() for m in doc.select("mark", "hl")) == ["175.000 Tentara", "Rabu (7/12/2021)",
                                                                 "sekitar 70.000 tentara"]
    labels = [t.text() for t in doc.select("text") if t.parent.tag == "g"]
    assert labels and not [x for x in labels if "<" in x or "html" in x.lower()]  # no claim graph of markup
    doc.assert_links_resolve()


@pytest.mark.parametrize("source", ["text", "changed file"])
def test_notes_without_text_when_the_article_cannot_be_read_again(checker, write, source):
    article = "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n"
    if source == "text":
        report = checker.check_text(article, published=dt.date(2021, 12, 8), lang="id")
    else:
        path = write("a.txt", article)
        report = checker.check_file(path, published=dt.date(2021, 12, 8), lang="id")
        path.write_text("Kalimat lain di depan. " + article, encoding="utf-8")
    doc = html_of(report)
    assert not doc.select("mark") and doc.select("p", "missing")
    assert "7/12/2021" in doc.ids["f1-n1"].text()
    doc.assert_links_resolve()


def test_crossing_spans_stay_well_formed(write):
    path = write("a.txt", "Rabu (7/12/2021) pagi hari.\n")

    def finding(start: int, end: int, rule: str) -> Finding:
        ev = Evidence(start=start, end=end, line=1, column=start + 1, text=path.read_text()[start:end])
        return Finding(rule=rule, category="temporal", severity="warning", message="m", evidence=(ev,))

    report = Report.of([FileReport(path=str(path), language="id",
                                   findings=(finding(0, 16, "temporal.a"), finding(5, 21, "temporal.b")))])
    doc = html_of(report)  # parsing it checks the nesting
    assert doc.ids["f1-n1-e1"].text() == "Rabu (7/12/2021)"
    assert doc.ids["f1-n2-e1"].text() == "(7/12/2021)"  # split where the other ends, and reopened
    assert [m.text() for m in doc.select("mark") if "id" not in m.attrs] == [" pagi"]
    assert doc.select("div", "text")[0].text(skip=is_ref) == path.read_text()
    doc.assert_links_resolve()  # the legend has entries for rules it did not load


HOSTILE = ('---\ntitle: "<script>alert(1)</script></style><img src=x onerror=alert(2)>"\ndate: 2021-12-05\n'
           'lang: id\n---\n<script>alert("x")</script> Rapat digelar pada Rabu (7/12/2021) di '
           '<b onmouseover="alert(3)">Jakarta</b>.\n</style><style>body{display:none}</style> Rusia menyiapkan '
           '175.000 tentara \u202eevil\u202c.\x00\x01 Rusia <iframe src="https://evil.example/"> mengumpulkan '
           'sekitar 70.000 tentara. <a href="javascript:alert(4)">x</a> ]]> <!-- --> &amp;\n')


def test_a_hostile_article_cannot_inject_markup(checker, write):
    report = checker.check_file(write("evil.md", HOSTILE))
    html = html_page(report)
    doc = Document(html)
    assert len(report.files[0].findings) >= 2  # the weekday and the troop figures
    tags = {e.tag for e in doc.elements}
    assert not tags & {"script", "iframe", "img", "object", "embed", "link", "base"}
    assert [e.attrs["class"] for e in doc.select("form")] == ["filters"]  # the report's own, without action
    assert [e.attrs["type"] for e in doc.select("button")] == ["reset"]
    assert [e.parent.tag for e in doc.select("style")] == ["head"]
    for e in doc.elements:
        assert not any(name.startswith("on") for name in e.attrs), (e.tag, e.attrs)
        assert "src" not in e.attrs and e.attrs.get("href", "#").startswith("#")
    assert "default-src 'none'" in doc.select("meta")[-1].attrs["content"]
    (text,) = doc.select("div", "text")
    assert '<script>alert("x")</script>' in text.text() and "<iframe" in text.text()
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", html)
    ET.fromstring(html[html.index("<svg"):html.index("</svg>") + 6])  # the inline SVG is well-formed XML
    doc.assert_links_resolve()


def test_a_hostile_page_cannot_inject_markup_through_its_decoded_text(checker, write):
    page = PAGE.replace("kata juru bicara", "kata &lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;")
    doc = Document(html_page(checker.check_file(write("evil.html", page))))
    (text,) = doc.select("div", "text")
    assert not doc.select("script") and {e.tag for e in text.iter()} <= {"div", "span", "mark", "sup", "a"}
    assert "kata <script>alert(1)</script> &lt;b&gt;" in text.text()


def test_cli_writes_the_report(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["check", str(SEED), "--output", str(out)]) == 1  # the format follows the file's suffix
    capsys.readouterr()
    doc = Document(out.read_text(encoding="utf-8"))
    assert len(doc.select("mark", "hl")) == 3 and doc.ids["f1"].tag == "section"


def test_each_note_draws_only_the_claims_it_rests_on_and_the_full_graph_is_folded(seed, checker):
    _report, doc = seed
    _, graph = checker.analyse(read_article(SEED))
    figures = doc.select("figure", "claims")
    assert [doc.select("a", within=e)[0].attrs["href"] for e in figures] == ["#f1-n1", "#f1-n2"]
    drawn = [{g.attrs["data-node"] for g in doc.select("g", "node", e)} for e in figures]
    assert drawn[0] == {"entity:Russia", *(n for n in drawn[0] if n.startswith("quantity:"))} and len(drawn[0]) == 3
    assert len(drawn[1]) == 2 and any(n.startswith("time:") for n in drawn[1])
    assert not doc.select("g", "legend", figures[0])
    (full,) = doc.select("details", "full-graph")
    assert "open" not in full.attrs
    assert {g.attrs["data-node"] for g in doc.select("g", "node", full)} == set(graph.nodes)


def test_a_large_batch_splits_into_an_index_and_a_page_per_article(severe, write, tmp_path, capsys):
    files = pages(severe, report_lang="en", analyses=ANALYSER.recover)
    ranked = ["error.txt", "two-warnings.txt", "warning.txt", "info.txt"]
    numbers = {Path(f.path).name: i for i, f in enumerate(severe.files, 1)}
    assert set(files) == {"index.html", *(f"article-{numbers[n]}{part}" for n in ranked
                                          for part in (".html", "-graph.svg"))}
    index = Document(files["index.html"])
    (table,) = index.select("table", "files")
    assert [a.attrs["href"] for a in index.select("a", within=table)] == [f"article-{numbers[n]}.html" for n in ranked]
    assert index.select("form", "filters") and index.select("footer", "rules") and not index.select("section")
    for k, name in enumerate(ranked):
        page = Document(files[f"article-{numbers[name]}.html"])
        (section,) = page.select("section", "article")
        assert name in section.text() and not page.select("form")
        hrefs = {a.attrs["href"] for a in page.select("a")}
        assert "index.html" in hrefs and f"article-{numbers[name]}-graph.svg" in hrefs
        neighbours = {f"article-{numbers[n]}.html" for n in ranked[max(k - 1, 0):k + 2] if n != name}
        assert neighbours == {h for h in hrefs if h.startswith("article-") and h.endswith(".html")}
        for href in hrefs:  # every link lands on a file of the folder, on an id of that page or the index
            target, _, anchor = href.partition("#")
            assert href.startswith("#") or target in files
            assert not anchor or anchor in (page if not target else Document(files[target])).ids
        ET.fromstring(files[f"article-{numbers[name]}-graph.svg"])
    folder = tmp_path / "report"
    paths = [str(tmp_path / n) for n in SEVERE]
    assert main(["check", *paths, "--published", "2021-12-08", "--lang", "id", "--html-dir", str(folder)]) == 2
    assert "does not exist" in capsys.readouterr().err
    folder.mkdir()
    assert main(["check", *paths, "--published", "2021-12-08", "--lang", "id", "--html-dir", str(folder)]) == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)
    assert "4 berkas diperiksa" in (folder / "index.html").read_text(encoding="utf-8")
