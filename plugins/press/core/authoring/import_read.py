"""Read an article published elsewhere, plain text or HTML, into blocks of inline runs.

Plain text (what copying a rendered page gives): the first line is the title;
paragraphs are lines, or blocks of lines between blank lines when the text has
them (wrapped lines are joined); a short line (a block of one line) without
final punctuation, or a title-cased question, followed by more text is a heading; bullets and numbers start list items; a
date alone on the line after the title is the article's date.

HTML: ``<h1>`` (else ``<title>``) is the title, ``<h2>``-``<h4>``, ``<p>``,
``<li>`` and ``<blockquote>`` are blocks, ``<a>``, ``<em>``, ``<strong>`` and
``<code>`` inline runs; only ``<article>`` (else ``<main>``, else ``<body>``) is
read; ``<meta name="description">`` and ``article:published_time`` (or the
first ``<time datetime>``) give the description and the date. What prose blocks
cannot hold (images, figures, tables, code blocks, a list with a list inside)
is handed whole to ``html_markdown`` and kept as a Markdown block; embeds,
forms and scripts are left out, and the draft names each one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from .html_markdown import html_to_markdown


@dataclass(frozen=True)
class Run:
    """A piece of inline text: text | link | em | strong | code | chip (a source chip: `text` is its name)."""

    kind: str
    text: str
    href: str = ""
    extra: int = 0  # a chip's "+N": how many more sources it stood for


@dataclass(frozen=True)
class Block:
    kind: str  # heading | paragraph | item | quote | markdown (one run, written as it is)
    runs: tuple[Run, ...]
    ordered: bool = False  # list items: numbered

    @property
    def plain(self) -> str:
        return "".join(r.text + (f"+{r.extra}" if r.extra else "") for r in self.runs).strip()


@dataclass(frozen=True)
class Draft:
    title: str
    blocks: tuple[Block, ...]
    description: str = ""
    date: dt.date | None = None
    notes: tuple[str, ...] = ()  # what the reader dropped or could not keep
    images: tuple[str, ...] = ()  # remote images the Markdown points at
    dropped: tuple[str, ...] = ()  # elements left out: "<iframe src=...>", "<form action=...>", "<script>"


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(html|body|article|h1|p)\b", text[:5000], re.IGNORECASE))


# -- plain text ---------------------------------------------------------------------------

_ITEM = re.compile(r"^\s*(?:([-*•▪‣◦])|(\d{1,3})[.)])\s+(.*)$")
_END_PUNCTUATION = tuple(".,;:!…\"”’)]")
_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)


def read_text(text: str) -> Draft:
    lines = [line.rstrip() for line in text.lstrip("\ufeff").splitlines()]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return Draft("", ())
    title = re.sub(r"^#\s+", "", lines[0].strip())
    rest = lines[1:]
    notes: list[str] = []
    date = None
    while rest and (not rest[0].strip() or parse_date(rest[0].strip()) or _BYLINE.match(rest[0].strip())):
        head = rest.pop(0).strip()
        if head and parse_date(head):
            date = date or parse_date(head)
        elif head:
            notes.append(f"dropped the byline {head!r}: the authors come from --author")
    return Draft(title, tuple(_text_blocks(rest)), date=date, notes=tuple(notes))


def _text_blocks(lines: list[str]) -> list[Block]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    content = [line for line in lines if line.strip()]
    gaps = len(content) < len(lines)
    chunks: list[list[str]] = []
    if gaps:  # paragraphs separated by blank lines, possibly wrapped
        chunk: list[str] = []
        for line in lines + [""]:
            if line.strip():
                chunk.append(line.strip())
            elif chunk:
                chunks.append(chunk)
                chunk = []
    else:  # one paragraph a line, as a copied web page gives
        chunks = [[line.strip()] for line in content]
    blocks: list[Block] = []
    for i, chunk in enumerate(chunks):
        later = chunks[i + 1] if i + 1 < len(chunks) else None
        items = [_ITEM.match(line) for line in chunk]
        if all(items):
            blocks += [Block("item", (Run("text", m.group(3)),), ordered=bool(m.group(2))) for m in items if m]
        elif len(chunk) == 1 and later is not None and is_heading(chunk[0], later[0]):
            blocks.append(Block("heading", (Run("text", chunk[0]),)))
        else:
            blocks.append(Block("paragraph", (Run("text", " ".join(chunk)),)))
    return blocks


def is_heading(line: str, following: str) -> bool:
    """A short line without final punctuation (or a title-cased question), followed by more text."""
    words = line.split()
    if not following or not words or len(words) > 14 or len(line) > 100 or _ITEM.match(line):
        return False
    if not (line[0].isupper() or line[0].isdigit()) or re.search(r"\+\d+", line):
        return False
    if line.endswith("?"):
        long_words = [w for w in words if len(w) > 3]
        return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)
    return not line.endswith(_END_PUNCTUATION)


_MONTHS = {m.lower(): i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def parse_date(text: str) -> dt.date | None:
    """``2025-11-27``, ``Nov. 27, 2025``, ``November 27, 2025``, ``27 November 2025``, ``Sept. 3, 2025``."""
    text = text.strip().removeprefix("Published").removeprefix("published").strip(" :")
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", text)
    parts = None
    if iso:
        parts = int(iso[1]), int(iso[2]), int(iso[3])
    elif m := re.fullmatch(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})", text):
        month = _MONTHS.get(m[1][:3].lower())
        parts = (int(m[3]), month, int(m[2])) if month else None
    elif m := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})", text):
        month = _MONTHS.get(m[2][:3].lower())
        parts = (int(m[3]), month, int(m[1])) if month else None
    if parts is None:
        return None
    try:
        return dt.date(*parts)  # type: ignore[arg-type]
    except ValueError:
        return None


# -- HTML ---------------------------------------------------------------------------------

_BLOCKS = {"h1": "title", "h2": "heading", "h3": "heading", "h4": "heading", "p": "paragraph", "li": "item",
           "blockquote": "quote", "figcaption": "paragraph", "dt": "paragraph", "dd": "paragraph"}
_INLINE = {"em": "em", "i": "em", "strong": "strong", "b": "strong", "code": "code"}
_SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "nav", "form", "button"}
_WHOLE = {"table", "pre", "figure", "img", "picture", "dl", "iframe", "embed", "object", "video", "audio", "form",
          "script", "noscript", "canvas", "svg", "hr"}  # read by html_markdown, not as prose
_VOID = {"img", "embed", "hr"}
_INNER_STRUCTURE = re.compile(r"<(?:ul|ol|table|pre|figure|img|picture|dl|iframe|embed|object|video|audio|form|script)\b", re.IGNORECASE)


def read_html(text: str) -> Draft:
    scope = next((tag for tag in ("article", "main", "body") if re.search(rf"<{tag}\b", text, re.IGNORECASE)), None)
    reader = _HtmlReader(scope)
    reader.feed(text)
    reader.close()
    title = reader.h1 or re.split(r" [|–—-] ", reader.title)[0]  # <title> often ends with " | Site name"
    date = parse_date(reader.published) if reader.published else None
    return Draft(" ".join(title.split()), tuple(reader.blocks), " ".join(reader.description.split()), date, tuple(reader.notes),
                 tuple(dict.fromkeys(reader.images)), tuple(dict.fromkeys(reader.dropped)))


@dataclass
class _Open:
    kind: str
    runs: list[Run] = field(default_factory=list)
    ordered: bool = False


class _HtmlReader(HTMLParser):
    def __init__(self, scope: str | None, replaying: bool = False):
        super().__init__(convert_charrefs=True)
        self.replaying = replaying  # reading a flat list again, as prose
        self.capture: list[str] | None = None  # the HTML of an element read whole (see _WHOLE), as it comes
        self.capture_tag, self.capture_depth = "", 0
        self.images: list[str] = []
        self.dropped: list[str] = []
        self.scope, self.depth = scope, 0 if scope else 1
        self.skipping = 0
        self.blocks: list[Block] = []
        self.current: _Open | None = None
        self.inline: list[tuple[str, str]] = []  # open inline elements: (kind, href)
        self.lists: list[bool] = []  # open lists: ordered?
        self.h1 = self.title = self.description = self.published = ""
        self.in_title = False
        self.notes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.capture is not None:
            self.capture.append(self.get_starttag_text() or "")
            self.capture_depth += tag == self.capture_tag
            return
        if self.depth and not self.skipping and (tag in _WHOLE or (tag in ("ul", "ol") and not self.lists and not self.replaying)):
            self._flush()
            self.capture, self.capture_tag, self.capture_depth = [self.get_starttag_text() or ""], tag, 1
            if tag in _VOID:
                self._finish_capture()
            return
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            self._meta(a)
        elif tag == "title":
            self.in_title = True
        elif tag == "time" and not self.published and a.get("datetime"):
            self.published = a["datetime"]
        if tag == self.scope:
            self.depth += 1
        if tag in _SKIPPED:
            self.skipping += 1
        if self.skipping or not self.depth:
            return
        if tag in ("ul", "ol"):
            self._flush()
            self.lists.append(tag == "ol")
        elif tag in _BLOCKS:
            self._flush()
            self.current = _Open(_BLOCKS[tag], ordered=bool(self.lists and self.lists[-1]))
        elif tag == "a":
            self.inline.append(("link", a.get("href", "")))
        elif tag in _INLINE:
            self.inline.append((_INLINE[tag], ""))
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.capture is not None:
            self.capture.append(f"</{tag}>")
            self.capture_depth -= tag == self.capture_tag
            if not self.capture_depth:
                self._finish_capture()
            return
        if tag == "title":
            self.in_title = False
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping or not self.depth:
            return
        if tag == self.scope:
            self._flush()
            self.depth -= 1
        elif tag in ("ul", "ol") and self.lists:
            self._flush()
            self.lists.pop()
        elif tag in _BLOCKS:
            self._flush()
        elif (tag == "a" or tag in _INLINE) and self.inline:
            self.inline.pop()

    def handle_data(self, data: str) -> None:
        if self.capture is not None:
            self.capture.append(escape(data, quote=False))
            return
        if self.in_title:
            self.title += data
            return
        if self.skipping or not self.depth:
            return
        if self.current is None:
            if not data.strip():
                return
            self.current = _Open("paragraph")  # text straight inside a <div>
        kind, href = self.inline[-1] if self.inline else ("text", "")
        runs = self.current.runs
        if runs and runs[-1].kind == kind and runs[-1].href == href:
            runs[-1] = Run(kind, runs[-1].text + data, href)
        else:
            runs.append(Run(kind, data, href))

    def close(self) -> None:
        super().close()
        if self.capture is not None:  # an element the page never closed
            self._finish_capture()
        self._flush()

    def _finish_capture(self) -> None:
        """A flat list is read again as prose items (chips and sources live there); anything else becomes Markdown."""
        html, tag, self.capture = "".join(self.capture or ()), self.capture_tag, None
        if tag in ("ul", "ol") and not _INNER_STRUCTURE.search(html, 1):
            items = _HtmlReader(None, replaying=True)
            items.feed(html)
            items.close()
            self.blocks += items.blocks
            return
        converted = html_to_markdown(html)
        if converted.markdown:
            self.blocks.append(Block("markdown", (Run("markdown", converted.markdown),)))
        self.images += converted.images
        self.dropped += converted.dropped

    def _meta(self, a: dict[str, str]) -> None:
        key = a.get("name") or a.get("property") or ""
        if key in ("description", "og:description") and not self.description:
            self.description = a.get("content", "")
        elif key == "article:published_time":
            self.published = a.get("content", "")

    def _flush(self) -> None:
        block, self.current = self.current, None
        if block is None:
            return
        runs = _tidy(block.runs)
        if not runs:
            return
        if block.kind == "title":
            if not self.h1:
                self.h1 = "".join(r.text for r in runs)
                return
            block.kind = "heading"
        self.blocks.append(Block(block.kind, runs, block.ordered))


def _tidy(runs: list[Run]) -> tuple[Run, ...]:
    """Collapse whitespace as a browser does; drop empty runs."""
    out: list[Run] = []
    for run in runs:
        text = re.sub(r"\s+", " ", run.text)
        if out and (out[-1].text.endswith(" ") or not out[-1].text) and text.startswith(" "):
            text = text[1:]
        if text:
            out.append(Run(run.kind, text, run.href))
    if out:
        out[0] = Run(out[0].kind, out[0].text.lstrip(), out[0].href)
        out[-1] = Run(out[-1].kind, out[-1].text.rstrip(), out[-1].href)
    return tuple(r for r in out if r.text)
