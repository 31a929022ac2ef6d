"""How a date reads on pages, cards and in structured data: one format everywhere."""

from __future__ import annotations

import datetime as dt

# English month names, whatever the process's locale, and without a strftime per date: every card of every
# listing page shows one, 160,000 of them a build at 10,000 articles.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def date_view(when: dt.datetime | dt.date) -> dict[str, str]:
    """``{"iso": "2025-11-28T00:00:00-05:00", "display": "November 28, 2025"}``."""
    return {"iso": when.isoformat(), "display": f"{MONTHS[when.month - 1]} {when.day}, {when.year}"}
