"""Content problems as data, so a build can report all of them at once.

A `ContentError` names the file, the line (1-based, when known), the field
(a dotted path such as ``further_reading[1].url``), what was wrong and a hint
that tells the author what to write instead.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int | None
    field: str
    message: str
    hint: str = ""

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

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
