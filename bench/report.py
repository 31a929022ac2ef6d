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
CACHE = {"cold": "cold: .cache/ emptied before each build", "warm": "warm: .cache/ filled by one unmeasured build, then kept"}
METRIC_ROWS = (("wall_s", "wall (s)", "{:.2f}"), ("cpu_s", "CPU user+sys (s)", "{:.2f}"),
               ("cpu_children_s", "  of it subprocesses", "{:.2f}"), ("peak_rss_mib", "peak RSS (MiB)", "{:.0f}"),
               ("peak_rss_children_mib", "  largest subprocess", "{:.0f}"))


def table(results: dict[str, Any]) -> str:
    product, floor = results["product"], results["floor"]
    c = results["corpus"]
    v = results["versions"]
    lines = [
        f"bench: {results['n']:,} articles ({c['dispatch']:,} Dispatch, {c['vera2']:,} Vera2; {c['bytes']:,} bytes in "
        f"{c['files']:,} files), seed {results['seed']}, generator {results['generator']}",
        f"{results['runs']} build(s) of each, alternating product/floor, one at a time; {CACHE[results['cache']]}; "
        f"SOURCE_DATE_EPOCH={results['source_date_epoch']}",
        f"Python {v['python']}, mkdocs {v['mkdocs']}, mkdocs-material {v['mkdocs-material']}, Markdown {v['markdown']}, "
        f"Jinja2 {v['jinja2']}; {results['cpus']} CPUs",
        "",
        f"{'median (min-max)':<22}{'product':<26}{'floor':<26}product/floor",
    ]
    ratio = results["product/floor"]
    for key, label, fmt in METRIC_ROWS:
        cells = [f"{fmt.format(s[key]['median'])} ({fmt.format(s[key]['min'])}-{fmt.format(s[key]['max'])})" for s in (product, floor)]
        r = ratio.get(key)
        compared = f"{r['of_medians']:.2f} (pairs {r['pairs_min']:.2f}-{r['pairs_max']:.2f})" if r else ""
        lines.append(f"{label:<22}{cells[0]:<26}{cells[1]:<26}{compared}")
    lines.append(f"{'output bytes':<22}{product['output']['bytes']:<26,}{floor['output']['bytes']:<26,}{ratio['bytes']:.2f}")
    lines.append(f"{'output files':<22}{product['output']['files']:<26,}{floor['output']['files']:<26,}{ratio['files']:.2f}")
    lines.append(f"{'  of them HTML pages':<22}{product['output']['html_pages']:<26,}{floor['output']['html_pages']:<26,}")
    for kind, label in (("html", "HTML bytes"), ("xml", "XML bytes (feeds)"), ("json", "JSON bytes (search)"), ("other", "other bytes")):
        mine, theirs = product["output"]["bytes_by_kind"][kind], floor["output"]["bytes_by_kind"][kind]
        lines.append(f"{'  ' + label:<22}{mine:<26,}{theirs:<26,}")
    same = ["yes" if s["identical_runs"] else "NO, in " + " ".join(s["differing_entries"]) for s in (product, floor)]
    lines.append(f"{'runs byte-identical':<22}{same[0]:<26}{same[1]:<26}")
    lines += ["", *breakdown(product, floor, results["runs"])]
    return "\n".join(line.rstrip() for line in lines)


def breakdown(product: dict[str, Any], floor: dict[str, Any], runs: int) -> list[str]:
    """The product's time by plugin handler and library call; self time excludes nested timers."""
    wall = product["wall_s"]["median"]
    items, others = product["breakdown"], floor["breakdown"]
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
