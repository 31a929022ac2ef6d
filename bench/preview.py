"""Edit to preview in the live server: ``python -m bench.preview --n 3000 --edits 5``.

For the product and then the floor (plain MkDocs + Material, see ``bench.corpus``), on
the same generated corpus as ``bench.run``: start the engine's ``serve`` with live reload
on 127.0.0.1 (the product with ``--dirty``, as ``make serve`` runs it; the floor as MkDocs
serves by default), open an article in Chromium (Debian's, through Playwright's
``executable_path``), then ``--edits`` times: append a paragraph with a unique marker to
an article's Markdown and time from the write to the moment the reloaded page in the
browser shows the marker. The file is put back and the page reloaded clean before the
next edit, and the server has finished rebuilding. Reports, per configuration, the median and spread of edit to preview, the
rebuild time the server logs, and the product/floor ratio of the medians. The table goes
to stdout and ``bench/out/preview-<n>.json``.

The server's whole log goes to ``bench/out/preview-corpus-<n>-<variant>-server.log``.

The caches under the corpus's ``.cache/`` are kept (an author's preview starts warm);
the server's first build is not measured.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any, Iterator

from . import corpus
from .run import OUT, VARIANTS, ensure_corpus, log, save, spread

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# The product as `make serve` runs it (press/incremental renders only what an edit changed); the floor as MkDocs serves by default.
SERVE_FLAGS = {"product": ["--dirty"], "floor": []}
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
BUILDING = "Building documentation..."
EARLY = "shown after"  # the product's early render of an edited article (press.adapters.fast_render)


def article_url(p: corpus.Planned, variant: str) -> str:
    """Where the article is served: the product's dated URL, or the floor's path-based one."""
    if variant == "product":
        return f"{p.publication}/{p.date:%Y}/{p.date:%m}/{p.slug}/"
    return p.path.removesuffix(".md") + "/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The engine's live server on one configuration, with the build times it logs."""

    def __init__(self, config: Path, engine: str, flags: list[str], log_path: Path):
        self.port = free_port()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(corpus.BUILD_EPOCH), PYTHONUNBUFFERED="1")
        command = [sys.executable, "-m", engine, "serve", "-f", str(config), "-a", f"127.0.0.1:{self.port}",
                   "--livereload", "--no-strict"] + flags
        self.process = subprocess.Popen(command, cwd=config.parent, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True, start_new_session=True)
        self.builds: list[float] = []
        self.started = 0  # rebuilds begun ("Building documentation..."); a rebuild is under way while above the builds
        self.tail: list[str] = []
        self.log_path = log_path
        self.last_step = 0.0  # time.monotonic() of the last build begun or ended, or early render
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        """Keeps the server's whole log (a failed preview is read from it afterwards) and the build times it tells."""
        assert self.process.stderr is not None
        with self.log_path.open("w", encoding="utf-8") as kept:
            for line in self.process.stderr:
                now = time.time()
                kept.write(f"{time.strftime('%H:%M:%S', time.localtime(now))}.{int(now * 1000) % 1000:03d} {line}")
                kept.flush()
                self.tail = (self.tail + [line.rstrip()])[-40:]
                if BUILDING in line:
                    self.started += 1
                if match := BUILT.search(line):
                    self.builds.append(float(match.group(1)))
                if BUILDING in line or match or EARLY in line:
                    self.last_step = time.monotonic()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("bench: the server stopped:\n" + "\n".join(self.tail))
            if self.builds:
                try:
                    urllib.request.urlopen(self.url, timeout=5).read()
                    return
                except OSError:
                    pass
            time.sleep(0.5)
        raise SystemExit(f"bench: the server did not finish its first build in {timeout:.0f} s")

    def wait_idle(self, timeout: float, quiet: float = 1.0) -> None:
        """Until no rebuild is under way and none has begun or ended for `quiet` seconds: the next edit meets a site
        at rest (a save during a rebuild is shown only once that rebuild is done)."""
        deadline = time.monotonic() + timeout
        while self.started > len(self.builds) or time.monotonic() - self.last_step < quiet:
            if time.monotonic() > deadline:
                raise SystemExit(f"bench: the server was still rebuilding after {timeout:.0f} s")
            time.sleep(0.1)

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def wait_for(page: Any, marker: str, present: bool, timeout: float) -> None:
    """Until the page in the browser shows (or no longer shows) the marker, read every 20 ms: waiting for "load"
    events missed a reload that ended between a read and the wait, and then waited for one that never came."""
    deadline = time.monotonic() + timeout
    while (html := _content(page)) is None or (marker in html) != present:
        if time.monotonic() > deadline:
            raise SystemExit(f"bench: the page did not reload {'with' if present else 'without'} the marker in {timeout:.0f} s")
        time.sleep(0.02)


def _content(page: Any) -> str | None:
    """The page's HTML, or None while it navigates (the product's preview reloads a page twice: its early render,
    then the rebuild)."""
    try:
        return page.content()
    except Exception as exc:  # noqa: BLE001 (Playwright's error while the page navigates)
        if "navigating" not in str(exc):
            raise
        return None


def targets(root: Path, n: int, seed: int, edits: int) -> Iterator[corpus.Planned]:
    """Articles spread evenly over the corpus, published (no draft), the same ones for both configurations."""
    planned = [p for p in corpus.plan(n, seed) if "draft: true" not in (root / "content" / p.path).read_text(encoding="utf-8")]
    step = max(1, len(planned) // edits)
    yield from planned[::step][:edits]


def measure(root: Path, variant: str, edits: list[corpus.Planned], engine: str, timeout: float) -> dict[str, Any]:
    server = Server(root / VARIANTS[variant], engine, SERVE_FLAGS[variant], OUT / f"preview-{root.name}-{variant}-server.log")
    try:
        return _measure(server, root, variant, edits, timeout)
    except SystemExit as exc:
        raise SystemExit(f"{exc}\nthe server's last lines (all of them in {server.log_path}):\n"
                         + "\n".join(server.tail)) from None
    finally:
        server.stop()


def _measure(server: Server, root: Path, variant: str, edits: list[corpus.Planned], timeout: float) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    times: list[float] = []
    log(f"{variant}: first build ...")
    server.wait_ready(timeout=3600)
    log(f"{variant}: first build took {server.builds[0]:.1f} s")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        for i, planned in enumerate(edits):
            source = root / "content" / planned.path
            original = source.read_bytes()
            page.goto(server.url + article_url(planned, variant))
            marker = f"preview-marker-{variant}-{i}-{time.time_ns()}"
            start = time.perf_counter()
            source.write_bytes(original + f"\n\nEdited for the preview benchmark: {marker}.\n".encode())
            try:
                wait_for(page, marker, True, timeout)
                times.append(time.perf_counter() - start)
            finally:
                source.write_bytes(original)
            wait_for(page, marker, False, timeout)
            server.wait_idle(timeout)
            log(f"{variant}: edit {i + 1}/{len(edits)} shown after {times[-1]:.2f} s ({planned.path})")
        browser.close()
    rebuilds = server.builds[1:]
    return {"edit_to_preview_s": spread(times), "rebuild_s": spread(rebuilds), "first_build_s": server.builds[0],
            "raw": {"edit_to_preview_s": times, "rebuild_s": rebuilds}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.preview", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=3000, help="articles in the corpus (default 3000)")
    parser.add_argument("--edits", type=int, default=5, help="edits timed per configuration (default 5)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for one preview (default 600)")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS),
                        help="what to serve (default: both; the floor renders the whole site on every edit: "
                             "about a minute an edit at 3,000 articles)")
    args = parser.parse_args(argv)
    if not CHROMIUM:
        raise SystemExit("bench: no Chromium installed (apt-get install chromium)")
    from press.adapters.engine import NAME as engine

    root = ensure_corpus(OUT, args.n, args.seed)
    edits = list(targets(root, args.n, args.seed, args.edits))
    results: dict[str, Any] = {"n": args.n, "seed": args.seed, "edits": [p.path for p in edits], "engine": engine}
    variants = [v for v in VARIANTS if v in args.variants]
    for variant in variants:
        results[variant] = measure(root, variant, edits, engine, args.timeout)
    lines = [f"edit to preview, {args.n} articles, {len(edits)} edits each (median, min-max):"]
    for variant in variants:
        e, r = results[variant]["edit_to_preview_s"], results[variant]["rebuild_s"]
        lines.append(f"  {variant:8} {e['median']:7.2f} s ({e['min']:.2f}-{e['max']:.2f})   "
                     f"server rebuild {r['median']:.2f} s   first build {results[variant]['first_build_s']:.1f} s")
    if variants == list(VARIANTS):
        product, floor = (results[v]["edit_to_preview_s"]["median"] for v in VARIANTS)
        results["product/floor"] = round(product / floor, 3)
        lines.append(f"  product/floor {results['product/floor']:.2f}x")
    print("\n".join(lines))
    save(results, OUT / f"preview-{args.n}{'' if variants == list(VARIANTS) else '-' + '-'.join(variants)}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
