"""Validate one article's front matter against the content contract (DESIGN.md).

Every problem is collected, none stops the others: an author fixing a file
sees all of its mistakes at once, each with its line, its field and a hint.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from .frontmatter import Document, FieldPath, describe, format_field
from .model import Article, Author, Correction, Publication, Source
from .problems import ContentError, did_you_mean
from .slugs import SLUG_PATTERN, slugify, unique_slug
from ..urls import OutputRefused, article_url, redirect_path

KNOWN_KEYS = (
    "title", "description", "date", "updated", "id", "slug", "authors", "categories", "tags",
    "image", "image_alt", "image_caption", "image_credit", "further_reading", "cta", "redirect_from", "corrections",
    "draft", "pin", "readtime", "canonical_url",
)
REQUIRED_KEYS = ("title", "description", "date", "authors")
SOURCE_KEYS = ("id", "publisher", "title", "url", "date")
CORRECTION_KEYS = ("date", "text")
MAX_DESCRIPTION = 300
# Lengths that keep every page, card and file name sane: a 10,000-character headline took a minute per social
# card, and a tag becomes the folder tags/<slug>/, which file systems cap at 255 bytes.
MAX_TITLE = 200
MAX_TAG = 60
MIN_YEAR = 1900  # `date: 0025-11-20` is a typo, and years before 1000 break URLs and RSS dates
LATEST_YEAR_AHEAD = 2  # scheduling runs at most to the end of the year after next: `updated: 9999-12-31` is a typo
# A caption is a sentence or two under the hero; a credit is a name and an agency ("Photo: A. Lima / Agência Pará").
MAX_IMAGE_TEXT = {"image_caption": 300, "image_credit": 120}
# What `press new` writes: valid, so a draft previews at once, but never publishable.
PLACEHOLDER_DESCRIPTION = "TO WRITE: one or two sentences for listings, feeds and link previews."
# No spaces, quotes or angle brackets: a browser would not take them in a URL either (they are written %20, %22, %3C),
# and they are what breaks out of an HTML attribute.
_ABSOLUTE_URL = re.compile(r"^https?://[^\s/?#\"'<>]+\.[^\s/?#\"'<>]+[^\s\"'<>]*$")
_DATE_HINT = "write a date like 2025-11-28, or a time with its zone like 2025-11-28T09:30:00-05:00"


@dataclass(frozen=True)
class SiteRules:
    """What an article is checked against: the site's configuration and files."""

    publications: dict[str, Publication]
    authors: dict[str, Author]
    timezone: ZoneInfo
    known_files: frozenset[str] = frozenset()
    cta_ids: frozenset[str] | None = None  # None: calls to action are not configured
    latest_year: int | None = None  # no plausible date or update is later (see LATEST_YEAR_AHEAD); None: not checked
    authors_known: bool = True  # False when the registry cannot be read: its error stands for every article's authors


def validate_article(doc: Document, publication: str, rules: SiteRules, *, minutes: int) -> tuple[Article | None, list[ContentError]]:
    """Check one parsed article. Returns the Article only when it has no problems.

    `minutes`: the body's reading time (``reading_time.reading_minutes``), unless the front matter gives its own.
    """
    return _ArticleChecker(doc, rules.publications[publication], rules).check(minutes)


class _ArticleChecker:
    def __init__(self, doc: Document, publication: Publication, rules: SiteRules):
        self.doc, self.pub, self.rules = doc, publication, rules
        self.errors: list[ContentError] = []

    def error(self, at: FieldPath, message: str, hint: str = "") -> None:
        self.errors.append(ContentError(self.doc.path, self.doc.line(*at), format_field(at), message, hint))

    def check(self, minutes: int) -> tuple[Article | None, list[ContentError]]:
        data = self.doc.data
        for key in data:
            if key not in KNOWN_KEYS:
                self.error((key,), "unknown key", did_you_mean(str(key), KNOWN_KEYS, noun="keys"))
        for key in REQUIRED_KEYS:
            if data.get(key) in (None, "", []):
                self.errors.append(ContentError(self.doc.path, self.doc.line(key) or self.doc.line(), key,
                                                "is required" if key not in data else "must not be empty", _REQUIRED_HINTS[key]))
        title = self.text("title", required=True)
        if title and len(title) > MAX_TITLE:
            self.error(("title",), f"is {len(title)} characters long, the limit is {MAX_TITLE}",
                       "shorten the headline: it is shown in listings, feeds, link previews and on the social card")
        description = self.text("description", required=True)
        if description and len(description) > MAX_DESCRIPTION:
            self.error(("description",), f"is {len(description)} characters long, the limit is {MAX_DESCRIPTION}",
                       "shorten it to one or two sentences: it is shown in listings, feeds and link previews")
        date, updated = self.dates()
        article_id = self.slug_value("id")
        slug = self.slug_value("slug") or self.file_slug()
        authors = self.authors()
        section = self.section()
        tags = self.tags()
        image, image_alt = self.image()
        image_caption, image_credit = self.image_texts(image)
        sources = self.further_reading()
        cta = self.cta()
        redirects = tuple(self.redirects())
        corrections = self.corrections()
        canonical_url = self.canonical_url()
        draft = self.boolean("draft")
        if description == PLACEHOLDER_DESCRIPTION and not draft:
            self.error(("description",), "is still the placeholder that press new wrote",
                       "write one or two sentences of your own: they are shown in listings, feeds and link previews")
        pin = self.boolean("pin")
        readtime = self.readtime(minutes)
        if corrections and date:
            newest = max(c.date for c in corrections)
            corrected = dt.datetime.combine(newest, dt.time(), self.rules.timezone)
            if updated is None or corrected > updated:
                updated = max(corrected, date)
        if self.errors or None in (title, description, date) or not authors:
            return None, self.errors
        assert date is not None and title is not None and description is not None
        url = article_url(self.pub.id, date, slug)
        return Article(
            src_path=self.doc.path, publication=self.pub.id, slug=slug, url=url, title=title,
            description=description, date=date, updated=updated, id=article_id, authors=authors,
            section=section, tags=tags, image=image, image_alt=image_alt, image_caption=image_caption,
            image_credit=image_credit, further_reading=sources,
            cta=cta, redirect_from=redirects, corrections=corrections, canonical_url=canonical_url, draft=draft,
            pin=pin, readtime=readtime, body_line=self.doc.body_line,
            lines=tuple((str(at[0]) if at else "", line) for at, line in self.doc.lines.items() if len(at) <= 1),
        ), []

    # -- field checks ------------------------------------------------------------------

    def canonical_url(self) -> str | None:
        """Where a piece first published elsewhere lives: search engines are sent there, so only https."""
        url = self.text("canonical_url")
        parts = urlsplit(url) if url else None
        if parts is not None and (parts.scheme != "https" or not parts.netloc or " " in url):
            self.error(("canonical_url",), f"expected an absolute https URL, got {url!r}",
                       "copy the full address where the piece was first published, starting with https://")
            return None
        return url

    def text(self, key: str, *, required: bool = False, at: FieldPath | None = None, value: Any = None) -> str | None:
        where = at or (key,)
        value = self.doc.data.get(key) if at is None else value
        if value is None or (required and value == ""):
            return None
        if not isinstance(value, str):
            self.error(where, f"expected text, got {describe(value)}", f'put the value in quotes: {where[-1]}: "{value}"')
            return None
        if not value.strip():
            self.error(where, "must not be blank", "write the text or remove the key")
            return None
        return value.strip()

    def dates(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        raw = self.doc.data.get("date")
        updated_raw = self.doc.data.get("updated")
        updated_at: FieldPath = ("updated",)
        if isinstance(raw, dict):  # Material's blog form: {created: ..., updated: ...}
            for key in raw:
                if key not in ("created", "updated"):
                    self.error(("date", key), "unknown key", "the date mapping takes 'created' and 'updated'")
            if updated_raw is None and "updated" in raw:
                updated_at, updated_raw = ("date", "updated"), raw["updated"]
            updated = self.plausible(updated_at, self.datetime_value(updated_at, updated_raw))
            if "created" not in raw:
                self.error(("date",), "the date mapping has no 'created' date", "write date: {created: 2025-11-28}")
                return None, updated
            date = self.plausible(("date", "created"), self.datetime_value(("date", "created"), raw["created"]))
        else:
            date = self.plausible(("date",), self.datetime_value(("date",), raw))
            updated = self.plausible(updated_at, self.datetime_value(updated_at, updated_raw))
        if date and updated and updated < date:
            self.error(updated_at, f"is before the publication date {date.date().isoformat()}",
                       "the updated date is the last change and cannot precede the date")
        return date, updated

    def plausible(self, at: FieldPath, when: dt.datetime | None) -> dt.datetime | None:
        """The date, or None with an error when its year is before MIN_YEAR or after next year."""
        latest = self.rules.latest_year
        if when is None or (MIN_YEAR <= when.year and (latest is None or when.year <= latest)):
            return when
        limit = f"from {MIN_YEAR} to {latest}" if latest else f"from {MIN_YEAR} on"
        self.error(at, f"the year {when.year} is not plausible (expected a year {limit})", _DATE_HINT)
        return None

    def datetime_value(self, at: FieldPath, value: Any) -> dt.datetime | None:
        if value is None:
            return None
        tz = self.rules.timezone
        if isinstance(value, dt.datetime):
            return value if value.tzinfo else value.replace(tzinfo=tz)
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time(), tz)
        if isinstance(value, str):
            try:
                parsed = dt.datetime.fromisoformat(value.strip())
            except ValueError:
                self.error(at, f"expected a date, got {describe(value)}", _DATE_HINT)
                return None
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
        self.error(at, f"expected a date, got {describe(value)}", _DATE_HINT)
        return None

    def file_slug(self) -> str:
        """The slug the file name gives, when there is no slug: key; an error when it gives none (``🎉.md``)."""
        name = posixpath.basename(self.doc.path)
        slug = slugify(posixpath.splitext(name)[0])
        if not slug and "slug" not in self.doc.data:
            self.error(("slug",), f"the file name {name!r} gives no slug: it has no letters or digits for the URL",
                       "rename the file, such as courts-weigh-the-rule.md, or add slug: courts-weigh-the-rule")
        return slug

    def slug_value(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not SLUG_PATTERN.match(value):
            self.error((key,), f"expected lower-case words joined by hyphens, got {value!r}", f"try {key}: {slugify(value) or 'my-article'}")
            return None
        return value

    def string_list(self, key: str, *, example: str, noun: str = "entry") -> tuple[str, ...]:
        """The list's texts, each once; `noun` names an entry in the message for an empty one."""
        return tuple(text for _, text in self.indexed_strings(key, example=example, noun=noun))

    def indexed_strings(self, key: str, *, example: str, noun: str) -> list[tuple[int, str]]:
        value = self.doc.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error((key,), f"expected a list, got {describe(value)}", f"write {key}: {example}")
            return []
        items: list[tuple[int, str]] = []
        for i, item in enumerate(value):
            if isinstance(item, str) and not item.strip():
                self.error((key, i), f"empty {noun}", f"remove it, or write {key}: {example}")
            elif not isinstance(item, str):
                self.error((key, i), f"expected text, got {describe(item)}", f"write {key}: {example}")
            elif item.strip() not in (text for _, text in items):
                items.append((i, item.strip()))
        return items

    def tags(self) -> tuple[str, ...]:
        tags: list[str] = []
        seen: dict[str, str] = {}  # slug -> the tag that has it
        for i, tag in self.indexed_strings("tags", example="[immigration, europe]", noun="tag"):
            slug = slugify(tag)
            if not slug:
                self.error(("tags", i), f"the tag {tag!r} has no letters or digits to make its URL from", "use words, such as: tags: [courts]")
            elif len(tag) > MAX_TAG or len(slug) > MAX_TAG:
                self.error(("tags", i), f"the tag is {max(len(tag), len(slug))} characters long, the limit is {MAX_TAG}",
                           "a tag is a word or two, such as: tags: [courts]")
            elif slug in seen:
                self.error(("tags", i), f"{tag!r} is the tag {seen[slug]!r} again (tags that differ only in case or punctuation are one tag)",
                           f"keep one of them: {seen[slug]!r}")
            else:
                seen[slug] = tag
                tags.append(tag)
        return tuple(tags)

    def authors(self) -> tuple[str, ...]:
        indexed = self.indexed_strings("authors", example="[jt-mercer]", noun="author id")
        ids = tuple(author for _, author in indexed)
        known = self.rules.authors
        if not self.rules.authors_known:
            return ()
        for i, author in indexed:
            if author not in known:
                self.error(("authors", i), f"unknown author {author!r}",
                           did_you_mean(author, known, noun="authors") + " (authors are defined in content/authors.yml)")
        return ids if all(a in known for a in ids) else ()

    def section(self) -> str | None:
        names = self.string_list("categories", example=f"[{self.pub.sections[0] if self.pub.sections else 'Politics'}]", noun="section")
        allowed = self.pub.sections
        if not names:
            if self.pub.section_required and not self.errors_for("categories"):
                self.error(("categories",), f"a {self.pub.title} article needs exactly one section",
                           f"add categories: [<one of: {', '.join(allowed)}>]")
            return None
        if len(names) > 1:
            self.error(("categories",), f"expected exactly one section, got {len(names)}", f"keep one of: {', '.join(names)}")
            return None
        name = names[0]
        if name not in allowed:
            by_lower = {s.lower(): s for s in allowed}
            hint = (f"write it as {by_lower[name.lower()]!r}" if name.lower() in by_lower
                    else did_you_mean(name, allowed, noun=f"sections of {self.pub.title}"))
            self.error(("categories", 0), f"{name!r} is not a section of {self.pub.title}", hint)
            return None
        return name

    def errors_for(self, key: str) -> bool:
        return any(e.field.split("[")[0].split(".")[0] == key for e in self.errors)

    def image(self) -> tuple[str | None, str | None]:
        image = self.text("image")
        alt = self.text("image_alt")
        if image is None:
            if alt is not None:
                self.error(("image_alt",), "is set but there is no image", "add image: images/<file> or remove image_alt")
            return None, None
        if alt is None and "image_alt" not in self.doc.data:
            self.error(("image",), "an image needs image_alt, the text screen readers announce",
                       'add image_alt: "What the picture shows"')
        if re.match(r"^[a-z]+:", image):
            self.error(("image",), f"expected a file path relative to the article, got the URL {image!r}",
                       "save the image under content/ and give its path, such as images/photo.jpg")
            return None, alt
        resolved = resolve_relative(self.doc.path, image)
        if self.rules.known_files and resolved not in self.rules.known_files:
            self.error(("image",), f"image file not found: {resolved}", "check the file name; the path is relative to the article")
            return None, alt
        return resolved, alt

    def image_texts(self, image: str | None) -> tuple[str | None, str | None]:
        """The hero's caption and credit: text of bounded length, and only beside an image they describe."""
        texts: list[str | None] = []
        for key, limit in MAX_IMAGE_TEXT.items():
            value = self.text(key)
            if value is not None and len(value) > limit:
                self.error((key,), f"is {len(value)} characters long, the limit is {limit}",
                           "it is printed under the hero image: keep it short")
                value = None
            if value is not None and "image" not in self.doc.data:
                self.error((key,), "is set but there is no image", f"add image: images/<file> or remove {key}")
                value = None
            texts.append(value if image else None)
        return texts[0], texts[1]

    def further_reading(self) -> tuple[Source, ...]:
        value = self.doc.data.get("further_reading")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(("further_reading",), f"expected a list of sources, got {describe(value)}",
                       "write each source as '- publisher: ...' with title and url on the lines below")
            return ()
        explicit: dict[str, int] = {}
        for i, entry in enumerate(value):
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                sid = entry["id"]
                if sid in explicit:
                    self.error(("further_reading", i, "id"), f"source id {sid!r} is defined twice (first in further_reading[{explicit[sid]}])",
                               "give each source its own id")
                explicit.setdefault(sid, i)
        taken = set(explicit)
        sources = []
        for i, entry in enumerate(value):
            source = self.source(i, entry, taken)
            if source:
                sources.append(source)
        return tuple(sources)

    def source(self, i: int, entry: Any, taken: set[str]) -> Source | None:
        at: FieldPath = ("further_reading", i)
        if not isinstance(entry, dict):
            self.error(at, f"expected a source with publisher, title and url, got {describe(entry)}",
                       "write '- publisher: Reuters' and indent title: and url: under it")
            return None
        ok = True
        for key in entry:
            if key not in SOURCE_KEYS:
                self.error(at + (key,), "unknown key", did_you_mean(str(key), SOURCE_KEYS, noun="source keys"))
                ok = False
        fields = {}
        for key in ("publisher", "title", "url"):
            if entry.get(key) in (None, ""):
                self.error(at + (key,) if key in entry else at, f"the source has no {key}", _SOURCE_HINTS[key])
                ok = False
            else:
                fields[key] = self.text(key, at=at + (key,), value=entry[key])
                ok = ok and fields[key] is not None
        url = fields.get("url")
        if url and not _ABSOLUTE_URL.match(url):
            self.error(at + ("url",), f"expected an absolute http(s) URL, got {url!r}",
                       "copy the full address, starting with https:// (spaces, quotes and < > written as %20, %22, %3C, %3E)")
            ok = False
        date = None
        if entry.get("date") is not None:
            when = self.datetime_value(at + ("date",), entry["date"])
            ok = ok and when is not None
            date = when.date() if when else None
        sid = entry.get("id")
        if sid is not None and (not isinstance(sid, str) or not SLUG_PATTERN.match(sid)):
            self.error(at + ("id",), f"expected lower-case words joined by hyphens, got {describe(sid)}",
                       f"try id: {slugify(str(sid)) or 'source'}")
            ok = False
        if not ok:
            return None
        if sid is None:
            sid = unique_slug(slugify(fields["publisher"]) or "source", taken)
        return Source(id=sid, publisher=fields["publisher"], title=fields["title"], url=fields["url"], date=date,
                      line=self.doc.line(*at))

    def cta(self) -> str | bool | None:
        value = self.doc.data.get("cta")
        if value is None or value is False:
            return value
        if not isinstance(value, str):
            self.error(("cta",), f"expected a call-to-action id or false, got {describe(value)}", "write cta: free-chapter, or cta: false for none")
            return None
        if self.rules.cta_ids is not None and value not in self.rules.cta_ids:
            self.error(("cta",), f"unknown call to action {value!r}",
                       did_you_mean(value, self.rules.cta_ids, noun="calls to action") + " (defined under ctas: of press/articles in mkdocs.yml)")
            return None
        return value

    def redirects(self) -> list[str]:
        paths = []
        for i, old in self.indexed_strings("redirect_from", example="[old/path/]", noun="path"):
            try:
                paths.append(redirect_path(old))
            except OutputRefused as exc:
                self.error(("redirect_from", i), f"{exc.path!r} {exc.message}", exc.hint or "write an old path of this site, such as 2024/old-slug/")
        return paths

    def corrections(self) -> tuple[Correction, ...]:
        value = self.doc.data.get("corrections")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(("corrections",), f"expected a list of corrections, got {describe(value)}", "write '- date: 2025-11-29' and text: under it")
            return ()
        out = []
        for i, entry in enumerate(value):
            at: FieldPath = ("corrections", i)
            if not isinstance(entry, dict):
                self.error(at, f"expected a correction with date and text, got {describe(entry)}", "write '- date: 2025-11-29' and text: under it")
                continue
            for key in entry:
                if key not in CORRECTION_KEYS:
                    self.error(at + (key,), "unknown key", did_you_mean(str(key), CORRECTION_KEYS, noun="correction keys"))
            when = self.datetime_value(at + ("date",), entry.get("date")) if entry.get("date") is not None else None
            text = self.text("text", at=at + ("text",), value=entry.get("text"))
            if entry.get("date") is None:
                self.error(at, "the correction has no date", "add date: 2025-11-29")
            if entry.get("text") is None:
                self.error(at, "the correction has no text", 'add text: "An earlier version ..."')
            if when and text:
                out.append(Correction(when.date(), text))
        return tuple(out)

    def boolean(self, key: str) -> bool:
        value = self.doc.data.get(key, False)
        if not isinstance(value, bool):
            self.error((key,), f"expected true or false, got {describe(value)}", f"write {key}: true")
            return False
        return value

    def readtime(self, minutes: int) -> int:
        value = self.doc.data.get("readtime")
        if value is None:
            return minutes
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.error(("readtime",), f"expected a whole number of minutes, got {describe(value)}",
                       "write readtime: 5, or remove it to have it computed")
            return 1
        return value


_REQUIRED_HINTS: dict[str, str] = {
    "title": 'add title: "The headline"',
    "description": 'add description: "One or two sentences for listings, feeds and link previews."',
    "date": "add date: 2025-11-28 (the publication date)",
    "authors": "add authors: [jt-mercer] (ids from content/authors.yml)",
}
_SOURCE_HINTS = {
    "publisher": "add publisher: Reuters (who published the source)",
    "title": 'add title: "The source\'s headline"',
    "url": "add url: https://... (the full address of the source)",
}


def resolve_relative(from_path: str, target: str) -> str:
    """A path relative to a docs file, as a docs-relative path (``a/b.md`` + ``img/x.jpg``)."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target))

