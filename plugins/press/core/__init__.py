"""Engine-free logic: plain Python over plain data. Never imports mkdocs or jinja2."""
