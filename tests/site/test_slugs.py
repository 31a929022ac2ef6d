"""Transliterated slugs on a built site: readable URLs for non-ASCII names, the old URL kept only where the article asks."""

from __future__ import annotations

from .builder import article, make_fixture


def test_non_ascii_names_get_readable_pages_and_an_article_keeps_its_old_url_by_redirect_from(tmp_path) -> None:
    fixture = make_fixture(tmp_path, {
        # Before transliteration this file's URL ended /odz/ and the tag page was /tags/odz/.
        "vera2/posts/2025/łódź.md": article("Łódź votes", extra="tags: [Łódź, Москва]\nredirect_from: [vera2/2025/11/odz/]"),
        "vera2/posts/2025/ørsted.md": article("Ørsted"),
    })
    fixture.build()
    assert "Łódź votes" in fixture.page("vera2/2025/11/lodz")
    assert (fixture.site / "tags" / "lodz" / "index.html").is_file() and (fixture.site / "tags" / "moskva" / "index.html").is_file()
    assert "vera2/2025/11/lodz/" in fixture.page("vera2/2025/11/odz")  # the redirect the article asked for
    assert (fixture.site / "vera2" / "2025" / "11" / "orsted" / "index.html").is_file()
    assert not (fixture.site / "vera2" / "2025" / "11" / "rsted").exists()  # no redirect it did not ask for
