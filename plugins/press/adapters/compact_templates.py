"""The theme's templates, Material's and ours, read without their indentation (``core.features.compact_html``).

Compacting the template sources rather than each written page costs nothing per page: a template is
compiled once per build, and a page the page cache reuses was compacted when it was made. A page's
body (the Markdown's HTML) carries almost no indentation of its own.
"""

from __future__ import annotations

from typing import Any, Callable

import jinja2

from ..core.features.compact_html import compact


class CompactLoader(jinja2.BaseLoader):
    """Another loader's templates, compacted."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        return compact(source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def compact_templates(env: Any) -> None:
    """Make `env` read every template through `CompactLoader` (once, however often it is called)."""
    if not isinstance(env.loader, CompactLoader):
        env.loader = CompactLoader(env.loader)
