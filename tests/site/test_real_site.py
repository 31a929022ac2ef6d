"""The real site from content/: it builds strictly, every link resolves, every page is valid HTML."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from lxml import html as lxml_html
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .feed_rules import problems

REPO = Path(__file__).resolve().parents[2]
SITE_URL = "https://northriverpublications.example/"

# Material's own markup that the Nu HTML Checker rejects and that we keep on purpose:
# autocomplete="off" on its checkbox toggles stops Firefox restoring a stale open drawer or search.
MATERIAL_EXCEPTIONS = [re.compile(r"^Attribute “autocomplete” is only allowed when the input type is")]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("real-site")
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return site_dir


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_listing_of_the_real_site_exists(site: Path) -> None:
    for url in ["", "dispatch/", "vera2/", "vera2/politics/", "vera2/civil-society/", "vera2/global-affairs/",
                "vera2/courts/", "vera2/technology/", "dispatch/commentary/", "dispatch/author-updates/",
                "dispatch/writing-process/", "tags/", "authors/", "authors/jt-mercer/", "archive/", "archive/2025/"]:
        assert (site / url / "index.html").is_file(), url
    articles = list(site.glob("*/[0-9][0-9][0-9][0-9]/*/*/index.html"))
    assert len([a for a in articles if a.parts[-5] == "dispatch"]) >= 6
    assert len([a for a in articles if a.parts[-5] == "vera2"]) >= 10


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken = []
    ids: dict[Path, set[str]] = {}
    for page in pages(site):
        doc = lxml_html.fromstring(page.read_bytes())
        ids[page] = set(doc.xpath("//@id")) | set(doc.xpath("//a/@name"))
    for page in pages(site):
        doc = lxml_html.fromstring(page.read_bytes())
        base = "file://" + str(page)
        root = "file://" + str(site) + "/"  # 404.html links from the site root, as site_url's path is /
        for ref in doc.xpath("//a/@href | //link[@rel!='canonical' and @rel!='alternate']/@href | //img/@src | //script/@src"):
            parts = urlsplit(urljoin(root, ref.lstrip("/")) if ref.startswith("/") and not ref.startswith("//") else urljoin(base, ref))
            if parts.scheme != "file":
                continue
            target = Path(parts.path)
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {ref}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids.get(target, set()):
                broken.append(f"{page.relative_to(site)}: {ref} (no such anchor)")
    assert broken == []


def test_canonical_urls_come_from_site_url(site: Path) -> None:
    doc = lxml_html.fromstring((site / "vera2/index.html").read_bytes())
    assert doc.xpath("//link[@rel='canonical']/@href") == [SITE_URL + "vera2/"]


@pytest.mark.skipif(not shutil.which("java"), reason="no Java runtime: the Nu HTML Checker needs one (.ci/run installs it)")
@pytest.mark.skipif(not Path(os.environ.get("VNU_JAR", "-")).is_file(),
                    reason="no vnu.jar: `make test` installs it from the npm registry (set VNU_JAR to use another)")
def test_the_nu_html_checker_finds_no_errors(site: Path) -> None:
    result = subprocess.run(
        ["java", "-jar", os.environ["VNU_JAR"], "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m.get("type") == "error" and not any(p.search(m["message"]) for p in MATERIAL_EXCEPTIONS)]
    assert errors == []


def test_every_feed_keeps_the_w3c_validator_rules(site: Path) -> None:
    """The rules of the W3C feed validator that `feed_rules` restates, and feedparser's reading, on all 68 feeds."""
    paths = sorted(p for p in site.rglob("*.xml") if p.name in ("feed.xml", "atom.xml"))
    assert len(paths) >= 60
    for path in paths:
        url = SITE_URL + str(path.relative_to(site))
        assert problems(path.read_bytes(), url) == [], url
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, f"{url}: {parsed.get('bozo_exception')}"
        assert json.loads((path.parent / "feed.json").read_bytes())["version"] == "https://jsonfeed.org/version/1.1"


def test_every_listing_article_and_author_page_has_json_ld_naming_its_canonical_url(site: Path) -> None:
    expected = {"": "WebSite", "vera2/": "CollectionPage", "tags/": "CollectionPage", "authors/jt-mercer/": "ProfilePage",
                "archive/2025/": "CollectionPage"}
    for url, kind in expected.items():
        doc = lxml_html.fromstring((site / url / "index.html").read_bytes())
        [canonical] = doc.xpath("//head/link[@rel='canonical']/@href")
        first = json.loads(doc.xpath("//head/script[@type='application/ld+json']")[0].text)
        assert (first["@type"], first["@id"], first["url"]) == (kind, canonical, canonical), url
    for page in pages(site):
        doc = lxml_html.fromstring(page.read_bytes())
        for script in doc.xpath("//head/script[@type='application/ld+json']"):
            json.loads(script.text)  # every document parses
