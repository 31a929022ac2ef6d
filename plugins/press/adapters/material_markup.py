"""Repairs to Material's own markup that accessibility and HTML validity require.

Each repair is an exact-string replacement on the rendered page (linear, no
parsing); when Material changes its markup a repair stops applying and the
browser (axe) and Nu HTML Checker tests say so. Material's deliberate
``autocomplete="off"`` on its checkbox toggles (a Firefox state-restore
workaround) is kept; the HTML test documents that exception.
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def repair(html: str) -> str:
    """The page with Material's unnamed search dialog, empty tabindex and dangling label fixed."""
    html = html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">')
    html = html.replace(' tabindex="">', ">")
    if 'id="__toc"' not in html:  # pages outside the nav have no TOC toggle for the label to point at
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html
