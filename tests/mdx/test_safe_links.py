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
