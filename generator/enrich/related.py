"""Catalog-wide enricher: each paper's most related papers, each with its reasons in words.

Likeness = half the cosine of the stemmed tf-idf vectors (shared terms) plus half the cosine of
their LSA projections (shared vocabulary neighbourhoods). In semantic mode (`enrich/semantic.py`)
that wording likeness counts half and the cosine of the papers' sentence embeddings the other half.

Score = the paper's likeness to a candidate plus the mean likeness of its EXPANSION nearest papers
to that candidate (average query expansion: a candidate close to the paper *and* to its closest
neighbours is a safer pick than one that shares a few words with the paper alone), plus a bonus
for a mention either way. (A bonus for a shared topic was tried: it lowered precision on every
labelled set.) Likeness is linear in the vectors, so the expansion is one query vector per paper:
its own plus the mean of its neighbours'.

No neural network, no N x N matrix: the LSA cosine (with the embeddings in semantic mode) picks
each paper's candidates a block of rows at a time, and only those are scored in full, so memory
stays linear in N.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse

from generator.enrich.context import CatalogContext
from generator.enrich.text import TextFeatures, paper_text
from generator.model import Paper, Related

RELATED = 5
#: Candidates per paper taken from the LSA cosine before the full score.
CANDIDATES = 50
BLOCK = 512
#: A paper that names another is related to it whatever their wording: a mention outranks likeness.
MENTION_BONUS = 1.0
SHARED_TERMS = 3
#: A model family or benchmark named by more than this share of the collection's papers (and more
#: than COMMON_AT_LEAST of them) says nothing as a reason: "both use GPT".
COMMON_SHARE = 0.1
COMMON_AT_LEAST = 5
#: A term more than this share of the collection's papers hold is its common ground, no reason to
#: read one paper after another ("pre-training" in a collection about pre-training).
GENERIC_SHARE = 0.1
#: Words that make a shared term a fragment rather than a subject: "llms like", "general llms",
#: "smaller models", "models implementation".
FILLER_WORDS = frozenset(
    [
        "like",
        "such",
        "general",
        "various",
        "different",
        "large",
        "larger",
        "small",
        "smaller",
        "big",
        "bigger",
        "models",
        "model",
        "llms",
        "llm",
        "lms",
        "implementation",
        "approach",
        "approaches",
        "methods",
        "method",
        "creating",
        "based",
        "using",
        "used",
        "use",
        "new",
        "novel",
        "existing",
        "specific",
        "high",
        "low",
        "better",
        "best",
        "good",
        "human",
    ]
)
_PART = re.compile(r"\||[^\W_]+")
_WHOLE = re.compile(r"\||[^\W_]+(?:-[^\W_]+)*")
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]\"]+(?:\s|$)|[()\[\]\"]")
#: Nearest papers whose likeness is averaged into each paper's query (0 turns the expansion off).
EXPANSION = 3
#: In semantic mode, the share of the score that is the sentence-embedding cosine.
SEMANTIC_WEIGHT = 0.5
#: A remembered related paper stays while it scores within this much of the fifth best newcomer:
#: adding one paper shifts every score a little, and a page should not change for that.
STAY_MARGIN = 0.05


def related_papers(papers: list[Paper], context: CatalogContext) -> list[Paper]:
    """Return papers with `related` filled in: the RELATED best, best first (remembered ones kept)."""
    features, remembered = context.features, context.previous.related
    count = len(papers)
    if count < 2:
        return papers
    said = _sayable(papers, {t.slug: t.label for t in context.topics.topics})
    index = {p.slug: i for i, p in enumerate(papers)}
    linked = [{index[m.slug] for m in (*p.mentions, *p.mentioned_by) if m.slug in index} for p in papers]
    result = []
    for start in range(0, count, BLOCK):
        rows = np.arange(start, min(start + BLOCK, count))
        candidates = _candidates(features.meaning, rows)
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


@dataclass(frozen=True)
class _Sayable:
    """What a reason may name: topic labels, the families and benchmarks that are not too common to
    say anything, and each paper's words as written (a shared term must be a phrase of both)."""

    labels: dict[str, str]
    common: frozenset[str]
    #: Each paper's words, lower case, a bar where punctuation breaks a phrase.
    texts: list[str]


def _sayable(papers: list[Paper], labels: dict[str, str]) -> _Sayable:
    """Learn from the collection which shared names say nothing: those more than COMMON_SHARE of its
    papers name ("both use GPT" in a collection of language-model papers)."""
    counts = Counter(name for p in papers for name in {m.family for m in p.models} | {d.hub for d in p.datasets})
    common = frozenset(name for name, n in counts.items() if n > max(COMMON_AT_LEAST, COMMON_SHARE * len(papers)))
    return _Sayable(labels, common, [_PHRASE_BREAK.sub(" | ", paper_text(p).lower()) for p in papers])


@functools.lru_cache(maxsize=1 << 16)
def _as_written(term: str) -> re.Pattern[str]:
    """Return the pattern of a term as a text writes it: its words apart or hyphenated ("zero shot" is
    "zero-shot"), not a part of a longer compound ("continual pre" of "continual pre-training")."""
    return re.compile(r"(?<![\w-])%s(?![\w-])" % r"[\s-]".join(map(re.escape, term.split(" "))))


def _with_related(
    papers: list[Paper], block_choices: list[tuple[int, list[int]]], features: TextFeatures, said: _Sayable
) -> list[Paper]:
    """Return each paper of a block with the papers chosen for it, and why each is related."""
    # The terms each shown pair shares, for the whole block in one sparse product.
    pairs = [(shown_for, c) for shown_for, chosen in block_choices for c in chosen]
    terms = iter(_shared_terms(features, pairs, said))
    result = []
    for shown_for, chosen in block_choices:
        paper = papers[shown_for]
        related = tuple(
            Related(papers[c].slug, papers[c].title, _reasons(paper, papers[c], next(terms), said)) for c in chosen
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


def _candidates(vectors: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Return, for each row, the other papers nearest by cosine of `vectors` (CANDIDATES of them)."""
    similarity = vectors[rows] @ vectors.T
    similarity[np.arange(len(rows)), rows] = -np.inf
    take = min(CANDIDATES, vectors.shape[0] - 1)
    if take >= similarity.shape[1] - 1:
        return np.argsort(-similarity, axis=1, kind="stable")[:, :take]
    return np.argpartition(-similarity, take, axis=1)[:, :take]


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


def _reasons(paper: Paper, other: Paper, terms: list[str], said: _Sayable) -> tuple[str, ...]:
    """Say why two papers are related, the most specific first: a mention, a benchmark or model
    family both name (unless most of the collection does), a shared topic, the terms they share."""
    labels = said.labels
    reasons = []
    if any(m.slug == other.slug for m in paper.mentions):
        reasons.append(f"mentions {other.short_name or other.title}")
    if any(m.slug == other.slug for m in paper.mentioned_by):
        reasons.append(f"mentioned by {other.short_name or other.title}")
    hubs = [h for h in dict.fromkeys(d.hub for d in paper.datasets) if h in {d.hub for d in other.datasets}]
    hubs = [h for h in hubs if h not in said.common]
    if hubs:
        reasons.append("both evaluate on " + ", ".join(hubs[:3]))
    families = [f for f in dict.fromkeys(m.family for m in paper.models) if f in {m.family for m in other.models}]
    families = [f for f in families if f not in said.common]
    if families:
        reasons.append("both use " + ", ".join(families[:3]))
    shared_topics = [labels[t] for t in paper.topics if t in other.topics and t in labels]
    if shared_topics:
        reasons.append("same topic: " + ", ".join(shared_topics))
    if terms:
        reasons.append("shared terms: " + ", ".join(terms))
    return tuple(reasons) or ("similar wording",)


def _shared_terms(features: TextFeatures, pairs: list[tuple[int, int]], said: _Sayable) -> list[list[str]]:
    """Return, for each pair of rows, the terms that weigh most in both, phrases over their own words."""
    if not pairs:
        return []
    rows, cols = (np.array(side) for side in zip(*pairs, strict=True))
    matrix = features.tfidf
    # Row k of the product holds the weights of the terms pair k shares (and only those).
    shared = sparse.csr_matrix(matrix[rows].multiply(matrix[cols]))
    shared.sort_indices()
    # Weights rounded, ties by column (the vocabulary is sorted): a small shift in every weight
    # should not reorder the reasons.
    weights = np.round(shared.data, 3)
    words, informative, share = features.term_words, features.informative, features.document_share
    result = []
    for k in range(len(pairs)):
        begin, end = shared.indptr[k], shared.indptr[k + 1]
        top = shared.indices[begin:end][np.argsort(-weights[begin:end], kind="stable")[: SHARED_TERMS * 4]]
        # "novel" and "results" say nothing about why two papers go together.
        row, col = pairs[k]
        ranked = [(i, features.terms[i], words[i]) for i in top[informative[top]]]
        sayable = [(t, w) for _, t, w in ranked if _sayable_term(t, w, said, row) and _sayable_term(t, w, said, col)]
        # The collection's common ground ("pre-training" in one about pre-training) only when nothing
        # more particular is shared.
        particular = [(t, w) for (i, t, w) in ranked if share[i] <= GENERIC_SHARE and (t, w) in sayable]
        sayable = particular or sayable
        result.append([_written(term, said.texts[row]) for term in _pick_terms(sayable)])
    return result


def _written(term: str, text: str) -> str:
    """Return a term as the paper writes it: "pre-training", not "pre training"."""
    found = _as_written(term).search(text)
    return found.group() if found else term


def _sayable_term(term: str, words: list[str], said: _Sayable, row: int) -> bool:
    """Say whether a shared term means something to a reader of paper `row`: no number or size
    ("7b"), no filler word ("llms like", "smaller models"), a phrase the paper writes as such (not two
    words that meet across a full stop: "prediction. Summaries"), a word it writes on its own (not
    "shot" of "zero-shot")."""
    if any(c.isdigit() for c in term) or any(w in FILLER_WORDS for w in words):
        return False
    return _as_written(term).search(said.texts[row]) is not None


def _pick_terms(ranked: list[tuple[str, list[str]]]) -> list[str]:
    """Return up to SHARED_TERMS of the ranked terms (with their words), no word of a phrase chosen."""
    chosen: list[tuple[str, list[str]]] = []
    for term, words in ranked:
        inside = [c for c, _ in chosen if c in words]
        if inside:  # "amino acid" says more than "acid"
            chosen = [(term, words) if c == inside[0] else (c, w) for c, w in chosen if c not in inside[1:]]
        elif len(chosen) < SHARED_TERMS and not any(term in w for _, w in chosen):
            chosen.append((term, words))
    return [term for term, _ in chosen]
