"""``press check``'s report: the problems a build would stop on, for people, editors and CI.

Text is one ``path:line: field: message`` line per problem with its hint indented
below (the build's format, which editors and ``grep`` read); JSON is a list of
``{path, line, column, field, message, hint, severity}``. Warnings are reported too:
``make site`` builds with ``--strict``, where they fail the build as well.
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Iterable, Sequence

from ..content.problems import ContentError, plural


@dataclass(frozen=True)
class Problem:
    error: ContentError  # its path relative to the folder of mkdocs.yml (content/...)
    severity: str  # error | warning

    def text(self) -> str:
        error = self.error
        if self.severity == "warning":
            error = dataclasses.replace(error, message=f"warning: {error.message}")
        return str(error)

    def record(self) -> dict[str, object]:
        e = self.error
        return {"path": e.path, "line": e.line, "column": e.column, "field": e.field, "message": e.message, "hint": e.hint,
                "severity": self.severity}


def problems(errors: Iterable[ContentError], warnings: Iterable[ContentError], prefix: str) -> list[Problem]:
    """Errors and warnings in one list, by file and line, paths prefixed with the docs folder."""
    found = [Problem(dataclasses.replace(e, path=posixpath.join(prefix, e.path)), "error") for e in errors]
    found += [Problem(dataclasses.replace(w, path=posixpath.join(prefix, w.path)), "warning") for w in warnings]
    return sorted(found, key=lambda p: (p.error.path, p.error.line or 0, p.severity, p.error.sort_key()))


def within(found: Sequence[Problem], scopes: Sequence[PurePosixPath]) -> list[Problem]:
    """The problems of files at or under any of `scopes` (paths relative to the folder of mkdocs.yml)."""
    def inside(path: str) -> bool:
        where = PurePosixPath(path)
        return any(where == scope or scope in where.parents or scope == PurePosixPath(".") for scope in scopes)
    return [p for p in found if inside(p.error.path)]


def as_text(shown: Sequence[Problem]) -> str:
    return "".join(p.text() + "\n" for p in shown)


def as_json(shown: Sequence[Problem]) -> str:
    return json.dumps([p.record() for p in shown], indent=2, ensure_ascii=False) + "\n"


def summary(shown: Sequence[Problem], everywhere: Sequence[Problem], articles: int, scoped: bool) -> str:
    """One line: what was found, where, and what was left out of a scoped report."""
    checked = f"{plural(articles, 'article')} checked"
    if not shown:
        head = "no problems" + (" in the given paths" if scoped else "")
    else:
        errors = sum(p.severity == "error" for p in shown)
        warnings = len(shown) - errors
        kinds = " and ".join(part for part in (errors and plural(errors, "error"), warnings and plural(warnings, "warning")) if part)
        head = f"{kinds} in {plural(len({p.error.path for p in shown}), 'file')}"
    elsewhere = len(everywhere) - len(shown)
    tail = f"; {plural(elsewhere, 'more problem')} in other files" if elsewhere else ""
    return f"press check: {head} ({checked}){tail}"
