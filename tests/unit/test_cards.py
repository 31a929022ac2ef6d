"""Social cards: size, determinism, layout inside the margins, cache keys, the cache itself."""

from __future__ import annotations

import dataclasses
import io
import os
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from press.core.features import cards
from press.core.features.cards import CardSpec, card_key, layout_card, render_png
from press.core.incremental import memos
from press.core.incremental.memos import cached_card
from press.core.incremental.store import Store

from .rules import AUTHORS, PUBLICATIONS
from .test_catalog_and_listings import article


def png_of(color: tuple[int, int, int], size: tuple[int, int] = (1600, 900)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="PNG")
    return out.getvalue()


SPEC = CardSpec("Vera2 / Courts", "U.S. immigration policy goes to Europe's capitals",
                ("By J.T. Mercer and Dana Okafor", "November 28, 2025"), "#1f3a7a")
LONG_TITLE = ("Courts, Congress & the long road: why a 200-character headline still has to fit on a card "
              "that link previews shrink to a thumbnail, with words like Supercalifragilisticexpialidocious in it, and so on.")


def inside_margins(layout: cards.Layout) -> bool:
    return all(cards.MARGIN_X <= x0 and x1 <= cards.WIDTH - cards.MARGIN_X
               and cards.MARGIN_Y <= y0 and y1 <= cards.HEIGHT - cards.MARGIN_Y
               for x0, y0, x1, y1 in (line.box for line in layout.lines))


def test_a_flat_card_is_a_small_palette_png_and_a_photo_card_keeps_every_colour() -> None:
    flat = render_png(SPEC)
    image = Image.open(io.BytesIO(flat))
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "P")
    assert len(image.getcolors()) <= 1 + 3 * cards.BLEND_STEPS
    rgb = io.BytesIO()
    image.convert("RGB").save(rgb, format="PNG", compress_level=6)
    assert len(flat) < len(rgb.getvalue()) / 2  # the size a site of 10,000 cards is made of
    assert image.convert("RGB").getpixel((5, 5)) == cards._rgb(SPEC.color)  # the publication's colour, exactly



# Accents above the capitals and descenders below the line: a line's ink past its box would be cut off.
TALL_INK = CardSpec("Ångström / Çà Élysée", "Jürgen's quay", ("Ésope, Ñandú and Ǆiyaj · gjpqy", "Ωμέγα ÅÄÖ"), "#1f3a7a")


@pytest.mark.parametrize("base", [SPEC, TALL_INK])
def test_a_flat_card_is_what_drawing_it_in_rgb_shows_within_half_a_blend_step(base: CardSpec) -> None:
    """The card is drawn as palette indices; drawn the plain way, in RGB with each line's ink, it looks the same."""
    for color in ("#1f3a7a", "#f0e6c8"):  # white ink on a dark colour, dark ink on a light one
        spec = dataclasses.replace(base, color=color)
        layout, background = layout_card(spec), cards._rgb(color)
        ink = (20, 20, 20) if cards._luminance(background) > 0.5 else (255, 255, 255)
        soft = cards._mix(ink, background, 0.78)
        plain = Image.new("RGB", (cards.WIDTH, cards.HEIGHT), background)
        draw = ImageDraw.Draw(plain)
        draw.rectangle(cards.BAR, fill=cards._mix((255, 255, 255), background, 0.35))
        for line in layout.lines:
            draw.text((line.x, line.y), line.text, font=cards.font(line.size, line.bold), fill=ink if line in layout.title else soft,
                      anchor="la")
        card = Image.open(io.BytesIO(render_png(spec))).convert("RGB")
        step = max(abs(a - b) for a, b in zip(ink, background)) / cards.BLEND_STEPS
        assert max(high for _, high in ImageChops.difference(plain, card).getextrema()) <= step / 2 + 1
        colours = {rgb for _, rgb in card.getcolors()}
        assert {background, ink, soft, cards._mix((255, 255, 255), background, 0.35)} <= colours  # each ink at full strength


def test_the_png_is_four_chunks_with_checksums_a_strict_reader_accepts() -> None:
    data = render_png(SPEC)
    chunks, at = [], 8
    assert data[:at] == cards.PNG_SIGNATURE
    while at < len(data):
        length = int.from_bytes(data[at:at + 4], "big")
        kind, body, crc = data[at + 4:at + 8], data[at + 8:at + 8 + length], data[at + 8 + length:at + 12 + length]
        assert int.from_bytes(crc, "big") == zlib.crc32(kind + body)
        chunks.append(kind)
        at += 12 + length
    assert chunks == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]
    image = Image.open(io.BytesIO(data))
    image.load()  # Pillow checks every chunk's CRC and the stream's end
    rows = zlib.decompress(data[data.index(b"IDAT") + 4:data.index(b"IEND") - 8])
    assert len(rows) == cards.HEIGHT * (cards.WIDTH + 1) and rows[::cards.WIDTH + 1] == bytes(cards.HEIGHT)  # filter 0 on each row
    assert image.tobytes() == b"".join(rows[y * (cards.WIDTH + 1) + 1:(y + 1) * (cards.WIDTH + 1)] for y in range(cards.HEIGHT))


def test_a_photo_card_is_a_dithered_palette_png_under_half_the_rgb_one() -> None:
    # A photo's grain: noise over a gradient, in each channel differently.
    ramp = Image.linear_gradient("L").resize((1200, 630))
    photo_like = Image.merge("RGB", [Image.blend(ramp, Image.effect_noise((1200, 630), sigma), 0.5) for sigma in (20, 40, 60)])
    out = io.BytesIO()
    photo_like.save(out, format="PNG")
    spec = dataclasses.replace(SPEC, background=out.getvalue())
    card = render_png(spec)
    photo = Image.open(io.BytesIO(card))
    assert (photo.format, photo.mode) == ("PNG", "P")
    layout = layout_card(spec)
    canvas = Image.new("RGB", (1200, 630))
    canvas.paste(cards._background(spec.background, cards._rgb(spec.color)))
    rgb = io.BytesIO()
    canvas.save(rgb, format="PNG", compress_level=6)
    assert len(card) < len(rgb.getvalue()) / 2
    # Away from the text, every pixel stays near the photo's: the palette is the photo's own colours.
    x0, y0 = 1000, 360
    assert not any(box[0] < x0 + 100 and x0 < box[2] and box[1] < y0 + 100 and y0 < box[3] for box in (line.box for line in layout.lines))
    near = photo.convert("RGB").crop((x0, y0, x0 + 100, y0 + 100))
    want = canvas.crop((x0, y0, x0 + 100, y0 + 100))
    difference = ImageChops.difference(near, want).convert("L")
    assert sum(i * n for i, n in enumerate(difference.histogram())) / (100 * 100) < 6


def test_identical_input_gives_identical_bytes_without_metadata() -> None:
    spec = dataclasses.replace(SPEC, background=png_of((200, 120, 40)))
    first, second = render_png(spec), render_png(dataclasses.replace(spec))
    assert first == second
    assert Image.open(io.BytesIO(first)).info == {}  # no timestamp, no text, no profile from the background
    for chunk in (b"tIME", b"tEXt", b"iTXt", b"zTXt", b"iCCP", b"eXIf"):
        assert chunk not in first


def test_a_200_character_title_fits_inside_the_margins_at_a_smaller_size() -> None:
    assert len(LONG_TITLE) == 200
    short, long = layout_card(SPEC), layout_card(dataclasses.replace(SPEC, title=LONG_TITLE))
    assert long.title_size < short.title_size
    assert not long.truncated
    assert " ".join(line.text for line in long.title) == " ".join(LONG_TITLE.split())
    assert inside_margins(short) and inside_margins(long)
    # The title box stays clear of the label above and the footer below.
    assert long.label[-1].box[3] < long.title[0].y and long.title[-1].box[3] < long.footer[0].y


def test_text_that_cannot_fit_is_cut_with_an_ellipsis_not_drawn_outside() -> None:
    layout = layout_card(CardSpec("L" * 300, "word " * 400, ("x" * 500, "y" * 500), "#000000"))
    assert layout.truncated and layout.title[-1].text.endswith("\u2026")
    assert layout.label[0].text.endswith("\u2026") and layout.footer[-1].text.endswith("\u2026")
    assert not any(line.text.endswith("\u2026\u2026") for line in layout.lines)
    assert len(layout.footer) == cards.FOOTER_LINES
    assert inside_margins(layout)


@pytest.mark.parametrize("title", ["W" * 10_000, "i" * 10_000, "word " * 2_000])
def test_a_10000_character_title_is_laid_out_in_well_under_a_second(title: str) -> None:
    layout_card(SPEC)  # the fonts are loaded
    started = time.perf_counter()
    layout = layout_card(dataclasses.replace(SPEC, title=title, footer=("By " + "X" * 5_000, "November 28, 2025")))
    assert time.perf_counter() - started < 1  # about 0.1 s here; 50 s before: wrapping measured the whole word again for each line
    assert layout.truncated and layout.title[-1].text.endswith("\u2026") and inside_margins(layout)


@pytest.mark.parametrize("size", [28, 44, 72])
def test_a_line_breaks_where_the_measured_line_would_overflow(size: int) -> None:
    """Words' summed lengths decide most breaks: each line must still fit measured whole, and take the next word only if it fits."""
    text = ("Vera2 · Courts — The appeals court hears the tenants' case, «a landmark» for rent law in the northern "
            "district; 12,400 households, the mayor's office and AVATAR WAVE LTD. await a ruling on Tuesday. ") * 3
    face, width = cards.font(size, True), 700
    lines = cards.wrap(text, face, width)
    assert " ".join(lines) == " ".join(text.split()) and len(lines) > 3
    for line, after in zip(lines, lines[1:]):
        assert face.getlength(line) <= width
        assert face.getlength(f"{line} {after.split()[0]}") > width


def test_a_word_wider_than_the_card_is_broken() -> None:
    layout = layout_card(dataclasses.replace(SPEC, title="x" * 120))
    assert "".join(line.text for line in layout.title) == "x" * 120
    assert inside_margins(layout)


@pytest.mark.parametrize("change", [
    {"label": "Vera2 / Politics"},
    {"title": SPEC.title + "!"},
    {"footer": ("By J.T. Mercer", "November 28, 2025")},
    {"color": "#7a2e1f"},
    {"background": png_of((1, 2, 3))},
])
def test_the_cache_key_changes_with_every_input(change: dict) -> None:
    assert card_key(dataclasses.replace(SPEC, **change)) != card_key(SPEC)


def test_the_cache_key_changes_with_the_background_bytes_and_the_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    one = dataclasses.replace(SPEC, background=png_of((1, 2, 3)))
    assert card_key(one) != card_key(dataclasses.replace(SPEC, background=png_of((1, 2, 4))))
    assert card_key(one) == card_key(dataclasses.replace(SPEC, background=png_of((1, 2, 3))))
    before = card_key(SPEC)
    monkeypatch.setattr(cards, "BOLD", cards.REGULAR)  # another font file
    cards._code_digest.cache_clear()
    try:
        assert card_key(SPEC) != before
    finally:
        monkeypatch.undo()
        cards._code_digest.cache_clear()


def test_the_cache_draws_a_card_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[CardSpec] = []
    real = cards.render_png
    monkeypatch.setattr(memos, "render_png", lambda spec, layout=None: drawn.append(spec) or real(spec, layout))
    first, new = cached_card(SPEC, Store(tmp_path))
    again, new_again = cached_card(SPEC, Store(tmp_path))
    assert (new, new_again, first, len(drawn)) == (True, False, again, 1)
    assert first.read_bytes() == real(SPEC)
    assert [p.name for p in first.parent.iterdir()] == [f"{card_key(SPEC)}.png"]  # no temporary file left behind


@pytest.mark.parametrize("damage", [lambda png: png[:-100], lambda png: png[:40] + b"x" * 60 + png[100:], lambda png: b"GIF89a"])
def test_a_truncated_or_garbled_cached_card_is_drawn_again(tmp_path: Path, damage) -> None:
    path, _ = cached_card(SPEC, Store(tmp_path))
    good = path.read_bytes()
    path.write_bytes(damage(good))
    again, drawn = cached_card(SPEC, Store(tmp_path))
    assert (again, drawn, again.read_bytes()) == (path, True, good)


@pytest.mark.parametrize("damage", [lambda png: png[:-100], lambda png: png[:40] + b"x" * 60 + png[100:]])
def test_a_card_found_whole_is_not_read_again_until_its_file_changes(tmp_path: Path, damage, monkeypatch: pytest.MonkeyPatch) -> None:
    store, key = Store(tmp_path), card_key(SPEC)
    path, _ = cached_card(SPEC, store)
    os.utime(path, ns=(10**18, 10**18))  # drawn long ago: any later write moves the modification time, without a sleep
    whole = memos.WholeCards(store)
    assert whole.whole(key) and not whole.whole("0" * 20)
    whole.save()
    store.flush()
    reads: list[Path] = []
    real = memos.intact
    monkeypatch.setattr(memos, "intact", lambda p: reads.append(p) or real(p))
    assert memos.WholeCards(store).whole(key) and reads == []  # the next build trusts the signature it kept
    good = path.read_bytes()
    with open(path, "r+b") as card:  # a write through a hard link in site/: the same inode, the same size or not
        card.write(damage(good))
        card.truncate()
    assert not memos.WholeCards(store).whole(key) and reads == [path]


def test_a_card_drawn_by_a_build_is_trusted_by_the_next_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, key = Store(tmp_path), card_key(SPEC)
    whole = memos.WholeCards(store)
    assert not whole.whole(key)
    path, _ = cached_card(SPEC, store)
    whole.drawn(key, path)
    whole.save()
    store.flush()
    monkeypatch.setattr(memos, "intact", lambda p: pytest.fail(f"{p} read again"))
    assert memos.WholeCards(store).whole(key)


def test_a_background_image_is_drawn_and_a_broken_one_is_an_error() -> None:
    plain = Image.open(io.BytesIO(render_png(SPEC)))
    photo = Image.open(io.BytesIO(render_png(dataclasses.replace(SPEC, background=png_of((250, 250, 250), (300, 1000))))))
    assert plain.convert("RGB").getpixel((600, 470)) != photo.convert("RGB").getpixel((600, 470))
    with pytest.raises(cards.CardError, match="is not an image file Pillow can read"):
        render_png(dataclasses.replace(SPEC, background=b"not an image"))


def test_what_article_and_listing_cards_say() -> None:
    a = article("x", 28, authors=("jt-mercer", "dana-okafor"))
    spec = cards.article_spec(a, PUBLICATIONS["vera2"], AUTHORS, "#1f3a7a")
    assert (spec.label, spec.title, spec.footer) == ("Vera2 / Courts", "X", ("By J.T. Mercer and Dana Okafor", "November 28, 2025"))
    assert spec.alt == "Vera2 / Courts: X"
    dispatch = cards.article_spec(article("y", 3, pub="dispatch", section=None), PUBLICATIONS["dispatch"], AUTHORS, "#7a2e1f")
    assert (dispatch.label, dispatch.footer) == ("NRP Dispatch", ("By J.T. Mercer", "November 3, 2025"))
