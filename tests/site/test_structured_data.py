"""JSON-LD on every page type: each document parses and names the page's canonical URL."""

from __future__ import annotations

import json

import pytest
from lxml import etree
from lxml import html as lxml_html

from .builder import Fixture, article, make_fixture
from .test_social import SITE_URL, files, social_config


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    root = tmp_path_factory.mktemp("structured")
    fixture = make_fixture(root / "project", files(), social_config(root / "cache"))
    fixture.build()
    return fixture


def json_ld(fixture: Fixture, url: str) -> tuple[str, list[dict]]:
    """The page's canonical URL and its JSON-LD documents, parsed."""
    doc = lxml_html.fromstring((fixture.site / url / "index.html").read_bytes())
    [canonical] = doc.xpath("//head/link[@rel='canonical']/@href")
    return canonical, [json.loads(s.text) for s in doc.xpath("//head/script[@type='application/ld+json']")]


def test_the_home_page_is_the_website_of_an_organization_with_a_logo(site: Fixture) -> None:
    canonical, [website, organization] = json_ld(site, "")
    assert (website["@type"], website["@id"], website["url"]) == ("WebSite", canonical, canonical)
    assert website["name"] == "Fixture" and website["publisher"] == {"@id": SITE_URL + "#organization"}
    assert organization["@type"] == "Organization" and organization["@id"] == SITE_URL + "#organization"
    logo = organization["logo"]
    assert (logo["width"], logo["height"]) == (144, 144)
    assert (site.site / logo["url"].removeprefix(SITE_URL)).is_file()


@pytest.mark.parametrize("url", ["vera2/", "vera2/courts/", "tags/europe/", "archive/2025/", "tags/"])
def test_listings_are_collection_pages_with_the_items_they_show(site: Fixture, url: str) -> None:
    canonical, [page] = json_ld(site, url)
    assert (page["@type"], page["@id"], page["url"]) == ("CollectionPage", canonical, canonical)
    assert canonical == SITE_URL + url
    items = page["mainEntity"]["itemListElement"]
    assert page["mainEntity"]["@type"] == "ItemList" and page["mainEntity"]["numberOfItems"] == len(items) > 0
    assert [i["position"] for i in items] == list(range(1, len(items) + 1))
    for item in items:
        assert (site.site / item["url"].removeprefix(SITE_URL) / "index.html").is_file()


def test_the_vera2_listing_lists_its_articles_newest_first(site: Fixture) -> None:
    _, [page] = json_ld(site, "vera2/")
    assert [i["url"] for i in page["mainEntity"]["itemListElement"]][:2] == [
        SITE_URL + "vera2/2025/11/cable/", SITE_URL + "vera2/2025/11/hostile/"]


def test_author_pages_are_profile_pages_of_a_person_with_their_links(site: Fixture) -> None:
    canonical, [page] = json_ld(site, "authors/jt-mercer/")
    assert (page["@type"], page["@id"], page["url"]) == ("ProfilePage", canonical, canonical)
    person = page["mainEntity"]
    assert person == {"@type": "Person", "name": "J.T. Mercer", "url": SITE_URL + "authors/jt-mercer/",
                      "sameAs": ["https://northriver.example/"], "description": "Novelist, author of The Unmaking of America"}
    assert [i["url"] for i in page["hasPart"]["itemListElement"]] == [SITE_URL + "vera2/2025/11/cable/",
                                                                      SITE_URL + "vera2/2025/11/hostile/"]


def test_a_piece_first_published_elsewhere_points_search_engines_there(tmp_path) -> None:
    """canonical_url: the canonical link, og:url and the article's JSON-LD name it; the feed item keeps our page."""
    elsewhere = "https://first.example/2025/the-piece/"
    fixture = make_fixture(tmp_path / "project", {
        "vera2/posts/2025/imported.md": article("Imported", extra=f"canonical_url: {elsewhere}"),
    }, social_config(tmp_path / "cache"))
    fixture.build()
    canonical, [story, crumbs] = json_ld(fixture, "vera2/2025/11/imported/")
    assert canonical == story["@id"] == story["url"] == elsewhere
    assert crumbs["itemListElement"][-1]["item"] == SITE_URL + "vera2/2025/11/imported/"
    doc = lxml_html.fromstring((fixture.site / "vera2/2025/11/imported/index.html").read_bytes())
    assert doc.xpath("//head/meta[@property='og:url']/@content") == [elsewhere]
    item = etree.fromstring((fixture.site / "vera2/feed.xml").read_bytes()).find("channel/item")
    assert item.findtext("link") == SITE_URL + "vera2/2025/11/imported/"
