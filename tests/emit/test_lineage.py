"""A paper's line of work: the papers before and after it in the collection, nearest in time first."""

from __future__ import annotations

from dataclasses import replace

from generator.emit.paper_data import LINEAGE, lineage
from generator.identify.papers import identify
from generator.model import Mention, Paper, Record, Related, Source


def _paper(slug: str, related: tuple[str, ...] = (), mentions: tuple[str, ...] = (), by: tuple[str, ...] = ()) -> Paper:
    paper = identify(Record(slug, "", Source("x.txt", 1)))
    return replace(
        paper,
        slug=slug,
        related=tuple(Related(r, r, ("same topic: T",) if r == "old" else ()) for r in related),
        mentions=tuple(Mention(m, m, "") for m in mentions),
        mentioned_by=tuple(Mention(m, m, "") for m in by),
    )


DATES = {"self": "2024-06-01", "old": "2023-01-01", "older": "2022-01-01", "new": "2025-01-01", "cited": "2020-05-05"}


def test_mentions_and_related_papers_on_each_side_come_nearest_in_time_first() -> None:
    paper = _paper("self", related=("older", "new", "old", "undated"), mentions=("cited",), by=("citing",))
    earlier, later = lineage(paper, DATES)
    assert earlier == [
        ("old", "2023-01-01 · related: same topic: T"),  # with its reasons
        ("older", "2022-01-01 · related"),
        ("cited", "2020-05-05 · it mentions this one"),
    ]
    assert later == [("new", "2025-01-01 · related"), ("citing", "mentions this paper")]


def test_an_undated_paper_has_only_its_mentions_and_a_paper_is_listed_once() -> None:
    paper = _paper("undated", related=("old", "new"), mentions=("old",))
    assert lineage(paper, DATES) == ([("old", "2023-01-01 · it mentions this one")], [])


def test_each_side_is_bounded() -> None:
    many = tuple(f"p{i}" for i in range(20))
    paper = _paper("self", mentions=many)
    assert len(lineage(paper, DATES)[0]) == LINEAGE
