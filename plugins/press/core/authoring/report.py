"""``press check``'s report: the problems a build would stop on, for people, editors and CI.

Text is one ``path:line: field: message`` line per problem with its hint indented
below (the build's format, which editors and ``grep`` read); JSON is a list of
``{path, line, column, field, message, hint, severity}``; GitHub is one workflow command
per problem (``::error file=...,line=...,title=field::message``), which the Actions runner
turns into an annotation on the pull request's diff. Warnings are reported too:
``make site`` builds with ``--strict``, where they fail the build as well.

Text and GitHub also list the scheduled articles and when each goes live, so a reviewer
sees that an article dated 09:30 is waiting and for what: they are not problems.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import posixpath
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Iterable, Sequence

from ..content.model import Article
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


@dataclass(frozen=True)
class Scheduled:
    """An article a build leaves out until its date: the deploy after `live` publishes it."""

    path: str  # relative to the folder of mkdocs.yml
    line: int  # of its date
    live: dt.datetime  # in the site's time zone

    def text(self) -> str:
        return f"scheduled: {self.path} {self.going_live()}"

    def going_live(self) -> str:
        return f"goes live {self.live:%Y-%m-%d %H:%M %Z} (first deploy after)"


def scheduled(hidden: Iterable[Article], now: dt.datetime, timezone: dt.tzinfo, prefix: str) -> list[Scheduled]:
    """The articles of `hidden` (`Site.hidden`: what the build left out) dated after `now`, soonest first.

    Drafts wait for an edit, not a date; an article left out as a duplicate is an error, reported as one.
    """
    waiting = [Scheduled(posixpath.join(prefix, a.src_path), a.line_of("date"), a.date.astimezone(timezone))
               for a in hidden if not a.draft and a.is_scheduled(now)]
    return sorted(waiting, key=lambda s: (s.live, s.path))


def _inside(path: str, scopes: Sequence[PurePosixPath]) -> bool:
    where = PurePosixPath(path)
    return any(where == scope or scope in where.parents or scope == PurePosixPath(".") for scope in scopes)


def within(found: Sequence[Problem], scopes: Sequence[PurePosixPath]) -> list[Problem]:
    """The problems of files at or under any of `scopes` (paths relative to the folder of mkdocs.yml)."""
    return [p for p in found if _inside(p.error.path, scopes)]


def scheduled_within(waiting: Sequence[Scheduled], scopes: Sequence[PurePosixPath]) -> list[Scheduled]:
    return [s for s in waiting if _inside(s.path, scopes)]


def as_text(shown: Sequence[Problem], waiting: Sequence[Scheduled] = ()) -> str:
    return "".join(p.text() + "\n" for p in shown) + "".join(s.text() + "\n" for s in waiting)


def as_json(shown: Sequence[Problem]) -> str:
    return json.dumps([p.record() for p in shown], indent=2, ensure_ascii=False) + "\n"


def as_github(shown: Sequence[Problem], waiting: Sequence[Scheduled] = (), *, repo_prefix: str = "") -> str:
    """One workflow command per problem (``::error`` or ``::warning``) and per scheduled article (``::notice``).

    `repo_prefix` is the folder of mkdocs.yml within the repository ("" at its root): the runner places an
    annotation by a path from the repository's root. The hint is the message's second line.
    """
    lines = []
    for p in shown:
        e = p.error
        message = f"{e.message}\nhint: {e.hint}" if e.hint else e.message
        lines.append(workflow_command(p.severity, message, file=posixpath.join(repo_prefix, e.path), line=e.line,
                                      col=e.column, title=e.field))
    for s in waiting:
        lines.append(workflow_command("notice", s.going_live(), file=posixpath.join(repo_prefix, s.path), line=s.line,
                                      title="scheduled"))
    return "".join(line + "\n" for line in lines)


def workflow_command(command: str, message: str, **properties: str | int | None) -> str:
    """``::command key=value,...::message`` with GitHub's escaping, leaving out properties that are None or "".

    A message escapes ``%``, CR and LF (``%25``, ``%0D``, ``%0A``); a property value ``:`` and ``,`` as well
    (``%3A``, ``%2C``), since they end a value. Unescaped, a newline in a message from a content file would end
    the command, and the runner would read the next line as a command of the file's choosing.
    """
    given = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items() if value not in (None, ""))
    return f"::{command}{' ' + given if given else ''}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


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
