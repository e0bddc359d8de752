"""A real browser (Debian's Chromium, driven by Playwright) on the seed log's site.

The site is built once per session and served under ``/studykb/`` (``served_seed_site``
in tests/conftest.py). Each test gets a fresh tab that records what the page did: console
errors, uncaught exceptions, failed requests, every request to another host and every
dialog (alert, confirm, prompt). A test fails at teardown if any of those happened, and
leaves a screenshot in test-artifacts/e2e/.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from tests.conftest import CHROMIUM, ROOT, browser_skip_reason

ARTIFACTS = ROOT / "test-artifacts" / "e2e"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 800}
LOCAL_SCHEMES = ("data", "blob", "about")


@pytest.fixture(scope="session")
def browser():
    reason = browser_skip_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    shutil.rmtree(ARTIFACTS, ignore_errors=True)  # only this run's screenshots
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A browser context, its first page, and what its pages did: every problem is kept,
    so a failure lists them all."""
    context: object
    page: object
    site: object  # the SubPathServer
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    expected_missing: set[str] = field(default_factory=set)
    in_flight: set = field(default_factory=set)

    def goto(self, path: str = "", expect_status: int = 200, page=None):
        url = self.site.url(path)
        if expect_status == 404:
            self.expected_missing.add(url)
        response = (page or self.page).goto(url)
        assert response is not None and response.status == expect_status, (path, response and response.status)
        return response

    def open(self, path: str):
        """Another page of the same context, at ``path``; its requests are recorded too."""
        page = self.context.new_page()
        self.goto(path, page=page)
        return page

    def third_party_requests(self) -> list[str]:
        origin = urlsplit(self.site.origin).netloc
        return [url for url in self.requests
                if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != origin]

    def problems(self) -> list[str]:
        found = [f"request to another host: {url}" for url in self.third_party_requests()]
        found += [f"uncaught exception: {text}" for text in self.page_errors]
        found += [f"console error: {text}" for text in self.console_errors]
        found += [f"failed request: {text}" for text in self.failed]
        found += [f"dialog: {text}" for text in self.dialogs]
        found += [f"still loading: {request.url}" for request in self.in_flight]
        return found

    def settle(self, timeout_ms: int = 5_000) -> None:
        """Wait until no request is in flight (the search worker may still be fetching the
        index after a test's last click), so a page is judged on what it finished doing,
        not on the requests that closing the browser cuts short. What is still loading after
        ``timeout_ms`` is reported as a problem."""
        waited = 0
        while self.in_flight and waited < timeout_ms and not self.page.is_closed():
            self.page.wait_for_timeout(50)
            waited += 50

    def forget_problems(self) -> None:
        for recorded in (self.requests, self.console_errors, self.page_errors, self.failed, self.dialogs,
                         self.in_flight):
            recorded.clear()

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        if message.location.get("url") in self.expected_missing and "404" in message.text:
            return  # Chromium reports the 404 status of a page we asked for on purpose
        self.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def _on_request(self, request) -> None:
        self.requests.append(request.url)
        self.in_flight.add(request)

    def _on_finished(self, request) -> None:
        self.in_flight.discard(request)

    def _on_failed(self, request) -> None:
        self.in_flight.discard(request)
        # The page's own favicon cut short by a reload or a navigation the test makes (it may
        # start after ``settle`` looked) is the browser leaving the page, not a fault of it.
        if request.failure == "net::ERR_ABORTED" and request.url.endswith("/favicon.png"):
            return
        self.failed.append(f"{request.failure} {request.url}")

    def _on_response(self, response) -> None:
        if response.status >= 400 and response.url not in self.expected_missing:
            self.failed.append(f"HTTP {response.status} {response.url}")

    def _on_dialog(self, dialog) -> None:
        """An alert, confirm or prompt is what injected script does first: recorded, then
        dismissed so the page goes on."""
        self.dialogs.append(f"{dialog.type} {dialog.message!r} on {dialog.page.url if dialog.page else '?'}")
        dialog.dismiss()

    def watch(self) -> "Tab":
        """Listen on the context, so every page it opens is recorded (page.on would see one)."""
        self.context.on("request", self._on_request)
        self.context.on("requestfinished", self._on_finished)
        self.context.on("console", self._on_console)
        self.context.on("weberror", lambda error: self.page_errors.append(str(error.error)))
        self.context.on("requestfailed", self._on_failed)
        self.context.on("response", self._on_response)
        self.context.on("dialog", self._on_dialog)
        return self


def artifact_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("::")[-1]).strip("_")


@pytest.fixture
def tab(browser, served_seed_site, request):
    """A fresh tab in light mode at 1280x800; checked for problems and screenshotted at the end."""
    yield from _checked_tab(browser, served_seed_site, request)


@pytest.fixture
def hostile_tab(browser, served_hostile_site, request):
    """A fresh tab, as ``tab``, on the site of the hostile fixture (tests/fixtures/hostile/)."""
    yield from _checked_tab(browser, served_hostile_site, request)


def _checked_tab(browser, site, request):
    context = browser.new_context(viewport=VIEWPORT, color_scheme="light", service_workers="block")
    context.set_default_timeout(10_000)
    page = context.new_page()
    watched = Tab(context=context, page=page, site=site).watch()
    yield watched
    watched.settle()
    problems = watched.problems()  # before closing, which aborts whatever is still loading
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if page.url.startswith("http"):
        page.screenshot(path=str(ARTIFACTS / f"{artifact_name(request.node.nodeid)}.png"), animations="disabled")
    context.close()
    assert not problems, "the page had problems:\n" + "\n".join(f"  {p}" for p in problems)
