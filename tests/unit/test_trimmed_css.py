"""Material's stylesheet cut to what the pages use: which rules stay, which go, and what survivors keep."""

from __future__ import annotations

import re
from pathlib import Path

import material

from press.core.features.trimmed_css import Markup, alternation, parse, selected_attributes, trim

STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def trimmed(css: str, *pages: str, elsewhere: str = "") -> str:
    rules = parse(css)
    markup = Markup(selected_attributes(rules))
    for page in pages:
        markup.add(page)
    return trim(rules, markup, elsewhere)


def test_a_rule_stays_when_every_class_id_and_element_it_names_is_used() -> None:
    css = ".md-grid{a:1}.md-absent{a:2}.md-grid .md-absent{a:3}#top{a:4}#gone{a:5}article .md-grid{a:6}aside{a:7}"
    page = '<article id="top"><div class="md-grid x">'
    assert trimmed(css, page) == ".md-grid{a:1}#top{a:4}article .md-grid{a:6}"


def test_what_pages_use_is_collected_from_any_quoting_and_case() -> None:
    css = ".a{x:1}.b{x:2}.c{x:3}section{x:4}#d{x:5}"
    assert trimmed(css, "<SECTION class='a'><p class=b id=d>") == ".a{x:1}.b{x:2}section{x:4}#d{x:5}"


def test_a_selector_list_keeps_only_the_selectors_that_can_match() -> None:
    assert trimmed(".a,.b,.c{x:1}", '<p class="a c">') == ".a,.c{x:1}"


def test_a_list_with_a_vendor_prefixed_selector_is_kept_whole() -> None:
    # A browser without the prefix ignores the whole rule; cutting `.b` out would not change that, cutting the
    # prefixed one out would make the rule apply there.
    css = ".a::-webkit-scrollbar,.b{x:1}.c::-moz-selection,.d{x:2}"
    assert trimmed(css, '<p class="a">') == ".a::-webkit-scrollbar,.b{x:1}"


def test_attribute_selectors_match_names_and_exact_values() -> None:
    css = ("[dir=rtl] .a{x:1}[dir=ltr] .a{x:2}[data-md-toggle=drawer]:checked~.a{x:3}[data-md-toggle=search]{x:4}"
           "[open]{x:5}[data-md-copying]{x:6}.a[href^=http]{x:7}")
    page = '<html dir="ltr"><input data-md-toggle="drawer"><details open><a class="a" href="https://x">'
    assert trimmed(css, page) == "[dir=ltr] .a{x:2}[data-md-toggle=drawer]:checked~.a{x:3}[open]{x:5}.a[href^=http]{x:7}"


def test_pseudo_classes_require_what_their_alternatives_do() -> None:
    css = ".a:not(.absent){x:1}.a:is(.absent,.b){x:2}.a:is(.absent){x:3}.a:where(.absent){x:4}.a:hover::before{x:5}"
    assert trimmed(css, '<p class="a b">') == ".a:not(.absent){x:1}.a:is(.absent,.b){x:2}.a:hover::before{x:5}"


def test_what_our_scripts_build_after_load_is_kept() -> None:
    # press-search.js builds <select> filters; press-palette.js sets `hidden` on the palette labels.
    css = ".md-typeset select{x:1}label[hidden]{x:2}.md-typeset textarea{x:3}"
    assert trimmed(css, '<div class="md-typeset">') == ".md-typeset select{x:1}label[hidden]{x:2}"


def test_groups_keep_their_survivors_and_go_when_empty() -> None:
    css = "@media screen and (min-width:60em){.a{x:1}.b{x:2}}@media print{.b{x:3}}@supports (display:grid){.a{x:4}}"
    assert trimmed(css, '<p class="a">') == "@media screen and (min-width:60em){.a{x:1}}@supports (display:grid){.a{x:4}}"


def test_keyframes_and_font_faces_stay_only_when_a_survivor_names_them() -> None:
    css = ('@charset "UTF-8";@keyframes pulse{0%{opacity:0}}@keyframes facts{0%{opacity:0}}'
           '@font-face{font-family:"Kept";src:url(k.woff2)}@font-face{font-family:Gone;src:url(g.woff2)}'
           '.a{animation:pulse 1s;font-family:"Kept",sans-serif}.b{animation:facts 1s;font-family:Gone}')
    assert trimmed(css, '<p class="a">') == (
        '@charset "UTF-8";@keyframes pulse{0%{opacity:0}}@font-face{font-family:"Kept";src:url(k.woff2)}'
        '.a{animation:pulse 1s;font-family:"Kept",sans-serif}')


def test_custom_properties_stay_only_when_something_kept_reads_them() -> None:
    css = (":root{--used:var(--chained);--chained:red;--unread:blue;--ours:green}"
           "[data-md-color-scheme=slate]{--used:black;--unread:white}.a{color:var(--used)}.b{color:var(--unread)}")
    page = '<body data-md-color-scheme="default"><p class="a"><input data-md-color-scheme="slate">'
    assert trimmed(css, page, elsewhere=".press-x{color:var(--ours)}") == (
        ":root{--used:var(--chained);--chained:red;--ours:green}[data-md-color-scheme=slate]{--used:black}"
        ".a{color:var(--used)}")


def test_a_page_that_reads_a_property_keeps_it() -> None:
    css = ":root{--md-primary-fg-color:red;--md-other:blue}"
    assert trimmed(css, '<style>:root{--press-brand:var(--md-primary-fg-color)}</style>') == ":root{--md-primary-fg-color:red}"


def test_declarations_keep_their_importance_and_order() -> None:
    assert trimmed(".a{color:red!important;margin:0 auto}", '<p class="a">') == ".a{color:red!important;margin:0 auto}"


def test_materials_stylesheet_for_a_typical_page_is_a_fraction_of_it() -> None:
    css = "".join(p.read_text(encoding="utf-8") for p in sorted(STYLESHEETS.glob("*.min.css")))  # main, palette
    page = ('<html lang="en" dir="ltr"><body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo">'
            '<header class="md-header"><div class="md-header__inner md-grid"></div></header>'
            '<div class="md-content"><article class="md-content__inner md-typeset"><h1>T</h1><p>x</p></article></div>')
    out = trimmed(css, page)
    assert len(out) < len(css) / 5
    assert ".md-header{" in out and ".md-typeset h1{" in out and "[dir=rtl]" not in out
    assert "--md-primary-fg-color:" in out and "data-md-color-primary=pink" not in out
    assert trimmed(css, page) == out  # a function of its inputs


def test_only_attributes_tested_for_a_value_keep_their_values() -> None:
    # Every page's links would otherwise pile up in memory: a large site has hundreds of thousands.
    rules = parse("[href]{x:1}[dir=rtl]{x:2}")
    markup = Markup(selected_attributes(rules))
    for n in range(3):
        markup.add(f'<p dir="ltr"><a href="/a/{n}/">')
    assert markup.values == {("dir", "ltr")} and "href" in markup.attributes
    assert trim(rules, markup) == "[href]{x:1}"


def test_a_pages_use_is_whole_whatever_other_pages_hold() -> None:
    """What `scan` finds is kept with the page: merged into another build's markup, it must add what `add` would."""
    rules = parse("[hidden]{x:1}[dir=rtl]{x:2}.a{x:3}")
    pages = ['<p hidden dir="rtl" class="a b">', '<p hidden dir="ltr" class=a>']
    one = Markup(selected_attributes(rules))
    for page in pages:
        one.add(page)
    other = Markup(selected_attributes(rules))
    for page in reversed(pages):
        other.merge(Markup(selected_attributes(rules)).scan(page))
    assert one == other
    assert Markup(selected_attributes(rules)).scan(pages[1]).attributes == {"hidden", "dir"}


def test_the_attribute_alternation_matches_exactly_the_tested_names() -> None:
    names = {"d", "dir", "data-md-color-scheme", "data-md-color-switching", "data-md-type", "hidden", "href", "open"}
    pattern = re.compile(alternation(names))
    assert all(pattern.fullmatch(name) for name in names)
    near = {"di", "dirs", "data-md-color", "data-md-types", "hidde", "hre", "op", "x", "data-md-colorscheme"}
    assert not any(pattern.fullmatch(name) for name in near)
    rules = parse("[dir=rtl]{x:1}[data-md-type=nav]{x:2}[data-md-color-switching]{x:3}[hidden]{x:4}")
    use = Markup(selected_attributes(rules)).scan('<div dir="rtl" data-md-type="nav" data-md-color-switching> the hidden door')
    assert use.attributes == {"dir", "data-md-type", "data-md-color-switching", "hidden"}  # prose counts: more, never fewer
    markup = Markup(selected_attributes(rules))
    assert trim(rules, markup) == "[hidden]{x:4}"  # what our scripts set is kept without a page
    markup.merge(use)
    assert trim(rules, markup) == "[dir=rtl]{x:1}[data-md-type=nav]{x:2}[data-md-color-switching]{x:3}[hidden]{x:4}"
