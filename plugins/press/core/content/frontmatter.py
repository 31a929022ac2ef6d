"""Split a Markdown file into YAML front matter and body, keeping line numbers.

The front matter is composed into a node tree first (PyYAML's C loader when it
is installed), so every key and list item can be traced back to its line for
error messages; then the tree is constructed into plain Python values.
Timestamps that are not real dates (``2025-02-30``) stay strings, so the
validator can report them with their line instead of failing the whole file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

import yaml

from .problems import ContentError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FieldPath = tuple[str | int, ...]


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader whose impossible timestamps become strings."""


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
    lines = text.splitlines(keepends=True)
    if lines[0].rstrip() != "---":
        return None, [ContentError(path, 1, "", "no front matter: an article starts with a '---' line", _SKELETON_HINT)]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, [ContentError(path, 1, "", "the front matter is never closed", "add a line '---' after the last front-matter key")]
    yaml_text = "".join(lines[1:end])
    body = "".join(lines[end + 1 :])
    return _parse_yaml(path, yaml_text, body, body_line=end + 2)


_SKELETON_HINT = "start the file with front matter such as:\n    ---\n    title: \"Headline\"\n    description: \"One or two sentences.\"\n    date: 2025-11-28\n    authors: [jt-mercer]\n    ---"


def parse_yaml_file(path: str, raw: bytes) -> tuple[Document | None, list[ContentError]]:
    """Parse a whole YAML file (such as authors.yml) with the same line tracking."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [ContentError(path, raw[: exc.start].count(b"\n") + 1, "", "the file is not UTF-8", "save it as UTF-8")]
    return _parse_yaml(path, text, "", body_line=0, first_line=1)


def _parse_yaml(path: str, yaml_text: str, body: str, *, body_line: int, first_line: int = 2) -> tuple[Document | None, list[ContentError]]:
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(path, {}, {(): first_line}, body, body_line), []
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        context = exc.context or ""
        if exc.context_mark and exc.context_mark.line != getattr(mark, "line", None):
            context += f" (started on line {first_line + exc.context_mark.line})"
        problem = ": ".join(part for part in (context, exc.problem) if part)
        return None, [ContentError(path, line, "", f"invalid YAML: {problem}",
                                   "check the indentation and quote values that contain ': ' or start with a special character")]
    except yaml.YAMLError as exc:  # non-marked errors (rare): still a content problem, not a crash
        return None, [ContentError(path, first_line, "", f"invalid YAML: {exc}", "check the front matter's syntax")]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, [ContentError(path, first_line, "", f"the front matter must be a mapping of keys to values, got {describe(data)}",
                                   "write one 'key: value' per line")]
    index: dict[FieldPath, int] = {}
    errors: list[ContentError] = []
    _index_lines(path, node, (), index, errors, first_line)
    return Document(path, data, index, body, body_line), errors


def _index_lines(path: str, node: yaml.Node, at: FieldPath, index: dict[FieldPath, int],
                 errors: list[ContentError], offset: int) -> None:
    index.setdefault(at, node.start_mark.line + offset)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
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
