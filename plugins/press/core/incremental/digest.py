"""One hash of named parts for every cache key: names keep two different splits of the same text apart."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

PACKAGE = Path(__file__).resolve().parents[2]  # the press package


def digest(namespace: str, parts: Iterable[tuple[str, str | bytes]]) -> str:
    """SHA-256 of ``namespace`` and each (name, value), every piece length-prefixed; a value in bytes is its UTF-8."""
    chunks = [namespace.encode()]
    for name, value in parts:
        for piece in (name, value):
            data = piece if isinstance(piece, bytes) else piece.encode("utf-8")
            chunks += (len(data).to_bytes(8, "big"), data)
    return hashlib.sha256(b"".join(chunks)).hexdigest()  # one update: the same hash, with far fewer calls


def code_digest() -> str:
    """Every source file of the press package: anything cached from what it computed is void once one changes."""
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(PACKAGE.rglob("*.py")))).hexdigest()
