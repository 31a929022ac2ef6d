"""Hostile strings in every field an author writes that reaches output: each is a clear content error, or inert.

One fixture site per payload (every field at once, so a payload costs one build). A payload that is refused
must be refused with content errors naming file and line, never a traceback; one that builds must leave
every HTML page without an injected element, event-handler attribute or ``javascript:`` URL, and without
``{{ 7*7 }}`` evaluated; every feed must be well-formed XML and every JSON-LD block must load.

The image file name and the section name (mkdocs.yml) are covered by ``test_attribute_escaping``, the RSS
description by ``test_feeds``; an avatar URL or path is refused like every URL field below. Raw HTML in an
article body is ``test_raw_html``'s.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from press.adapters.building import build_atomically
from press.core.content.links import unsafe_scheme

from .builder import AUTHORS_YML, base_config, make_fixture

PAYLOADS = {
    "script": "<script>alert(1)</script> Breaking",
    "attribute": '" onerror="alert(1)" x=\' onmouseover=\'alert(2)',
    "cdata": "x]]><injected/>y",
    "rtl": "Report \u202egnp.exe",
    "jinja": "{{ 7*7 }} {% if true %}yes{% endif %} {# c #}",
    "javascript": "javascript:alert(1)",
    "control": "tab\tvertical\x0bform\x0cescape\x1b",
    "long": "W" * 10_000,
}
# The payloads refused, with the fields their errors name; the others build. A reading list naming an article
# left out for its errors says so (items[0].path: "... has errors of its own"); escaped control characters are
# dropped from the values they are reported in, so that article is still listed.
REFUSED = {
    "control": {"title", "description", "tags[0]", "image_alt", "image_caption", "image_credit",
                "further_reading[0].publisher", "further_reading[0].title",
                "corrections[0].text", "authors.hostile.name", "authors.hostile.description", "authors.hostile.bio",
                "items[0].note"},
    "long": {"title", "description", "tags[0]", "image_caption", "image_credit", "items[0].path"},
}


def q(text: str) -> str:
    """A YAML scalar that reads back as `text` (JSON is YAML)."""
    return json.dumps(text)


def hostile_site(root: Path, payload: str):
    config = base_config()
    config["plugins"][0]["press/articles"]["publications"]["vera2"]["sections"] = ["Courts"]
    article = "\n".join([
        "---",
        f"title: {q(payload)}",
        f"description: {q(payload)}",
        "date: 2025-11-20",
        "authors: [hostile]",
        "categories: [Courts]",
        f"tags: [{q(payload + ' tag')}]",
        "image: images/photo.png",
        f"image_alt: {q(payload)}",
        f"image_caption: {q(payload)}",
        f"image_credit: {q(payload)}",
        "further_reading:",
        f"  - publisher: {q(payload)}",
        f"    title: {q(payload)}",
        "    url: https://example.com/source",
        "corrections:",
        "  - date: 2025-11-21",
        f"    text: {q(payload)}",
        "---",
        "",
        "Body text. (Raw HTML in a body is test_raw_html's.)",
        "",
    ])
    authors = AUTHORS_YML + "\n".join([
        "  hostile:",
        f"    name: {q(payload + ' Name')}",
        f"    description: {q(payload)}",
        f"    bio: {q(payload)}",
        "",
    ])
    reading_list = "\n".join(["---", f"title: {q(payload)}", "items:", "  - path: vera2/posts/2025/hostile.md",
                              f"    note: {q(payload)}", "---", ""])
    from tests.unit.test_images import png  # one small valid PNG

    fixture = make_fixture(root, {"vera2/posts/2025/hostile.md": article, "reading-lists/hostile.md": reading_list,
                                  "vera2/posts/2025/images/photo.png": png(640, 360)}, config)
    fixture.write("authors.yml", authors)
    return fixture


def check_html(path: Path, payload: str) -> None:
    tree = lxml.html.fromstring(path.read_bytes())
    for element in tree.iter(lxml.etree.Element):
        assert element.tag != "injected", f"{path}: an injected element"
        handlers = [name for name in element.attrib if name.lower().startswith("on")]
        assert not handlers, f"{path}: <{element.tag}> has {handlers}"
        for name in ("href", "src", "action", "formaction"):
            value = element.get(name)
            assert value is None or not unsafe_scheme(value) or value.startswith("data:image/"), f"{path}: {name}={value!r}"
        if element.tag == "script":
            text = element.text or ""
            assert "alert(" not in text or element.get("type") == "application/ld+json", f"{path}: an injected script"
            if element.get("type") == "application/ld+json":
                json.loads(text)


def check_feed(path: Path) -> None:
    tree = lxml.etree.fromstring(path.read_bytes())  # well-formed, or it raises
    assert not [e for e in tree.iter() if isinstance(e.tag, str) and e.tag.endswith("injected")], f"{path}: an injected element"


@pytest.mark.parametrize("name", PAYLOADS)
def test_a_hostile_string_in_every_field(name: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    payload = PAYLOADS[name]
    fixture = hostile_site(tmp_path, payload)
    content = {p: p.read_bytes() for p in (tmp_path / "content").rglob("*") if p.is_file()}
    with caplog.at_level(logging.INFO):
        built = build_atomically(tmp_path / "mkdocs.yml")
    assert {p: p.read_bytes() for p in (tmp_path / "content").rglob("*") if p.is_file()} == content
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and r.getMessage().startswith("press: ")]
    assert "Traceback" not in caplog.text
    if name in REFUSED:
        assert not built and not fixture.site.exists()
        fields = {m.split("\n")[0].split(": ")[2] if m.count(": ") >= 3 else "" for m in problems}
        assert fields == REFUSED[name], problems
        assert all(m.startswith("press: content/") for m in problems)
        return
    assert built, problems
    pages = sorted(fixture.site.rglob("*.html"))
    assert pages
    for page in pages:
        check_html(page, payload)
    for feed in sorted(fixture.site.rglob("*.xml")):
        check_feed(feed)
    article = lxml.html.fromstring(fixture.page("vera2/2025/11/hostile").encode())
    assert payload.strip() in article.findtext(".//h1").strip() or payload in "".join(article.xpath("//h1//text()"))


URL_FIELDS = {  # where each URL goes, and the field its error names
    "avatar": "authors.hostile.avatar",
    "links": "authors.hostile.links.website",
    "further_reading": "further_reading[0].url",
}


@pytest.mark.parametrize("name", PAYLOADS)
def test_a_hostile_string_in_every_url_field_is_refused(name: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """URLs go into attributes: one with a quote, a bracket, a space or a scheme but http(s) is an error, not escaped."""
    from press.cli import main

    payload = PAYLOADS[name]
    url = payload if name == "javascript" else "https://example.com/a?" + payload
    fixture = hostile_site(tmp_path, "A plain headline")
    article = (tmp_path / "content/vera2/posts/2025/hostile.md").read_text().replace("https://example.com/source", q(url))
    fixture.write("vera2/posts/2025/hostile.md", article)
    authors = (tmp_path / "content/authors.yml").read_text() + f"    avatar: {q(url)}\n    links:\n      website: {q(url)}\n"
    fixture.write("authors.yml", authors)
    if name == "long":  # nothing in it breaks out of an attribute: a long URL is a URL
        assert main(["check", "-f", str(tmp_path / "mkdocs.yml")]) == 0
        return
    assert main(["check", "-f", str(tmp_path / "mkdocs.yml"), "--format", "json"]) == 1
    fields = {r["field"] for r in json.loads(capsys.readouterr().out)}
    assert set(URL_FIELDS.values()) <= fields, fields
    assert not fixture.site.exists()
