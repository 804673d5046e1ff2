from __future__ import annotations

import sys
import unicodedata

import pytest

from generator.text.lookalike import DRAWN_FORMAT, HANGUL_FILLERS, INVISIBLE, skeleton, strip_invisible


def test_invisible_holds_every_format_character_this_python_knows_and_the_hangul_fillers() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) == "Cn":
            continue  # not assigned in this Python's Unicode data (the class follows Unicode 15)
        invisible = (unicodedata.category(char) == "Cf" and char not in DRAWN_FORMAT) or char in HANGUL_FILLERS
        assert bool(INVISIBLE.fullmatch(char)) == invisible, f"U+{code:04X}"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Zero\u200bWidth", "ZeroWidth"),
        ("Soft\u00adhyphen", "Softhyphen"),
        ("Tags\U000e0041\U000e0042", "Tags"),
        ("Filler\u3164\u115f", "Filler"),
        ("\u0600 sign", "\u0600 sign"),  # an Arabic number sign is drawn
    ],
)
def test_strip_invisible(text: str, shown: str) -> None:
    assert strip_invisible(text) == shown


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("GaLore", "G\u0430Lore"),  # Cyrillic a
        ("GaLore", "\uff27\uff41\uff2c\uff4f\uff52\uff45"),  # fullwidth
        ("GaLore", "Ga\U000e0041Lore"),  # a tag character
        ("Llama", "I\u217cama"),  # capital I, small roman numeral fifty
    ],
)
def test_lookalikes_share_a_skeleton(text: str, other: str) -> None:
    assert skeleton(text) == skeleton(other)


def test_different_words_keep_different_skeletons() -> None:
    assert skeleton("GaLore") != skeleton("GaLora")
    assert skeleton("Mamba") != skeleton("Mambo")
