"""One date format everywhere: English month names, whatever the locale of the process."""

from __future__ import annotations

import datetime as dt
import locale

import pytest

from press.core.features.dates import date_view


@pytest.mark.parametrize("month", range(1, 13))
def test_a_date_reads_as_the_c_locale_writes_it(month: int) -> None:
    when = dt.datetime(2025, month, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    saved = locale.setlocale(locale.LC_TIME)
    locale.setlocale(locale.LC_TIME, "C")
    try:
        expected = when.strftime("%B") + " 3, 2025"
    finally:
        locale.setlocale(locale.LC_TIME, saved)
    assert date_view(when) == {"iso": f"2025-{month:02}-03T09:30:00-05:00", "display": expected}
    assert date_view(when.date())["display"] == expected
