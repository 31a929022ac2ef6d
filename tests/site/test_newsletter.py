"""Newsletter-ready: each provider's signup form (golden, and submitted to a local stand-in), the confirmation
pages the providers send new subscribers to, and each publication's email feed for RSS-to-email."""

from __future__ import annotations

import io
import logging
import re
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, Iterator

import feedparser
import pytest
from lxml import html as lxml_html
from PIL import Image

from mkdocs.exceptions import Abort, PluginError

from .builder import Fixture, article, base_config, make_fixture
from .feed_rules import problems

GOLDENS = Path(__file__).parent / "goldens"
COLORS = {"dispatch": "#7a2e1f", "vera2": "#1f3a7a"}
CTAS = {
    "letters": {"heading": "Letters from J.T.", "provider": "buttondown", "username": "jtmercer",
                "hidden": {"tag": "dispatch"}, "consent": "Monthly."},
    "briefing": {"heading": "The Briefing", "provider": "kit", "form_id": "7654321",
                 "confirmation": "One more step: confirm your address.\n\nThe Briefing comes every Friday."},
    "chimp": {"heading": "Court watch", "provider": "mailchimp", "server": "us21", "u": "0a1b2c3d4e5f60718293a4b5c",
              "id": "9f8e7d6c5b", "button": "Join"},
    "generic": {"heading": "Anything <else>", "action": "https://lists.example.com/subscribe", "hidden": {"list": "x"},
                "return_field": "redirect"},
}


def chart() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1200, 800), (40, 80, 120)).save(out, "PNG")
    return out.getvalue()


FILES: dict[str, str | bytes] = {
    "dispatch/posts/2025/note.md": article("A note", section=None, body="A note from the desk."),
    "vera2/posts/2025/cable.md": article("The cable", extra="""\
        cta: chimp
        image: ../images/chart.png
        image_alt: A chart
        image_caption: What the cable says.
        further_reading:
          - publisher: Reuters
            title: "A source"
            url: https://www.reuters.com/x
        """, body=(
        "The cable says so. [@reuters]\n\n![A chart](../images/chart.png)\n\n"
        # Scripts, frames, forms and style= are content errors in a body (test_raw_html); email_html's removal of
        # them is unit-tested. What a body may carry and email still drops: classes and embedded media.
        '<p class="loud">Styled.</p>\n\n'
        '<video src="https://video.example/1.mp4" title="A video"></video>\n\n'
        "See [the plain story](plain.md).\n")),
    "vera2/posts/2025/generic.md": article("Generic", date="2025-11-19", extra="cta: generic"),
    "vera2/posts/2025/plain.md": article("Plain", date="2025-11-18"),
    "vera2/posts/images/chart.png": chart(),
}


def newsletter_config() -> dict[str, Any]:
    config = base_config()
    press = config["plugins"][0]["press/articles"]
    press["ctas"] = CTAS
    press["publications"]["dispatch"]["cta"] = "letters"
    press["publications"]["vera2"]["cta"] = "briefing"
    config["plugins"].append({"press/social": {"colors": COLORS}})
    return config


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    fixture = make_fixture(tmp_path_factory.mktemp("newsletter"), FILES, newsletter_config())
    fixture.build()
    return fixture


def doc(fixture: Fixture, url: str) -> Any:
    return lxml_html.fromstring(fixture.page(url))


def form_of(fixture: Fixture, url: str) -> Any:
    [form] = doc(fixture, url).xpath('//section[@class="press-cta"]//form')
    return form


PAGES = {"letters": "dispatch/2025/11/note", "briefing": "vera2/2025/11/plain", "chimp": "vera2/2025/11/cable",
         "generic": "vera2/2025/11/generic"}
EMAIL = "reader@example.com"


def section_html(fixture: Fixture, url: str) -> str:
    [section] = doc(fixture, url).xpath('//section[@class="press-cta"]')
    return lxml_html.tostring(section, encoding="unicode", with_tail=False) + "\n"


@pytest.mark.parametrize("cta", sorted(PAGES))
def test_each_form_matches_its_golden(site: Fixture, cta: str, update_goldens: bool) -> None:
    actual = section_html(site, PAGES[cta])
    golden = GOLDENS / f"cta-{cta}.html"
    if update_goldens:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), f"the {cta} form differs from {golden} (--update-goldens)"


class StandIn(BaseHTTPRequestHandler):
    """A provider's endpoint on 127.0.0.1: records what a browser would send, answers 200."""

    received: list[dict[str, Any]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        self._record("post", urllib.parse.parse_qs(body, keep_blank_values=True))

    def do_GET(self) -> None:  # noqa: N802
        self._record("get", {})

    def _record(self, method: str, fields: dict[str, list[str]]) -> None:
        url = urllib.parse.urlsplit(self.path)
        StandIn.received.append({"method": method, "path": url.path, "fields": fields,
                                 "query": urllib.parse.parse_qs(url.query, keep_blank_values=True)})
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def stand_in() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), StandIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def submit(form: Any, stand_in: str) -> tuple[str, dict[str, Any]]:
    """Send the form as a browser does when the reader types an address and presses the button, to the stand-in
    instead of the provider's host: the host it would go to, and what the stand-in received."""
    fields = [(i.get("name"), EMAIL if i.get("type") == "email" else i.get("value") or "") for i in form.xpath(".//input")]
    action = urllib.parse.urlsplit(form.get("action"))
    target = stand_in + action.path + (f"?{action.query}" if action.query else "")
    StandIn.received.clear()
    data = urllib.parse.urlencode(fields).encode("utf-8")
    assert form.get("method") == "post"
    urllib.request.urlopen(urllib.request.Request(target, data=data, method="POST"), timeout=10).close()
    [request] = StandIn.received
    return action.netloc, request


def test_buttondown_gets_its_embed_form(site: Fixture, stand_in: str) -> None:
    host, request = submit(form_of(site, PAGES["letters"]), stand_in)
    assert (host, request["path"]) == ("buttondown.com", "/api/emails/embed-subscribe/jtmercer")
    assert request["fields"] == {"embed": ["1"], "tag": ["dispatch"], "email": [EMAIL],
                                 "metadata__source": ["https://fixture.example/dispatch/2025/11/note/"]}


def test_kit_gets_its_form(site: Fixture, stand_in: str) -> None:
    host, request = submit(form_of(site, PAGES["briefing"]), stand_in)
    assert (host, request["path"], request["fields"]) == ("app.kit.com", "/forms/7654321/subscriptions",
                                                         {"email_address": [EMAIL]})


def test_mailchimp_gets_its_form_and_an_empty_trap(site: Fixture, stand_in: str) -> None:
    host, request = submit(form_of(site, PAGES["chimp"]), stand_in)
    assert (host, request["path"]) == ("us21.list-manage.com", "/subscribe/post")
    assert request["query"] == {"u": ["0a1b2c3d4e5f60718293a4b5c"], "id": ["9f8e7d6c5b"]}
    assert request["fields"] == {"b_0a1b2c3d4e5f60718293a4b5c_9f8e7d6c5b": [""], "EMAIL": [EMAIL]}


def test_the_generic_form_sends_the_confirmation_page_as_its_return_field(site: Fixture, stand_in: str) -> None:
    host, request = submit(form_of(site, PAGES["generic"]), stand_in)
    assert (host, request["path"]) == ("lists.example.com", "/subscribe")
    assert request["fields"] == {"list": ["x"], "source": ["https://fixture.example/vera2/2025/11/generic/"],
                                 "redirect": ["https://fixture.example/subscribed/generic/"], "website": [""],
                                 "email": [EMAIL]}
    assert (site.site / "subscribed/generic/index.html").is_file()


@pytest.mark.parametrize("cta, brand, color, text, back", [
    ("letters", "NRP Dispatch", COLORS["dispatch"], [
        "We have sent you an email: open it and confirm your address to finish signing up. If it has not arrived "
        "in a few minutes, look in your spam or promotions folder."], ("../../dispatch/", "Back to NRP Dispatch")),
    ("briefing", "Vera2", COLORS["vera2"], ["One more step: confirm your address.", "The Briefing comes every Friday."],
     ("../../vera2/", "Back to Vera2")),
    ("chimp", "Fixture", "#263238", None, ("../..", "Back to the home page")),  # no publication's default: the site's
])
def test_confirmation_pages_wear_their_publication_and_say_what_happens_next(
        site: Fixture, cta: str, brand: str, color: str, text: list[str] | None, back: tuple[str, str]) -> None:
    raw = site.page(f"subscribed/{cta}")
    page = lxml_html.fromstring(raw)
    [block] = page.xpath('//div[@class="press-confirmation"]')
    assert block.xpath("h1/text()") == ["Thank you for signing up"]
    assert block.xpath('p[@class="press-dek"]/text()') == [CTAS[cta]["heading"]]
    paragraphs = block.xpath("p[not(@class) and not(a)]/text()")
    assert paragraphs == (text or paragraphs) and paragraphs
    assert [(a.get("href"), a.text) for a in block.xpath("p/a")] == [back]
    assert page.xpath('//a[@class="press-wordmark"]/text()') == [brand]
    assert f"--press-brand: {color};" in raw
    assert page.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert page.xpath("//title/text()") == [f"Thank you for signing up | {brand}"]
    assert not page.xpath("//*[@data-pagefind-body]")  # Pagefind indexes only marked pages


def test_confirmation_pages_stay_out_of_the_sitemap(site: Fixture) -> None:
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "subscribed" not in sitemap and "https://fixture.example/vera2/2025/11/cable/" in sitemap


def test_the_email_feed_matches_its_golden(site: Fixture, update_goldens: bool) -> None:
    actual = (site.site / "vera2/email.xml").read_text(encoding="utf-8")
    golden = GOLDENS / "vera2-email.xml"
    if update_goldens:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), f"vera2/email.xml differs from {golden} (--update-goldens)"


def test_each_publication_has_an_email_feed_with_the_items_of_its_rss_feed(site: Fixture) -> None:
    assert sorted(str(p.relative_to(site.site)) for p in site.site.rglob("email.xml")) == ["dispatch/email.xml", "vera2/email.xml"]
    for pub in ("dispatch", "vera2"):
        email = feedparser.parse((site.site / pub / "email.xml").read_bytes())
        rss = feedparser.parse((site.site / pub / "feed.xml").read_bytes())
        assert (email.bozo, email.version) == (0, "rss20")
        assert problems((site.site / pub / "email.xml").read_bytes(), f"https://fixture.example/{pub}/email.xml") == []
        assert [(e.id, e.link, e.title) for e in email.entries] == [(e.id, e.link, e.title) for e in rss.entries]
        assert [link.href for link in email.feed.links if link.rel == "self"] == [f"https://fixture.example/{pub}/email.xml"]


def test_email_content_is_what_email_clients_show(site: Fixture) -> None:
    [cable] = [e for e in feedparser.parse((site.site / "vera2/email.xml").read_bytes()).entries if e.title == "The cable"]
    content = cable.content[0].value
    for gone in ("<script", "alert(1)", "<iframe", "<form", "<input", "<button", "style=", "class=", "onclick", "srcset",
                 "data-"):
        assert gone not in content, gone
    for ref in re.findall(r'(?:href|src)="([^"]*)"', content):
        assert ref.startswith(("https://", "mailto:")), ref
    images = lxml_html.fragment_fromstring(content, create_parent="div").xpath("//img")
    assert [(i.get("src"), i.get("width"), i.get("height")) for i in images] == [
        ("https://fixture.example/vera2/posts/images/chart.png", "600", "400"),  # the hero, 1200 x 800
        ("https://fixture.example/vera2/posts/images/chart.png", "600", "400")]  # the same picture in the body
    text = " ".join(lxml_html.fragment_fromstring(content, create_parent="div").text_content().split())
    assert "The cable says so. (Reuters)" in text  # the chip, as plain linked text
    assert "Court watch: sign up on the article's page" in text  # the call to action, as a link
    assert "This part of the article plays on its page: open it on the site." in text  # the video
    assert '<a href="https://fixture.example/vera2/2025/11/cable/#source-reuters">Reuters</a>' in content
    assert '<a href="https://fixture.example/vera2/2025/11/cable/#press-cta-chimp">' in content


def test_the_email_feed_is_linked_from_no_page(site: Fixture) -> None:
    for page in site.site.rglob("*.html"):
        assert "email.xml" not in page.read_text(encoding="utf-8"), page
    assert "email.xml" not in (site.site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_file_at_a_confirmation_url_is_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {**FILES, "subscribed/letters/index.md": "# Mine\n"}, newsletter_config())
    with pytest.raises((Abort, PluginError)):
        fixture.build()
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR] == ["press/articles: content/subscribed/letters/index.md: takes the URL /subscribed/letters/ "
                                 "of the confirmation page of call to action 'letters'; move the file: the provider sends "
                                 "new subscribers to that page"]


def test_the_email_feed_keeps_the_whole_article_where_the_publication_feeds_carry_summaries(tmp_path: Path) -> None:
    config = newsletter_config()
    [feeds] = [p for p in config["plugins"] if isinstance(p, dict) and "press/feeds" in p]
    feeds["press/feeds"]["scopes"] = {"publication": {"content": "summary"}}
    fixture = make_fixture(tmp_path, FILES, config)
    fixture.build()
    item = lambda name: next(e for e in feedparser.parse((fixture.site / "vera2" / name).read_bytes()).entries  # noqa: E731
                             if e.title == "The cable").content[0].value
    assert "Read \u201cThe cable\u201d" in item("feed.xml") and "The cable says so." not in item("feed.xml")
    assert "The cable says so." in item("email.xml")
