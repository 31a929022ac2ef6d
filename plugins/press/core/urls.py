"""Every URL and output path of the site, and the one registry that every file written into it goes through.

Content, ``mkdocs.yml`` and command lines may come from a pull request, so a path that reaches the
file system is never trusted: `checked_path` accepts only a plain relative path (no absolute path,
no ``..``, no backslash, no control character, no over-long name), and `Outputs` resolves it
inside the site folder, refuses a second write to one path, and refuses a file where another
output needs a folder (``feed.xml/x.html`` beside ``feed.xml``). Like Pelican's ``Writer``, it is the
single place that decides whether a path may be written.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Collection

from .content.characters import FORBIDDEN, character_name
from .content.slugs import slugify

MAX_NAME_BYTES = 255  # the longest file name ext4, APFS and NTFS accept
# Top-level folders that the theme and the search index own: a redirect or a page there would be lost.
RESERVED_FOLDERS = ("assets", "pagefind")
CONTROL = re.compile(r"[\t\n\r]")  # allowed in text, never in a path
# Names of the files a site has (feeds, sitemap, styles, images): never a folder of a redirect.
FILE_NAME = re.compile(r"\.(html?|xml|txt|css|js|json|png|jpe?g|webp|gif|svg|ico|gz)$", re.IGNORECASE)


# --- every URL of the site, site-root-relative, folder URLs ending in "/" --------------------------

FEED_RSS = "feed.xml"
FEED_ATOM = "atom.xml"
FEED_JSON = "feed.json"
FEED_EMAIL = "email.xml"  # each publication's feed for its mailing-list provider's RSS-to-email
SOURCES_FOLDER = "sources"
READING_LISTS_FOLDER = "reading-lists"
CARDS_FOLDER = "assets/cards/"
CONFIRMATION_FOLDER = "subscribed"


def article_path(publication: str, date: dt.date, slug: str) -> str:
    """Where ``press new`` writes an article: ``vera2/posts/2025/<slug>.md`` (the file name is the slug)."""
    return f"{publication}/posts/{date:%Y}/{slug}.md"


def article_url(publication: str, date: dt.date, slug: str) -> str:
    """Where an article is published: ``vera2/2025/11/<slug>/``."""
    return f"{publication}/{date:%Y}/{date:%m}/{slug}/"


def article_publication(path: str, publications: Collection[str]) -> str | None:
    """``vera2/posts/2025/x.md`` -> ``vera2``; None for files that are not articles."""
    parts = path.split("/")
    if len(parts) >= 3 and parts[0] in publications and parts[1] == "posts" and path.endswith(".md"):
        return parts[0]
    return None


def section_url(publication: str, section: str) -> str:
    return f"{publication}/{slugify(section)}/"


def tag_url(tag: str) -> str:
    return f"tags/{slugify(tag)}/"


def author_url(author_id: str) -> str:
    return f"authors/{author_id}/"


def archive_url(year: int | str) -> str:
    return f"archive/{year}/"


def listing_page_url(first: str, number: int) -> str:
    """Page `number` of the listing at `first`: stable URLs, ``vera2/page/2/``."""
    return first if number == 1 else f"{first}page/{number}/"


def reading_list_url(list_id: str) -> str:
    return f"{READING_LISTS_FOLDER}/{list_id}/"


def publisher_url(name: str) -> str:
    """A publisher's page in the source library."""
    return f"{SOURCES_FOLDER}/{slugify(name) or 'unnamed'}/"


def confirmation_url(cta_id: str) -> str:
    """The page a call to action's provider sends a new subscriber back to: ``subscribed/free-chapter/``."""
    return f"{CONFIRMATION_FOLDER}/{cta_id}/"


def source_anchor(source_id: str) -> str:
    """The stable anchor of a further-reading entry; chips link to it."""
    return f"source-{source_id}"


def card_path(key: str) -> str:
    """Where a social card goes in the site: named by its key, so a changed card gets a new URL that link previews refetch."""
    return f"{CARDS_FOLDER}{key[:20]}.png"




STYLESHEET = "assets/stylesheets/material.press.min.css"  # Material's stylesheets, cut to what the site uses (press/styles)


def page_file(url: str) -> str:
    """The file that serves a URL: ``a/b/`` -> ``a/b/index.html``; ``old.html`` stays."""
    return url if url.endswith(".html") else f"{url}index.html"


# --- what may be written --------------------------------------------------------------------------

class OutputRefused(Exception):
    """A path that must not be written; ``message`` says why, ``hint`` what to do."""

    def __init__(self, path: str, message: str, hint: str = "") -> None:
        super().__init__(f"{path!r}: {message}" + (f"; {hint}" if hint else ""))
        self.path, self.message, self.hint = path, message, hint


def checked_path(path: str) -> str:
    """`path` as a plain site-relative POSIX path, or `OutputRefused`.

    Refused: empty, absolute (``/x``, ``C:x``), ``\\``, ``.`` or ``..`` segments, an empty segment,
    a control character, a name longer than 255 bytes.
    """
    if not path:
        raise OutputRefused(path, "is empty")
    if (found := CONTROL.search(path) or FORBIDDEN.search(path)) is not None:
        raise OutputRefused(path, f"contains the control character {character_name(found.group())}")
    if "\\" in path:
        raise OutputRefused(path, "contains a backslash", "write paths with forward slashes")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        raise OutputRefused(path, "is absolute: outputs are relative to the site folder")
    for segment in path.split("/"):
        if segment in ("", ".", ".."):
            raise OutputRefused(path, f"has a {segment or 'empty'!r} segment" if segment else "has an empty segment")
        if len(segment.encode("utf-8")) > MAX_NAME_BYTES:
            raise OutputRefused(path, f"has a name of {len(segment.encode('utf-8'))} bytes; file systems allow {MAX_NAME_BYTES}")
    return path


def redirect_path(old: str) -> str:
    """An old URL from ``redirect_from`` as the site-relative path it is served at, or `OutputRefused`.

    ``/2024/old-slug`` -> ``2024/old-slug/``; ``old/page.html`` stays. A static host serves a folder's
    ``index.html`` or an ``.html`` file, so an old ``page.php`` or ``feed.xml`` cannot redirect.
    """
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", old) or old.startswith("//"):
        raise OutputRefused(old, "is a full URL", "write the old path without the scheme and domain, such as 2024/old-slug/")
    if "%" in old:
        raise OutputRefused(old, "is percent-encoded", "write the path as a browser shows it, decoded (a space as a space)")
    if old.strip("/") == "":
        raise OutputRefused(old, "is the home page, which cannot redirect")
    path = old.lstrip("/") if old.endswith(".html") else old.strip("/") + "/"
    try:
        checked_path(path.rstrip("/"))
    except OutputRefused as exc:
        raise OutputRefused(old, exc.message, exc.hint) from None
    *folders, last = path.rstrip("/").split("/")
    if not path.endswith(".html") and re.search(r"\.[A-Za-z0-9]{1,5}$", last):
        raise OutputRefused(old, f"ends in {last!r}, which a static host cannot serve as a redirect page",
                            "only folder paths (old/path/) and .html pages can redirect")
    for folder in folders:
        if FILE_NAME.search(folder):
            raise OutputRefused(old, f"has the file name {folder!r} where a folder must be")
    if path.split("/", 1)[0] in RESERVED_FOLDERS:
        raise OutputRefused(old, f"lies in {path.split('/', 1)[0]}/, which the theme and search index own")
    return path


@dataclass
class Outputs:
    """What one build writes into ``site_dir``: each path once, never outside it.

    ``owners`` maps every claimed file to what claimed it (a source file or a plugin), so a refusal
    names both sides. A fresh registry is made for every build, live-preview rebuilds included.
    """

    site_dir: Path

    def __post_init__(self) -> None:
        self.root = Path(os.path.realpath(self.site_dir))
        self.owners: dict[str, str] = {}
        self.folders: dict[str, str] = {}  # every folder some claimed file lies in -> that file
        self._inside: dict[str, bool] = {}  # folder (relative) -> whether it resolves inside the site folder

    def claim(self, path: str, owner: str) -> Path:
        """The absolute path to write `path` to; `OutputRefused` if it is outside, taken, or blocked."""
        checked_path(path)
        if path in self.owners:
            raise OutputRefused(path, f"is written twice: by {self.owners[path]} and by {owner}",
                                "give one of them another path (slug, redirect_from or tag)")
        if path in self.folders:
            raise OutputRefused(path, f"is a folder of {self.folders[path]}, so {owner} cannot write a file there")
        target = self._place(path, owner)
        self.owners[path] = owner
        parts = path.split("/")
        for n in range(1, len(parts)):
            self.folders.setdefault("/".join(parts[:n]), path)
        return target

    def claim_folder(self, path: str, owner: str) -> Path:
        """A whole folder for one owner (the search index): nobody else may write inside it."""
        checked_path(path)
        if path in self.owners:
            raise OutputRefused(path, f"is a file of {self.owners[path]}, so {owner} cannot make a folder there")
        if path in self.folders:
            raise OutputRefused(path, f"holds {self.folders[path]}, which {owner} would replace")
        target = self._place(path, owner)
        self.owners[f"{path}/"] = owner
        return target

    def _place(self, path: str, owner: str) -> Path:
        """Where `path` lands, after checking that no file or owned folder of another output is in its way."""
        parts = path.split("/")
        for n in range(1, len(parts)):
            folder = "/".join(parts[:n])
            if folder in self.owners:
                raise OutputRefused(path, f"needs {folder!r} to be a folder, but {self.owners[folder]} writes a file there")
            if f"{folder}/" in self.owners:
                raise OutputRefused(path, f"lies in {folder}/, which belongs to {self.owners[folder + '/']}")
        # Nothing already in the site folder (a link left there) may carry a write outside it.
        if not self._stays_inside("/".join(parts[:-1])):
            raise OutputRefused(path, "resolves outside the site folder")
        return self.root / path

    def _stays_inside(self, folder: str) -> bool:
        """Whether `folder` (relative, "" for the site folder) resolves inside the site folder: one lstat per
        folder of the build, remembered. Strings, not paths: a build claims every page, card and feed, and
        building a Path per folder was most of what a claim cost.

        A folder that does not exist yet cannot be a link, so only existing links are resolved.
        """
        if not folder:
            return True
        known = self._inside.get(folder)
        if known is None:
            absolute = os.path.join(self.root, folder)
            if os.path.islink(absolute):
                known = _inside(Path(os.path.realpath(absolute)), self.root)
            else:
                known = self._stays_inside(folder.rpartition("/")[0])
            self._inside[folder] = known
        return known

    def write(self, path: str, data: bytes, owner: str) -> Path:
        """Claim `path` and write `data` there (replacing a file a previous build left)."""
        target = self.claim(path, owner)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink():
            target.unlink()
        target.write_bytes(data)
        return target


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def refused_site_dir(site_dir: Path, protected: dict[str, Path]) -> str | None:
    """Why `site_dir` must not be built into, or None.

    The build empties the site folder and replaces it, so it must not be, contain or (for the docs
    folder) lie inside any of the `protected` folders: ``{"the docs folder (content/)": ..., ...}``.
    """
    site = Path(os.path.realpath(site_dir))
    real = {name: Path(os.path.realpath(folder)) for name, folder in protected.items()}
    for name in protected:
        if site == real[name]:
            return f"{site_dir} is {name}: the build would delete it"
    for name, folder in protected.items():
        if _inside(real[name], site):
            return f"{site_dir} contains {name} ({folder}): the build would delete it"
    docs = [folder for name, folder in protected.items() if name.startswith("the docs folder")]
    for folder in docs:
        if _inside(site, Path(os.path.realpath(folder))):
            return f"{site_dir} lies inside the docs folder ({folder}): the built site would become content"
    return None
