"""The Pelican peer: ``<root>/pelican/``, the corpus's articles in Pelican's Markdown and its settings.

Pelican's default theme (notmyidea) paginated as the product is (``press/articles: per_page``), feeds (Atom and RSS, full content, the
20 latest as the product's ``press/feeds: limit``) for the site and per category, tag and author,
and the product's URLs: articles at ``/<pub>/<yyyy>/<mm>/<slug>/`` (a ``Publication:`` field
feeds ``ARTICLE_URL``), ``/tags/<slug>/``, ``/authors/<slug>/``. Categories are our sections;
a Dispatch article without one lands in Pelican's default category, as Pelican requires one.
"""

from __future__ import annotations

from .peer_content import PeerArticle

FOLDER = "pelican"
SETTINGS = "pelicanconf.py"
CACHES = (".cache",)  # CACHE_PATH, emptied before every build

SETTINGS_TEXT = '''\
# The Pelican peer of the benchmark (written by bench/pelican_site.py).
SITENAME = "North River Publications"
SITEURL = "https://northriverpublications.example"
AUTHOR = "North River Publications"
PATH = "content"
ARTICLE_PATHS = ["dispatch", "vera2"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
ARTICLE_URL = "{publication}/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
CATEGORY_URL = "sections/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/sections/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/sections/{slug}.rss.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tags/{slug}.rss.xml"
AUTHOR_FEED_ATOM = "feeds/authors/{slug}.atom.xml"
AUTHOR_FEED_RSS = "feeds/authors/{slug}.rss.xml"
FEED_MAX_ITEMS = 20
RSS_FEED_SUMMARY_ONLY = False
CACHE_PATH = ".cache"
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": True},
    },
    "output_format": "html5",
}
'''


def settings_text(per_page: int) -> str:
    """The settings, with the product's listing size."""
    return SETTINGS_TEXT + f"DEFAULT_PAGINATION = {per_page}\n"


def article_text(a: PeerArticle) -> str:
    """Pelican's Markdown metadata header (``Key: value`` lines), a blank line, the body."""
    fields = [("Title", a.title), ("Date", a.date), ("Slug", a.slug), ("Publication", a.publication),
              ("Authors", ", ".join(a.authors)), ("Tags", ", ".join(a.tags)), ("Summary", a.description)]
    if a.section:
        fields.insert(3, ("Category", a.section))
    return "".join(f"{key}: {value}\n" for key, value in fields) + "\n" + a.body


def files(articles: list[PeerArticle], pages: dict[str, tuple[str, str]], images: dict[str, bytes]) -> dict[str, str | bytes]:
    """Path under ``pelican/`` -> data: articles where the product has them (``<pub>/posts/<yyyy>/<slug>.md``),
    ``pages`` (slug -> title, Markdown) under pages/, each hero image once under images/."""
    out: dict[str, str | bytes] = {f"content/{a.publication}/posts/{a.date[:4]}/{a.slug}.md": article_text(a) for a in articles}
    out |= {f"content/pages/{slug}.md": f"Title: {title}\nSlug: {slug}\n\n{body}" for slug, (title, body) in pages.items()}
    out |= {f"content/images/{name}": data for name, data in images.items()}
    return out
