"""Thin MkDocs plugins over the core: the only code that imports mkdocs."""

from . import engine as engine  # first: makes `mkdocs.*` importable on MkDocs and on ProperDocs
