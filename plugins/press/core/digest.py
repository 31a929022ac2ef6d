"""One hash of named parts for every cache key: names keep two different splits of the same text apart."""

from __future__ import annotations

import hashlib
from typing import Iterable


def digest(namespace: str, parts: Iterable[tuple[str, str]]) -> str:
    """SHA-256 of ``namespace`` and each (name, value), every piece length-prefixed."""
    hashed = hashlib.sha256(namespace.encode())
    for name, value in parts:
        for piece in (name, value):
            data = piece.encode("utf-8")
            hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()
