"""Report content problems the way authors read them, then fail the build once."""

from __future__ import annotations

import dataclasses
import logging
import os
import posixpath
from typing import Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..core.content.problems import ContentError, plural


def docs_prefix(config: MkDocsConfig) -> str:
    """The docs folder relative to mkdocs.yml (``content``), so paths in messages open in an editor."""
    base = os.path.dirname(config.config_file_path or "") or os.getcwd()
    return os.path.relpath(config.docs_dir, base).replace(os.sep, "/")


def warn_on(warnings: Sequence[ContentError], config: MkDocsConfig, log: logging.Logger) -> None:
    """Log degradations (a draft left out of a list) as warnings: `--strict` turns them into a failure."""
    prefix = docs_prefix(config)
    for warning in warnings:
        log.warning(str(dataclasses.replace(warning, path=posixpath.join(prefix, warning.path))))


def log_errors(errors: Sequence[ContentError], config: MkDocsConfig, log: logging.Logger) -> list[str]:
    """Log every problem (path:line: field: message, hint below); returns the messages as logged."""
    prefix = docs_prefix(config)
    messages = [str(dataclasses.replace(error, path=posixpath.join(prefix, error.path))) for error in errors]
    for message in messages:
        log.error(message)
    return messages


def fail_on(errors: Sequence[ContentError], config: MkDocsConfig, log: logging.Logger) -> None:
    """Log every problem and raise one PluginError naming how many there are."""
    if not errors:
        return
    log_errors(errors, config, log)
    files = len({e.path for e in errors})
    raise PluginError(f"{plural(len(errors), 'content problem')} in {plural(files, 'file')}: fix them and build again")
