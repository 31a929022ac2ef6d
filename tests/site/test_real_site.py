"""The real site from content/: it builds strictly, every link resolves, every page is valid HTML."""

from __future__ import annotations

import json
import os
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
def test_the_nu_html_checker_finds_no_errors_and_no_warnings(site: Path) -> None:
    """Every message counts, Material's markup included: a publisher's validator reports it all the same."""
    result = subprocess.run(
        ["java", "-jar", os.environ["VNU_JAR"], "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    problems = [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine')}: {m.get('subType', m['type'])}: {m['message']}"
                for m in messages]
    assert problems == []


def test_every_feed_keeps_the_w3c_validator_rules(site: Path) -> None:
    """The rules of the W3C feed validator that `feed_rules` restates, and feedparser's reading, on all 68 feeds
    and both publications' email feeds."""
    paths = sorted(p for p in site.rglob("*.xml") if p.name in ("feed.xml", "atom.xml", "email.xml"))
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


def _doc(site: Path, url: str):
    return lxml_html.fromstring((site / url / "index.html").read_bytes())


def test_each_publication_has_its_title_colour_and_wordmark(site: Path) -> None:
    titles = {url: _doc(site, url).findtext(".//title") for url in ["", "vera2/", "dispatch/", "vera2/courts/"]}
    assert titles == {"": "North River Publications", "vera2/": "Vera2 | North River Publications",
                      "dispatch/": "NRP Dispatch | North River Publications", "vera2/courts/": "Courts | Vera2"}
    article = _doc(site, "vera2/2025/09/eu-migration-pact-countdown")
    assert article.findtext(".//title") == "Europe's Migration Pact Enters Its Final Year Before Launch | Vera2"
    for url, name, colour in [("vera2/", "Vera2", "#1f3a7a"), ("dispatch/", "NRP Dispatch", "#7a2e1f"),
                              ("", "North River Publications", "#263238")]:
        page = _doc(site, url)
        assert page.xpath("string(//a[@class='press-wordmark'])") == name
        assert f"--press-brand: {colour};" in page.xpath("string(//head/style)")


def test_no_empty_banner_and_our_own_footer_on_every_page(site: Path) -> None:
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        assert 'class="md-banner' not in text, page
        assert "Made with" not in text, page
    for doc in (_doc(site, ""), lxml_html.fromstring((site / "404.html").read_bytes())):
        [footer] = doc.xpath("//footer[contains(@class, 'press-footer')]")
        assert footer.xpath(".//nav//a/text()") == ["North River Publications", "NRP Dispatch", "Vera2", "Archive", "Sources"]
    assert lxml_html.fromstring((site / "404.html").read_bytes()).findtext(".//title") == (
        "Page not found | North River Publications")


def test_listing_cards_say_only_what_the_page_does_not(site: Path) -> None:
    courts = _doc(site, "vera2/courts")
    assert courts.xpath("//div[@class='press-cards']//p[@class='press-kicker']") == []
    assert courts.xpath("string(//header[@class='press-listing__header']/p[@class='press-dek'])").startswith("Rulings, arguments")
    vera2 = _doc(site, "vera2")
    assert all("Vera2" not in k.text_content() for k in vera2.xpath("//div[@class='press-cards']//p[@class='press-kicker']"))
    dispatch = _doc(site, "dispatch")
    assert dispatch.xpath("//div[@class='press-cards']//span[@class='press-byline__authors']") == []
    assert len(dispatch.xpath("//article[contains(@class, 'press-card--lead')]")) == 1
    for url in ["", "vera2", "vera2/courts", "tags/immigration", "authors/dana-okafor", "archive/2025"]:
        assert _doc(site, url).xpath("//nav[@class='press-way-on']//a"), url


def test_connect_blocks_follow_the_authors_and_skip_the_publication_on_screen(site: Path) -> None:
    headings = lambda url: _doc(site, url).xpath("//div[@class='press-connect__block']/h3/text()")  # noqa: E731
    assert "About the Author" not in headings("vera2/2025/11/tariff-powers-at-the-supreme-court")  # Dana Okafor's
    assert "About the Author" in headings("vera2/2025/09/eu-migration-pact-countdown")  # J.T. Mercer co-wrote it
    assert "NRP Dispatch" not in headings("dispatch/2025/08/when-the-news-outruns-the-novel")


def test_a_figure_in_the_body_carries_its_caption(site: Path) -> None:
    [figure] = _doc(site, "vera2/2025/07/universal-injunctions-after-casa").xpath(
        "//div[@class='press-article__body']//figure")
    assert figure.xpath(".//img/@alt")[0].startswith("Three boxes")
    assert figure.xpath("string(.//figcaption)").strip() == (
        "Three routes to broad relief remain after the ruling, each with its own limits.")


def test_the_author_blog_opens_with_its_author_and_closes_with_the_signup(site: Path) -> None:
    dispatch = _doc(site, "dispatch")
    [strip] = dispatch.xpath("//section[@class='press-author-strip']")
    assert strip.xpath("string(.//p[@class='press-author-strip__name'])") == "J.T. Mercer"
    assert strip.xpath(".//p[@class='press-author-strip__signup']/a/@href") == ["#press-cta-free-chapter"]
    assert dispatch.xpath("//section[@class='press-cta']/h2/@id") == ["press-cta-free-chapter"]
    assert _doc(site, "vera2").xpath("//section[@class='press-author-strip']") == []
