"""The report file and the web app in a real headless Chromium (Debian's `chromium` and
`chromium-driver`, driven by selenium): no console error, no external request, no
policy violation; a contested claim's mark shows its evidence, by mouse and by
keyboard; the hostile article stays inert. Screenshots land in test-output/."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import HOSTILE_BODY_MARKUP, HOSTILE_TITLE, rows
from newsprism.report.html import write_report
from newsprism.serve import make_server
from newsprism.store import Store

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Debian's chromium and chromium-driver are not installed")

OUTPUT = Path(__file__).resolve().parents[1] / "test-output"

# Runs before any page script (DevTools Page.addScriptToEvaluateOnNewDocument, which CSP does not block).
WATCH = """
window.__violations = []; window.__alerts = [];
document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });
window.alert = window.confirm = window.prompt = function (m) { window.__alerts.push(String(m)); };
"""


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                     "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
    OUTPUT.mkdir(exist_ok=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def report_url(report_db, tmp_path_factory) -> str:
    output = tmp_path_factory.mktemp("browser") / "report.html"
    with Store(report_db, read_only=True, sandboxed=True) as store:
        write_report(store, output)
    return output.as_uri()


@pytest.fixture(scope="module")
def app_url(report_db):
    server = make_server(report_db, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def story_id(report_db) -> str:
    return rows(report_db, "SELECT id FROM stories ORDER BY len(article_ids) DESC, id LIMIT 1")[0][0]


def open_page(driver, url: str) -> None:
    driver.get("about:blank")
    driver.get_log("browser")  # start each page with an empty console
    driver.get(url)


def assert_clean(driver, origin: str | None) -> None:
    """No console error, no CSP violation, no alert; nothing loaded from elsewhere
    (from anywhere at all for the report file)."""
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors
    assert driver.execute_script("return window.__violations") == []
    assert driver.execute_script("return window.__alerts") == []
    loaded = driver.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    if origin is None:
        assert loaded == []
    else:
        assert all(name.startswith(origin + "/") for name in loaded), loaded


def visible(driver, css: str) -> list:
    return [element for element in driver.find_elements(By.CSS_SELECTOR, css) if element.is_displayed()]


def shoot(driver, name: str) -> None:
    driver.save_screenshot(str(OUTPUT / f"{name}.png"))


def test_report_views_load_clean(browser, report_url, story_id, report_db):
    open_page(browser, report_url)
    assert visible(browser, "#overview h1") and not visible(browser, "section.story")
    assert_clean(browser, None)
    shoot(browser, "report-overview")
    browser.find_element(By.LINK_TEXT, rows(report_db, "SELECT title FROM stories WHERE id = ?", [story_id])[0][0]).click()
    [section] = visible(browser, "section.story")
    assert section.get_attribute("id") == f"s/{story_id}"
    shoot(browser, "report-story-claims")
    tabs = section.find_elements(By.CSS_SELECTOR, "[role=tab]")
    for tab in tabs:
        tab.click()
        panel = browser.find_element(By.ID, tab.get_attribute("aria-controls"))
        assert panel.is_displayed() and tab.get_attribute("aria-selected") == "true"
        assert len([p for p in section.find_elements(By.CSS_SELECTOR, "[role=tabpanel]") if p.is_displayed()]) == 1
        shoot(browser, f"report-story-{tab.text.lower().replace(' ', '-')}")
    article_id = rows(report_db, "SELECT unnest(article_ids) FROM stories WHERE id = ? ORDER BY 1 LIMIT 1", [story_id])[0][0]
    open_page(browser, f"{report_url}#a/{article_id}")
    assert visible(browser, "section.article") and visible(browser, ".article-text .hl")
    assert_clean(browser, None)
    shoot(browser, "report-article")


def click_contested_mark_and_check_evidence(driver, report_db, mark) -> None:
    row = mark.find_element(By.XPATH, "ancestor::tr")
    assert row.get_attribute("data-status") == "contested"
    [(mentions,)] = rows(report_db, "SELECT mentions FROM claims WHERE id = ?", [row.get_attribute("data-claim")])
    assert mark.get_attribute("aria-pressed") == "false"
    mark.click()
    shown = visible(driver, ".evidence blockquote")[0].text
    assert shown.removeprefix("Headline: ") in {m["text"].strip() for m in mentions}
    assert mark.get_attribute("aria-pressed") == "true"


def test_clicking_a_contested_mark_shows_its_evidence_in_the_article(browser, report_url, report_db, story_id):
    open_page(browser, f"{report_url}#s/{story_id}")
    marks = [m for m in visible(browser, "tr.contested button.mark") if m.get_attribute("data-href").count("#ev-")]
    assert marks
    mark = marks[0]
    click_contested_mark_and_check_evidence(browser, report_db, mark)
    sentence = visible(browser, ".evidence blockquote")[0].text
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    shoot(browser, "report-story-evidence")
    visible(browser, ".evidence a")[0].click()
    [article] = visible(browser, "section.article")
    flashed = [e for e in article.find_elements(By.CSS_SELECTOR, ".flash") if e.is_displayed()]
    assert flashed and "".join(e.get_attribute("textContent") for e in flashed).split() == sentence.split()
    assert_clean(browser, None)
    shoot(browser, "report-article-evidence")


def test_keyboard_reaches_and_opens_a_claim(browser, report_url, report_db, story_id):
    open_page(browser, f"{report_url}#s/{story_id}")
    body = browser.find_element(By.TAG_NAME, "body")
    body.click()
    for _ in range(300):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        active = browser.switch_to.active_element
        if "mark" in (active.get_attribute("class") or "") and active.tag_name == "button":
            break
    else:
        pytest.fail("Tab never reached a claim mark")
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert active.get_attribute("aria-pressed") == "true"
    assert visible(browser, ".evidence blockquote")[0].text == active.get_attribute("data-text")
    first_tab = visible(browser, "[role=tab]")[0]
    first_tab.send_keys(Keys.ARROW_RIGHT)
    assert browser.switch_to.active_element.get_attribute("aria-selected") == "true"
    assert browser.switch_to.active_element != first_tab
    shoot(browser, "report-story-keyboard")


def test_hostile_article_is_inert_in_the_report(browser, report_url):
    open_page(browser, f"{report_url}#a/hostile-1")
    [section] = visible(browser, "section.article")
    assert section.find_element(By.TAG_NAME, "h1").text == HOSTILE_TITLE
    assert HOSTILE_BODY_MARKUP in section.find_element(By.CSS_SELECTOR, ".article-text").text
    assert browser.execute_script("return document.images.length + document.scripts.length") == 1
    assert_clean(browser, None)
    shoot(browser, "report-hostile-article")


def test_app_views_load_clean(browser, app_url, story_id, report_db):
    article_id = rows(report_db, "SELECT unnest(article_ids) FROM stories WHERE id = ? ORDER BY 1 LIMIT 1", [story_id])[0][0]
    pages = {"overview": "/", "story": f"/story/{quote(story_id, safe='')}", "article": f"/article/{article_id}",
             "search": "/search?q=fishermen", "sql": "/sql?q=" + quote("SELECT outlet, title FROM articles"),
             "api": "/api", "hostile-article": "/article/hostile-1"}
    for name, path in pages.items():
        open_page(browser, app_url + path)
        assert visible(browser, "main h1"), name
        assert_clean(browser, app_url)
        shoot(browser, f"app-{name}")
    assert browser.find_element(By.TAG_NAME, "h1").text == HOSTILE_TITLE
    assert browser.execute_script("return document.images.length") == 0


def test_app_claim_mark_leads_to_the_evidence(browser, app_url, report_db, story_id):
    open_page(browser, f"{app_url}/story/{quote(story_id, safe='')}")
    marks = [m for m in visible(browser, "tr.contested button.mark") if "#ev-" in m.get_attribute("data-href")]
    click_contested_mark_and_check_evidence(browser, report_db, marks[0])
    sentence = visible(browser, ".evidence blockquote")[0].text
    visible(browser, ".evidence a")[0].click()
    assert browser.current_url.startswith(f"{app_url}/article/")
    flashed = [e for e in browser.find_elements(By.CSS_SELECTOR, ".flash") if e.is_displayed()]
    assert flashed and "".join(e.get_attribute("textContent") for e in flashed).split() == sentence.split()
    assert_clean(browser, app_url)
