"""The HTML report in a real browser: headless Chromium driven by chromedriver.

Uses the W3C WebDriver protocol over HTTP with the standard library only (no
selenium): start ``chromedriver``, open a session with a headless Chromium
(no sandbox, no GPU, no background networking, an empty profile), load the
report from disk, take a screenshot, click a finding in the sidebar and check
that its highlight was scrolled into view and its details shown.

Needs the Debian packages ``chromium`` and ``chromium-driver`` (or any
Chrome/Chromium with a matching chromedriver: set ``CHROME_BINARY`` and
``CHROMEDRIVER``). Without them the tests skip and say why. Screenshots are
written to ``$DISCLINT_SCREENSHOTS`` when it is set (for a person to look at),
else to pytest's temporary directory.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from disclint.report.html import render_html
from fixtures_inputs import write_docx, write_pdf
from review_fixtures import view_result, view_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FAULTY = EXAMPLES / "02_提质增效重回报行动方案_faulty.txt"
CLEAN = EXAMPLES / "01_业绩说明会召开公告_clean.txt"

CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--window-size=1400,1000",
]


def _find(env: str, *names: str) -> str | None:
    given = os.environ.get(env)
    if given:
        return given if Path(given).exists() else None
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


CHROME = _find("CHROME_BINARY", "chromium", "chromium-browser", "google-chrome")
DRIVER = _find("CHROMEDRIVER", "chromedriver")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROME is None or DRIVER is None,
        reason=(
            "headless Chromium not available: install the Debian packages chromium and chromium-driver "
            "(apt-get install chromium chromium-driver) or set CHROME_BINARY and CHROMEDRIVER"
        ),
    ),
]


class WebDriver:
    """Just enough of the W3C WebDriver protocol for these tests."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.session = ""

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        url = f"{self.base}{path}"
        data = json.dumps(body if body is not None else {}).encode() if method == "POST" else None
        request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")
            raise AssertionError(f"WebDriver {method} {path}: {exc.code} {detail[:500]}") from exc
        return payload.get("value")

    def start(self, profile: Path) -> None:
        capabilities = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": CHROME,
                        "args": [*CHROME_FLAGS, f"--user-data-dir={profile}"],
                    },
                }
            }
        }
        value = self.call("POST", "/session", capabilities)
        self.session = value["sessionId"]

    def s(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        return self.call(method, f"/session/{self.session}{path}", body)

    def get(self, url: str) -> None:
        self.s("POST", "/url", {"url": url})

    def script(self, source: str, *args: Any) -> Any:
        return self.s("POST", "/execute/sync", {"script": source, "args": list(args)})

    def find(self, css: str) -> str:
        value = self.s("POST", "/element", {"using": "css selector", "value": css})
        return str(value[ELEMENT])

    def click(self, element: str) -> None:
        self.s("POST", f"/element/{element}/click")

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self.s("GET", "/screenshot")))

    def quit(self) -> None:
        if self.session:
            with contextlib.suppress(AssertionError, OSError):
                self.s("DELETE", "")
            self.session = ""


ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C WebDriver element reference key


def ref(element: str) -> dict[str, str]:
    """An element id as a script argument or pointer origin."""
    return {ELEMENT: element}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    assert DRIVER is not None
    port = _free_port()
    profile = Path(tempfile.mkdtemp(prefix="disclint-chrome-"))
    process = subprocess.Popen(
        [DRIVER, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    driver = WebDriver(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                ready = driver.call("GET", "/status")
                if ready and ready.get("ready", True):
                    break
            except (AssertionError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.skip("chromedriver did not start within 20 s")
            time.sleep(0.1)
        try:
            driver.start(profile)
        except AssertionError as exc:
            pytest.skip(f"chromedriver could not start Chromium: {exc}")
        yield driver
    finally:
        driver.quit()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = os.environ.get("DISCLINT_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path


IN_VIEW = """
const el = arguments[0];
const r = el.getBoundingClientRect();
const top = document.querySelector('header.top').getBoundingClientRect().bottom;
return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, header: top,
        height: window.innerHeight, width: window.innerWidth,
        inView: r.height > 0 && r.top >= top && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth};
"""


def _mark_of(browser: WebDriver, file: int, number: int) -> str:
    return browser.find(f'#file-{file} mark.hl[data-f~="{number}"]')


def test_report_renders_and_sidebar_click_scrolls_to_highlight(browser: WebDriver, tmp_path: Path, shots: Path) -> None:
    result = view_result(FAULTY)
    report = tmp_path / "report.html"
    report.write_text(render_html([result]), encoding="utf-8")
    browser.get(report.as_uri())
    assert browser.script("return document.readyState") == "complete"
    browser.screenshot(shots / "report-top.png")
    assert (shots / "report-top.png").stat().st_size > 10_000

    info = browser.script(
        "return {marks: document.querySelectorAll('mark.hl').length,"
        " items: document.querySelectorAll('a.item').length,"
        " font: getComputedStyle(document.querySelector('.doc')).fontFamily,"
        " lineHeight: parseFloat(getComputedStyle(document.querySelector('.doc .l')).lineHeight),"
        " fontSize: parseFloat(getComputedStyle(document.querySelector('.doc .l')).fontSize)}"
    )
    assert info["items"] == len(result.findings)
    assert info["marks"] >= len(result.findings)
    assert "PingFang SC" in info["font"] and "Noto Sans CJK SC" in info["font"]
    assert info["lineHeight"] / info["fontSize"] >= 1.8

    # The last finding is far down the document: out of view before the click.
    number = len(result.findings) - 1
    mark = _mark_of(browser, 0, number)
    before = browser.script(IN_VIEW, ref(mark))
    assert not before["inView"], before
    browser.click(browser.find(f'a.item[data-target="{number}"]'))
    time.sleep(0.2)
    after = browser.script(IN_VIEW, ref(mark))
    assert after["inView"], after
    assert browser.script("return location.hash") == f"#f0-{number}"
    popover = browser.script(
        "const p = document.getElementById('popover');"
        "return {hidden: p.hidden, text: p.textContent, active: document.querySelectorAll('mark.hl.active').length}"
    )
    finding = result.findings[number].finding
    assert not popover["hidden"]
    assert finding.code in popover["text"] and finding.message in popover["text"]
    if finding.suggestion:
        assert finding.suggestion in popover["text"]
    assert popover["active"] == browser.script(
        f"return document.querySelectorAll('mark.hl[data-f~=\"{number}\"]').length"
    )
    browser.screenshot(shots / "report-after-click.png")


def test_every_piece_of_a_finding_over_a_line_break_is_outlined(browser: WebDriver, tmp_path: Path) -> None:
    """A finding that runs over a line break is drawn as one mark per line: a click outlines them all."""
    result = view_text("公司的核心技术已达到世界一\n流水平。\n")
    report = tmp_path / "report.html"
    report.write_text(render_html([result]), encoding="utf-8")
    browser.get(report.as_uri())
    number = next(n for n, item in enumerate(result.findings) if item.excerpt.replace("\n", "") == "世界一流")
    pieces = browser.script(f"return document.querySelectorAll('mark.hl[data-f~=\"{number}\"]').length")
    assert pieces == 2
    browser.click(browser.find(f'a.item[data-target="{number}"]'))
    time.sleep(0.2)
    assert browser.script(f"return document.querySelectorAll('mark.hl.active[data-f~=\"{number}\"]').length") == 2
    browser.script("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))")
    assert browser.script("return document.querySelectorAll('mark.hl.active').length") == 0


def test_filters_hide_items_and_highlights(browser: WebDriver, tmp_path: Path) -> None:
    result = view_result(FAULTY)
    report = tmp_path / "report.html"
    report.write_text(render_html([result]), encoding="utf-8")
    browser.get(report.as_uri())
    warnings = sum(1 for item in result.findings if item.finding.severity.value == "warning")
    assert warnings
    browser.click(browser.find('input[data-filter="sev"][value="warning"]'))
    state = browser.script(
        "return {items: [...document.querySelectorAll('a.item')].filter(a => !a.parentNode.hidden).length,"
        " lit: [...document.querySelectorAll('mark.hl:not(.off)')].map(m => m.className)}"
    )
    assert state["items"] == len(result.findings) - warnings
    assert all("sev-warning" not in name for name in state["lit"])
    browser.click(browser.find('input[data-filter="sev"][value="warning"]'))
    browser.click(browser.find('input[data-filter="cat"][value="hype"]'))
    shown = browser.script(
        "return [...document.querySelectorAll('a.item')].filter(a => !a.parentNode.hidden).map(a => a.dataset.cat)"
    )
    assert "hype" not in shown and len(shown) == len(result.findings) - sum(
        1 for item in result.findings if item.finding.category.value == "hype"
    )


def test_file_switcher_and_hover(browser: WebDriver, tmp_path: Path, shots: Path) -> None:
    docx_path = write_docx(tmp_path / "draft.docx")
    write_pdf(tmp_path / "draft.pdf")
    results = [view_result(FAULTY), view_result(docx_path), view_result(tmp_path / "draft.pdf"), view_result(CLEAN)]
    report = tmp_path / "report.html"
    report.write_text(render_html(results), encoding="utf-8")
    browser.get(report.as_uri())
    visible = "return [...document.querySelectorAll('section.file')].filter(s => !s.hidden).map(s => s.id)"
    assert browser.script(visible) == ["file-0"]
    browser.click(browser.find('a.file-tab[data-file="2"]'))
    assert browser.script(visible) == ["file-2"]
    browser.screenshot(shots / "report-pdf.png")
    # A finding across a PDF line break is highlighted on both lines.
    number = next(n for n, item in enumerate(results[2].findings) if "\n" in item.excerpt)
    assert browser.script(f"return document.querySelectorAll('#file-2 mark.hl[data-f~=\"{number}\"]').length") >= 2
    # Hovering a highlight shows its details; the clean file says so.
    mark = _mark_of(browser, 2, 0)
    browser.script("arguments[0].scrollIntoView({block: 'center'})", ref(mark))
    browser.s(
        "POST",
        "/actions",
        {
            "actions": [
                {
                    "type": "pointer",
                    "id": "mouse",
                    "parameters": {"pointerType": "mouse"},
                    "actions": [{"type": "pointerMove", "duration": 0, "origin": ref(mark), "x": 0, "y": 0}],
                }
            ]
        },
    )
    time.sleep(0.1)
    text = browser.script("const p = document.getElementById('popover'); return p.hidden ? '' : p.textContent")
    assert results[2].findings[0].finding.code in text
    browser.click(browser.find('a.file-tab[data-file="3"]'))
    assert "未发现问题" in browser.script("return document.querySelector('#file-3 .meta').textContent")


def test_document_text_never_runs_as_script(browser: WebDriver, tmp_path: Path) -> None:
    text = (
        "关于2025年度“提质增效重回报”行动方案的公告\n"
        '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
        "公司产品技术遥遥领先，力争市值突破百亿元。\n"
    )
    result = view_text(text, "evil<script>.txt")
    report = tmp_path / "report.html"
    report.write_text(render_html([result]), encoding="utf-8")
    browser.get(report.as_uri())
    assert browser.script("return window.__pwned === undefined")
    shown = browser.script("return document.querySelector('#file-0 .doc').textContent")
    assert "<script>window.__pwned = 1</script>" in shown
