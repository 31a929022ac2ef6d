"""Raw HTML in an article body: active content is a content error with its line, and absent from page and feeds;
the markup of prose survives unchanged."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from press.adapters.building import build_atomically
from press.cli import main

from .builder import article, make_fixture

HOSTILE = [  # (body line, expected error message)
    ("<script>alert(1)</script>", "raw <script> element is not allowed in an article"),
    ("<img src=x onerror=alert(1)>", "the event-handler attribute onerror= is not allowed"),
    ('<iframe src="https://evil.example/"></iframe>', "raw <iframe> element is not allowed in an article"),
    ('<a href="javascript:alert(1)">x</a>', "a javascript: URL in href= is not allowed"),
    ("<style>body{display:none}</style>", "raw <style> element is not allowed in an article"),
    ('<form action="https://evil.example/"><input name=p></form>', "raw <form> element is not allowed in an article"),
    ('<object data="x.swf"></object>', "raw <object> element is not allowed in an article"),
    ('<embed src="x.swf">', "raw <embed> element is not allowed in an article"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "raw <meta> element is not allowed in an article"),
    ('<base href="https://evil.example/">', "raw <base> element is not allowed in an article"),
    ("<svg><circle r=1 /></svg>", "raw <svg> element is not allowed in an article"),
    ('<p style="position:fixed">Over</p>', "a style attribute is not allowed"),
    ('<img srcset="a.png 1x, data:image/svg+xml,x 2x">', "a data: URL in srcset= is not allowed"),
]
MARKERS = ("alert(1)", "evil.example", "<style", "<svg", "x.swf", "position:fixed", "data:image/svg")
ALLOWED = (
    "H<sub>2</sub>O and x<sup>2</sup>, <abbr title=\"World Health Organization\">WHO</abbr>, <mark>marked</mark>, "
    "<kbd>Ctrl</kbd>, line<br>break."
)


def hostile_body() -> str:
    return "\n\n".join(line for line, _ in HOSTILE)


def test_active_content_is_an_error_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/x.md": article("X", body=hostile_body())})
    assert main(["check", "-f", str(fixture.root / "mkdocs.yml")]) == 1
    report = capsys.readouterr().out
    first = 9  # the body's first line in article()
    for i, (_, message) in enumerate(HOSTILE):
        assert f"content/vera2/posts/2025/x.md:{first + 2 * i}: body: {message}\n" in report, report
    assert not fixture.site.exists()


def test_nothing_active_reaches_page_or_feeds_when_it_renders(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/x.md": article("X", body=hostile_body())})
    with caplog.at_level(logging.INFO):
        assert not build_atomically(fixture.root / "mkdocs.yml")  # refused ...
    from press.mdx.safe_links import SafeLinksExtension
    import markdown

    html = markdown.markdown(hostile_body(), extensions=[SafeLinksExtension(), "md_in_html", "attr_list"])
    for marker in MARKERS:  # ... and inert where it renders anyway
        assert marker not in html, (marker, html)
    assert "onerror" not in html and "javascript:" not in html and "<iframe" not in html and "<form" not in html


def test_prose_markup_builds_and_survives(tmp_path: Path) -> None:
    body = ALLOWED + "\n\n<figure markdown>\n![A photo](images/a.png)\n<figcaption>A caption</figcaption>\n</figure>\n\n" \
        "<details>\n<summary>More</summary>\nHidden text.\n</details>\n\n<table><tr><td colspan=\"2\">cell</td></tr></table>"
    from tests.unit.test_images import png

    fixture = make_fixture(tmp_path, {"vera2/posts/2025/x.md": article("X", body=body),
                                      "vera2/posts/2025/images/a.png": png(64, 32)})
    fixture.build()
    page = fixture.page("vera2/2025/11/x")
    for piece in ("H<sub>2</sub>O", "x<sup>2</sup>", '<abbr title="World Health Organization">WHO</abbr>',
                  "<mark>marked</mark>", "<kbd>Ctrl</kbd>", "line<br>break", "<figcaption>A caption</figcaption>",
                  "<summary>More</summary>", '<td colspan="2">cell</td>'):
        assert piece in page, piece
    feed = (fixture.site / "feed.xml").read_text()
    assert "WHO" in feed and "figcaption" in feed
