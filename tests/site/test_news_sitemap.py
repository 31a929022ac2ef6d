"""The Vera2 news sitemap: its articles of the last two days by build date, valid, named in robots.txt."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from press.core.features.news_sitemap import NEWS_NS, SITEMAP_NS

from .builder import Fixture, article, make_fixture
from .test_social import SITE_URL, social_config

# The build date the tests pin (tests/conftest.py): 2025-12-01T00:00Z, 2025-11-30 19:00 in New York.
FILES = {
    "vera2/posts/2025/today.md": article("Today", date="2025-11-30T09:00:00-05:00"),
    "vera2/posts/2025/yesterday.md": article("Yesterday & <more>", date="2025-11-29T12:00:00-05:00", section="Politics"),
    "vera2/posts/2025/last-week.md": article("Last week", date="2025-11-24"),
    "vera2/posts/2025/draft.md": article("Draft", date="2025-11-30", extra="draft: true"),
    "vera2/posts/2025/tomorrow.md": article("Tomorrow", date="2025-12-02"),
    "dispatch/posts/2025/note.md": article("A note", date="2025-11-30", section=None),
}

# The parts of sitemaps.org's sitemap.xsd and Google's sitemap-news.xsd that these files use.
SITEMAP_XSD = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="{SITEMAP_NS}"
    xmlns="{SITEMAP_NS}" elementFormDefault="qualified">
  <xsd:import namespace="{NEWS_NS}" schemaLocation="news.xsd"/>
  <xsd:element name="urlset"><xsd:complexType><xsd:sequence>
    <xsd:element ref="url" maxOccurs="50000"/></xsd:sequence></xsd:complexType></xsd:element>
  <xsd:element name="url"><xsd:complexType><xsd:sequence>
    <xsd:element name="loc" type="xsd:anyURI"/>
    <xsd:element name="lastmod" type="xsd:string" minOccurs="0"/>
    <xsd:any namespace="##other" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>
  </xsd:sequence></xsd:complexType></xsd:element>
</xsd:schema>"""
NEWS_XSD = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="{NEWS_NS}"
    xmlns="{NEWS_NS}" elementFormDefault="qualified">
  <xsd:element name="news"><xsd:complexType><xsd:sequence>
    <xsd:element name="publication"><xsd:complexType><xsd:sequence>
      <xsd:element name="name" type="xsd:string"/>
      <xsd:element name="language"><xsd:simpleType><xsd:restriction base="xsd:language">
        <xsd:pattern value="zh-cn|zh-tw|([a-z]{{2,3}})"/></xsd:restriction></xsd:simpleType></xsd:element>
    </xsd:sequence></xsd:complexType></xsd:element>
    <xsd:element name="publication_date"><xsd:simpleType><xsd:restriction base="xsd:string">
      <xsd:pattern value="\\d{{4}}-\\d{{2}}-\\d{{2}}(T\\d{{2}}:\\d{{2}}(:\\d{{2}}(\\.\\d+)?)?(Z|[+\\-]\\d{{2}}:\\d{{2}}))?"/>
    </xsd:restriction></xsd:simpleType></xsd:element>
    <xsd:element name="title" type="xsd:string"/>
  </xsd:sequence></xsd:complexType></xsd:element>
</xsd:schema>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    root = tmp_path_factory.mktemp("news")
    fixture = make_fixture(root / "project", FILES, social_config(root / "cache", news_sitemaps=["vera2"]))
    fixture.build()
    return fixture


def test_the_news_sitemap_lists_the_last_two_days_of_vera2(site: Fixture) -> None:
    root = etree.fromstring((site.site / "vera2/news-sitemap.xml").read_bytes())
    ns = {"s": SITEMAP_NS, "n": NEWS_NS}
    assert root.xpath("s:url/s:loc/text()", namespaces=ns) == [SITE_URL + "vera2/2025/11/today/",
                                                               SITE_URL + "vera2/2025/11/yesterday/"]
    assert root.xpath("s:url/n:news/n:title/text()", namespaces=ns) == ["Today", "Yesterday & <more>"]
    assert root.xpath("s:url/n:news/n:publication_date/text()", namespaces=ns) == ["2025-11-30T09:00:00-05:00",
                                                                                  "2025-11-29T12:00:00-05:00"]
    assert set(root.xpath("s:url/n:news/n:publication/n:name/text()", namespaces=ns)) == {"Vera2"}
    assert set(root.xpath("s:url/n:news/n:publication/n:language/text()", namespaces=ns)) == {"en"}
    assert not (site.site / "dispatch/news-sitemap.xml").exists()


def test_the_news_sitemap_is_valid_against_the_schema(site: Fixture, tmp_path: Path) -> None:
    (tmp_path / "news.xsd").write_text(NEWS_XSD, encoding="utf-8")
    (tmp_path / "sitemap.xsd").write_text(SITEMAP_XSD, encoding="utf-8")
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "sitemap.xsd")))
    document = etree.parse(str(site.site / "vera2/news-sitemap.xml"))
    assert schema.validate(document), schema.error_log
    bad = etree.fromstring(f'<urlset xmlns="{SITEMAP_NS}" xmlns:n="{NEWS_NS}"><url><loc>x</loc><n:news><n:publication>'
                           "<n:name>V</n:name><n:language>English</n:language></n:publication>"
                           "<n:publication_date>Nov 30</n:publication_date><n:title>t</n:title></n:news></url></urlset>")
    assert not schema.validate(bad)  # the schema is strict enough to catch a wrong language and date


def test_robots_txt_names_the_news_sitemap(site: Fixture) -> None:
    assert (site.site / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\nSitemap: {SITE_URL}vera2/news-sitemap.xml\n")


def test_without_recent_articles_there_is_no_news_sitemap(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path / "p", {"vera2/posts/2025/old.md": article("Old", date="2025-11-01")},
                           social_config(tmp_path / "cache", news_sitemaps=["vera2"]))
    fixture.build()
    assert not (fixture.site / "vera2/news-sitemap.xml").exists()
    assert "news-sitemap" not in (fixture.site / "robots.txt").read_text(encoding="utf-8")
