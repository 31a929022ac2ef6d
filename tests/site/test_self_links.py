"""Absolute links to the site itself are checked like relative ones: a dead one fails the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .builder import AUTHORS_YML, article, make_fixture, press_errors

BODY = ("Read [the note](https://fixture.example/dispatch/2025/11/note/), the [feed](https://fixture.example/feed.xml#top)"
        " and [the home page](https://fixture.example).\n\nBut [this](https://fixture.example/vera2/2025/11/gone/) is dead.\n")


def test_a_dead_absolute_self_link_fails_the_build_with_file_line_and_field(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/links.md": article("Links", body=BODY),
        "dispatch/posts/2025/note.md": article("A note", section=None),
        "authors.yml": AUTHORS_YML.replace("      website: https://northriver.example/\n",
                                           "      website: https://northriver.example/\n"
                                           "      newsletter: https://fixture.example/newsletter/\n"),
    })
    with pytest.raises(Abort):
        fixture.build()
    hint = "\n  hint: link to a page that exists (absolute links to this site are checked like relative ones), or add the page"
    assert press_errors(caplog) == [
        "press: content/authors.yml:9: authors.jt-mercer.links.newsletter: links to https://fixture.example/newsletter/, "
        "but the site has no page at /newsletter/" + hint,
        "press: content/vera2/posts/2025/links.md:11: link: links to https://fixture.example/vera2/2025/11/gone/, "
        "but the site has no page at /vera2/2025/11/gone/" + hint,
    ]


def test_live_absolute_self_links_pass(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/links.md": article("Links", body=BODY.split("\n\n")[0] + "\n"),
        "dispatch/posts/2025/note.md": article("A note", section=None),
    })
    fixture.build()
    assert 'href="https://fixture.example/dispatch/2025/11/note/"' in fixture.page("vera2/2025/11/links")
