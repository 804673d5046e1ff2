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


#: How an abstract says what its paper does, strongest first: what it makes, then what it studies.
_CONTRIBUTIONS = (
    re.compile(
        r"\b(?:[Ww]e|[Tt]his (?:paper|work|study|report)|[Oo]ur (?:work|paper))\s+(?:\w+ly\s+)?"
        r"(?:propose|introduce|present|develop|release|design|build|construct|create|offer|contribute)s?\b"
    ),
    re.compile(
        r"\b(?:[Ww]e|[Tt]his (?:paper|work|study|report))\s+(?:\w+ly\s+)?"
        r"(?:study|studies|investigate|explore|examine|analy[sz]e|show|find|demonstrate|evaluate|describe)s?\b"
    ),
)


def contribution_sentence(text: str) -> str:
    """Return the sentence that says what the paper does ("We propose ..."), else the first one.

    An abstract often opens with its field's background ("Large language models (LLMs) have
    demonstrated remarkable ..."), which says nothing about the paper itself.
    """
    parts = sentences(text)
    for cue in _CONTRIBUTIONS:
        for sentence in parts:
            if cue.search(sentence):
                return sentence
    return parts[0] if parts else text
