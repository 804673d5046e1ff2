"""Finding a term in a text as the text writes it: its words apart or hyphenated, never inside a word.

Each paper's text is searched for many terms (every term it shares with each related paper), so
a text is split into its runs of word characters once, and a term is looked up among them.
"""

from __future__ import annotations

import array
import functools
import re

#: A run of word characters: a word of a text, and of a term as the features spell it.
_RUN = re.compile(r"\w+")
#: What may join two words of a phrase: one space or hyphen ("zero shot", "zero-shot").
_JOIN = re.compile(r"[\s-]")


class _Runs:
    """A text's words with what surrounds each, to find a phrase in it as `_as_written` does, by lookup.

    The pattern matches only whole runs of word characters: a term word can neither start nor end
    inside one. So a match is a sequence of runs that spell the term's words, each joined to the
    next by one space or hyphen, the first not after a hyphen and the last not before one.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # Where each run starts and ends, compactly: many texts are held at once.
        self.starts = array.array("q")
        self.ends = array.array("q")
        #: Where each word is, in order.
        self.at: dict[str, list[int]] = {}
        for i, match in enumerate(_RUN.finditer(text)):
            self.starts.append(match.start())
            self.ends.append(match.end())
            self.at.setdefault(match.group(), []).append(i)
        self._found: dict[str, list[tuple[int, int]]] = {}

    def _opens(self, i: int) -> bool:
        """Return whether run i may start a phrase: not after a hyphen."""
        return self.starts[i] == 0 or self.text[self.starts[i] - 1] != "-"

    def _closes(self, i: int) -> bool:
        """Return whether run i may end a phrase: not before a hyphen."""
        return self.ends[i] == len(self.text) or self.text[self.ends[i]] != "-"

    def _word(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def _joined(self, i: int) -> bool:
        """Return whether run i is joined to run i + 1 by one space or hyphen."""
        end = self.ends[i]
        return self.starts[i + 1] == end + 1 and _JOIN.fullmatch(self.text[end]) is not None

    def find(self, term: str) -> list[tuple[int, int]]:
        """Return where each match of a term is, as `_as_written(term).finditer` finds them."""
        found = self._found.get(term)
        if found is None:  # a paper is searched for the same term beside each of its related papers
            found = self._found[term] = self._find(term)
        return found

    def _find(self, term: str) -> list[tuple[int, int]]:
        words = term.split(" ")
        if not all(_RUN.fullmatch(word) for word in words):  # a hyphen in a word: the pattern finds it
            return [m.span() for m in _as_written(term).finditer(self.text)]
        found: list[tuple[int, int]] = []
        last = len(words) - 1
        after = -1  # the last run of the match before: the search goes on after it
        for first in self.at.get(words[0], ()):
            if first <= after or not self._opens(first) or first + last >= len(self.starts):
                continue
            if self._closes(first + last) and all(
                self._joined(first + k) and self._word(first + k + 1) == words[k + 1] for k in range(last)
            ):
                found.append((self.starts[first], self.ends[first + last]))
                after = first + last
        return found


@functools.lru_cache(maxsize=1 << 12)
def _runs(text: str) -> _Runs:
    """Return a text's runs: each paper's text is searched for many terms, with several others."""
    return _Runs(text)


def matches(term: str, text: str) -> list[tuple[int, int]]:
    """Return where a term is written in a text, as its pattern finds it (`_as_written`), by lookup."""
    return _runs(text).find(term)


@functools.lru_cache(maxsize=1 << 16)
def _as_written(term: str) -> re.Pattern[str]:
    """Return the pattern of a term as a text writes it: its words apart or hyphenated ("zero shot" is
    "zero-shot"), not a part of a longer compound ("continual pre" of "continual pre-training")."""
    return re.compile(r"(?<![\w-])%s(?![\w-])" % r"[\s-]".join(map(re.escape, term.split(" "))))


def written(term: str, text: str) -> str:
    """Return a term as the paper writes it: "pre-training", not "pre training"."""
    found = matches(term, text)
    return text[slice(*found[0])] if found else term
