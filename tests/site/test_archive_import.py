"""`press import --wxr/--ghost` on a fixture site: what it writes, leaves out and reports, and that check passes after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from press.cli import main

from ..unit.test_archive import ARCHIVES
from .builder import Fixture, article, base_config, make_fixture

EXISTING = article("Fine", authors="[dana-okafor]", body="Mine.")
WXR = ("import", "--wxr", str(ARCHIVES / "wordpress.xml"), "--map", str(ARCHIVES / "wordpress-map.yml"))
GHOST = ("import", "--ghost", str(ARCHIVES / "ghost.json"), "--map", str(ARCHIVES / "ghost-map.yml"))


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    config = base_config() | {"markdown_extensions": ["pymdownx.blocks.caption"]}  # as mkdocs.yml has it
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/fine.md": EXISTING}, config)
    monkeypatch.chdir(tmp_path)
    return fixture


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def front_matter(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[0].splitlines()[1:]


def test_a_wordpress_export_becomes_articles_that_check_and_build(site: Fixture, capsys: pytest.CaptureFixture) -> None:
    status, out, err = run(capsys, *WXR)
    assert status == 1  # two posts failed: all the others are written all the same
    assert out.splitlines()[:3] == ["wrote content/vera2/posts/2024/ballot-rules-change.md (post_id 101)",
                                    "wrote content/dispatch/posts/2023/on-revision.md (post_id 102)",
                                    "wrote content/dispatch/posts/2025/half-a-chapter.md (post_id 103, a draft)"]
    assert err == ("\nproblems (2):\n"
                   "  post_id 106 ('A guest column'): author 'guestwriter' is not in the mapping file: "
                   "add authors: {guestwriter: <id in content/authors.yml>}\n"
                   "  post_id 107: content/vera2/posts/2025/fine.md already exists: not overwritten (delete it to import this post again)\n")
    assert (site.root / "content/vera2/posts/2025/fine.md").read_text() == EXISTING
    assert "\nleft out (2):\n  post_id 105: a page ('About'), not a post: only posts become articles\n" \
           "  post_id 104: private ('Letter to my agent'): not imported\n" in out
    assert out.endswith("\npress import: 3 articles written, 2 left out, 2 problems\n")

    ballot = site.root / "content/vera2/posts/2024/ballot-rules-change.md"
    assert front_matter(ballot) == [
        'title: "Ballot rules change before the spring vote"',
        'description: "Three ballot rules change before the spring vote, and small parties say the new signature count shuts them out."',
        "date: 2024-03-05T09:30:00-05:00",
        "authors: [dana-okafor]",
        "categories: [Politics]",
        "tags: [elections, Ballot Access]",
        "updated: 2024-03-07T10:00:00-05:00",
        'redirect_from: ["2024/03/ballot-rules-change/"]',
    ]
    body = ballot.read_text().split("\n---\n", 1)[1]
    for kept in ("The county board changed **three** ballot rules on Monday.",
                 "![The board in session](https://oldblog.example/wp-content/uploads/2024/03/board.jpg)\n/// caption\nThe board voted 4 to 1.\n///",
                 "| Rule | Before | After |\n| --- | --- | --- |\n| Signatures | 500 | 750 |",
                 "```python\nneeded = 750\nprint(needed)\n```",
                 "- Who it affects\n    - Independent candidates\n    - Small parties\n- When it starts"):
        assert kept in body
    assert "iframe" not in body and "trackVisit" not in body
    shown = "content/vera2/posts/2024/ballot-rules-change.md"
    assert f"  [ ] {shown}: left out what an article cannot hold: <iframe src=https://video.example/embed/board-meeting>, <script>" in out
    assert f"  [ ] {shown}: images: 1 still on the other site" in out
    assert f"  [ ] {shown}: image: the featured image is https://oldblog.example/wp-content/uploads/2024/03/board-full.jpg" in out
    assert ("old URLs with a query, which a static host answers with its home page (3): redirect them in the host's own rules "
            "if links to them matter: post_id 101: https://oldblog.example/?p=101, post_id 102: https://oldblog.example/?p=102, "
            "post_id 107: https://oldblog.example/?p=107") in out

    revision = site.root / "content/dispatch/posts/2023/on-revision.md"
    assert front_matter(revision)[2:] == ["date: 2023-11-02T20:15:00-04:00", "authors: [jt-mercer]", "categories: [Commentary]",
                                          "tags: []", 'redirect_from: ["2023/11/on-revision/"]',
                                          "canonical_url: https://oldblog.example/2023/11/on-revision/"]
    assert "/// caption\nThe desk, *third* draft.\n///\n\nThe second pass is slower. I read it aloud.\n" in revision.read_text()
    draft = front_matter(site.root / "content/dispatch/posts/2025/half-a-chapter.md")
    assert draft[2:] == ["date: 2025-01-10T08:00:00-05:00", "authors: [jt-mercer]", "categories: [Commentary]", "tags: []",
                         "updated: 2025-01-12T18:30:00-05:00", "draft: true  # a draft in the export (post_id 103)"]  # no redirect_from

    assert run(capsys, "check") == (0, "press check: no problems (4 articles checked)\n", "")
    site.build()
    page = site.page("vera2/2024/03/ballot-rules-change")
    assert "<table>" in page and "<figcaption>" in page and 'class="language-python' in page
    assert 'content="0; url=../../../vera2/2024/03/ballot-rules-change/"' in (site.site / "2024/03/ballot-rules-change/index.html").read_text()


def test_a_ghost_export(site: Fixture, capsys: pytest.CaptureFixture) -> None:
    status, out, err = run(capsys, *GHOST)
    assert status == 1
    assert out.splitlines()[:3] == [
        "wrote content/vera2/posts/2023/levee-tax-vote.md (post id 64a1f0c2e4b0a1000100a001)",
        "wrote content/dispatch/posts/2024/notes-toward-a-sequel.md (post id 64a1f0c2e4b0a1000100a002, a draft)",
        "wrote content/dispatch/posts/2022/on-craft.md (post id 64a1f0c2e4b0a1000100a004)"]
    assert err == "\nproblems (1):\n  post id 64a1f0c2e4b0a1000100a005 ('Orphan post'): names no author in the export\n"
    assert ("left out (2):\n  post id 64a1f0c2e4b0a1000100a003: a page ('Contact'), not a post: only posts become articles\n"
            "  post id 64a1f0c2e4b0a1000100a006: for members only (visibility paid) ('For paying members'): not imported\n") in out
    levee = site.root / "content/vera2/posts/2023/levee-tax-vote.md"
    assert front_matter(levee) == [
        'title: "River towns vote on the levee tax"',
        'description: "Three river towns decide whether to pay for a new levee."',
        "date: 2023-06-01T08:00:00-04:00",
        "authors: [dana-okafor]",
        "categories: [Politics]",
        "tags: [News, Levees]",
        "updated: 2023-06-02T05:00:00-04:00",
        'redirect_from: ["2023/levee-tax-vote/"]',
    ]
    body = levee.read_text()
    assert "![The levee at high water](https://ghost.example/content/images/2023/06/levee.jpg)\n/// caption\nThe levee in April.\n///" in body
    assert "```js\nconst rate = 0.004;\n```" in body and "1. Alton\n    - votes first\n2. Grafton" in body
    assert "<iframe src=https://www.youtube.example/embed/abc123>" in out
    craft = front_matter(site.root / "content/dispatch/posts/2022/on-craft.md")
    assert craft[1:] == ['description: "Why craft is private work."', "date: 2022-09-01T11:00:00-04:00", "authors: [jt-mercer]",
                         "categories: [Commentary]", "tags: [Craft]", 'redirect_from: ["2022/on-craft/"]',
                         "canonical_url: https://essays.example/on-craft"]
    assert run(capsys, "check") == (0, "press check: no problems (4 articles checked)\n", "")


def test_an_import_run_again_overwrites_nothing(site: Fixture, capsys: pytest.CaptureFixture) -> None:
    run(capsys, *GHOST)
    levee = site.root / "content/vera2/posts/2023/levee-tax-vote.md"
    levee.write_text(levee.read_text() + "\nEdited by hand.\n")
    status, out, err = run(capsys, *GHOST)
    assert status == 1 and "wrote" not in out
    assert ("  post id 64a1f0c2e4b0a1000100a001: content/vera2/posts/2023/levee-tax-vote.md already exists: not overwritten "
            "(delete it to import this post again)\n") in err
    assert levee.read_text().endswith("\nEdited by hand.\n")
    assert out.endswith("press import: 0 articles written, 2 left out, 4 problems\n")


@pytest.mark.parametrize("args, error", [
    (["--wxr", "x.xml"], "which publication, section and author does each post get? pass --map FILE"),
    (["--wxr", "x.xml", "--map", "m.yml", "--pub", "vera2"], "an export is placed by its mapping file, not by a file, --output"),
    (["--map", "m.yml"], "give one article to import, or a whole export with --wxr or --ghost and --map"),
])
def test_the_archive_options_go_together(site: Fixture, capsys: pytest.CaptureFixture, args: list[str], error: str) -> None:
    status, _, err = run(capsys, "import", *args)
    assert status == 2 and err.startswith(f"press import: error: {error}")
