"""The live preview renders again only the pages an edit changed (``press.core.incremental.preview``), for ``press/incremental``.

``make serve`` runs ``mkdocs serve --dirty``: MkDocs then keeps the output folder between
rebuilds and asks each page's ``File.is_modified()`` whether to render it again, judging by
modification times. Times cannot tell that a listing shows an article whose title was just
edited, and our articles and listings are generated files, which always count as modified. So
on a dirty build this part gives each page's File the answer instead, from the comparison of
this build's inputs with the previous build's in this process:

- nothing to compare with (the first build, or ``mkdocs build --dirty``), a change every page
  shows, or a page added or removed: the output folder is emptied and every page is rendered;
- otherwise: the pages whose inputs changed, plus the pages in the navigation (every page
  shows their titles) and the articles the changed ones link to (so MkDocs can check the
  anchors of those links), are rendered; the others keep the files already written.

Pages rendered again are written to new files (the old ones are removed first), so the search
index built in the background from hard links to the previous pages never sees a page change.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from typing import Callable

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils import clean_directory

from ..core.incremental import preview
from ..core.incremental.digest import digest
from .articles import articles_plugin
from .crosslinks import CrosslinksPlugin
from .engine import NAME as ENGINE
from .fast_render import FAST
from .page_cache import site_key
from .serve_state import STATE

log = get_plugin_logger(__name__)


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be stale: with this plugin it is not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_QUIET = _QuietDirtyWarning()




class PreviewPlan:
    """The plan of each dirty build; lives as long as ``press/incremental`` (a serve process)."""

    dirty = False  # set by `start`: `serve --dirty` or `build --dirty`

    def start(self, dirty: bool) -> None:
        self.dirty = dirty
        if dirty:
            logging.getLogger(f"{ENGINE}.commands.build").addFilter(_QUIET)  # a Filter is added once however often

    def configure(self, config: MkDocsConfig) -> None:
        self.articles = articles_plugin(config, "press/incremental")
        self.current: preview.Snapshot | None = None
        if self.dirty:
            _set_aside_kept_objects()

    def plan(self, nav: Navigation, config: MkDocsConfig, files: Files) -> None:
        """Tell each page's File whether to render it again, and empty the folder when everything must be."""
        if not self.dirty:
            return
        previous = STATE.previous.pop(config.site_dir, None)  # a build that fails from here on leaves nothing to compare with
        if not os.path.isdir(config.site_dir):
            previous = None
        self.current = self._snapshot(config, files, nav)
        plan = preview.plan(previous, self.current)
        docs = [f for f in files if f.is_documentation_page()]
        if plan.clean:
            clean_directory(config.site_dir)
            render = {f.src_uri for f in docs}
        else:
            render = set(plan.pages) | {p.file.src_uri for p in nav.pages} | self._linked_from(plan.pages)
            render |= FAST.rendered_early() & {f.src_uri for f in docs}
        for stale in plan.stale:  # a social card or image variant replaced by another: gone from a full build too
            if os.path.isfile(path := os.path.join(config.site_dir, stale)):
                os.unlink(path)
        for file in docs:
            again = file.src_uri in render
            file.is_modified = _answer(again)  # type: ignore[method-assign]
            if again and not plan.clean and os.path.isfile(file.abs_dest_path):
                os.unlink(file.abs_dest_path)
        log.info(f"preview: rendering {len(render)} of {len(docs)} pages ({plan.reason})")

    def keep_templates(self, env: jinja2.Environment) -> None:
        if self.dirty:
            env.bytecode_cache = STATE.templates

    def _snapshot(self, config: MkDocsConfig, files: Files, nav: Navigation) -> preview.Snapshot:
        site = self.articles.site
        assert site is not None, "press/articles has not loaded the content yet"
        found = config.plugins.get("press/crosslinks")
        crosslinks = found if isinstance(found, CrosslinksPlugin) else None  # the discovery pages, when the site has them
        sources = {f.src_uri: hashlib.sha256(f.content_bytes).hexdigest() for f in files if f.is_documentation_page()}
        records = preview.record_digests(site.catalog.articles, self.articles.view_context.now, STATE.records)
        pages = preview.page_digests(site, sources, records, crosslinks.related if crosslinks else {},
                                     crosslinks.memberships if crosslinks else {}, crosslinks.library_pages if crosslinks else {})
        for src, source in sources.items():
            pages.setdefault(src, source)
        static = [(f.src_uri, _stat(f.abs_src_path)) for f in files
                  if not f.is_documentation_page() and f.abs_src_path and not f.generated_by]
        shared = digest(preview.FORMAT, [
            ("site", site_key(config, nav)),
            ("authors", repr(sorted(site.authors.items()))),
            ("problems", "\n".join(self.articles.problems)),
            ("urls", "\n".join(f"{f.src_uri} {f.dest_uri}" for f in files if f.is_documentation_page())),
            ("static", repr(static)),
            ("navigation pages", repr([(p.file.src_uri, sources.get(p.file.src_uri)) for p in nav.pages])),
            ("redirects", repr([r.output_path for r in crosslinks.redirects] if crosslinks else [])),
        ])
        return preview.Snapshot(shared, pages, frozenset(f.dest_uri for f in files if not f.is_documentation_page()))

    def _linked_from(self, changed: frozenset[str]) -> set[str]:
        """The articles that changed articles link to."""
        site = self.articles.site
        assert site is not None
        return {target for target, sources in site.backlinks.items() if changed.intersection(sources)}

    def finish(self, config: MkDocsConfig) -> None:
        if self.current is not None:
            STATE.previous[config.site_dir] = self.current


def _set_aside_kept_objects() -> None:
    """Collect the last build's garbage, then exempt what survives it from every later collection.

    What survives is what the server keeps (``STATE``: the checked articles, the snapshot, the compiled
    templates, the modules): hundreds of thousands of objects that each of Python's full collections
    walked again, a fifth of a 3,000-article rebuild. Frozen objects are still freed when their last
    reference goes; only a cycle among them would stay, and what ``STATE`` holds is plain data.
    """
    gc.collect()
    gc.freeze()


def _answer(value: bool) -> Callable[[], bool]:
    return lambda: value


def _stat(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns
