"""Inline citations in Pandoc's syntax, checked against an article's further reading.

``[@reuters]`` cites one source, ``[@reuters; @ap-news]`` several. Keys are the
``id`` of a ``further_reading`` entry (by default the slug of its publisher).
Citations inside code spans and fenced or indented code blocks are text, not
citations. This module finds them with their line numbers so that an unknown
key is reported with every other content problem before anything renders;
``press.mdx.citations`` turns them into chips when the page renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Mapping

from .model import Article, Source
from .problems import ContentError, did_you_mean
from .prose import prose_lines

KEY = r"[A-Za-z0-9][\w.:-]*"
CITATION = re.compile(rf"\[\s*(@{KEY}(?:\s*;\s*@{KEY})*)\s*\]")


@dataclass(frozen=True)
class Citation:
    keys: tuple[str, ...]
    line: int


def parse_keys(group: str) -> tuple[str, ...]:
    """``"@a; @b"`` -> ``("a", "b")``."""
    return tuple(part.strip()[1:] for part in group.split(";"))


def find_citations(markdown: str, first_line: int = 1) -> Iterator[Citation]:
    """Every citation of a Markdown body outside code, with its line in the file."""
    for number, line in prose_lines(markdown, first_line):
        for match in CITATION.finditer(line):
            yield Citation(parse_keys(match.group(1)), number)


def check_citations(article: Article, markdown: str) -> list[ContentError]:
    """Unknown keys are errors naming the keys this article does define."""
    known = {source.id for source in article.further_reading}
    errors = []
    for citation in find_citations(markdown, article.body_line):
        for key in citation.keys:
            if key not in known:
                hint = did_you_mean(key, known, noun="keys in this article's further_reading") if known else \
                    "this article has no further_reading: add the source there (publisher, title, url)"
                errors.append(ContentError(article.src_path, citation.line, "citation", f"unknown source key '@{key}'", hint))
    return errors


def chip_text(keys: tuple[str, ...], sources: Mapping[str, Source]) -> tuple[str, str, tuple[str, ...]] | None:
    """``("Reuters", "+1", ("Reuters", "AP News"))``: first publisher, the rest counted, every name.

    Repeated keys count once. None when a key is unknown (already reported as a content error).
    """
    unique = tuple(dict.fromkeys(keys))
    if not unique or any(key not in sources for key in unique):
        return None
    names = tuple(sources[key].publisher for key in unique)
    more = f"+{len(unique) - 1}" if len(unique) > 1 else ""
    return names[0], more, names
