"""Feed content made for email clients: what is removed, replaced, kept and sized."""

from __future__ import annotations

from press.core.features.email_html import EMBEDDED_TEXT, email_html

URL = "https://news.example/vera2/2025/11/x/"


def test_scripts_styles_and_forms_go_and_noscript_keeps_its_content() -> None:
    out = email_html('<p>Hi<script>alert(1)</script></p><style>p{}</style><form action="https://x.example/">'
                     '<input name="email"><button>Go</button></form><noscript><p>Fallback</p></noscript>', URL, {})
    assert out == "<p>Hi</p><p>Fallback</p>"


def test_embedded_media_become_a_link_to_the_article() -> None:
    out = email_html('<p>Before</p><iframe src="https://video.example/embed/1"></iframe> after<video src="v.mp4"></video>', URL, {})
    assert out == f'<p>Before</p><p><a href="{URL}">{EMBEDDED_TEXT}</a></p> after<p><a href="{URL}">{EMBEDDED_TEXT}</a></p>'


def test_only_attributes_email_keeps_and_only_safe_links() -> None:
    out = email_html('<p class="x" style="color:red" onclick="e()" data-k="1" id="a">'
                     '<a href="javascript:alert(1)" title="t">no</a> <a href="https://ok.example/" target="_blank">ok</a></p>', URL, {})
    assert out == '<p id="a"><a title="t">no</a> <a href="https://ok.example/">ok</a></p>'


def test_images_are_sized_for_an_email_column() -> None:
    sizes = {"https://news.example/images/wide.png": (1200, 800)}
    out = email_html('<figure><img src="https://news.example/images/wide.png" alt="Wide"></figure>'
                     '<img src="https://news.example/small.png" width="300" height="200" srcset="a 1x" loading="lazy">'
                     '<img src="https://elsewhere.example/unknown.png">', URL, sizes)
    assert out == ('<figure><img src="https://news.example/images/wide.png" alt="Wide" width="600" height="400"></figure>'
                   '<img src="https://news.example/small.png" width="300" height="200" alt="">'
                   '<img src="https://elsewhere.example/unknown.png">')


def test_text_before_the_first_element_is_kept_escaped() -> None:
    assert email_html("a &amp; b <em>c</em>", URL, {}) == "a &amp; b <em>c</em>"
