"""The web page in a real browser: Debian's Chromium driven by Selenium against `socinv
serve` started here on a free port; accessibility checked with axe-core (WCAG 2.1 A/AA and
best practices) on the start page, a report with findings and an error page.

Needs /usr/bin/chromium, /usr/bin/chromedriver and axe-core's axe.min.js (SOCINV_AXE_JS, or
.ci/axe/node_modules/axe-core/ where .ci/run installs it from npm). Without them the tests
are skipped with the reason; nothing is downloaded at test time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
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


pytestmark = pytest.mark.skipif(_missing_browser() is not None, reason=str(_missing_browser()))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    env = {**os.environ, "SOCINV_WEB_MAX_FILE_BYTES": str(MAX_FILE), "TMPDIR": str(tmp_path_factory.mktemp("tmp"))}
    proc = subprocess.Popen([sys.executable, "-m", "socinv_docs", "serve", "--port", str(port), "--workers", "2"],
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
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def submit(driver, url: str, *files: Path, lang: str = "sv") -> None:
    driver.get(f"{url}/?lang={lang}")
    by_css(driver, "#files")[0].send_keys("\n".join(str(f) for f in files))
    by_css(driver, "#upload-form button[type=submit]")[0].click()
    wait_for(lambda: "/check" in driver.current_url and by_css(driver, "h1"))


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
    # Nothing stops an oversized file in the browser without JavaScript: the server's page does.
    big = tmp_path / "stor.docx"
    big.write_bytes(os.urandom(MAX_FILE * 2))
    submit(browser_without_js, server, big)
    assert by_css(browser_without_js, ".summary.status-refused")
    assert by_css(browser_without_js, "html")[0].get_attribute("lang") == "sv"


def test_an_oversized_file_is_stopped_before_upload_with_javascript(server, browser, tmp_path):
    big = tmp_path / "stor.docx"
    big.write_bytes(os.urandom(MAX_FILE * 2))
    browser.get(server + "/")
    by_css(browser, "#files")[0].send_keys(str(big))
    by_css(browser, "#submit")[0].click()
    problem = by_css(browser, "#form-problem")[0]
    assert problem.is_displayed() and "stor.docx" in problem.text
    assert browser.current_url.rstrip("/") == server


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
                                  "error-no-file", "error-too-large"])
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
        browser.get(server + "/")
        browser.execute_script("document.getElementById('files').required = false")
        by_css(browser, "#submit")[0].click()
        wait_for(lambda: "/check" in browser.current_url and by_css(browser, ".status-refused"))
    else:
        big = tmp_path / "stor.docx"
        big.write_bytes(os.urandom(MAX_FILE * 2))
        browser.get(server + "/")
        # A clone of the form has no script listeners: the file goes up and the server refuses it.
        browser.execute_script("const f = document.getElementById('upload-form'); f.replaceWith(f.cloneNode(true));")
        by_css(browser, "#files")[0].send_keys(str(big))
        by_css(browser, "#submit")[0].click()
        wait_for(lambda: "/check" in browser.current_url and by_css(browser, ".status-refused"))
    violations = axe_violations(browser)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def test_axe_finds_a_planted_violation(server, browser):
    """The harness itself: a picture without alt text and an unlabelled input are found."""
    browser.get(server + "/")
    browser.execute_script("document.querySelector('main').insertAdjacentHTML('beforeend', "
                           "'<img src=\"x.png\"><input type=\"text\">')")
    assert {"image-alt", "label"} <= {v["id"] for v in axe_violations(browser)}
