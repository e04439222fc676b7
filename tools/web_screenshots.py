"""Screenshots of the web page's pages with headless Chromium (Debian's chromium and
chromedriver), for the README and for looking at the pages as a person would: at 1280 px,
at 320 px (a phone), and at 200 % and 400 % zoom of a 1280 px window (640 and 320 CSS px
at 2 and 4 device pixels per CSS pixel: how Chromium lays out a zoomed page).

    python3 tools/web_screenshots.py OUTDIR [--url http://127.0.0.1:8000] [--settings kommun.toml]
                                            [--views desktop,phone,zoom200,zoom400]

Without --url it starts `socinv serve` on a free port itself (with --settings, if given).
Writes PAGE-VIEW.png, full page, for the pages: start, report (an idéprövning with gaps under
a long file name without spaces), report-en (the same after the language switch),
report-complete, report-redovisning (a pre-filled delår 2 with gaps, compared with the plan it
carries), unreadable, error (no file chosen, the server's answer), wrong-type,
accessibility, privacy. A page wider than its view (sideways scroll) is reported.
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
LONG_NAME = "Idéprövning_Läxhjälp_Vivalla_Örebro_kommun_beredning_v3_2026-12-01.docx"
# A redovisning typed over its pre-filled form, with gaps: compared with the plan it carries.
REDOVISNING = ROOT / "samples-uppfoljning" / "laxhjalp-vivalla" / "rapporter" / "Redovisning delår 2 2027.docx"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage"]
# name -> (CSS px wide, device px per CSS px)
VIEWS = {"desktop": (1280, 1), "phone": (320, 1), "zoom200": (640, 2), "zoom400": (320, 4)}


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


def browser(profile_dir: str, width: int = 1280, height: int = 900, javascript: bool = True, lang: str = "sv"):
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


def set_view(driver, width: int, scale: float, height: int = 900) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False})


def full_page(driver, path: Path) -> bool:
    """A screenshot of the whole page; False when the page is wider than its view."""
    fits = driver.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    # Captured beyond the viewport the page is laid out without its vertical scroll bar, as
    # wide as the window: clip to that width, or the right edge (15 px) would be cut off.
    width = max(size["width"], driver.execute_script("return window.innerWidth"))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": size["height"], "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
    return fits


def upload(driver, url: str, files: list[Path], lang: str = "sv", plain: bool = False) -> None:
    """Choose `files` and send them; `plain`: as a browser without the page's script would
    (the server answers any problem)."""
    from selenium.webdriver.common.by import By

    driver.get(f"{url}/?lang={lang}")
    if plain:
        driver.execute_script("const f = document.getElementById('upload-form'); f.replaceWith(f.cloneNode(true));")
    if files:
        driver.find_element(By.ID, "files").send_keys("\n".join(str(f) for f in files))
    driver.find_element(By.ID, "submit").click()
    wait_page(driver, "/check")


def wait_page(driver, path: str) -> None:
    from selenium.webdriver.common.by import By

    time.sleep(0.3)
    for _ in range(300):
        if path in driver.current_url and driver.find_elements(By.CSS_SELECTOR, "footer"):
            return
        time.sleep(0.1)


def shoot(driver, url: str, out: Path, view: str, tmp: Path) -> list[str]:
    from selenium.webdriver.common.by import By

    set_view(driver, *VIEWS[view])
    long_named = tmp / LONG_NAME
    broken = tmp / "trasig.docx"
    pdf = tmp / "ansokan.pdf"
    wide = []

    def take(name: str) -> None:
        if not full_page(driver, out / f"{name}-{view}.png"):
            wide.append(f"{name}-{view}")

    driver.get(url + "/")
    take("start")
    upload(driver, url, [long_named])
    take("report")
    driver.find_element(By.CSS_SELECTOR, "button.lang").click()
    wait_page(driver, "/result")
    take("report-en")
    upload(driver, url, [SAMPLES / "ansokan-komplett" / "ansokan.docx",
                         SAMPLES / "ansokan-komplett" / "utvarderingsschema.xlsx"])
    take("report-complete")
    upload(driver, url, [REDOVISNING])
    take("report-redovisning")
    upload(driver, url, [broken])
    take("unreadable")
    upload(driver, url, [], plain=True)
    take("error")
    upload(driver, url, [pdf], plain=True)
    take("wrong-type")
    driver.get(url + "/tillganglighet")
    take("accessibility")
    driver.get(url + "/integritet")
    take("privacy")
    return wide


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--url")
    parser.add_argument("--settings", type=Path)
    parser.add_argument("--views", default=",".join(VIEWS))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    server = None
    url = args.url
    if not url:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "socinv_docs", "serve", "--port", str(port)]
        if args.settings:
            command += ["--settings", str(args.settings)]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wide = []
    try:
        wait_ready(url)
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            (tmp / LONG_NAME).write_bytes((SAMPLES / "ideprovning-luckor.docx").read_bytes())
            (tmp / "trasig.docx").write_bytes((SAMPLES / "ideprovning-luckor.docx").read_bytes()[:3000])
            (tmp / "ansokan.pdf").write_bytes(b"%PDF-1.7\n")
            driver = browser(os.path.join(tmp, "profile"))
            try:
                for view in args.views.split(","):
                    wide += shoot(driver, url, args.out, view, tmp)
            finally:
                driver.quit()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    print(f"screenshots in {args.out}")
    if wide:
        print("wider than the view (scrolls sideways): " + ", ".join(wide))
    return 1 if wide else 0


if __name__ == "__main__":
    sys.exit(main())
