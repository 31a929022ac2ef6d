"""Material's stylesheet cut down to the rules that can match the pages a build wrote.

Material ships one stylesheet for every feature of a documentation site (137 KB; our pages use
about a fifth of it), and it blocks rendering. A rule is kept when each of its selectors' element
names, classes, ids and attributes (with their value, for ``[name=value]``) occurs somewhere in the
site's pages (`Markup`, collected from each page as it is written) or is created at run time by our
scripts (`RUNTIME`). The test is per site, not per page, so it keeps too much, never too little:
``.a .b`` stays when ``a`` and ``b`` occur on different pages. Inside ``:is()``, ``:where()`` and
``:has()`` one alternative must be able to match; ``:not()`` and other pseudo-classes require nothing.

What survivors need stays with them: ``@media`` and ``@supports`` blocks that keep a rule, the
``@keyframes`` and ``@font-face`` they name, and the custom properties (``--md-...``) that any kept
declaration, another stylesheet of the site or a page refers to, through ``var()`` chains;
``:root`` and ``[data-md-color-scheme]`` blocks lose only the properties nobody reads. Rules are
kept in their order and as Material wrote them, so the cascade is unchanged and the output is a
function of its inputs (two builds, one stylesheet).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, fields
from typing import Any, Iterable, Union

import tinycss2
from tinycss2 import ast

# What our scripts add to a page after it loads, which no page's HTML shows.
# press-palette.js: the `data-md-color-*` attributes it copies from the palette inputs to <body> (their values are in
# the inputs, so they are collected) and `hidden` on the palette labels. press-search.js: the filters and results
# it builds (label, select, option; li, h2, p and a with press-* classes, which press.css styles). press-share.js
# changes only text.
RUNTIME = {
    "tags": {"label", "select", "option", "li", "h2", "p", "a"},
    "attributes": {"hidden", "selected", "for", "value", "name", "id", "href",
                   "data-md-color-media", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"},
}
# Pseudo-classes whose argument is a selector list that must be able to match for the selector to match.
ALTERNATIVES = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}
VAR = re.compile(r"var\(\s*(--[\w-]+)")
VALUE = r"""(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
TAG = re.compile(r"<([a-zA-Z][\w-]*)")
# A literal start keeps each scan fast; `data-class=` or `grid=` matching as well keeps more rules, never fewer.
CLASSES = re.compile(rf"class={VALUE}")
IDS = re.compile(rf"id={VALUE}")


@dataclass(frozen=True)
class PageUse:
    """What one page uses, as `Markup.scan` finds it: kept with the page so an unchanged page is not scanned again."""

    tags: frozenset[str]
    classes: frozenset[str]
    ids: frozenset[str]
    attributes: frozenset[str]  # the tested attributes present
    values: frozenset[tuple[str, str]]  # (name, value in lower case) of value-tested attributes
    variables: frozenset[str]


def alternation(names: Iterable[str]) -> str:
    """A regex matching exactly `names`, branched on their first character.

    After every whitespace of a page (most of them between words of prose) the regex engine tries each branch in
    turn; one branch per first character instead of one per name: 0.40 ms a page instead of 0.51 at 1,000 articles.
    """
    groups: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda n: (-len(n), n)):  # longer first, as a plain alternation would try them
        groups.setdefault(name[0], []).append(name)
    return "|".join(re.escape(group[0]) if len(group) == 1
                    else re.escape(first) + "(?:" + "|".join(re.escape(name[1:]) for name in group) + ")"
                    for first, group in sorted(groups.items()))


@dataclass
class Markup:
    """The element names, classes, ids, attributes and custom-property references of the site's pages.

    `scan` runs a few regexes over a page (tags, class values, ids, the attributes the stylesheet tests, ``var()``
    references) and `merge` adds what it found. A page's `PageUse` is complete on its own, whatever other pages
    hold, so it can be kept with the page and merged again when a later build writes the same page
    (``press.core.incremental.page_uses``). Attribute names are matched in lower case, as HTML is written, and only
    tested attributes keep their values (never every href).
    """

    tested: dict[str, bool]  # attribute -> whether a selector tests its value (`selected_attributes`)
    tags: set[str] = field(default_factory=lambda: set(RUNTIME["tags"]))
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=lambda: set(RUNTIME["attributes"]))  # names present
    values: set[tuple[str, str]] = field(default_factory=set)  # (name, value in lower case) of value-tested names
    variables: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        names = alternation(set(self.tested) - {"class", "id"})
        self._attributes = re.compile(rf"\s({names})(?:\s*=\s*{VALUE})?(?=[\s/>])") if names else None

    def add(self, html: str) -> None:
        """Collect what one page uses."""
        self.merge(self.scan(html))

    def scan(self, html: str) -> PageUse:
        """What one page uses (strings interned: a kept page's use shares them with every other page's)."""
        intern = sys.intern
        attributes: set[str] = set()
        values: set[tuple[str, str]] = set()
        if self._attributes is not None:
            for name, *value in set(self._attributes.findall(html)):
                attributes.add(name)
                if self.tested[name]:
                    values.add((intern(name), intern("".join(value).lower())))
        return PageUse(
            tags=frozenset(intern(tag.lower()) for tag in set(TAG.findall(html))),
            classes=frozenset(intern(c) for value in set(CLASSES.findall(html)) for c in "".join(value).split()),
            ids=frozenset(intern("".join(value)) for value in set(IDS.findall(html))),
            attributes=frozenset(map(intern, attributes)), values=frozenset(values),
            variables=frozenset(map(intern, set(VAR.findall(html)))))

    def merge(self, use: PageUse) -> None:
        """Add what one page uses."""
        self.tags |= use.tags
        self.classes |= use.classes
        self.ids |= use.ids
        self.attributes |= use.attributes
        self.values |= use.values
        self.variables |= use.variables


def shared_use(one: dict[Any, Any], use: PageUse) -> PageUse:
    """`use` with equal sets, and an equal use, as one object each. Most pages share most sets: a build of 10,000
    articles holds a few MB of uses instead of 190, and pickle writes each object once (at 1,000 articles, a
    fifth of the bytes and a tenth of the time to load)."""
    if use not in one:
        one[use] = PageUse(*(one.setdefault(part, part) for part in (getattr(use, f.name) for f in fields(PageUse))))
    return one[use]


@dataclass(frozen=True)
class Rule:
    """A style rule: its selectors (each a token list) and its declarations as (name, text) pairs."""

    selectors: tuple[tuple[ast.Node, ...], ...]
    declarations: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Group:
    """``@media`` or ``@supports`` and the rules inside it."""

    head: str  # "@media screen and (min-width:60em)"
    rules: tuple[Node, ...]


Node = Union[Rule, Group, str]  # a str: another at-rule, as written


def parse(css: str) -> list[Node]:
    """A stylesheet as rules, groups and other at-rules (comments dropped)."""
    return [_node(rule) for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
            if not isinstance(rule, ast.ParseError)]


def selected_attributes(nodes: Iterable[Node]) -> dict[str, bool]:
    """Every attribute the selectors test, and whether any tests its value (``[dir=rtl]``), for `Markup`."""
    tested: dict[str, bool] = {}
    for rule in _rules(nodes):
        for selector in rule.selectors:
            for token in _walk(selector):
                if isinstance(token, ast.SquareBracketsBlock):
                    parts = [t for t in token.content if not isinstance(t, ast.WhitespaceToken)]
                    if parts and isinstance(parts[0], ast.IdentToken):
                        valued = len(parts) >= 3 and _literal(parts[1], "=")
                        tested[parts[0].lower_value] = tested.get(parts[0].lower_value, False) or valued
    return tested


def trim(nodes: list[Node], markup: Markup, elsewhere: str = "") -> str:
    """The rules that can match `markup`, with what they need, as CSS text.

    `elsewhere` is the site's other CSS: its ``var()`` references and animation names keep what they name.
    """
    kept = _selected(nodes, markup)
    kept = _without_unread_properties(kept, markup.variables | set(VAR.findall(elsewhere)))
    text = "".join(_text(node) for node in kept)
    used = text + elsewhere
    at_rules = [node for node in nodes if isinstance(node, str)]
    charset = [rule for rule in at_rules if rule.lower().startswith("@charset")]
    needed = [rule for rule in at_rules if _needed(rule, used)]
    return "".join(charset + needed) + text


# --- selectors ------------------------------------------------------------------------------------

def _selected(nodes: Iterable[Node], markup: Markup) -> list[Node]:
    """The rules and groups that can match, selector lists cut to their matching selectors; other at-rules wait."""
    kept: list[Node] = []
    for node in nodes:
        if isinstance(node, Rule):
            selectors = _matching(node.selectors, markup)
            if selectors:
                kept.append(Rule(selectors, node.declarations))
        elif isinstance(node, Group):
            if inner := _selected(node.rules, markup):
                kept.append(Group(node.head, tuple(inner)))
        elif not _deferred(node):
            kept.append(node)  # @page and anything unknown: kept as written
    return kept


def _matching(selectors: tuple[tuple[ast.Node, ...], ...], markup: Markup) -> tuple[tuple[ast.Node, ...], ...]:
    """The selectors that can match, or all of them when one is vendor-prefixed and any matches.

    A browser that does not know a prefix (``::-webkit-scrollbar``) ignores the whole rule; cutting the
    prefixed selector out of the list would make the rule apply there.
    """
    matching = tuple(s for s in selectors if _can_match(s, markup))
    if matching and any(_vendor_prefixed(s) for s in selectors):
        return selectors
    return matching


def _can_match(selector: Iterable[ast.Node], markup: Markup) -> bool:
    """Whether every element name, class, id and attribute `selector` requires occurs in `markup`."""
    previous: ast.Node | None = None
    pseudo = False  # a colon was just seen: the next ident or function names a pseudo-class or pseudo-element
    for token in selector:
        if _literal(token, ":"):
            pseudo = True
        elif isinstance(token, ast.FunctionBlock) and pseudo:
            if token.lower_name in ALTERNATIVES and not any(_can_match(s, markup) for s in _split(token.arguments)):
                return False
            pseudo = False
        elif isinstance(token, ast.IdentToken):
            if pseudo:
                pseudo = False
            elif _literal(previous, "."):
                if token.value not in markup.classes:
                    return False
            elif not _literal(previous, "|") and token.lower_value not in markup.tags:
                return False
        elif isinstance(token, ast.HashToken):
            if token.value not in markup.ids:
                return False
        elif isinstance(token, ast.SquareBracketsBlock) and not _attribute_present(token, markup):
            return False
        previous = token
    return True


def _attribute_present(block: ast.SquareBracketsBlock, markup: Markup) -> bool:
    parts = [t for t in block.content if not isinstance(t, ast.WhitespaceToken)]
    if not parts or not isinstance(parts[0], ast.IdentToken):
        return True  # a namespaced or unusual form: kept
    name = parts[0].lower_value
    if name not in markup.attributes:
        return False
    if len(parts) >= 3 and _literal(parts[1], "=") and isinstance(parts[2], (ast.IdentToken, ast.StringToken)):
        return (name, parts[2].value.lower()) in markup.values
    return True


def _vendor_prefixed(selector: tuple[ast.Node, ...]) -> bool:
    return any(_literal(colon, ":") and ((isinstance(name, ast.IdentToken) and name.value.startswith("-"))
                                         or (isinstance(name, ast.FunctionBlock) and name.name.startswith("-")))
               for colon, name in zip(selector, selector[1:]))


def _split(tokens: Iterable[ast.Node]) -> list[tuple[ast.Node, ...]]:
    """A selector list as its selectors, surrounding whitespace trimmed."""
    selectors: list[list[ast.Node]] = [[]]
    for token in tokens:
        if _literal(token, ","):
            selectors.append([])
        elif not isinstance(token, ast.Comment):
            selectors[-1].append(token)
    trimmed = []
    for selector in selectors:
        while selector and isinstance(selector[0], ast.WhitespaceToken):
            selector.pop(0)
        while selector and isinstance(selector[-1], ast.WhitespaceToken):
            selector.pop()
        if selector:
            trimmed.append(tuple(selector))
    return trimmed


def _literal(token: ast.Node | None, value: str) -> bool:
    return isinstance(token, ast.LiteralToken) and token.value == value


# --- custom properties and the at-rules survivors need ---------------------------------------------

def _without_unread_properties(nodes: list[Node], read_elsewhere: set[str]) -> list[Node]:
    """Each custom property dropped unless a kept declaration reads it (through var() chains); empty rules go."""
    rules = list(_rules(nodes))
    readers = "".join(value for rule in rules for name, value in rule.declarations if not name.startswith("--"))
    read = set(VAR.findall(readers)) | read_elsewhere
    definitions: dict[str, str] = {}
    for rule in rules:
        for name, value in rule.declarations:
            if name.startswith("--"):
                definitions[name] = definitions.get(name, "") + value
    pending = list(read)
    while pending:  # a property that is read may read others
        for name in VAR.findall(definitions.get(pending.pop(), "")):
            if name not in read:
                read.add(name)
                pending.append(name)
    return _pruned(nodes, read)


def _pruned(nodes: Iterable[Node], read: set[str]) -> list[Node]:
    kept: list[Node] = []
    for node in nodes:
        if isinstance(node, Rule):
            declarations = tuple(d for d in node.declarations if not d[0].startswith("--") or d[0] in read)
            if declarations:
                kept.append(Rule(node.selectors, declarations))
        elif isinstance(node, Group):
            if inner := _pruned(node.rules, read):
                kept.append(Group(node.head, tuple(inner)))
        else:
            kept.append(node)
    return kept


def _deferred(at_rule: str) -> bool:
    """@charset, @keyframes and @font-face: placed by `trim` once it knows what the kept rules name."""
    return re.match(r"@(charset|keyframes|-webkit-keyframes|font-face)\b", at_rule, re.IGNORECASE) is not None


def _needed(at_rule: str, used: str) -> bool:
    """Whether a @keyframes or @font-face rule is named by the kept CSS (or the site's other CSS)."""
    if found := re.match(r"@(?:-webkit-)?keyframes\s*([\w-]+)", at_rule, re.IGNORECASE):
        return re.search(rf"(?<![\w-]){re.escape(found.group(1))}(?![\w-])", used) is not None
    if re.match(r"@font-face\b", at_rule, re.IGNORECASE):
        family = re.search(r"font-family:\s*(?:\"([^\"]+)\"|'([^']+)'|([^;}]+))", at_rule)
        return family is not None and (family.group(1) or family.group(2) or family.group(3)).strip() in used
    return False


# --- parsing and writing --------------------------------------------------------------------------

def _node(rule: ast.Node) -> Node:
    if isinstance(rule, ast.QualifiedRule):
        declarations = tuple(
            (d.name, tinycss2.serialize(d.value).strip() + ("!important" if d.important else ""))
            for d in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)
            if isinstance(d, ast.Declaration))
        return Rule(tuple(_split(rule.prelude)), declarations)
    if isinstance(rule, ast.AtRule) and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
        inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
        head = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}"
        return Group(head, tuple(_node(r) for r in inner if not isinstance(r, ast.ParseError)))
    return tinycss2.serialize([rule])


def _text(node: Node) -> str:
    if isinstance(node, Rule):
        selectors = ",".join(tinycss2.serialize(s) for s in node.selectors)
        return f"{selectors}{{{';'.join(f'{name}:{value}' for name, value in node.declarations)}}}"
    if isinstance(node, Group):
        return f"{node.head}{{{''.join(_text(r) for r in node.rules)}}}"
    return node


def _rules(nodes: Iterable[Node]) -> Iterable[Rule]:
    """Every style rule, those inside groups included."""
    for node in nodes:
        if isinstance(node, Rule):
            yield node
        elif isinstance(node, Group):
            yield from _rules(node.rules)


def _walk(tokens: Iterable[ast.Node]) -> Iterable[ast.Node]:
    for token in tokens:
        yield token
        if isinstance(token, ast.FunctionBlock):
            yield from _walk(token.arguments)
