"""Share links and the fediverse identity of an article's authors: plain URLs, no script, no third-party code.

Every link is an ordinary URL a reader's browser follows on its own: a share page of a
network with the article's title and address in its query, percent-encoded here (``%20``
for a space, as ``mailto:`` requires, and accepted by every share page). Mastodon has no one
home: the link goes to a share page (Share₂Fedi by default, which needs no script either) that
asks for the reader's own instance and hands the post over to it; ``press/articles``' ``share``
setting names another, such as an instance's own ``/share`` page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from ..content.model import Author

DEFAULT_MASTODON_SHARE = "https://s2f.kytta.dev/"  # Share₂Fedi: takes ?text=, works without JavaScript
BLUESKY_COMPOSE = "https://bsky.app/intent/compose"
LINKEDIN_SHARE = "https://www.linkedin.com/sharing/share-offsite/"

# https://instance/@user, the address of a Mastodon profile (a trailing slash allowed).
_PROFILE = re.compile(r"^/@(?P<user>[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*)/?$")


@dataclass(frozen=True)
class ShareLink:
    network: str  # mastodon, bluesky, linkedin, email: the CSS modifier
    label: str  # what the link says
    description: str  # what it does, for screen readers and on hover
    url: str


def share_links(title: str, url: str, mastodon_share: str = DEFAULT_MASTODON_SHARE) -> tuple[ShareLink, ...]:
    """The links that share the article at `url` (absolute http(s)); none for any other address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ()
    # Each piece encoded once: every article of every build makes these links.
    encoded_title, encoded_url = _encode(title), _encode(url)
    text = f"{encoded_title}%20{encoded_url}"
    return (
        ShareLink("mastodon", "Mastodon", "Share on Mastodon", _with_query(mastodon_share, text=text)),
        ShareLink("bluesky", "Bluesky", "Share on Bluesky", _with_query(BLUESKY_COMPOSE, text=text)),
        ShareLink("linkedin", "LinkedIn", "Share on LinkedIn", _with_query(LINKEDIN_SHARE, url=encoded_url)),
        ShareLink("email", "Email", "Share by email", f"mailto:?subject={encoded_title}&body={encoded_url}"),
    )


def check_share_page(url: str) -> str | None:
    """A problem with a configured Mastodon share page, or None: it must be an https address."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or parts.fragment or re.search(r"[\s\"'<>]", url):
        return (f"share.mastodon: expected an https address such as {DEFAULT_MASTODON_SHARE} "
                f"or https://mastodon.social/share, got {url!r}")
    return None


def fediverse_handle(profile_url: str) -> str | None:
    """``https://mastodon.social/@jtmercer`` -> ``@jtmercer@mastodon.social``; None for an address of another shape."""
    parts = urlsplit(profile_url)
    match = _PROFILE.match(parts.path)
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment or parts.port or not match:
        return None
    return f"@{match['user']}@{parts.hostname}"


def fediverse_creators(authors: tuple[Author, ...]) -> tuple[str, ...]:
    """The handle of each author's Mastodon account (a link labelled ``mastodon`` of the profile's shape), in byline order."""
    found = (fediverse_handle(link.url) for author in authors for link in author.links if link.label.lower() == "mastodon")
    return tuple(dict.fromkeys(handle for handle in found if handle))


def _with_query(base: str, **encoded: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in encoded.items())
    return f"{base}{'&' if '?' in base else '?'}{query}"


def _encode(value: str) -> str:
    """Every character but letters, digits and ``-._~`` percent-encoded (UTF-8): nothing in it can end the value."""
    return quote(value, safe="")
