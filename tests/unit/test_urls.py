"""The output registry: every path once, inside the site folder, files and folders never in each other's way."""

from __future__ import annotations

from pathlib import Path

import pytest

from press.core.urls import OutputRefused, Outputs, checked_path, redirect_path, refused_site_dir


@pytest.mark.parametrize(("path", "message"), [
    ("", "is empty"),
    ("/index.html", "is absolute: outputs are relative to the site folder"),
    ("C:/x.html", "is absolute: outputs are relative to the site folder"),
    ("../x.html", "has a '..' segment"),
    ("a/./x.html", "has a '.' segment"),
    ("a//x.html", "has an empty segment"),
    ("a\\x.html", "contains a backslash"),
    ("a\x00.html", "contains the control character U+0000 NULL"),
    ("a\tb.html", "contains the control character U+0009 CHARACTER TABULATION"),
    ("tags/" + "t" * 256 + "/index.html", "has a name of 256 bytes; file systems allow 255"),
])
def test_paths_that_could_leave_the_site_or_break_the_file_system_are_refused(path: str, message: str) -> None:
    with pytest.raises(OutputRefused) as refused:
        checked_path(path)
    assert refused.value.message == message


def test_each_path_is_written_once_and_the_refusal_names_both_writers(tmp_path: Path) -> None:
    outputs = Outputs(tmp_path)
    assert outputs.claim("feed.xml", "the site feed") == tmp_path / "feed.xml"
    with pytest.raises(OutputRefused) as refused:
        outputs.claim("feed.xml", "the redirect_from of vera2/posts/a.md")
    assert str(refused.value) == ("'feed.xml': is written twice: by the site feed and by the redirect_from of vera2/posts/a.md; "
                                  "give one of them another path (slug, redirect_from or tag)")


def test_a_file_never_stands_where_another_output_needs_a_folder(tmp_path: Path) -> None:
    outputs = Outputs(tmp_path)
    outputs.claim("feed.xml", "the site feed")
    outputs.claim("tags/courts/index.html", "tags/courts/index.md")
    with pytest.raises(OutputRefused, match="needs 'feed.xml' to be a folder, but the site feed writes a file there"):
        outputs.claim("feed.xml/index.html", "a redirect")
    with pytest.raises(OutputRefused, match="is a folder of tags/courts/index.html"):
        outputs.claim("tags/courts", "a redirect")


def test_a_folder_claimed_whole_keeps_everyone_else_out(tmp_path: Path) -> None:
    outputs = Outputs(tmp_path)
    outputs.claim("pagefind-old/index.html", "a redirect")
    with pytest.raises(OutputRefused, match="holds pagefind-old/index.html, which press/search would replace"):
        outputs.claim_folder("pagefind-old", "press/search")
    assert outputs.claim_folder("pagefind", "press/search") == tmp_path / "pagefind"
    with pytest.raises(OutputRefused, match="lies in pagefind/, which belongs to press/search"):
        outputs.claim("pagefind/index.html", "a redirect")


def test_a_link_left_in_the_site_folder_cannot_carry_a_write_outside(tmp_path: Path) -> None:
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    site.mkdir()
    elsewhere.mkdir()
    (site / "old").symlink_to(elsewhere)
    with pytest.raises(OutputRefused, match="resolves outside the site folder"):
        Outputs(site).write("old/index.html", b"x", "a redirect")
    assert not (elsewhere / "index.html").exists()


def test_write_replaces_a_link_instead_of_writing_through_it(tmp_path: Path) -> None:
    target = tmp_path / "outside.txt"
    target.write_text("keep")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "robots.txt").symlink_to(target)
    Outputs(tmp_path / "site").write("robots.txt", b"User-agent: *\n", "press/social")
    assert target.read_text() == "keep"
    assert (tmp_path / "site" / "robots.txt").read_bytes() == b"User-agent: *\n"


@pytest.mark.parametrize(("old", "path"), [
    ("/2024/old-slug", "2024/old-slug/"),
    ("2024/old-slug/", "2024/old-slug/"),
    ("/old/page.html", "old/page.html"),
    ("v1.2/notes/", "v1.2/notes/"),
])
def test_redirect_paths_are_folders_or_html_pages(old: str, path: str) -> None:
    assert redirect_path(old) == path


def test_the_site_folder_may_not_be_contain_or_lie_inside_protected_folders(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    protected = {"the docs folder": repo / "content", "the repository": repo}
    assert refused_site_dir(repo / "site", protected) is None
    assert refused_site_dir(repo, protected) == f"{repo} is the repository: the build would delete it"
    assert refused_site_dir(tmp_path, protected) == f"{tmp_path} contains the docs folder ({repo / 'content'}): the build would delete it"
    assert refused_site_dir(repo / "content" / "site", protected) == (
        f"{repo / 'content' / 'site'} lies inside the docs folder ({repo / 'content'}): the built site would become content")
