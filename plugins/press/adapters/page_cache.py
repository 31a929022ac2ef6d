"""Pages whose template context is unchanged are not rendered again (``press.core.incremental.page_cache``), for ``press/incremental``.

MkDocs renders every page's template on every build; with thousands of articles
that is the largest cost of a rebuild. This plugin fingerprints what the template
will see, once every other plugin has added its part (``on_page_context``, last),
and hands MkDocs the page's template behind a thin wrapper: on a match the wrapper
returns the stored output instead of rendering; otherwise it renders and stores.
``on_post_page`` handlers run on the output either way, so the written page is the
same byte for byte (``tests/site/test_page_cache.py`` builds with and without it).

The wrapper is installed on the Jinja environment MkDocs hands to ``on_env``, for the
top-level templates MkDocs asks for by name; templates that extend or include others
still load theirs directly.
"""

from __future__ import annotations

import hashlib
import os
import sysconfig
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..core.incremental.page_cache import PageCache, Uncacheable, context_parts, exact_json, exact_json_bytes, fingerprint
from .articles import articles_plugin
from .render_cache import environment, plain, toc_token

log = get_plugin_logger(__name__)
ENTRY = "press_page_cache"  # the context key that carries a page's fingerprint (and stored output) to the wrapper
# Context values fingerprinted through the page and the site-wide part instead of as JSON. `build_date_utc` comes from
# SOURCE_DATE_EPOCH and changes with every commit; no page template prints it (a test keeps it that way).
COVERED = ("page", "nav", "pages", "config", "base_url", "extra_css", "extra_javascript", "build_date_utc", ENTRY)
INSTALLED = Path(sysconfig.get_paths()["purelib"]).resolve()  # themes installed here are covered by their version


class _Reusable:
    """A page template that returns the stored output when the context carries one."""

    def __init__(self, template: jinja2.Template, plugin: PageReuse):
        self.template, self.plugin = template, plugin

    def render(self, context: dict[str, Any]) -> str:
        entry = context.get(ENTRY)
        if entry is None:
            return self.template.render(context)
        dest, key, stored = entry
        if stored is not None:
            self.plugin.hits += 1
            return stored
        output = self.template.render(context)
        self.plugin.cache.put(dest, key, output)
        self.plugin.misses += 1
        return output


class PageReuse:
    """One build's page cache; ``press/incremental`` calls it from ``on_env`` and ``on_page_context``."""

    def __init__(self, config: MkDocsConfig) -> None:
        articles = articles_plugin(config, "press/incremental")
        self.cache = PageCache(articles.cache)
        self.build_report = articles.report
        self.site_key: str | None = None
        self.hits = self.misses = self.uncacheable = 0

    def wrap(self, env: jinja2.Environment) -> jinja2.Environment:
        """Hand MkDocs each page template behind the wrapper that returns stored output."""
        load = env.get_template

        def get_template(name: Any, parent: str | None = None, globals: Any = None) -> Any:
            template = load(name, parent, globals)
            return template if parent is not None or globals is not None else _Reusable(template, self)

        env.get_template = get_template  # type: ignore[method-assign]
        return env

    def context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
        if self.site_key is None:
            self.site_key = site_key(config, self.nav)
        try:
            # The body goes in as it is: as JSON, escaping it cost more than hashing it.
            body = ("content", page.content) if page.content is not None else ("no content", "")
            parts = [("site", self.site_key), ("page", _page_json(page)), body] + context_parts(context, COVERED)
        except Uncacheable as exc:
            self.uncacheable += 1
            log.debug(f"{page.file.src_uri}: rendered every time (the context holds a {exc})")
            return context
        key = fingerprint(parts)
        dest = page.file.dest_uri
        context[ENTRY] = (dest, key, self.cache.get(dest, key))
        return context

    def report(self) -> None:
        self.build_report.count(pages_reused=self.hits)
        log.debug(f"pages: {self.hits} from the cache, {self.misses} rendered and stored, {self.uncacheable} uncacheable")


def _page_json(page: Page) -> bytes:
    """Everything of the page a template can read, but its body (a part of its own)."""
    def link(other: Any) -> Any:
        return [other.title, other.url] if other is not None else None

    return exact_json_bytes({
        "src": page.file.src_uri, "dest": page.file.dest_uri, "url": page.url, "canonical": page.canonical_url,
        "edit": page.edit_url, "title": page.title, "meta": page.meta,
        "toc": [toc_token(link) for link in page.toc], "home": page.is_homepage, "previous": link(page.previous_page),
        "next": link(page.next_page), "ancestors": [a.title for a in page.ancestors],
    })


def site_key(config: MkDocsConfig, nav: Navigation) -> str:
    """What every page shares: configuration, templates, navigation, renderer versions and our code."""
    settings = {k: v for k, v in config.items() if k not in ("site_dir", "plugins", "nav")}
    # `mkdocs serve -f mkdocs.yml` loads the first configuration from the relative path and every later one from
    # the absolute path: the same file, and the first rebuild would render every page again.
    settings["config_file_path"] = os.path.abspath(config.config_file_path) if config.config_file_path else None
    config_file = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    return fingerprint([
        ("environment", environment(config)), ("config file", hashlib.sha256(config_file).hexdigest()),
        ("settings", exact_json(plain(settings))), ("templates", _templates_digest(config.theme.dirs)),
        ("nav", exact_json(_nav_json(nav.items))),
    ])


def _templates_digest(dirs: list[str]) -> str:
    """The bytes of every theme file outside installed packages (custom_dir): installed themes count by version."""
    digest = hashlib.sha256()
    for folder in map(Path, dirs):
        if folder.resolve().is_relative_to(INSTALLED):
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _nav_json(items: list[Any]) -> list[Any]:
    return [[type(item).__name__, item.title, getattr(item, "url", None), _nav_json(item.children or [])]
            for item in items]
