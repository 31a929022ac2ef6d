"""Split a Markdown file into YAML front matter and body, keeping line numbers.

The front matter is composed into a node tree first (PyYAML's C loader when it
is installed), so every key and list item can be traced back to its line for
error messages; then the tree is constructed into plain Python values.
Timestamps that are not real dates (``2025-02-30``) stay strings, so the
validator can report them with their line instead of failing the whole file.
Keys stay the text the author wrote (``1:``, ``true:``, ``~:`` are the keys
``"1"``, ``"true"``, ``"~"``): a key is a name, and YAML would otherwise merge
``true`` into ``1``.

Two things are refused before anything reads the values: characters no page or
feed can carry (`characters`), each with its line and column, and documents
whose aliases (``*name``) expand to more than `MAX_VALUES` values, a few hundred
bytes that would otherwise cost seconds and gigabytes in every walk over them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

import yaml

from . import characters
from .problems import ContentError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FieldPath = tuple[str | int, ...]
# Lines as YAML counts them: str.splitlines also breaks at vertical tabs and form feeds, which put the body off by a line.
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
MAX_VALUES = 10_000  # values of a document with its aliases expanded; an article has a few dozen


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader whose impossible timestamps become strings and whose keys are the text written."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        self.flatten_mapping(node)  # `<<: *defaults` merges, as the safe loader does
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(None, None, "a key must be a name, not a list or a mapping",
                                                        key_node.start_mark)
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)


@dataclass(frozen=True)
class Document:
    """A parsed file: front-matter data, where each field sits, and the Markdown body."""

    path: str
    data: dict[str, Any]
    lines: Mapping[FieldPath, int] = field(repr=False)
    body: str = field(repr=False)
    body_line: int = 1
    clean: bool = True  # False when the body has a forbidden character (reported): it must not be published

    def line(self, *path: str | int) -> int | None:
        """The line of a field, or of its nearest enclosing field."""
        key: FieldPath = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)


def parse_document(path: str, raw: bytes) -> tuple[Document | None, list[ContentError]]:
    """Parse one file. Returns the document, or None with the problems that stop it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [ContentError(path, line, "", f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                                   "save the file as UTF-8 in your editor")]
    if not text.strip():
        return None, [ContentError(path, 1, "", "the file is empty", _SKELETON_HINT)]
    lines = _LINES.findall(text)
    if lines[0].rstrip() != "---":
        return None, [ContentError(path, 1, "", "no front matter: an article starts with a '---' line", _SKELETON_HINT)]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, [ContentError(path, 1, "", "the front matter is never closed", "add a line '---' after the last front-matter key")]
    yaml_text = "".join(lines[1:end])
    body = "".join(lines[end + 1 :])
    doc, errors = _parse_yaml(path, yaml_text, body, body_line=end + 2)
    in_body = [ContentError(path, line, "body", characters.message(char), characters.HINT, column)
               for line, column, char in characters.find_forbidden(body, end + 2)]
    if doc is not None and in_body:
        doc = dataclasses.replace(doc, clean=False)
    return doc, errors + in_body


_SKELETON_HINT = ("start the file with front matter such as:\n    ---\n    title: \"Headline\"\n"
                  "    description: \"One or two sentences.\"\n    date: 2025-11-28\n    authors: [jt-mercer]\n    ---")


def parse_yaml_file(path: str, raw: bytes) -> tuple[Document | None, list[ContentError]]:
    """Parse a whole YAML file (such as authors.yml) with the same line tracking."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [ContentError(path, raw[: exc.start].count(b"\n") + 1, "", "the file is not UTF-8", "save it as UTF-8")]
    return _parse_yaml(path, text, "", body_line=0, first_line=1)


def _parse_yaml(path: str, yaml_text: str, body: str, *, body_line: int, first_line: int = 2) -> tuple[Document | None, list[ContentError]]:
    found = list(characters.find_forbidden(yaml_text, first_line))
    if found:  # the YAML reader stops at the first one: parse a copy without them, report each with its field below
        yaml_text = characters.FORBIDDEN.sub("\ufffd", yaml_text)
    loader = _Loader(yaml_text)
    errors: list[ContentError] = []
    index: dict[FieldPath, int] = {}
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(path, {}, {(): first_line}, body, body_line), _characters(path, found, index)
        bomb = _alias_bomb(path, node, first_line)
        if bomb is not None:
            return None, [bomb]
        _index_lines(path, node, (), index, errors, first_line)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        context = exc.context or ""
        if exc.context_mark and exc.context_mark.line != getattr(mark, "line", None):
            context += f" (started on line {first_line + exc.context_mark.line})"
        problem = ": ".join(part for part in (context, exc.problem) if part)
        return None, _characters(path, found, {}) + [ContentError(path, line, "", f"invalid YAML: {problem}",
                                   "check the indentation and quote values that contain ': ' or start with a special character")]
    except yaml.YAMLError as exc:  # non-marked errors (rare): still a content problem, not a crash
        return None, [ContentError(path, first_line, "", f"invalid YAML: {exc}", "check the front matter's syntax")]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, [ContentError(path, first_line, "", f"the front matter must be a mapping of keys to values, got {describe(data)}",
                                   "write one 'key: value' per line")]
    return Document(path, data, index, body, body_line), _characters(path, found, index) + errors


def _characters(path: str, found: list[tuple[int, int, str]], index: Mapping[FieldPath, int]) -> list[ContentError]:
    """An error per forbidden character, named by the outermost field on its line."""
    by_line: dict[int, FieldPath] = {}
    for where, line in index.items():
        if where and (line not in by_line or len(where) < len(by_line[line])):
            by_line[line] = where
    return [ContentError(path, line, format_field(by_line.get(line, ())), characters.message(char), characters.HINT, column)
            for line, column, char in found]


def _alias_bomb(path: str, root: yaml.Node, offset: int) -> ContentError | None:
    """An error for aliases that expand the document past MAX_VALUES or into itself.

    Each distinct node is counted once (an alias is the node it names), so the check costs what the file's size does.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    repeated: list[yaml.Node] = []
    recursive: list[yaml.Node] = []

    def size(node: yaml.Node) -> int:
        if id(node) in open_nodes:
            recursive.append(node)
            return 1
        if id(node) in sizes:
            repeated.append(node)
            return sizes[id(node)]
        open_nodes.add(id(node))
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        sizes[id(node)] = min(1 + sum(size(child) for child in children), MAX_VALUES + 1)
        open_nodes.discard(id(node))
        return sizes[id(node)]

    total = size(root)
    if recursive:
        return ContentError(path, recursive[0].start_mark.line + offset, "",
                            "an alias (*name) repeats the list or mapping it is part of, without end",
                            "write the values out instead of repeating them with anchors and aliases")
    if total <= MAX_VALUES or not repeated:
        return None
    return ContentError(path, repeated[0].start_mark.line + offset, "",
                        f"the values anchored here (&name) are repeated through aliases (*name) into more than {MAX_VALUES:,} values",
                        "write the values out instead of repeating them with anchors and aliases")


def _index_lines(path: str, node: yaml.Node, at: FieldPath, index: dict[FieldPath, int],
                 errors: list[ContentError], offset: int) -> None:
    index.setdefault(at, node.start_mark.line + offset)
    if isinstance(node, yaml.ScalarNode) and characters.FORBIDDEN.search(node.value):
        # Written as an escape ("\x1b", "\v") in quoted text: reported at the value, then dropped before any reader sees it.
        for char in sorted(set(characters.FORBIDDEN.findall(node.value))):
            errors.append(ContentError(path, node.start_mark.line + offset, format_field(at),
                                       characters.message(char) + " (written as an escape in quoted text)", characters.HINT,
                                       node.start_mark.column + 1))
        node.value = characters.FORBIDDEN.sub("", node.value)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            if not isinstance(key, str):
                continue  # a list or mapping as a key: construction reports it with its line
            where = at + (key,)
            line = key_node.start_mark.line + offset
            if where in index:
                errors.append(ContentError(path, line, format_field(where), f"this key appears twice (first on line {index[where]})",
                                           "keep one of the two entries"))
                continue
            index[where] = line
            _index_lines(path, value_node, where, index, errors, offset)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(path, item, at + (i,), index, errors, offset)


def format_field(path: FieldPath) -> str:
    """``('further_reading', 1, 'url')`` -> ``further_reading[1].url``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def describe(value: Any) -> str:
    """Name a YAML value's type the way an author thinks of it."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"the date {value.isoformat()}"
    return type(value).__name__
