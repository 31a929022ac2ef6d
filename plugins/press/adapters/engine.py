"""Which engine runs the plugins: MkDocs 1.6, or ProperDocs, its drop-in fork.

ProperDocs ships one package, ``properdocs``, and no ``mkdocs`` module. Its
``properdocs`` command imports ``properdocs.replacement``, which aliases every
``mkdocs.*`` import to ``properdocs.*``: that is how it loads MkDocs plugins and
themes (ours, Material) unchanged, from the ``mkdocs.plugins`` and ``mkdocs.themes``
entry points. Code that runs the engine in-process (``press build``, ``press
check``, the tests) does not go through that command, so this module does the
same two things it does: turn the alias on, and hang the legacy ``mkdocs``
logger under ``properdocs`` so ``--strict`` counts our warnings.

``press.adapters`` imports this module first, so every adapter (and Material,
which imports ``mkdocs.*`` itself) finds the ``mkdocs`` namespace on either engine.
"""

from __future__ import annotations

import importlib.util
import logging

if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs") is not None:
    import properdocs.replacement  # noqa: F401  (aliases mkdocs.* to properdocs.*)

    logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")

import mkdocs  # noqa: E402  (MkDocs itself, or ProperDocs under its legacy name)

NAME: str = "properdocs" if mkdocs.__name__ == "properdocs" else "mkdocs"
VERSION: str = mkdocs.__version__
