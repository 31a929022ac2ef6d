"""Build a site without ever leaving a half-written output folder.

MkDocs writes straight into ``site_dir``; a failed build would leave a mix of
old and new pages. We build into a sibling temporary folder and swap it in
only when the build succeeded.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError

log = logging.getLogger("mkdocs.plugins.press.build")


def build_atomically(config_file: str | Path, site_dir: str | Path | None = None, *, strict: bool = True) -> bool:
    """Build into ``.<site>.tmp`` and replace ``site_dir`` on success. Returns whether it succeeded."""
    config_path = Path(config_file).resolve()
    target = Path(site_dir).resolve() if site_dir else config_path.parent / "site"
    staging = target.with_name(f".{target.name}.tmp")
    retired = target.with_name(f".{target.name}.old")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        config = load_config(str(config_path), site_dir=str(staging), strict=strict)
    except ConfigurationError as exc:
        log.error(f"{config_path.name}: {exc}")
        return False
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except (Abort, BuildError) as exc:
        log.error(f"build failed, {target.name}/ left as it was: {exc}")
        shutil.rmtree(staging, ignore_errors=True)
        return False
    finally:
        config.plugins.on_shutdown()
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
    return True
