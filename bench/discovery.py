"""Benchmark of the discovery computations over generated article records (no build, no files).

    python -m bench.discovery --n 1000 10000

Reports the seconds spent computing related articles, backlinks and the source
library for each size, and the growth factor between sizes: a check that they
stay near-linear (inverted indexes, no all-pairs loop). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from zoneinfo import ZoneInfo

from press.core.content.catalog import build_catalog
from press.core.content.links import Link, backlinks
from press.core.content.model import Article, Source
from press.core.features.related import related_articles
from press.core.features.source_library import source_library

TZ = ZoneInfo("America/New_York")
WORDS = ("court ruling election border policy migration climate tariff budget senate governor privacy speech "
         "platform model union strike school hospital housing water energy treaty summit police prison").split()
PUBLISHERS = [f"Outlet {i}" for i in range(40)]


def articles(n: int, seed: int = 1) -> tuple[list[Article], list[Link]]:
    rng = random.Random(seed)
    tags = [f"tag-{i}" for i in range(300)]
    urls = [f"https://outlet.example/story/{i}" for i in range(n * 2)]
    out, links = [], []
    for i in range(n):
        pub = "dispatch" if i % 10 < 3 else "vera2"
        date = dt.datetime(2019, 1, 1, tzinfo=TZ) + dt.timedelta(hours=i * 5)
        sources = tuple(Source(f"s{k}", rng.choice(PUBLISHERS), "Title", rng.choice(urls)) for k in range(rng.randint(3, 8)))
        title = " ".join(rng.choice(WORDS) for _ in range(8))
        out.append(Article(f"{pub}/posts/a{i}.md", pub, f"a{i}", f"{pub}/{date:%Y/%m}/a{i}/", title.title(),
                           " ".join(rng.choice(WORDS) for _ in range(25)), date, ("jt-mercer",),
                           section="Courts" if pub == "vera2" else None, tags=tuple(rng.sample(tags, rng.randint(2, 6))),
                           further_reading=sources))
        for _ in range(rng.randint(1, 3)):
            if i:
                links.append(Link(out[-1].src_path, out[rng.randrange(i)].src_path, 1))
    return out, links


def measure(n: int) -> dict[str, float]:
    records, links = articles(n)
    catalog = build_catalog(records)
    timings = {}
    start = time.perf_counter()
    related_articles(catalog)
    timings["related"] = time.perf_counter() - start
    start = time.perf_counter()
    backlinks(links, catalog.by_src)
    timings["backlinks"] = time.perf_counter() - start
    start = time.perf_counter()
    source_library(catalog)
    timings["source library"] = time.perf_counter() - start
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    results = {n: measure(n) for n in args.n}
    print(f"{'articles':>10} " + " ".join(f"{k:>16}" for k in results[args.n[0]]))
    for n, timings in results.items():
        print(f"{n:>10} " + " ".join(f"{v:>15.2f}s" for v in timings.values()))
    if len(args.n) > 1:
        first, last = args.n[0], args.n[-1]
        growth = {k: results[last][k] / results[first][k] for k in results[first]}
        print(f"growth {first} -> {last} ({last / first:.0f}x the articles): "
              + ", ".join(f"{k} {v:.1f}x" for k, v in growth.items()))


if __name__ == "__main__":
    main()
