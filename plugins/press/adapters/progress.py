"""The lines ``press build`` shows on a terminal while it runs: one per step, with its count and elapsed time.

rich draws them (``rich.progress``): its live display refreshes the elapsed time by itself, which a
step that waits on one subprocess (Pagefind) needs, and while it runs it prints whatever is written
to standard error (MkDocs' log lines) above the progress lines instead of through them. Only
``press build`` makes one, and only when standard error is a terminal: logs and tests never see it.
"""

from __future__ import annotations

from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn


class TerminalProgress:
    """A `press.adapters.summary.Progress` on a terminal; use it as a context manager around the build."""

    def __init__(self, stream: TextIO) -> None:
        self.lines = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[count]}"),
                              TimeElapsedColumn(), console=Console(file=stream, soft_wrap=True), refresh_per_second=5)
        # soft_wrap: a log line printed above the progress is left for the terminal to wrap, never cut in two
        self.task: TaskID | None = None

    def __enter__(self) -> TerminalProgress:
        self.lines.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.stop()

    def stop(self) -> None:
        """End the display, its last lines left on the terminal; what is logged next goes below them."""
        self.finish()
        self.lines.stop()

    def start(self, label: str, total: int | None) -> None:
        self.finish()
        self.task = self.lines.add_task(label, total=total, count=_count(0, total))

    def expect(self, total: int) -> None:
        if self.task is not None:
            self.lines.update(self.task, total=total, count=_count(0, total))

    def advance(self, done: int) -> None:
        if self.task is not None:
            self.lines.advance(self.task, done)
            task = self.lines.tasks[-1]
            self.lines.update(self.task, count=_count(int(task.completed), task.total))

    def finish(self) -> None:
        """Freeze the step's line: its bar full, its time stopped."""
        if self.task is None:
            return
        task = self.lines.tasks[-1]
        done = int(task.completed)
        self.lines.update(self.task, total=max(done, 1), completed=max(done, 1), count=_count(done, task.total))
        self.lines.stop_task(self.task)
        self.task = None


def _count(done: int, total: float | None) -> str:
    return "" if total is None else f"{done}/{int(total)}"
