"""Open Graph, Twitter and JSON-LD data of a page; JSON that no string can break out of."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from press.core.content.model import Author, Correction, Link, Source
from press.core.features.structured_data import CardImage, SiteInfo, article_json_ld, article_meta, script_json, website_meta

from .rules import PUBLICATIONS
from .test_catalog_and_listings import TZ, article

SITE = SiteInfo("https://news.example/", "North River Publications", "Both publications", "en", "https://news.example/logo.png")
CARD = CardImage("https://news.example/assets/cards/abc.png", "Vera2 / Courts: X")
AUTHORS = {"jt-mercer": Author("jt-mercer", "J.T. Mercer", links=(Link("website", "https://jt.example/"),
                                                                   Link("mastodon", "https://mastodon.social/@jt"))),
           "dana-okafor": Author("dana-okafor", "Dana Okafor")}
HOSTILE = "</script><script>alert(1)</script> & \u2028 \u2029 <!-- \"quoted\""


def cited(**extra):
    return article("cable", 20, tags=("europe", "courts"), authors=("jt-mercer", "dana-okafor"), image="vera2/posts/images/c.jpg",
                   image_alt="A cable", updated=dt.datetime(2025, 11, 22, 9, 30, tzinfo=TZ), further_reading=(
                       Source("reuters", "Reuters", "A source", "https://www.reuters.com/x", dt.date(2025, 11, 19)),
                       Source("ap", "AP", "Another", "https://apnews.com/y")), **extra)


def ld(a, schema_type="NewsArticle", **kwargs):
    return article_json_ld(a, schema_type=schema_type, site=SITE, publication=PUBLICATIONS[a.publication], authors=AUTHORS,
                           card=CARD, **kwargs)


def test_the_article_has_every_required_property() -> None:
    data, crumbs = ld(cited(corrections=(Correction(dt.date(2025, 11, 21), "Fixed a name."),)),
                      hero_url="https://news.example/vera2/posts/images/c.jpg")
    url = "https://news.example/vera2/2025/11/cable/"
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "Cable" and data["description"] == "d"
    assert data["@id"] == data["url"] == url and "mainEntityOfPage" not in data  # it would repeat @id on every article
    assert data["image"] == [{"@type": "ImageObject", "url": CARD.url, "width": 1200, "height": 630},
                             "https://news.example/vera2/posts/images/c.jpg"]
    assert (data["datePublished"], data["dateModified"]) == ("2025-11-20T00:00:00-05:00", "2025-11-22T09:30:00-05:00")
    assert data["author"] == [
        {"@type": "Person", "name": "J.T. Mercer", "url": "https://news.example/authors/jt-mercer/"},  # sameAs: on that page
        {"@type": "Person", "name": "Dana Okafor", "url": "https://news.example/authors/dana-okafor/"},
    ]
    assert data["publisher"] == {"@type": "Organization", "@id": "https://news.example/#organization",
                                 "name": "North River Publications", "url": "https://news.example/",
                                 "logo": {"@type": "ImageObject", "url": "https://news.example/logo.png"}}
    assert data["articleSection"] == "Courts" and data["keywords"] == ["europe", "courts"]
    assert data["citation"] == [
        {"@type": "CreativeWork", "name": "A source", "url": "https://www.reuters.com/x"},
        {"@type": "CreativeWork", "name": "Another", "url": "https://apnews.com/y"},
    ]
    assert data["correction"] == [{"@type": "CorrectionComment", "text": "Fixed a name.", "datePublished": "2025-11-21"}]
    assert crumbs["@type"] == "BreadcrumbList"
    assert [(i["position"], i["name"], i["item"]) for i in crumbs["itemListElement"]] == [
        (1, "North River Publications", "https://news.example/"), (2, "Vera2", "https://news.example/vera2/"),
        (3, "Courts", "https://news.example/vera2/courts/"), (4, "Cable", url)]


def test_optional_properties_are_left_out_when_there_is_nothing_to_say() -> None:
    data, crumbs = ld(article("note", 3, pub="dispatch", section=None), schema_type="BlogPosting")
    assert data["@type"] == "BlogPosting"
    assert not {"articleSection", "keywords", "citation", "correction"} & data.keys()
    assert data["image"] == [{"@type": "ImageObject", "url": CARD.url, "width": 1200, "height": 630}]
    assert [i["name"] for i in crumbs["itemListElement"]] == ["North River Publications", "NRP Dispatch", "Note"]


@pytest.mark.parametrize("text", [HOSTILE, "R&D", "a\u2028b", "<b>", "x</SCRIPT >y", "\\u003c"])
def test_script_json_escapes_what_could_end_the_script_and_round_trips(text: str) -> None:
    data = {"headline": text, "nested": [{"name": text}]}
    out = script_json(data)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in out
    assert json.loads(out) == data


def test_hostile_titles_survive_into_json_ld_unchanged() -> None:
    hostile = dataclasses.replace(article("x", 1), title=HOSTILE, description=HOSTILE)
    [data, crumbs] = [json.loads(script_json(d)) for d in ld(hostile)]
    assert data["headline"] == data["description"] == HOSTILE and crumbs["itemListElement"][-1]["name"] == HOSTILE


def test_article_meta_tags() -> None:
    tags = article_meta(cited(), SITE, CARD)
    pairs = [(key, content) for _, key, content in tags]
    assert pairs == [
        ("og:type", "article"), ("og:title", "Cable"), ("og:description", "d"),
        ("og:url", "https://news.example/vera2/2025/11/cable/"), ("og:image", CARD.url), ("og:image:type", "image/png"),
        ("og:image:width", "1200"), ("og:image:height", "630"), ("og:image:alt", CARD.alt),
        ("og:site_name", "North River Publications"),
        ("article:published_time", "2025-11-20T00:00:00-05:00"), ("article:modified_time", "2025-11-22T09:30:00-05:00"),
        ("article:author", "https://news.example/authors/jt-mercer/"), ("article:author", "https://news.example/authors/dana-okafor/"),
        ("article:section", "Courts"), ("article:tag", "europe"), ("article:tag", "courts"),
        ("twitter:card", "summary_large_image"), ("twitter:image:alt", CARD.alt),  # X reads the rest from og:
    ]
    assert {attr for attr, key, _ in tags if key.startswith("twitter:")} == {"name"}
    assert {attr for attr, key, _ in tags if not key.startswith("twitter:")} == {"property"}


def test_website_meta_falls_back_to_the_site_description() -> None:
    tags = {key: content for _, key, content in website_meta("Tags", "", "https://news.example/tags/", SITE, CARD)}
    assert tags["og:type"] == "website" and tags["og:description"] == "Both publications"
    assert "article:published_time" not in tags


def test_the_hero_carries_its_caption_and_credit() -> None:
    data, _ = ld(cited(image_caption="The cable, as received.", image_credit="Photo: State Department"),
                 hero_url="https://news.example/vera2/posts/images/c.jpg")
    assert data["image"][1] == {"@type": "ImageObject", "url": "https://news.example/vera2/posts/images/c.jpg",
                                "caption": "The cable, as received.", "creditText": "Photo: State Department"}
