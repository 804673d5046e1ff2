"""Every per-paper stage takes time in proportion to an abstract's length, not its square.

Each stage runs on 10 KB and on 100 KB of the same kind of text, in this one test run, and the
second may take at most `MAX_RATIO` times as long as the first: about ten when the time is linear,
about a hundred when it is quadratic (as it was: a 1 MB abstract took 28 s, issue 16). A ratio
measured side by side holds on a slow or loaded machine where a time limit would not.
`python -m benchmarks.linear` measures the same at 1 MB and for each pattern.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from generator.enrich.clean import clean_abstract
from generator.enrich.entities import extract_entities, load_gazetteer
from generator.enrich.links import extract_links_of
from generator.enrich.mentions import link_mentions
from generator.identify.papers import abstract_name, identify
from generator.model import Paper, Record, Source
from tests.enrich.test_context import context_of

SMALL, LARGE = 10_000, 100_000
#: Ten times the text may take at most this many times as long (linear: ~10; quadratic: ~100).
MAX_RATIO = 35
#: Times below this are noise, and count as this.
FLOOR = 0.005


def _names_in_lists(i: int) -> str:
    # coined names, all different, in lists that never end with "and", with numbers, brackets, a list of
    # tools and an apposition, in one sentence that never ends
    return (
        f"We evaluate Xy{i}Bench, Zq{i}QA, Ab{i}BERT, Cd{i}-7B, GPT-{i % 5} by {i % 90}.{i % 10}% on tasks "
        f"(Ef{i}, Gh{i}) and methods like Ij{i}Eval, with a model, Kl{i}LM, "
    )


TEXTS: dict[str, Callable[[int], str]] = {
    "coined names in lists": _names_in_lists,
    "LaTeX quotes never closed and a URL glued to URLs": lambda i: "``a " if i % 2 else "http://ahttp://a",
    "one long word": lambda i: "a",
    "capitalised words without a sentence end": lambda i: ("Large ", "Language ", "Model ", "Bench ")[i % 4],
    "a URL followed by a long run of closing brackets": lambda i: "see https://github.com/x/y" if i == 0 else ")",
}


def _text(unit: Callable[[int], str], size: int) -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        parts.append(unit(len(parts)))
        length += len(parts[-1])
    return "".join(parts)[:size]


def _stages(abstract: str, tmp_path: Path) -> dict[str, Callable[[], object]]:
    """Return each per-paper stage, and the mentions across a catalog, with its input made ready."""
    paper = replace(identify(Record("A long abstract", abstract, Source("x.txt", 1))), slug="long")
    cleaned = clean_abstract(paper)
    linked = extract_links_of(cleaned)
    other: Paper = replace(paper, slug="other", short_name="Kl1LM")
    context = context_of([linked, other], tmp_path)
    return {
        "abstract_name": lambda: abstract_name(paper.title, abstract),
        "clean_abstract": lambda: clean_abstract(paper),
        "extract_links_of": lambda: extract_links_of(cleaned),
        "extract_entities": lambda: extract_entities(linked),
        "link_mentions": lambda: link_mentions([linked, other], context),
    }


def _best_time(run: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return max(best, FLOOR)


@pytest.mark.parametrize("kind", TEXTS)
def test_every_stage_takes_time_in_proportion_to_the_abstract(kind: str, tmp_path: Path) -> None:
    load_gazetteer()  # read once, before anything is timed
    small, large = _stages(_text(TEXTS[kind], SMALL), tmp_path), _stages(_text(TEXTS[kind], LARGE), tmp_path)
    slow = {}
    for stage, run in small.items():
        short = _best_time(run, 3)
        long = _best_time(large[stage], 1)
        if long > MAX_RATIO * short:  # once more, in case the machine was busy
            long = _best_time(large[stage], 2)
        if long > MAX_RATIO * short:
            slow[stage] = f"{short:.3f} s for {SMALL:,} characters, {long:.3f} s for {LARGE:,}"
    assert not slow, f"time grows faster than the text ({kind}): {slow}"
