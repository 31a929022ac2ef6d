"""Results kept between builds, each keyed by a digest of everything it depends on.

A feature computes; a memo here decides whether it must: the checked article files, the related
lists and the social cards. Each entry is written with one atomic write, so a build that stops
half way never leaves a truncated entry behind.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import Sequence

from ..content.catalog import Catalog
from ..content.checked import FORMAT, CheckedArticle, RawFile
from ..content.parallel_checks import check_files
from ..content.validate import SiteRules
from ..features.cards import CardError, CardSpec, card_key, render_png
from ..features.images import ResponsiveImage, Variant, encode_variant, intact, variant_plans
from ..features.related import Related, related_articles
from .digest import digest
from .store import Store

ARTICLES = ("memos", "articles")  # every article file checked: pickled (key, entries)
RELATED = ("memos", "related")  # the related lists: JSON
WHOLE = ("memos", "whole-cards")  # the cards found whole, by their file's signature: JSON


def rules_key(rules: SiteRules) -> str:
    """The rules as one stable string (sets sorted: their order changes with each process's hash seed)."""
    cta_ids = sorted(rules.cta_ids) if rules.cta_ids is not None else None
    return digest(FORMAT, [("rules", repr((rules.publications, rules.authors, str(rules.timezone), sorted(rules.known_files), cta_ids,
                                            rules.latest_year, rules.authors_known)))])


class ArticleMemo:
    """Checked article files by path, each with the digest of the bytes it was checked from.

    Any change to the rules (an author, a file added or removed, the configuration) or to the
    code (``version``) starts it over. Call `start` before a build's files, `finish` after.
    """

    def __init__(self, version: str = "") -> None:
        self.version = version
        self.key: str | None = None  # rules and version the entries were checked under
        self.entries: dict[str, tuple[bytes, CheckedArticle]] = {}  # path -> (digest of its bytes, result)
        self.seen: set[str] = set()
        self.changed = False
        self.rules: SiteRules | None = None

    def start(self, rules: SiteRules) -> None:
        key = digest(FORMAT, [("rules", rules_key(rules)), ("version", self.version)])
        if key != self.key:
            self.key, self.entries, self.changed = key, {}, True
        self.rules, self.seen = rules, set()

    def check_all(self, files: Sequence[tuple[RawFile, str]]) -> list[CheckedArticle]:
        """Each (file, publication) checked, in order: only the files whose bytes changed (``parallel_checks``)."""
        assert self.rules is not None, "call start() first"
        keys = [hashlib.sha256(file.raw).digest() for file, _ in files]
        todo = [n for n, ((file, _), key) in enumerate(zip(files, keys))
                if (entry := self.entries.get(file.path)) is None or entry[0] != key]
        for n, checked in zip(todo, check_files([files[n] for n in todo], self.rules)):
            self.entries[files[n][0].path] = (keys[n], checked)
            self.changed = True
        self.seen.update(file.path for file, _ in files)
        return [self.entries[file.path][1] for file, _ in files]

    def finish(self) -> None:
        """Drop the files this build no longer has."""
        if self.entries.keys() - self.seen:
            self.entries = {path: entry for path, entry in self.entries.items() if path in self.seen}
            self.changed = True

    @classmethod
    def load(cls, store: Store, version: str) -> ArticleMemo:
        """The memo kept in `store` (our own cache: pickled records), or an empty one."""
        memo = cls(version)
        try:
            key, entries = pickle.loads(store.read(*ARTICLES) or b"")
            memo.key, memo.entries = key, entries
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            pass  # absent, unreadable or from other code: everything is checked again
        return memo

    def save(self, store: Store) -> None:
        """Only when it changed."""
        if self.changed:
            store.write(*ARTICLES, pickle.dumps((self.key, self.entries), protocol=pickle.HIGHEST_PROTOCOL))
            self.changed = False


class RelatedMemo:
    """Related lists reused while their inputs hold: between the live preview's rebuilds, and between builds on disk.

    The inputs are what `related_articles` reads: the order of the articles and each one's
    publication, section, tags, sources, title and description, the settings and the code
    (``version``). Editing an article's prose leaves them unchanged; the lists found for them
    are then mapped onto this build's records. At 10,000 articles this is most of what the
    related lists cost a rebuild.
    """

    def __init__(self) -> None:
        self.key: str | None = None
        self.found: dict[str, tuple[list[str], list[str]]] = {}

    def related(self, catalog: Catalog, *, limit: int, other_limit: int, threshold: float, version: str = "",
                store: Store | None = None) -> dict[str, Related]:
        """`related_articles`, from memory or from `store` when the inputs are the same."""
        inputs = [("settings", repr((limit, other_limit, threshold, version)))]
        inputs += [(a.src_path, repr((a.publication, a.section, a.tags, [s.url for s in a.further_reading], a.title, a.description)))
                   for a in catalog.articles]
        key = digest("press-related:1", inputs)
        if key != self.key and store is not None:
            self._load(store)
        if key != self.key:
            result = related_articles(catalog, limit=limit, other_limit=other_limit, threshold=threshold)
            self.key = key
            self.found = {src: ([a.src_path for a in r.same], [a.src_path for a in r.other]) for src, r in result.items()}
            if store is not None:
                store.write(*RELATED, json.dumps({"key": key, "found": self.found}, sort_keys=True).encode("utf-8"))
            return result
        by_src = catalog.by_src
        return {src: Related(tuple(by_src[s] for s in same), tuple(by_src[s] for s in other)) for src, (same, other) in self.found.items()}

    def _load(self, store: Store) -> None:
        try:
            data = json.loads(store.read(*RELATED) or b"")
            self.key, self.found = data["key"], {src: (same, other) for src, (same, other) in data["found"].items()}
        except (ValueError, KeyError, TypeError):
            pass  # absent or unreadable: computed again


def cached_card(spec: CardSpec, store: Store, key: str | None = None) -> tuple[Path, bool]:
    """The card's PNG in `store`, drawn only when it is not there yet: (path, whether it was drawn).

    `key` is `card_key(spec)` when the caller has it already. Two builds drawing the same card at
    once, or a build that stops half way, never leave a truncated PNG behind (`Store.write`); one that
    is truncated or garbled all the same is drawn again. A card whose background image cannot be read
    is drawn without it, under the same key, and the reason is kept beside it (`card_problem`), so every
    build that uses the card can say so, whichever process drew it.
    """
    key = key or card_key(spec)
    target = card_file(store, key)
    if intact(target):
        return target, False
    try:
        png = render_png(spec)
    except CardError as exc:
        store.write("cards", key, str(exc).encode("utf-8"), ".error")
        png = render_png(dataclasses.replace(spec, background=None))
    return store.write("cards", key, png, ".png"), True


class WholeCards:
    """The cached cards `intact` found whole, each with its file's size, modification time and inode.

    Reading and checking every card on every rebuild cost two seconds at 10,000 articles. A file cut
    short by a full disk changes its size, one written through a hard link into site/ its modification
    time, one replaced its inode: any of these, and the card is checked again (and drawn again if it is
    not whole). `save` keeps only the cards this build asked about.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        try:
            self.known: dict[str, list[int]] = json.loads(store.read(*WHOLE) or b"{}")
        except ValueError:
            self.known = {}  # unreadable: every card is checked again
        self.seen: dict[str, list[int]] = {}

    def whole(self, key: str) -> bool:
        """Whether card `key` is in the store, whole."""
        path = card_file(self.store, key)
        signature = _signature(path)
        if signature is None or (self.known.get(key) != signature and not intact(path)):
            return False
        self.seen[key] = signature
        return True

    def drawn(self, key: str, path: Path) -> None:
        """Card `key` was just written whole to `path`: the next build need not read it."""
        if (signature := _signature(path)) is not None:
            self.seen[key] = signature

    def save(self) -> None:
        if self.seen != self.known:
            self.store.write(*WHOLE, json.dumps(self.seen, sort_keys=True).encode("utf-8"), behind=True)
            self.known = dict(self.seen)


def _signature(path: Path) -> list[int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns, status.st_ino]


def card_problem(store: Store, key: str) -> str | None:
    """Why the background image of card `key` could not be drawn, if it could not."""
    message = store.read("cards", key, ".error")
    return None if message is None else message.decode("utf-8")


def card_file(store: Store, key: str) -> Path:
    """Where `cached_card` keeps the card of this key."""
    return store.path("cards", key, ".png")


def cached_image(src: str, data: bytes, store: Store, folder: str = "assets/images/") -> tuple[ResponsiveImage, int]:
    """The image's size and variants, encoding only those the store lacks (or holds damaged). Returns it and how many
    were encoded."""
    width, height, plans = variant_plans(data)
    variants, encoded = [], 0
    for plan in plans:
        cache_file = store.path("images", plan.key, ".webp")
        if not intact(cache_file):
            store.write("images", plan.key, encode_variant(data, plan.width, plan.height), ".webp")
            encoded += 1
        variants.append(Variant(plan.width, plan.height, f"{folder}{plan.key}.webp", cache_file))
    return ResponsiveImage(src, width, height, tuple(variants)), encoded
