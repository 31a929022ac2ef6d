"""Used only by the ``press`` command: scaffolding, importing, reporting. Reads content; the build never imports it."""
