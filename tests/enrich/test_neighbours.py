from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np
import pytest
from sklearn.preprocessing import normalize

from generator.enrich import neighbours
from generator.enrich.neighbours import _without_self, approximate_nearest, exact_nearest
from tests.enrich.test_topics import catalog, three_fields


def clustered_rows(count: int, dimensions: int = 32, clusters: int = 40, seed: int = 0) -> np.ndarray:
    """Unit rows around a few dozen centres, like papers around their topics."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(clusters, dimensions))
    rows = centres[rng.integers(clusters, size=count)] + 0.6 * rng.normal(size=(count, dimensions))
    return np.asarray(normalize(rows), dtype=np.float32)


def exact_all(vectors: np.ndarray, take: int) -> np.ndarray:
    return exact_nearest(vectors, np.arange(len(vectors)), take)


@pytest.mark.parametrize(
    ("take", "expected"),
    [(1, [[1], [0], [1]]), (2, [[1, 2], [0, 2], [1, 0]]), (5, [[1, 2], [0, 2], [1, 0]])],
)
def test_exact_nearest_leaves_each_row_out_of_its_own_neighbours(take: int, expected: list[list[int]]) -> None:
    vectors = np.asarray(normalize([[1.0, 0.0], [0.9, 0.1], [0.5, 0.5]]), dtype=np.float32)
    assert sorted(map(sorted, exact_all(vectors, take).tolist())) == sorted(map(sorted, expected))


def test_the_index_finds_nearly_all_the_exact_neighbours() -> None:
    vectors = clustered_rows(3000)
    approximate, exact = approximate_nearest(vectors, 50), exact_all(vectors, 50)
    assert approximate.shape == exact.shape == (3000, 50)
    assert all(i not in row for i, row in enumerate(approximate.tolist())), "a row is never its own neighbour"
    recall = np.mean([len(set(a) & set(e)) / 50 for a, e in zip(approximate.tolist(), exact.tolist(), strict=True)])
    assert recall >= 0.97


def test_the_index_gives_the_same_neighbours_whatever_the_threads() -> None:
    vectors = clustered_rows(2000, seed=1)
    threads = faiss.omp_get_max_threads()
    try:
        found = []
        for count in (1, 2, 1):
            faiss.omp_set_num_threads(count)
            found.append(approximate_nearest(vectors, 20))
    finally:
        faiss.omp_set_num_threads(threads)
    assert np.array_equal(found[0], found[1]) and np.array_equal(found[0], found[2])


def test_a_row_the_graph_gives_too_few_is_found_exactly() -> None:
    vectors = clustered_rows(6)
    found = np.array([[0, 1, 2], [1, 0, -1], [2, -1, -1], [4, 3, 5], [3, 5, 4], [4, 3, 5]])
    chosen = _without_self(found, 2, vectors)
    assert chosen[0].tolist() == [1, 2] and chosen[3].tolist() == [4, 5] and chosen[4].tolist() == [3, 5]
    for row in (1, 2):
        assert sorted(chosen[row]) == sorted(exact_nearest(vectors, np.array([row]), 2)[0])


def test_past_the_threshold_related_papers_come_from_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("exact", "approximate"):
        (tmp_path / name).mkdir()
    exact, _ = catalog(three_fields(tmp_path / "exact"))
    calls: list[int] = []

    def counted(vectors: np.ndarray, take: int) -> np.ndarray:
        calls.append(len(vectors))
        return approximate_nearest(vectors, take)

    monkeypatch.setattr(neighbours, "APPROXIMATE_FROM", 2)
    monkeypatch.setattr(neighbours, "approximate_nearest", counted)
    approximate, _ = catalog(three_fields(tmp_path / "approximate"))
    assert calls == [len(exact.papers)]
    # On a few dozen papers the graph finds every neighbour, so the lists are the exact ones.
    assert [p.related for p in approximate.papers] == [p.related for p in exact.papers]
