"""`press check`'s report formats: GitHub workflow commands (golden) and the list of scheduled articles."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from press.core.authoring import report
from press.core.content.model import Article
from press.core.content.problems import ContentError

NEW_YORK = ZoneInfo("America/New_York")
NOW = dt.datetime(2025, 11, 1, tzinfo=dt.timezone.utc)


def article(src: str, date: str, *, draft: bool = False) -> Article:
    return Article(src, "vera2", "x", "vera2/x/", "X", "A dek.", dt.datetime.fromisoformat(date), ("jt-mercer",),
                   draft=draft, lines=(("", 2), ("date", 4)))


HOSTILE = ContentError("vera2/posts/2025/a, b.md", 7, "further_reading[1].url",
                       "expected an absolute http(s) URL, got '50%\nreuters.com/x: a, b'\r", "copy the full address, starting with https://")

GOLDEN = (
    "::error file=content/vera2/posts/2025/a%2C b.md,line=7,title=further_reading[1].url::expected an absolute http(s) URL, "
    "got '50%25%0Areuters.com/x: a, b'%0D%0Ahint: copy the full address, starting with https://\n"
    "::warning file=content/vera2/posts/2025/c.md,line=3,col=12,title=link::links to d.md, which is a draft\n"
    "::error file=content/vera2/posts/2025/e.md::no front matter\n"
    "::notice file=content/vera2/posts/2025/x.md,line=4,title=scheduled::goes live 2025-11-28 09:30 EST (first deploy after)\n"
)


def test_github_format_escapes_messages_and_property_values() -> None:
    found = report.problems([HOSTILE, ContentError("vera2/posts/2025/e.md", None, "", "no front matter")],
                            [ContentError("vera2/posts/2025/c.md", 3, "link", "links to d.md, which is a draft", column=12)], "content")
    waiting = report.scheduled([article("vera2/posts/2025/x.md", "2025-11-28T09:30:00-05:00")], NOW, NEW_YORK, "content")
    assert report.as_github(found, waiting) == GOLDEN
    # Each command is one line: nothing a content file writes can start a line of its own for the runner.
    assert len(report.as_github(found, waiting).splitlines()) == 4


def test_github_paths_start_at_the_repository_root() -> None:
    found = report.problems([ContentError("vera2/a.md", 1, "title", "is required")], [], "content")
    assert report.as_github(found, repo_prefix="site,one") == "::error file=site%2Cone/content/vera2/a.md,line=1,title=title::is required\n"


def test_workflow_command_property_values_escape_colon_and_comma_messages_do_not() -> None:
    assert report.workflow_command("error", "a: b, c 100%", file="C:,x", title="t:1") == "::error file=C%3A%2Cx,title=t%3A1::a: b, c 100%25"
    assert report.workflow_command("notice", "done") == "::notice::done"


def test_scheduled_articles_are_listed_soonest_first_in_the_site_time_zone_without_drafts() -> None:
    hidden = [article("vera2/posts/b.md", "2025-12-01T14:30:00+00:00"), article("vera2/posts/a.md", "2025-11-28T09:30:00-05:00"),
              article("vera2/posts/draft.md", "2025-12-01T00:00:00-04:00", draft=True),
              article("vera2/posts/duplicate.md", "2025-10-31T20:00:00-04:00")]  # left out as a duplicate, not for its date
    waiting = report.scheduled(hidden, NOW, NEW_YORK, "content")
    assert report.as_text([], waiting) == (
        "scheduled: content/vera2/posts/a.md goes live 2025-11-28 09:30 EST (first deploy after)\n"
        "scheduled: content/vera2/posts/b.md goes live 2025-12-01 09:30 EST (first deploy after)\n")
