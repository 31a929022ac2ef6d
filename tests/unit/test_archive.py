"""Reading WordPress and Ghost exports and their mapping file (cases/archive/ holds a small export of each)."""

from __future__ import annotations

from pathlib import Path

ARCHIVES = Path(__file__).parent / "cases" / "archive"
