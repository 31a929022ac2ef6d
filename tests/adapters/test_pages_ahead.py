"""Page files and folders made ahead of MkDocs by a helper process: MkDocs fills them, nothing is lost or left empty."""

from __future__ import annotations

from pathlib import Path

from mkdocs import utils

from press.adapters.pages_ahead import PagesAhead

from ..site.builder import article, make_fixture
from ..site.test_publication_layer import FILES


def pages(site: Path, count: int) -> list[Path]:
    return [site / f"vera2/2025/{n % 3:02d}/slug-{n}/index.html" for n in range(count)]


def test_the_helper_makes_every_file_and_folder_empty(tmp_path: Path) -> None:
    targets = pages(tmp_path / "site", 40)
    ahead = PagesAhead()
    ahead.start(targets)
    assert ahead.process is not None and ahead.process.wait() == 0
    assert all(target.is_file() and target.stat().st_size == 0 for target in targets)


def test_what_mkdocs_writes_is_kept_whichever_comes_first(tmp_path: Path) -> None:
    targets = pages(tmp_path / "site", 40)
    utils.write_file(b"written before the helper started", targets[7])
    ahead = PagesAhead()
    ahead.start(targets)
    for target in targets[::2]:  # while the helper runs, as MkDocs writes pages
        utils.write_file(f"page {target.parent.name}".encode(), target)
    ahead.finish()
    assert targets[7].read_bytes() == b"written before the helper started"
    assert all(t.read_bytes() == f"page {t.parent.name}".encode() for t in targets[::2])
    # A page MkDocs did not write leaves no empty file or folder behind.
    kept = sorted(targets[::2] + [targets[7]], key=targets.index)
    assert [t for t in targets if t.exists()] == kept
    assert [t.parent for t in targets if t.parent.exists()] == [t.parent for t in kept]
    assert ahead.process is None and ahead.targets == []


def test_a_helper_that_fails_only_leaves_the_work_to_mkdocs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "blocked").write_text("a file where the helper needs a folder", encoding="utf-8")
    targets = [site / "blocked/page/index.html"] + pages(site, 5)
    ahead = PagesAhead()
    ahead.start(targets)
    assert ahead.process is not None and ahead.process.wait() == 1
    assert all(target.is_file() for target in targets[1:])  # it went on past the path it could not make
    ahead.finish()  # nothing raised
    for target in targets[1:]:
        utils.write_file(b"page", target)
        assert target.read_bytes() == b"page"


def test_a_failed_build_stops_the_helper(tmp_path: Path) -> None:
    ahead = PagesAhead()
    ahead.start(pages(tmp_path / "site", 3))
    process = ahead.process
    ahead.stop()
    assert process is not None and process.returncode is not None and ahead.process is None
    ahead.finish()  # nothing left to wait for


def test_a_page_mkdocs_skips_leaves_no_empty_file(tmp_path: Path) -> None:
    """MkDocs writes no file for a page whose output is empty; the helper's empty file must go too."""
    fixture = make_fixture(tmp_path, FILES | {"vera2/posts/2025/empty.md": article("Left empty", date="2025-11-03")})
    hooks = tmp_path / "empty_page.py"
    hooks.write_text("def on_post_page(output, page, config):\n"
                     "    return '' if page.file.src_uri.endswith('empty.md') else output\n", encoding="utf-8")
    fixture.build(hooks=[str(hooks)], strict=False)  # the article's listings link to the page that is not there
    html = sorted(fixture.site.rglob("*.html"))
    assert len(html) > 10 and [p for p in html if p.stat().st_size == 0] == []
    assert "2025/11/empty/" in fixture.page("vera2")  # the page's path: listed, not written
    assert not (fixture.site / "vera2/2025/11/empty").exists()
    assert (fixture.site / "vera2/index.html").stat().st_size > 0
