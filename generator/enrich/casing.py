"""How a label is written: a phrase as the collection spells it, in sentence case with names kept."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_WORD = re.compile(r"\w[\w-]*")


def plural_of(spelled: str, plural: str) -> str:
    """Return the plural of a spelled word if `plural` (a spelling of the same word) is one, else the word."""
    return plural if plural.lower().endswith("s") and not spelled.lower().endswith("s") else spelled


def spelling(texts: Sequence[str], key: str, plural: bool = False) -> str:
    """Return the commonest spelling of a folded phrase in the texts, plural or not ("LLM agents"),
    or with `plural` the commonest plural one, when there is one."""
    words = [
        re.escape(w[:-1]) + r"(?:y|ys|ies)" if w.endswith("y") else re.escape(w) + r"(?:e?s)?" for w in key.split(" ")
    ]
    pattern = re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.I)
    counts = Counter(re.sub(r"\s+", " ", m.group()) for text in texts for m in pattern.finditer(text))
    plurals = Counter({written: n for written, n in counts.items() if written.lower().endswith("s")})
    if plural and plurals and not key.endswith("s"):
        counts = plurals
    if not counts:
        return key
    return max(counts.items(), key=lambda item: (item[1], item[0].islower(), item[0]))[0]


class Casing:
    """Sentence case with names kept: a word keeps its capitals when the collection writes it so."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._lower: Counter[str] = Counter()
        self._capital: Counter[str] = Counter()
        for text in texts:
            for word in _WORD.findall(text):
                (self._lower if word.islower() else self._capital)[word.lower()] += 1

    def is_name(self, word: str) -> bool:
        """Return whether the collection writes a word with capitals more often than without."""
        return self._capital[word] > 2 * self._lower[word]

    def cased(self, phrase: str) -> str:
        """Return the phrase with plain words lower-cased ("Reinforcement Learning" -> "reinforcement learning")."""
        return " ".join(self._word(word) for word in phrase.split(" "))

    def _word(self, word: str) -> str:
        if word.islower() or any(c.isupper() or c.isdigit() for c in word[1:]):
            return word  # plain, or an acronym or name as written ("LLM", "GPT-4", "LoRA", "Bose-Einstein")
        lower = word.lower()
        return word if self._capital[lower] > 2 * self._lower[lower] else lower
