"""What `press build` says when it ends: what it made, what it reused, what it left out, how long each step took."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image

from press.cli import main
from press.core.urls import CARDS_FOLDER

from .builder import Fixture, article, base_config, make_fixture


def jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(out, "JPEG")
    return out.getvalue()


def fixture_site(root: Path) -> Fixture:
    config = base_config()
    config["plugins"].insert(1, "press/social")
    return make_fixture(root, {
        "vera2/posts/2025/pictures.md": article("Pictures", extra="image: img/hero.jpg\nimage_alt: A hero"),
        "vera2/posts/2025/img/hero.jpg": jpeg(1600, 900),
        "vera2/posts/2025/second.md": article("Second", date="2025-11-21"),
        "dispatch/posts/2025/note.md": article("A note", section=None),
        "dispatch/posts/2025/unfinished.md": article("Unfinished", section=None, extra="draft: true"),
        "vera2/posts/2026/later.md": article("Later", date="2026-01-15T09:30:00-05:00"),
        "vera2/posts/2026/much-later.md": article("Much later", date="2026-03-02"),
    }, config)


def press_build(fixture: Fixture, *options: str) -> int:
    return main(["build", "-f", str(fixture.root / "mkdocs.yml"), *options])


def summary(stderr: str) -> list[str]:
    return [line.split("press: summary: ", 1)[1] for line in stderr.splitlines() if "press: summary: " in line]


def test_the_summary_counts_what_a_cold_build_made_and_a_warm_build_reused(tmp_path: Path, capsys) -> None:
    fixture = fixture_site(tmp_path)
    assert press_build(fixture) == 0
    cold = summary(capsys.readouterr().err)
    pages = len(list(fixture.site.rglob("index.html")))
    feeds = len(list(fixture.site.rglob("feed.xml"))) + len(list(fixture.site.rglob("atom.xml")))
    cards = len(list((fixture.site / CARDS_FOLDER).glob("*.png")))
    variants = len([p for p in (fixture.site / "assets/images").rglob("*.webp")])
    left_out = "articles left out: 1 draft, 2 scheduled (the next goes live 2026-01-15 09:30 EST)"
    assert cold[:-1] == [
        f"pages {pages} rendered, 0 reused",
        f"Markdown 3 articles converted, 0 reused, {pages - 3} other pages converted",
        f"feeds {feeds} written, 0 unchanged",
        f"social cards {cards} drawn, 0 reused",
        f"image variants {variants} encoded, 0 reused",
        "search index rebuilt",
        left_out,
    ]
    assert (feeds, cards, variants) > (0, 0, 0)
    assert re.fullmatch(r"time: content check [\d.]+ s, cards [\d.]+ s, Markdown [\d.]+ s, rendering [\d.]+ s, "
                        r"feeds [\d.]+ s, search [\d.]+ s", cold[-1])

    assert press_build(fixture) == 0
    warm = summary(capsys.readouterr().err)
    assert warm[:-1] == [
        f"pages 0 rendered, {pages} reused",
        f"Markdown 0 articles converted, 3 reused, {pages - 3} other pages converted",
        f"feeds 0 written, {feeds} unchanged",
        f"social cards 0 drawn, {cards} reused",
        f"image variants 0 encoded, {variants} reused",
        "search index reused (no indexed page changed)",
        left_out,
    ]
