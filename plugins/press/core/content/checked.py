"""One article file checked on its own, and the memo that keeps the results between builds.

Parsing and validating front matter is most of what loading the content costs (about 0.7 ms an
article). The result depends only on the file's bytes, its publication, the rules it is checked
against and our code, so a file whose bytes are unchanged is not checked again: the live preview
keeps the results in memory between rebuilds, a build keeps them in ``.cache/press/articles.pickle``.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path

from ..incremental.atomic_write import write_atomically
from .citations import check_citations
from ..incremental.digest import digest
from .frontmatter import parse_document
from .links import find_links
from .model import Article
from .problems import ContentError
from .validate import SiteRules, count_words, validate_article

FORMAT = "press-checked:1"
ENCODING = "utf-8-sig"  # how parse_document reads a file


@dataclass(frozen=True)
class RawFile:
    path: str  # relative to the docs folder, with forward slashes
    raw: bytes


@dataclass(frozen=True)
class CheckedArticle:
    """What one article file gives the site: a pure function of its bytes, its publication and the rules."""

    article: Article | None  # None when a problem stops it
    body_start: int  # where the Markdown body starts in the decoded text: the body is not stored twice
    body_line: int
    problems: tuple[ContentError, ...]
    links: tuple[tuple[str, int], ...]  # (raw target, line) of every link in the body, for `check_links`

    def body(self, raw: bytes) -> str:
        return raw.decode(ENCODING)[self.body_start:]


def check_article_file(file: RawFile, publication: str, rules: SiteRules) -> CheckedArticle:
    """Parse, validate and check the citations of one article; nothing here looks at other files' contents."""
    doc, problems = parse_document(file.path, file.raw)
    if doc is None:
        return CheckedArticle(None, 0, 1, tuple(problems), ())
    start = len(file.raw.decode(ENCODING)) - len(doc.body)
    article, more = validate_article(doc, publication, rules, words=count_words(doc.body))
    problems += more
    if article is None or not doc.clean:  # a body with a forbidden character is never published, not even in preview
        return CheckedArticle(None, start, doc.body_line, tuple(problems), ())
    problems += check_citations(article, doc.body)
    return CheckedArticle(article, start, doc.body_line, tuple(problems), tuple(find_links(file.path, doc.body, doc.body_line)))


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

    def check(self, file: RawFile, publication: str) -> CheckedArticle:
        assert self.rules is not None, "call start() first"
        key = hashlib.sha256(file.raw).digest()
        self.seen.add(file.path)
        entry = self.entries.get(file.path)
        if entry is None or entry[0] != key:
            entry = self.entries[file.path] = (key, check_article_file(file, publication, self.rules))
            self.changed = True
        return entry[1]

    def finish(self) -> None:
        """Drop the files this build no longer has."""
        if self.entries.keys() - self.seen:
            self.entries = {path: entry for path, entry in self.entries.items() if path in self.seen}
            self.changed = True

    @classmethod
    def load(cls, path: Path, version: str) -> ArticleMemo:
        """The memo stored at ``path`` (our own cache: pickled records), or an empty one."""
        memo = cls(version)
        try:
            with open(path, "rb") as stored:
                key, entries = pickle.load(stored)
            memo.key, memo.entries = key, entries
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            pass  # absent, unreadable or from other code: everything is checked again
        return memo

    def save(self, path: Path) -> None:
        """Only when it changed."""
        if self.changed:
            write_atomically(path, pickle.dumps((self.key, self.entries), protocol=pickle.HIGHEST_PROTOCOL))
            self.changed = False
