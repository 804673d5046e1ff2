"""Slugs: ASCII, bounded, unique, and what a slug with nothing left in it becomes."""

from __future__ import annotations

import pytest

from generator.text.slugs import is_slug, slugify, unique


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MT-Ladder", "mt-ladder"),
        ("CodeT5+", "codet5"),
        ("Caf\u00e9 Na\u00efve: \u00dcber", "cafe-naive-uber"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("---", "paper"),
        ("\u5927\u6a21\u578b", "paper"),  # no ASCII letter or digit: the fallback
        (
            "Efficient Continual Pre-training by Mitigating the Stability Gap in Large Models",
            "efficient-continual-pre-training-by-mitigating-the-stability",
        ),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text, "paper") == expected
    assert len(slugify(text, "paper")) <= 60


@pytest.mark.parametrize("fallback", ["paper", "topic", "hub"])
def test_slugify_falls_back_to_what_the_slug_is_for(fallback: str) -> None:
    assert slugify("\u00bf\u00bf\u2014", fallback) == fallback
    assert slugify("Qwen2", fallback) == "qwen2"


def test_unique_counts_past_taken_and_reserved_slugs() -> None:
    assert unique("qwen", set()) == "qwen"
    assert unique("qwen", {"qwen", "qwen-2"}) == "qwen-3"
    assert unique("index", set()) == "index-2"


@pytest.mark.parametrize(("text", "ok"), [("a-b", True), ("../x", False), ("A", False), ("", False), (3, False)])
def test_is_slug(text: object, ok: bool) -> None:
    assert is_slug(text) is ok
