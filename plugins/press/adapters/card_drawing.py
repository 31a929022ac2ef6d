"""Social cards drawn beside the build while MkDocs converts and renders the pages.

A card is independent of every page, so the build need not wait for it: at 1,000 articles drawing
the cards took a quarter of a cold build's wall time, in the build's own process. `CardDrawing`
hands every card missing from the cache to workers as soon as the plan is known; the build waits
for them only after its pages are written (`finish`). Many cards go to worker processes, one fewer
than the cores, so the build keeps one for itself (threads would share the build's interpreter
lock with the Markdown and templates); a handful go to threads, which start at once.
A card whose image cannot be read is drawn without it under the same key, so no page depends on
how drawing went. Each card is written atomically (`memos.cached_card`): the order changes no byte.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Callable

from ..core.features.cards import CardSpec, card_key
from ..core.incremental import memos
from ..core.incremental.store import Store

PROCESSES_FROM = 64  # fewer cards than this are drawn by threads: starting a process costs more than they do
WORKER_NICENESS = 5  # added to the workers' niceness (of 19): the rendering of pages keeps the processor first


class CardDrawing:
    """The cards one build draws, and the workers drawing them."""

    def __init__(self, store: Store, specs: list[CardSpec]) -> None:
        keyed = {card_key(spec): spec for spec in specs}
        self.whole = memos.WholeCards(store)
        todo = {key: spec for key, spec in keyed.items() if not self.whole.whole(key)}
        self.futures: dict[str, Future[tuple[Path, bool]]] = {}
        self.pool: Executor | None = None
        if not todo:
            self.whole.save()
            return  # the usual rebuild: every card is in the cache, no worker to start
        cores = os.cpu_count() or 1
        if len(todo) < PROCESSES_FROM:
            self.pool = ThreadPoolExecutor(max_workers=min(len(todo), cores))
        else:
            # spawn, not fork: the build has threads by now (the progress display). The workers run a little
            # nicer than the build: the build renders the pages, on which the whole build waits.
            self.pool = ProcessPoolExecutor(max_workers=min(len(todo), max(1, cores - 1)),
                                            mp_context=multiprocessing.get_context("spawn"),
                                            initializer=os.nice, initargs=(WORKER_NICENESS,))
        for key, spec in todo.items():
            self.futures[key] = self.pool.submit(memos.cached_card, spec, store, key)

    @property
    def pending(self) -> set[str]:
        """Keys of the cards being drawn: their files may not exist until `finish`."""
        return set(self.futures)

    def finish(self, advance: Callable[[], None] = lambda: None) -> int:
        """Wait for every card, calling `advance` as each is done; how many were drawn."""
        try:
            drawn = 0
            keys = {future: key for key, future in self.futures.items()}
            for future in as_completed(keys):
                path, was_drawn = future.result()
                self.whole.drawn(keys[future], path)
                drawn += was_drawn
                advance()
            self.whole.save()
            return drawn
        finally:
            self.close()

    def close(self) -> None:
        """Stop the workers; a failed or interrupted build does not wait for the cards it has not started."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        self.futures = {}
