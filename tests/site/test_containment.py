"""Nothing a command line, a pull request's content or a second build does deletes sources or writes outside site/.

Each destructive case runs against a temporary copy of a fixture site and checks that the sources,
the configuration and any existing site are exactly as they were.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import mkdocs.utils
import pytest

from press import cli
from press.adapters import building, pages_ahead

from .builder import article, make_fixture, press_errors


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` (links as their target's name), to compare before and after."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = os.readlink(path).encode()
        elif path.is_file():
            found[rel] = path.read_bytes()
    return found


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with a fixture site in it, as the working folder; HOME is a folder beside it."""
    root = tmp_path / "repo"
    make_fixture(root, {"vera2/posts/2025/fine.md": article("Fine")})
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize(("site_dir", "why"), [
    ("content", "is the docs folder"),
    ("content/vera2", "lies inside the docs folder"),
    (".", "is the configuration's folder"),
    ("..", "contains the docs folder"),
    ("/", "contains the docs folder"),
    ("~", "is the home folder"),
])
def test_a_site_dir_that_would_delete_sources_is_refused_before_anything_is_touched(
        project: Path, site_dir: str, why: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(project.parent)
    target = str(Path.home()) if site_dir == "~" else site_dir
    assert cli.main(["build", "-d", target]) == 1
    err = capsys.readouterr().err
    assert why in err or "should not be within" in err  # MkDocs' own check answers some first
    assert snapshot(project.parent) == before


def test_the_refusal_names_the_folder_and_what_to_do(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["build", "-d", str(Path.home())]) == 1
    err = capsys.readouterr().err
    assert f"refused to build: {Path.home()} is the home folder: the build would delete it; choose another --site-dir" in err


def test_a_folder_no_build_made_is_not_replaced(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = project.parent / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep me")
    assert cli.main(["build", "-d", str(notes)]) == 1
    assert "is a folder with files that no build made" in capsys.readouterr().err
    assert (notes / "todo.txt").read_text() == "keep me"
    assert sorted(p.name for p in project.parent.iterdir()) == ["home", "notes", "repo"]  # no staging left beside it


def test_a_site_a_build_made_is_replaced_and_no_staging_is_left(project: Path) -> None:
    assert cli.main(["build"]) == 0
    assert cli.main(["build"]) == 0
    assert (project / "site" / "vera2/2025/11/fine/index.html").is_file()
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site.")]


def test_a_second_build_into_the_same_folder_stops_with_a_message(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    fd = os.open(project, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # what a running build holds
        assert not building.build_atomically(project / "mkdocs.yml")
    finally:
        os.close(fd)
    assert f"another press build is writing {project / 'site'}: wait for it to finish, then build again" in caplog.text
    assert not (project / "site").exists()


def test_ctrl_c_leaves_the_site_as_it_was(project: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["build"]) == 0
    before = snapshot(project)

    def interrupted(config: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(building, "build", interrupted)
    assert cli.main(["build"]) == 130
    assert capsys.readouterr().err.strip().endswith("press build: interrupted; the site folder is left as it was")
    assert snapshot(project) == before


def test_ctrl_c_while_pages_are_written_leaves_no_staging_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The helper that makes page files ahead is stopped too: it would remake the staging folder being removed."""
    assert cli.main(["build"]) == 0
    before = snapshot(project)
    monkeypatch.setattr(pages_ahead, "PROGRAM", "import time\ntime.sleep(1.5)\n" + pages_ahead.PROGRAM)

    def interrupted(content: bytes, output_path: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(mkdocs.utils, "write_file", interrupted)
    assert cli.main(["build"]) == 130
    time.sleep(2.5)  # past the helper's start, had it been left running
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site.")]
    assert snapshot(project) == before


def test_a_link_leaving_content_is_never_read(project: Path, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    secret = project.parent / "environ"
    secret.write_text("CI_SECRET=hunter2\n")
    (project / "content" / "env.txt").symlink_to(secret)
    (project / "content" / "outside").symlink_to(project.parent / "home")
    (project.parent / "home" / "id_rsa").write_text("PRIVATE KEY\n")
    (project / "content" / "inside.txt").symlink_to(project / "content" / "index.md")  # stays in content/: fine
    assert cli.main(["build"]) == 1
    assert not (project / "site").exists()
    expected = [
        f"press: content/env.txt: is a link to {secret}, outside the docs folder\n"
        "  hint: replace the link with the file itself: nothing is read through a link that leaves content/",
        f"press: content/outside/id_rsa: is a link to {project.parent / 'home' / 'id_rsa'}, outside the docs folder\n"
        "  hint: replace the link with the file itself: nothing is read through a link that leaves content/",
    ]
    assert [m for m in press_errors(caplog) if "is a link" in m] == expected
    capsys.readouterr()
    assert cli.main(["check"]) == 1
    out = capsys.readouterr().out
    assert "content/env.txt: is a link to" in out and "content/outside/id_rsa: is a link to" in out
    assert "hunter2" not in out and "PRIVATE KEY" not in out


def test_a_redirect_from_the_site_root_is_an_error_not_a_write_to_the_filesystem_root(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content/vera2/posts/2025/fine.md").write_text(article("Fine", extra='redirect_from: ["/", "/etc/x/"]'))
    assert cli.main(["build"]) == 1
    assert cli.main(["check"]) == 1
    out = capsys.readouterr().out
    assert "content/vera2/posts/2025/fine.md:7: redirect_from[0]: '/' is the home page, which cannot redirect" in out
    assert not Path("/index.html").exists() and not Path("/etc/x/index.html").exists()


def test_press_check_reports_a_redirect_onto_a_page_as_the_build_does(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content/vera2/posts/2025/other.md").write_text(article("Other", extra="redirect_from: [vera2/2025/11/fine/, tags/]"))
    assert cli.main(["check"]) == 1
    out = capsys.readouterr().out
    assert "content/vera2/posts/2025/other.md:7: redirect_from: /vera2/2025/11/fine/ is already a page (vera2/posts/2025/fine.md)" in out
    assert "content/vera2/posts/2025/other.md:7: redirect_from: /tags/ is already a page (tags/index.md)" in out
    assert cli.main(["build"]) == 1
    assert not (project / "site").exists()
