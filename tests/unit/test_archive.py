"""Reading WordPress and Ghost exports and their mapping file (cases/archive/ holds a small export of each)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from press.core.authoring.archive import plan_archive
from press.core.authoring.archive_map import read_map
from press.core.authoring.archive_read import DRAFT, PUBLISHED, Archive, Entry, Term, read_ghost, read_wxr, wp_paragraphs
from press.core.authoring.scaffold import Refused

from .rules import RULES

ARCHIVES = Path(__file__).parent / "cases" / "archive"
NEW_YORK = RULES.timezone


def test_wxr_entries_keep_what_wordpress_exported() -> None:
    archive = read_wxr((ARCHIVES / "wordpress.xml").read_bytes())
    assert archive.site_url == "https://oldblog.example"
    first = archive.entries[0]
    assert (first.where, first.slug, first.status, first.authors) == ("post_id 101", "ballot-rules-change", PUBLISHED, ("dokafor",))
    assert first.date == dt.datetime(2024, 3, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert first.categories == (Term("Politics", "politics"),)
    assert first.tags == (Term("elections", "elections"), Term("Ballot Access", "ballot-access"))
    assert first.urls == ("https://oldblog.example/2024/03/ballot-rules-change/", "https://oldblog.example/?p=101")
    assert first.image == "https://oldblog.example/wp-content/uploads/2024/03/board-full.jpg"  # the _thumbnail_id attachment
    draft = next(e for e in archive.entries if e.where == "post_id 103")
    assert draft.status == DRAFT and draft.date == dt.datetime(2025, 1, 10, 8, 0) and draft.date.tzinfo is None  # no GMT time yet
    assert [e.where for e in archive.entries] == ["post_id 101", "post_id 102", "post_id 103", "post_id 104", "post_id 106", "post_id 107"]
    assert archive.left_out == ("post_id 105: a page ('About'), not a post: only posts become articles",)


def test_wxr_entities_are_never_expanded_nor_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    wxr = (ARCHIVES / "wordpress.xml").read_text(encoding="utf-8")
    hostile = wxr.replace('<rss version="2.0"', f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY a "aaaaaaaaaa">'
                          '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<rss version="2.0"', 1)
    hostile = hostile.replace("<![CDATA[Ballot rules change before the spring vote]]>", "Ballot &xxe; &b;")
    archive = read_wxr(hostile.encode("utf-8"))
    assert "SECRET" not in archive.entries[0].title and "aaaa" not in archive.entries[0].title


@pytest.mark.parametrize("data, message", [
    (b"<html><body>Hi</body></html>", "not a WordPress export: no <rss><channel> with <wp:wxr_version>"),
    (b"<rss><channel>", "not a WordPress export: "),
])
def test_what_is_not_a_wordpress_export_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(Refused) as refused:
        read_wxr(data)
    assert refused.value.message.startswith(message)


def test_classic_editor_paragraphs_and_captions_become_html() -> None:
    assert wp_paragraphs("One\nline.\n\n<ul><li>x</li></ul>\n\nTwo.") == "<p>One<br>\nline.</p>\n<ul><li>x</li></ul>\n<p>Two.</p>"
    assert wp_paragraphs('[caption id="a" width="300"]<img src="https://i.example/a.jpg" alt="A"> A caption[/caption]') == (
        '<figure><img src="https://i.example/a.jpg" alt="A"><figcaption>A caption</figcaption></figure>')
    assert wp_paragraphs("<p>Block editor.</p>\n\n<p>Kept.</p>") == "<p>Block editor.</p>\n\n<p>Kept.</p>"


def test_ghost_entries_join_their_authors_and_tags_and_resolve_ghost_url() -> None:
    archive = read_ghost((ARCHIVES / "ghost.json").read_text(encoding="utf-8"), "https://ghost.example/", "/{year}/{slug}/", NEW_YORK)
    first = archive.entries[0]
    assert first.authors == ("dana",) and [t.name for t in first.tags] == ["News", "Levees"]  # sort_order; "#newsletter" is internal
    assert first.urls == ("https://ghost.example/2023/levee-tax-vote/",)
    assert "__GHOST_URL__" not in first.html and first.image == "https://ghost.example/content/images/2023/06/levee-hero.jpg"
    assert first.date == dt.datetime(2023, 6, 1, 8, 0, tzinfo=NEW_YORK)
    assert archive.entries[1].status == DRAFT and archive.entries[1].date == dt.datetime(2024, 2, 10, 3, 0, tzinfo=NEW_YORK)
    assert archive.entries[2].excerpt == "Why craft is private work." and archive.entries[2].canonical_url == "https://essays.example/on-craft"


def test_an_old_ghost_export_without_the_db_wrapper() -> None:
    old = {"meta": {"version": "003"}, "data": {"posts": [
        {"id": 5, "title": "T", "slug": "t", "html": "<p>x</p>", "page": 0, "status": "published", "author_id": 1,
         "published_at": 1283780649000}], "users": [{"id": 1, "slug": "jo"}]}}
    entry = read_ghost(json.dumps(old), "https://g.example", "/{slug}/", dt.timezone.utc).entries[0]
    assert (entry.where, entry.authors, entry.urls) == ("post id 5", ("jo",), ("https://g.example/t/",))
    assert entry.date == dt.datetime(2010, 9, 6, 13, 44, 9, tzinfo=dt.timezone.utc)


def test_a_ghost_export_needs_the_old_address() -> None:
    with pytest.raises(Refused) as refused:
        read_ghost((ARCHIVES / "ghost.json").read_text(encoding="utf-8"), "", "/{slug}/", NEW_YORK)
    assert refused.value.hint == "add site_url: https://your-old-site.example to the mapping file"


def test_every_problem_of_a_mapping_file_at_once() -> None:
    text = ("publication: vera3\npublications: {Politics: dispatch, News: vera-2}\nauthors: {jd: jt-mercr}\n"
            "drafts: maybe\npermalink: /{year}/\ncanonical_items: 12\nsection: Courts\n")
    with pytest.raises(Refused) as refused:
        read_map(text, "map.yml", RULES.publications, RULES.authors)
    assert refused.value.message.splitlines() == [
        "map.yml: 7 problem(s):",
        "  section: unknown key; did you mean 'sections'? known keys: authors, canonical, canonical_items, drafts, permalink, "
        "publication, publications, sections, site_url",
        "  publication: unknown publication 'vera3'; did you mean 'vera2'? known publications: dispatch, vera2",
        "  publications.news: unknown publication 'vera-2'; did you mean 'vera2'? known publications: dispatch, vera2",
        "  authors.jd: unknown author 'jt-mercr'; did you mean 'jt-mercer'? known authors: dana-okafor, jt-mercer (defined in content/authors.yml)",
        "  drafts: expected import or skip, got 'maybe'",
        "  canonical_items: expected a list of post ids, such as [12, 40]",
        "  permalink: '/{year}/' has no {slug}: write it as Ghost's routes do, such as /{year}/{slug}/",
    ]


def test_an_older_wxr_version_reads_the_same() -> None:
    wxr = (ARCHIVES / "wordpress.xml").read_text(encoding="utf-8").replace("/export/1.2/", "/export/1.1/")
    assert read_wxr(wxr.encode("utf-8")) == read_wxr((ARCHIVES / "wordpress.xml").read_bytes())


def test_a_hostile_post_stays_text_and_keeps_its_whole_body() -> None:
    entry = Entry(where="post_id 9", title='A </h1><script>alert(1)</script> "title"', slug="../../etc/passwd",
                  html="<p>Before.</p></article></main><p>After [@key] <a href='javascript:x()'>link</a>.</p>", excerpt="",
                  date=dt.datetime(2024, 5, 1, 9, 0, tzinfo=NEW_YORK), updated=None, status=PUBLISHED, authors=("jt-mercer",),
                  categories=(), tags=(Term("x" * 61, "long"),), urls=("https://old.example/../../assets/x/",))
    mapping = read_map("publication: dispatch\n", "map.yml", RULES.publications, RULES.authors)
    plan = plan_archive(Archive("https://old.example", (entry,), ()), mapping, RULES, dt.date(2025, 12, 1))
    assert plan.problems == ("post_id 9 ('A </h1><script>alert(1)</script> \"title\"'): tags[0]: the tag is 61 characters long, "
                             "the limit is 60 (a tag is a word or two, such as: tags: [courts])",)
    clean = plan_archive(Archive("", (dataclasses.replace(entry, tags=()),), ()), mapping, RULES, dt.date(2025, 12, 1))
    (article,) = clean.articles
    assert article.path == "dispatch/posts/2024/etc-passwd.md"
    assert article.text.splitlines()[1] == 'title: "A </h1><script>alert(1)</script> \\"title\\""'
    assert article.text.endswith("\nBefore.\n\nAfter \\[@key\\] link.\n") and "redirect_from" not in article.text
    assert any("assets" in r for r in article.review)


def test_addresses_on_the_old_site_are_made_absolute() -> None:
    entry = Entry(where="post_id 8", title="Links", slug="links", excerpt="", updated=None, status=PUBLISHED, authors=("jt-mercer",),
                  html="<p>See <a href='/2020/01/other/'>the other post</a>.</p><p><img src=\"/wp-content/a.jpg\" alt=\"A\"></p>",
                  date=dt.datetime(2024, 5, 1, 9, 0, tzinfo=NEW_YORK), categories=(), tags=(), urls=())
    mapping = read_map("publication: dispatch\n", "map.yml", RULES.publications, RULES.authors)
    (article,) = plan_archive(Archive("https://old.example/", (entry,), ()), mapping, RULES, dt.date(2025, 12, 1)).articles
    assert article.text.endswith("\nSee [the other post](https://old.example/2020/01/other/).\n\n![A](https://old.example/wp-content/a.jpg)\n")
