"""A Pagefind bundle in canonical order: the same filters in any order give the same bytes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from press.core.features.search_order import SIGNATURE, _decode, _encode, _read, stabilize


def write(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(SIGNATURE + _encode(value)))


def bundle(root: Path, filters: list[tuple[str, list[tuple[str, list[int]]]]]) -> Path:
    """A bundle as Pagefind writes it, its filters and values in the order given."""
    names = []
    for n, (name, values) in enumerate(filters):
        write(root / "filter" / f"en_{n:07d}.pf_filter", [name, [[v, pages] for v, pages in values]])
        names.append([name, f"en_{n:07d}"])
    write(root / "pagefind.en_0000000000.pf_meta", ["1.5.2", [["en_frag", 12]], [], names, [], ["title"]])
    (root / "pagefind-entry.json").write_text(json.dumps({"version": "1.5.2", "languages": {"en": {
        "hash": "en_0000000000", "wasm": "en", "page_count": 1}}}, separators=(",", ":")))
    return root


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_filters_values_and_pages_in_any_order_give_one_bundle(tmp_path: Path) -> None:
    one = bundle(tmp_path / "one", [("section", [("Courts", [3, 1]), ("Politics", [2])]), ("author", [("Ana", [0])])])
    two = bundle(tmp_path / "two", [("author", [("Ana", [0])]), ("section", [("Politics", [2]), ("Courts", [1, 3])])])
    assert files(one) != files(two)
    stabilize(one)
    stabilize(two)
    assert files(one) == files(two)
    entry = json.loads((one / "pagefind-entry.json").read_text())
    meta = _read(one / f"pagefind.{entry['languages']['en']['hash']}.pf_meta")
    assert [name for name, _ in meta[3]] == ["author", "section"]
    section = _read(one / "filter" / f"{meta[3][1][1]}.pf_filter")
    assert section == ["section", [["Courts", [1, 3]], ["Politics", [2]]]]
    assert meta[1] == [["en_frag", 12]] and meta[5] == ["title"]  # the rest as Pagefind wrote it


def test_cbor_round_trips_in_the_shortest_form() -> None:
    value = ["é", [0, 23, 24, 255, 256, 65535, 65536, 2**32], -1, b"\x00", {"k": "v"}]
    data = _encode(value)
    assert data[:2] == bytes([0x85, 0x62])  # an array of 5, a text of 2 bytes
    assert _decode(data, 0) == (value, len(data))
