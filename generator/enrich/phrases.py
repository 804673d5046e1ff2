"""A text's candidate phrases: runs of one to three words between stop words and punctuation.

RAKE-style ("continual pre-training", "LLM unlearning", "reinforcement learning"), so a phrase
never straddles a comma or a bracket; a run keeps the phrase that ends in its head noun ("apply
LLM unlearning" holds "LLM unlearning"), and no phrase holds a model size ("7B model").
"""

from __future__ import annotations

import functools
import re

from generator.enrich.text import LABEL_STOP_WORDS

#: The words of a text, and "" (in `findall`) where punctuation breaks a phrase: a hyphen inside a
#: word has a word character on both sides; any other hyphen is a break ("pre- and post-training").
_WORD_OR_BREAK = re.compile(r"(\w+(?:-\w+)*)|[^\w\s]+")
MAX_WORDS = 3


#: A model's size ("7b", "1.5b", "300m"): a phrase with one ("7B model") names no subject.
_SIZE = re.compile(r"\d+(?:\.\d+)?[bmkt]")


def _phrase(words: list[str]) -> bool:
    """Return whether words can stand as a phrase: no model size in them, and more than one word
    ending in a noun, not in a past participle ("models trained", "approach based")."""
    if any(_size(word) for word in words):
        return False
    return len(words) == 1 or not (words[-1].endswith("ed") and len(words[-1]) > 4)


@functools.lru_cache(maxsize=1 << 18)
def _size(word: str) -> bool:
    """Return whether a word is a model's size ("7b")."""
    return _SIZE.fullmatch(word) is not None


@functools.lru_cache(maxsize=1 << 18)
def _kept(word: str) -> str:
    """Return a word lower-cased when a phrase may hold it (no stop word, number or letter), else ""."""
    lower = word.lower()
    if lower and lower not in LABEL_STOP_WORDS and not lower.replace("-", "").isdigit() and len(lower) > 1:
        return lower
    return ""


def phrases(text: str) -> set[str]:
    """Return the lower-cased candidate phrases of a text (runs of 1-3 non-stop words)."""
    found: set[str] = set()
    run: list[str] = []
    # A run of non-stop words ends at a stop word, a number, a letter, and where punctuation breaks it.
    for word in _WORD_OR_BREAK.findall(text):
        lower = _kept(word)  # words repeat across a collection's texts: each is judged once
        if lower:
            run.append(lower)
        elif run:
            found.update(_run_phrases(tuple(run)))
            run = []
    if run:
        found.update(_run_phrases(tuple(run)))
    return found


@functools.lru_cache(maxsize=1 << 18)
def _run_phrases(words: tuple[str, ...]) -> frozenset[str]:
    """Return the phrases of a run of non-stop words (runs repeat across texts: each is read once)."""
    run = list(words)
    found: set[str] = set()
    while len(run) > 1 and not _phrase(run[-2:]) and not _size(run[-1]):
        run.pop()  # "language models trained on": the phrase is "language models"
    if len(run) <= MAX_WORDS and _phrase(run):
        found.add(" ".join(run))
    # English phrases end in their head noun: "apply LLM unlearning" holds "LLM unlearning".
    found.update(" ".join(run[-size:]) for size in range(2, min(len(run), MAX_WORDS + 1)) if _phrase(run[-size:]))
    found.update(word for word in run if not _size(word))
    return frozenset(found)
