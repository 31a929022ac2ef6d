"""Reading time counts what a reader reads: words of the rendered text, CJK characters one by one."""

from __future__ import annotations

import pytest

from press.core.content.checked import RawFile, check_article_file
from press.core.content.reading_time import CJK_CHARACTERS_PER_MINUTE, WORDS_PER_MINUTE, reading_counts, reading_minutes

from .rules import RULES

ENGLISH = """\
# The ruling, explained

Read [the ruling](https://www.supremecourt.gov/opinions/24pdf/24a884_8n59.pdf "Opinion") and the
[dissent][d] now.[@reuters; @ap-news] See https://example.com/a/b?c=d or <https://x.example/>.

- one point
- *two* **points**

| court | vote |
|-------|------|
| high  | 6-3  |

```python
print("a code block is not prose, however many words it has")
```

    indented code is not prose either

Run `make site` to build.[^1] <span class="x">Inside &amp; markup</span>{ .lead }

![A picture, not words](images/x.png){ width=300 }
/// caption
The caption is read.
///

<!-- an author's note
over two lines -->
[d]: https://example.com/dissent "The dissent"
[^1]: The footnote is read.
"""
# The ruling explained (3) / Read the ruling and the dissent now. See or . (9) / one point two points (4) /
# court vote high 6-3 (4) / Run to build. (3) / Inside markup (2) / The caption is read. (4) / The footnote is read. (4)
ENGLISH_WORDS = 3 + 9 + 4 + 4 + 3 + 2 + 4 + 4


@pytest.mark.parametrize("markdown, counts", [
    (ENGLISH, (ENGLISH_WORDS, 0)),
    ("don't U.S. 2025-11-28 — e-mail *** ___ #", (4, 0)),  # a token counts when it has a letter or digit
    ("東京の新しい政策は、来年から始まる。", (0, 16)),  # Japanese: kanji and kana, punctuation not counted
    ("中国经济增长放缓。", (0, 8)),  # Chinese
    ("ｶﾀｶﾅ", (0, 4)),  # half-width katakana
    ("東京でAIの規制が始まる (AI Act) と[発表](https://example.jp/x)した。", (3, 15)),  # mixed
    ("한국어 뉴스 기사입니다.", (3, 0)),  # Korean is written with spaces: words
    ("Москва и Αθήνα", (3, 0)),
    ("", (0, 0)),
])
def test_counts(markdown: str, counts: tuple[int, int]) -> None:
    assert reading_counts(markdown) == counts


def test_minutes_add_both_paces_and_are_at_least_one() -> None:
    assert reading_minutes("") == 1
    assert reading_minutes("word " * (WORDS_PER_MINUTE * 3)) == 3
    assert reading_minutes("字" * (CJK_CHARACTERS_PER_MINUTE * 4)) == 4
    assert reading_minutes("字" * (CJK_CHARACTERS_PER_MINUTE * 2) + " word" * (WORDS_PER_MINUTE * 2)) == 4


def test_addresses_and_code_do_not_make_a_read_longer() -> None:
    prose = "Word " * WORDS_PER_MINUTE
    noisy = prose + "\n\n" + "\n".join(f"[link {i}](https://example.com/{'x' * 40}/{i})" for i in range(100)) + "\n\n```\n" + "code " * 2000 + "\n```\n"
    assert reading_minutes(prose) == 1
    assert reading_minutes(noisy) == 2  # the links' 200 words of text count, their addresses and the code do not
    assert len(noisy.split()) > 6 * WORDS_PER_MINUTE  # what markdown.split() counted: 9 minutes


def test_a_checked_article_carries_the_minutes_of_its_body_and_the_front_matter_wins() -> None:
    head = b"---\ntitle: x\ndescription: x\ndate: 2025-07-01\nauthors: [jt-mercer]\ncategories: [Courts]\n"
    japanese = check_article_file(RawFile("vera2/posts/x.md", head + b"---\n" + "政策".encode() * 750), "vera2", RULES)
    assert japanese.article is not None and japanese.article.readtime == 3  # 1,500 characters at 500 a minute
    chosen = check_article_file(RawFile("vera2/posts/x.md", head + b"readtime: 7\n---\n" + "政策".encode() * 750), "vera2", RULES)
    assert chosen.article is not None and chosen.article.readtime == 7
