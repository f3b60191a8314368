"""Renderers render: the HTML report draws the analyses the engine gives it and never runs the pipeline
itself, and `factcheck graph` analyses its article once."""
import datetime as dt

import pytest

from conftest import SEED
from factcheck import analysis
from factcheck.analysis import Analyser
from factcheck.cli import main
from factcheck.report.html import render

GOOD = "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n"  # 7/12/2021 is a Tuesday: one finding


def test_the_html_report_does_not_import_the_checker():
    grimp = pytest.importorskip("grimp")  # import-linter's import graph (the lint extra)
    graph = grimp.build_graph("factcheck")
    assert graph.chain_exists(importer="factcheck.report.html", imported="factcheck.analysis")  # the engine's part
    assert not graph.chain_exists(importer="factcheck.report.html", imported="factcheck.checker")


def test_the_html_report_draws_the_analyses_it_is_given(checker, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    report = checker.check_paths([path], published=dt.date(2021, 12, 8), lang="id")
    asked = []

    def analyses(f):
        asked.append(f.path)
        return checker.analyser.recover(f)

    page = render(report, analyses=analyses)
    assert asked == [str(path)] and '<div class="text"' in page and '<g class="node' in page
    without = render(report, analyses=lambda f: None)  # none to give: the notes alone
    assert '<div class="text"' not in without and 'class="missing"' in without and "7/12/2021" in without


def test_graph_analyses_its_article_once(tmp_path, monkeypatch, capsys):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    analysed = []
    analyse = Analyser.analyse

    def counted(self, article):
        analysed.append(article.path)
        return analyse(self, article)

    monkeypatch.setattr(analysis.Analyser, "analyse", counted)
    assert main(["graph", str(path), "--format", "svg", "--published", "2021-12-08", "--lang", "id"]) == 0
    svg = capsys.readouterr().out
    assert analysed == [str(path)]
    assert svg.startswith("<svg") and "Rabu (7/12/2021)" in svg


def test_without_the_engine_the_html_report_shows_the_notes_alone(checker):
    # nothing given, nothing read: the renderer does not analyse the article behind a report itself
    report = checker.check_file(SEED)
    page = render(report)
    assert "quantity.conflict" in page and 'class="text"' not in page
    assert 'class="text"' in render(report, analyses=checker.analyser.recover)
