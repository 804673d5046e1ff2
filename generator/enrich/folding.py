"""Phrases folded to one form, and whether two labels say the same thing ("LLM" beside "LLMs")."""

from __future__ import annotations

import functools
from collections.abc import Sequence


@functools.lru_cache(maxsize=1 << 16)
def fold(phrase: str) -> str:
    """Return a phrase with each word made singular ("large language models" -> "large language model")."""
    return " ".join(_singular(word) for word in phrase.lower().split(" "))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def same_thing(a: str, b: str) -> bool:
    """Return whether two labels say the same thing: one's words (folded, unhyphenated) are all among the other's."""
    first, second = _folded_words(a), _folded_words(b)
    return first <= second or second <= first


@functools.lru_cache(maxsize=1 << 16)
def _folded_words(label: str) -> frozenset[str]:
    """Return a label's words, folded and unhyphenated: labels are compared with many others."""
    return frozenset(fold(label).replace("-", "").split(" "))


class Said:
    """Labels already given, to tell whether a phrase says the same thing as one (`same_thing`) by lookup."""

    def __init__(self, labels: Sequence[str]) -> None:
        # Two labels that say the same thing share a word: only those that share one are compared.
        self._by_word: dict[str, list[frozenset[str]]] = {}
        for label in labels:
            words = _folded_words(label)
            for word in words:
                self._by_word.setdefault(word, []).append(words)

    def says(self, phrase: str) -> bool:
        """Return whether a label given says the same thing as the phrase."""
        words = _folded_words(phrase)
        return any(words <= other or other <= words for word in words for other in self._by_word.get(word, ()))
