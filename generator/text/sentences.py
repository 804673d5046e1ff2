"""Sentences: the one rule for where a sentence of an abstract ends."""

from __future__ import annotations

import re

#: A sentence ends at `.`, `!` or `?` followed by space and the capital, bracket or quote that
#: starts the next one; "e.g. the" and "3.5 points" do not end one.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"\u201c])")


def sentences(text: str) -> list[str]:
    """Split text into its sentences, each as written (the space between them dropped)."""
    return SENTENCE_BREAK.split(text)


def first_sentence(text: str) -> str:
    """Return the first sentence of text, or all of it when it is one sentence."""
    match = SENTENCE_BREAK.search(text)
    return text[: match.start()] if match else text
