"""Browser tests: Debian's Chromium driven by Playwright, against the real site served from 127.0.0.1.

Playwright never downloads a browser here: it launches /usr/bin/chromium (or
$CHROMIUM) through `executable_path`. Where no Chromium is installed the tests
skip with that reason; `.ci/run` installs it, so CI always runs them.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import urllib.parse
from pathlib import Path
from typing import Iterator

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

if not CHROMIUM:
    pytest.skip("no Chromium installed (apt-get install chromium; .ci/run does it): browser tests skipped",
                allow_module_level=True)


class Signups:
    """A local stand-in for the mailing-list provider: records every form it receives."""

    def __init__(self) -> None:
        self.received: list[dict[str, list[str]]] = []


def _serve(handler: type[http.server.BaseHTTPRequestHandler] | functools.partial) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def signups() -> Iterator[tuple[Signups, str]]:
    record = Signups()

    class Provider(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
            record.received.append(urllib.parse.parse_qs(body))
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>Thanks</title><h1>Check your inbox</h1>")

        def log_message(self, *args: object) -> None:
            pass

    for url in _serve(Provider):
        yield record, url + "subscribe"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory, signups: tuple[Signups, str]) -> Path:
    """The real content, built once, with the mailing-list forms pointed at the local provider, short listings and the index sharded."""
    site_dir = tmp_path_factory.mktemp("browser-site")
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    for cta in config.plugins["press/articles"].config.ctas.values():
        cta["action"] = signups[1]
    # Listings of several pages and a search index in shards of a few articles each, as a large site has them:
    # the pagination is laid out, and the search page merges the shards.
    config.plugins["press/articles"].config.per_page = 5
    config.plugins["press/search"].config.shard_kb = 60
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return site_dir


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve_folder(folder: Path) -> Iterator[str]:
    """A built site served from 127.0.0.1 while the generator runs; yields its base URL."""
    yield from _serve(functools.partial(_Quiet, directory=str(folder)))


@pytest.fixture(scope="session")
def base_url(real_site: Path) -> Iterator[str]:
    yield from serve_folder(real_site)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url: str):
    """A fresh page that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
    yield page
    context.close()
