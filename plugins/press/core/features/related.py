"""Related articles, scored from shared rare features, without comparing every pair.

Features of an article: its tags (weight: idf, the rarer the stronger), the URLs
of its sources (2 x idf: citing the same document is a strong signal) and the
words of its title and description (idf / 2). Features found in more than one
article in twenty (at least 50) are too common to tell anything and are ignored.
Each article gathers candidates
through inverted indexes from its `FEATURES_PER_ARTICLE` strongest features,
reading per feature only the `NEAREST` articles nearest to it in time (a window
of the feature's list, which is in catalog order, around the article's place),
so the cost grows like n x a constant, never n squared, and an old article's
candidates are its contemporaries rather than the newest articles. A shared section adds a small bonus;
scores below `threshold` are not shown; ties go to the newer article, then the URL.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from ..content.catalog import Catalog
from ..content.model import Article
from ..content.slugs import slugify

FEATURES_PER_ARTICLE = 16
NEAREST = 50  # at least COMMON_FLOOR: below 1,000 articles (n / 20 <= 50) every list is read whole
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
    publications = [a.publication for a in articles]
    groups = [(a.publication, a.section) if a.section else None for a in articles]  # who shares the section bonus
    result: dict[str, Related] = {}
    for index, article in enumerate(articles):
        strongest = sorted((f for f in feats[index] if f in weight), key=lambda f: (-weight[f], f))[:FEATURES_PER_ARTICLE]
        scores: defaultdict[int, float] = defaultdict(float)
        for f in strongest:
            w = weight[f]
            for other in _nearest(postings[f], index):
                scores[other] += w
        scores.pop(index, None)
        if (group := groups[index]) is not None:
            for other in scores:
                if groups[other] == group:
                    scores[other] += SECTION_BONUS
        same, other = _best(scores, publications, article.publication, threshold, limit, other_limit)
        result[article.src_path] = Related(tuple(articles[i] for i in same), tuple(articles[i] for i in other))
    return result


def _best(scores: dict[int, float], publications: list[str], publication: str, threshold: float, limit: int,
          other_limit: int) -> tuple[list[int], list[int]]:
    """The highest scores at or above `threshold`, in `publication` and in the others; ties go to the newer article."""
    same: list[int] = []
    other: list[int] = []
    for _, i in sorted([(-score, i) for i, score in scores.items() if score >= threshold]):  # tuples: no key function
        if publications[i] == publication:
            if len(same) < limit:
                same.append(i)
        elif len(other) < other_limit:
            other.append(i)
        if len(same) >= limit and len(other) >= other_limit:
            break
    return same, other


def _nearest(posting: list[int], index: int) -> list[int]:
    """The `NEAREST` entries of an ascending posting list closest to `index` in it (the whole list when shorter)."""
    if len(posting) <= NEAREST:
        return posting
    start = min(max(bisect_left(posting, index) - NEAREST // 2, 0), len(posting) - NEAREST)
    return posting[start:start + NEAREST]
