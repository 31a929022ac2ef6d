"""Shared test set-up: a pinned clock, a quiet Material, and the --update-goldens flag."""

from __future__ import annotations

import os

# Before anything imports Material or reads the clock.
os.environ["NO_MKDOCS_2_WARNING"] = "1"
os.environ["SOURCE_DATE_EPOCH"] = "1764547200"  # 2025-12-01T00:00:00Z

import pytest

import press.adapters  # noqa: F401  (the `mkdocs` namespace on either engine, before tests import it)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite every golden file from the current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
