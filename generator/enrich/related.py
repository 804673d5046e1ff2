"""Catalog-wide enricher: each paper's most related papers, each with its reasons in words.

Likeness = half the cosine of the stemmed tf-idf vectors (shared terms) plus half the cosine of
their LSA projections (shared vocabulary neighbourhoods). In semantic mode (`enrich/semantic.py`)
the cosine of the papers' sentence embeddings counts SEMANTIC_WEIGHT of the likeness and that
wording likeness the rest: the embeddings alone beat the wording on two of the three labelled sets,
so they lead, and the wording adds the exact terms two papers share.

Score = the paper's likeness to a candidate plus the mean likeness of its EXPANSION nearest papers
to that candidate (average query expansion: a candidate close to the paper *and* to its closest
neighbours is a safer pick than one that shares a few words with the paper alone), plus a bonus
for a mention either way. (A bonus for a shared topic was tried: it lowered precision on every
labelled set.) Likeness is linear in the vectors, so the expansion is one query vector per paper:
its own plus the mean of its neighbours'.

No neural network, no N x N matrix: the LSA cosine (mixed with the embedding cosine, in the same
shares, in semantic mode) picks each paper's candidates a block of rows at a time (past
`neighbours.APPROXIMATE_FROM` papers, from an approximate nearest-neighbour index), and only those
are scored in full, so memory stays linear in N.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse

from generator.enrich import neighbours
from generator.enrich.context import CatalogContext
from generator.enrich.reasons import Sayable, reasons, sayable, shared_terms
from generator.enrich.text import SEMANTIC_WEIGHT, TextFeatures
from generator.model import Paper, Related

RELATED = 5
#: Candidates per paper taken from the LSA cosine before the full score.
CANDIDATES = 50
BLOCK = 512
#: A paper that names another is related to it whatever their wording: a mention outranks likeness.
MENTION_BONUS = 1.0
#: Nearest papers whose likeness is averaged into each paper's query (0 turns the expansion off).
EXPANSION = 3
#: A remembered related paper stays while it scores within this much of the fifth best newcomer:
#: adding one paper shifts every score a little, and a page should not change for that.
STAY_MARGIN = 0.05


def related_papers(papers: list[Paper], context: CatalogContext) -> list[Paper]:
    """Return papers with `related` filled in: the RELATED best, best first (remembered ones kept)."""
    features, remembered = context.features, context.previous.related
    count = len(papers)
    if count < 2:
        return papers
    said = sayable(papers, {t.slug: t.label for t in context.topics.topics})
    index = {p.slug: i for i, p in enumerate(papers)}
    linked = [{index[m.slug] for m in (*p.mentions, *p.mentioned_by) if m.slug in index} for p in papers]
    result = []
    meaning = features.meaning
    # Past APPROXIMATE_FROM papers an approximate index finds everyone's candidates at once.
    approximate = neighbours.approximate_nearest(meaning, CANDIDATES) if count >= neighbours.APPROXIMATE_FROM else None
    for start in range(0, count, BLOCK):
        rows = np.arange(start, min(start + BLOCK, count))
        candidates = neighbours.exact_nearest(meaning, rows, CANDIDATES) if approximate is None else approximate[rows]
        queries = _expanded(features, rows, candidates)
        scores = _scores(queries, features, candidates)
        block_choices: list[tuple[int, list[int]]] = []
        for k, (row, nearest, nearest_scores) in enumerate(zip(rows, candidates, scores, strict=True)):
            # Papers it mentions, or that mention it, and those it was related to last time, are
            # candidates even when worded apart.
            before = [index[s] for s in remembered.get(papers[row].slug, ()) if index.get(s, row) != row]
            extra = np.array(sorted((linked[row] | set(before)) - set(nearest.tolist())), dtype=nearest.dtype)
            row_candidates, row_scores = _with_extra(nearest, nearest_scores, extra, queries, k, features)
            chosen = _choose(row_candidates, row_scores, linked[row], before, papers)
            block_choices.append((int(row), chosen))
        result.extend(_with_related(papers, block_choices, features, said))
    return result


def _with_extra(
    nearest: np.ndarray,
    nearest_scores: np.ndarray,
    extra: np.ndarray,
    queries: _Queries,
    k: int,
    features: TextFeatures,
) -> tuple[np.ndarray, np.ndarray]:
    """Return a row's nearest candidates and their scores, then the `extra` ones scored for query `k`."""
    if not len(extra):
        return nearest, nearest_scores
    extra_scores = _scores(queries.take([k]), features, extra[None, :])[0]
    return np.concatenate([nearest, extra]), np.concatenate([nearest_scores, extra_scores])


def _choose(
    candidates: np.ndarray, scores: np.ndarray, linked: set[int], before: list[int], papers: list[Paper]
) -> list[int]:
    """Rank a row's candidates by score, plus a bonus for those `linked` (ties by slug), and choose the RELATED."""
    bonus = np.array([MENTION_BONUS * (c in linked) for c in candidates])
    total = np.round(scores + bonus, 6)
    order = sorted(range(len(candidates)), key=lambda j: (-total[j], papers[candidates[j]].slug))
    return _stay_put(
        [int(candidates[j]) for j in order],
        {int(candidates[j]): float(total[j]) for j in order},
        before,
    )


def _with_related(
    papers: list[Paper], block_choices: list[tuple[int, list[int]]], features: TextFeatures, said: Sayable
) -> list[Paper]:
    """Return each paper of a block with the papers chosen for it, and why each is related."""
    # The terms each shown pair shares, for the whole block in one sparse product.
    pairs = [(shown_for, c) for shown_for, chosen in block_choices for c in chosen]
    terms = iter(shared_terms(features, pairs, said))
    result = []
    for shown_for, chosen in block_choices:
        paper = papers[shown_for]
        related = tuple(
            Related(papers[c].slug, papers[c].title, reasons(paper, papers[c], next(terms), said)) for c in chosen
        )
        result.append(replace(paper, related=related))
    return result


def _stay_put(ranked: list[int], score: dict[int, float], before: list[int]) -> list[int]:
    """Return the RELATED to show: last time's, in their order, while they stay nearly as good."""
    best = ranked[:RELATED]
    if not before:
        return best
    floor = score[best[-1]] - STAY_MARGIN
    kept = [c for c in before if score.get(c, -1.0) >= floor][:RELATED]
    return kept + [c for c in ranked if c not in kept][: RELATED - len(kept)]


@dataclass(frozen=True)
class _Queries:
    """The vectors papers are compared by, one row per query: tf-idf, LSA and (semantic) embedding."""

    tfidf: sparse.csr_matrix
    lsa: np.ndarray
    embedding: np.ndarray | None

    def take(self, rows: list[int] | np.ndarray) -> _Queries:
        embedding = None if self.embedding is None else self.embedding[rows]
        return _Queries(sparse.csr_matrix(self.tfidf[rows]), self.lsa[rows], embedding)


def _queries(features: TextFeatures, rows: np.ndarray) -> _Queries:
    """Return the given papers' own vectors as queries."""
    embedding = None if features.embedding is None else features.embedding[rows]
    return _Queries(sparse.csr_matrix(features.tfidf[rows]), features.lsa[rows], embedding)


def _expanded(features: TextFeatures, rows: np.ndarray, candidates: np.ndarray) -> _Queries:
    """Return each row's query: its vectors plus the mean of its EXPANSION likeliest candidates'."""
    own = _queries(features, rows)
    take = min(EXPANSION, candidates.shape[1])
    if take == 0:
        return own
    likeness = np.round(_scores(own, features, candidates), 6)
    # Likeliest first, ties by paper index, so the same catalog always expands the same way.
    order = np.lexsort((candidates, -likeness), axis=1)[:, :take]
    nearest = np.take_along_axis(candidates, order, axis=1)
    # Row k of `mean` averages the rows of `nearest[k]`.
    mean = sparse.csr_matrix(
        (np.full(nearest.size, 1 / take, dtype=np.float32), nearest.ravel(), np.arange(0, nearest.size + 1, take)),
        shape=(len(rows), features.tfidf.shape[0]),
    )
    embedding = None
    if features.embedding is not None and own.embedding is not None:
        embedding = own.embedding + mean @ features.embedding
    return _Queries(sparse.csr_matrix(own.tfidf + mean @ features.tfidf), own.lsa + mean @ features.lsa, embedding)


def _scores(queries: _Queries, features: TextFeatures, candidates: np.ndarray) -> np.ndarray:
    """Return each query's likeness to each of its row of candidates (see the module's docstring)."""
    width = candidates.shape[1]
    flat = candidates.ravel()
    repeated = np.repeat(np.arange(candidates.shape[0]), width)
    lsa = np.einsum("ij,ij->i", queries.lsa[repeated], features.lsa[flat])
    tfidf = np.asarray(queries.tfidf[repeated].multiply(features.tfidf[flat]).sum(axis=1)).ravel()
    combined: np.ndarray = 0.5 * tfidf + 0.5 * lsa
    if queries.embedding is not None and features.embedding is not None:
        meaning = np.einsum("ij,ij->i", queries.embedding[repeated], features.embedding[flat])
        combined = SEMANTIC_WEIGHT * meaning + (1 - SEMANTIC_WEIGHT) * combined
    return combined.reshape(candidates.shape[0], width)
