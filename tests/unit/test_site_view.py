"""What every page shows of the whole site: the header's publications, the footer, the promos' heading."""

from __future__ import annotations

from press.core.content.model import Publication
from press.core.views import site_view

PUBLICATIONS = {"vera2": Publication("vera2", "Vera2")}


def test_the_promos_heading_names_the_site_unless_configured() -> None:
    assert site_view("North River Publications", PUBLICATIONS)["connect_heading"] == "Connect with North River Publications"
    assert site_view("NRP", PUBLICATIONS, "More from us")["connect_heading"] == "More from us"
    assert site_view("NRP", PUBLICATIONS)["publications"] == [{"id": "vera2", "title": "Vera2", "url": "vera2/"}]
