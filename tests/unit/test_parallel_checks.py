"""Article files checked on several processes: the same results, in the same order, as one process."""

from __future__ import annotations

import dataclasses
import os

from press.core.content import parallel_checks
from press.core.content.checked import RawFile, check_article_file

from .rules import RULES


def files(count: int) -> list[tuple[RawFile, str]]:
    """Valid articles and, every seventh, one with a problem: problems travel back with the results."""
    made = []
    for n in range(count):
        date = "2025-13-01" if n % 7 == 0 else f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        raw = (f"---\ntitle: Article {n}\ndescription: About {n}.\ndate: {date}\nauthors: [dana-okafor]\n"
               f"categories: [Courts]\n---\n\nBody {n} with [a link](other-{n}.md).\n").encode()
        made.append((RawFile(f"vera2/posts/2025/a{n:04d}.md", raw), "vera2"))
    return made


def test_checks_on_several_processes_equal_one_process_in_order() -> None:
    checked = files(450)
    here = [check_article_file(file, publication, RULES) for file, publication in checked]
    assert sum(1 for c in here if c.problems) > 60, "the fixture has problems to carry"
    assert parallel_checks.check_files(checked, RULES, parallel_from=1) == here


def test_few_files_start_no_process(monkeypatch) -> None:
    monkeypatch.setattr(parallel_checks, "ProcessPoolExecutor", None)  # would fail if used
    checked = files(5)
    assert parallel_checks.check_files(checked, RULES) == [check_article_file(f, p, RULES) for f, p in checked]


class DyingRules(type(RULES)):  # type: ignore[misc]
    """The site's rules, but a worker that receives them exits at once (as one the kernel kills for memory)."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return os._exit, (3,)


def test_a_worker_that_dies_costs_time_not_the_build() -> None:
    checked = files(450)
    rules = DyingRules(**{f.name: getattr(RULES, f.name) for f in dataclasses.fields(RULES)})
    assert parallel_checks.check_files(checked, rules, parallel_from=1) == [check_article_file(f, p, RULES) for f, p in checked]
