from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import numpy as np
import pytest

from generator.enrich.layout import CELL, _free_cell
from generator.identify.state_file import read_state
from tests.enrich.test_topics import FIXTURE, catalog, three_fields


def _listing(data: Path, rows: list[dict[str, str]]) -> None:
    (data / "three_fields.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_the_same_papers_get_the_same_places_and_the_state_remembers_them(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, state = catalog(three_fields(tmp_path / "a"))
    again, _ = catalog(three_fields(tmp_path / "b"))
    assert [p.position for p in first.papers] == [p.position for p in again.papers]
    remembered = {e.slug: tuple(e.position) for e in state.entries}
    assert remembered == {p.slug: p.position for p in first.papers}


def test_known_papers_keep_their_places_and_a_new_one_goes_beside_the_one_most_like_it(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    data = tmp_path / "data"
    data.mkdir()
    _listing(data, rows[:-1])
    state = tmp_path / "state.json"
    first, written = catalog(data, state)
    state.write_text(written.to_json(), encoding="utf-8")
    # The new paper says what one known paper says, word for word but for its title's number.
    twin = next(r for r in rows[:-1] if r["abstract"] == rows[-1]["abstract"])
    _listing(data, [*rows[:-1], {**rows[-1], "title": rows[-1]["title"] + " again"}])
    second, _ = catalog(data, state)
    before = {p.slug: p.position for p in first.papers}
    assert all(p.position == before[p.slug] for p in second.papers if p.slug in before)
    new = next(p for p in second.papers if p.slug not in before)
    beside = next(p for p in second.papers if p.title == twin["title"])
    assert math.dist(new.position, beside.position) <= CELL * math.sqrt(2), "not beside the paper most like it"
    assert read_state(state).entries  # the state read back is still valid with places in it


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


def _nearest_free_cell_searching_every_ring(target: np.ndarray, taken: set[tuple[int, int]]) -> tuple[float, float]:
    """The rule as first written: every ring from the target's cell, outward, each cell of the square tested."""
    col, row = round(float(target[0]) / CELL), round(float(target[1]) / CELL)
    for ring in itertools.count():
        cells = [
            (col + dc, row + dr)
            for dc in range(-ring, ring + 1)
            for dr in range(-ring, ring + 1)
            if max(abs(dc), abs(dr)) == ring and (col + dc, row + dr) not in taken
        ]
        if cells:
            best = min(cells, key=lambda c: ((c[0] * CELL - target[0]) ** 2 + (c[1] * CELL - target[1]) ** 2, c))
            taken.add(best)
            return best[0] * CELL, best[1] * CELL
    raise AssertionError("unreachable")


@pytest.mark.parametrize("spread", [0.0, 3.0, 40.0])  # all on one cell, crowded, and spread out
def test_a_crowd_takes_the_cells_the_plain_ring_search_gives(spread: float) -> None:
    targets = np.random.default_rng(0).normal(scale=spread * CELL, size=(400, 2))
    taken: set[tuple[int, int]] = set()
    full: dict[tuple[int, int], int] = {}
    plain_taken: set[tuple[int, int]] = set()
    for target in targets:
        assert _free_cell(target, taken, full) == _nearest_free_cell_searching_every_ring(target, plain_taken)
