"""Catalog-wide enricher: a position on the map for every paper, computed once at build time.

Topics sit on a circle, in the order of their angle in the plane of the two leading components
of the papers' LSA vectors, so neighbouring topics sit side by side; each paper sits near its
topic's place, offset by where it lies in that plane relative to its topic, then moved to the
nearest free cell of a grid as wide as a node, so no paper hides under another at any zoom. The
browser only draws: no force layout runs in the page, so the map opens at once even with 10,000
papers.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from generator.enrich.context import CatalogContext
from generator.model import Paper

#: Map units per square root of a topic's papers: how far its papers spread around its place.
SPREAD = 12.0
#: Grid spacing in map units; the map draws nodes 8 units wide, so neighbours never overlap.
CELL = 10.0
DECIMALS = 1
#: A principal axis with less than this share of the first one's singular value is noise.
NOISE = 1e-6
#: Digits of the plane's coordinates kept, so the map does not depend on the machine's rounding.
PLANE_DECIMALS = 6


def place_papers(papers: list[Paper], context: CatalogContext) -> list[Paper]:
    """Return papers with `position` set (x, y in map units), near the others of their main topic."""
    if not papers:
        return papers
    plane = _plane(context.features.lsa)
    topics = sorted({p.topics[0] for p in papers if p.topics})
    members: dict[str, list[int]] = {t: [] for t in topics}
    for i, paper in enumerate(papers):
        if paper.topics:
            members[paper.topics[0]].append(i)
    centres = {t: plane[members[t]].mean(axis=0) for t in topics}
    order = sorted(topics, key=lambda t: (math.atan2(centres[t][1], centres[t][0]), t))
    sizes = {t: math.sqrt(len(members[t])) * SPREAD for t in topics}
    radius = max(sum(2 * s for s in sizes.values()) / (2 * math.pi), max(sizes.values(), default=0.0))
    result = list(papers)
    taken: set[tuple[int, int]] = set()
    full: dict[tuple[int, int], int] = {}
    for number, topic in enumerate(order):
        angle = 2 * math.pi * number / max(len(order), 1)
        anchor = np.array([math.cos(angle), math.sin(angle)]) * radius if len(order) > 1 else np.zeros(2)
        offsets = plane[members[topic]] - centres[topic]
        scale = np.abs(offsets).max() or 1.0
        for index, offset in zip(members[topic], offsets, strict=True):
            x, y = _free_cell(anchor + offset / scale * sizes[topic], taken, full)
            result[index] = replace(papers[index], position=(round(x, DECIMALS), round(y, DECIMALS)))
    return result


def _free_cell(
    target: np.ndarray, taken: set[tuple[int, int]], full: dict[tuple[int, int], int] | None = None
) -> tuple[float, float]:
    """Take the free grid cell nearest to `target` (searching rings outward); return its centre.

    `full` remembers, per cell, the rings around it found taken: cells are never freed, so the
    next search from that cell starts further out (papers of a topic crowd the same few cells).
    """
    col, row = round(float(target[0]) / CELL), round(float(target[1]) / CELL)
    full = {} if full is None else full
    ring = full.get((col, row), 0)
    while True:
        cells = [cell for cell in _ring(col, row, ring) if cell not in taken]
        if cells:
            full[col, row] = ring
            best = min(cells, key=lambda c: ((c[0] * CELL - target[0]) ** 2 + (c[1] * CELL - target[1]) ** 2, c))
            taken.add(best)
            return best[0] * CELL, best[1] * CELL
        ring += 1


def _ring(col: int, row: int, ring: int) -> list[tuple[int, int]]:
    """Return the cells `ring` steps from (col, row) in the grid's (Chebyshev) distance."""
    if ring == 0:
        return [(col, row)]
    span = range(-ring, ring + 1)
    sides = [(col + d, row - ring) for d in span] + [(col + d, row + ring) for d in span]
    return sides + [(col + side, row + d) for side in (-ring, ring) for d in span[1:-1]]


def _plane(vectors: np.ndarray) -> np.ndarray:
    """Return each vector's coordinates on the two leading principal axes (zeros if too few)."""
    if vectors.shape[0] < 3 or vectors.shape[1] < 2:
        return np.zeros((vectors.shape[0], 2))
    centred = vectors - vectors.mean(axis=0)
    _, values, axes = np.linalg.svd(centred, full_matrices=False)
    plane = centred @ axes[:2].T
    # A component with next to no variance is rounding noise, whose digits differ between CPUs
    # and BLAS builds; it and the last digits of the others must not decide where papers sit.
    plane[:, values[:2] <= values[0] * NOISE] = 0.0
    plane = np.round(plane, PLANE_DECIMALS)
    # The sign of a singular vector is arbitrary: fix it so the same data gives the same map.
    signs = np.sign(plane[np.argmax(np.abs(plane), axis=0), [0, 1]])
    return np.asarray(plane * np.where(signs == 0, 1, signs))
