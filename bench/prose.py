"""Seeded prose for generated articles: sentences, paragraphs, headings, lists, quotes.

``Prose(rng, topic)`` draws from ``bench.vocabulary`` for one section's vocabulary; every
choice goes through the given ``random.Random``, so the same seed gives the same text.
``body()`` returns Markdown blocks; citations and links are added later by ``bench.corpus``
into the paragraph sentences (``Block.sentences``), which is why blocks stay mutable until
rendered.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import vocabulary as v


@dataclass
class Block:
    """A paragraph (``sentences``), or any other Markdown block as finished ``text``."""

    sentences: list[str] = field(default_factory=list)
    text: str = ""

    def render(self) -> str:
        return " ".join(self.sentences) if self.sentences else self.text


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def words(text: str) -> int:
    return len(text.split())


class Prose:
    def __init__(self, rng: random.Random, topic: str):
        self.rng = rng
        self.subjects = v.SUBJECTS[topic]
        self.objects = v.OBJECTS[topic]
        self.patterns = (
            (self.plain, 6), (self.compound, 2), (self.question, 1), (self.commented, 2), (self.audience, 1),
            (self.contrast, 1), (self.number, 1), (self.ask, 1), (self.depends, 1),
        )
        self.pattern_weights = [w for _, w in self.patterns]

    # -- phrases ---------------------------------------------------------------------------

    def subject(self) -> str:
        return self.rng.choice(self.subjects)

    def object(self) -> str:
        text = self.rng.choice(self.objects)
        roll = self.rng.random()
        if roll < 0.05:
            return f"*{text}*"
        if roll < 0.08:
            return f"**{text}**"
        return text

    def verb(self) -> tuple[str, str]:
        return self.rng.choice(v.VERBS)

    def sentence_of(self, *parts: str) -> str:
        return capitalize(" ".join(p for p in parts if p)) + "."

    # -- sentence patterns -----------------------------------------------------------------

    def plain(self) -> str:
        return self.sentence_of(self.rng.choice(v.OPENERS), self.subject(), self.verb()[0], self.object(), self.rng.choice(v.TAILS))

    def compound(self) -> str:
        return self.sentence_of(self.subject(), self.verb()[0], self.object() + ", and", self.subject(), self.verb()[0], self.object())

    def question(self) -> str:
        return self.sentence_of("the question now is whether", self.subject(), "will", self.verb()[1], self.object(),
                                self.rng.choice(v.TAILS))

    def commented(self) -> str:
        return self.sentence_of(self.subject(), self.verb()[0], self.object() + ";", self.rng.choice(v.COMMENTS))

    def audience(self) -> str:
        return self.sentence_of("for", self.rng.choice(v.AUDIENCES) + ",", self.rng.choice(v.COMMENTS))

    def contrast(self) -> str:
        return self.sentence_of("what", self.subject(), self.verb()[0], "was not", self.object(), "but", self.object())

    def number(self) -> str:
        count = f"{self.rng.randint(12, 2400):,}"
        return self.sentence_of(self.rng.choice(v.OPENERS), "more than", count, self.rng.choice(v.UNITS),
                                "were caught up in", self.object())

    def ask(self) -> str:
        return self.sentence_of("ask", self.rng.choice(v.AUDIENCES), "about", self.object(),
                                "and the answer is usually the same:", self.rng.choice(v.COMMENTS))

    def depends(self) -> str:
        return self.sentence_of("it is easy to miss how much", self.object(), "depends on", self.object())

    def sentence(self) -> str:
        pattern = self.rng.choices(self.patterns, self.pattern_weights)[0][0]
        return pattern()

    # -- blocks ----------------------------------------------------------------------------

    def paragraph(self) -> Block:
        return Block([self.sentence() for _ in range(self.rng.randint(3, 6))])

    def bullet_list(self) -> Block:
        items = []
        for _ in range(self.rng.randint(3, 5)):
            if self.rng.random() < 0.5:
                items.append(f"- **{capitalize(self.rng.choice(self.objects))}.** {self.sentence()}")
            else:
                items.append(f"- {self.sentence()}")
        return Block(text=self.rng.choice(v.LIST_INTROS) + "\n\n" + "\n".join(items))

    def blockquote(self) -> Block:
        quote = " ".join(self.sentence() for _ in range(self.rng.randint(1, 2)))
        return Block(text=f"> {quote}")

    def attribution(self) -> Block:
        return Block([self.sentence_of("that was how", self.rng.choice(v.SPEAKERS), "put it", self.rng.choice(v.TAILS)),
                      self.sentence()])

    def body(self, target_words: int) -> list[Block]:
        """An intro, then ``##`` sections of paragraphs, one bullet list or more, a quote sometimes."""
        blocks = [self.paragraph() for _ in range(self.rng.randint(1, 2))]
        headings = self.rng.sample(v.HEADINGS, len(v.HEADINGS))
        quote_at = self.rng.randint(0, 4) if self.rng.random() < 0.4 else -1
        count = sum(words(b.render()) for b in blocks)
        section = 0
        while count < target_words:
            section_blocks = [Block(text=f"## {headings[section % len(headings)]}")]
            section_blocks += [self.paragraph() for _ in range(self.rng.randint(1, 3))]
            if section == 1 or self.rng.random() < 0.3:
                section_blocks.insert(self.rng.randint(2, len(section_blocks)), self.bullet_list())
            if section == quote_at:
                section_blocks += [self.blockquote(), self.attribution()]
            for i, block in enumerate(section_blocks):
                if count >= target_words and i > 1:  # keep a paragraph under each heading
                    break
                blocks.append(block)
                count += words(block.render())
            section += 1
        return blocks

    # -- front matter text -------------------------------------------------------------------

    def title(self, publication: str) -> str:
        past, _ = self.verb()
        frame = self.rng.choice(v.TITLE_FRAMES[publication])
        return capitalize(frame.format(subject=self.subject(), verb=past, object=self.rng.choice(self.objects),
                                       audience=self.rng.choice(v.AUDIENCES)))

    def description(self, limit: int) -> str:
        first, second = self.plain(), self.commented()
        text = f"{first} {second}"
        return (text if len(text) <= limit else first)[:limit].replace("*", "")

    def headline(self) -> str:
        """A source's headline: a plain clause, no markup."""
        return capitalize(f"{self.subject()} {self.verb()[0]} {self.rng.choice(self.objects)}")
