"""Compacting a page keeps what it shows: whitespace runs with a line break become one line break,
verbatim elements are untouched."""

from __future__ import annotations

import pytest

from press.core.features.compact_html import compact


@pytest.mark.parametrize(("page", "expected"), [
    ("<ul>\n    <li>a</li>\n    <li>b</li>\n</ul>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
    ("<p>one\n      two  three</p>", "<p>one\ntwo  three</p>"),  # spaces without a line break stay
    ("<a>x</a>\n  \n  <a>y</a>", "<a>x</a>\n<a>y</a>"),  # a space between inline elements survives as a line break
    ("<p>no breaks at all</p>", "<p>no breaks at all</p>"),
    ("<pre><code>def f():\n    return 1\n</code></pre>\n  <p>x</p>", "<pre><code>def f():\n    return 1\n</code></pre>\n<p>x</p>"),
    ("<PRE class='x'>\n  a\n</PRE >\n  b", "<PRE class='x'>\n  a\n</PRE >\nb"),
    ("<textarea>\n  typed\n</textarea>", "<textarea>\n  typed\n</textarea>"),
    ("<script>\n  const s = `a\n    b`;\n</script>\n   <style>\n  a { }\n</style>",
     "<script>\n  const s = `a\n    b`;\n</script>\n<style>\n  a { }\n</style>"),
    ("<pre>a</pre>\n  <script>x</script>\n  <pre>\n  b</pre>", "<pre>a</pre>\n<script>x</script>\n<pre>\n  b</pre>"),
])
def test_compact(page: str, expected: str) -> None:
    assert compact(page) == expected


def test_compacting_twice_changes_nothing_more() -> None:
    page = "<div>\n   <pre>\n  x</pre>\n\t\t<p>\n y</p></div>"
    assert compact(compact(page)) == compact(page)
