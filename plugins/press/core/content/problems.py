"""Content problems as data, so a build can report all of them at once.

A `ContentError` names the file, the line (1-based, when known), the field
(a dotted path such as ``further_reading[1].url``), what was wrong and a hint
that tells the author what to write instead; a column (1-based) where one
character is the problem. Problems sort by file, then line (a problem of the
whole file, with no line, first), so one run's report reads top to bottom.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from typing import Iterable


@functools.total_ordering
@dataclass(frozen=True)
class ContentError:
    path: str
    line: int | None
    field: str
    message: str
    hint: str = ""
    column: int | None = None

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """A key with no None in it: comparing None with a line number raised TypeError."""
        return (self.path, self.line or 0, self.column or 0, self.field, self.message, self.hint)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ContentError):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def location(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.column}" if self.column else f"{self.path}:{self.line}"

    def headline(self) -> str:
        """The first line an author sees: ``path:line: field: message``."""
        field = f"{self.field}: " if self.field else ""
        return f"{self.location()}: {field}{self.message}"

    def __str__(self) -> str:
        return f"{self.headline()}\n  hint: {self.hint}" if self.hint else self.headline()


class ContentErrors(Exception):
    """Raised by core entry points that cannot return a result while problems remain."""

    def __init__(self, errors: Iterable[ContentError]):
        self.errors = sorted(errors)
        super().__init__(f"{len(self.errors)} content problem(s)")


def did_you_mean(word: str, known: Iterable[str], *, noun: str) -> str:
    """A hint naming the closest known value, then every known value."""
    choices = sorted(set(known))
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    listing = f"known {noun}: {', '.join(choices)}" if choices else f"no {noun} are defined"
    return f"did you mean '{close[0]}'? {listing}" if close else listing


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
