"""Many article files checked on every core: a cold build's first step no longer holds the second one idle.

Checking an article (``checked.check_article_file``: front matter, fields, citations, raw HTML, links) costs about
1.1 ms and depends only on the file's bytes, its publication and the rules. A cold build at 10,000 articles spent
11 s on it in one process, with the second core idle (nothing else can start before the content is known). From
`PARALLEL_FROM` files on, `check_files` starts worker processes (one fewer than the cores) and hands them chunks from
the end of the list while this process checks from the start; a chunk no worker has started when this process
reaches it is checked here, so neither side waits on the other for long. The results are equal, and in the
same order, whoever checked them: a check is a pure function of its inputs. So a worker that dies (out of
memory, killed) costs time, never the build: what it had not returned is checked here.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Sequence

from .checked import CheckedArticle, RawFile, check_article_file
from .validate import SiteRules

PARALLEL_FROM = 1_000  # fewer files are checked here: starting a process (0.3 s) costs more than it saves
CHUNK = 100  # files a worker checks per task: small enough to balance, large enough to pickle in bulk

_rules: SiteRules | None = None  # a worker's rules, sent once when it starts


def check_files(files: Sequence[tuple[RawFile, str]], rules: SiteRules, parallel_from: int | None = None) -> list[CheckedArticle]:
    """Each (file, publication) checked against `rules`, in order; on several cores when there are many."""
    cores = os.cpu_count() or 1
    if len(files) < (PARALLEL_FROM if parallel_from is None else parallel_from) or cores < 2:
        return [check_article_file(file, publication, rules) for file, publication in files]
    chunks = [files[start:start + CHUNK] for start in range(0, len(files), CHUNK)]
    results: list[list[CheckedArticle]] = []
    # spawn, not fork: the build has threads by now (the writer of the cache, the progress display)
    with ProcessPoolExecutor(max_workers=cores - 1, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start, initargs=(rules,)) as pool:
        futures: dict[int, Future[list[CheckedArticle]]] = {
            n: pool.submit(_check_chunk, chunks[n]) for n in range(len(chunks) - 1, 0, -1)}  # from the end
        for n, chunk in enumerate(chunks):
            future = futures.get(n)
            if future is not None and not future.cancel():
                try:
                    results.append(future.result())
                    continue
                except BrokenProcessPool:
                    pass  # a worker died: every chunk not yet returned is checked here
            results.append([check_article_file(file, publication, rules) for file, publication in chunk])
    return [checked for chunk in results for checked in chunk]


def _start(rules: SiteRules) -> None:
    global _rules
    _rules = rules


def _check_chunk(chunk: Sequence[tuple[RawFile, str]]) -> list[CheckedArticle]:
    assert _rules is not None
    return [check_article_file(file, publication, _rules) for file, publication in chunk]
