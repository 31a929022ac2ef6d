"""Python-Markdown extensions of press. Engine-free: they import markdown, never mkdocs."""
