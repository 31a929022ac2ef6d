"""The live preview (mkdocs serve) keeps running when content is broken and shows why on every page."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .builder import article, make_fixture, press_errors


def test_the_preview_lists_content_problems_instead_of_stopping(tmp_path: Path, caplog) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/good.md": article("Good"),
        "vera2/posts/2025/bad.md": article("Bad", authors="[nobody]"),
        "dispatch/posts/2025/draft.md": article("Draft", section=None, extra="draft: true"),
    })
    config = load_config(str(tmp_path / "mkdocs.yml"), strict=False)  # make serve runs with --no-strict
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    [message] = press_errors(caplog)  # still printed in the terminal
    assert message.startswith("press: content/vera2/posts/2025/bad.md:5: authors[0]: unknown author 'nobody'")
    for url in ("vera2/2025/11/good", "", "dispatch/2025/11/draft"):
        banner = lxml_html.fromstring(fixture.page(url)).xpath('//div[@class="press-problems"]')[0]
        assert banner.get("role") == "alert"
        assert banner.xpath(".//strong")[0].text_content().startswith("1 content problem:")
        assert banner.xpath(".//pre/text()") == [message.removeprefix("press: ")]
    assert not (fixture.site / "vera2/2025/11/bad").exists()  # the broken article is left out, the rest is served
    assert "Draft: not published" in fixture.page("dispatch/2025/11/draft")


def test_a_build_without_problems_shows_no_banner(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/good.md": article("Good")})
    fixture.build()
    assert "press-problems" not in fixture.page("vera2/2025/11/good")
