"""Finding a term in a paper's text by lookup finds what its pattern finds, in any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.enrich.written import _as_written, matches, written

#: Few letters, so words repeat and meet; every kind of character the pattern treats apart.
TEXTS = st.text(alphabet="ab é_-\n\t|.", max_size=40)
TERMS = st.lists(st.text(alphabet="abé_", min_size=1, max_size=2), min_size=1, max_size=3).map(" ".join)


def _pattern_starts(term: str, text: str) -> list[int]:
    return [m.start() for m in _as_written(term).finditer(text)]


def _lookup_starts(term: str, text: str) -> list[int]:
    return [start for start, _ in matches(term, text)]


@settings(max_examples=2000, deadline=None)
@given(TERMS, TEXTS)
def test_the_lookup_finds_every_match_the_pattern_finds(term: str, text: str) -> None:
    assert matches(term, text) == [m.span() for m in _as_written(term).finditer(text)]
    match = _as_written(term).search(text)
    assert written(term, text) == (match.group() if match else term)


@pytest.mark.parametrize(
    ("term", "text", "starts"),
    [
        ("zero shot", "a zero-shot b zero shot", [2, 14]),
        ("zero shot", "pre-zero shot | zero shot-x", []),  # after a hyphen, before one
        ("zero shot", "zero  shot", []),  # two spaces are not one join
        ("a a", "a a a a a", [0, 4]),  # matches do not overlap
        ("shot", "zero-shot shot", [10]),
    ],
)
def test_a_term_is_found_as_written_on_its_own(term: str, text: str, starts: list[int]) -> None:
    assert _lookup_starts(term, text) == starts == _pattern_starts(term, text)


def test_a_term_with_a_hyphen_is_found_by_its_pattern() -> None:
    assert matches("pre-training data", "our pre-training data") == [(4, 21)]
    assert written("pre-training data", "our pre-training data") == "pre-training data"
