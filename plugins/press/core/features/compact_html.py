"""Pages without the indentation of the templates that made them.

Material's templates and ours indent their markup for the people who read them; in a built page that
indentation is about an eighth of the bytes (13% of the HTML of a 1,000-article site), and a site of
10,000 articles has to fit in GitHub Pages' 1 GB. A run of whitespace that holds a line break is
shown exactly as a single line break is (HTML collapses it to one space), outside the elements that
keep their whitespace (``pre``, ``textarea``) and those whose text is not HTML (``script``, ``style``),
which are left as they are. One pass of two regular expressions: linear, no parsing.
"""

from __future__ import annotations

import re

VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
INDENT = re.compile(r"\n\s+")


def compact(html: str) -> str:
    """`html` with every whitespace run that holds a line break made one line break, outside verbatim elements."""
    parts = VERBATIM.split(html)  # text, verbatim element, its tag name, text, ...
    out = []
    for index in range(0, len(parts), 3):
        out.append(INDENT.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
