"""What a reader gets on an article page: sources, chips, author box, CTA, corrections, promos."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from mkdocs.exceptions import Abort, PluginError

from .builder import article, base_config, make_fixture, press_errors

HOSTILE = "<script>alert(1)</script> & \\\"q\\\" 'a' </a>"

SOURCES = """\
further_reading:
  - publisher: Reuters
    title: "Diplomats told to lobby on migration"
    url: https://www.reuters.com/world/cable
    date: 2025-11-27
  - publisher: AP News
    title: "Allies react"
    url: https://apnews.com/article/allies
  - id: odd
    publisher: "{hostile}"
    title: "{hostile}"
    url: https://odd.example/x?a=1&b=2
""".format(hostile=HOSTILE)


def furniture_config() -> dict:
    config = base_config()
    press = config["plugins"][0]["press/articles"]
    press["publications"]["vera2"]["cta"] = "briefing"
    press["publications"]["vera2"]["connect_off"] = ["vera2"]
    press["publications"]["dispatch"]["cta"] = "chapter"
    press["ctas"] = {
        "briefing": {"heading": "The Briefing", "text": "Weekly.", "action": "https://lists.example.com/briefing",
                     "hidden": {"list": "briefing-1"}, "consent": "Unsubscribe any time."},
        "chapter": {"heading": f"Free chapter {HOSTILE}", "action": "https://lists.example.com/chapter", "button": "Send it"},
    }
    press["connect"] = {
        "author": {"heading": "About the Author", "text": "Who writes.", "url": "authors/jt-mercer/", "label": "Learn more"},
        "vera2": {"heading": "Vera2", "text": "News.", "url": "vera2/", "label": "Explore Vera2"},
    }
    return config


FILES = {
    "vera2/posts/2025/cable.md": article("The cable", authors="[jt-mercer, dana-okafor]", extra=SOURCES + """\
corrections:
  - date: 2025-11-22
    text: "An earlier version misnamed the agency."
""", body="The cable says so. [@reuters; @ap-news]\n\nOdd source. [@odd]\n\nAgain [@reuters].\n\n`[@reuters]` in code.\n"),
    "vera2/posts/2025/no-cta.md": article("No CTA", extra="cta: false"),
    "vera2/posts/2025/other-cta.md": article("Other CTA", extra="cta: chapter"),
    "dispatch/posts/2025/note.md": article("A note", section=None),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    fixture = make_fixture(tmp_path_factory.mktemp("article"), FILES, furniture_config())
    fixture.build()
    return fixture


def doc(fixture, url: str):
    return lxml_html.fromstring(fixture.page(url))


def test_further_reading_lists_sources_with_stable_anchors(site) -> None:
    page = doc(site, "vera2/2025/11/cable")
    items = page.xpath('//section[@class="press-further-reading"]/ol/li')
    assert [li.get("id") for li in items] == ["source-reuters", "source-ap-news", "source-odd"]
    first = items[0]
    # One link to the source; publisher, site and date as text; the source library as a second, smaller link.
    link = first.xpath(".//a[@class='press-external']")[0]
    # Opened in the same tab (no target), so rel="noopener" would change nothing.
    assert (link.get("href"), link.get("target"), link.get("rel")) == ("https://www.reuters.com/world/cable", None, None)
    assert link.text_content() == "Diplomats told to lobby on migration (external site)"
    assert first.xpath("string(.//span[@class='press-source__publisher'])") == "Reuters"
    assert first.xpath("string(.//span[@class='press-source__domain'])") == "reuters.com"
    assert first.xpath(".//time/@datetime") == ["2025-11-27"] and "November 27, 2025" in first.text_content()
    assert first.xpath(".//a[@class='press-source__library']/@href") == ["../../../../sources/reuters/"]
    assert items[2].xpath(".//a[@class='press-external']/@href") == ["https://odd.example/x?a=1&b=2"]


def test_chips_link_to_sources_and_name_them(site) -> None:
    chips = doc(site, "vera2/2025/11/cable").xpath('//a[@class="press-cite"]')
    assert [c.get("href") for c in chips] == ["#source-reuters", "#source-odd", "#source-reuters"]
    assert chips[0].text_content() == "Sources: Reuters +1, AP News"
    assert chips[0].get("title") == "Reuters, AP News"
    assert chips[1].get("title") == HOSTILE.replace("\\", "")


def test_hostile_text_renders_as_text(site) -> None:
    raw = site.page("vera2/2025/11/cable")
    assert "<script>alert(1)</script>" not in raw
    assert raw.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3  # the chip, its title and the source entry
    assert "<script>alert(1)</script>" not in site.page("dispatch/2025/11/note")  # CTA heading


def test_author_box_for_every_author(site) -> None:
    boxes = doc(site, "vera2/2025/11/cable").xpath('//section[@class="press-author-box"]')
    assert [b.get("aria-label") for b in boxes] == ["About J.T. Mercer", "About Dana Okafor"]
    mercer = boxes[0]
    assert mercer.xpath(".//h2/a/@href") == ["../../../../authors/jt-mercer/"]
    assert mercer.xpath(".//em/text()") == ["novels"]  # the bio's Markdown is rendered
    assert mercer.xpath(".//ul[contains(@class, 'press-links')]//a/@href") == ["https://northriver.example/"]


def test_cta_form_posts_to_the_provider_without_script(site) -> None:
    page = doc(site, "vera2/2025/11/cable")
    [form] = page.xpath('//section[@class="press-cta"]//form')
    assert (form.get("action"), form.get("method")) == ("https://lists.example.com/briefing", "post")
    email = form.xpath(".//input[@type='email']")[0]
    assert (email.get("name"), email.get("autocomplete"), email.get("required")) == ("email", "email", "")
    assert form.xpath(f".//label[@for='{email.get('id')}']/text()") == ["Email address"]
    hidden = {i.get("name"): i.get("value") for i in form.xpath(".//input[@type='hidden']")}
    assert hidden == {"list": "briefing-1", "source": "https://fixture.example/vera2/2025/11/cable/"}
    trap = form.xpath(".//div[@class='press-cta__trap']//input")[0]
    assert (trap.get("name"), trap.get("tabindex")) == ("website", "-1")
    assert page.xpath('//section[@class="press-cta"]//p[@class="press-cta__consent"]/text()') == ["Unsubscribe any time."]
    assert not page.xpath("//script[contains(@src, 'lists.example.com')]")


def test_cta_defaults_per_publication_and_per_article_choice(site) -> None:
    headings = lambda url: doc(site, url).xpath('//section[@class="press-cta"]/h2/text()')  # noqa: E731
    assert headings("vera2/2025/11/cable") == ["The Briefing"]
    assert headings("vera2/2025/11/no-cta") == []
    assert headings("vera2/2025/11/other-cta") == [f"Free chapter {HOSTILE}"]
    assert headings("dispatch/2025/11/note") == headings("vera2/2025/11/other-cta")


def test_corrections_are_dated_at_the_top_and_update_the_article(site) -> None:
    page = doc(site, "vera2/2025/11/cable")
    [notice] = page.xpath('//aside[@class="press-corrections"]')
    assert re.sub(r"\s+", " ", notice.text_content()).strip() == "Correction November 22, 2025: An earlier version misnamed the agency."
    assert page.xpath('//span[@class="press-byline__updated"]/time/@datetime') == ["2025-11-22T00:00:00-05:00"]


def test_connect_blocks_follow_the_publication_settings(site) -> None:
    blocks = lambda url: doc(site, url).xpath('//div[@class="press-connect__block"]/h3/text()')  # noqa: E731
    assert blocks("vera2/2025/11/cable") == ["About the Author"]
    assert blocks("dispatch/2025/11/note") == ["About the Author", "Vera2"]
    assert blocks("authors/jt-mercer") == ["Vera2"]  # not a promo of the page the reader is on
    # The heading names the site (mkdocs.yml `connect_heading` says otherwise), never a name written in a template.
    assert doc(site, "vera2/2025/11/cable").xpath('//section[@class="press-connect"]/h2/text()') == ["Connect with Fixture"]
    assert doc(site, "dispatch/2025/11/note").xpath('//div[@class="press-connect__block"]/a/@href') == [
        "../../../../authors/jt-mercer/", "../../../../vera2/"]


def test_unknown_citation_keys_and_ctas_are_reported_with_other_problems(tmp_path: Path, caplog) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/a.md": article("A", extra=SOURCES, body="Text.\n\nA claim [@reuter; @ap-news]."),
        "vera2/posts/2025/b.md": article("B", extra="cta: chaptr"),
        "vera2/posts/2025/c.md": article("C", authors="[nobody]"),
    }, furniture_config())
    with pytest.raises((Abort, PluginError)):
        fixture.build()
    assert [m.splitlines()[0] for m in press_errors(caplog)] == [
        "press: content/vera2/posts/2025/a.md:23: citation: unknown source key '@reuter'",
        "press: content/vera2/posts/2025/b.md:7: cta: unknown call to action 'chaptr'",
        "press: content/vera2/posts/2025/c.md:5: authors[0]: unknown author 'nobody'",
    ]
    assert "did you mean 'reuters'? known keys in this article's further_reading: ap-news, odd, reuters" in press_errors(caplog)[0]


def test_a_hostile_bio_renders_as_text(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/a.md": article("A")}, furniture_config())
    fixture.write("authors.yml", "authors:\n  jt-mercer:\n    name: J.T.\n    bio: |\n"
                                 "      Writes *novels* & <script>alert(1)</script> <a href=x>links</a>.\n")
    fixture.build()
    for url in ("vera2/2025/11/a", "authors/jt-mercer"):
        html = fixture.page(url)
        assert "<script>alert(1)</script>" not in html and '<a href=x>' not in html
        assert "<em>novels</em> &amp; &lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=x&gt;links&lt;/a&gt;." in html


def test_a_body_right_after_the_front_matter_is_all_prose(tmp_path: Path) -> None:
    """MkDocs reads metadata from the top of a page: none of the body may be taken for it."""
    head = "---\ntitle: Close\ndescription: A dek.\ndate: 2025-11-20\nauthors: [jt-mercer]\ncategories: [Courts]\n---\n"
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/label.md": head + "Note: the ruling came late.\n\nSecond paragraph.\n",  # MultiMarkdown's "key: value"
        "vera2/posts/2025/rule.md": head + "---\nfirst: part\n---\n\nAfter the rules.\n",  # a YAML block's shape
    })
    fixture.build()
    assert "<p>Note: the ruling came late.</p>" in fixture.page("vera2/2025/11/label")
    assert "first: part" in fixture.page("vera2/2025/11/rule")


def test_only_a_long_read_with_several_sections_gets_a_table_of_contents(tmp_path: Path) -> None:
    body = "\n\n".join(f"## Part {n} & more\n\nText of part {n}." for n in range(1, 5))
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/long.md": article("Long", extra="readtime: 8", body=body),
        "vera2/posts/2025/short.md": article("Short", body=body),
        "vera2/posts/2025/few.md": article("Few", extra="readtime: 8", body="## One\n\nText.\n\n## Two\n\nText."),
    })
    fixture.build()
    [toc] = doc(fixture, "vera2/2025/11/long").xpath("//nav[@class='press-toc']")
    assert toc.xpath(".//a/@href") == ["#part-1-more", "#part-2-more", "#part-3-more", "#part-4-more"]
    assert toc.xpath(".//a/text()")[0] == "Part 1 & more"
    assert doc(fixture, "vera2/2025/11/short").xpath("//nav[@class='press-toc']") == []
    assert doc(fixture, "vera2/2025/11/few").xpath("//nav[@class='press-toc']") == []
