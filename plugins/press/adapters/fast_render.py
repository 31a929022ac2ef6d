"""The live preview shows an edit to an article's text before the rest of the site catches up.

A rebuild of the live preview, even one that renders only what an edit changed (``preview.py``),
first loads the configuration, checks every file, plans every listing and navigation: 5 to 6 s at
3,000 articles, most of it the same whatever the edit. Hugo's server answers in well under a
second by rendering first the pages being edited ("fast render"). This does the same for the most
common edit, the text of one article:

1. A watcher in place of MkDocs' own on the docs folder (``docs_watch``) records which files changed,
   told by the operating system at once rather than by the next poll.
2. When the one file that changed is an article whose front matter, links and problems are as
   before (only its prose changed), the page is rendered at once with the last build's site,
   navigation and templates (MkDocs' own page steps, every plugin's page events) and written in
   place. The server's builder returns, so MkDocs reloads the browsers: the author sees the edit.
3. The usual rebuild then runs on a thread of its own (`CatchUp`) and brings everything else up to
   date: reading time on listings, feeds, search; the browsers reload once more when it is done.
   One runs at a time; an edit saved meanwhile is shown early as soon as it is done (the plugins MkDocs
   keeps from build to build are halfway through it until then), and one more rebuild follows. It
   starts a moment after the early render (`RELOAD_GRACE`), once the browsers have reloaded: both
   want the one interpreter.

Any other edit, a problem in the article, or a failure of the early render waits for the usual
rebuild, as before. This reaches into MkDocs' internals: its page steps (``_populate_page`` and
``_build_page``) and the live-reload server's epochs, which MkDocs 1.x keeps frozen and ProperDocs
shares. A server without those epochs keeps the usual rebuild first.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

import jinja2
from mkdocs.commands import build as engine_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from ..core.content.checked import CheckedArticle, RawFile, check_article_file
from ..core.urls import article_publication
from .articles import articles_plugin
from .docs_watch import DocsWatch
from .serve_state import STATE

log = get_plugin_logger(__name__)

# Seconds the rebuild after an early render waits, so that the browsers' reload has the interpreter to itself: at
# 10,000 articles a rebuild started at once doubled the reload, from 0.25 s to 0.5 s. The rebuild takes 3 to 15 s.
RELOAD_GRACE = 0.4
# MkDocs' LiveReloadServer: its builder, its poll, the epochs browsers reload by and the condition its build loop waits on
SERVER_PARTS = ("builder", "observer", "unwatch", "_epoch_cond", "_visible_epoch", "_wanted_epoch", "_rebuild_cond",
                "_want_rebuild")

@dataclass
class LastBuild:
    """What the last completed build rendered with: the page steps of an early render need all of it."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment


class FastRender:
    """The watcher, the last build, and the builder that renders an edited article first."""

    def __init__(self) -> None:
        self.last: LastBuild | None = None
        self.changed: set[str] = set()
        self.lock = threading.Lock()
        self.nav: Navigation | None = None
        self.env: jinja2.Environment | None = None
        self.early: set[str] = set()  # sources rendered early since a rebuild last planned: it renders them again
        self.watch: DocsWatch | None = None

    def attach(self, server: Any, config: MkDocsConfig) -> Any:
        """Watch the docs folder in place of the server, and wrap its builder."""
        if not all(hasattr(server, part) for part in SERVER_PARTS):
            log.debug("preview: this live-reload server has no epochs to reload browsers with; every edit rebuilds first")
            return server
        docs = os.path.abspath(config.docs_dir)
        self.detach()
        self.watch = DocsWatch(lambda paths: self._record(paths, server))
        try:
            server.unwatch(docs)  # its poll would start a second rebuild for every change the notifications told
        except KeyError:
            pass  # not watched (yet): ours is the only watch
        server.observer.schedule(self.watch.handler(), docs, recursive=True)
        self.watch.start_native(docs)
        catch_up = CatchUp(server.builder, lambda: _reload_browsers(server))

        def builder() -> None:
            # Never beside a rebuild: plugins that keep state from build to build (those with on_startup, which
            # MkDocs keeps for the whole serve) are halfway through it. A save during a rebuild is shown when that
            # one is done, not after one more.
            with catch_up.running:
                shown = self.render_edit()
            ticket = catch_up.request(RELOAD_GRACE if shown else 0.0)
            if not shown:
                catch_up.wait(ticket)  # browsers reload once the rebuild is done, as without this

        server.builder = builder
        return server

    def detach(self) -> None:
        """Stop the notifications (the server stops its poll itself)."""
        if self.watch is not None:
            self.watch.stop()
            self.watch = None

    def _record(self, paths: set[str], server: Any) -> None:
        """A change under the docs folder: note it for the early render and wake the server's build loop, as
        MkDocs' own watch does."""
        with self.lock:
            self.changed.update(paths)
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    def keep(self, config: MkDocsConfig, files: Files) -> None:
        """After a completed build: what the next early render starts from."""
        if self.nav is not None and self.env is not None:
            self.last = LastBuild(config, files, self.nav, self.env)

    def rendered_early(self) -> set[str]:
        """For a rebuild's plan: the pages rendered early since the last plan, whatever their sources say now (the
        author may have put an article back as it was: the page written early must not stay)."""
        with self.lock:
            early, self.early = self.early, set()
        return early

    def render_edit(self) -> bool:
        """Render the one article whose prose alone changed since the last build; whether it did."""
        with self.lock:
            changed, self.changed = self.changed, set()
        last, memo = self.last, STATE.articles
        if last is None or memo is None or memo.rules is None or len(changed) != 1:
            return _rebuild_first(f"{len(changed)} files changed" if last and memo and memo.rules else "no build to start from")
        start = time.perf_counter()
        docs = os.path.realpath(last.config.docs_dir)
        path = os.path.realpath(changed.pop())
        src = os.path.relpath(path, docs).replace(os.sep, "/")
        articles = articles_plugin(last.config, "press/incremental")
        site = articles.site
        entry = memo.entries.get(src)
        file = last.files.get_file_from_path(src)
        if site is None or file is None or file.page is None or src not in site.catalog.by_src:
            return _rebuild_first(f"{src} is no article of the last build")
        if entry is None:
            return _rebuild_first(f"{src} is not among the checked articles")
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            return _rebuild_first(f"{src} cannot be read ({exc})")
        publication = article_publication(src, memo.rules.publications)
        checked = check_article_file(RawFile(src, raw), publication or "", memo.rules)
        if not _prose_only(entry[1], checked):
            return _rebuild_first(f"more than the prose of {src} changed")
        try:
            file.content_string = "\n" + checked.body(raw)  # as press/articles hands MkDocs a body
            engine_build._populate_page(file.page, last.config, last.files)
            engine_build._build_page(file.page, last.config, last.files.documentation_pages(), last.nav, last.env)
        except Exception as exc:  # noqa: BLE001 (the usual rebuild follows and reports it properly)
            return _rebuild_first(f"the early render of {src} failed ({exc})")
        with self.lock:
            self.early.add(src)
        log.info(f"preview: {src} shown after {time.perf_counter() - start:.2f} s; the rest of the site follows")
        return True


class CatchUp:
    """The usual rebuild on a thread of its own: one at a time, and once more for what was saved while it ran."""

    def __init__(self, rebuild: Callable[[], None], done: Callable[[], None] = lambda: None) -> None:
        self.rebuild, self.after = rebuild, done
        self.changed = threading.Condition()
        self.requested = self.done = 0  # tickets: a rebuild started after request n covers every edit up to n
        self.failed: dict[int, BaseException] = {}  # the last rebuild's failure, by the ticket it covered
        self.waiters = 0  # builders waiting: they report a failure themselves
        self.start_after = 0.0  # time.monotonic() before which no rebuild starts
        self.running = threading.Lock()  # held for the length of a rebuild
        self.thread = threading.Thread(target=self._run, name="press-preview-rebuild", daemon=True)
        self.thread.start()

    def request(self, grace: float = 0.0) -> int:
        """Ask for a rebuild, to start no sooner than `grace` seconds from now; the ticket to `wait` for."""
        with self.changed:
            self.start_after = max(self.start_after, time.monotonic() + grace)
            self.requested += 1
            self.changed.notify_all()
            return self.requested

    def wait(self, ticket: int) -> None:
        """Until a rebuild covering `ticket` is done; its failure is raised here, as MkDocs' build loop expects."""
        with self.changed:
            self.waiters += 1
            self.changed.wait_for(lambda: self.done >= ticket)
            self.waiters -= 1
            failure = next((exc for covered, exc in self.failed.items() if covered >= ticket), None)
        if failure is not None:
            raise failure

    def _run(self) -> None:
        while True:
            with self.changed:
                self.changed.wait_for(lambda: self.requested > self.done)
                while (pause := self.start_after - time.monotonic()) > 0:
                    self.changed.wait(pause)
                ticket = self.requested
            failure: BaseException | None = None
            try:
                with self.running:
                    self.rebuild()
            except BaseException as exc:  # noqa: BLE001 (reported to a waiting builder, or here)
                failure = exc
            with self.changed:
                self.failed = {ticket: failure} if failure is not None else {}
                self.done = ticket
                unreported = failure is not None and not self.waiters
                self.changed.notify_all()
            if failure is None:
                self.after()
            if unreported:
                log.error(f"preview: the rebuild after an early render failed ({failure}); the preview shows the last "
                          "build's site until the next edit rebuilds it")


def _rebuild_first(reason: str) -> bool:
    log.debug(f"preview: {reason}; rebuilding first")
    return False


def _reload_browsers(server: Any) -> None:
    """After a rebuild on our thread: what MkDocs' build loop does after its own, unless one of its own is under way
    (its reload follows it). The epoch is a millisecond below the clock, so the loop's next one is always later."""
    with server._epoch_cond:
        if server._visible_epoch == server._wanted_epoch:
            server._visible_epoch = server._wanted_epoch = max(server._visible_epoch + 1, round(time.monotonic() * 1000) - 1)
            server._epoch_cond.notify_all()


def _prose_only(before: CheckedArticle, after: CheckedArticle) -> bool:
    """Whether only the article's prose changed: same front matter, same links, no problem before or after.

    The reading time follows the prose; listings show it, and the usual rebuild brings them up to date."""
    if before.article is None or after.article is None or before.problems or after.problems:
        return False
    same = dataclasses.replace(after.article, readtime=before.article.readtime) == before.article
    return same and after.links == before.links and after.body_line == before.body_line


FAST = FastRender()  # one per server process: MkDocs makes new plugins with every rebuild's configuration
