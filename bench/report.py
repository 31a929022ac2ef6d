"""The text table ``bench.run`` prints, from its results dictionary."""

from __future__ import annotations

from typing import Any

LIBRARY = (  # breakdown label -> what the row is called
    ("markdown", "Markdown.convert"),
    ("templates", "jinja2 Template.render"),
    ("write_file", "mkdocs.utils.write_file"),
    ("copy_file", "mkdocs.utils.copy_file"),
)
EVENT_ORDER = [f"on_{e}" for e in (  # the order a build fires them in, so rows stay put from run to run
    "startup", "config", "pre_build", "files", "nav", "env", "template_context", "pre_template", "post_template",
    "pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page", "post_build",
    "build_error", "shutdown")]
CACHE = {"cold": "cold: caches emptied before each build",
         "warm": "warm: the product's .cache/ filled by one unmeasured build, then kept; the peers cold",
         "edit": "edit: as warm, with one article's prose edited before each product build; the peers cold"}
METRIC_ROWS = (  # key, label, format; the compared ones (run.METRICS) get ratio cells
    ("wall_s", "wall (s)", "{:.2f}"), ("cpu_s", "CPU user+sys (s)", "{:.2f}"),
    ("cpu_children_s", "  of it subprocesses", "{:.2f}"),
    ("peak_largest_mib", "peak memory (MiB)", "{:.0f}"), ("peak_rss_mib", "  the build process", "{:.0f}"),
    ("peak_rss_children_mib", "  largest subprocess", "{:.0f}"))
OUTPUT_ROWS = (("bytes", "output bytes"), ("files", "output files"), ("html_pages", "  of them HTML pages"))
KIND_ROWS = (("html", "HTML bytes"), ("xml", "XML bytes (feeds)"), ("json", "JSON bytes (search)"), ("other", "other bytes"))
VERSIONS = (("mkdocs", "mkdocs"), ("mkdocs-material", "mkdocs-material"), ("markdown", "Markdown"), ("jinja2", "Jinja2"),
            ("pelican", "Pelican"), ("hugo", "Hugo"))


def columns(rows: list[list[str]]) -> list[str]:
    """Left-aligned columns, each as wide as its widest cell plus two spaces."""
    widths = [max(len(row[i]) for row in rows if i < len(row)) + 2 for i in range(max(map(len, rows)))]
    return ["".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]


def table(results: dict[str, Any]) -> str:
    tools = results["tools"]
    peers = tools[1:]
    product = results["product"]
    c = results["corpus"]
    v = results["versions"]
    lines = [
        f"bench: {results['n']:,} articles ({c['dispatch']:,} Dispatch, {c['vera2']:,} Vera2; {c['bytes']:,} bytes in "
        f"{c['files']:,} files), seed {results['seed']}, generator {results['generator']}",
        f"{results['runs']} build(s) of each, alternating {'/'.join(tools)}, one at a time, each in a fresh process; "
        f"{CACHE[results['cache']]}; SOURCE_DATE_EPOCH={results['source_date_epoch']}",
        f"Python {v['python']}, " + ", ".join(f"{label} {v[key]}" for key, label in VERSIONS if v.get(key, "absent") != "absent")
        + f"; {results['cpus']} CPUs",
        "peak memory: the largest process, the build's own or a subprocess it waited for (Pagefind, Hugo); a subprocess"
        " counts at least the build process's size when it was started (Linux keeps the peak across fork and exec)",
        *(["ratios: product/peer of the medians (the range over the runs paired in build order); above 1, the product"
           " takes more"] if peers else []),
        "",
    ]
    rows = [["median (min-max)", *tools, *(f"product/{peer}" for peer in peers)]]
    for key, label, fmt in METRIC_ROWS:
        cells = [f"{fmt.format(results[t][key]['median'])} ({fmt.format(results[t][key]['min'])}-{fmt.format(results[t][key]['max'])})"
                 for t in tools]
        compared = []
        for peer in peers:
            r = results[f"product/{peer}"].get(key)
            compared.append(f"{r['of_medians']:.2f} ({r['pairs_min']:.2f}-{r['pairs_max']:.2f})" if r else "")
        rows.append([label, *cells, *compared])
    for key, label in OUTPUT_ROWS:
        rows.append([label, *(f"{results[t]['output'][key]:,}" for t in tools),
                     *(f"{results[f'product/{peer}'][key]:.2f}" for peer in peers)])
    for kind, label in KIND_ROWS:
        rows.append(["  " + label, *(f"{results[t]['output']['bytes_by_kind'][kind]:,}" for t in tools)])
    rows.append(["runs byte-identical", *("yes" if results[t]["identical_runs"] else "NO, in " + " ".join(results[t]["differing_entries"])
                                          for t in tools)])
    lines += columns(rows)
    lines += ["", *breakdown(product, results.get("floor"), results["runs"])]
    return "\n".join(line.rstrip() for line in lines)


def breakdown(product: dict[str, Any], floor: dict[str, Any] | None, runs: int) -> list[str]:
    """The product's time by plugin handler and library call, beside the floor's where it was built;
    self time excludes nested timers."""
    wall = product["wall_s"]["median"]
    items, others = product["breakdown"], floor["breakdown"] if floor else {}
    lines = [f"where the product's build time goes (medians of {runs} run(s); self excludes timers nested inside)",
             f"{'':<48}{'calls':>7}{'total s':>10}{'self s':>10}{'% wall':>8}{'floor self s':>14}"]

    def row(label: str, calls: str, total: float, self: float, floor_self: float | None) -> str:
        theirs = "-" if floor_self is None else f"{floor_self:.3f}"
        return f"{label:<48}{calls:>7}{total:>10.3f}{self:>10.3f}{100 * self / wall:>7.1f}%{theirs:>14}"

    plugins = sorted(product["plugins"], key=lambda name: (not name.startswith("press/"), product["plugins"].index(name)))
    for plugin in plugins:
        prefix = f"plugin {plugin}."
        handlers = {label[len(prefix):]: stat for label, stat in items.items() if label.startswith(prefix)}
        floor_handlers = [stat for label, stat in others.items() if label.startswith(prefix)]
        total, self = sum(h["total"] for h in handlers.values()), sum(h["self"] for h in handlers.values())
        lines.append(row(plugin, "", total, self, sum(h["self"] for h in floor_handlers) if floor_handlers else None))
        for name, stat in sorted(handlers.items(), key=lambda kv: (EVENT_ORDER.index(kv[0]) if kv[0] in EVENT_ORDER else 99, kv[0])):
            floor_stat = others.get(prefix + name)
            lines.append(row(f"  {name}", f"{stat['calls']:,}", stat["total"], stat["self"], floor_stat and floor_stat["self"]))
    for key, label in LIBRARY + (("other", "everything else (MkDocs, theme, config loading)"),):
        stat = items.get(key, {"calls": 0, "total": 0.0, "self": 0.0})
        floor_stat = others.get(key)
        calls = f"{stat['calls']:,}" if key != "other" else ""
        lines.append(row(label, calls, stat["self"] if key == "other" else stat["total"], stat["self"], floor_stat and floor_stat["self"]))
    return lines
