"""What search costs a reader: the index size and the bytes one query transfers.

    python -m bench.search bench/out/site-1000/product [--query "court ruling"]

Serves a built site from 127.0.0.1, opens its search page in Debian's Chromium
(Playwright, no downloaded browser), runs each query as a reader would, and adds
up the bytes of every response from the Pagefind bundle. Material's search, by
contrast, downloads its whole index (search/search_index.json) on the first query.
A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
from pathlib import Path

QUERIES = ("court ruling", "election", "migration policy europe")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def folder_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def measure(site: Path, queries: tuple[str, ...]) -> list[tuple[str, int, int, int]]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}),
                                directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            for query in queries:
                context = browser.new_context()  # a reader with an empty cache
                page = context.new_page()
                sizes: list[int] = []
                page.on("requestfinished", lambda r: sizes.append((r.sizes()["responseBodySize"], r.url)))
                page.goto(base + "search/?q=" + query.replace(" ", "+"), wait_until="networkidle")
                page.wait_for_function("document.querySelector('.press-search__status').textContent.includes('result')")
                page.wait_for_load_state("networkidle")
                bundle = [size for size, url in sizes if "/pagefind/" in url]
                results = page.locator(".press-search__result").count()
                rows.append((query, sum(bundle), len(bundle), results))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder (with pagefind/)")
    parser.add_argument("--query", action="append", help="a query to run (repeatable); default: three typical ones")
    args = parser.parse_args()
    index_bytes, index_files = folder_size(args.site / "pagefind")
    print(f"site: {args.site}")
    print(f"Pagefind index: {index_bytes:,} bytes in {index_files:,} files")
    for query, transferred, requests, results in measure(args.site, tuple(args.query or QUERIES)):
        print(f"query {query!r:28} {transferred:>10,} bytes in {requests:3} requests, {results} results shown")


if __name__ == "__main__":
    main()
