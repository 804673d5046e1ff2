"""A text's candidate phrases, read in one pass, are those of the rule as first written, for any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.enrich.phrases import MAX_WORDS, _phrase, _size, phrases
from generator.enrich.text import LABEL_STOP_WORDS

#: Words of every kind the rule tells apart: plain, stop words, numbers, sizes, participles, letters.
WORDS = st.sampled_from(["language", "Models", "LLM", "the", "of", "7b", "1.5b", "12", "trained", "x", "é", "a_b"])
GLUE = st.sampled_from([" ", "-", "--", " - ", ".", ", ", "(", ")", "\n", "", "'"])


def _phrases_chunk_by_chunk(text: str) -> set[str]:
    """The rule as first written: split at punctuation, then runs of non-stop words per chunk."""
    found: set[str] = set()
    for chunk in re.split(r"[^\w\s-]+|(?<!\w)-|-(?!\w)", text):
        run: list[str] = []
        for word in [*re.findall(r"\w[\w-]*", chunk), ""]:
            lower = word.lower()
            if lower and lower not in LABEL_STOP_WORDS and not lower.replace("-", "").isdigit() and len(lower) > 1:
                run.append(lower)
                continue
            while len(run) > 1 and not _phrase(run[-2:]) and not _size(run[-1]):
                run.pop()
            if 0 < len(run) <= MAX_WORDS and _phrase(run):
                found.add(" ".join(run))
            found.update(
                " ".join(run[-size:]) for size in range(2, min(len(run), MAX_WORDS + 1)) if _phrase(run[-size:])
            )
            found.update(word for word in run if _phrase([word]))
            run = []
    return found


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(WORDS, GLUE), max_size=12))
def test_phrases_in_one_pass_are_the_phrases_chunk_by_chunk(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + glue for word, glue in parts)
    assert phrases(text) == _phrases_chunk_by_chunk(text)


def test_a_hyphen_breaks_a_phrase_unless_it_joins_two_words() -> None:
    assert phrases("pre- and post-training data") == {"pre", "post-training data", "post-training", "data"}
