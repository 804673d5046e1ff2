"""Telling whether a phrase says what a given label says, by lookup, agrees with comparing it to each."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.enrich.folding import Said, same_thing

#: Short phrases of few words, plural or not, hyphenated or not, so that they often overlap.
WORDS = st.sampled_from(["model", "models", "language", "large", "pre-training", "pretraining", "llm", "llms", ""])
PHRASES = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(st.lists(PHRASES, max_size=6), PHRASES)
def test_said_agrees_with_same_thing_against_every_label(labels: list[str], phrase: str) -> None:
    assert Said(labels).says(phrase) == any(same_thing(phrase, label) for label in labels)


@pytest.mark.parametrize(
    ("labels", "phrase", "says"),
    [
        (["large language models"], "language model", True),  # its words are among the label's
        (["llm"], "llm agents", True),  # ... or the label's among its
        (["pre-training"], "pretraining data", True),  # hyphens do not count
        (["reinforcement learning"], "language models", False),
        ([], "anything", False),
    ],
)
def test_a_phrase_says_what_a_label_says(labels: list[str], phrase: str, says: bool) -> None:
    assert Said(labels).says(phrase) is says
