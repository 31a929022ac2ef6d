"""press/social options: the schema's messages and the checks on_config adds."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from press.adapters.social import SocialPlugin

PUBS = {"vera2": {"title": "Vera2", "sections": ["Courts"]}, "dispatch": {"title": "NRP Dispatch"}}


def configured(tmp_path: Path, social: dict, **settings):
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"),
                         site_dir=str(tmp_path / "site"), plugins=[{"press/articles": {"publications": copy.deepcopy(PUBS)}},
                                                                    {"press/social": copy.deepcopy(social)}],  # validated in place
                         **({"site_url": "https://news.example/", "theme": {"name": "material"}} | settings))
    return config.plugins.on_config(config), config.plugins["press/social"]


def test_defaults(tmp_path: Path) -> None:
    _, social = configured(tmp_path, {})
    assert social.cache.root == tmp_path / ".cache/press"  # the one store of press/articles, beside mkdocs.yml
    assert social.schema_types == {"dispatch": "BlogPosting", "vera2": "NewsArticle"}
    assert social._color("vera2") == social._color(None) == "#263238"
    # No logo configured: the one drawn for the site, not the theme's 48 px favicon.
    assert social.site_info.logo == social.logos[""]
    assert social.logos[""].startswith("https://news.example/assets/logos/site-") and social.logos[""].endswith(".png")
    assert sorted(social.logos) == ["", "dispatch", "vera2"]


def test_options_override_the_defaults(tmp_path: Path) -> None:
    _, social = configured(tmp_path, {"colors": {"vera2": "#1F3A7A"},
                                      "schema_types": {"dispatch": "Article"}, "logo": "images/logo.png"})
    assert social.schema_types == {"dispatch": "Article", "vera2": "NewsArticle"}
    assert social._color("vera2") == "#1F3A7A" and social._color("dispatch") == "#263238"
    assert social.site_info.logo == "https://news.example/images/logo.png"


@pytest.mark.parametrize("options, settings, message", [
    ({"colors": {"vera3": "#000000"}}, {}, "press/social: colors.vera3: unknown publication (known: dispatch, vera2)"),
    ({"schema_types": {"vera3": "NewsArticle"}}, {}, "press/social: schema_types.vera3: unknown publication (known: dispatch, vera2)"),
    ({"news_sitemaps": ["vera3"]}, {}, "press/social: news_sitemaps: vera3: unknown publication (known: dispatch, vera2)"),
    ({"colors": {"vera2": "blue"}}, {}, "press/social: colors.vera2: expected a colour like #1f3a7a, got 'blue'"),
    ({"color": "#12345"}, {}, "press/social: color: expected a colour like #1f3a7a, got '#12345'"),
    ({}, {"site_url": None}, "press/social: set site_url in mkdocs.yml: link previews need absolute URLs"),
])
def test_configuration_mistakes_stop_the_build_with_the_fix(tmp_path: Path, options: dict, settings: dict, message: str) -> None:
    with pytest.raises(PluginError) as raised:
        configured(tmp_path, options, **settings)
    assert str(raised.value) == message


def test_an_unknown_schema_type_is_refused_by_the_schema() -> None:
    errors, _ = SocialPlugin().load_config({"schema_types": {"vera2": "Newsarticle"}})
    assert [(key, str(e)) for key, e in errors] == [("schema_types", (
        "Expected one of: ('Article', 'NewsArticle', 'BlogPosting', 'AnalysisNewsArticle', 'OpinionNewsArticle', "
        "'ReportageNewsArticle', 'ReviewNewsArticle') but received: 'Newsarticle'"))]
