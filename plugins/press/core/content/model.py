"""The records the core works on: frozen, plain data, no engine types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Publication:
    """One publication of the site (NRP Dispatch, Vera2) and its sections."""

    id: str
    title: str
    description: str = ""
    sections: tuple[str, ...] = ()
    section_required: bool = False
    cta: str | None = None  # the default call to action of its articles
    connect_off: tuple[str, ...] = ()  # connect blocks this publication does not show
    card_byline: bool = True  # False: its listing cards leave out "By ..." (a one-author blog says it on every card)
    section_descriptions: tuple[tuple[str, str], ...] = ()  # (section, what its listing says it covers)
    author: str | None = None  # an author's own blog: its front page opens with that author's strip and signup


@dataclass(frozen=True)
class Link:
    """A labelled external link of an author (website, newsletter, social)."""

    label: str
    url: str


@dataclass(frozen=True)
class Author:
    id: str
    name: str
    description: str = ""
    avatar: str | None = None  # docs-relative path or absolute URL
    bio: str = ""  # Markdown
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Cta:
    """A mailing-list call to action: a plain form posting straight to the provider."""

    id: str
    heading: str
    text: str
    action: str
    button: str = "Subscribe"
    method: str = "post"
    email_label: str = "Email address"
    email_field: str = "email"
    consent: str = ""
    hidden: tuple[tuple[str, str], ...] = ()  # provider fields such as the list id
    honeypot_field: str | None = "website"  # bots fill it, people never see it; None: the form has no trap
    source_field: str | None = "source"  # the URL of the article the form was sent from; None: not sent
    provider: str | None = None  # buttondown | kit | mailchimp: the preset that filled the fields above
    return_field: str | None = None  # a hidden field carrying the confirmation page's URL, where the provider takes one
    confirmation: str = ""  # what the confirmation page says after "thank you"; "" for the default text


@dataclass(frozen=True)
class ConnectBlock:
    """A site-wide promo at the end of articles and on author pages (about the author, Vera2...)."""

    id: str
    heading: str
    text: str
    url: str
    label: str


@dataclass(frozen=True)
class Source:
    """One entry of an article's further reading; `id` is the citation key."""

    id: str
    publisher: str
    title: str
    url: str
    date: dt.date | None = None
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Correction:
    date: dt.date
    text: str


@dataclass(frozen=True)
class Article:
    """One validated article. `src_path` and `url` are relative to the docs folder and site root."""

    src_path: str
    publication: str
    slug: str
    url: str
    title: str
    description: str
    date: dt.datetime
    authors: tuple[str, ...]
    updated: dt.datetime | None = None
    id: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None
    image_alt: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    further_reading: tuple[Source, ...] = ()
    cta: str | bool | None = None  # None: the publication's default; False: none
    redirect_from: tuple[str, ...] = ()
    corrections: tuple[Correction, ...] = ()
    canonical_url: str | None = None  # where the piece was first published, when that is elsewhere (absolute https)
    draft: bool = False
    pin: bool = False
    readtime: int = 1
    body_line: int = 1
    # Top-level front-matter key ("" for the front matter itself) -> its line, for problems found across
    # articles (a slug or id used twice).
    lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, else of the front matter's first key (the slug of a file name)."""
        lines = dict(self.lines)
        return lines.get(key, lines.get("", 1))

    @property
    def key(self) -> str:
        """The identity that survives a slug change: `id` when given, else the URL."""
        return self.id or self.url

    @property
    def identity(self) -> tuple[str, str]:
        """(field, value) the article's feed GUID is made of: its id, else the first URL it had (``feeds.item_id``)."""
        if self.id:
            return "id", self.id
        return ("redirect_from[0]", self.redirect_from[0].strip("/")) if self.redirect_from else ("slug", self.url.strip("/"))

    @property
    def last_modified(self) -> dt.datetime:
        return self.updated or self.date

    def is_scheduled(self, now: dt.datetime) -> bool:
        """Dated after `now` (the build date), to the second: a date alone is midnight in the site's zone (validate.py)."""
        return self.date > now

    def is_published(self, now: dt.datetime) -> bool:
        """Neither a draft nor scheduled after `now`: what a build shows, lists and puts in feeds."""
        return not self.draft and not self.is_scheduled(now)
