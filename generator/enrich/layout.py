"""Catalog-wide enricher: a position on the map for every paper, where near means alike.

The papers' meaning vectors (LSA; with the sentence embeddings in semantic mode, as for related
papers), with a part for their main topic, are projected to the plane by t-SNE (scikit-learn,
Barnes-Hut, fixed seed), which keeps each paper's nearest papers near it; the topic part makes
each topic a region. The plane is scaled so that neighbours sit about a node apart, and each
paper takes the nearest free cell of a grid as wide as a node, so no paper hides under another
at any zoom. The browser only draws: no layout runs in the page, so the map opens at once even
with 10,000 papers.

Places stay put. The state file remembers each paper's place; while at least half of the
collection's papers have one, those papers keep it, and every new paper goes beside the
remembered paper most like it (the nearest free cell to it). Only when most papers are new is
the map laid out afresh. Past FIT_SAMPLE papers, t-SNE is fitted on an even sample and the others
are placed beside the most alike of it, so its time stays bounded.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from sklearn.manifold import TSNE

from generator.enrich.context import CatalogContext
from generator.model import Paper

#: Grid spacing in map units; the map draws nodes 8 units wide, so neighbours never overlap.
CELL = 10.0
DECIMALS = 1
#: t-SNE's perplexity (its notion of how many neighbours a paper has), below a third of small collections.
PERPLEXITY = 30.0
#: At most this many papers are laid out by t-SNE (an even sample); each other one goes beside the
#: most alike of them.
FIT_SAMPLE = 2000
#: Digits of the projection kept, so the map does not depend on the machine's last digits.
PLANE_DECIMALS = 4
BLOCK = 2048
#: Below this many distinct papers, t-SNE runs its exact method rather than Barnes-Hut.
EXACT_BELOW = 100
#: The share of the likeness the map lays papers out by that is sharing a main topic, so that each
#: topic is a region. On the seed and the labelled fixture sets, 0.2 and 0.4 kept the 5 nearest
#: papers on the map as often among the 20 most alike as none did (0.75-0.93), and made the topics
#: regions (silhouette of the main topics on the map: from -0.10-0.38 with none to 0.49-0.83).
TOPIC_PULL = 0.3


def place_papers(papers: list[Paper], context: CatalogContext) -> list[Paper]:
    """Return papers with `position` set (x, y in map units): alike papers near each other."""
    if not papers:
        return papers
    vectors = _with_topics(np.asarray(context.features.meaning, dtype=np.float32), papers)
    remembered = context.previous.positions
    known = [i for i, p in enumerate(papers) if p.slug in remembered]
    taken: set[tuple[int, int]] = set()
    full: dict[tuple[int, int], int] = {}
    placed: dict[int, tuple[float, float]] = {}
    if 2 * len(known) >= len(papers):
        for i in known:  # its own cell, or the nearest free one if another paper took it
            placed[i] = _free_cell(np.array(remembered[papers[i].slug], dtype=np.float64), taken, full)
        anchors = np.array(known)
    else:
        anchors = np.arange(0, len(papers), max(1, -(-len(papers) // FIT_SAMPLE)))
        for anchor, point in zip(anchors.tolist(), _projected(vectors[anchors]), strict=True):
            placed[anchor] = _free_cell(point, taken, full)
    rest = np.array([i for i in range(len(papers)) if i not in placed], dtype=np.int64)
    if len(rest):
        points = np.array([placed[int(i)] for i in anchors], dtype=np.float64)
        for i, target in zip(rest.tolist(), _beside(vectors[rest], vectors[anchors], points), strict=True):
            placed[i] = _free_cell(target, taken, full)
    return [replace(p, position=placed[i]) for i, p in enumerate(papers)]


def _with_topics(vectors: np.ndarray, papers: list[Paper]) -> np.ndarray:
    """Return the vectors with their main topic as a one-hot part, TOPIC_PULL of every cosine."""
    topics = sorted({p.topics[0] for p in papers if p.topics})
    index = {t: i for i, t in enumerate(topics)}
    onehot = np.zeros((len(papers), max(1, len(topics))), dtype=np.float32)
    for i, p in enumerate(papers):
        if p.topics:
            onehot[i, index[p.topics[0]]] = 1
    return np.hstack([np.sqrt(1 - TOPIC_PULL) * vectors, np.sqrt(TOPIC_PULL) * onehot])


def _projected(vectors: np.ndarray) -> np.ndarray:
    """Return the t-SNE plane of the vectors, scaled so that a paper's nearest one is about a cell away.

    Papers with the same vector are projected once and share a point (the grid then sets them side
    by side): Barnes-Hut t-SNE crashed the process on a handful of identical points, and below
    EXACT_BELOW distinct points the exact method runs instead, which is as quick there.
    """
    distinct, inverse = np.unique(vectors, axis=0, return_inverse=True)
    count = len(distinct)
    if count < 4 or not np.any(distinct):
        # Too few distinct papers for a projection: a row, in order.
        return np.array([[CELL * i, 0.0] for i in inverse.ravel()])
    perplexity = min(PERPLEXITY, (count - 1) / 3)
    method = "exact" if count < EXACT_BELOW else "barnes_hut"
    tsne = TSNE(2, perplexity=perplexity, init="pca", random_state=0, method=method)
    plane: np.ndarray = np.round(tsne.fit_transform(distinct.astype(np.float64)), PLANE_DECIMALS)
    plane -= plane.mean(axis=0)
    # The sign of each axis is arbitrary: fix it so the same data gives the same map.
    signs = np.sign(plane[np.argmax(np.abs(plane), axis=0), [0, 1]])
    plane *= np.where(signs == 0, 1, signs)
    nearest = _nearest_distances(plane)
    typical = float(np.median(nearest)) if len(nearest) else 0.0
    scaled: np.ndarray = plane[inverse.ravel()] * (1.5 * CELL / typical if typical > 0 else 1.0)
    return scaled


def _nearest_distances(plane: np.ndarray) -> np.ndarray:
    """Return each point's distance to its nearest other point (a block of rows at a time)."""
    result = []
    for start in range(0, len(plane), BLOCK):
        block = plane[start : start + BLOCK]
        squared = ((block[:, None, :] - plane[None, :, :]) ** 2).sum(axis=2)
        squared[np.arange(len(block)), np.arange(start, start + len(block))] = np.inf
        result.append(np.sqrt(squared.min(axis=1)))
    return np.concatenate(result) if result else np.zeros(0)


def _beside(vectors: np.ndarray, anchor_vectors: np.ndarray, anchor_points: np.ndarray) -> np.ndarray:
    """Return, for each vector, the place of its most alike anchor (ties: the first).

    The mean place of a few alike anchors was tried: t-SNE puts alike papers in separate clumps, and
    their mean falls between them, beside none (5 nearest of the added papers among their 20 most
    alike: 0.28 on the seed, against 0.58 beside the most alike one).
    """
    nearest = []
    for start in range(0, len(vectors), BLOCK):
        likeness = np.round(vectors[start : start + BLOCK] @ anchor_vectors.T, 6)
        nearest.append(np.argmax(likeness, axis=1))
    result: np.ndarray = anchor_points[np.concatenate(nearest)]
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
            return round(best[0] * CELL, DECIMALS), round(best[1] * CELL, DECIMALS)
        ring += 1


def _ring(col: int, row: int, ring: int) -> list[tuple[int, int]]:
    """Return the cells `ring` steps from (col, row) in the grid's (Chebyshev) distance."""
    if ring == 0:
        return [(col, row)]
    span = range(-ring, ring + 1)
    sides = [(col + d, row - ring) for d in span] + [(col + d, row + ring) for d in span]
    return sides + [(col + side, row + d) for side in (-ring, ring) for d in span[1:-1]]
