"""Hostile article content: each case once ended in a crash (a CheckCrash entry, a bug report) or in
output that could not be written or read. Each must now be checked like any article: no error entry,
exact evidence, reports that encode and parse."""
import datetime as dt
import json
import re
import time
import xml.etree.ElementTree as ET

import pytest

from conftest import assert_exact
from factcheck.checks import load_rules
from factcheck.cli import main
from factcheck.errors import ConfigError
from factcheck.ingest import article_from_text
from factcheck.lexicon import rules_root
from factcheck.models import without_surrogates
from factcheck.report import renderer
from factcheck.report.svg import to_svg

LAST_DAY, FIRST_DAY = dt.date(9999, 12, 31), dt.date(1, 1, 1)
# Relative dates, a yearless date and a weekday: each computed from the publication date.
RELATIVE_ID = ("Rapat digelar besok, kemarin, 3 hari lalu, Senin depan, minggu depan, bulan lalu, tahun depan dan "
               "pada 7/12.")
RELATIVE_EN = "The meeting was held yesterday, next week, last month, next year and three days ago, on Dec. 7."


def _checked(checker, text, published=None, lang="id"):
    report = checker.check_text(text, published=published, lang=lang)
    (file,) = report.files
    assert file.error is None, file.error
    assert_exact(file, text)
    return file


def _rules(file):
    return {f.rule for f in file.findings}


@pytest.mark.parametrize("text,lang", [
    ("Presiden Joe Biden (79) lahir 31 November 1942 di Scranton.", "id"),
    ("President Joe Biden (79) was born on Feb. 30, 1942 in Scranton.", "en"),
])
def test_an_age_beside_an_impossible_birth_date_is_an_invalid_date(checker, text, lang):
    for published in (dt.date(2021, 12, 5), None):
        assert _rules(_checked(checker, text, published, lang)) == {"temporal.invalid-date"}


@pytest.mark.parametrize("text", [
    "Ratusan tiga orang hadir.",
    "Sebanyak " + "9" * 400 + " orang hadir, bukan 5 orang.",
    "Sebanyak 1" + "0" * 400 + " orang hadir, bukan 5 orang.",
    "Anggarannya " + "9" * 300 + " triliun rupiah, dari 50 dari " + "9" * 400 + " (25 persen).",
    "Harganya naik dari " + "1" * 500 + " menjadi 150 persen.",
    "Jumlahnya sejuta" + " juta" * 80 + " orang.",
])
def test_odd_and_enormous_numbers_are_read_or_skipped(checker, text):
    _checked(checker, text, dt.date(2021, 12, 5))


def test_a_figure_too_long_to_count_is_not_compared(checker):
    text = "Sebanyak " + "9" * 400 + " orang hadir. Sebanyak 5 orang hadir."
    assert not _rules(_checked(checker, text, dt.date(2021, 12, 5))) & {"quantity.conflict"}


@pytest.mark.parametrize("published", [LAST_DAY, FIRST_DAY, dt.date(9999, 12, 27), dt.date(1, 1, 3)])
@pytest.mark.parametrize("text,lang", [
    (RELATIVE_ID, "id"), (RELATIVE_EN, "en"),
    ("Rapat pada Jumat (31/12/9999), Senin (1/1/0001) dan awal 0000, akan digelar pada akhir 9999.", "id"),
    ("Acara HUT ke-76 pada 0001 dan ulang tahun ke-10 sejak 9999 akan digelar Senin (3/1/0001).", "id"),
    ("Joe Biden (79) was born on Dec. 31, 9999 and will speak in mid-9999, as he said 10 years ago.", "en"),
])
def test_dates_at_the_ends_of_the_calendar(checker, text, lang, published):
    _checked(checker, text, published, lang)


@pytest.mark.parametrize("name,content", [
    ("front.md", "---\ndate: 9999-12-31\n---\n" + RELATIVE_ID + "\n"),
    ("first.md", "---\ndate: 0001-01-01\n---\n" + RELATIVE_ID + "\n"),
    ("dateline.txt", "JAKARTA, KOMPAS.com - Jumat (31/12/9999). " + RELATIVE_ID + "\n"),
    ("meta.html", ('<html><head><meta property="article:published_time" content="9999-12-31T23:00:00">'
                   f"</head><body><p>{RELATIVE_ID}</p></body></html>")),
    ("record.jsonl", json.dumps({"id": "a", "published": "9999-12-31", "text": RELATIVE_ID}) + "\n"
     + json.dumps({"id": "b", "published": "0001-01-01", "text": RELATIVE_ID}) + "\n"),
])
def test_publication_dates_at_the_ends_of_the_calendar_from_any_source(checker, tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = checker.check_file(path)
    assert report.files and not any(f.error for f in report.files)


def test_published_option_at_the_end_of_the_calendar(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(RELATIVE_ID + " Rapat pada 31/12/9999.\n", encoding="utf-8")
    assert main(["check", str(article), "--published", "9999-12-31", "--format", "json"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["summary"]["errors"] == 0


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_an_integer_too_long_for_python_in_a_record_does_not_lose_the_record(checker, tmp_path, capsys, suffix):
    path = tmp_path / f"archive{suffix}"
    records = ['{"id": "a", "views": ' + "9" * 5000 + ', "text": "Rapat pada Senin (7/12/2021)."}',
               '{"id": "b", "text": "Rapat pada Senin (7/12/2021)."}']
    path.write_text("\n".join(records) + "\n" if suffix == ".jsonl" else f"[{','.join(records)}]", encoding="utf-8")
    report = checker.check_file(path)
    assert [f.path.rsplit("#")[-1] for f in report.files] == ["a", "b"]
    assert not any(f.error for f in report.files)
    # SARIF and GitHub annotations read the record again, to point at its place in the export
    assert main(["check", str(path), "--format", "sarif"]) == 1
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert len(results) == 2
    assert main(["check", str(path), "--format", "github"]) == 1
    assert capsys.readouterr().out.count("::warning file=") == 2


def test_lone_surrogates_in_a_record_and_a_file_name_reach_every_report(tmp_path, capsys):
    archive = tmp_path / "archive.jsonl"
    archive.write_text(json.dumps({"id": "x\ud800y", "title": "judul \udfff", "published": "2021-12-05",
                                   "text": "Rapat pada Senin (7/12/2021) \udc00."}) + "\n", encoding="utf-8")
    odd_name = tmp_path / "berita\udcff.txt"  # a byte of the name that is not UTF-8
    odd_name.write_text("Rapat pada Senin (7/12/2021).\n", encoding="utf-8")
    for fmt in ("json", "text", "sarif", "junit", "markdown", "github", "gitlab"):
        assert main(["check", str(archive), str(odd_name), "--format", fmt]) == 1
        out = capsys.readouterr().out
        out.encode("utf-8")
        assert "\ufffd" in out
        if fmt == "json":
            paths = [f["path"] for f in json.loads(out)["files"]]
            assert paths == [f"{archive}#x\ufffdy", str(odd_name).replace("\udcff", "\ufffd")]


def test_reports_of_surrogate_texts_encode(checker):
    report = checker.check_text("Rapat pada Senin (7/12/2021)\ud83d.", published=dt.date(2021, 12, 5), lang="id",
                                path="a\udcffb.txt")
    assert report.files[0].findings
    for fmt in ("json", "text", "sarif", "junit", "markdown", "github", "gitlab"):
        renderer(fmt)(report).encode("utf-8")


@pytest.mark.parametrize("text, expected", [
    ("plain ascii", "plain ascii"),
    ("tanda \u201ckutip\u201d \U0001F600", "tanda \u201ckutip\u201d \U0001F600"),  # a pair is one character
    ("a\ud800b\udfff", "a\ufffdb\ufffd"),
    ("\u201cx\u201d \udc80", "\u201cx\u201d \ufffd"),
])
def test_only_lone_surrogates_are_replaced(text, expected):
    assert without_surrogates(text) == expected


GOOD_RULE = (rules_root() / "temporal" / "planned-before-publication.yaml").read_text(encoding="utf-8")


def _rule_folder(tmp_path, text):
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / "rule.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("spec", ["{text:>999999999}", "{text:.999999999}", "{text:x^201}", "{days:0999999}",
                                  "{text:>" + "9" * 5000 + "}"])
def test_a_template_width_past_the_bound_is_refused_when_rules_load(tmp_path, spec):
    started = time.perf_counter()
    with pytest.raises(ConfigError, match=r"rule\.yaml: field 'message\.id': .*width or precision over 200"):
        load_rules([_rule_folder(tmp_path, GOOD_RULE.replace("{text}", spec, 1))])
    assert time.perf_counter() - started < 1  # refused, never run


def test_a_template_width_within_the_bound_loads(tmp_path):
    (rule,) = load_rules([_rule_folder(tmp_path, GOOD_RULE.replace("{text}", "{text:>20}", 1))])
    assert "{text:>20}" in rule.message.texts()["id"]


@pytest.mark.parametrize("value", ["100000000000000000000", "-100001", "9" * 4000])
def test_a_huge_rule_parameter_is_refused_when_rules_load(tmp_path, value):
    text = GOOD_RULE.replace("examples:", f"params:\n  grace_days: {value}\nexamples:")
    with pytest.raises(ConfigError, match=r"rule\.yaml: .*'grace_days' is out of range"):
        load_rules([_rule_folder(tmp_path, text)])


# --- output injection ---------------------------------------------------------------------------

# A record id and article text that a raw report would act on: clear the screen and set the window
# title, return to the line start or step back over it, reorder it, write a character XML forbids.
HOSTILE_ID = "x\x1b[2J\x1b]0;owned\x07\r\x08\u202eid\x00"
HOSTILE_TEXT = "Rapat pada Senin\r(7/12/2021) dan Selasa\x1c(7/12/2021)."
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile_archive(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text(json.dumps({"id": HOSTILE_ID, "published": "2021-12-05", "text": HOSTILE_TEXT}) + "\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "junit", "markdown", "github"])
def test_text_reports_show_control_characters_and_bidi_marks_escaped(hostile_archive, capsys, fmt):
    assert main(["check", str(hostile_archive), "--format", fmt]) == 1
    out = capsys.readouterr().out
    assert not RAW.search(out)
    assert "\\x1b[2J" in out and "\\u202e" in out and "\\x08" in out
    if fmt in ("text", "junit", "markdown"):  # the evidence itself; GitHub annotations give the message
        assert "Senin\\r(7/12/2021)" in out
    if fmt == "junit":
        ET.fromstring(out.encode("utf-8"))


def test_junit_and_graphml_files_parse_with_control_characters(hostile_archive, tmp_path):
    report = tmp_path / "report.xml"
    assert main(["check", str(hostile_archive), "--output", str(report)]) == 1
    ET.parse(report)
    article = tmp_path / "a.txt"
    prose = "Warga kota itu berkumpul di alun-alun sejak pagi. " * 20  # a few stray controls are still text
    article.write_text("Presiden Joe\x0bBiden (79) berkata pada Senin\x1c(7/12/2021). Joe\x1fBiden\x1b[1m hadir.\n"
                       + prose, encoding="utf-8")
    for fmt in ("graphml", "dot"):
        out = tmp_path / f"graph.{fmt}"
        assert main(["graph", str(article), "--format", fmt, "--output", str(out)]) == 0
        text = out.read_text(encoding="utf-8")
        assert not RAW.search(text) and "x1c(7/12/2021)" in text
        if fmt == "graphml":
            ET.fromstring(text.encode("utf-8"))


@pytest.mark.parametrize("record_id", ["a`b", "a``b</code>*x*", "`", "``x", "x\n# heading"])
def test_a_record_id_cannot_break_out_of_its_markdown_code_span(tmp_path, capsys, record_id):
    path = tmp_path / "archive.jsonl"
    path.write_text(json.dumps({"id": record_id, "published": "2021-12-05", "text": HOSTILE_TEXT}) + "\n",
                    encoding="utf-8")
    main(["check", str(path), "--format", "markdown"])
    (heading,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("### ")]
    opened = re.match("`+", heading[4:])
    assert opened, heading
    fence = opened.group()
    inside = heading[4 + len(fence):-len(fence)]
    assert heading.endswith(fence) and not heading.endswith("`" + fence)
    # CommonMark closes a code span at the first run of exactly as many backticks: none inside
    assert fence not in re.findall("`+", inside)
    assert inside.strip(" ") == f"{path}#{record_id}".replace("\n", "\\n")


def test_escaping_keeps_ordinary_text(checker):
    from factcheck.text import visible

    text = "Rapat pada Senin (7/12/2021), kata Joko Widodo — “tiga” orang\tdatang. بهار 北京 😀"
    assert visible(text) == text


# --- linear time: what the rewritten suppressions must still answer (timings: bench/pathological.py) ---

WEEKDAY = "Rapat digelar pada Senin (7/12/2021)."  # temporal.weekday-mismatch
INVALID = "Batas waktunya 32/12/2021."  # temporal.invalid-date
BOTH = f"{WEEKDAY} {INVALID}"


def _found(text, **options):
    from factcheck import Checker

    report = Checker(**options).check_text(text, published=dt.date(2021, 12, 8), lang="id")
    return [(f.evidence[0].line, f.rule.split(".")[1]) for f in report.files[0].findings]


def _copies(lines, n):
    return "".join("\n".join(lines) + "\n" for _ in range(n))


def test_crossing_blocks_each_end_at_their_own_enable():
    text = _copies(["<!-- factcheck-disable temporal.weekday-mismatch -->", BOTH,
                    "<!-- factcheck-disable temporal.invalid-date -->", BOTH,
                    "<!-- factcheck-enable temporal.weekday-mismatch -->", BOTH,
                    "<!-- factcheck-enable temporal.invalid-date -->", BOTH], 300)
    found = _found(text)
    assert sorted({(line % 8, rule) for line, rule in found}) == [
        (0, "invalid-date"), (0, "weekday-mismatch"), (2, "invalid-date"), (6, "weekday-mismatch")]
    assert len(found) == 4 * 300


def test_enable_naming_one_rule_of_a_block_ends_only_that_rule():
    text = "\n".join(["<!-- factcheck-disable temporal.weekday-mismatch temporal.invalid-date -->",
                      "<!-- factcheck-enable temporal.weekday-mismatch -->", BOTH, "<!-- factcheck-enable -->", BOTH])
    assert _found(text) == [(3, "weekday-mismatch"), (5, "weekday-mismatch"), (5, "invalid-date")]


def test_a_block_of_every_rule_ends_at_any_enable():
    text = "\n".join(["<!-- factcheck-disable -->", WEEKDAY, "<!-- factcheck-enable quantity -->", WEEKDAY])
    assert _found(text) == [(4, "weekday-mismatch")]


def test_repeated_disable_next_line_and_unused_ones():
    text = _copies(["<!-- factcheck-disable-next-line temporal.weekday-mismatch -->", BOTH,
                    "<!-- factcheck-disable-next-line quantity -->", BOTH], 500)
    found = _found(text, warn_unused_suppressions=True)
    assert sorted({(line % 4, rule) for line, rule in found}) == [
        (0, "invalid-date"), (0, "weekday-mismatch"), (2, "invalid-date"), (3, "unused-suppression")]
    assert len(found) == 4 * 500


def test_a_made_up_record_path_is_not_opened_again(checker):
    report = checker.check_text("Rapat pada Senin (7/12/2021).", published=dt.date(2021, 12, 5), lang="id",
                                path="artikel\x00#1.jsonl")
    for fmt in ("sarif", "github", "gitlab"):  # each would look for the record's place in its export
        assert "temporal.weekday-mismatch" in renderer(fmt)(report)


def test_the_html_report_shows_bidi_marks_in_file_names(tmp_path, capsys):
    path = tmp_path / "archive.jsonl"
    path.write_text(json.dumps({"id": "ab\u202ecod.exe", "published": "2021-12-05", "text": HOSTILE_TEXT}) + "\n",
                    encoding="utf-8")
    assert main(["check", str(path), "--format", "html"]) == 1
    page = capsys.readouterr().out
    names = [text for _, text in re.findall(r"<(a|code)\b[^>]*>(.*?)</\1>", page) if "cod.exe" in text]
    assert names and all(text.endswith("#ab\\u202ecod.exe") for text in names)


def test_unreadable_yaml_values_are_one_line_errors(checker, tmp_path):
    """A date that does not exist or an integer of thousands of digits, in front matter or a rule file."""
    article = tmp_path / "a.md"
    article.write_text("---\nwords: " + "9" * 5000 + "\n---\nIsi.\n", encoding="utf-8")
    report = checker.check_paths([article])
    assert "a value that cannot be read" in report.files[0].error and "quotes" in report.files[0].error
    folder = tmp_path / "pack"
    folder.mkdir()
    rule = (rules_root() / "temporal" / "invalid-date.yaml").read_text(encoding="utf-8")
    huge = "category: temporal\nparams: {n: " + "9" * 5000 + "}"
    (folder / "x.yaml").write_text(rule.replace("id: temporal.invalid-date", "id: temporal.house-x")
                                   .replace("category: temporal", huge, 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"x\.yaml.*a value that cannot be read"):
        load_rules([folder])


def test_the_graph_picture_title_shows_bidi_marks_escaped(checker):
    article = article_from_text("Judul \u202eevil\u202c\n\nRapat pada Rabu (8/12/2021).\n", lang="id",
                                published=dt.date(2021, 12, 8))
    _, graph = checker.analyse(article)
    picture = to_svg(graph, [])
    assert "\u202e" not in picture and "\\u202e" in picture
