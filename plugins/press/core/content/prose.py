"""The lines of a Markdown body that are prose: outside fenced and indented code, code spans blanked.

Citations and links are looked for only there, so an example in a code block is
never reported as a broken citation or link.
"""

from __future__ import annotations

import re
from typing import Iterator

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def prose_lines(markdown: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(line number in the file, line with code spans replaced by spaces), code blocks skipped."""
    fence: str | None = None
    previous_blank = True
    for number, line in enumerate(markdown.splitlines(), start=first_line):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        indented_code = previous_blank and (line.startswith("    ") or line.startswith("\t"))
        previous_blank = not line.strip() or (indented_code and previous_blank)
        if indented_code:
            continue
        yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
