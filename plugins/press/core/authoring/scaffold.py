"""``press new``: the skeleton of a new article, checked against the site before it is written.

The skeleton is a valid draft: ``make serve`` previews it at once (a file that
failed validation would stop the preview of the whole site), ``make site``
leaves it out. Its description is `PLACEHOLDER_DESCRIPTION`, which validation
accepts in a draft and rejects once ``draft: true`` is removed, so an article
cannot go live with it. Where the article goes (publication, section, authors)
is resolved here for ``press import`` too, with the same "did you mean" errors.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Mapping

from ..content.frontmatter import parse_document
from ..content.model import Author, Publication
from ..content.problems import did_you_mean
from ..content.slugs import slugify
from ..urls import article_path
from ..content.validate import PLACEHOLDER_DESCRIPTION, SiteRules, validate_article


class Refused(Exception):
    """An argument the site does not accept, or a file that is already there; `hint` says what to do."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class Placement:
    """Where an article goes and who wrote it, resolved against the configuration."""

    publication: Publication
    section: str | None
    authors: tuple[str, ...]
    cta: str | None  # the publication's default call to action


@dataclass(frozen=True)
class NewArticle:
    path: str  # relative to the docs folder
    text: str
    url: str  # relative to the site root


def place(pub_id: str | None, section: str | None, author: str | None,
          publications: Mapping[str, Publication], authors: Mapping[str, Author]) -> Placement:
    """Resolve --pub, --section and --author, or refuse with the values that would work."""
    if not pub_id:
        raise Refused("which publication? pass --pub", f"publications: {', '.join(publications)}")
    if pub_id not in publications:
        raise Refused(f"unknown publication {pub_id!r}", did_you_mean(pub_id, publications, noun="publications"))
    pub = publications[pub_id]
    return Placement(pub, _section(section, pub), _authors(author, authors), pub.cta)


def _section(name: str | None, pub: Publication) -> str | None:
    if not name:
        if pub.section_required:
            raise Refused(f"a {pub.title} article needs a section: pass --section", f"sections of {pub.title}: {', '.join(pub.sections)}")
        return None
    by_lower = {s.lower(): s for s in pub.sections}
    if name.lower() in by_lower:
        return by_lower[name.lower()]
    if not pub.sections:
        raise Refused(f"{pub.title} has no sections", "leave out --section")
    raise Refused(f"{name!r} is not a section of {pub.title}", did_you_mean(name, pub.sections, noun=f"sections of {pub.title}"))


def _authors(author: str | None, known: Mapping[str, Author]) -> tuple[str, ...]:
    if not author:
        if len(known) == 1:
            return (next(iter(known)),)
        raise Refused("who wrote it? pass --author", did_you_mean("", known, noun="authors") + " (defined in content/authors.yml)")
    ids = tuple(a.strip() for a in author.split(",") if a.strip())
    for author_id in ids:
        if author_id not in known:
            raise Refused(f"unknown author {author_id!r}", did_you_mean(author_id, known, noun="authors") + " (defined in content/authors.yml)")
    return ids


def new_article(title: str, placement: Placement, date: dt.date, tags: tuple[str, ...], rules: SiteRules) -> NewArticle:
    """The skeleton, validated by the same code as the build (a skeleton that failed would be our bug)."""
    slug = slugify(title)
    if not title.strip() or not slug:
        raise Refused(f"the title {title!r} has no letters or digits to make a file name from",
                      'write a headline, such as press new "Courts weigh the new rule"')
    for tag in tags:
        if not slugify(tag):
            raise Refused(f"the tag {tag!r} has no letters or digits", "write tags as words: --tags courts,appeals")
    path = article_path(placement.publication.id, date, slug)
    text = render_skeleton(title.strip(), placement, date, tags)
    return NewArticle(path, text, validated_url(path, text, rules))


def validated_url(path: str, text: str, rules: SiteRules) -> str:
    """The URL the build gives `text` at `path`; raises if the build would reject its front matter."""
    doc, errors = parse_document(path, text.encode("utf-8"))
    article = None
    if doc is not None:
        article, errors = validate_article(doc, path.split("/")[0], rules, minutes=1)
    if article is None:
        raise AssertionError("the generated front matter does not validate:\n" + "\n".join(map(str, errors)))
    return article.url


def render_skeleton(title: str, placement: Placement, date: dt.date, tags: tuple[str, ...]) -> str:
    cta = placement.cta
    lines = [
        "---",
        f"title: {quoted(title)}",
        f"description: {quoted(PLACEHOLDER_DESCRIPTION)}",
        f"date: {date.isoformat()}",
        f"authors: {flow_list(placement.authors)}",
    ]
    if placement.section:
        lines.append(f"categories: {flow_list((placement.section,))}")
    lines += [
        f"tags: {flow_list(tags)}",
        f"cta: {cta}  # the publication's default; another id from mkdocs.yml, or false for none" if cta
        else "# cta: <id>  # a call to action from mkdocs.yml; none by default",
        "draft: true  # `make serve` shows it, `make site` leaves it out: remove this line to publish",
        "# further_reading:  # the sources the article cites; cite one in the text as [@reuters]",
        "#   - publisher: Reuters",
        '#     title: "The source\'s headline"',
        "#     url: https://www.reuters.com/...",
        "#     date: 2025-11-27  # optional",
        "---",
        "",
        "Write the article here, in Markdown: `## Heading` for sections, a blank line between paragraphs.",
        "",
    ]
    return "\n".join(lines)


_PLAIN = re.compile(r"^[A-Za-z][\w .&'/-]*$")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def flow_item(text: str) -> str:
    """A list item as written by hand when that is safe (``Global Affairs``), quoted otherwise."""
    plain = _PLAIN.match(text) and text.lower() not in _YAML_WORDS and not text.endswith(" ") and ": " not in text
    return text if plain else quoted(text)


def flow_list(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(flow_item(i) for i in items) + "]"
