"""Share links and fediverse handles: exact URLs (percent-encoding golden), hostile titles inert."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from press.core.content.model import Author, Link
from press.core.features.share import check_share_page, fediverse_creators, fediverse_handle, share_links

URL = "https://northriver.example/vera2/2025/11/cable/"


def test_share_urls_golden() -> None:
    links = share_links("U.S. cable: “Lobby” Europe & Łódź 50% off?", URL)
    assert [(link.network, link.label, link.description, link.url) for link in links] == [
        ("mastodon", "Mastodon", "Share on Mastodon",
         "https://s2f.kytta.dev/?text=U.S.%20cable%3A%20%E2%80%9CLobby%E2%80%9D%20Europe%20%26%20%C5%81%C3%B3d%C5%BA%2050%25%20off%3F"
         "%20https%3A%2F%2Fnorthriver.example%2Fvera2%2F2025%2F11%2Fcable%2F"),
        ("bluesky", "Bluesky", "Share on Bluesky",
         "https://bsky.app/intent/compose?text=U.S.%20cable%3A%20%E2%80%9CLobby%E2%80%9D%20Europe%20%26%20%C5%81%C3%B3d%C5%BA%2050%25%20off%3F"
         "%20https%3A%2F%2Fnorthriver.example%2Fvera2%2F2025%2F11%2Fcable%2F"),
        ("linkedin", "LinkedIn", "Share on LinkedIn",
         "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fnorthriver.example%2Fvera2%2F2025%2F11%2Fcable%2F"),
        ("email", "Email", "Share by email",
         "mailto:?subject=U.S.%20cable%3A%20%E2%80%9CLobby%E2%80%9D%20Europe%20%26%20%C5%81%C3%B3d%C5%BA%2050%25%20off%3F"
         "&body=https%3A%2F%2Fnorthriver.example%2Fvera2%2F2025%2F11%2Fcable%2F"),
    ]


HOSTILE = ['"><script>alert(1)</script>', "javascript:alert(1)", "a&b=c#frag 'q' <x> %41 \n\t"]


@pytest.mark.parametrize("title", HOSTILE)
def test_a_hostile_title_stays_inside_its_query_value(title: str) -> None:
    for link in share_links(title, URL):
        assert link.url.startswith(("https://s2f.kytta.dev/?", "https://bsky.app/", "https://www.linkedin.com/", "mailto:?"))
        assert not any(ch in link.url for ch in "\"'<> \n\t#")
        query = parse_qs(urlsplit(link.url).query, keep_blank_values=True)
        # the title decodes back whole, in the one field it was put in: it neither adds nor ends a parameter
        assert set(query) <= {"text", "url", "subject", "body"} and all(len(v) == 1 for v in query.values())
        if "text" in query:
            assert query["text"] == [f"{title} {URL}"]
        if "subject" in query:
            assert query["subject"] == [title]


def test_a_configured_share_page_keeps_its_own_query() -> None:
    assert share_links("T", URL, "https://mastodon.social/share")[0].url.startswith("https://mastodon.social/share?text=T%20https")
    assert share_links("T", URL, "https://share.example/?lang=en")[0].url.startswith("https://share.example/?lang=en&text=T%20")


@pytest.mark.parametrize("url", ["vera2/2025/11/cable/", "javascript:alert(1)//x", "ftp://x.example/a", "https:///nohost"])
def test_no_links_without_an_absolute_web_address(url: str) -> None:
    assert share_links("T", url) == ()


@pytest.mark.parametrize("url, problem", [
    ("https://s2f.kytta.dev/", False), ("https://mastodon.social/share", False),
    ("http://s2f.kytta.dev/", True), ("javascript:alert(1)", True), ("https://x.example/\"onclick", True),
    ("https://x.example/#frag", True), ("s2f.kytta.dev", True),
])
def test_the_share_page_must_be_https(url: str, problem: bool) -> None:
    assert (check_share_page(url) is not None) == problem


@pytest.mark.parametrize("url, handle", [
    ("https://mastodon.social/@jtmercer", "@jtmercer@mastodon.social"),
    ("https://hachyderm.io/@dana_o/", "@dana_o@hachyderm.io"),
    ("https://Mastodon.Social/@x.y", "@x.y@mastodon.social"),
    ("https://mastodon.social/users/jtmercer", None),  # not the profile's shape: skipped, no error
    ("https://mastodon.social/@jtmercer/1234", None),
    ("http://mastodon.social/@jtmercer", None),
    ("https://mastodon.social/@\"><x", None),
    ("https://mastodon.social:8443/@jt", None),
    ("https://bsky.app/profile/danaokafor.bsky.social", None),
])
def test_fediverse_handle(url: str, handle: str | None) -> None:
    assert fediverse_handle(url) == handle


def test_fediverse_creators_in_byline_order_from_mastodon_links_only() -> None:
    authors = (
        Author("b", "B", links=(Link("website", "https://b.example/@not"), Link("Mastodon", "https://mstdn.example/@bee"))),
        Author("a", "A", links=(Link("mastodon", "https://mastodon.social/users/a"),)),  # wrong shape: skipped
        Author("c", "C", links=(Link("mastodon", "https://mastodon.social/@cee"),)),
    )
    assert fediverse_creators(authors) == ("@bee@mstdn.example", "@cee@mastodon.social")
