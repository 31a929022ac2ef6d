"""Related articles, scored from shared rare features, without comparing every pair.

Features of an article: its tags (weight: idf, the rarer the stronger), the URLs
of its sources (2 x idf: citing the same document is a strong signal) and the
words of its title and description (idf / 2). Features found in more than one
article in twenty (at least 50) are too common to tell anything and are ignored.
Each article gathers candidates
through inverted indexes from its `FEATURES_PER_ARTICLE` strongest features,
reading at most `POSTINGS` most recent articles per feature, so the cost grows
like n x a constant, never n squared. A shared section adds a small bonus;
scores below `threshold` are not shown; ties go to the newer article, then the URL.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..incremental.atomic_write import write_atomically
from ..content.catalog import Catalog
from ..incremental.digest import digest
from ..content.model import Article
from ..content.slugs import slugify

FEATURES_PER_ARTICLE = 16
POSTINGS = 400
COMMON_FLOOR = 50
SECTION_BONUS = 0.5
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
STOPWORDS = frozenset("""
about after again against also among because been before being between both could does doing down during each
from further have having here into itself just more most other over same should some such than that their theirs
them then there these they this those through under until very were what when where which while with would your
says said will year years week first last new news""".split())


@dataclass(frozen=True)
class Related:
    same: tuple[Article, ...]  # from the article's own publication
    other: tuple[Article, ...]  # from the other publications


def features(article: Article) -> set[str]:
    tags = {f"tag:{slugify(t)}" for t in article.tags}
    sources = {f"src:{s.url.rstrip('/')}" for s in article.further_reading}
    words = {f"word:{w}" for w in _WORD.findall(f"{article.title} {article.description}".lower()) if w not in STOPWORDS}
    return tags | sources | words


def _weight(feature: str, df: int, n: int) -> float:
    idf = math.log((n + 1) / df)
    kind = feature.split(":", 1)[0]
    return idf * {"tag": 1.0, "src": 2.0, "word": 0.5}[kind]


def related_articles(catalog: Catalog, *, limit: int = 4, other_limit: int = 3, threshold: float = 2.0) -> dict[str, Related]:
    """For every article (by src_path), its best matches in its publication and in the others."""
    articles = catalog.articles  # newest first: posting lists keep the most recent articles
    n = len(articles)
    feats = [features(a) for a in articles]
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for index, fs in enumerate(feats):
        for f in fs:
            postings[f].append(index)
    # A feature shared by more than one article in twenty says little about any pair: left out, with singletons.
    common = max(COMMON_FLOOR, n // 20)
    weight = {f: _weight(f, len(ids), n) for f, ids in postings.items() if 1 < len(ids) <= common}
    result: dict[str, Related] = {}
    for index, article in enumerate(articles):
        strongest = sorted((f for f in feats[index] if f in weight), key=lambda f: (-weight[f], f))[:FEATURES_PER_ARTICLE]
        scores: defaultdict[int, float] = defaultdict(float)
        for f in strongest:
            w = weight[f]
            for other in postings[f][:POSTINGS]:
                scores[other] += w
        scores.pop(index, None)
        for other in scores:
            if article.section and articles[other].section == article.section and articles[other].publication == article.publication:
                scores[other] += SECTION_BONUS
        ranked = sorted((i for i, s in scores.items() if s >= threshold), key=lambda i: (-scores[i], i))
        same = [articles[i] for i in ranked if articles[i].publication == article.publication]
        other = [articles[i] for i in ranked if articles[i].publication != article.publication]
        result[article.src_path] = Related(tuple(same[:limit]), tuple(other[:other_limit]))
    return result


class RelatedMemo:
    """Related lists reused while their inputs hold: between the live preview's rebuilds, and between builds on disk.

    The inputs are what `related_articles` reads: the order of the articles and each one's
    publication, section, tags, sources, title and description, the settings and the code
    (``version``). Editing an article's prose leaves them unchanged; the lists found for them
    are then mapped onto this build's records. At 10,000 articles this is most of what the
    related lists cost a rebuild.
    """

    def __init__(self) -> None:
        self.key: str | None = None
        self.found: dict[str, tuple[list[str], list[str]]] = {}

    def related(self, catalog: Catalog, *, limit: int, other_limit: int, threshold: float, version: str = "",
                store: Path | None = None) -> dict[str, Related]:
        """`related_articles`, from memory or from ``store`` (a JSON file) when the inputs are the same."""
        inputs = [("settings", repr((limit, other_limit, threshold, version)))]
        inputs += [(a.src_path, repr((a.publication, a.section, a.tags, [s.url for s in a.further_reading], a.title, a.description)))
                   for a in catalog.articles]
        key = digest("press-related:1", inputs)
        if key != self.key and store is not None:
            self._load(store)
        if key != self.key:
            result = related_articles(catalog, limit=limit, other_limit=other_limit, threshold=threshold)
            self.key = key
            self.found = {src: ([a.src_path for a in r.same], [a.src_path for a in r.other]) for src, r in result.items()}
            if store is not None:
                write_atomically(store, json.dumps({"key": key, "found": self.found}, sort_keys=True).encode("utf-8"))
            return result
        by_src = catalog.by_src
        return {src: Related(tuple(by_src[s] for s in same), tuple(by_src[s] for s in other)) for src, (same, other) in self.found.items()}

    def _load(self, store: Path) -> None:
        try:
            data = json.loads(store.read_text(encoding="utf-8"))
            self.key, self.found = data["key"], {src: (same, other) for src, (same, other) in data["found"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            pass  # absent or unreadable: computed again

