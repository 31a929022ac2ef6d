"""HTML as this site's Markdown, through markdownify, saying what could not be kept.

Kept: images (as their remote http(s) URLs, listed in `Converted.images` so the
author can download them), figures with captions (the image, then a
``/// caption`` block: pymdownx.blocks.caption), tables (Markdown tables, which
MkDocs' built-in ``tables`` extension reads; the first row is the header when
none is marked, as the extension needs one), code blocks (fenced, with the
language an ``language-x``/``lang-x`` class or WordPress' ``brush: x`` names),
lists nested to any depth (four-space indents, as Python-Markdown wants them),
links with an http(s) or mailto address. Left out, and named in
`Converted.dropped`: iframes, embeds, objects, video, audio, forms, scripts,
and images whose address is not absolute http(s).

Text is escaped so that nothing in it becomes Markdown, raw HTML, an attribute
list or a citation by accident: the content is someone else's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup
from markdownify import MarkdownConverter

_LEFT_OUT = ("iframe", "embed", "object", "video", "audio", "form", "input", "button", "select", "textarea",
             "script", "noscript", "template", "canvas", "svg")
_LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang)-([\w+#.-]+)|(?:^|\s)brush:\s*([\w+#.-]+)")
_CAPTION = "\x00caption\x00"  # marks a figcaption until its figure puts it after the image


@dataclass(frozen=True)
class Converted:
    markdown: str
    images: tuple[str, ...]  # remote image URLs kept in the Markdown: to download
    dropped: tuple[str, ...]  # what was left out, such as "<iframe src=https://...>"


def html_to_markdown(html: str) -> Converted:
    converter = _Converter()
    soup = BeautifulSoup(html, "html.parser")
    while (el := soup.find(_LEFT_OUT)) is not None:  # outermost first: a fallback <img> in <noscript> goes with it
        converter.dropped.append(_left_out(el))
        el.decompose()
    markdown = converter.convert_soup(soup)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip("\n")
    return Converted(markdown, tuple(dict.fromkeys(converter.images)), tuple(dict.fromkeys(converter.dropped)))


def is_web_address(url: str) -> bool:
    return re.match(r"https?://[^\s/]", url) is not None


def _address(url: str) -> str:
    """A URL that a Markdown link or image cannot misread (spaces and parentheses encoded)."""
    return url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def _language(tag: Any) -> str:
    """``class="language-python"``, ``lang-js`` or WordPress' SyntaxHighlighter ``brush: php; gutter: false``."""
    found = _LANGUAGE.search(" ".join(tag.get("class") or [])) if tag is not None else None
    return (found[1] or found[2]) if found else ""


def _square(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


class _Converter(MarkdownConverter):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__(heading_style="ATX", bullets="-", escape_misc=False, keep_inline_images_in=["td", "th"],
                         table_infer_header=True, strip_pre="strip")
        self.images: list[str] = []
        self.dropped: list[str] = []

    # -- text -------------------------------------------------------------------------------

    def escape(self, text: str, parent_tags: set[str]) -> str:
        if not text or "_noformat" in parent_tags:
            return text or ""
        text = re.sub(r"([\\`*_\[\]{}])", r"\\\1", text)
        text = re.sub(r"&(?=#?\w+;)", "&amp;", text).replace("<", "&lt;")
        if parent_tags & {"td", "th"}:
            text = text.replace("|", "\\|")
        return re.sub(r"(^|\n)(\s*)([#>+-]|\d+[.)])(?=\s|$)", lambda m: f"{m[1]}{m[2]}\\{m[3]}", text)

    # -- inline -----------------------------------------------------------------------------

    def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
        href = (el.get("href") or "").strip()
        if "_noformat" in parent_tags or not text.strip() or not (is_web_address(href) or href.startswith("mailto:")):
            return text
        return f"[{text.strip()}]({_address(href)})"

    def convert_img(self, el: Any, text: str, parent_tags: set[str]) -> str:
        src = next((s.strip() for s in (el.get("src"), el.get("data-src"), el.get("data-lazy-src")) if s and is_web_address(s.strip())),
                   (el.get("src") or "").strip())  # lazy-loading pages keep the real address in data-src
        alt = " ".join((el.get("alt") or "").split())
        if not is_web_address(src):
            self.dropped.append(f"<img src={src or '(none)'}> (not an absolute http(s) address)")
            return ""
        if "_inline" in parent_tags and not parent_tags & {"td", "th"}:  # a heading holds no image
            self.dropped.append(f"<img src={src}> inside a heading")
            return ""
        self.images.append(src)
        return f"![{_square(alt)}]({_address(src)})"

    # -- blocks -----------------------------------------------------------------------------

    def convert_hN(self, n: int, el: Any, text: str, parent_tags: set[str]) -> str:
        """The page's title is the article's title: a heading 1 inside the body is a section heading."""
        return super().convert_hN(max(n, 2), el, text, parent_tags)  # type: ignore[no-any-return]

    def convert_br(self, el: Any, text: str, parent_tags: set[str]) -> str:
        """A line break within a paragraph is a space's worth: Python-Markdown's hard break (two trailing spaces) is invisible."""
        return "\n" if "pre" in parent_tags else " "

    def convert_pre(self, el: Any, text: str, parent_tags: set[str]) -> str:
        if not text.strip():
            return ""
        language = next(filter(None, map(_language, (el, el.find("code")))), "")
        text = text.strip("\n")
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
        return f"\n\n{fence}{language.lower()}\n{text}\n{fence}\n\n"

    def convert_li(self, el: Any, text: str, parent_tags: set[str]) -> str:
        """Four spaces for what belongs to the item, which Python-Markdown needs to nest a list."""
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = int(parent["start"]) if str(parent.get("start", "")).isdigit() else 1
            bullet = f"{start + len(el.find_previous_siblings('li'))}."
        else:
            bullet = "-"
        first, *rest = text.split("\n")
        return "\n".join([f"{bullet} {first}"] + [f"    {line}" if line.strip() else "" for line in rest]) + "\n"

    def convert_figcaption(self, el: Any, text: str, parent_tags: set[str]) -> str:
        text = text.strip()
        if "figure" not in parent_tags or not text:
            return f"\n\n{text}\n\n" if text else ""
        return f"{_CAPTION}{text}{_CAPTION}"

    def convert_figure(self, el: Any, text: str, parent_tags: set[str]) -> str:
        captions = re.findall(f"{_CAPTION}(.*?){_CAPTION}", text, re.DOTALL)
        body = re.sub(f"{_CAPTION}.*?{_CAPTION}", "", text, flags=re.DOTALL).strip()
        caption = "\n".join(c.strip() for c in captions)
        if not body:
            return f"\n\n{caption}\n\n" if caption else ""
        if not caption:
            return f"\n\n{body}\n\n"
        return f"\n\n{body}\n/// caption\n{caption}\n///\n\n"

    def convert_style(self, el: Any, text: str, parent_tags: set[str]) -> str:
        return ""


def _left_out(el: Any) -> str:
    """What a dropped element was, for the checklist: ``<iframe src=https://...>``, ``<form action=...>``, ``<script>``."""
    if el.name == "form":
        where = (el.get("action") or "").strip()
        return f"<form action={where}>" if where else "<form>"
    src = el.get("src") or el.get("data") or ""
    if not src and (inner := el.find("source", src=True)) is not None:
        src = inner["src"]
    return f"<{el.name} src={src.strip()}>" if src.strip() else f"<{el.name}>"
