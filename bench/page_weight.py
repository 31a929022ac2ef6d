"""Where the HTML bytes of a built site go: ``python -m bench.page_weight SITE [BEFORE]``.

Issue 17: at 10,000 articles the site must fit in 600 MB, and most HTML bytes are the chrome every page
repeats. This prints, per page type (article, publication/section listing, tag, author, archive), the
mean bytes of a page and of each region of it (head, header, drawer, content, footer; inside an article
the prose apart from the furniture around it). Given a second site built before a change, it prints
both and the difference. Regions are cut at the markers our templates and Material's write; a region
whose marker a page lacks counts zero.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

TYPES = (  # page type -> its path under the site, without index.html
    ("article", re.compile(r"[a-z0-9-]+/\d{4}/\d{2}/[^/]+/")),
    ("tag", re.compile(r"tags/[^/]+/(page/\d+/)?")),
    ("author", re.compile(r"authors/[^/]+/(page/\d+/)?")),
    ("archive", re.compile(r"archive/(\d{4}/)?(page/\d+/)?")),
    ("listing", re.compile(r"[a-z0-9-]+/([a-z0-9-]+/)?(page/\d+/)?")),  # a publication or a section
)
# region -> the marker it starts at; a region ends where the next present one starts
REGIONS = (
    ("head", "<!doctype"),
    ("header", '<header class="md-header'),
    ("tabs", '<nav class="md-tabs"'),
    ("drawer", '<div class="md-sidebar md-sidebar--primary"'),
    ("toc rail", '<div class="md-sidebar md-sidebar--secondary"'),
    ("content", '<div class="md-content"'),
    ("  prose", '<div class="press-article__body">'),
    ("  furniture", '<section class="press-further-reading"'),
    ("footer", '<footer class="md-footer'),
)


def page_type(relative: str) -> str | None:
    folder = relative.removesuffix("index.html")
    return next((name for name, pattern in TYPES if pattern.fullmatch(folder)), None)


def regions(html: str) -> dict[str, int]:
    """Bytes (UTF-8) of each region of one page."""
    starts = sorted((html.find(marker), name) for name, marker in REGIONS if marker in html)
    if "  prose" in dict((n, s) for s, n in starts) and "  furniture" not in (n for _, n in starts):
        # an article without sources: its furniture starts at the first block after the prose
        end = html.find('<div data-pagefind-ignore="all">', html.find('<div class="press-article__body">'))
        if end > 0:
            starts = sorted([*starts, (end, "  furniture")])
    sizes = dict.fromkeys((name for name, _ in REGIONS), 0)
    for (start, name), (end, _) in zip(starts, [*starts[1:], (len(html), "")]):
        sizes[name] = len(html[start:end].encode())
    return sizes


def measure(site: Path) -> dict[str, dict[str, float]]:
    """page type -> {"pages": count, "total": mean bytes, region: mean bytes}."""
    sums: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for path in sorted(site.rglob("index.html")):
        kind = page_type(path.relative_to(site).as_posix())
        if kind is None:
            continue
        html = path.read_text(encoding="utf-8")
        sums[kind]["pages"] += 1
        sums[kind]["total"] += len(html.encode())
        sums[kind].update(regions(html))
    return {kind: {key: (value if key == "pages" else value / counts["pages"]) for key, value in counts.items()}
            for kind, counts in sums.items()}


def table(after: dict[str, dict[str, float]], before: dict[str, dict[str, float]] | None) -> str:
    lines = []
    for kind, _ in TYPES:
        if kind not in after:
            continue
        now = after[kind]
        then = (before or {}).get(kind)
        lines.append(f"{kind}: {now['pages']:,} pages" + ("   before     after   change" if then else ""))
        for key in ("total", *(name for name, _ in REGIONS)):
            if not now.get(key) and not (then or {}).get(key):
                continue
            if then:
                old, new = then.get(key, 0), now.get(key, 0)
                change = f"{(new - old) / old:+.0%}" if old else ""
                lines.append(f"  {key:<14}{old:>9,.0f} {new:>9,.0f} {new - old:>+8,.0f} {change}")
            else:
                lines.append(f"  {key:<14}{now[key]:>9,.0f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site")
    parser.add_argument("before", type=Path, nargs="?", help="the same site built before a change")
    args = parser.parse_args(argv)
    print(table(measure(args.site), measure(args.before) if args.before else None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
