"""Text that shows nothing, and text that looks like other text.

A title can pass for another paper's: with invisible characters in it (format characters such as
zero-width spaces, bidi controls or the Unicode tag characters U+E0000-U+E007F, and the Hangul
fillers, letters that draw nothing), or with letters of another script drawn the same (Cyrillic
U+0430 for Latin "a"). `strip_invisible` removes the first kind for display; `skeleton` folds both
kinds away (NFKC, then each character to its confusables class, from Unicode's confusables data
as the confusable-homoglyphs package ships it), so two titles that look the same have one skeleton.
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: Letters that draw nothing (category Lo, so not format characters).
HANGUL_FILLERS = "\u115f\u1160\u3164\uffa0"
#: Format characters that are drawn: the prepended concatenation marks (Arabic number signs...).
DRAWN_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd")
#: Every format character (category Cf, Unicode 15) but the prepended concatenation marks, which are
#: drawn (the Arabic number signs U+0600-U+0605 and the like), and the Hangul fillers. Written out,
#: not computed at import; tests/text/test_lookalike.py checks it against `unicodedata`.
INVISIBLE_CLASS = (
    "\u00ad\u061c\u115f-\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164"
    "\ufeff\uffa0\ufff9-\ufffb\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]+")


def strip_invisible(text: str) -> str:
    """Return text without its invisible characters (format characters and Hangul fillers)."""
    return INVISIBLE.sub("", text)


@functools.cache
def _prototypes() -> dict[int, str]:
    """Map each confusable character to one member of its class of look-alikes (the lowest)."""
    # Imported on first use: the package reads its data (0.5 s) when imported.
    from confusable_homoglyphs.confusables import confusables_data

    parent: dict[str, str] = {}

    def root(char: str) -> str:
        parent.setdefault(char, char)
        while parent[char] != char:
            parent[char] = parent[parent[char]]
            char = parent[char]
        return char

    for char, homoglyphs in confusables_data.items():
        char = strip_invisible(char)  # the data marks right-to-left glyphs with invisible marks
        for glyph in (strip_invisible(h["c"]) for h in homoglyphs):
            if len(char) == 1 and len(glyph) == 1:
                a, b = root(char), root(glyph)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {ord(char): root(char) for char in parent if root(char) != char}


@functools.lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Return what text looks like: NFKC, invisible characters dropped, look-alikes folded, no case.

    Characters are folded before and after case folding, so Cyrillic U+0406, `I` and `l` agree.
    """
    table = _prototypes()
    folded = strip_invisible(unicodedata.normalize("NFKC", text)).translate(table)
    return folded.casefold().translate(table)
