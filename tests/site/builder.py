"""Small fixture sites written inline and built in-process, the way MkDocs' own tests do."""

from __future__ import annotations

import logging
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]

AUTHORS_YML = """\
authors:
  jt-mercer:
    name: J.T. Mercer
    description: Novelist, author of The Unmaking of America
    bio: |
      J.T. Mercer writes *novels* about institutions under strain.
    links:
      website: https://northriver.example/
  dana-okafor:
    name: Dana Okafor
    description: Courts reporter
"""


def base_config() -> dict[str, Any]:
    return {
        "site_name": "Fixture",
        "site_url": "https://fixture.example/",
        "docs_dir": "content",
        "theme": {"name": "material", "custom_dir": str(REPO / "overrides"), "font": False},
        "validation": {"omitted_files": "warn", "absolute_links": "warn", "unrecognized_links": "warn", "anchors": "warn"},
        "plugins": [{"press/articles": {
            "timezone": "America/New_York",
            "per_page": 2,
            "publications": {
                "dispatch": {"title": "NRP Dispatch", "sections": ["Commentary"]},
                "vera2": {"title": "Vera2", "sections": ["Politics", "Courts"], "section_required": True},
            },
        }}, {"press/feeds": {"limit": 20}}, {"press/crosslinks": {"threshold": 1.0}},
                    "press/images", "press/incremental", "press/search", "press/styles"],
    }


def article(title: str = "A headline", *, date: str = "2025-11-20", authors: str = "[jt-mercer]",
            section: str | None = "Courts", extra: str = "", body: str = "Body text.") -> str:
    """An article file; `extra` adds front-matter lines."""
    lines = ["---", f"title: {title!r}" if "'" not in title else f'title: "{title}"', "description: A short dek.",
             f"date: {date}", f"authors: {authors}"]
    if section:
        lines.append(f"categories: [{section}]")
    lines += [line for line in textwrap.dedent(extra).strip().splitlines()] + ["---", "", body, ""]
    return "\n".join(lines)


@dataclass
class Fixture:
    root: Path

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, path: str, text: str | bytes) -> None:
        target = self.root / "content" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))

    def build(self, **overrides: Any) -> None:
        """Build (strict unless told otherwise); raises mkdocs' Abort on a failed build."""
        config = load_config(str(self.root / "mkdocs.yml"), **({"strict": True} | overrides))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def make_fixture(root: Path, files: dict[str, str | bytes], config: dict[str, Any] | None = None) -> Fixture:
    root.mkdir(parents=True, exist_ok=True)
    fixture = Fixture(root)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config or base_config(), sort_keys=False), encoding="utf-8")
    fixture.write("authors.yml", AUTHORS_YML)
    fixture.write("index.md", "# Fixture home\n\nWelcome.\n")
    for path, text in files.items():
        fixture.write(path, text)
    return fixture


def _ours(record: logging.LogRecord) -> bool:
    """Our plugins log under ``mkdocs.plugins.press.*`` on MkDocs, ``properdocs.plugins.press.*`` on ProperDocs."""
    return record.name.split(".", 1)[-1].startswith("plugins.press")


def press_messages(caplog: Any, level: int) -> list[str]:
    """What our plugins logged at `level`, as the author reads it."""
    return [r.getMessage() for r in caplog.records if _ours(r) and r.levelno == level]


def press_errors(caplog: Any) -> list[str]:
    """The content problems a build logged, as the author reads them."""
    return [r.getMessage() for r in caplog.records if _ours(r) and r.levelno >= logging.ERROR]
