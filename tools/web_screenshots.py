"""Screenshots of the web page's pages with headless Chromium (Debian's chromium and
chromedriver), for the README and for looking at the pages as a person would.

    python3 tools/web_screenshots.py OUTDIR [--url http://127.0.0.1:8000]

Without --url it starts `socinv serve` on a free port itself. Writes start.png,
report-luckor.png, report-komplett.png, error.png, unreadable.png and start-en.png,
report-en.png (full page, 1000 px wide).
"""

from __future__ import annotations

import argparse
import base64
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not become ready")


def browser(profile_dir: str, width: int = 1000, height: int = 900, javascript: bool = True, lang: str = "sv"):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in [*CHROME_FLAGS, f"--user-data-dir={profile_dir}", f"--window-size={width},{height}", f"--lang={lang}"]:
        options.add_argument(flag)
    prefs = {"intl.accept_languages": lang}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    return webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))


def full_page(driver, path: Path) -> None:
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def upload(driver, url: str, files: list[Path], lang: str = "sv") -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{url}/?lang={lang}")
    driver.find_element(By.ID, "files").send_keys("\n".join(str(f) for f in files))
    driver.find_element(By.ID, "submit").click()
    time.sleep(0.3)
    for _ in range(100):
        if driver.find_elements(By.CSS_SELECTOR, "h1") and "/check" in driver.current_url:
            return
        time.sleep(0.1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--url")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    server = None
    url = args.url
    if not url:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "socinv_docs", "serve", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(url)
        with tempfile.TemporaryDirectory() as tmp:
            broken = Path(tmp) / "trasig.docx"
            broken.write_bytes((SAMPLES / "ideprovning-luckor.docx").read_bytes()[:3000])
            driver = browser(os.path.join(tmp, "profile"))
            try:
                driver.get(url + "/")
                full_page(driver, args.out / "start.png")
                upload(driver, url, [SAMPLES / "ansokan-luckor" / "ansokan.docx"])
                full_page(driver, args.out / "report-luckor.png")
                upload(driver, url, [SAMPLES / "ansokan-komplett" / "ansokan.docx",
                                     SAMPLES / "ansokan-komplett" / "utvarderingsschema.xlsx"])
                full_page(driver, args.out / "report-komplett.png")
                upload(driver, url, [broken])
                full_page(driver, args.out / "unreadable.png")
                driver.get(url + "/")
                driver.execute_script("document.getElementById('files').required = false")
                driver.find_element("id", "submit").click()
                time.sleep(1)
                full_page(driver, args.out / "error.png")
                driver.get(url + "/?lang=en")
                full_page(driver, args.out / "start-en.png")
                upload(driver, url, [SAMPLES / "forslag-luckor.xlsx"], lang="en")
                full_page(driver, args.out / "report-en.png")
            finally:
                driver.quit()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
