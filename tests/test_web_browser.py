"""The web page in a real browser: Debian's Chromium driven by Selenium against `socinv
serve --settings` (a municipality's name, contact and logo) started here on a free port;
accessibility checked with axe-core (WCAG 2.1 A/AA and best practices) on every kind of page;
reflow (no sideways scroll, nothing cut) and the keyboard through the whole flow at 1280 px,
at 320 px and at 200 % and 400 % zoom, with a file name without spaces.

Zoom is what Chromium does to the layout when a 1280 px window is zoomed: 200 % lays the
page out 640 CSS px wide at 2 device px per CSS px, 400 % 320 CSS px at 4 (CDP's device
metrics; the headless window's scroll bar takes its 15 px of each, as a desktop's does).

Needs /usr/bin/chromium, /usr/bin/chromedriver and axe-core's axe.min.js (SOCINV_AXE_JS, or
.ci/axe/node_modules/axe-core/ where .ci/run installs it from npm). Without them the tests
are skipped with the reason; nothing is downloaded at test time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from conftest import ROOT
from web_support import free_port, serving

SAMPLES = ROOT / "samples"
LUCKOR = SAMPLES / "ansokan-luckor" / "ansokan.docx"
KOMPLETT = SAMPLES / "ansokan-komplett"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
MAX_FILE = 1_000_000
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,900", "--lang=sv"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
LONG_NAME = "Idéprövning_Läxhjälp_Vivalla_Örebro_kommun_beredning_v3_2026-12-01.docx"
IDEPROVNING = SAMPLES / "ideprovning-luckor.docx"
REDOVISNING = ROOT / "samples-uppfoljning" / "laxhjalp-vivalla" / "rapporter" / "Redovisning delår 2 2027.docx"
# name -> (CSS px wide, device px per CSS px): 1280 px, a phone, a 1280 px window zoomed.
VIEWS = {"1280px": (1280, 1), "320px": (320, 1), "zoom200": (640, 2), "zoom400": (320, 4)}
SETTINGS = """\
organisation = "Örebro kommun"
contact = "sociala.investeringar@orebro.se"
logo = "logo.svg"

[[templates]]
title = "Idéprövning – social investering (Word)"
url = "https://www.orebro.se/mallar/ideprovning.docx"
"""
LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fff"/>'
        b'<circle cx="20" cy="20" r="14" fill="#1d4f91"/></svg>')


def _missing_browser() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is not installed (Debian: apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    return None


def axe_source() -> Path | None:
    for candidate in (os.environ.get("SOCINV_AXE_JS"), ROOT / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


pytestmark = [pytest.mark.browser, pytest.mark.skipif(_missing_browser() is not None, reason=str(_missing_browser()))]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    env = {**os.environ, "SOCINV_WEB_MAX_FILE_BYTES": str(MAX_FILE), "TMPDIR": str(tmp_path_factory.mktemp("tmp"))}
    folder = tmp_path_factory.mktemp("kommun")
    (folder / "logo.svg").write_bytes(LOGO)
    (folder / "kommun.toml").write_text(SETTINGS, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "socinv_docs", "serve", "--port", str(port), "--workers", "2",
                             "--settings", str(folder / "kommun.toml")],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    if not serving(url, proc):
        proc.kill()
        pytest.fail("socinv serve did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def _driver(profile: Path, downloads: Path, javascript: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*CHROME_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    prefs = {"download.default_directory": str(downloads), "download.prompt_for_download": False,
             "intl.accept_languages": "sv"}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.set_page_load_timeout(60)
    return driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    root = tmp_path_factory.mktemp("chromium")
    driver = _driver(root / "profile", root / "downloads")
    driver.downloads = root / "downloads"
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def browser_without_js(tmp_path_factory):
    root = tmp_path_factory.mktemp("chromium-nojs")
    driver = _driver(root / "profile", root / "downloads", javascript=False)
    yield driver
    driver.quit()


def by_css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def wait_for(condition, seconds: float = 30):
    from selenium.common.exceptions import StaleElementReferenceException

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = condition()
        except StaleElementReferenceException:
            # The page was replaced between finding an element and reading it: the
            # navigation we wait for is under way, so look again.
            result = None
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def submit(driver, url: str, *files: Path, lang: str = "sv", plain: bool = False) -> None:
    """Choose `files` and send them. `plain`: as a browser without the page's script would
    (a clone of the form has no listeners), so the server answers whatever is wrong."""
    driver.get(f"{url}/?lang={lang}")
    if plain:
        driver.execute_script("const f = document.getElementById('upload-form'); f.replaceWith(f.cloneNode(true));")
    if files:
        by_css(driver, "#files")[0].send_keys("\n".join(str(f) for f in files))
    by_css(driver, "#upload-form button[type=submit]")[0].click()
    wait_for(lambda: "/check" in driver.current_url and by_css(driver, "footer"))


@pytest.fixture
def long_named(tmp_path) -> Path:
    """An idéprövning with gaps (so it has findings and a copy to download) under a long
    name without spaces."""
    path = tmp_path / LONG_NAME
    path.write_bytes(IDEPROVNING.read_bytes())
    return path


@contextmanager
def view(driver, name: str):
    """The page laid out as in VIEWS[name] while inside, as it was after."""
    width, scale = VIEWS[name]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": scale, "mobile": False})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# What sticks out of the page's width, or is cut by its box: none of it may (WCAG 1.4.10).
# The skip link waits off the screen on purpose, and a form control's inside is the browser's.
OVERFLOW = """
const width = document.documentElement.clientWidth, out = [];
const clipped = el => { for (let a = el; a; a = a.parentElement) if (getComputedStyle(a).clip !== 'auto') return true;
                        return false; };  // visually hidden: there for screen readers only
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect();
  if ((!r.width && !r.height) || r.right <= 0 || clipped(el)) continue;
  // Content wider than its box: cut where overflow is hidden, sticking out where it is not.
  const cut = el.tagName !== 'INPUT' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
  if (r.right > width + 0.5 || r.left < -0.5 || cut)
    out.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
}
return {width: width, scroll: document.documentElement.scrollWidth, out: out.slice(0, 10)};
"""


def reflows(driver) -> dict:
    found = driver.execute_script(OVERFLOW)
    assert found["scroll"] <= found["width"] and not found["out"], (driver.current_url, found)
    return found


def expected_codes(url: str, *files: Path) -> list[str]:
    response = httpx.post(url + "/check", files=[("files", (f.name, f.read_bytes())) for f in files],
                          headers={"accept": "application/json"}, timeout=60)
    data = response.json()
    findings = data["findings"] if "file" in data else [*data["findings"], *(f for d in data["documents"]
                                                                            for f in d["findings"])]
    return sorted(f["code"] for f in findings)


def test_upload_a_draft_with_gaps_see_the_findings_and_download_the_annotated_copy(server, browser):
    import docx

    submit(browser, server, LUCKOR)
    assert by_css(browser, ".summary.status-incomplete")
    shown = sorted(e.text for e in by_css(browser, ".finding-meta code"))
    assert shown == expected_codes(server, LUCKOR)
    for item in by_css(browser, "li.finding"):  # every finding says where it is and how to fix it
        assert len(item.find_elements("css selector", ".finding-meta dd")) == 3
    link = by_css(browser, ".download a")[0]
    assert link.get_attribute("download") == "ansokan-granskad.docx"
    link.click()
    target = browser.downloads / "ansokan-granskad.docx"
    wait_for(lambda: target.exists() and not list(browser.downloads.glob("*.crdownload")))
    copy = docx.Document(str(target))
    authors = {c.author for c in copy.comments}
    assert authors == {"socinv-docs"}
    assert len(copy.comments) >= len(shown)


def test_a_broken_file_gets_a_page_that_says_why(server, browser, tmp_path):
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(LUCKOR.read_bytes()[:3000])
    submit(browser, server, broken)
    assert by_css(browser, ".summary.status-unreadable")
    assert [e.text for e in by_css(browser, ".finding-meta code")] == ["FILE_UNREADABLE"]
    assert not by_css(browser, ".download a")


def test_an_ansokan_with_its_schema_is_one_complete_submission(server, browser):
    submit(browser, server, KOMPLETT / "ansokan.docx", KOMPLETT / "utvarderingsschema.xlsx")
    assert by_css(browser, ".summary.status-complete")
    assert len(by_css(browser, "section.file")) == 2


def test_keyboard_only_through_the_form(server, browser):
    """Tab from the top: skip link, service name, language switch, file input, button; pick the
    file from the focused input, press Enter on the button; every stop shows its focus."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server + "/")
    stops = []
    for _ in range(6):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        active = browser.switch_to.active_element
        style = browser.execute_script(
            "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth, s.boxShadow]", active)
        assert style[0] != "none" and style[1] != "0px", (active.get_attribute("outerHTML"), style)
        stops.append(active.get_attribute("id") or active.get_attribute("class") or active.tag_name)
        if active.get_attribute("id") == "files":
            active.send_keys(str(LUCKOR))  # what the file dialog does for a keyboard user
        if active.get_attribute("id") == "submit":
            break
    assert stops == ["skip", "a", "lang", "files", "submit"], stops
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait_for(lambda: "/check" in browser.current_url and by_css(browser, ".summary"))
    # On the report: the skip link leads into the content, Tab reaches the download.
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.get_attribute("class") == "skip"
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    for _ in range(10):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element.get_attribute("download"):
            break
    assert browser.switch_to.active_element.get_attribute("download") == "ansokan-granskad.docx"


def test_the_form_works_with_javascript_off(server, browser_without_js, tmp_path):
    submit(browser_without_js, server, LUCKOR)
    assert by_css(browser_without_js, ".summary.status-incomplete")
    assert sorted(e.text for e in by_css(browser_without_js, ".finding-meta code")) == expected_codes(server, LUCKOR)
    # Nothing stops an oversized file in the browser without JavaScript: the server answers
    # with the form again, the summary on top and focused, the field marked.
    big = tmp_path / "stor.docx"
    big.write_bytes(os.urandom(MAX_FILE * 2))
    submit(browser_without_js, server, big)
    assert_error_pattern(browser_without_js, "stor.docx")
    assert by_css(browser_without_js, "html")[0].get_attribute("lang") == "sv"


def assert_error_pattern(driver, name: str | None = None) -> None:
    """GOV.UK's and Designsystemet's: the summary shown and focused, its link to the field,
    the field marked invalid and described by its own message."""
    summary = by_css(driver, "#error-summary")[0]
    assert summary.is_displayed() and summary.get_attribute("role") == "alert"
    assert driver.switch_to.active_element == summary
    links = [a.get_attribute("href").rsplit("#", 1)[-1] for a in by_css(driver, "#error-summary a")]
    assert links == ["files"]
    field = by_css(driver, "#files")[0]
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby").split() == ["files-hint", "files-error"]
    assert by_css(driver, "#files-error")[0].is_displayed()
    if name:
        assert name in summary.text and name in by_css(driver, "#files-error")[0].text


def test_an_oversized_file_is_stopped_before_upload_with_javascript(server, browser, tmp_path):
    big = tmp_path / "stor.docx"
    big.write_bytes(os.urandom(MAX_FILE * 2))
    browser.get(server + "/")
    by_css(browser, "#files")[0].send_keys(str(big))
    by_css(browser, "#submit")[0].click()
    assert_error_pattern(browser, "stor.docx")
    assert browser.current_url.rstrip("/") == server
    # The summary's link takes the keyboard to the field.
    by_css(browser, "#error-summary a")[0].click()
    assert browser.switch_to.active_element.get_attribute("id") == "files"


def test_no_file_is_the_same_error_before_and_after_the_upload(server, browser):
    browser.get(server + "/")
    by_css(browser, "#submit")[0].click()  # no browser bubble (novalidate): the page's summary
    assert_error_pattern(browser)
    assert browser.current_url.rstrip("/") == server
    submit(browser, server, plain=True)
    assert_error_pattern(browser)


def test_the_server_answers_an_error_with_the_form_again(server, browser, tmp_path):
    pdf = tmp_path / "ansokan.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    submit(browser, server, pdf, plain=True)
    assert_error_pattern(browser, "ansokan.pdf")
    assert browser.title.startswith("Fel:")


# -- axe-core ------------------------------------------------------------------------------


def axe_violations(driver) -> list[dict]:
    source = axe_source()
    if source is None:
        pytest.skip("axe-core not found: .ci/run installs it (npm install --prefix .ci/axe axe-core), "
                    "or set SOCINV_AXE_JS to axe.min.js")
    driver.execute_script(source.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: %s}}).then(r => done(r.violations),"
        " e => done([{id: 'axe-error', help: String(e), nodes: []}]));" % json.dumps(AXE_TAGS))
    return [{"id": v["id"], "help": v["help"], "nodes": [n.get("html") for n in v.get("nodes", [])][:3]}
            for v in result]


def test_axe_version_is_current():
    source = axe_source()
    if source is None:
        pytest.skip("axe-core not found (see axe_violations)")
    head = source.read_text(encoding="utf-8")[:40]
    assert head.startswith("/*! axe v4."), head


@pytest.mark.parametrize("page", ["start", "start-en", "report-findings", "report-complete", "unreadable",
                                  "error-no-file", "error-too-large", "error-before-upload", "report-switched",
                                  "not-found"])
def test_axe_finds_no_violations(server, browser, page, tmp_path):
    if page == "start":
        browser.get(server + "/")
    elif page == "start-en":
        browser.get(server + "/?lang=en")
    elif page == "report-findings":
        submit(browser, server, LUCKOR)
    elif page == "report-complete":
        submit(browser, server, KOMPLETT / "ansokan.docx", KOMPLETT / "utvarderingsschema.xlsx")
    elif page == "unreadable":
        broken = tmp_path / "trasig.docx"
        broken.write_bytes(b"PK\x03\x04 nothing")
        submit(browser, server, broken)
    elif page == "error-no-file":
        submit(browser, server, plain=True)
        assert by_css(browser, "#error-summary")[0].is_displayed()
    elif page == "error-too-large":
        big = tmp_path / "stor.docx"
        big.write_bytes(os.urandom(MAX_FILE * 2))
        submit(browser, server, big, plain=True)
        assert by_css(browser, "#error-summary")[0].is_displayed()
    elif page == "error-before-upload":
        browser.get(server + "/")
        by_css(browser, "#submit")[0].click()
        assert by_css(browser, "#error-summary")[0].is_displayed()
    elif page == "report-switched":
        submit(browser, server, LUCKOR)
        by_css(browser, "button.lang")[0].click()
        wait_for(lambda: "/result" in browser.current_url and by_css(browser, "footer"))
    else:
        browser.get(server + "/nope")
    violations = axe_violations(browser)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def test_axe_finds_a_planted_violation(server, browser):
    """The harness itself: a picture without alt text and an unlabelled input are found."""
    browser.get(server + "/")
    browser.execute_script("document.querySelector('main').insertAdjacentHTML('beforeend', "
                           "'<img src=\"x.png\"><input type=\"text\">')")
    assert {"image-alt", "label"} <= {v["id"] for v in axe_violations(browser)}


# -- reflow, axe and the keyboard at every width (issue 23) -----------------------------------


@pytest.mark.parametrize("name", VIEWS)
def test_every_page_reflows_and_axe_finds_nothing_at_each_width(server, browser, long_named, name):
    """Start, result (a long file name without spaces, with an ansökan whose sections and
    economics are long), the result in English, an error answer, the accessibility
    statement and the privacy page: no sideways scroll, nothing cut, the heading and the
    download button inside the page, and no axe violation."""
    with view(browser, name):
        pages = {}
        browser.get(server + "/")
        pages["start"] = reflows(browser), axe_violations(browser)
        submit(browser, server, long_named, LUCKOR)
        assert by_css(browser, ".download a")[0].get_attribute("download").startswith(LONG_NAME[:-5])
        width = browser.execute_script("return document.documentElement.clientWidth")
        for element in (by_css(browser, "section.file h2")[0], by_css(browser, ".download a")[0]):
            assert element.rect["x"] >= 0 and element.rect["x"] + element.rect["width"] <= width + 0.5
        pages["report"] = reflows(browser), axe_violations(browser)
        by_css(browser, "button.lang")[0].click()
        wait_for(lambda: "/result" in browser.current_url and by_css(browser, "footer"))
        pages["report-en"] = reflows(browser), axe_violations(browser)
        submit(browser, server, plain=True)
        pages["error"] = reflows(browser), axe_violations(browser)
        for path in ("/tillganglighet", "/integritet"):
            browser.get(server + path)
            pages[path] = reflows(browser), axe_violations(browser)
    violations = {page: found for page, (_, found) in pages.items() if found}
    assert violations == {}, json.dumps(violations, ensure_ascii=False, indent=1)


def tab_to(driver, wanted, limit: int = 40, backwards: bool = False):
    """Tab (Shift+Tab) until `wanted(active element)`; each stop must show its focus."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        if backwards:
            ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        else:
            ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        style = driver.execute_script(
            "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth]", active)
        assert style[0] != "none" and style[1] != "0px", active.get_attribute("outerHTML")
        if wanted(active):
            return active
    raise AssertionError("not reached by Tab")


@pytest.mark.parametrize("name", ["1280px", "320px", "zoom200"])
def test_keyboard_through_the_whole_flow_at_each_width(server, browser, long_named, name):
    """From the top of the start page: Tab to the file input, choose the file (what the file
    dialog does), Tab to the button, Enter; on the result, Tab to the download link and to
    the language switch; every stop visible."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    with view(browser, name):
        browser.get(server + "/")
        tab_to(browser, lambda e: e.get_attribute("id") == "files").send_keys(str(long_named))
        tab_to(browser, lambda e: e.get_attribute("id") == "submit")
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        wait_for(lambda: "/check" in browser.current_url and by_css(browser, ".summary"))
        download = tab_to(browser, lambda e: bool(e.get_attribute("download")))
        assert download.get_attribute("download").startswith(LONG_NAME[:-5])
        assert download.rect["x"] + download.rect["width"] <= browser.execute_script(
            "return document.documentElement.clientWidth") + 0.5
        switch = tab_to(browser, lambda e: "lang" in (e.get_attribute("class") or "").split(), backwards=True)
        switch.send_keys(Keys.ENTER)
        wait_for(lambda: "/result" in browser.current_url and by_css(browser, "footer"))
        assert by_css(browser, "html")[0].get_attribute("lang") == "en"


def test_switching_language_keeps_the_result_in_the_browser(server, browser, long_named):
    submit(browser, server, long_named)
    swedish = sorted(e.text for e in by_css(browser, ".finding-meta code"))
    by_css(browser, "button.lang")[0].click()
    wait_for(lambda: "/result" in browser.current_url and by_css(browser, "footer"))
    assert by_css(browser, "html")[0].get_attribute("lang") == "en"
    assert sorted(e.text for e in by_css(browser, ".finding-meta code")) == swedish
    assert by_css(browser, ".download-gone") and not by_css(browser, ".download a")
    # Swedish words on the English page are marked: the template's title, its headings.
    assert by_css(browser, ".file-kind [lang=sv]") and by_css(browser, "table.sections th[lang=sv]")
    assert by_css(browser, ".finding-msg [lang=sv]")
    by_css(browser, "button.lang")[0].click()
    wait_for(lambda: by_css(browser, "html")[0].get_attribute("lang") == "sv")
    assert sorted(e.text for e in by_css(browser, ".finding-meta code")) == swedish


def test_checking_is_said_to_screen_readers(server, browser):
    browser.get(server + "/")
    by_css(browser, "#files")[0].send_keys(str(LUCKOR))
    # Stop the navigation after the page's own handler ran (listeners run in order).
    browser.execute_script("document.getElementById('upload-form').addEventListener('submit', e => e.preventDefault())")
    by_css(browser, "#submit")[0].click()
    status = by_css(browser, "#checking")[0]
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert status.text and status.text == by_css(browser, "#submit")[0].text


def test_the_result_prints_without_the_form_and_the_buttons(server, browser, long_named):
    submit(browser, server, long_named)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for hidden in (".top nav", ".download", ".again", ".footer-links"):
            assert not by_css(browser, hidden)[0].is_displayed(), hidden
        assert all(e.is_displayed() for e in by_css(browser, "li.finding"))
        assert by_css(browser, ".summary")[0].is_displayed() and by_css(browser, "table.sections")[0].is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("name", ["1280px", "320px"])
def test_a_pre_filled_report_shows_its_findings_against_the_plan_at_each_width(server, browser, name):
    """The projektledare drops the delår 2 they typed over the pre-filled form: the findings
    only its plan can give are shown, as the server gives them, the page reflows and axe-core
    finds nothing (tools/web_screenshots.py shoots the same page for docs/)."""
    with view(browser, name):
        submit(browser, server, REDOVISNING)
        assert by_css(browser, ".summary.status-incomplete")
        shown = sorted(e.text for e in by_css(browser, ".finding-meta code"))
        assert shown == expected_codes(server, REDOVISNING)
        assert "MEASURE_NOT_REPORTED" in shown and "REPORT_UNLINKED" not in shown
        assert len(by_css(browser, "section.file .file-note")) == 2  # the plan, and its years as calendar years
        reflows(browser)
        violations = axe_violations(browser)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
