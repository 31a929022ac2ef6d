"""Reading time: the words a reader reads on the page, not the characters an author typed.

The minutes are needed before anything renders (listing cards, the live preview's plan), and
rendering every article a second time to count its words would cost more than checking it
(about 2 ms an article against 0.7 ms), so the count takes the text the Markdown renders to,
the way the page shows it: code blocks and code spans, HTML tags and comments, images, link
and image addresses, bare URLs, reference definitions, citation chips and footnote marks,
attribute lists and block fences are left out; a link counts its text. A token counts as a
word when it has a letter or digit, so list bullets, heading marks, table rules and emphasis
markers count for nothing.

Chinese and Japanese are written without spaces: each Han, hiragana or katakana character
counts on its own, at CJK_CHARACTERS_PER_MINUTE, and the words of every other script at
WORDS_PER_MINUTE (Korean, written with spaces, counts by words). The pair is Medium's, and
the pace of words Material's blog plugin's, so a post moved over reads as long as it did.
It runs once per changed file: ``ArticleMemo`` keeps each checked article with its minutes.
"""

from __future__ import annotations

import re

from .prose import prose_lines

WORDS_PER_MINUTE = 265
CJK_CHARACTERS_PER_MINUTE = 500

# Han (with extensions and compatibility forms), hiragana, katakana (with its phonetic extensions and half-width forms).
_CJK = re.compile("[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
                  "\U00020000-\U0003134f]")
_NOT_A_WORD = re.compile(r"\s(?:[^\w\s]|_)+(?=\s)")  # a token of punctuation only: a bullet, a rule, a heading mark
_REFERENCE = re.compile(r"\[(?!\^)[^\]]+\]:\s*\S")  # [id]: https://... "title"
_FENCES = ("///", "!!!", "???")  # block fences (/// caption) and admonition openers (!!! note "Title")
# (what a text must contain for the pattern to be worth running, the pattern, what it leaves), in this order.
_INLINE = [
    ("<!--", re.compile(r"<!--[\s\S]*?-->"), " "),
    ("![", re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # an image: the page shows a picture, not its alt text
    ("[@", re.compile(r"\[@[^\]]*\]"), " "),  # citation chips ([@reuters; @ap-news])
    ("[^", re.compile(r"\[\^[^\]]+\]:?"), " "),  # footnote marks and the labels of their definitions
    ("[", re.compile(r"\[([^\]]*)\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)|\[[^\]]*\])"), r" \1 "),
    ("<", re.compile(r"<(?:https?|mailto):[^>\s]*>|</?[A-Za-z][^>\n]*>"), " "),  # autolinks and HTML tags
    ("http", re.compile(r"\bhttps?://\S+"), " "),  # bare addresses
    ("www.", re.compile(r"\bwww\.\S+"), " "),
    ("&", re.compile(r"&#?\w+;"), " "),  # entities
    ("{", re.compile(r"\{:?\s*[.#][^}\n]*\}|\{:?[^}\n]*=[^}\n]*\}"), " "),  # attribute lists: { .lead }, {: #id }, {width=300}
]


def reading_counts(markdown: str) -> tuple[int, int]:
    """(words, CJK characters) of the text `markdown` renders to."""
    text = "\n".join(line for _, line in prose_lines(markdown) if not _dropped_line(line.lstrip()))
    for marker, pattern, replacement in _INLINE:
        if marker in text:
            text = pattern.sub(replacement, text)
    characters = 0 if text.isascii() else len(_CJK.findall(text))
    if characters:
        text = _CJK.sub(" ", text)
    return len(text.split()) - len(_NOT_A_WORD.findall(f" {text} ")), characters


def _dropped_line(line: str) -> bool:
    return line.startswith(_FENCES) or (line.startswith("[") and _REFERENCE.match(line) is not None)


def reading_minutes(markdown: str) -> int:
    """Whole minutes, at least one."""
    words, characters = reading_counts(markdown)
    return max(1, round(words / WORDS_PER_MINUTE + characters / CJK_CHARACTERS_PER_MINUTE))
