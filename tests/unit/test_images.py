"""Responsive images: sizes, WebP variants, the cache, and the rewritten <img> tags."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from press.core.features.images import ImageError, intact, measure
from press.core.incremental.memos import cached_image
from press.core.incremental.store import Store
from press.core.features.img_tags import rewrite_images


def png(width: int, height: int, color: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


def test_variants_are_smaller_webp_copies_with_the_same_ratio(tmp_path: Path) -> None:
    image, encoded = cached_image("vera2/posts/img/a.png", png(1000, 500), Store(tmp_path))
    assert (image.width, image.height, encoded) == (1000, 500, 2)
    assert [(v.width, v.height) for v in image.variants] == [(480, 240), (960, 480)]
    for variant in image.variants:
        with Image.open(variant.cache_file) as webp:
            assert (webp.format, webp.size) == ("WEBP", (variant.width, variant.height))
        assert variant.path.startswith("assets/images/") and variant.path.endswith(".webp")


def test_the_cache_is_hit_and_output_is_deterministic(tmp_path: Path) -> None:
    first, _ = cached_image("a.png", png(1000, 500), Store(tmp_path / "one"))
    again, encoded = cached_image("a.png", png(1000, 500), Store(tmp_path / "one"))
    assert encoded == 0 and again == first
    other, _ = cached_image("a.png", png(1000, 500), Store(tmp_path / "two"))
    assert [v.cache_file.read_bytes() for v in other.variants] == [v.cache_file.read_bytes() for v in first.variants]
    changed, encoded = cached_image("a.png", png(1000, 500, "red"), Store(tmp_path / "one"))
    assert encoded == 2 and [v.path for v in changed.variants] != [v.path for v in first.variants]


def test_a_small_image_gets_its_size_and_no_variants(tmp_path: Path) -> None:
    image, encoded = cached_image("a.png", png(300, 200), Store(tmp_path))
    assert (image.width, image.height, image.variants, encoded) == (300, 200, (), 0)


def test_a_file_that_is_not_an_image(tmp_path: Path) -> None:
    with pytest.raises(ImageError):
        cached_image("a.png", b"not an image", Store(tmp_path))


def test_img_tags_get_size_srcset_and_loading(tmp_path: Path) -> None:
    image, _ = cached_image("vera2/posts/img/a.png", png(1000, 500), Store(tmp_path))
    html = ('<p><img alt="One" src="../../../posts/img/a.png" /></p><p><img alt="Two" src="../../../posts/img/a.png"></p>'
            '<img src="https://elsewhere.example/x.png"><img src="../../../posts/img/unknown.png" alt="">')
    out = rewrite_images(html, "vera2/2025/11/x/", {"vera2/posts/img/a.png": image})
    first, second = out.split("</p>")[:2]
    variants = [v.path for v in image.variants]
    assert first == ('<p><img alt="One" src="../../../posts/img/a.png" width="1000" height="500" '
                     f'srcset="../../../../{variants[0]} 480w, ../../../../{variants[1]} 960w, ../../../posts/img/a.png 1000w" '
                     'sizes="(min-width: 76.25em) 37rem, 100vw" loading="eager" decoding="async">')
    assert 'loading="lazy"' in second
    assert out.endswith('<img src="https://elsewhere.example/x.png"><img src="../../../posts/img/unknown.png" alt="">')


def test_attributes_the_author_set_are_kept(tmp_path: Path) -> None:
    image, _ = cached_image("a.png", png(1000, 500), Store(tmp_path))
    out = rewrite_images('<img src="a.png" width="10" loading="eager">', "", {"a.png": image})
    assert out.count("width=") == 1 and out.count("loading=") == 1 and "srcset=" in out


def test_a_truncated_or_garbled_cache_file_is_encoded_again(tmp_path: Path) -> None:
    image, encoded = cached_image("a.png", png(1000, 500), Store(tmp_path))
    assert encoded == 2
    first, second = (v.cache_file for v in image.variants)
    good = first.read_bytes()
    first.write_bytes(good[: len(good) // 2])  # a full disk, or site/ edited through its hard link
    second.write_bytes(b"RIFF garbage")
    assert not intact(first) and not intact(second)
    again, encoded = cached_image("a.png", png(1000, 500), Store(tmp_path))
    assert encoded == 2 and first.read_bytes() == good and intact(second)
    assert cached_image("a.png", png(1000, 500), Store(tmp_path))[1] == 0


def test_an_unreadable_image_says_what_it_is_not() -> None:
    with pytest.raises(ImageError, match=r"^is not a PNG/JPEG/WebP/GIF image, or truncated$"):
        measure(b"\x89PNG\r\n\x1a\n garbage")


def rotated_jpeg() -> bytes:
    """A phone photo held upright: stored 1000x500 landscape, red on its left half, with EXIF orientation 6
    ("rotate 90° clockwise to show"), so it stands 500x1000 with red on top."""
    stored = Image.new("RGB", (1000, 500), "blue")
    stored.paste(Image.new("RGB", (500, 500), "red"), (0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    stored.save(out, "JPEG", exif=exif, quality=95)
    return out.getvalue()


def test_exif_orientation_is_applied_before_measuring_and_encoding(tmp_path: Path) -> None:
    image, _ = cached_image("a.jpg", rotated_jpeg(), Store(tmp_path))
    assert (image.width, image.height) == (500, 1000)
    [variant] = image.variants
    assert (variant.width, variant.height) == (480, 960)
    with Image.open(variant.cache_file) as webp:
        assert webp.size == (480, 960)
        top, bottom = webp.convert("RGB").getpixel((240, 100)), webp.convert("RGB").getpixel((240, 860))
    assert top[0] > 200 > top[2] and bottom[2] > 200 > bottom[0]  # red above blue: upright, not sideways


def test_a_png_is_intact_only_whole_with_every_chunk_checksum(tmp_path: Path) -> None:
    good = png(120, 60)
    cases = {"whole": good, "truncated": good[:-5], "trailing bytes": good + b"x", "no IEND": good[:-12],
             "a flipped byte": good[:40] + bytes([good[40] ^ 1]) + good[41:]}
    found = {}
    for name, data in cases.items():
        (path := tmp_path / f"{name}.png").write_bytes(data)
        found[name] = intact(path)
    assert found == {"whole": True, "truncated": False, "trailing bytes": False, "no IEND": False, "a flipped byte": False}
