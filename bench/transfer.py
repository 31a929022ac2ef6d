"""What one page view transfers: ``python -m bench.transfer SITE [URL ...]``.

Serves the built site as a static host does (``bench.static_host``: gzip, cache headers) on
127.0.0.1, opens each page in Debian's Chromium (Playwright's ``executable_path``, never a
downloaded browser) as Lighthouse's mobile run does (412 x 823, a fresh cache per page), and
counts every response: headers and body as sent, by kind. The budget (issue 13) is 60 KiB a page.
Without URLs: the home page, the first publication's front page and section page, and its first
article, read from the site's own sitemap so a generated corpus works as well as the real site.
"""

from __future__ import annotations

import argparse
import collections
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BUDGET_KIB = 60


def default_urls(site: Path) -> dict[str, str]:
    """home, a publication front page, a section page and an article, from sitemap.xml."""
    locs = re.findall(r"<loc>[^<]*?//[^/]+/([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    article = next(u for u in locs if re.fullmatch(r"[a-z0-9-]+/\d{4}/\d{2}/[^/]+/", u))
    publication = article.split("/", 1)[0] + "/"
    section = next((u for u in locs if re.fullmatch(rf"{re.escape(publication)}[a-z-]+/", u)), publication)
    return {"home": "", "publication": publication, "section": section, "article": article}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, seconds: float = 10.0) -> None:
    """Until the host accepts connections (it starts in a fresh interpreter)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"bench.transfer: the static host did not start on port {port}")
            time.sleep(0.05)


def measure(site: Path, urls: dict[str, str]) -> dict[str, collections.Counter[str]]:
    port = free_port()
    host = subprocess.Popen([sys.executable, "-m", "bench.static_host", str(site), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out: dict[str, collections.Counter[str]] = {}
    try:
        wait_for(port)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for name, url in urls.items():
                context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True)
                page, finished = context.new_page(), []
                page.on("requestfinished", lambda request: finished.append(request))
                page.goto(f"http://127.0.0.1:{port}/{url}", wait_until="networkidle")
                kinds: collections.Counter[str] = collections.Counter()
                for request in finished:
                    sizes = request.sizes()
                    kinds[request.resource_type] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
                out[f"{name} /{url}"] = kinds
                context.close()
            browser.close()
    finally:
        host.terminate()
        host.wait()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("urls", nargs="*", help="site-relative URLs (default: home, publication, section, article)")
    args = parser.parse_args()
    urls = {u: u for u in args.urls} if args.urls else default_urls(args.site)
    for page, kinds in measure(args.site, urls).items():
        total = sum(kinds.values()) / 1024
        parts = ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in kinds.most_common())
        print(f"{page:70} {total:6.1f} KiB {'ok' if total <= BUDGET_KIB else 'OVER'}  ({parts})")


if __name__ == "__main__":
    main()
