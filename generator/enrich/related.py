"""Catalog-wide enricher: each paper's most related papers, each with its reasons in words.

Score = half the cosine of the stemmed tf-idf vectors (shared terms) plus half the cosine of
their LSA projections (shared vocabulary neighbourhoods), plus a small bonus for a mention
either way. (A bonus for a shared topic was tried: it lowered precision on every labelled set.)
No neural network, no N x N matrix: the LSA cosine picks each paper's candidates a block of rows
at a time, and only those are scored in full, so memory stays linear in N.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from scipy import sparse

from generator.enrich.text import LABEL_STOP_WORDS, TextFeatures
from generator.model import Paper, Related, Topic

RELATED = 5
#: Candidates per paper taken from the LSA cosine before the full score.
CANDIDATES = 50
BLOCK = 512
#: A paper that names another is related to it whatever their wording: a mention outranks likeness.
MENTION_BONUS = 1.0
SHARED_TERMS = 3
#: A remembered related paper stays while it scores within this much of the fifth best newcomer:
#: adding one paper shifts every score a little, and a page should not change for that.
STAY_MARGIN = 0.05


def related_papers(
    papers: list[Paper], features: TextFeatures, topics: list[Topic], remembered: dict[str, list[str]] | None = None
) -> list[Paper]:
    """Return papers with `related` filled in: the RELATED best, best first (remembered ones kept)."""
    remembered = remembered or {}
    count = len(papers)
    if count < 2:
        return papers
    labels = {t.slug: t.label for t in topics}
    index = {p.slug: i for i, p in enumerate(papers)}
    linked = [{index[m.slug] for m in (*p.mentions, *p.mentioned_by) if m.slug in index} for p in papers]
    result = []
    for start in range(0, count, BLOCK):
        rows = np.arange(start, min(start + BLOCK, count))
        candidates = _candidates(features.lsa, rows)
        scores = _scores(features, rows, candidates)
        for row, nearest, nearest_scores in zip(rows, candidates, scores, strict=True):
            paper = papers[row]
            # Papers it mentions, or that mention it, and those it was related to last time, are
            # candidates even when worded apart.
            before = [index[s] for s in remembered.get(paper.slug, ()) if index.get(s, row) != row]
            kept = set(before)
            extra = np.array(sorted((linked[row] | kept) - set(nearest.tolist())), dtype=nearest.dtype)
            row_candidates, row_scores = nearest, nearest_scores
            if len(extra):
                row_candidates = np.concatenate([nearest, extra])
                row_scores = np.concatenate([nearest_scores, _scores(features, np.array([row]), extra[None, :])[0]])
            bonus = np.array([MENTION_BONUS * (c in linked[row]) for c in row_candidates])
            total = np.round(row_scores + bonus, 6)
            order = sorted(range(len(row_candidates)), key=lambda j: (-total[j], papers[row_candidates[j]].slug))
            chosen = _stay_put(
                [int(row_candidates[j]) for j in order],
                {int(row_candidates[j]): float(total[j]) for j in order},
                before,
            )
            related = tuple(
                Related(papers[c].slug, papers[c].title, _reasons(paper, papers[c], features, int(row), c, labels))
                for c in chosen
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


def _candidates(lsa: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Return, for each row, the other papers nearest by LSA cosine (CANDIDATES of them)."""
    similarity = lsa[rows] @ lsa.T
    similarity[np.arange(len(rows)), rows] = -np.inf
    take = min(CANDIDATES, lsa.shape[0] - 1)
    if take >= similarity.shape[1] - 1:
        return np.argsort(-similarity, axis=1, kind="stable")[:, :take]
    return np.argpartition(-similarity, take, axis=1)[:, :take]


def _scores(features: TextFeatures, rows: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """Return 0.5 * tf-idf cosine + 0.5 * LSA cosine for each row and each of its candidates."""
    width = candidates.shape[1]
    flat = candidates.ravel()
    repeated = np.repeat(rows, width)
    lsa = np.einsum("ij,ij->i", features.lsa[repeated], features.lsa[flat])
    tfidf = np.asarray(sparse.csr_matrix(features.tfidf[repeated]).multiply(features.tfidf[flat]).sum(axis=1)).ravel()
    combined: np.ndarray = (0.5 * tfidf + 0.5 * lsa).reshape(len(rows), width)
    return combined


def _reasons(
    paper: Paper, other: Paper, features: TextFeatures, row: int, col: int, labels: dict[str, str]
) -> tuple[str, ...]:
    """Say why two papers are related: a mention, a shared topic, the terms they share most."""
    reasons = []
    if any(m.slug == other.slug for m in paper.mentions):
        reasons.append(f"mentions {other.short_name or other.title}")
    if any(m.slug == other.slug for m in paper.mentioned_by):
        reasons.append(f"mentioned by {other.short_name or other.title}")
    families = [f for f in dict.fromkeys(m.family for m in paper.models) if f in {m.family for m in other.models}]
    if families:
        reasons.append("both use " + ", ".join(families[:3]))
    hubs = [h for h in dict.fromkeys(d.hub for d in paper.datasets) if h in {d.hub for d in other.datasets}]
    if hubs:
        reasons.append("both evaluate on " + ", ".join(hubs[:3]))
    shared_topics = [labels[t] for t in paper.topics if t in other.topics and t in labels]
    if shared_topics:
        reasons.append("same topic: " + ", ".join(shared_topics))
    terms = _shared_terms(features, row, col)
    if terms:
        reasons.append("shared terms: " + ", ".join(terms))
    return tuple(reasons) or ("similar wording",)


def _shared_terms(features: TextFeatures, row: int, col: int) -> list[str]:
    """Return the terms that weigh most in both papers, phrases over their own words."""
    matrix = features.tfidf
    a = slice(matrix.indptr[row], matrix.indptr[row + 1])
    b = slice(matrix.indptr[col], matrix.indptr[col + 1])
    common, in_a, in_b = np.intersect1d(matrix.indices[a], matrix.indices[b], assume_unique=True, return_indices=True)
    # Weights rounded, ties by column (the vocabulary is sorted): a small shift in every weight
    # should not reorder the reasons.
    weight = np.round(matrix.data[a][in_a] * matrix.data[b][in_b], 3)
    order = np.argsort(-weight, kind="stable")
    chosen: list[str] = []
    for j in order[: SHARED_TERMS * 4]:
        term = features.terms[common[j]]
        words = term.split(" ")
        if all(word in LABEL_STOP_WORDS for word in words):
            continue  # "novel" and "results" say nothing about why two papers go together
        inside = [c for c in chosen if c in words]
        if inside:  # "amino acid" says more than "acid"
            chosen = [term if c == inside[0] else c for c in chosen if c not in inside[1:]]
        elif not any(term in c.split(" ") for c in chosen) and len(chosen) < SHARED_TERMS:
            chosen.append(term)
    return chosen
