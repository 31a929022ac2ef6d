"""The mapping file of an archive import: which publication, section and author each old post gets.

```yaml
site_url: https://old.example.com  # the old site; Ghost exports write __GHOST_URL__ for it
publication: dispatch              # for a post no category or tag below places
publications: {Politics: vera2}    # category or tag (name or slug) -> publication
sections: {Politics: Politics}     # category or tag -> a section of that publication
authors: {jmercer: jt-mercer}      # WordPress login or Ghost author slug -> id in content/authors.yml
canonical: false                   # true: every piece stays published at its old URL
canonical_items: [12]              # or only these (WordPress post_id, Ghost post id)
drafts: import                     # import (as draft: true) or skip
permalink: /{slug}/                # Ghost's URL pattern: {year} {month} {day} {slug}
```

Every problem of the file is reported at once, before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import yaml

from ..content.model import Author, Publication
from ..content.problems import did_you_mean
from .scaffold import Refused

KEYS = ("site_url", "publication", "publications", "sections", "authors", "canonical", "canonical_items", "drafts", "permalink")


@dataclass(frozen=True)
class ArchiveMap:
    site_url: str = ""
    publication: str | None = None
    publications: dict[str, str] = field(default_factory=dict)  # keys lower-cased
    sections: dict[str, str] = field(default_factory=dict)  # keys lower-cased
    authors: dict[str, str] = field(default_factory=dict)
    canonical: bool = False
    canonical_items: frozenset[str] = frozenset()
    import_drafts: bool = True
    permalink: str = "/{slug}/"

    def first(self, table: Mapping[str, str], names: list[str]) -> str | None:
        """The value of the first name (category or tag, by name or slug) the table has."""
        return next((table[n.lower()] for n in names if n.lower() in table), None)


def read_map(text: str, name: str, publications: Mapping[str, Publication], authors: Mapping[str, Author]) -> ArchiveMap:
    try:
        data = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as exc:
        raise Refused(f"{name}: not YAML: {exc}", "see 'Importing an archive' in README.md for the format") from None
    if not isinstance(data, dict):
        raise Refused(f"{name}: expected a mapping of keys such as publication: and authors:", f"known keys: {', '.join(KEYS)}")
    problems: list[str] = []

    def table(key: str) -> dict[str, str]:
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            problems.append(f"{key}: expected a mapping of names to ids, such as {key}: {{Politics: vera2}}")
            return {}
        return {str(k).lower(): v for k, v in value.items()}

    for key in data:
        if key not in KEYS:
            problems.append(f"{key}: unknown key; {did_you_mean(str(key), KEYS, noun='keys')}")
    publication = data.get("publication")
    by_name = table("publications")
    for where, pub in [("publication", publication)] * (publication is not None) + [(f"publications.{k}", v) for k, v in by_name.items()]:
        if pub not in publications:
            problems.append(f"{where}: unknown publication {pub!r}; {did_you_mean(str(pub), publications, noun='publications')}")
    sections = table("sections")
    people = table("authors")
    for login, author in people.items():
        if author not in authors:
            problems.append(f"authors.{login}: unknown author {author!r}; {did_you_mean(author, authors, noun='authors')} "
                            "(defined in content/authors.yml)")
    drafts = data.get("drafts", "import")
    if drafts not in ("import", "skip"):
        problems.append(f"drafts: expected import or skip, got {drafts!r}")
    items = data.get("canonical_items") or []
    if not isinstance(items, list):
        problems.append("canonical_items: expected a list of post ids, such as [12, 40]")
        items = []
    permalink = str(data.get("permalink") or "/{slug}/")
    if "{slug}" not in permalink:
        problems.append(f"permalink: {permalink!r} has no {{slug}}: write it as Ghost's routes do, such as /{{year}}/{{slug}}/")
    if problems:
        raise Refused(f"{name}: {len(problems)} problem(s):\n  " + "\n  ".join(problems), "fix the mapping file and run the import again")
    return ArchiveMap(site_url=_text(data.get("site_url")), publication=publication, publications=by_name, sections=sections,
                      authors=people, canonical=data.get("canonical") is True, canonical_items=frozenset(str(i) for i in items),
                      import_drafts=drafts == "import", permalink=permalink)


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""
