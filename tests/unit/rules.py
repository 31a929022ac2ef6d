"""The site rules unit tests validate against: two publications, two authors, one image."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from press.core.content.model import Author, Publication
from press.core.content.validate import SiteRules

PUBLICATIONS = {
    "dispatch": Publication("dispatch", "NRP Dispatch", "", ("Commentary", "Author Updates", "Writing Process")),
    "vera2": Publication("vera2", "Vera2", "", ("Politics", "Civil Society", "Global Affairs", "Courts", "Technology"), True),
}
AUTHORS = {
    "jt-mercer": Author("jt-mercer", "J.T. Mercer"),
    "dana-okafor": Author("dana-okafor", "Dana Okafor"),
}
RULES = SiteRules(PUBLICATIONS, AUTHORS, ZoneInfo("America/New_York"),
                  frozenset({"vera2/posts/images/cable.jpg", "authors.yml"}), frozenset({"free-chapter", "vera2-briefing"}),
                  latest_year=2026)
