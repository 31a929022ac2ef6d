"""The "Further Reading" of an imported article, and matching source chips to its entries.

An entry reads ``Publisher – “Title” (Nov. 27, 2025). Site`` : the publisher
before the dash, the title in quotes (else up to the date or the end), an
optional date in parentheses, then the name the page showed for the site
(``migrationpolicy.org``, ``Mixed Migration Centre+1``), which chips use too.
Its URL is the entry's link in HTML; plain text has none.

A chip names one publisher as the page showed it. `match` tries, in order:
the URL of a chip's link; the same words as an entry's publisher or site name
(case, "the", punctuation and a domain's ending aside); one run of letters
starting the other (``migrationpolicy.org`` / Migration Policy Institute,
Al Mayadeen English / Al Mayadeen); an acronym (AP News / Associated Press).
The first rule that finds exactly one entry wins.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Sequence

from .import_read import parse_date
from ..content.slugs import slugify, unique_slug

_HEADING = re.compile(r"^(further reading|sources|references|read more|related reading)[:.]?$", re.IGNORECASE)
_ENTRY = re.compile(r"^(?P<publisher>[^–—]+?)\s+[–—-]\s+(?P<rest>.+)$")
_QUOTED = re.compile(r"^[“\"](?P<title>.+)[”\"](?P<tail>.*)$")
_DATE = re.compile(r"^\s*\((?P<date>[^)]*)\)\s*\.?")
_URL = re.compile(r"https?://[^\s<>\"”)]+")
_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "de", "du", "del", "des", "la", "le", "in", "at"})
_GENERIC = frozenset({"news", "english", "online", "com", "org"})


@dataclass(frozen=True)
class FoundSource:
    id: str
    publisher: str
    title: str
    url: str
    date: dt.date | None
    site: str  # the site name the page showed after the entry
    text: str  # the entry as read, for messages


def is_further_reading(heading: str) -> bool:
    return bool(_HEADING.match(heading.strip()))


def looks_like_entry(text: str) -> bool:
    """``Publisher – “Title” ...``: an entry even where a short line would read as a heading."""
    entry = _ENTRY.match(text.strip())
    return bool(entry and _QUOTED.match(entry["rest"]))


def read_entries(entries: Sequence[tuple[str, str]]) -> list[FoundSource]:
    """(entry text, first link's href) pairs -> sources with unique ids (slug of the publisher)."""
    taken: set[str] = set()
    found = []
    for text, href in entries:
        source = read_entry(text.strip(), href)
        if source is not None:
            found.append(dataclasses.replace(source, id=unique_slug(slugify(source.publisher) or "source", taken)))
    return found


def read_entry(text: str, href: str = "") -> FoundSource | None:
    if not text:
        return None
    url = href if href.startswith(("http://", "https://")) else ""
    if not url and (bare := _URL.search(text)):
        url = bare.group(0).rstrip(".,")
        text = (text[: bare.start()] + text[bare.end():]).strip()
    entry = _ENTRY.match(text)
    publisher, rest = (entry["publisher"].strip(), entry["rest"].strip()) if entry else ("", text)
    quoted = _QUOTED.match(rest)
    if quoted:
        title, tail = quoted["title"].strip(), quoted["tail"]
    else:
        title, _, tail = rest.partition(" (")
        tail = "(" + tail if tail else ""
    title = re.sub(r"(?<![.…])[.,]$", "", title.strip())
    date = None
    if dated := _DATE.match(tail):
        date = parse_date(dated["date"])
        tail = tail[dated.end():]
    site = re.sub(r"\+\d+$", "", tail.strip(" .")).strip()
    return FoundSource("", publisher or site, title, url, date, site, text)


def match(name: str, href: str, sources: Sequence[FoundSource]) -> tuple[FoundSource | None, list[FoundSource]]:
    """The one source a chip names, else None and the candidates that tied."""
    if href:
        by_url = [s for s in sources if s.url and s.url.rstrip("/") == href.rstrip("/")]
        if len(by_url) == 1:
            return by_url[0], []
    tied: list[FoundSource] = []
    for rule in (_same_words, _same_start, _acronym):
        hits = [s for s in sources if any(rule(name, key) for key in (s.publisher, s.site) if key)]
        if len(hits) == 1:
            return hits[0], []
        tied = tied or hits
    return None, tied


def _words(name: str) -> list[str]:
    name = name.lower().replace("&", " and ")
    name = re.sub(r"^(https?://)?(www\.)?", "", name)
    if re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", name):  # a domain: its name without the ending
        name = name.rsplit(".", 1)[0]
    words = re.findall(r"[a-z0-9]+", name)
    return words[1:] if words[:1] == ["the"] else words


def _same_words(a: str, b: str) -> bool:
    return _words(a) == _words(b) != []


def _same_start(a: str, b: str) -> bool:
    x, y = "".join(_words(a)), "".join(_words(b))
    short, long = sorted((x, y), key=len)
    return len(short) >= 6 and long.startswith(short)


def _acronym(a: str, b: str) -> bool:
    def initials(name: str) -> str:
        return "".join(w[0] for w in _words(name) if w not in _CONNECTORS and w not in _GENERIC)

    def short_form(name: str) -> str | None:
        first = name.split()[0] if name.split() else ""
        rest = [w for w in _words(name)[1:] if w not in _GENERIC]
        return first.lower() if re.fullmatch(r"[A-Z]{2,6}", first) and not rest else None

    return any(s is not None and len(initials(other)) >= 2 and s == initials(other)
               for s, other in ((short_form(a), b), (short_form(b), a)))
