"""A Google News sitemap for a news publication: its articles of the last two days.

Google News reads ``<news:news>`` entries (publication name and language, publication
date, title) for articles published in the last two days, at most 1,000 of them, from a
sitemap named in robots.txt. "The last two days" runs back from the build date, the one
clock of a build, so a scheduled deployment brings the sitemap up to date. With no
article that recent there is no sitemap: the schema wants at least one ``<url>``, and
robots.txt names only a sitemap that exists.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import Iterable

from ..content.model import Article, Publication

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
WINDOW = dt.timedelta(days=2)
MAX_URLS = 1000
FILE = "news-sitemap.xml"  # in the publication's folder: vera2/news-sitemap.xml


def news_path(publication: Publication) -> str:
    return f"{publication.id}/{FILE}"


def recent(articles: Iterable[Article], now: dt.datetime) -> list[Article]:
    """Published articles of the last two days before `now`, newest first (the Catalog's order), at most MAX_URLS."""
    return [a for a in articles if not a.draft and now - WINDOW <= a.date <= now][:MAX_URLS]


def news_sitemap(articles: list[Article], publication: Publication, site_url: str, language: str) -> bytes:
    """The sitemap's bytes: one ``<url>`` with its ``<news:news>`` per article."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("news", NEWS_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for article in articles:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = site_url + article.url
        news = ET.SubElement(url, f"{{{NEWS_NS}}}news")
        source = ET.SubElement(news, f"{{{NEWS_NS}}}publication")
        ET.SubElement(source, f"{{{NEWS_NS}}}name").text = publication.title
        ET.SubElement(source, f"{{{NEWS_NS}}}language").text = language.split("-")[0].lower()
        ET.SubElement(news, f"{{{NEWS_NS}}}publication_date").text = article.date.isoformat()
        ET.SubElement(news, f"{{{NEWS_NS}}}title").text = article.title
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"
