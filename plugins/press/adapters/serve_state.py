"""What a ``serve`` process keeps between the live preview's rebuilds, in one object.

MkDocs makes new plugin instances for every rebuild, so whatever must outlive one build lives
here, not in module globals scattered over the plugins: the checked articles, the related lists,
each feed's last body and key, the inputs of the last build, the compiled templates and the
background search indexer. Entries that depend on the output folder are kept per ``site_dir``.
A plain ``build`` reads none of it.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

import jinja2

from ..core.content.model import Article
from ..core.features.feeds import Enclosure
from ..core.incremental.memos import ArticleMemo, RelatedMemo
from ..core.incremental.preview import KnownRecords, Snapshot


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory: each rebuild loads a new Jinja environment, which compiled them all again.

    Jinja checks each entry against its template's source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class BackgroundQueue:
    """One background job at a time (the search indexer); only the newest request matters."""

    def __init__(self) -> None:
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="press-search")
        self.generation = 0
        self.lock = threading.Lock()
        self.local = threading.local()

    def submit(self, job: Callable[[], None]) -> None:
        with self.lock:
            self.generation += 1
            generation = self.generation

        def run() -> None:
            self.local.generation = generation
            job()

        self.executor.submit(run)

    def superseded(self) -> bool:
        with self.lock:
            return self.local.generation != self.generation


@dataclass
class ServeState:
    articles: ArticleMemo | None = None  # press/articles: checked article files
    related: RelatedMemo = field(default_factory=RelatedMemo)  # press/crosslinks
    bodies: dict[str, dict[str, str]] = field(default_factory=dict)  # press/feeds: site_dir -> article src -> last body
    feeds: dict[str, dict[str, str]] = field(default_factory=dict)  # press/feeds: site_dir -> feed path -> key written
    # press/feeds: site_dir -> article src -> (record, body, enclosure, the digest of the three)
    feed_items: dict[str, dict[str, tuple[Article, str, Enclosure | None, str]]] = field(default_factory=dict)
    previous: dict[str, Snapshot] = field(default_factory=dict)  # press/incremental: site_dir -> last completed build's inputs
    records: KnownRecords = field(default_factory=dict)  # press/incremental: each article's record digest, by record
    templates: CompiledTemplates = field(default_factory=CompiledTemplates)  # press/incremental
    search: BackgroundQueue = field(default_factory=BackgroundQueue)  # press/search


STATE = ServeState()
