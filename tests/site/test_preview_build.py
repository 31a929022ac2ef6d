"""`press build --drafts`: the pull-request preview shows drafts and scheduled articles as `make serve` does,
and is never built into the folder that deploys."""

from __future__ import annotations

from pathlib import Path

import pytest

from press.cli import main

from .builder import article, make_fixture

FILES = {
    "vera2/posts/2025/out.md": article("Out"),
    "vera2/posts/2025/unfinished.md": article("Unfinished", extra="draft: true"),
    "vera2/posts/2025/tomorrow.md": article("Tomorrow", date="2025-12-01T09:30:00-05:00"),  # the tests' clock: 2025-12-01 00:00 UTC
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_fixture(tmp_path, FILES)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_drafts_build_shows_drafts_and_scheduled_articles_marked_but_keeps_them_out_of_feeds(project: Path) -> None:
    assert main(["build", "--drafts", "-d", "preview"]) == 0
    preview = project / "preview"
    assert "Draft: not published" in (preview / "vera2/2025/11/unfinished/index.html").read_text(encoding="utf-8")
    assert "Scheduled for December 1, 2025" in (preview / "vera2/2025/12/tomorrow/index.html").read_text(encoding="utf-8")
    assert "Scheduled for December 1, 2025" in (preview / "vera2/index.html").read_text(encoding="utf-8")  # marked in listings too
    feed = (preview / "feed.xml").read_text(encoding="utf-8")
    assert "Out" in feed and "Unfinished" not in feed and "Tomorrow" not in feed  # a reader subscribed to a preview sees no draft
    assert not (project / "site").exists()


@pytest.mark.parametrize("where", [[], ["-d", "site"], ["-d", "./content/../site"]])
def test_drafts_are_refused_into_the_folder_that_deploys(project: Path, capsys: pytest.CaptureFixture, where: list[str]) -> None:
    assert main(["build", "--drafts", *where]) == 1
    assert capsys.readouterr().err == ("ERROR   -  refused to build drafts into site/, the folder that deploys: give the preview "
                                       "its own folder with --site-dir (for example -d preview)\n")
    assert not (project / "site").exists()


def test_a_build_without_drafts_leaves_them_out(project: Path) -> None:
    assert main(["build", "-q"]) == 0
    assert not (project / "site/vera2/2025/11/unfinished").exists() and not (project / "site/vera2/2025/12/tomorrow").exists()
