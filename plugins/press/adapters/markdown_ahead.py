"""Articles' Markdown converted ahead by a worker process while a cold build converts the rest itself.

MkDocs converts every page's Markdown in its one rendering process before it renders any template: at 10,000
articles 70 to 80 s, while the second core only draws the social cards (about 70 s) and then waits, since
nothing can be indexed before a page is written. `MarkdownAhead` hands the articles the render cache lacks to
one worker process, in chunks from the end of the build's order, while the build converts from the start; a
chunk the worker has not started when the build reaches it is converted here (`take` says no), so neither
side waits on the other for long. The worker runs at the lowest priority: the card drawing and the build come
first, and the Markdown takes only the time the second core would have spent idle.

The worker converts with the engine's own `Page.render`, the same extensions (ours rebuilt by class) and
options, link validation and logger level, and stores what `RenderReuse` would store, a `Rendered` under the
render-cache key of the Markdown it was given, in the cache folder: the build then finds it as any hit, and
holds no worker's results in memory. It finds it only when its own key for the page is the same, the guarantee
a cache hit rests on, so a page another plugin changed is converted here as before.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Mapping

from markdown.extensions import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..core.content.model import Source
from ..core.incremental.render_cache import Rendered, RenderCache
from ..core.incremental.store import Store
from ..mdx.citations import CitationsExtension
from ..mdx.safe_links import SafeLinksExtension

AHEAD_FROM = 500  # fewer articles to convert are converted here: the worker's start (about 1 s) costs more
CHUNK = 50  # articles a worker converts per task: about a third of a second
NICENESS = 19  # the lowest priority: the build, the card drawing (5) and anything else come first
# Page settings `Page` reads from the configuration, besides the Markdown options and link validation.
PAGE_SETTINGS = ("site_url", "repo_url", "edit_uri", "edit_uri_template", "use_directory_urls")
OURS: dict[type, str] = {CitationsExtension: "citations", SafeLinksExtension: "safe links"}


@dataclass(frozen=True)
class Job:
    """One article to convert: the Markdown the build expects to hand the engine, and its render-cache key."""

    src: str
    key: str
    markdown: str
    sources: Mapping[str, Source]  # what the citation chips name


@dataclass(frozen=True)
class Setup:
    """What the worker needs to convert as this build would."""

    extensions: list[tuple[str, str]]  # ("name", extension name) or ("ours", OURS value), in the build's order
    settings: dict[str, Any]  # mdx_configs, validation and PAGE_SETTINGS
    files: list[File]  # every file of the build, without its page or content
    store: Store  # where the entries go
    logger: str  # the engine's logger tree
    level: int  # its effective level in the build: link validation keeps anchor links only above DEBUG


class MarkdownAhead:
    """The worker and the chunks handed to it; `take` says whether a page's entry is stored, or to convert it here."""

    def __init__(self, setup: Setup, jobs: list[Job]) -> None:
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_start, initargs=(setup,))
        self.keys = {job.src: job.key for job in jobs}
        self.chunk_of: dict[str, Future[set[str]]] = {}
        chunks = [jobs[start:start + CHUNK] for start in range(0, len(jobs), CHUNK)]
        for chunk in reversed(chunks):  # from the end: the build converts from the start
            future = self.pool.submit(_convert, chunk)
            for job in chunk:
                self.chunk_of[job.src] = future

    @classmethod
    def start(cls, config: MkDocsConfig, files: Files, jobs: list[Job], store: Store, logger: str) -> MarkdownAhead | None:
        """A worker for `jobs`, or None when there are too few, one core, or an extension it cannot rebuild."""
        if len(jobs) < AHEAD_FROM or (os.cpu_count() or 1) < 2:
            return None
        extensions: list[tuple[str, str]] = []
        for extension in config.markdown_extensions:
            if isinstance(extension, str):
                extensions.append(("name", extension))
            elif type(extension) in OURS:
                extensions.append(("ours", OURS[type(extension)]))
            else:
                return None  # another plugin's instance: the worker could not convert as the build does
        settings = {name: config.get(name) for name in PAGE_SETTINGS}
        settings |= {"mdx_configs": config.mdx_configs, "validation": config.validation}
        bare = [_bare(file) for file in files]
        return cls(Setup(extensions, settings, bare, store, logger, logging.getLogger(logger).getEffectiveLevel()), jobs)

    def take(self, src: str, key: str) -> bool:
        """Whether the worker has stored the page's entry under this key, waiting if it is converting it now;
        False: convert it here."""
        future = self.chunk_of.pop(src, None)
        if future is None or self.keys.get(src) != key:
            return False
        if future.cancel():  # not started: the build converts these pages itself
            return False
        try:
            return src in future.result()
        except (CancelledError, BrokenProcessPool, OSError, RuntimeError):
            return False  # the worker died: the build converts what it did not store

    def close(self) -> None:
        """Stop the worker; what it has not started is not converted."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def _bare(file: File) -> File:
    """`file` without its page or content: what link resolution reads, small to send."""
    bare = object.__new__(File)
    bare.__dict__.update({name: value for name, value in vars(file).items() if name not in ("page", "_content")})
    return bare


# --- the worker ------------------------------------------------------------------------------------------------

_worker: dict[str, Any] = {}


def _start(setup: Setup) -> None:
    os.nice(NICENESS)
    logger = logging.getLogger(setup.logger)
    logger.setLevel(setup.level)
    logger.propagate = False  # the build reports the messages, with the page, as for a cache hit
    from .render_cache import Collect  # here, not above: render_cache starts the worker

    collector = Collect()
    logger.addHandler(collector)
    sources: dict[str, Mapping[str, Source]] = {"current": {}}
    extensions: list[str | Extension] = [
        value if kind == "name" else CitationsExtension(lambda: sources["current"]) if value == "citations" else SafeLinksExtension()
        for kind, value in setup.extensions]
    config = MkDocsConfig()
    config.update(setup.settings | {"markdown_extensions": extensions})
    _worker.update(config=config, files=Files(setup.files), collector=collector, sources=sources,
                   cache=RenderCache(setup.store))


def _convert(chunk: list[Job]) -> set[str]:
    """Each job's page rendered as the build would render it, by the engine's `Page.render`, and stored; the
    pages whose entry is on disk."""
    from .render_cache import toc_token

    config, files, collector, sources, cache = (_worker[name] for name in ("config", "files", "collector", "sources", "cache"))
    for job in chunk:
        collector.records = []
        sources["current"] = job.sources
        page = Page(None, files.src_uris[job.src], config)
        page.markdown = job.markdown
        page.render(config, files)
        cache.put(job.key, Rendered(
            page.content or "", [toc_token(link) for link in page.toc], sorted(page.present_anchor_ids or ()),
            {f.src_uri: dict(anchors) for f, anchors in (page.links_to_anchors or {}).items()}, list(collector.records)))
    failed = {str(path) for path, _ in cache.store.flush()}
    return {job.src for job in chunk if str(cache.store.path("render", job.key, ".json")) not in failed}

