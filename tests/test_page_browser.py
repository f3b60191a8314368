"""The web page at `/` in a real headless browser: Debian's chromium, driven by Selenium through
/usr/bin/chromedriver (named explicitly, so Selenium never downloads a driver), JavaScript off."""
from __future__ import annotations

import contextlib
import shutil

import httpx
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from serving import running_server

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)),
                                reason="needs Debian's chromium and chromium-driver (installed by .ci/run)")

PHONE_WIDTH = 390
ARTICLE = "Rapat itu digelar pada Rabu (7/12/2021) di Jakarta."


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("page") / "serve.log") as (base, _):
        yield base


@contextlib.contextmanager
def page(url: str, language: str, phone: bool = False):
    """The page at `url` in headless chromium with JavaScript off and `language` as Accept-Language;
    `phone`: on a phone's screen. The browser is closed on leaving."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--lang={language}"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language,
                                              "profile.managed_default_content_settings.javascript": 2})
    if phone:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": PHONE_WIDTH, "height": 844,
                                                                              "pixelRatio": 3}})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(30)
        driver.get(url)
        yield driver
    finally:
        driver.quit()


def wait_for(driver, selector: str):
    return WebDriverWait(driver, 30).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, selector)))


def test_the_page_fits_a_phone(url):
    with page(url, "id-ID", phone=True) as driver:
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"
        widths = "[document.documentElement.scrollWidth, window.innerWidth]"
        wide, screen = driver.execute_cdp_cmd("Runtime.evaluate", {"expression": widths,
                                                                   "returnByValue": True})["result"]["value"]
        assert wide <= screen == PHONE_WIDTH  # nothing wider than the screen: no sideways scrolling


def test_the_form_posts_and_shows_the_report_without_javascript(url):
    with page(url, "id-ID") as driver:
        assert driver.find_element(By.TAG_NAME, "button").text == "Periksa"
        driver.find_element(By.NAME, "text").send_keys(ARTICLE)
        driver.find_element(By.TAG_NAME, "button").click()
        frame = wait_for(driver, "iframe")
        assert driver.find_element(By.NAME, "text").get_attribute("value") == ARTICLE  # the form keeps the text
        driver.switch_to.frame(frame)
        report = driver.find_element(By.TAG_NAME, "body").text
        assert "Rabu (7/12/2021)" in report and "Selasa" in report and "temporal.weekday-mismatch" in report


def test_english_strings_and_the_language_switch(url):
    with page(url, "en-US") as driver:
        assert driver.find_element(By.TAG_NAME, "button").text == "Check"
        driver.find_element(By.LINK_TEXT, "Bahasa Indonesia").click()
        assert wait_for(driver, "html[lang=id] button").text == "Periksa"
        driver.find_element(By.TAG_NAME, "button").click()  # nothing to check: the page says so, in its language
        assert "Tempel artikel atau pilih berkas" in wait_for(driver, "[role=alert]").text


def test_the_page_answers_accept_language_over_http(url):
    assert 'lang="id"' in httpx.get(url, headers={"Accept-Language": "fr;q=1, id;q=0.8, en;q=0.5"}).text
    assert 'lang="en"' in httpx.get(url, headers={"Accept-Language": "de"}).text
    r = httpx.post(url, files={"file": ("a.md", f"---\npublished: 2021-12-06\n---\n{ARTICLE}\n".encode())})
    assert r.status_code == 200 and "temporal.weekday-mismatch" in r.text
