"""The publication layer of a fixture site: listings, pagination, article pages, drafts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .builder import article, base_config, make_fixture

FILES = {
    "vera2/posts/2025/court-one.md": article("Court one", date="2025-11-01", extra="tags: [courts, europe]"),
    "vera2/posts/2025/court-two.md": article("Court two", date="2025-11-02", extra="tags: [courts]"),
    "vera2/posts/2025/court-three.md": article("Court three", date="2025-11-03", authors="[jt-mercer, dana-okafor]"),
    "vera2/posts/2025/politics-one.md": article("Politics one", date="2025-10-15", section="Politics", extra="tags: [europe]"),
    "vera2/posts/2024/old-story.md": article("Old story", date="2024-05-01", section="Politics"),
    "dispatch/posts/2025/a-note.md": article("A note", date="2025-11-10", section=None, extra="pin: true\ntags: [europe]"),
    "dispatch/posts/2025/unfinished.md": article("Unfinished", date="2025-11-11", section=None, extra="draft: true"),
    "vera2/posts/2027/tomorrow.md": article("Tomorrow", date="2027-03-01"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    fixture = make_fixture(tmp_path_factory.mktemp("layer"), FILES)
    fixture.build()
    return fixture


def cards(html: str) -> list[str]:
    """Titles of the cards on a listing page, in order."""
    return re.findall(r'<h2 class="press-card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_articles_live_at_dated_urls(built) -> None:
    assert (built.site / "vera2/2025/11/court-one/index.html").exists()
    assert (built.site / "dispatch/2025/11/a-note/index.html").exists()
    # The source tree is not published as such.
    assert not (built.site / "vera2/posts").exists()
    assert not (built.site / "authors.yml").exists()


def test_drafts_and_future_articles_are_not_built_or_listed(built) -> None:
    assert not (built.site / "dispatch/2025/11/unfinished").exists()
    assert not (built.site / "vera2/2027").exists()
    assert "Unfinished" not in built.page("dispatch") and "Tomorrow" not in built.page("")


def test_home_lists_both_publications_newest_first_pinned_first(built) -> None:
    assert cards(built.page("")) == ["A note", "Court three", "Court two", "Court one", "Politics one", "Old story"]


def test_publication_and_section_pages_paginate(built) -> None:
    assert cards(built.page("vera2")) == ["Court three", "Court two"]
    assert cards(built.page("vera2/page/2")) == ["Court one", "Politics one"]
    assert cards(built.page("vera2/page/3")) == ["Old story"]
    assert cards(built.page("vera2/courts")) == ["Court three", "Court two"]
    assert cards(built.page("vera2/courts/page/2")) == ["Court one"]
    page2 = built.page("vera2/page/2")
    assert '<a href="../../" rel="prev">Newer</a>' in page2
    assert '<a href="../3/" rel="next">Older</a>' in page2
    assert '<span aria-current="page">2</span>' in page2


def test_a_long_listing_links_to_the_first_the_last_and_the_pages_near(tmp_path: Path) -> None:
    config = base_config()
    config["plugins"][0]["press/articles"]["per_page"] = 1
    many = {f"vera2/posts/2025/story-{n:02d}.md": article(f"Story {n:02d}", date=f"2025-10-{n:02d}") for n in range(1, 13)}
    fixture = make_fixture(tmp_path, many, config)
    fixture.build()
    page = fixture.page("vera2/page/6")
    pager = page[page.index('<nav class="press-pagination"'):]
    pager = pager[:pager.index("</nav>")]
    assert re.findall(r"<li[^>]*>(?:<a [^>]*>|<span [^>]*>)?([^<]*)", pager) == \
        ["1", "&hellip;", "4", "5", "6", "7", "8", "&hellip;", "12"]
    assert '<li class="press-pagination__gap" aria-hidden="true">&hellip;</li>' in pager
    assert '<a href="../../">1</a>' in pager and '<a href="../12/">12</a>' in pager
    assert '<a href="../5/" rel="prev">Newer</a>' in pager and '<a href="../7/" rel="next">Older</a>' in pager


def test_tag_author_and_archive_pages(built) -> None:
    assert cards(built.page("tags/europe")) == ["A note", "Court one"]
    assert cards(built.page("tags/europe/page/2")) == ["Politics one"]
    assert cards(built.page("authors/dana-okafor")) == ["Court three"]
    author = built.page("authors/jt-mercer")
    assert "<em>novels</em>" in author  # the Markdown bio is rendered
    assert 'href="https://northriver.example/"' in author
    assert cards(built.page("archive/2024")) == ["Old story"]
    archive = built.page("archive")
    assert '<a href="2025/">2025</a>' in archive and "5 articles" in archive
    tags = built.page("tags")
    assert '<a href="courts/">courts</a>' in tags


def test_article_page_header(built) -> None:
    html = built.page("vera2/2025/11/court-three")
    assert "<h1 data-pagefind-meta=\"title\">Court three</h1>" in html
    assert '<p class="press-dek" data-pagefind-meta="description">A short dek.</p>' in html
    assert '<a href="../../../../authors/jt-mercer/" rel="author" data-pagefind-filter="author">J.T. Mercer</a> and' in html
    assert '<time datetime="2025-11-03T00:00:00-05:00" data-pagefind-meta="date">November 3, 2025</time>' in html
    assert '<a href="../../../courts/" data-pagefind-filter="section">Courts</a>' in html
    assert "<title>Court three | Vera2</title>" in html


def test_nav_lists_publications_and_sections_never_articles(built) -> None:
    html = built.page("")
    nav = html[html.index('md-sidebar--primary'):html.index('md-content')]
    assert "Court one" not in nav
    for label in ("NRP Dispatch", "Vera2", "Courts", "Authors", "Tags", "Archive"):
        assert label in nav


def test_preview_shows_drafts_and_scheduled_articles_marked(tmp_path: Path) -> None:
    config = base_config()
    config["plugins"][0]["press/articles"]["show_unpublished"] = True
    fixture = make_fixture(tmp_path, FILES, config)
    fixture.build()
    assert "Draft: not published" in fixture.page("dispatch/2025/11/unfinished")
    assert "Scheduled for March 1, 2027" in fixture.page("vera2/2027/03/tomorrow")
    assert "Draft: not published" in fixture.page("dispatch")


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    hostile = "Q&A: <script>alert(1)</script> \\\"quoted\\\" it's"
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/hostile.md": article(
        "x", extra='tags: ["<b>tag</b>"]').replace("title: 'x'", f'title: "{hostile}"').replace(
        "description: A short dek.", 'description: "</title><script>x</script> & \\"q\\""')})
    fixture.build()
    for html in (fixture.page("vera2/2025/11/hostile"), fixture.page(""), fixture.page("tags/b-tag-b")):
        assert "<script>alert(1)</script>" not in html and "<script>x</script>" not in html and "<b>tag</b>" not in html
    html = fixture.page("vera2/2025/11/hostile")
    assert "<h1 data-pagefind-meta=\"title\">Q&amp;A: &lt;script&gt;alert(1)&lt;/script&gt; &#34;quoted&#34; it&#39;s</h1>" in html
    assert '<meta name="description" content="&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; &#34;q&#34;">' in html
    assert "<title>Q&amp;A: &lt;script&gt;" in html


def test_a_blog_author_must_be_a_known_author(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import Abort, PluginError

    config = base_config()
    config["plugins"][0]["press/articles"]["publications"]["dispatch"]["author"] = "jt-mercr"
    fixture = make_fixture(tmp_path, {"dispatch/posts/2025/a.md": article("A", section=None)}, config)
    with pytest.raises((Abort, PluginError)):
        fixture.build()
    assert ("press/articles: publications.dispatch.author: unknown author 'jt-mercr' (known: dana-okafor, jt-mercer; "
            "authors are defined in authors.yml)") in caplog.text
