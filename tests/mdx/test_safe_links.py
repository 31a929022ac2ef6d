"""press.mdx.safe_links: links and images with a scheme we do not publish lose their URL, keep their text."""

from __future__ import annotations

import markdown
import pytest

from press.mdx.safe_links import SafeLinksExtension


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[SafeLinksExtension()])


@pytest.mark.parametrize("source, html", [
    ("[js](javascript:alert(1))", "<p><a>js</a></p>"),
    ("[js](JavaScript:alert(1))", "<p><a>js</a></p>"),
    ("[js](&#106;avascript:alert(1))", "<p><a>js</a></p>"),
    ("[js]( java\tscript:alert(1))", "<p><a>js</a></p>"),
    ("[d](data:text/html;base64,PHNjcmlwdD4=)", "<p><a>d</a></p>"),
    ("![x](javascript:alert(1))", '<p><img alt="x" /></p>'),
    ("[ref][r]\n\n[r]: vbscript:msgbox", "<p><a>ref</a></p>"),
])
def test_unsafe_schemes_are_dropped(source: str, html: str) -> None:
    assert render(source) == html


@pytest.mark.parametrize("source", [
    "[web](https://example.com/a?b=1)", "[plain](http://example.com/)", "[mail](mailto:desk@example.com)",
    "[rel](../other/story.md)", "[anchor](#further-reading)", "![img](images/a.png)", "[proto](//cdn.example.com/x)",
])
def test_safe_links_are_kept(source: str) -> None:
    assert render(source) == markdown.markdown(source)


@pytest.mark.parametrize("source, html", [
    ("<script>alert(1)</script>\n\nText.", "<p>Text.</p>"),
    ("<img src=x onerror=alert(1)>", '<p><img src="x"></p>'),
    ('Text <a href="javascript:alert(1)">x</a>.', "<p>Text <a>x</a>.</p>"),
    ('<div style="position:fixed">x</div>', "<div>x</div>"),
    ("Para\n{: onclick=\"alert(1)\" }", "<p>Para</p>"),
])
def test_active_raw_html_is_dropped(source: str, html: str) -> None:
    assert markdown.markdown(source, extensions=[SafeLinksExtension(), "attr_list"]) == html


@pytest.mark.parametrize("source", [
    "<figure>\n<img src=\"a.png\" alt=\"A\">\n<figcaption>Cap</figcaption>\n</figure>",
    "H<sub>2</sub>O, x<sup>2</sup>, <abbr title=\"World Health Organization\">WHO</abbr>, <mark>m</mark>, <kbd>K</kbd>",
    "<details>\n<summary>More</summary>\nHidden\n</details>", "<table><tr><td colspan=\"2\">x</td></tr></table>",
    "Line<br>break",
])
def test_prose_markup_is_kept(source: str) -> None:
    assert render(source) == markdown.markdown(source)


@pytest.mark.parametrize("source", ["<b>bold</b> text", "<!-- note -->", '<details markdown="1" ontoggle="alert(1)">\nhi\n</details>',
                                    '<div markdown="1">\n<script>alert(1)</script>\n</div>'])
def test_raw_html_of_every_kind_is_cleaned_and_plain_markdown_is_not_parsed_again(
        source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cleaned: list[str] = []
    monkeypatch.setattr("press.mdx.safe_links.clean_html", lambda html: cleaned.append(html) or html)
    md = markdown.Markdown(extensions=["md_in_html", SafeLinksExtension()])
    md.convert("# Title\n\nPlain *Markdown* with a [link](https://example.com/).")
    assert cleaned == []
    md.reset()
    md.convert(source)
    assert len(cleaned) == 1
