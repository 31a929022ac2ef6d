"""``press import``: an article published elsewhere, as one of ours.

The input is read into blocks (``import_read``); "Further Reading" becomes
``further_reading`` (``import_sources``); everything from "Connect with the
Author" on (the author and newsletter boilerplate the site adds by itself) is
left out. Source chips such as ``Reuters+1`` or ``Center for American
Progress+2EPP Group+2`` at the end of a sentence become citations,
``[@center-for-american-progress; @epp-group]``: each chip names one source
and the "+N" says how many more it stood for, which the text does not name.

What cannot be known is left for the author, in two lists: `todo` (fields the
file still lacks: plain text has no URLs; a chip whose publisher is not in the
further reading keeps a key that names no source), each with its line, which
``press check`` reports until it is done; and `review` (guesses worth a look).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Sequence

from ..content.citations import find_citations
from ..content.frontmatter import parse_document
from .import_read import Block, Run, looks_like_html, read_html, read_text
from .import_sources import FoundSource, is_further_reading, looks_like_entry, match, read_entries
from .scaffold import Placement, Refused, flow_item, flow_list, quoted
from ..content.slugs import slugify
from ..content.validate import MAX_DESCRIPTION

BOILERPLATE = ("connect with the author",)

_W = r"(?:[A-Z][\w’'&.-]*|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)"
_C = r"(?:of|and|for|the|on|de|du|del|des|la|le|in|at|&)"
_NAME = rf"{_W}(?:[ \u00a0](?:{_C}[ \u00a0])*{_W})*"
_AFTER_SENTENCE = r"(?:^|(?<=[.!?…”\"’)\]:;])[ \u00a0]+|(?<=\+\d)[ \u00a0]+)"
_CLUSTER = re.compile(rf"{_AFTER_SENTENCE}(?P<chips>(?:{_NAME}\+\d+)+)(?=\s|$)")
_CHIP = re.compile(rf"(?P<name>{_NAME})\+(?P<extra>\d+)")
_LAST = re.compile(rf"(?<=[.!?…”\"’)])[ \u00a0]+(?P<name>{_NAME})\s*$")


@dataclass(frozen=True)
class Imported:
    slug: str
    date: dt.date
    text: str
    todo: tuple[str, ...]  # "line: field: what to fill in"
    review: tuple[str, ...]


def import_article(raw: str, placement: Placement, *, today: dt.date, date: dt.date | None = None,
                   tags: tuple[str, ...] = (), html: bool | None = None, more: Sequence[str] = ()) -> Imported:
    """`more`: further front-matter lines, written after the others (an archive import's dates, redirects...)."""
    draft = read_html(raw) if (looks_like_html(raw) if html is None else html) else read_text(raw)
    if not draft.title:
        raise Refused("found no title", "the first line of a text file (or the <h1> of an HTML page) is the title")
    body, entries, dropped = _split(draft.blocks)
    sources = read_entries(entries)
    blocks = _attach_lone_chips([Block(b.kind, _chips(b.runs, sources), b.ordered) if b.kind not in ("heading", "markdown") else b
                                 for b in body])
    keys, unmapped = _cite(blocks, sources)
    review = list(draft.notes)
    when = date or draft.date
    if when is None:
        when = today
        review.append(f"date: {today.isoformat()} is today's date: give the date it was first published (--date)")
    description = draft.description or _first_sentences(blocks)
    if not draft.description:
        review.append("description: the opening sentences of the article: make it one or two sentences that stand alone")
    if not entries:
        review.append("further_reading: the text has no Further Reading section: add the sources it draws on")
    if dropped:
        review.append(f"left out the last {dropped[1]} paragraphs, from {dropped[0]!r} on: the site adds its own author box and calls to action")
    if not tags:
        review.append("tags: none given (--tags)")
    if draft.images:
        review.append(f"images: {len(draft.images)} still on the other site: download these into content/ and point the Markdown "
                      f"at the copies, or set image: and image_alt: for a hero: {', '.join(draft.images)}")
    if draft.dropped:
        review.append(f"left out what an article cannot hold: {', '.join(draft.dropped)}: link to it in the text if it matters")
    relative = sum(1 for b in blocks for r in b.runs if r.kind == "link" and not _absolute(r.href))
    if relative:
        review.append(f"links: kept only the text of {relative} link(s) to the other site's own pages (relative addresses)")
    extras: list[int] = []  # the +N of each citation, in order
    text = _front_matter(draft.title, description, when, placement, tags, sources, more) + "\n" + _markdown(blocks, keys, extras)
    todo, checks = _lines(text, sources, unmapped, extras)
    review += checks
    return Imported(slugify(draft.title), when, text, tuple(todo), tuple(review))


def _split(blocks: Sequence[Block]) -> tuple[list[Block], list[tuple[str, str]], tuple[str, int] | None]:
    """(body, further-reading entries as (text, first href), (first boilerplate line, blocks left out) or None)."""
    body: list[Block] = []
    entries: list[tuple[str, str]] = []
    reading = False
    for i, block in enumerate(blocks):
        if block.plain.lower().startswith(BOILERPLATE):
            return body, entries, (block.plain, len(blocks) - i)
        if block.kind == "heading" and not (reading and looks_like_entry(block.plain)):
            reading = is_further_reading(block.plain)
            if reading:
                continue
        if reading and block.kind != "markdown":
            entries.append((block.plain, next((r.href for r in block.runs if r.kind == "link"), "")))
        else:
            body.append(block)
    return body, entries, None


def _chips(runs: tuple[Run, ...], sources: Sequence[FoundSource]) -> tuple[Run, ...]:
    """Text and links that are source chips become chip runs."""
    out: list[Run] = []
    for i, run in enumerate(runs):
        if run.kind == "link" and (chip := re.fullmatch(rf"({_NAME})(?:\+(\d+))?", run.text.strip())):
            before = out[-1] if out else None  # a link naming a source is a chip where chips stand: after a sentence
            after_sentence = before is None or before.kind == "chip" or bool(re.search(r"[.!?…”\"’)\]]\s*$", before.text))
            if chip[2] or (after_sentence and match(chip[1], run.href, sources)[0]):
                out.append(Run("chip", chip[1], run.href, int(chip[2] or 0)))
                continue
        if run.kind != "text":
            out.append(run)
            continue
        text = run.text
        if out and out[-1].kind == "chip" and not out[-1].extra and (more := re.match(r"\+(\d+)", text)):
            out[-1] = Run("chip", out[-1].text, out[-1].href, int(more[1]))  # <a>Reuters</a>+1
            text = text[more.end():]
        last = i == len(runs) - 1
        out += _text_chips(text, sources, last)
    return tuple(r for r in out if r.text)


def _text_chips(text: str, sources: Sequence[FoundSource], at_end: bool) -> list[Run]:
    out: list[Run] = []
    position = 0
    for cluster in _CLUSTER.finditer(text):
        out.append(Run("text", text[position:cluster.start("chips")]))
        out += [Run("chip", c["name"], extra=int(c["extra"])) for c in _CHIP.finditer(cluster["chips"])]
        position = cluster.end()
    rest = text[position:]
    if at_end and (last := _LAST.search(rest)) and match(last["name"], "", sources)[0]:
        return out + [Run("text", rest[:last.start("name")]), Run("chip", last["name"])]
    return out + [Run("text", rest)]


def _attach_lone_chips(blocks: list[Block]) -> list[Block]:
    """A line holding nothing but chips (as a copied page may give) belongs to the paragraph before it."""
    out: list[Block] = []
    for block in blocks:
        lone = block.runs and all(r.kind == "chip" or (r.kind == "text" and not r.text.strip()) for r in block.runs)
        if lone and out and out[-1].kind in ("paragraph", "item", "quote"):
            out[-1] = Block(out[-1].kind, out[-1].runs + (Run("text", " "),) + block.runs, out[-1].ordered)
        else:
            out.append(block)
    return out


def _cite(blocks: Sequence[Block], sources: Sequence[FoundSource]) -> tuple[dict[str, str], dict[str, str]]:
    """The source id of each chip name ({name: id}) and the names that match no source ({id: name})."""
    keys: dict[str, str] = {}
    unmapped: dict[str, str] = {}
    taken = {s.id for s in sources}
    for block in blocks:
        for run in block.runs:
            if run.kind != "chip" or run.text in keys:
                continue
            source, tied = match(run.text, run.href, sources)
            if source is not None:
                keys[run.text] = source.id
            else:
                key = slugify(run.text) or "source"
                while key in taken:
                    key += "-x"
                keys[run.text] = key
                taken.add(key)
                also = f" (it could be {' or '.join(s.id for s in tied)})" if tied else ""
                unmapped[key] = f"{run.text}{also}"
    return keys, unmapped


# -- writing ------------------------------------------------------------------------------

def _front_matter(title: str, description: str, date: dt.date, placement: Placement, tags: tuple[str, ...],
                  sources: Sequence[FoundSource], more: Sequence[str]) -> str:
    lines = ["---", f"title: {quoted(title)}", f"description: {quoted(description)}", f"date: {date.isoformat()}",
             f"authors: {flow_list(placement.authors)}"]
    if placement.section:
        lines.append(f"categories: {flow_list((placement.section,))}")
    lines.append(f"tags: {flow_list(tags)}")
    if sources:
        lines.append("further_reading:")
    for s in sources:
        lines += [f"  - id: {s.id}", f"    publisher: {flow_item(s.publisher)}", f"    title: {quoted(s.title)}",
                  f"    url: {s.url}" if s.url else '    url: ""  # to fill in: the address of the source']
        if s.date:
            lines.append(f"    date: {s.date.isoformat()}")
    return "\n".join(lines + list(more) + ["---", ""])


def _markdown(blocks: Sequence[Block], keys: dict[str, str], extras: list[int]) -> str:
    out: list[str] = []
    for i, block in enumerate(blocks):
        text = _inline(block.runs, keys, extras)
        if block.kind == "markdown":
            out.append(block.runs[0].text)
        elif block.kind == "heading":
            out.append(f"## {text}")
        elif block.kind == "item":
            number = next((n for n, b in enumerate(reversed(blocks[:i])) if b.kind != "item" or not b.ordered), i)
            out.append(f"{number + 1}. {text}" if block.ordered else f"- {text}")
        elif block.kind == "quote":
            out.append(f"> {text}")
        else:
            out.append(_block_start(text))
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if not (block.kind == "item" and following is not None and following.kind == "item"):
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _inline(runs: Sequence[Run], keys: dict[str, str], extras: list[int]) -> str:
    out = ""
    group: list[str] = []
    extra = 0
    for run in list(runs) + [Run("end", "")]:
        if run.kind == "chip":
            group.append(keys[run.text])
            extra += run.extra
            continue
        if run.kind == "text" and not run.text.strip() and group:
            continue  # between two chips of one group
        if group:
            out = out.rstrip() + " [" + "; ".join(f"@{k}" for k in dict.fromkeys(group)) + "]"
            extras.append(extra)
            group, extra = [], 0
            if run.text and not run.text[0].isspace() and run.kind != "end":
                out += " "
        if run.kind == "text":
            out += _escape(run.text)
        elif run.kind == "link":
            out += f"[{_escape(run.text)}]({run.href})" if _absolute(run.href) else _escape(run.text)
        elif run.kind in ("em", "strong"):
            mark = "*" if run.kind == "em" else "**"
            out += f"{mark}{_escape(run.text.strip())}{mark}"
        elif run.kind == "code":
            out += f"`{run.text}`"
    return out.strip()


def _absolute(href: str) -> bool:
    return href.startswith(("http://", "https://", "mailto:"))


def _escape(text: str) -> str:
    """Text that Markdown prints as it is: no emphasis, links, citations or HTML by accident."""
    text = re.sub(r"([\\`*\[\]])", r"\\\1", text)
    text = re.sub(r"(?<!\w)_|_(?!\w)", r"\\_", text)
    return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)


def _block_start(text: str) -> str:
    """A paragraph that would read as a heading, quote, list or rule gets its first mark escaped."""
    if re.match(r"^(#|>|[-+] |=+$|-+$)", text):
        return "\\" + text
    return re.sub(r"^(\d+)([.)] )", r"\1\\\2", text)


def _first_sentences(blocks: Sequence[Block]) -> str:
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    if first is None:
        return ""
    text = " ".join("".join(r.text for r in first.runs if r.kind != "chip").split())
    out = ""
    for sentence in re.split(r"(?<=[.!?…])\s+(?=[A-Z“\"])", text):
        if out and len(out) + 1 + len(sentence) > MAX_DESCRIPTION:
            break
        out = f"{out} {sentence}".strip()
    if len(out) > MAX_DESCRIPTION:
        out = out[: MAX_DESCRIPTION - 1].rsplit(" ", 1)[0] + "…"
    return out


def _lines(text: str, sources: Sequence[FoundSource], unmapped: dict[str, str], extras: list[int]) -> tuple[list[str], list[str]]:
    """What is left to do and to review, with the lines of the written file (the lines press check reports)."""
    doc, errors = parse_document("imported.md", text.encode("utf-8"))
    assert doc is not None and not errors, errors
    todo, review = [], []
    if not doc.data.get("description"):
        todo.append(f"{doc.line('description')}: description: one or two sentences for listings, feeds and link previews "
                    "(the text has no paragraph to take them from)")
    for i, s in enumerate(sources):
        if not s.publisher:
            todo.append(f"{doc.line('further_reading', i, 'publisher')}: further_reading[{i}].publisher: who published {s.text!r}")
        if not s.url:
            todo.append(f"{doc.line('further_reading', i, 'url')}: further_reading[{i}].url: the address of {s.publisher} – “{s.title}”")
    citations = list(find_citations(doc.body, doc.body_line))
    assert len(citations) == len(extras), "the body has citations the import did not write"
    reported: set[str] = set()
    for citation in citations:
        for key in citation.keys:
            if key in unmapped and key not in reported:
                reported.add(key)
                todo.append(f"{citation.line}: citation: '@{key}' stands for the chip {unmapped[key]!r}, which is not in the further "
                            f"reading: add that source to further_reading with id: {key}, or cite another one")
    counted = [f"{c.line} (+{n})" for c, n in zip(citations, extras) if n]
    if counted:
        review.append(f"citations: the chips stood for more sources than they named, on lines {', '.join(counted)}: "
                      "add those sources' keys if you know them")
    return todo, review
