"""The HTML report in a real browser (Debian's headless Chromium, driven by its chromedriver): it fits a
desktop and a phone, its filters work with no script at all, an HTML page shows its article text, and
the pages of a split report link to each other. Screenshots are written next to each test's files.

`python tests/test_report_browser.py` writes the README's pictures (docs/report-*.png) again.
"""
import contextlib
import io
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SEED
from factcheck.cli import main

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
DESKTOP, PHONE = 1280, 390
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                                reason="needs Debian's chromium and chromium-driver (apt-get install chromium "
                                       "chromium-driver)")


def start_browser():
    """Headless Chromium through the installed chromedriver, named explicitly, so that nothing is ever
    downloaded; without network services of its own."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


@pytest.fixture(scope="module")
def browser():
    driver = start_browser()
    yield driver
    driver.quit()


def show(browser, path: Path, width: int, height: int = 900):
    browser.set_window_size(width, height)
    browser.get(path.as_uri())
    assert browser.execute_script("return window.innerWidth") == width
    return browser


def screenshot(browser, out: Path, element=None) -> Path:
    """The whole page (or one element) as a PNG."""
    if element is None:
        width = browser.execute_script("return window.innerWidth")
        browser.set_window_size(width, browser.execute_script("return document.documentElement.scrollHeight"))
        browser.save_screenshot(str(out))
    else:
        element.screenshot(str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return out


def box(element) -> dict:
    return element.rect  # x, y, width, height in CSS pixels


def report_of(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "report.html"
    assert main(["check", *args, "--output", str(out), "--quiet"]) in (0, 1)
    return out


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_seed_report_fits_the_screen_with_each_note_and_its_claims_on_it(browser, tmp_path, capsys, width):
    page = report_of(tmp_path, str(SEED))
    capsys.readouterr()
    show(browser, page, width)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width  # no sideways scroll
    text = browser.find_element(By.CSS_SELECTOR, ".text")
    notes = browser.find_elements(By.CSS_SELECTOR, ".note")
    figures = browser.find_elements(By.CSS_SELECTOR, "figure.claims")
    assert len(notes) == len(figures) == 2
    for element in (*notes, *figures):
        assert element.is_displayed()
        assert box(element)["x"] >= 0 and box(element)["x"] + box(element)["width"] <= width
    for figure in figures:  # the drawing is scaled to its figure, never cut off
        svg = figure.find_element(By.TAG_NAME, "svg")
        assert box(svg)["x"] + box(svg)["width"] <= box(figure)["x"] + box(figure)["width"] + 1
    if width == DESKTOP:  # notes beside the text
        assert box(notes[0])["x"] >= box(text)["x"] + box(text)["width"]
    else:  # notes above the text
        assert box(notes[-1])["y"] + box(notes[-1])["height"] <= box(text)["y"]
    full = browser.find_element(By.CSS_SELECTOR, "details.full-graph")
    assert not full.find_element(By.TAG_NAME, "svg").is_displayed()  # folded until asked for
    full.find_element(By.TAG_NAME, "summary").click()
    assert full.find_element(By.TAG_NAME, "svg").is_displayed()
    screenshot(browser, tmp_path / f"seed-{width}.png")


SEVERE = {"info.txt": "Sekjen NATO Jens Stoltenberg tiba di Brussel. Menurut Stoltenberg, aliansi tetap solid. Kata "
                      "Stoltenburg, dukungan akan berlanjut.\n",
          "warning.txt": "Rapat digelar pada Rabu (7/12/2021) di Jakarta.\n",
          "error.txt": "Rapat digelar pada (36/2/2023) di Jakarta. Rapat lain pada Rabu (7/12/2021).\n"}


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in SEVERE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def visible(browser, selector: str) -> list[str]:
    """The names of the files whose elements matching `selector` are shown."""
    return sorted(Path(e.text.split()[0]).name
                  for e in browser.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed())


def test_filters_by_severity_and_rule_work_without_any_script(browser, batch, tmp_path, capsys):
    page = report_of(tmp_path, str(batch), "--published", "2021-12-08", "--lang", "id")
    capsys.readouterr()
    show(browser, page, DESKTOP)
    assert browser.execute_script("return document.scripts.length") == 0  # the page has no script to run
    rows, sections = ".files tr", "section.article h2"
    everything = ["error.txt", "info.txt", "warning.txt"]
    assert visible(browser, rows) == visible(browser, sections) == everything
    browser.find_element(By.ID, "show-warning").click()  # error.txt keeps its error
    assert visible(browser, rows) == visible(browser, sections) == ["error.txt", "info.txt"]
    error_notes = browser.find_elements(By.CSS_SELECTOR, "#f1 .note")
    assert [n.is_displayed() for n in error_notes] == [True, False]  # its warning's note is hidden
    screenshot(browser, tmp_path / "filtered.png")
    rule = next(e for e in browser.find_elements(By.CSS_SELECTOR, ".filters label")
                if "entity.name-variant" in e.text)
    rule.find_element(By.TAG_NAME, "input").click()
    assert visible(browser, rows) == ["error.txt"]
    browser.find_element(By.CSS_SELECTOR, ".filters button[type=reset]").click()
    assert visible(browser, rows) == visible(browser, sections) == everything
    assert all(n.is_displayed() for n in error_notes)


def test_an_html_page_is_shown_as_its_article_text(browser, tmp_path, capsys):
    article = tmp_path / "berita.html"
    article.write_text("<!DOCTYPE html><html lang='id'><head><title>Koran</title><script>var x = 'skrip';</script>"
                       "<meta property='article:published_time' content='2021-12-08'></head><body>"
                       "<nav><a href='/'>Beranda</a></nav><article><h1>Rapat Menteri di Jakarta</h1>"
                       "<p>Rapat digelar pada <b>Rabu (7/12/2021)</b> di Jakarta &amp; Bogor.</p></article>"
                       "<footer>Hak cipta</footer></body></html>", encoding="utf-8")
    page = report_of(tmp_path, str(article))
    capsys.readouterr()
    show(browser, page, PHONE)
    shown = browser.find_element(By.CSS_SELECTOR, ".text").text
    assert shown.startswith("Rapat Menteri di Jakarta")
    assert "Rapat digelar pada Rabu (7/12/2021)" in shown and "Jakarta & Bogor." in shown
    for markup in ("DOCTYPE", "<", "skrip", "Beranda", "Hak cipta"):
        assert markup not in shown
    assert browser.find_element(By.CSS_SELECTOR, "mark.hl").text == "Rabu (7/12/2021)"
    screenshot(browser, tmp_path / "page.png")


def test_a_split_report_links_its_index_and_pages(browser, batch, tmp_path, capsys):
    folder = tmp_path / "report"
    folder.mkdir()
    assert main(["check", str(batch), "--published", "2021-12-08", "--lang", "id", "--html-dir", str(folder)]) == 1
    capsys.readouterr()
    show(browser, folder / "index.html", PHONE)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE
    screenshot(browser, tmp_path / "index.png")
    browser.find_element(By.CSS_SELECTOR, ".files a").click()
    assert "error.txt" in browser.find_element(By.CSS_SELECTOR, "h2").text
    browser.find_element(By.CSS_SELECTOR, "nav.pager a[rel=next]").click()
    assert "warning.txt" in browser.find_element(By.CSS_SELECTOR, "h2").text
    browser.find_element(By.CSS_SELECTOR, ".full-graph a").click()
    assert browser.current_url.endswith("-graph.svg")
    assert browser.find_elements(By.CSS_SELECTOR, "g.node")
    browser.back()
    browser.find_element(By.CSS_SELECTOR, ".note .rule a").click()
    assert browser.current_url.split("/")[-1].startswith("index.html#rule-")


def write_readme_pictures() -> None:
    """docs/report-desktop.png, docs/report-phone.png and docs/report-graph.png, from the sample."""
    work = Path(os.environ.get("TMPDIR", "/tmp")) / "factcheck-pictures"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    os.chdir(ROOT)  # so that the pictures name the sample as the README does
    with contextlib.redirect_stdout(io.StringIO()):
        page = report_of(work, str(SEED.relative_to(ROOT)))
    browser = start_browser()
    try:
        show(browser, page, DESKTOP, 1000)
        browser.save_screenshot(str(ROOT / "docs" / "report-desktop.png"))
        show(browser, page, PHONE, 1200)
        browser.save_screenshot(str(ROOT / "docs" / "report-phone.png"))
        show(browser, page, DESKTOP)
        screenshot(browser, ROOT / "docs" / "report-graph.png", browser.find_element(By.CSS_SELECTOR, ".figures"))
    finally:
        browser.quit()


if __name__ == "__main__":
    write_readme_pictures()
