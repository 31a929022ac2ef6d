"""One article file checked on its own (``press.core.incremental.memos.ArticleMemo`` keeps the results between builds).

Parsing and validating front matter is most of what loading the content costs (about 0.7 ms an
article). The result depends only on the file's bytes, its publication, the rules it is checked
against and our code, so a file whose bytes are unchanged is not checked again: the live preview
keeps the results in memory between rebuilds, a build keeps them in ``.cache/press/articles.pickle``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .citations import check_citations
from .frontmatter import parse_document
from .links import find_links
from .model import Article
from .problems import ContentError
from .raw_html import raw_html_errors
from .reading_time import reading_minutes
from .validate import SiteRules, validate_article

FORMAT = "press-checked:2"  # 2: raw HTML in the body is checked
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
    article, more = validate_article(doc, publication, rules, minutes=reading_minutes(doc.body))
    problems += more
    if article is None or not doc.clean:  # a body with a forbidden character is never published, not even in preview
        return CheckedArticle(None, start, doc.body_line, tuple(problems), ())
    problems += check_citations(article, doc.body)
    problems += raw_html_errors(file.path, doc.body, doc.body_line)
    return CheckedArticle(article, start, doc.body_line, tuple(problems), tuple(find_links(file.path, doc.body, doc.body_line)))
