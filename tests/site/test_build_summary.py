"""What `press build` says: the summary at the end, progress on a terminal only, --quiet and --profile."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import sys
import threading
from pathlib import Path

import markdown
from PIL import Image

from press.cli import main
from press.adapters.summary import COUNTS
from press.core.urls import CARDS_FOLDER

from .builder import Fixture, article, base_config, make_fixture

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
STEPS = ["content", "cards", "markdown", "rendering", "feeds", "search"]


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
    feeds = sum(len(list(fixture.site.rglob(name))) for name in ("feed.xml", "atom.xml", "feed.json", "email.xml"))
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


def test_no_progress_when_standard_error_is_not_a_terminal(tmp_path: Path, capsys) -> None:
    assert press_build(fixture_site(tmp_path)) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "\x1b" not in err
    assert "rendering pages" not in err and "checking content" not in err
    assert all(line.startswith("INFO    -  ") for line in err.splitlines())  # log lines, nothing else


def test_progress_on_a_terminal_one_line_per_step_then_the_summary(tmp_path: Path, monkeypatch) -> None:
    fixture = fixture_site(tmp_path)
    master, replica = pty.openpty()
    received: list[bytes] = []

    def drain() -> None:  # a full pty would block the build's writes
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # the replica side is closed
                return
            if not data:
                return
            received.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    with open(replica, "w", encoding="utf-8") as terminal, monkeypatch.context() as patch:
        patch.setattr(sys, "stderr", terminal)
        status = press_build(fixture)
    reader.join(timeout=30)
    os.close(master)
    shown = ANSI.sub("", b"".join(received).decode("utf-8", "replace"))
    assert status == 0
    pages = len(list(fixture.site.rglob("index.html")))
    for line in ("checking content", "drawing cards", "converting Markdown", f"rendering pages .* {pages}/{pages} \\d+:\\d\\d:\\d\\d",
                 "writing feeds", "indexing for search"):
        assert re.search(line, shown), line
    assert shown.rindex("indexing for search") < shown.index("press: summary: pages")


def test_quiet_leaves_only_warnings_and_errors(tmp_path: Path, capsys) -> None:
    fixture = fixture_site(tmp_path)
    fixture.write("vera2/posts/2025/second.md", article("Second", date="2025-11-21", body="[Soon](../2026/later.md)"))
    assert press_build(fixture, "--quiet", "--no-strict") == 0
    err = capsys.readouterr().err
    assert err.startswith("WARNING -  press: ") and "INFO" not in err
    assert "scheduled for 2026-01-15" in err


def test_profile_writes_step_and_plugin_timings(tmp_path: Path, capsys) -> None:
    fixture = fixture_site(tmp_path)
    convert = markdown.Markdown.convert
    profile = tmp_path / "profile.json"
    assert press_build(fixture, "--profile", str(profile)) == 0
    data = json.loads(profile.read_text(encoding="utf-8"))
    assert list(data) == ["version", "wall_s", "steps", "counts", "plugins", "breakdown"]
    assert data["version"] == 1 and data["wall_s"] > 0
    assert list(data["steps"]) == STEPS and all(seconds >= 0 for seconds in data["steps"].values())
    assert list(data["counts"]) == list(COUNTS)
    assert (data["counts"]["search_rebuilt"], data["counts"]["search_reused"], data["counts"]["drafts"]) == (1, 0, 1)
    assert data["plugins"][0] == "press/articles"
    for label in ("plugin press/articles.on_files", "plugin press/social.on_files", "markdown", "templates", "write_file"):
        assert set(data["breakdown"][label]) == {"calls", "total", "self"}, label
    assert markdown.Markdown.convert is convert  # the timers are gone once the build is done
    assert not (fixture.site / "profile.json").exists()

    assert press_build(fixture, "--profile", str(fixture.site / "profile.json")) == 1
    assert "refused to write the profile" in capsys.readouterr().err
