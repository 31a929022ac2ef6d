"""Signup forms: the generic form of a call to action, or a provider's documented embed form.

``provider:`` fills in what the provider's own embed code holds, from the one to three keys that code is made of,
so a publisher copies an id, not a form (each as the provider's documentation gives it):

- ``buttondown``, key ``username``: posts ``email`` and ``embed=1`` to
  ``https://buttondown.com/api/emails/embed-subscribe/<username>``;
- ``kit``, key ``form_id``: posts ``email_address`` to ``https://app.kit.com/forms/<form_id>/subscriptions``;
- ``mailchimp``, keys ``server``, ``u`` and ``id`` (or the embedded form's list-manage ``action``): posts ``EMAIL``
  to ``https://<server>.list-manage.com/subscribe/post?u=<u>&id=<id>``, with the trap field ``b_<u>_<id>`` left empty.

A preset sends only fields its provider documents: a honeypot only where the provider checks one (Mailchimp's
``b_<u>_<id>``: a trap nobody checks stops no bot), and the article's URL as Buttondown metadata
(``metadata__source``) but to no other provider unless ``source_field`` names a field it keeps. None of the three
documents a form field for the address to return to after signing up: each takes it in its dashboard, so
``return_field`` (a hidden field carrying the confirmation page's URL) is for forms of providers that do.

Every problem names ``ctas.<id>.<key>`` and the fix; all of them are reported together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping
from urllib.parse import parse_qs

from ..content.model import Cta

_HTTPS = re.compile(r"^https://[^\s/?#]+\.[^\s/?#]+\S*$")
_LOOPBACK = re.compile(r"^http://(127\.0\.0\.1|localhost)(:\d+)?/\S*$")  # a local test endpoint, never public
CTA_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")  # a URL segment and an HTML id
_MAILCHIMP_ACTION = re.compile(r"^https://([a-z0-9]+)\.list-manage\.com/subscribe/post\?(\S+)$")


@dataclass(frozen=True)
class Key:
    name: str
    pattern: re.Pattern[str]
    what: str  # where the publisher finds it


@dataclass(frozen=True)
class Provider:
    name: str
    keys: tuple[Key, ...]
    action_format: str  # the form's URL, filled in from the keys
    email_field: str
    fixed: tuple[tuple[str, str], ...] = ()  # hidden fields the provider's embed code always has
    source_field: str | None = None  # where the provider keeps the article's URL, if it documents a place
    trap_format: str | None = None  # the trap field the provider checks, from the keys; None: it checks none

    def action(self, keys: Mapping[str, str]) -> str:
        return self.action_format.format(**keys)

    def trap(self, keys: Mapping[str, str]) -> str | None:
        return self.trap_format.format(**keys) if self.trap_format else None


PROVIDERS = {
    "buttondown": Provider("buttondown", (
        Key("username", re.compile(r"^[A-Za-z0-9_-]+$"), "your Buttondown username, the end of https://buttondown.com/<username>"),
    ), "https://buttondown.com/api/emails/embed-subscribe/{username}", "email", fixed=(("embed", "1"),),
        source_field="metadata__source"),
    "kit": Provider("kit", (
        Key("form_id", re.compile(r"^[0-9]+$"), "the number in the form's embed code: app.kit.com/forms/<form_id>/subscriptions"),
    ), "https://app.kit.com/forms/{form_id}/subscriptions", "email_address"),
    "mailchimp": Provider("mailchimp", (
        Key("server", re.compile(r"^[a-z]+[0-9]+$"), "the data centre at the start of the form's action URL, such as us21"),
        Key("u", re.compile(r"^[0-9a-f]+$"), "the u= value of the form's action URL"),
        Key("id", re.compile(r"^[0-9a-f]+$"), "the id= value of the form's action URL (the audience)"),
    ), "https://{server}.list-manage.com/subscribe/post?u={u}&id={id}", "EMAIL", trap_format="b_{u}_{id}"),
}
PROVIDER_KEYS = {key.name: provider.name for provider in PROVIDERS.values() for key in provider.keys}
GENERIC = {"email_field": "email", "honeypot_field": "website", "source_field": "source", "method": "post"}


def resolve_cta(cta_id: str, options: Mapping[str, Any]) -> tuple[Cta, list[str]]:
    """The call to action `options` (its mkdocs.yml keys, None where not given) describe, and its problems.

    The Cta comes back even with problems (its action may be empty), so references to it are checked as well.
    """
    problems: list[str] = []
    where = f"ctas.{cta_id}"
    if not CTA_ID.match(cta_id):
        problems.append(f"{where}: the id names the confirmation page /subscribed/{cta_id}/ and the form's anchor; "
                        "use letters, digits, - and _")
    hidden = dict(options.get("hidden") or {})
    name = options.get("provider")
    if name is None:
        fields, more = _generic(where, options)
    elif name not in PROVIDERS:
        fields, more = _generic(where, options, check_action=False)
        more.insert(0, f"{where}.provider: unknown provider {name!r}; write buttondown, kit or mailchimp, or leave "
                       "provider out and give action, email_field and hidden for another provider's form")
    else:
        fields, more = _preset(where, PROVIDERS[name], options, hidden)
    problems += more
    for key in ("source_field", "return_field"):
        if options.get(key) == "":
            problems.append(f"{where}.{key}: is empty; name the form field, or leave {key} out")
    cta = Cta(
        cta_id, options.get("heading") or "", options.get("text") or "", fields["action"],
        button=options.get("button") or "Subscribe", method=fields["method"],
        email_label=options.get("email_label") or "Email address", email_field=fields["email_field"],
        consent=options.get("consent") or "", hidden=fields["hidden"] + tuple(hidden.items()),
        honeypot_field=fields["honeypot_field"],
        source_field=options["source_field"] if options.get("source_field") else fields["source_field"],
        provider=name if name in PROVIDERS else None, return_field=options.get("return_field") or None,
        confirmation=(options.get("confirmation") or "").strip(),
    )
    return cta, problems


def _generic(where: str, options: Mapping[str, Any], *, check_action: bool = True) -> tuple[dict[str, Any], list[str]]:
    """The provider-neutral form: everything from mkdocs.yml, with defaults for what is left out."""
    problems = []
    action = options.get("action") or ""
    if check_action:
        if not action:
            problems.append(f"{where}.action: missing; give the provider's https:// form URL, or provider: "
                            "buttondown, kit or mailchimp with its keys")
        elif not (_HTTPS.match(action) or _LOOPBACK.match(action)):
            problems.append(f"{where}.action: expected the provider's https:// form URL, got {action!r}")
        for key, provider in PROVIDER_KEYS.items():
            if options.get(key) is not None:
                problems.append(f"{where}.{key}: is a key of provider: {provider}; add provider: {provider}, or remove {key}")
    method = options.get("method") or GENERIC["method"]
    if method not in ("post", "get"):
        problems.append(f"{where}.method: expected post or get, got {method!r}")
    fields = {key: options.get(key) or default for key, default in GENERIC.items()}
    return fields | {"action": action, "method": method, "hidden": ()}, problems


def _preset(where: str, provider: Provider, options: Mapping[str, Any], hidden: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The provider's documented form from its keys; anything that contradicts it is a problem."""
    problems = []
    keys = {key.name: options.get(key.name) for key in provider.keys}
    action = options.get("action")
    if provider.name == "mailchimp" and action is not None:
        given = [name for name, value in keys.items() if value is not None]
        if given:
            problems.append(f"{where}.action: conflicts with {', '.join(given)}: give Mailchimp's list-manage URL or "
                            "server, u and id, not both; remove one")
        else:
            keys, more = _mailchimp_keys(where, action)
            problems += more
    elif action is not None:
        key = provider.keys[0].name
        problems.append(f"{where}.action: conflicts with provider: {provider.name}, which makes the form's URL from "
                        f"{key}; remove action")
    for key in provider.keys:
        value = keys.get(key.name)
        if value is None:
            if not (provider.name == "mailchimp" and action is not None):
                problems.append(f"{where}.{key.name}: missing; provider: {provider.name} needs {key.what}")
        elif not key.pattern.match(str(value)):
            problems.append(f"{where}.{key.name}: expected {key.what}, got {value!r}")
    for key, owner in PROVIDER_KEYS.items():
        if owner != provider.name and options.get(key) is not None:
            problems.append(f"{where}.{key}: is a key of provider: {owner}, not {provider.name}; remove {key}")
    for key, fixed in (("email_field", f"names the email field {provider.email_field}"),
                       ("honeypot_field", "sets its own trap field" if provider.trap_format else "checks no trap field"),
                       ("method", "forms post")):
        if options.get(key) is not None:
            problems.append(f"{where}.{key}: provider: {provider.name} {fixed}; remove {key}")
    for name, _ in provider.fixed:
        if name in hidden:
            problems.append(f"{where}.hidden.{name}: provider: {provider.name} sets {name} itself; remove it")
    complete = not problems and all(isinstance(v, str) for v in keys.values())
    built = (action or provider.action(keys)) if complete else ""  # Mailchimp's own URL is kept as copied (f_id too)
    return {
        "action": built,
        "method": "post",
        "email_field": provider.email_field,
        "honeypot_field": provider.trap(keys) if complete else None,
        "source_field": provider.source_field,
        "hidden": provider.fixed,
    }, problems


def _mailchimp_keys(where: str, action: str) -> tuple[dict[str, Any], list[str]]:
    """server, u and id from the action URL of Mailchimp's embedded form."""
    match = _MAILCHIMP_ACTION.match(action)
    query = parse_qs(match.group(2)) if match else {}
    if not match or "u" not in query or "id" not in query:
        return {}, [f"{where}.action: expected the action of Mailchimp's embedded form, "
                    f"https://<server>.list-manage.com/subscribe/post?u=...&id=..., got {action!r}; copy it from the "
                    "form's code, or give server, u and id instead"]
    return {"server": match.group(1), "u": query["u"][0], "id": query["id"][0]}, []
