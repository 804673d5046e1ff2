from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

from generator.enrich.layout import CELL
from tests.enrich.test_topics import catalog, three_fields


def test_every_paper_has_a_place_of_its_own_even_when_their_texts_are_the_same(tmp_path: Path) -> None:
    data = three_fields(tmp_path)
    # Twins: the same words give the same point in the LSA plane; the map must still show both.
    twins = [
        {"title": f"Galaxy Survey Twin {n}", "abstract": "We count galaxies with a radio telescope."} for n in range(6)
    ]
    (data / "twins.jsonl").write_text("".join(json.dumps(t) + "\n" for t in twins), encoding="utf-8")
    built, _ = catalog(data)
    positions = [p.position for p in built.papers]
    # Not the default (0, 0) of a paper never placed: the map spreads over both axes, one cell each.
    assert len({x for x, _ in positions}) > 1 and len({y for _, y in positions}) > 1
    assert all(x % CELL == 0 and y % CELL == 0 for x, y in positions), "every paper sits on a grid cell"
    for a, b in itertools.combinations(positions, 2):
        assert math.dist(a, b) >= CELL, "two papers drawn on top of each other"


def test_papers_of_a_topic_sit_together(tmp_path: Path) -> None:
    built, _ = catalog(three_fields(tmp_path))
    by_topic: dict[str, list[tuple[float, float]]] = {}
    for paper in built.papers:
        by_topic.setdefault(paper.topics[0], []).append(paper.position)
    centres = {t: (sum(x for x, _ in ps) / len(ps), sum(y for _, y in ps) / len(ps)) for t, ps in by_topic.items()}
    for topic, points in by_topic.items():
        own = sum(math.dist(p, centres[topic]) for p in points) / len(points)
        others = min(math.dist(centres[topic], c) for t, c in centres.items() if t != topic)
        assert own < others, f"{topic}: its papers are farther from its centre than the next topic is"
