"""Repairs to Material's own markup that accessibility and HTML validity require.

Each repair is an exact-string replacement on the rendered page (linear, no
parsing); when Material changes its markup a repair stops applying and the
browser (axe) and Nu HTML Checker tests say so.

Material puts ``autocomplete="off"`` on its checkbox toggles so that Firefox does
not restore a stale open drawer; HTML allows the attribute on text-like inputs
only, so every validator a publisher runs reports it. Our pages do not load
Material's script (see main.html) and a drawer restored open by the back button
closes with one tap, so the attribute goes.
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TOGGLES = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
           '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">')


def repair(html: str) -> str:
    """The page with Material's unnamed search dialog, empty tabindex, dangling label and invalid toggles fixed."""
    for toggle in TOGGLES:
        html = html.replace(toggle, toggle.replace(' autocomplete="off"', ""))
    html = html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search">')
    html = html.replace(' tabindex="">', ">")
    if 'id="__toc"' not in html:  # pages outside the nav have no TOC toggle for the label to point at
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html
