"""The Map's data: where each topic's label goes, and which links are drawn before any hover."""

from __future__ import annotations

import json
from dataclasses import replace

from generator.emit.explore import MENTION_EDGE, RELATED_EDGE, STRONGEST_EDGE, map_json
from generator.identify.papers import identify
from generator.model import Catalog, Mention, Paper, Record, Related, Source, Term


def _paper(slug: str, position: tuple[float, float], related: tuple[str, ...] = ()) -> Paper:
    paper = identify(Record(slug.title(), "", Source("x.txt", 1)))
    return replace(
        paper, slug=slug, topics=("a",), position=position, related=tuple(Related(r, r, ()) for r in related)
    )


def test_a_topics_label_sits_where_most_of_its_papers_are_not_between_its_clumps() -> None:
    # Three papers of the topic together at the left, one far right: their mean is beside neither.
    papers = [_paper(f"a{i}", (25.0 * i, 0.0)) for i in range(3)] + [_paper("a9", (900.0, 0.0))]
    data = json.loads(map_json(Catalog(papers=papers, topics=[Term("a", "A", "")])))
    assert (data["topics"][0]["x"], data["topics"][0]["y"]) == (25.0, 0.0)  # the one with both others near


def test_each_papers_most_related_paper_and_its_mentions_are_the_strong_links() -> None:
    papers = [
        _paper("p", (0.0, 0.0), related=("q", "r", "s")),
        _paper("q", (10.0, 0.0), related=("p",)),
        replace(_paper("r", (20.0, 0.0)), mentions=(Mention("p", "P", "As P shows."),)),
        _paper("s", (30.0, 0.0)),
    ]
    edges = {(a, b): kind for a, b, kind in json.loads(map_json(Catalog(papers=papers)))["edges"]}
    assert edges == {(0, 1): STRONGEST_EDGE, (0, 2): MENTION_EDGE, (0, 3): RELATED_EDGE}
