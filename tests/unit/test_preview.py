"""The live preview's core: the rebuild plan, and the memos that spare a rebuild re-reading unchanged content."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from press.core.content.catalog import build_catalog
from press.core.features.listings import ListingPage
from press.core.incremental import preview as preview_module
from press.core.incremental.preview import Snapshot, page_digests, plan, record_digests
from press.core.features.related import Related, related_articles
from press.core.content.checked import check_article_file
from press.core.incremental import memos
from press.core.incremental.memos import ArticleMemo, RelatedMemo
from press.core.incremental.store import Store
from press.core.site import Options, RawFile, Site, load_site

from .rules import RULES
from .test_catalog_and_listings import TZ, article

NOW = dt.datetime(2026, 1, 1, tzinfo=TZ)
AUTHORS = b"authors:\n  jt-mercer:\n    name: J.T. Mercer\n"


def test_the_first_build_and_shared_changes_start_from_an_empty_folder() -> None:
    current = Snapshot("s", {"a.md": "1", "b.md": "2"}, frozenset({"cards/x.png"}))
    assert plan(None, current).clean
    assert plan(Snapshot("other", current.pages), current).clean
    assert plan(Snapshot("s", {"a.md": "1"}), current).clean  # a page added: listings, navigation and links move


def test_otherwise_only_changed_pages_render_and_replaced_files_are_removed() -> None:
    before = Snapshot("s", {"a.md": "1", "b.md": "2"}, frozenset({"cards/old.png", "img/keep.png"}))
    after = Snapshot("s", {"a.md": "1", "b.md": "3"}, frozenset({"cards/new.png", "img/keep.png"}))
    result = plan(before, after)
    assert (result.clean, result.pages, result.stale) == (False, {"b.md"}, {"cards/old.png"})
    assert plan(after, after).pages == frozenset()


def site_of(*articles) -> Site:
    return Site(build_catalog(articles), {}, [], {})


def test_a_card_change_reaches_the_listings_and_related_articles_that_show_it() -> None:
    one, two, three = article("one", 1, tags=("x",)), article("two", 2, tags=("x",)), article("three", 3)
    listing = ListingPage("tag", "x", "X", "", "tags/x/index.md", "tags/x/", 1, ("tags/x/",), (two, one))
    related = {one.src_path: Related((two,), ()), two.src_path: Related((one,), ())}

    def digests(*articles):
        site = dataclasses.replace(site_of(*articles), pages=[listing])
        return page_digests(site, {}, record_digests(articles, NOW), related, {}, {})

    before = digests(one, two, three)
    after = digests(one, dataclasses.replace(two, title="Two, renamed"), three)
    # Its page, the article that shows it as related, the listing that shows its card; not the third article.
    assert {src for src in before if before[src] != after[src]} == {two.src_path, one.src_path, "tags/x/index.md"}
    assert digests(one, dataclasses.replace(two, readtime=2), three) != before  # the reading time is on the card


def test_a_scheduled_article_changes_its_cards_when_its_date_passes() -> None:
    soon = article("soon", 20)
    assert record_digests([soon], soon.date - dt.timedelta(days=1)) != record_digests([soon], soon.date)


def test_record_digests_kept_between_builds_are_reused_only_for_the_same_record(monkeypatch) -> None:
    one, two, soon = article("one", 1), article("two", 2), article("soon", 20)
    known: dict = {}
    before = soon.date - dt.timedelta(days=1)  # soon is still scheduled
    fresh = record_digests([one, two, soon], before)
    assert record_digests([one, two, soon], before, known) == fresh and set(known) == set(fresh)
    renamed = dataclasses.replace(two, title="Two, renamed")
    digested: list[str] = []
    real = preview_module.digest
    monkeypatch.setattr(preview_module, "digest", lambda ns, parts: digested.append(parts[0][1]) or real(ns, parts))
    after = record_digests([one, renamed, soon], soon.date, known)
    assert digested == [repr(renamed), repr(soon)]  # only the changed record and the one whose status changed
    assert after == record_digests([one, renamed, soon], soon.date)  # the same digests a build without them makes
    assert set(known) == {one.src_path, two.src_path, soon.src_path}
    record_digests([one], soon.date, known)
    assert set(known) == {one.src_path}  # an article gone is dropped


def test_unchanged_files_are_not_checked_again(tmp_path, monkeypatch) -> None:
    memo = ArticleMemo("code-1")
    text = b"---\ntitle: One\ndescription: d\ndate: 2025-11-01\nauthors: [jt-mercer]\ncategories: [Courts]\n---\nBody [x](b.md).\n"

    def load(raw: bytes, rules=RULES) -> Site:
        return load_site([RawFile("vera2/posts/2025/one.md", raw)], RawFile("authors.yml", AUTHORS), rules, Options(NOW), memo=memo)

    first = load(text).catalog.articles[0]
    assert load(text).catalog.articles[0] is first
    assert load(text).bodies["vera2/posts/2025/one.md"] == "Body [x](b.md).\n"
    edited = load(text.replace(b"Body", b"New body"))
    assert edited.catalog.articles[0] is not first and edited.bodies["vera2/posts/2025/one.md"] == "New body [x](b.md).\n"
    assert load(text.replace(b"title: One", b"title: Two")).catalog.articles[0].title == "Two"
    assert load(text).catalog.articles[0] is not first  # replaced, not a history of versions
    # The rules are part of the result: a file added elsewhere (here: the link target) checks everything again.
    site = load(text, dataclasses.replace(RULES, known_files=RULES.known_files | {"vera2/posts/2025/b.md"}))
    assert site.errors == [] and site.catalog.articles[0] is not first
    assert [e.field for e in load(text).errors] == ["link"]  # and back, the broken link is reported again

    memo.save(Store(tmp_path))  # the next build, in a new process, reads what this one checked
    with monkeypatch.context() as patch:
        patch.setattr(memos, "check_files", lambda files, rules: pytest.fail("checked again") if files else [])
        memo = ArticleMemo.load(Store(tmp_path), "code-1")
        assert load(text).catalog.articles[0] == first
    calls = []
    with monkeypatch.context() as patch:
        patch.setattr(memos, "check_files", lambda files, rules: calls.extend(files) or [check_article_file(f, p, rules) for f, p in files])
        memo = ArticleMemo.load(Store(tmp_path), "code-2")  # other code: nothing is trusted
        assert load(text).catalog.articles[0] == first and len(calls) == 1


def test_related_lists_are_reused_while_their_inputs_hold_and_show_the_new_records(tmp_path, monkeypatch) -> None:
    one, two = article("one", 1, tags=("x", "y")), article("two", 2, tags=("x", "y"))
    limits = {"limit": 4, "other_limit": 3, "threshold": 0.1, "version": "code-1", "store": Store(tmp_path)}
    first = RelatedMemo().related(build_catalog([one, two]), **limits)
    assert first == related_articles(build_catalog([one, two]), limit=4, other_limit=3, threshold=0.1)

    def computed(*args, **kwargs):
        raise AssertionError("computed again")

    with monkeypatch.context() as patch:
        patch.setattr(memos, "related_articles", computed)
        faster = dataclasses.replace(two, readtime=9)  # not an input of related articles: a new process reads the file
        assert RelatedMemo().related(build_catalog([one, faster]), **limits)[one.src_path].same == (faster,)
    retagged = dataclasses.replace(two, tags=("z",))
    assert RelatedMemo().related(build_catalog([one, retagged]), **limits) == related_articles(
        build_catalog([one, retagged]), limit=4, other_limit=3, threshold=0.1)
    with monkeypatch.context() as patch:
        patch.setattr(memos, "related_articles", computed)
        with pytest.raises(AssertionError, match="computed again"):  # new code: its lists are not trusted
            RelatedMemo().related(build_catalog([one, retagged]), **limits | {"version": "code-2"})
