"""A Pagefind bundle put in a stable order, so two builds of the same pages are byte-identical.

Pagefind (1.5) collects filters in hash maps seeded at random in every run (its
``index/mod.rs`` says "TODO: Change filter indexes to BTree to give them a stable
hash"; Pagefind issue #638): the order of the filters in ``pagefind.<lang>_*.pf_meta``,
of the values in each ``filter/*.pf_filter``, and so the files' hashed names and
``pagefind-entry.json`` that names them, change from run to run. Page fragments and
word indexes are stable already.

`stabilize` rewrites those three kinds of file in a canonical order: filters by name,
values by text, pages by number, each file named for a hash of its new bytes, as
Pagefind names them. The search reads the same data: it looks filters and values up
by name, not by position. Both file kinds are gzip'd ``pagefind_dcd`` + CBOR (a
struct is an array of its fields); `_decode` and `_encode` read and write the subset
Pagefind uses, in the shortest form, as its encoder does.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
META_FILTERS = 3  # MetaIndex fields: version, pages, index_chunks, filters, sorts, meta_fields


@dataclass(frozen=True)
class _Simple:
    """A CBOR simple value or float, kept as its encoded bytes."""

    raw: bytes


def stabilize(bundle: Path) -> None:
    """Rewrite the bundle's filter indexes, metadata and entry file in canonical order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = []
        for name, old_hash in meta[META_FILTERS]:
            old = bundle / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _read(old)
            values = sorted(([value, sorted(pages)] for value, pages in values), key=lambda v: (v[0], v[1]))
            data = _write([filter_name, values])
            new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:7]}"
            old.unlink()
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
            filters.append([name, new_hash])
        meta[META_FILTERS] = sorted(filters)
        data = _write(meta)
        info["hash"] = f"{language}_{hashlib.sha256(data).hexdigest()[:10]}"
        meta_path.unlink()
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind index file")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise ValueError(f"{path}: trailing bytes after the index")
    return value


def _write(value: Any) -> bytes:
    """Gzip'd at Pagefind's level, with no timestamp in the header."""
    return gzip.compress(SIGNATURE + _encode(value), compresslevel=9, mtime=0)


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if major == 7:
        size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info, 0)
        return _Simple(data[at - 1:at + size]), at + size
    if info < 24:
        argument = info
    elif info <= 27:
        size = 1 << (info - 24)
        argument, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise ValueError(f"CBOR: indefinite lengths are not used by Pagefind (byte {at - 1})")
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        raw = data[at:at + argument]
        return (raw if major == 2 else raw.decode("utf-8")), at + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(argument):
            key, at = _decode(data, at)
            value, at = _decode(data, at)
            pairs.append((key, value))
        return dict(pairs), at
    raise ValueError(f"CBOR: tags are not used by Pagefind (byte {at - 1})")


def _encode(value: Any) -> bytes:
    if isinstance(value, _Simple):
        return value.raw
    if isinstance(value, bool) or value is None:
        raise TypeError("CBOR: booleans and null come back as _Simple")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value.items())
    raise TypeError(f"CBOR: cannot encode {type(value).__name__}")


def _head(major: int, argument: int) -> bytes:
    """The shortest head for `argument`, as minicbor writes it."""
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if argument < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, argument)
    raise ValueError(f"CBOR: {argument} does not fit in 64 bits")
