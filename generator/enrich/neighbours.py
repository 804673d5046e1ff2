"""Each paper's nearest papers by the cosine of unit rows: exactly, or from an index past APPROXIMATE_FROM.

Related papers score only each paper's CANDIDATES nearest papers in full (`enrich/related.py`).
Exactly, that is a block of rows against all N at a time: N x N products and a partial sort of
every N-wide row, quadratic in N. Past APPROXIMATE_FROM papers an HNSW graph (faiss's
`IndexHNSWFlat`, inner product on the unit rows) finds them instead, in about N log N, and
misses a few: benchmarks/README.md measures the time and the recall against the exact
neighbours (`python -m benchmarks.neighbours`).

faiss-cpu rather than hnswlib or pynndescent: it installs as a wheel with nothing else than
numpy (hnswlib is a source package, a C++ compiler on every machine that installs it;
pynndescent brings numba and llvmlite and compiles on its first run). Deterministic: the graph is
built on one thread, since threads inserting at once make the graph depend on their timing, and
faiss draws each node's level from a fixed seed; searching only reads the graph, so its threads
change nothing.
"""

from __future__ import annotations

import numpy as np

#: From this many papers the candidates come from the approximate index. Below it the exact
#: blocks cost less than building the graph: 16 s against 35 s at 10,000 papers, and the exact cost
#: grows as N², the graph's about as N log N (benchmarks/README.md, "Related papers past 25,000").
APPROXIMATE_FROM = 25_000
#: Links per node of the graph (faiss's `M`), and the breadth of its construction and search:
#: on the 10,000-paper corpus a search breadth of 64 found 98.6% of the exact candidates, 128
#: found 99.7% (benchmarks/README.md).
LINKS = 32
CONSTRUCTION_BREADTH = 64
SEARCH_BREADTH = 128


def exact_nearest(vectors: np.ndarray, rows: np.ndarray, take: int) -> np.ndarray:
    """Return, for each of `rows`, the `take` other rows of `vectors` nearest by inner product (unordered)."""
    similarity = vectors[rows] @ vectors.T
    similarity[np.arange(len(rows)), rows] = -np.inf
    take = min(take, vectors.shape[0] - 1)
    if take >= similarity.shape[1] - 1:
        return np.argsort(-similarity, axis=1, kind="stable")[:, :take]
    return np.argpartition(-similarity, take, axis=1)[:, :take]


def approximate_nearest(vectors: np.ndarray, take: int) -> np.ndarray:
    """Return, for every row of `vectors`, `take` other rows nearest by inner product, from an HNSW graph."""
    import faiss  # only collections past APPROXIMATE_FROM load it

    count, dimensions = vectors.shape
    take = min(take, count - 1)
    data = np.ascontiguousarray(vectors, dtype=np.float32)
    index = faiss.IndexHNSWFlat(dimensions, LINKS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = CONSTRUCTION_BREADTH
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        index.add(data)
    finally:
        faiss.omp_set_num_threads(threads)
    index.hnsw.efSearch = max(SEARCH_BREADTH, take + 1)
    _, found = index.search(data, take + 1)
    return _without_self(found, take, vectors)


def _without_self(found: np.ndarray, take: int, vectors: np.ndarray) -> np.ndarray:
    """Return each row's first `take` results other than itself; a row the graph gave too few is found exactly."""
    others = (found != np.arange(len(found))[:, None]) & (found >= 0)
    # The others first, in the graph's order (a stable sort of "is it not another").
    first = np.argsort(~others, axis=1, kind="stable")[:, :take]
    result = np.take_along_axis(found, first, axis=1).astype(np.int64)
    short = others.sum(axis=1) < take
    if short.any():
        result[short] = exact_nearest(vectors, np.flatnonzero(short), take)
    return result
