"""Front matter: keys as written, forbidden characters and alias bombs, before any value is read."""

from __future__ import annotations

from press.core.content.frontmatter import parse_document, parse_yaml_file


def test_keys_stay_the_text_written_and_true_is_not_merged_into_1() -> None:
    doc, errors = parse_document("a.md", b"---\n1: one\ntrue: vrai\n~: nothing\n---\n")
    assert errors == [] and doc is not None
    assert doc.data == {"1": "one", "true": "vrai", "~": "nothing"}
    assert [doc.line("1"), doc.line("true"), doc.line("~")] == [2, 3, 4]


def test_a_list_as_a_key_is_an_error_with_its_line() -> None:
    doc, errors = parse_document("a.md", b"---\ntitle: x\n? [a, b]\n: c\n---\n")
    assert doc is None
    assert [e.headline() for e in errors] == ["a.md:3: invalid YAML: a key must be a name, not a list or a mapping"]


def test_an_alias_inside_itself_is_refused_not_walked_for_ever() -> None:
    doc, errors = parse_yaml_file("authors.yml", b"authors: &a\n  x: *a\n")
    assert doc is None
    assert [e.headline() for e in errors] == ["authors.yml:1: an alias (*name) repeats the list or mapping it is part of, without end"]


def test_a_few_aliases_are_fine() -> None:
    doc, errors = parse_yaml_file("authors.yml", b"base: &b {name: A}\nauthors:\n  a: *b\n  c: *b\n")
    assert errors == [] and doc is not None and doc.data["authors"] == {"a": {"name": "A"}, "c": {"name": "A"}}


def test_forbidden_characters_never_reach_the_values() -> None:
    doc, errors = parse_yaml_file("authors.yml", 'a: "x\\ey"\nb: p\x0bq\n'.encode())
    assert doc is not None and doc.data == {"a": "xy", "b": "p\ufffdq"}
    assert [(e.line, e.column, e.field) for e in errors] == [(2, 5, "b"), (1, 4, "a")]
