"""Provider presets of the signup form, driven by the table of cases in cases/signup_forms.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from press.core.features.signup_forms import resolve_cta

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "signup_forms.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case: dict) -> None:
    cta, problems = resolve_cta("news", {"heading": "News"} | case["options"])
    if "problems" in case:
        assert problems == case["problems"]
        return
    assert problems == []
    form = case["form"]
    assert (cta.action, cta.method, cta.email_field, cta.honeypot_field, cta.source_field) == (
        form["action"], form["method"], form["email_field"], form["honeypot_field"], form["source_field"])
    assert cta.hidden == tuple(tuple(pair) for pair in form["hidden"])
    assert cta.return_field == form.get("return_field")
    assert cta.provider == case["options"].get("provider")


def test_the_id_must_make_a_url_and_an_anchor() -> None:
    _, problems = resolve_cta("free chapter", {"heading": "H", "action": "https://lists.example.com/x"})
    assert problems == ["ctas.free chapter: the id names the confirmation page /subscribed/free chapter/ and the "
                        "form's anchor; use letters, digits, - and _"]


def test_a_broken_call_to_action_still_comes_back_for_the_reference_checks() -> None:
    cta, problems = resolve_cta("news", {"heading": "H", "provider": "kit"})
    assert cta.id == "news" and cta.action == "" and len(problems) == 1
