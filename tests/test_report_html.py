"""The HTML report, read back as a document: every finding highlighted where it is, notes and
highlights linked both ways, the batch summary, and no way for an article to inject markup."""
import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from factcheck.checks import load_rules
from factcheck.cli import main
from factcheck.models import Evidence, FileReport, Finding, Report
from factcheck.report import renderer
from conftest import SEED

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


def html_of(report: Report) -> Document:
    return Document(renderer("html")(report))


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
    report, doc = seed
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
    html = renderer("html")(report)
    assert "url(" not in html and "@import" not in html and "<script" not in html and " src=" not in html
    assert set(re.findall(r"https?://[^\s\"'<>]*", html)) == {"http://www.w3.org/2000/svg"}  # a namespace


def test_header_and_rules_legend(seed):
    _, doc = seed
    section = doc.ids["f1"]
    assert "published Sunday 5 December 2021 (from the dateline)" in section.text()
    assert "language id" in section.text()
    for rule in load_rules():
        entry = doc.ids[f"rule-{rule.id}"]
        assert rule.severity in entry.text() and rule.summary.id in entry.text()


def test_batch_summary_links_sections_lists_clean_files_and_errors(checker, write, tmp_path):
    bad = write("bad.txt", "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n")
    clean = write("clean.txt", "Rapat digelar pada Selasa (7/12/2021) di Jakarta.\n")
    report = checker.check_paths([bad, clean, tmp_path / "gone.txt"], published=dt.date(2021, 12, 8), lang="id")
    doc = html_of(report)
    (header,) = doc.select("header", "summary")
    assert "3 files checked: 1 warning, 1 could not be read" in header.text()
    (table,) = doc.select("table", "files")
    assert [a.attrs["href"] for a in doc.select("a", within=table)] == ["#f1"]
    assert doc.ids["f1"].tag == "section"
    (listed,) = doc.select("p", "clean")
    assert [a.attrs["href"] for a in doc.select("a", within=listed)] == ["#f2"]
    assert doc.ids["f2"].tag == "details" and "no findings" in doc.ids["f2"].text()
    (broken,) = doc.select("div", "broken")
    assert "gone.txt" in broken.text() and "f3" not in doc.ids
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
    html = renderer("html")(report)
    doc = Document(html)
    assert len(report.files[0].findings) >= 2  # the weekday and the troop figures
    tags = {e.tag for e in doc.elements}
    assert not tags & {"script", "iframe", "img", "object", "embed", "link", "base", "form"}
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


def test_cli_writes_the_report(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["check", str(SEED), "--output", str(out)]) == 1  # the format follows the file's suffix
    capsys.readouterr()
    doc = Document(out.read_text(encoding="utf-8"))
    assert len(doc.select("mark", "hl")) == 3 and doc.ids["f1"].tag == "section"
