"""Sentences: where one ends, and which says what a paper does."""

from __future__ import annotations

import pytest

from generator.text.sentences import contribution_sentence, first_sentence, sentences


def test_sentences_end_at_a_stop_before_a_capital_bracket_or_quote() -> None:
    text = 'It works, e.g. on GSM8K. (A) holds. "Quoted" works. Version 3.5 is out.'
    assert sentences(text) == ["It works, e.g. on GSM8K.", "(A) holds.", '"Quoted" works.', "Version 3.5 is out."]
    assert first_sentence(text) == "It works, e.g. on GSM8K."


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "Large language models (LLMs) have demonstrated remarkable abilities. However, they forget. "
            "We propose MT-Ladder, a framework that refines translations. It works.",
            "We propose MT-Ladder, a framework that refines translations.",
        ),
        (
            "Data matters. In this paper, we study how data repetition affects training. We also find X.",
            "In this paper, we study how data repetition affects training.",
        ),
        ("Data matters. This work introduces a benchmark. We study it.", "This work introduces a benchmark."),
        ("A short abstract with no cue. Another one.", "A short abstract with no cue."),
    ],
)
def test_the_contribution_sentence_says_what_the_paper_does(abstract: str, expected: str) -> None:
    assert contribution_sentence(abstract) == expected
