"""The site as the ``press`` command sees it, without building: mkdocs.yml and the content.

Publications, sections, calls to action and the time zone are configured under
``press/articles`` in mkdocs.yml, so the command loads the configuration the
way a build does and asks that plugin: one definition of the settings, one
loader of the content (``ArticlesPlugin.load``, which the build calls too).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.structure.files import get_files

from ..core.content.authors import load_authors
from ..core.features.images import is_raster, unreadable
from ..core.content.model import Author, Publication
from ..core.site import Site
from ..core.content.validate import SiteRules
from .articles import ArticlesPlugin, contained_files
from .reporting import docs_prefix
from ..core.urls import article_publication

PLUGIN = "press/articles"


class ProjectError(Exception):
    """The configuration cannot be loaded: nothing can be checked or written."""


@dataclass
class Project:
    config: MkDocsConfig
    plugin: ArticlesPlugin

    @property
    def root(self) -> Path:
        """The folder of mkdocs.yml: paths in messages are relative to it."""
        return Path(self.config.config_file_path).resolve().parent

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    @property
    def prefix(self) -> str:
        """The docs folder as authors see it in messages (``content``)."""
        return docs_prefix(self.config)

    @property
    def publications(self) -> dict[str, Publication]:
        return self.plugin.publications

    def today(self) -> dt.date:
        """Today in the site's time zone (the command may read the clock; a build never does)."""
        return dt.datetime.now(self.plugin.timezone).date()

    def authors(self) -> dict[str, Author]:
        """The valid entries of the authors registry (its problems are `press check`'s business)."""
        path = self.docs_dir / self.plugin.config.authors_file
        if not path.is_file():
            return {}
        authors, _ = load_authors(self.plugin.config.authors_file, path.read_bytes())
        return authors or {}

    def rules(self) -> SiteRules:
        """What a single new article is validated against (file checks are left to `press check`)."""
        return SiteRules(self.publications, self.authors(), self.plugin.timezone, frozenset(), frozenset(self.plugin.ctas))

    def load(self) -> tuple[Site, int]:
        """Every file the build would see, validated as the build validates it, without rendering.

        Returns the site and how many article files there are (valid or not).
        """
        files = get_files(self.config)
        files.add_files_from_theme(self.config.theme.get_env(), self.config)
        articles = sum(1 for f in files if article_publication(f.src_uri, self.publications))
        files, refused = contained_files(files, self.config.docs_dir)
        site = self.plugin.load(files, self.plugin.options(), refused)
        images = unreadable((f.src_uri, f.content_bytes) for f in files if not f.is_documentation_page() and is_raster(f.src_uri))
        return dataclasses.replace(site, errors=sorted(site.errors + images)), articles

    def preview_url(self, url: str) -> str:
        """Where `mkdocs serve` shows a page: its dev_addr and the path of site_url."""
        addr = self.config.dev_addr
        base = urlsplit(self.config.site_url or "").path or "/"
        return f"http://{addr.host}:{addr.port}{base.rstrip('/')}/{url}"


def require_config(config_file: str | os.PathLike[str]) -> Path:
    """The configuration's path; ProjectError (exit status 2) when there is no such file."""
    path = Path(config_file)
    if not path.is_file():
        raise ProjectError(f"{config_file}: no such configuration file (run press in the folder of mkdocs.yml, or pass -f PATH)")
    return path


def load_project(config_file: str | os.PathLike[str]) -> Project:
    """Load mkdocs.yml and run press/articles' on_config, as a build does before it reads files."""
    path = require_config(config_file)
    try:
        config = load_config(str(path))
    except (ConfigurationError, Abort) as exc:  # MkDocs logs each configuration error, then aborts
        raise ProjectError(f"{path.name}: {exc}") from None
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, ArticlesPlugin):
        raise ProjectError(f"{path.name}: the {PLUGIN} plugin is not configured, so there are no publications to work on")
    # Every plugin's on_config, as a build runs them: the same configuration errors, the same nav.
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config = config.plugins.on_config(config)
    except (PluginError, Abort) as exc:
        raise ProjectError(f"{path.name}: {exc}") from None
    finally:
        config.plugins.on_shutdown()
    return Project(config, plugin)
