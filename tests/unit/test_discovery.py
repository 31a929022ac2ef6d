"""Related articles, links and backlinks, the source library and redirects."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from press.core.content.catalog import build_catalog
from press.core.content.links import backlinks, check_links, find_links
from press.core.content.model import Source
from press.core.features.redirects import Redirect, plan_redirects, redirect_view
from press.core.features import related
from press.core.features.related import related_articles
from press.core.features.source_library import source_library

from .test_catalog_and_listings import article


def src(publisher: str, url: str) -> Source:
    return Source(publisher.lower(), publisher, "A title", url)


def test_related_prefers_rare_shared_features_and_splits_publications() -> None:
    catalog = build_catalog([
        article("base", 10, tags=("courts", "injunctions"), further_reading=(src("Reuters", "https://r.example/casa"),)),
        article("same-source", 9, tags=("courts",), further_reading=(src("Reuters", "https://r.example/casa"),)),
        article("rare-tag", 8, tags=("injunctions",), section="Politics"),
        article("common-only", 7, tags=("courts",), section="Politics"),
        article("blog", 6, pub="dispatch", section=None, tags=("injunctions", "courts")),
        *[article(f"filler{i}", i, tags=("courts",), section="Politics") for i in range(1, 5)],
    ])
    related = related_articles(catalog, limit=3, other_limit=2, threshold=1.0)
    base = related["vera2/posts/base.md"]
    assert [a.slug for a in base.same] == ["same-source", "rare-tag"]
    assert [a.slug for a in base.other] == ["blog"]
    assert "vera2/posts/base.md" not in [a.src_path for a in base.same]
    # Deterministic: the same input gives the same result.
    assert related == related_articles(catalog, limit=3, other_limit=2, threshold=1.0)


def test_nothing_below_the_threshold() -> None:
    catalog = build_catalog([article("a", 1, tags=("x",)), article("b", 2, tags=("y",))])
    assert related_articles(catalog, threshold=0.1)["vera2/posts/a.md"].same == ()


def test_links_to_missing_files_suggest_the_right_path() -> None:
    known = frozenset({"vera2/posts/2025/a.md", "dispatch/posts/2025/b.md", "images/x.png"})
    bodies = {
        "vera2/posts/2025/a.md": ("See [b](b.md), [b again](../../../dispatch/posts/2025/b.md#part) and ![x](../../../images/y.png).\n"
                                  "`[code](nowhere.md)` and [web](https://e.example/q.md) and [here](#top).", 7),
    }
    links, errors = check_links({path: find_links(path, text, line) for path, (text, line) in bodies.items()}, known)
    assert [(link.target, link.line) for link in links] == [("dispatch/posts/2025/b.md", 7)]
    assert [str(e) for e in errors] == [
        "vera2/posts/2025/a.md:7: link: links to b.md, but vera2/posts/2025/b.md does not exist\n"
        "  hint: did you mean ../../../dispatch/posts/2025/b.md? (links are relative to the linking file)",
        "vera2/posts/2025/a.md:7: link: links to ../../../images/y.png, but images/y.png does not exist\n"
        "  hint: did you mean ../../../images/x.png?",
    ]


def test_backlinks_are_between_articles_only_and_counted_once() -> None:
    known = frozenset({"a.md", "b.md", "index.md"})
    links, _ = check_links({"a.md": find_links("a.md", "[b](b.md) [b](b.md) [self](a.md)"), "index.md": find_links("index.md", "[b](b.md)")}, known)
    assert backlinks(links, ["a.md", "b.md"]) == {"b.md": ("a.md",)}


def test_the_source_library_groups_publishers_by_name_whatever_the_case() -> None:
    catalog = build_catalog([
        article("one", 1, further_reading=(src("Reuters", "https://r.example/x"), src("AP News", "https://ap.example/y"))),
        article("two", 2, further_reading=(src("reuters", "https://r.example/x/"),)),
        article("three", 3, further_reading=(src("Reuters", "https://r.example/z"),)),
    ])
    library = source_library(catalog)
    assert [(p.name, p.url, len(p.sources), p.citations) for p in library] == [
        ("AP News", "sources/ap-news/", 1, 1), ("Reuters", "sources/reuters/", 2, 3)]
    assert [a.slug for a in library[1].sources[0].articles] == ["two", "one"]


def test_redirects_refuse_to_replace_a_page() -> None:
    moved = article("new", 1, redirect_from=("vera2/2024/old/", "vera2/index/"))
    redirects, errors = plan_redirects([moved], {"vera2/index/": "vera2/index.md"})
    assert redirects == [Redirect("vera2/2024/old/", moved)]
    assert [e.headline() for e in errors] == ["vera2/posts/new.md:1: redirect_from: /vera2/index/ is already a page (vera2/index.md)"]
    assert redirects[0].relative_target == "../../2025/11/new/"


def test_a_redirect_page_knows_its_canonical_url_and_its_relative_target() -> None:
    view = redirect_view(Redirect("old/", dataclasses.replace(article("new", 1), title="<b>&</b>")), "https://s.example/", "en")
    assert view == {"title": "<b>&</b>", "canonical": "https://s.example/vera2/2025/11/new/", "target": "../vera2/2025/11/new/",
                    "lang": "en"}


def synthetic(n: int, tags: int) -> list:
    """`n` articles a day apart, article i tagged t<i mod tags> and sharing a word with its neighbours."""
    start = dt.datetime(2020, 1, 1, tzinfo=ZoneInfo("UTC"))
    return [dataclasses.replace(article(f"a{i}", 1, tags=(f"t{i % tags}",), pub="dispatch" if i % 3 == 0 else "vera2",
                                        section=None if i % 3 == 0 else "Courts"),
                                date=start + dt.timedelta(days=i), description=f"word{i // 7}")
            for i in range(n)]


def test_below_the_bound_every_candidate_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no feature list is longer than NEAREST, the lists are those of reading every list whole."""
    catalog = build_catalog(synthetic(400, 10))  # 40 articles a tag
    bounded = related_articles(catalog, threshold=1.0)
    monkeypatch.setattr(related, "NEAREST", 10**9)
    assert bounded == related_articles(catalog, threshold=1.0)
    assert sum(len(r.same) + len(r.other) for r in bounded.values()) > 400 * 3


def test_a_feature_shared_by_many_reads_only_the_articles_nearest_in_time() -> None:
    catalog = build_catalog(synthetic(3000, 40))  # 75 articles a tag: more than NEAREST, not too common (3000 / 20)
    place = {a.src_path: i for i, a in enumerate(catalog.articles)}
    found = related_articles(catalog, threshold=1.0)
    for src, lists in found.items():
        for other in lists.same + lists.other:
            assert abs(place[other.src_path] - place[src]) <= related.NEAREST * 40, (src, other.src_path)
    oldest = catalog.articles[-1].src_path
    assert found[oldest].same and all(place[a.src_path] > 3000 - related.NEAREST * 40 for a in found[oldest].same)


def test_the_window_is_centred_on_the_article_and_kept_inside_the_list() -> None:
    posting = list(range(0, 2000, 2))
    assert related._nearest(posting[:related.NEAREST], 7) == posting[:related.NEAREST]
    middle = related._nearest(posting, 1000)
    assert len(middle) == related.NEAREST and middle[0] < 1000 < middle[-1]
    assert related._nearest(posting, 0) == posting[:related.NEAREST]
    assert related._nearest(posting, 5000) == posting[-related.NEAREST:]
