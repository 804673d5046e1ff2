from __future__ import annotations

import base64
from pathlib import Path

import numpy as np

from generator.enrich.vectors import DIMENSIONS
from tests.enrich.test_topics import catalog, three_fields


def decoded(vector: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(vector), dtype=np.int8).astype(np.float64)


def test_compact_vectors_keep_papers_of_one_field_closest(tmp_path: Path) -> None:
    built, _ = catalog(three_fields(tmp_path))
    vectors = {p.slug: decoded(p.vector) for p in built.papers}
    assert all(len(v) <= DIMENSIONS for v in vectors.values())
    assert all(np.linalg.norm(v) > 100 for v in vectors.values()), "unit length, scaled to signed bytes"
    for paper in built.papers:
        others = [p for p in built.papers if p.slug != paper.slug]
        nearest = max(others, key=lambda p: float(vectors[p.slug] @ vectors[paper.slug]))
        assert nearest.topics[0] == paper.topics[0], f"{paper.title}: nearest is {nearest.title}"
