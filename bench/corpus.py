"""A deterministic benchmark corpus: ``generate(root, n, seed)`` writes a complete project.

``root/content/`` holds the home page, the two publication pages, ``authors.yml`` and ``n``
articles, about 30% NRP Dispatch (``dispatch/posts/<year>/<slug>.md``) and 70% Vera2
(``vera2/posts/<year>/<slug>.md``). Each article has 1,200-1,800 words of seeded prose under
``##`` headings, with paragraphs, bullet lists, sometimes a blockquote, relative links to 1-3
other (older where possible) generated articles, 3-8 ``further_reading`` sources cited inline
2-5 times (``[@reuters]``, ``[@reuters; @ap-news]``), tags from a pool of 300, a section
(always on Vera2, usually on Dispatch); about 10% have a hero image (small JPEGs made with
Pillow, a few designs reused), 15% an ``updated`` date, 3% a correction, 5% ``cta: false``,
half an ``id``; one article per publication is pinned. Dates run from 2019 to 2025, all
before ``BUILD_EPOCH``, the ``SOURCE_DATE_EPOCH`` of every bench build; there are no drafts.

``root/mkdocs.yml`` is the product: the repository's mkdocs.yml as text, with ``custom_dir``
pointed back at the repository's overrides. ``root/floor.yml`` is the floor: the same site
metadata, theme settings and Markdown extensions on plain MkDocs + Material with only the
search plugin and a three-page nav (see ``floor_config``). ``root/pelican/`` and ``root/hugo/``
hold the same articles, read back from the product's files, for the two other peers: content
in each tool's format, Pelican's settings and Hugo's configuration and layouts
(``bench.peer_content``, ``bench.pelican_site``, ``bench.hugo_site``).

The same ``n`` and ``seed`` give byte-identical files (one ``random.Random`` per article,
seeded from a string, which Python hashes the same way in every process).
Run ``python -m bench.corpus ROOT --n 200`` to write one by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import posixpath
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

from . import hugo_site, peer_content, pelican_site
from . import vocabulary as v
from .prose import Block, Prose

REPO = Path(__file__).resolve().parents[1]
BUILD_EPOCH = 1767225600  # 2026-01-01T00:00:00Z
FIRST_DAY, LAST_DAY = dt.date(2019, 1, 1), dt.date(2025, 12, 30)
DISPATCH_SHARE = 0.3
IMAGE_SIZE = (1200, 675)
PUBLISHER_WEIGHTS = [1 / (rank + 1) ** 0.7 for rank in range(len(v.PUBLISHERS))]
TAG_WEIGHTS = [1 / (rank + 1) ** 0.6 for rank in range(len(v.TAGS))]


@dataclass(frozen=True)
class Planned:
    """What other articles need to know about an article before any of it is written."""

    index: int
    publication: str
    section: str | None
    topic: str  # the vocabulary: a Vera2 section, or "Dispatch"
    date: dt.date
    title: str
    slug: str

    @property
    def path(self) -> str:
        return f"{self.publication}/posts/{self.date.year}/{self.slug}.md"


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, as the content contract defines a slug."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def fingerprint() -> str:
    """Identifies the generator's output: any change to its code or word lists changes it."""
    digest = hashlib.sha256()
    for name in ("corpus.py", "prose.py", "vocabulary.py", "peer_content.py", "pelican_site.py", "hugo_site.py"):
        digest.update((Path(__file__).with_name(name)).read_bytes())
    return digest.hexdigest()[:16]


# -- planning: publications, sections, dates, titles, slugs ---------------------------------------

def plan(n: int, seed: int) -> list[Planned]:
    rng = random.Random(f"plan:{seed}")
    dispatch = round(n * DISPATCH_SHARE)
    publications = ["dispatch"] * dispatch + ["vera2"] * (n - dispatch)
    rng.shuffle(publications)
    span = (LAST_DAY - FIRST_DAY).days
    taken: set[str] = set()
    planned = []
    for index, pub in enumerate(publications):
        if pub == "vera2":
            section: str | None = rng.choice(v.SECTIONS["vera2"])
            topic = section
        else:
            section = rng.choice(v.SECTIONS["dispatch"]) if rng.random() < 0.7 else None
            topic = "Dispatch"
        title = Prose(rng, topic).title(pub)
        base = "-".join(slugify(title).split("-")[:8])
        slug, k = base, 1
        while slug in taken:
            k += 1
            slug = f"{base}-{k}"
        taken.add(slug)
        date = FIRST_DAY + dt.timedelta(days=rng.randint(0, span))
        planned.append(Planned(index, pub, section, topic, date, title, slug))
    return planned


def link_targets(planned: list[Planned], seed: int) -> dict[int, list[Planned]]:
    """1-3 other articles per article, older ones where there are enough of them."""
    rng = random.Random(f"links:{seed}")
    by_age = sorted(planned, key=lambda p: (p.date, p.index))
    targets = {}
    for position, article in enumerate(by_age):
        pool = by_age[:position] if position >= 3 else by_age[:position] + by_age[position + 1:]
        targets[article.index] = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
    return targets


# -- one article ------------------------------------------------------------------------------

def sources(rng: random.Random, prose: Prose, date: dt.date) -> list[dict[str, str]]:
    """3-8 sources; publishers cited twice get explicit ids (the default would repeat)."""
    picks = rng.choices(v.PUBLISHERS, PUBLISHER_WEIGHTS, k=rng.randint(3, 8))
    counts: dict[str, int] = {}
    for name, _ in picks:
        counts[name] = counts.get(name, 0) + 1
    seen: dict[str, int] = {}
    entries = []
    for name, host in picks:
        title = prose.headline()
        when = date - dt.timedelta(days=rng.randint(0, 30))
        entry = {"publisher": name, "title": title,
                 "url": f"https://{host}/{rng.choice(v.URL_SECTIONS)}/{slugify(title)[:60].strip('-')}-{when:%Y-%m-%d}/"}
        if rng.random() < 0.7:
            entry["date"] = when.isoformat()
        if counts[name] > 1:
            seen[name] = seen.get(name, 0) + 1
            entry["id"] = f"{slugify(name)}-{seen[name]}"
        entry["key"] = entry.get("id", slugify(name))
        entries.append(entry)
    assert len({e["key"] for e in entries}) == len(entries)
    return entries


def front_matter(p: Planned, rng: random.Random, prose: Prose, refs: list[dict[str, str]], image: tuple | None,
                 pinned: bool) -> str:
    lines = ["---", f"title: {q(p.title)}", f"description: {q(prose.description(300))}"]
    if rng.random() < 0.2:
        lines.append(f"date: {p.date.isoformat()}T{rng.randint(6, 18):02d}:{rng.choice((0, 15, 30, 45)):02d}:00-05:00")
    else:
        lines.append(f"date: {p.date.isoformat()}")
    later = min(LAST_DAY, p.date + dt.timedelta(days=rng.randint(1, 60)))
    if rng.random() < 0.15 and later > p.date:
        lines.append(f"updated: {later.isoformat()}")
    if rng.random() < 0.5:
        lines.append(f"id: {q(f'{p.publication}-{p.slug}-{p.date.year}')}")
    if p.publication == "dispatch":
        authors = [v.DISPATCH_AUTHOR]
    else:
        authors = rng.sample(v.VERA2_AUTHORS, 2 if rng.random() < 0.1 else 1)
        if rng.random() < 0.05:
            authors.append(v.DISPATCH_AUTHOR)
    lines.append(f"authors: [{', '.join(q(a) for a in authors)}]")
    if p.section:
        lines.append(f"categories: [{q(p.section)}]")
    tags = list(dict.fromkeys(rng.sample(v.SECTION_TAGS[p.topic], rng.randint(1, 2))
                              + rng.choices(v.TAGS, TAG_WEIGHTS, k=rng.randint(2, 4))))
    lines.append(f"tags: [{', '.join(q(t) for t in tags)}]")
    if image:
        lines += [f"image: {q('images/' + image[0])}", f"image_alt: {q(image[1])}"]
    lines.append("further_reading:")
    for ref in refs:
        lines.append(f"  - publisher: {q(ref['publisher'])}")
        if "id" in ref:
            lines.append(f"    id: {q(ref['id'])}")
        lines += [f"    title: {q(ref['title'])}", f"    url: {q(ref['url'])}"]
        if "date" in ref:
            lines.append(f"    date: {ref['date']}")
    if rng.random() < 0.03:
        fixed = min(LAST_DAY, p.date + dt.timedelta(days=rng.randint(1, 20)))
        lines += ["corrections:", f"  - date: {fixed.isoformat()}",
                  f"    text: {q('An earlier version of this article misdescribed ' + rng.choice(v.OBJECTS[p.topic]) + '.')}"]
    if rng.random() < 0.05:
        lines.append("cta: false")
    if pinned:
        lines.append("pin: true")
    return "\n".join(lines + ["---"])


def cite(rng: random.Random, paragraphs: list[Block], refs: list[dict[str, str]]) -> None:
    """2-5 citations of 1-3 sources each, at the end of sentences."""
    slots = [(b, i) for b in paragraphs for i in range(len(b.sentences))]
    for block, i in rng.sample(slots, min(len(slots), rng.randint(2, 5))):
        keys = rng.sample([r["key"] for r in refs], rng.choices((1, 2, 3), (70, 25, 5))[0])
        block.sentences[i] = block.sentences[i][:-1] + f" [{'; '.join('@' + k for k in keys)}]."


def link(rng: random.Random, paragraphs: list[Block], p: Planned, targets: list[Planned]) -> None:
    for target in targets:
        block = rng.choice(paragraphs)
        path = posixpath.relpath(target.path, posixpath.dirname(p.path))
        block.sentences.insert(rng.randint(0, len(block.sentences)), rng.choice(v.LINK_FRAMES).format(title=target.title, path=path))


def article(p: Planned, seed: int, targets: list[Planned], pinned: bool) -> tuple[str, tuple | None]:
    """The file's text, and the hero image it uses (an entry of ``vocabulary.IMAGES``) or None."""
    rng = random.Random(f"article:{seed}:{p.index}")
    prose = Prose(rng, p.topic)
    refs = sources(rng, prose, p.date)
    image = rng.choice(v.IMAGES) if rng.random() < 0.1 else None
    head = front_matter(p, rng, prose, refs, image, pinned)
    blocks = prose.body(rng.randint(1200, 1640))  # the last paragraph, links and citations add up to ~150 words
    paragraphs = [b for b in blocks if b.sentences]
    cite(rng, paragraphs, refs)
    link(rng, paragraphs, p, targets)
    return head + "\n\n" + "\n\n".join(b.render() for b in blocks) + "\n", image


# -- files --------------------------------------------------------------------------------------

def hero_jpeg(index: int) -> bytes:
    """One of a few distinct 1200x675 images: a gradient with simple shapes on it."""
    _, _, top, bottom = v.IMAGES[index]
    mask = Image.linear_gradient("L").resize(IMAGE_SIZE)
    image = Image.composite(Image.new("RGB", IMAGE_SIZE, bottom), Image.new("RGB", IMAGE_SIZE, top), mask)
    draw = ImageDraw.Draw(image)
    shade = tuple(c // 3 for c in top)
    for k in range(12):
        x = 40 + k * 95
        if index % 2 == 0:
            draw.rectangle((x, 675 - 120 - (k * 37 + index * 53) % 260, x + 70, 675), fill=shade)
        else:
            draw.ellipse((x, 300 + (k * 29) % 120, x + 60, 360 + (k * 29) % 120), outline=shade, width=6)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


PAGES = {
    "index.md": ("North River Publications", "Benchmark corpus: two publications, generated articles.",
                 "# North River Publications\n\nGenerated for benchmarks: [NRP Dispatch](dispatch/index.md) and "
                 "[Vera2](vera2/index.md), with articles written by a seeded random generator.\n"),
    "dispatch/index.md": ("NRP Dispatch", "Commentary, author updates and notes on the writing life.",
                          "# NRP Dispatch\n\nGenerated commentary and notes from the writing desk.\n"),
    # The authors' newsletter link points here: the build checks links to the site itself.
    "newsletter.md": ("Newsletters", "The mailing lists of the benchmark publications.",
                      "# Newsletters\n\nGenerated: the sign-up page the authors' newsletter links lead to.\n"),
    "vera2/index.md": ("Vera2", "News and analysis, generated for benchmarks.",
                       "# Vera2\n\nGenerated reporting on politics, civil society, global affairs, courts and technology.\n"),
}


def write_content(root: Path, n: int, seed: int = 1) -> None:
    content = root / "content"
    for path, (title, description, body) in PAGES.items():
        write(content / path, f"---\ntitle: {q(title)}\ndescription: {q(description)}\n---\n\n{body}")
    write(content / "authors.yml", v.AUTHORS_YML)
    planned = plan(n, seed)
    targets = link_targets(planned, seed)
    pinned = {next(p.index for p in planned if p.publication == pub) for pub in {p.publication for p in planned}}
    images: dict[Path, int] = {}
    texts: dict[str, str] = {}
    for p in planned:
        text, image = article(p, seed, targets[p.index], p.index in pinned)
        write(content / p.path, text)
        texts[p.path] = text
        if image:
            images[content / posixpath.dirname(p.path) / "images" / image[0]] = v.IMAGES.index(image)
    jpegs = {index: hero_jpeg(index) for index in sorted(set(images.values()))}
    for path, index in sorted(images.items()):
        write(path, jpegs[index])
    write_peer_content(root, planned, texts, {v.IMAGES[index][0]: data for index, data in jpegs.items()})


def write_peer_content(root: Path, planned: list[Planned], texts: dict[str, str], images: dict[str, bytes]) -> None:
    """The same articles, read back from the product's files, in Pelican's and Hugo's formats."""
    urls = {p.path: peer_content.article_url(p.publication, p.date, p.slug) for p in planned}
    registry = yaml.safe_load(v.AUTHORS_YML)["authors"]
    names = {author: entry["name"] for author, entry in registry.items()}
    articles = [peer_content.from_product(path, text, urls, names) for path, text in texts.items()]
    pages = {"newsletter": PAGES["newsletter.md"][::2]}
    publications = {pub: PAGES[f"{pub}/index.md"][0] for pub in v.SECTIONS}
    for folder, files in ((pelican_site.FOLDER, pelican_site.files(articles, pages, images)),
                          (hugo_site.FOLDER, hugo_site.files(articles, pages, images, publications, names))):
        for path, data in files.items():
            write(root / folder / path, data)


# -- configurations ------------------------------------------------------------------------------

def product_config(source: Path = REPO / "mkdocs.yml") -> str:
    """The repository's mkdocs.yml, kept as text, with ``custom_dir`` resolved against the repository."""
    text = source.read_text(encoding="utf-8")
    if not re.search(r"^docs_dir:\s*content\s*$", text, re.M):
        raise SystemExit(f"{source}: expected 'docs_dir: content'; the corpus layout follows it")
    text = re.sub(r"^(\s+custom_dir:\s*)(\S+)\s*$", lambda m: m.group(1) + str((source.parent / m.group(2)).resolve()),
                  text, flags=re.M)
    return f"# The product: {source} with custom_dir made absolute (written by bench/corpus.py).\n" + text


def floor_config(source: Path = REPO / "mkdocs.yml") -> str:
    """Plain MkDocs + Material: the product's metadata, theme and Markdown extensions, no press plugins.

    Articles stay out of the nav (a nav of every article is quadratic); the omitted-files
    and link checks report at info level so ``--strict`` fails only on real warnings.
    """
    config = yaml.safe_load(source.read_text(encoding="utf-8"))
    floor = {key: value for key, value in config.items() if key not in ("plugins", "nav", "validation", "hooks")}
    floor["theme"] = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    floor["validation"] = {"omitted_files": "info", "absolute_links": "info", "unrecognized_links": "info", "anchors": "info"}
    floor["plugins"] = ["search"]
    floor["nav"] = [{"Home": "index.md"}, {"NRP Dispatch": "dispatch/index.md"}, {"Vera2": "vera2/index.md"}]
    header = "# The floor: plain MkDocs + Material on the same content (written by bench/corpus.py).\n"
    return header + yaml.safe_dump(floor, sort_keys=False, allow_unicode=True, width=120)


def write_configs(root: Path) -> None:
    write(root / "mkdocs.yml", product_config())
    write(root / "floor.yml", floor_config())


def per_page(source: Path = REPO / "mkdocs.yml") -> int:
    """The product's listing size (``press/articles: per_page``): the peers paginate alike."""
    for plugin in yaml.safe_load(source.read_text(encoding="utf-8")).get("plugins", []):
        if isinstance(plugin, dict) and "press/articles" in plugin:
            return int((plugin["press/articles"] or {}).get("per_page", 10))
    return 10


def write_peer_configs(root: Path) -> None:
    """Pelican's settings, Hugo's configuration and layouts (beside the content ``write_peer_content`` wrote)."""
    size = per_page()
    write(root / pelican_site.FOLDER / pelican_site.SETTINGS, pelican_site.settings_text(size))
    for path, text in hugo_site.settings_files(size).items():
        write(root / hugo_site.FOLDER / path, text)


def generate(root: Path, n: int, seed: int = 1) -> None:
    """Write a complete project into ``root`` (replaced if it holds an earlier corpus): content/, mkdocs.yml, floor.yml,
    pelican/ and hugo/."""
    if root.exists() and any(root.iterdir()):
        if not (root / "floor.yml").is_file():
            raise SystemExit(f"{root} is not empty and holds no earlier corpus (no floor.yml): refusing to replace it")
        shutil.rmtree(root)
    write_content(root, n, seed)
    write_configs(root)
    write_peer_configs(root)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.root, args.n, args.seed)
    print(f"wrote {args.n} articles to {args.root} (generator {fingerprint()}, seed {args.seed})")


if __name__ == "__main__":
    main()
