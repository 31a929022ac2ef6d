"""press/articles options: the schema's messages and the checks on_config adds."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from press.adapters.articles import ArticlesPlugin


PUBS = {"vera2": {"title": "Vera2", "sections": ["Courts"]}}


def loaded(options: dict) -> tuple[ArticlesPlugin, list, list]:
    plugin = ArticlesPlugin()
    errors, warnings = plugin.load_config(copy.deepcopy(options))  # MkDocs validates in place
    return plugin, errors, warnings


def test_a_cta_needs_a_heading() -> None:
    _, errors, _ = loaded({"publications": PUBS, "ctas": {"x": {"action": "https://lists.example.com/x"}}})
    assert [(key, str(e)) for key, e in errors] == [("ctas", "Sub-option 'heading': Required configuration not provided.")]


def test_a_publication_needs_a_title() -> None:
    _, errors, _ = loaded({"publications": {"vera2": {"sections": ["Courts"]}}})
    assert [(key, str(e)) for key, e in errors] == [("publications", "Sub-option 'title': Required configuration not provided.")]


def on_config(tmp_path: Path, options: dict) -> None:
    (tmp_path / "docs").mkdir()
    config = load_config(config_file=None, site_name="x", docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    plugin, errors, _ = loaded(options)
    assert errors == []
    plugin.on_config(config)


@pytest.mark.parametrize("options, message", [
    ({"ctas": {"x": {"heading": "H", "action": "http://lists.example.com/x"}}},
     "press/articles: ctas.x.action: expected the provider's https:// form URL, got 'http://lists.example.com/x'"),
    ({"ctas": {"x": {"heading": "H"}}},
     "press/articles: ctas.x.action: missing; give the provider's https:// form URL, or provider: buttondown, kit or "
     "mailchimp with its keys"),
    ({"ctas": {"x": {"heading": "H", "provider": "substack"}}},
     "press/articles: ctas.x.provider: unknown provider 'substack'; write buttondown, kit or mailchimp, or leave "
     "provider out and give action, email_field and hidden for another provider's form"),
    ({"ctas": {"x": {"heading": "H", "provider": "kit"}}},
     "press/articles: ctas.x.form_id: missing; provider: kit needs the number in the form's embed code: "
     "app.kit.com/forms/<form_id>/subscriptions"),
    # Every problem at once: the preset's, another call to action's and a publication's reference to a third.
    ({"ctas": {"x": {"heading": "H", "provider": "buttondown", "username": "nrp", "action": "https://buttondown.com/x"},
               "y": {"heading": "H", "provider": "mailchimp", "server": "us21", "u": "abc", "id": "XYZ"}},
      "publications": {"vera2": {"title": "Vera2", "cta": "z"}}},
     "press/articles: ctas.x.action: conflicts with provider: buttondown, which makes the form's URL from username; "
     "remove action; ctas.y.id: expected the id= value of the form's action URL (the audience), got 'XYZ'; "
     "publications.vera2.cta: unknown call to action 'z' (defined: x, y)"),
    ({"publications": {"vera2": {"title": "Vera2", "cta": "missing"}}},
     "press/articles: publications.vera2.cta: unknown call to action 'missing' (defined: none)"),
    ({"publications": {"vera2": {"title": "Vera2", "connect_off": ["nope"]}}},
     "press/articles: publications.vera2.connect_off: unknown connect block 'nope' (defined: none)"),
    ({"publications": {"vera2": {"title": "Vera2", "sections": ["Page", "Courts", "courts"]}}},
     "press/articles: publication 'vera2': section 'Page' cannot be used as a URL (/vera2/page/); "
     "publication 'vera2': sections 'Courts' and 'courts' share the URL /vera2/courts/"),
    ({"timezone": "Mars/Olympus"}, "press/articles: timezone: unknown time zone 'Mars/Olympus'; use a name like America/New_York"),
])
def test_configuration_mistakes_stop_the_build_with_the_fix(tmp_path: Path, options: dict, message: str) -> None:
    with pytest.raises(PluginError) as raised:
        on_config(tmp_path, {"publications": PUBS} | options)
    assert str(raised.value) == message


def test_the_nav_lists_publications_and_sections(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    config = load_config(config_file=None, site_name="x", docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    plugin, _, _ = loaded({"publications": PUBS})
    plugin.on_config(config)
    # The repository's mkdocs.yml (config_file=None) has press/crosslinks, so its source library is listed.
    assert config.nav == [{"Home": "index.md"}, {"Vera2": ["vera2/index.md", {"Courts": "vera2/courts/index.md"}]},
                          {"Reading lists": "reading-lists/index.md"}, {"Sources": "sources/index.md"},
                          {"Authors": "authors/index.md"}, {"Tags": "tags/index.md"}, {"Archive": "archive/index.md"}]
