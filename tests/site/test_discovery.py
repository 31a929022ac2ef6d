"""Discovery on a fixture site: related articles (golden), backlinks, reading lists, sources, redirects."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import feedparser
import pytest
from lxml import html as lxml_html
from mkdocs.exceptions import Abort, PluginError

from .builder import article, make_fixture, press_errors, press_messages

GOLDENS = Path(__file__).parent / "goldens"


def sources(*pairs: tuple[str, str]) -> str:
    lines = ["further_reading:"]
    for publisher, url in pairs:
        lines += [f"  - publisher: {publisher}", '    title: "A source"', f"    url: {url}"]
    return "\n".join(lines)


FILES = {
    "vera2/posts/2025/casa.md": article("After CASA", date="2025-07-02", extra="tags: [courts, injunctions]\n" + sources(
        ("Reuters", "https://www.reuters.com/casa"), ("ACLU", "https://www.aclu.org/casa")) + "\nredirect_from: [vera2/2025/06/casa-old/]",
        body="See [the tariff case](tariffs.md). [@reuters]"),
    "vera2/posts/2025/tariffs.md": article("Tariffs in court", date="2025-11-05", extra="tags: [courts, trade]\n" + sources(
        ("reuters", "https://www.reuters.com/casa/"),)),
    "vera2/posts/2025/maps.md": article("The map war", date="2025-08-10", section="Politics", extra="tags: [elections]"),
    "vera2/posts/2025/injunction-law.md": article("Injunctions explained", date="2025-07-10", section="Politics",
                                                  extra="tags: [injunctions]"),
    "dispatch/posts/2025/judges.md": article("Judges in fiction", date="2025-09-01", section=None,
                                             extra="tags: [courts, injunctions]", body="Our [coverage](../../../vera2/posts/2025/casa.md)."),
    "dispatch/posts/2025/draft.md": article("Unpublished", date="2025-09-02", section=None, extra="draft: true"),
    "reading-lists/courts-series.md": '---\ntitle: "Courts <series>"\nordered: true\nitems:\n'
                                      "  - path: vera2/posts/2025/casa.md\n    note: Start here.\n"
                                      "  - vera2/posts/2025/injunction-law.md\n  - vera2/posts/2025/tariffs.md\n---\nIntro.\n",
    "reading-lists/latest-courts.md": "---\ntitle: Latest on the courts\nquery: {tags: [courts], limit: 2}\n---\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    fixture = make_fixture(tmp_path_factory.mktemp("discovery"), FILES)
    fixture.build()
    return fixture


def doc(site, url: str):
    return lxml_html.fromstring(site.page(url))


def related_of(site, url: str) -> dict[str, list[str]]:
    out = {}
    for section in doc(site, url).xpath('//section[@class="press-related"]'):
        out[section.findtext("h2")] = [a.text_content() for a in section.xpath(".//li/a")]
    return out


def test_related_articles_match_the_golden(site, update_goldens: bool) -> None:
    urls = sorted(str(p.parent.relative_to(site.site)) for p in site.site.glob("*/2025/[0-9][0-9]/*/index.html")
                  if "casa-old" not in str(p))
    actual = json.dumps({url: related_of(site, url) for url in urls}, indent=2, sort_keys=True) + "\n"
    golden = GOLDENS / "related.json"
    if update_goldens:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")
    assert related_of(site, "vera2/2025/07/casa")["Related in NRP Dispatch"] == ["Judges in fiction"]


def test_backlinks_name_the_linking_articles(site) -> None:
    assert related_of(site, "vera2/2025/07/casa")["Referenced in"] == ["Judges in fiction"]
    assert related_of(site, "vera2/2025/11/tariffs")["Referenced in"] == ["After CASA"]


def test_a_series_page_and_its_navigation(site) -> None:
    page = doc(site, "reading-lists/courts-series")
    assert page.xpath("//h1/text()") == ["Courts <series>"]
    assert [t.strip() for t in page.xpath('//p[@class="press-part"]/text()')] == ["Part 1 of 3", "Part 2 of 3", "Part 3 of 3"]
    assert page.xpath('//p[@class="press-note"]/text()') == ["Start here."]
    nav = doc(site, "vera2/2025/07/injunction-law").xpath('//nav[@class="press-series"]')[0]
    assert " ".join(nav.text_content().split()) == (
        "Part 2 of 3 in the series Courts <series> Previous: After CASA Next: Tariffs in court")
    assert nav.xpath(".//a[@rel='prev']/@href") == ["../casa/"]
    assert "&lt;series&gt;" in site.page("reading-lists/courts-series")


def test_query_lists_fill_themselves_and_have_feeds(site) -> None:
    cards = doc(site, "reading-lists/latest-courts").xpath('//h2[@class="press-card__title"]/a/text()')
    assert cards == ["Tariffs in court", "Judges in fiction"]
    feed = feedparser.parse((site.site / "reading-lists/latest-courts/feed.xml").read_bytes())
    assert feed.bozo == 0 and [e.title for e in feed.entries] == ["Tariffs in court", "Judges in fiction"]
    index = site.page("reading-lists")
    assert "Courts &lt;series&gt;" in index and "Latest on the courts" in index


def test_the_source_library_groups_publishers_and_is_linked_from_sources(site) -> None:
    index = doc(site, "sources")
    assert [a.text for a in index.xpath('//ul[@class="press-index__list"]/li/a')] == ["ACLU", "Reuters"]
    reuters = doc(site, "sources/reuters")
    [source] = reuters.xpath('//ol[@class="press-library__sources"]/li')
    assert source.xpath(".//p/a/text()") == ["Tariffs in court", "After CASA"]
    casa = doc(site, "vera2/2025/07/casa")
    assert casa.xpath('//a[@class="press-source__library"]/@href') == ["../../../../sources/reuters/", "../../../../sources/aclu/"]


def test_old_paths_redirect_without_script(site) -> None:
    html = (site.site / "vera2/2025/06/casa-old/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../../07/casa/">' in html
    assert '<link rel="canonical" href="https://fixture.example/vera2/2025/07/casa/">' in html


def test_broken_links_redirect_collisions_and_list_mistakes_are_reported_together(tmp_path: Path, caplog) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/a.md": article("A", body="Text.\n\nSee [b](bb.md)."),
        "vera2/posts/2025/b.md": article("B", extra="redirect_from: [vera2/2025/11/a/]"),
        "reading-lists/broken.md": "---\ntitle: Broken\nitems: [vera2/posts/2025/c.md]\n---\n",
    })
    with pytest.raises((Abort, PluginError)):
        fixture.build()
    assert [m.splitlines()[0] for m in press_errors(caplog)] == [
        "press: content/reading-lists/broken.md:3: items[0].path: no article at vera2/posts/2025/c.md",
        "press: content/vera2/posts/2025/a.md:11: link: links to bb.md, but vera2/posts/2025/bb.md does not exist",
        "press: content/vera2/posts/2025/b.md:7: redirect_from: /vera2/2025/11/a/ is already a page (vera2/posts/2025/a.md)",
    ]  # one run: the redirect collision comes with the others, not in a later stage
    assert "did you mean vera2/posts/2025/b.md?" in press_errors(caplog)[0]
    assert "did you mean b.md?" in press_errors(caplog)[1]


def test_a_redirect_onto_a_page_is_an_error(tmp_path: Path, caplog) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/a.md": article("A"),
        "vera2/posts/2025/b.md": article("B", extra="redirect_from: [vera2/2025/11/a/]"),
    })
    with pytest.raises((Abort, PluginError)):
        fixture.build()
    assert press_errors(caplog) == [
        "press: content/vera2/posts/2025/b.md:7: redirect_from: /vera2/2025/11/a/ is already a page (vera2/posts/2025/a.md)\n"
        "  hint: remove it from redirect_from: a redirect must not replace a page"]


def test_a_draft_in_a_list_is_left_out_with_a_warning(tmp_path: Path, caplog) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/a.md": article("A"),
        "vera2/posts/2025/d.md": article("D", extra="draft: true"),
        "reading-lists/l.md": "---\ntitle: L\nitems: [vera2/posts/2025/a.md, vera2/posts/2025/d.md]\n---\n",
    })
    with pytest.raises(Abort):  # strict: the warning fails the build
        fixture.build()
    warnings = press_messages(caplog, logging.WARNING)
    assert warnings == ["press: content/reading-lists/l.md:3: items[1].path: vera2/posts/2025/d.md is a draft: "
                        "left out of the list until it is published"]


def test_a_redirect_page_is_rendered_from_its_template_with_every_value_escaped(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/a.md": article(
        'A "quoted" <b>title</b> & more', extra='redirect_from: ["old/a\\" onload=\\"x/"]')})
    fixture.build()
    [page] = (tmp_path / "site/old").rglob("index.html")
    html = page.read_text(encoding="utf-8")
    assert "<title>Moved: A &#34;quoted&#34; &lt;b&gt;title&lt;/b&gt; &amp; more</title>" in html
    assert '<link rel="canonical" href="https://fixture.example/vera2/2025/11/a/">' in html
    assert "onload=" not in html.replace("onload=&#34;", "") and "<script" not in html
