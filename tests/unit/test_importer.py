"""`press import`: each input in cases/import/ against its golden article and checklist.

The inputs have different shapes: plain text copied from a page (one
paragraph a line, chips, a Further Reading without URLs, boilerplate at the
end), an HTML page (<h1>/<h2>/<p>/<ul>/<a>, chips as links, further reading
with links), an HTML page with images, a figure, a table, code, a nested list and
embeds, and wrapped plain text with blank lines, a byline, lists and no
further reading. Each imported file must pass validation once its to-do list
is done.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
import yaml

from press.core.authoring.html_markdown import html_to_markdown
from press.core.authoring.import_read import read_text
from press.core.authoring.import_sources import FoundSource, match, read_entry
from press.core.authoring.importer import import_article
from press.core.content.model import Publication
from press.core.authoring.scaffold import Placement, Refused
from press.core.site import Options, RawFile, load_site

from .rules import RULES

CASES = Path(__file__).parent / "cases" / "import"
INPUTS = sorted(p for p in CASES.iterdir() if p.suffix in (".txt", ".html"))
VERA2 = Publication("vera2", "Vera2", "", ("Courts", "Global Affairs"), True)
PLACEMENT = Placement(VERA2, "Courts", ("dana-okafor",), None)
TODAY = dt.date(2025, 12, 1)
AUTHORS = b"authors:\n  dana-okafor:\n    name: Dana Okafor\n"


def imported(source: Path):
    return import_article(source.read_text(encoding="utf-8"), PLACEMENT, today=TODAY, tags=("test",))


def checklist(result) -> str:
    return "".join(f"todo {line}\n" for line in result.todo) + "".join(f"review {line}\n" for line in result.review)


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
def test_the_import_matches_its_golden(source: Path, update_goldens: bool) -> None:
    result = imported(source)
    for suffix, actual in ((".md", result.text), (".checklist", checklist(result))):
        golden = source.with_suffix(suffix)
        if update_goldens:
            golden.write_text(actual, encoding="utf-8")
        assert actual == golden.read_text(encoding="utf-8"), f"{golden.name} differs (run pytest --update-goldens and review the diff)"


def fill_in(text: str, todo: tuple[str, ...]) -> str:
    """Do what the to-do list says: give every source its URL, add the sources that chips named."""
    numbers = itertools.count(1)
    text = re.sub(r'url: ""  # .*', lambda m: f"url: https://example.org/source-{next(numbers)}", text)
    missing = [re.search(r"with id: ([a-z0-9-]+)", item)[1] for item in todo if ": citation: " in item]
    entries = "".join(f"  - id: {key}\n    publisher: {key.title()}\n    title: \"Added by hand\"\n    url: https://example.org/{key}\n"
                      for key in missing)
    if "further_reading:\n" not in text:
        entries = "further_reading:\n" + entries if entries else ""
        return text.replace("\n---\n", f"\n{entries}---\n", 1)
    head, body = text.split("\n---\n", 1)
    return f"{head}\n{entries}---\n{body}"


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
def test_the_import_validates_once_its_to_do_list_is_done(source: Path) -> None:
    result = imported(source)
    path = f"vera2/posts/2025/{result.slug}.md"
    rules = RULES.__class__(RULES.publications | {"vera2": VERA2}, {}, RULES.timezone)
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)

    def problems(text: str) -> list[str]:
        site = load_site([RawFile(path, text.encode("utf-8"))], RawFile("authors.yml", AUTHORS), rules, Options(now))
        return [e.headline() for e in site.errors]

    before = problems(result.text)
    fields = [e for e in before if ": citation: " not in e]  # citations are checked once the front matter is valid
    assert len(fields) == sum(": citation: " not in item for item in result.todo)
    assert problems(fill_in(result.text, result.todo)) == []


def test_headings_are_short_lines_without_final_punctuation_or_title_cased_questions() -> None:
    draft = read_text("Title\nIntro sentence one.\nA Heading\nText.\nWhy Courts Care About Dockets?\nText.\n"
                      "Is this a question, or a short paragraph?\nText.\nNot a heading at the end")
    assert [(b.kind, b.plain) for b in draft.blocks] == [
        ("paragraph", "Intro sentence one."), ("heading", "A Heading"), ("paragraph", "Text."),
        ("heading", "Why Courts Care About Dockets?"), ("paragraph", "Text."),
        ("paragraph", "Is this a question, or a short paragraph?"), ("paragraph", "Text."),
        ("paragraph", "Not a heading at the end"),
    ]


MATCHING = yaml.safe_load((CASES / "matching.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", MATCHING["entries"], ids=lambda c: c["text"][:40])
def test_further_reading_entries(case: dict) -> None:
    source = read_entry(case["text"], case.get("href", ""))
    assert source is not None
    found = {"publisher": source.publisher, "title": source.title, "url": source.url,
             "date": source.date.isoformat() if source.date else None, "site": source.site}
    assert found == case["read"]


SOURCES = [FoundSource(s["id"], s["publisher"], "T", s.get("url", ""), None, s.get("site", ""), "") for s in MATCHING["sources"]]


@pytest.mark.parametrize("chip, expected", MATCHING["chips"].items())
def test_chips_name_sources_loosely(chip: str, expected: str | None) -> None:
    name, _, href = chip.partition(" -> ")
    source, _ = match(name, href, SOURCES)
    assert (source.id if source else None) == expected


def test_a_line_of_chips_joins_the_paragraph_before_it() -> None:
    text = "Title\nThe ruling came on Friday.\nReuters+1\nFurther Reading\nReuters – “The ruling” (Nov. 3, 2025). Reuters\n"
    result = import_article(text, PLACEMENT, today=TODAY)
    assert result.text.endswith("\nThe ruling came on Friday. [@reuters]\n")


def test_a_title_alone_leaves_the_description_to_write() -> None:
    result = import_article("Just a headline\n", PLACEMENT, today=TODAY)
    assert result.todo == ("3: description: one or two sentences for listings, feeds and link previews "
                           "(the text has no paragraph to take them from)",)
    assert import_article("<title>Only a title | The Site</title><p>One line.</p>", PLACEMENT, today=TODAY).text.startswith(
        '---\ntitle: "Only a title"\ndescription: "One line."\n')


def test_nothing_to_import_is_refused() -> None:
    with pytest.raises(Refused) as refused:
        import_article("\n\n", PLACEMENT, today=TODAY)
    assert refused.value.message == "found no title"


def test_a_link_to_a_source_inside_a_sentence_stays_a_link() -> None:
    html = ("<h1>T</h1><p>As <a href='https://r.example/a'>Reuters</a> reported, it moved. <a href='https://r.example/a'>Reuters</a></p>"
            "<h2>Further Reading</h2><ul><li>Reuters – <a href='https://r.example/a'>“It moved”</a></li></ul>")
    result = import_article(html, PLACEMENT, today=TODAY)
    assert result.text.endswith("\nAs [Reuters](https://r.example/a) reported, it moved. [@reuters]\n")


def test_html_keeps_images_figures_tables_code_and_nested_lists_and_says_what_it_left_out() -> None:
    result = imported(CASES / "ferry-riders.html")
    body = result.text.split("\n---\n", 1)[1]
    assert "![The north dock at dawn](https://harbor.example/img/dock.jpg)\n" in body
    assert ("![The Osprey leaving port](https://harbor.example/img/boat.jpg)\n/// caption\n"
            "The *Osprey* leaves the north dock. Photo: Lee Ames\n///\n") in body
    assert "| Route | Riders |\n| --- | --- |\n| North | 12,400 |\n| South | 8,150 |\n" in body
    assert "```python\nriders = sum(counts)\nprint(riders)\n```\n" in body
    assert "- Weekdays\n    - Morning peak\n    - Evening peak\n- Weekends\n" in body
    assert "video.example" not in body and "<form" not in body and "track()" not in body
    images, dropped = (next(r for r in result.review if r.startswith(p)) for p in ("images:", "left out"))
    assert images.endswith("https://harbor.example/img/dock.jpg, https://harbor.example/img/boat.jpg")
    assert "set image: and image_alt:" in images
    assert dropped == ("left out what an article cannot hold: <iframe src=https://video.example/embed/123>, "
                       "<form action=https://harbor.example/subscribe>, <script>: link to it in the text if it matters")


@pytest.mark.parametrize("html, markdown", [
    ("<p>&lt;script&gt; [@key] *a* {: .x} &amp;copy;</p>", "&lt;script> \\[@key\\] \\*a\\* \\{: .x\\} &amp;copy;"),
    ("<p>- not a list</p><p># not a heading</p>", "\\- not a list\n\n\\# not a heading"),
    ("<table><tr><th>a|b</th></tr><tr><td>1</td></tr></table>", "| a\\|b |\n| --- |\n| 1 |"),
    ("<p><a href='javascript:alert(1)'>x</a> <a href='/local'>y</a> <a href='https://e.example/a b'>z</a></p>",
     "x y [z](https://e.example/a%20b)"),
    ("<pre class='brush: php'>echo 1;</pre><pre><code class='lang-JS'>a ``` b</code></pre>",
     "```php\necho 1;\n```\n\n````js\na ``` b\n````"),
    ("<ol start='3'><li>three<ul><li>sub<ol><li>deep</li></ol></li></ul></li></ol>", "3. three\n    - sub\n        1. deep"),
    ("<figure><figcaption>Before</figcaption><img src='https://i.example/a.png' alt='A'></figure>",
     "![A](https://i.example/a.png)\n/// caption\nBefore\n///"),
    ("<h1>Top</h1><p><img src='data:image/png;base64,xx' data-src='https://i.example/lazy.png' alt=''></p>",
     "## Top\n\n![](https://i.example/lazy.png)"),
    ("<table><tr><td>one<br>two</td></tr></table><pre>a  <br>b</pre>", "| one two |\n| --- |\n\n```\na  \nb\n```"),
])
def test_html_to_markdown_cases(html: str, markdown: str) -> None:
    assert html_to_markdown(html).markdown == markdown


def test_html_to_markdown_names_what_it_cannot_keep() -> None:
    converted = html_to_markdown("<p><img src='/rel.png'></p><noscript><img src='https://i.example/n.png'></noscript>"
                                 "<video><source src='https://v.example/a.mp4'></video><embed src='https://e.example/x'>")
    assert converted.markdown == "" and converted.images == ()
    assert converted.dropped == ("<noscript>", "<video src=https://v.example/a.mp4>", "<embed src=https://e.example/x>",
                                 "<img src=/rel.png> (not an absolute http(s) address)")
