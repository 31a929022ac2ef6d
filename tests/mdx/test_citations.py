"""Citation chips: the Markdown extension's spec, case by case, and the core scanner's lines."""

from __future__ import annotations

import markdown
import pytest

from press.core.content.citations import check_citations, find_citations
from press.core.content.model import Source
from press.mdx.citations import CitationsExtension

from ..unit.test_catalog_and_listings import article

SOURCES = {
    "reuters": Source("reuters", "Reuters", "A headline", "https://www.reuters.com/a"),
    "ap-news": Source("ap-news", "AP News", "Another", "https://apnews.com/b"),
    "hostile": Source("hostile", 'Q&A <script>"x"</script>', "T", "https://h.example/c"),
}


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[CitationsExtension(lambda: SOURCES)])


def test_one_source() -> None:
    assert render("A claim. [@reuters]") == (
        '<p>A claim. <a class="press-cite" data-sources="Reuters" href="#source-reuters" title="Reuters">'
        '<span class="press-visually-hidden">Source: </span>Reuters</a></p>'
    )


def test_several_sources_read_first_plus_count_and_name_all() -> None:
    html = render("A claim. [@reuters; @ap-news]")
    assert html == (
        '<p>A claim. <a class="press-cite" data-sources="Reuters, AP News" href="#source-reuters" title="Reuters, AP News">'
        '<span class="press-visually-hidden">Sources: </span>Reuters<span aria-hidden="true" class="press-cite__more"> +1</span>'
        '<span class="press-visually-hidden">, AP News</span></a></p>'
    )


def test_a_key_repeated_in_one_chip_counts_once() -> None:
    assert "+1" not in render("[@reuters; @reuters]")


def test_code_spans_and_blocks_are_left_alone() -> None:
    assert render("`[@reuters]`") == "<p><code>[@reuters]</code></p>"
    assert render("    [@reuters]") == "<pre><code>[@reuters]\n</code></pre>"


def test_publisher_names_are_escaped() -> None:
    html = render("[@hostile]")
    assert "<script>" not in html
    assert 'Q&amp;A &lt;script&gt;"x"&lt;/script&gt;</a>' in html
    assert 'title="Q&amp;A &lt;script&gt;&quot;x&quot;&lt;/script&gt;"' in html


def test_an_unknown_key_stays_as_written() -> None:
    assert render("[@nope]") == "<p>[@nope]</p>"


def test_a_citation_is_not_a_link_reference() -> None:
    assert render("[@reuters](https://x.example/)").startswith('<p><a class="press-cite"')


@pytest.mark.parametrize("body, expected", [
    ("One [@a].\n\nTwo [@b; @c]", [(("a",), 10), (("b", "c"), 12)]),
    ("```\n[@code]\n```\n[@after]", [(("after",), 13)]),
    ("~~~~\n```\n[@in]\n~~~~\n[@out]", [(("out",), 14)]),
    ("Para\n\n    [@indented]\n\n`[@span]` and [@real]", [(("real",), 14)]),
    ("[ @spaced ; @keys ]", [(("spaced", "keys"), 10)]),
])
def test_the_scanner_finds_citations_outside_code_with_lines(body: str, expected: list) -> None:
    assert [(c.keys, c.line) for c in find_citations(body, first_line=10)] == expected


def test_unknown_keys_are_content_errors_listing_the_known_ones() -> None:
    a = article("x", 1, further_reading=tuple(SOURCES.values()), body_line=8)
    errors = check_citations(a, "Fine [@reuters].\n\nBad [@reuter; @ap-news; @nope].")
    assert [str(e) for e in errors] == [
        "vera2/posts/x.md:10: citation: unknown source key '@reuter'\n"
        "  hint: did you mean 'reuters'? known keys in this article's further_reading: ap-news, hostile, reuters",
        "vera2/posts/x.md:10: citation: unknown source key '@nope'\n"
        "  hint: known keys in this article's further_reading: ap-news, hostile, reuters",
    ]


def test_citations_without_further_reading() -> None:
    [error] = check_citations(article("x", 1), "[@reuters]")
    assert error.hint == "this article has no further_reading: add the source there (publisher, title, url)"
