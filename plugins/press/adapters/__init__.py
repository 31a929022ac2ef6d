"""Thin MkDocs plugins over the core: the only code that imports mkdocs."""
