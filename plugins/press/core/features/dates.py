"""How a date reads on pages, cards and in structured data: one format everywhere."""

from __future__ import annotations

import datetime as dt


def date_view(when: dt.datetime | dt.date) -> dict[str, str]:
    """``{"iso": "2025-11-28T00:00:00-05:00", "display": "November 28, 2025"}``."""
    return {"iso": when.isoformat(), "display": f"{when:%B} {when.day}, {when.year}"}
