"""The text features topics and related papers share: stemmed tf-idf and its LSA projection.

Words are lower-cased, English stop words dropped and stemmed (Snowball), so "tests", "testing"
and "tested" count as one term; a term is a stem or a pair of neighbouring stems. Terms seen in
one paper only are dropped: they cannot link two papers and would only dilute the others. The
tf-idf rows are unit length; so are the rows of the LSA projection (truncated SVD), which lets
papers that use different words for the same thing meet.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import snowballstemmer
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

from generator.model import Paper
from generator.parallel import Executor

_WORD = re.compile(r"(?u)\b\w\w+\b")
#: Words every abstract uses, whatever its field: a topic is never named after them. (They stay
#: in the vectors: dropping them there made related papers measurably worse, see benchmarks/.)
_BOILERPLATE_WORDS = """
paper propose proposed proposes present presents introduce introduces novel new approach approaches
method methods result results show shows demonstrate demonstrates based using use used existing work
study framework achieve achieves achieved significantly performance experiments experimental extensive
effective effectiveness https http com github www org code available publicly release released et al
wide range various variety different diverse improve improves improved improving enhance enhances
enhanced best better state-of-the-art sota high-quality furthermore additionally specifically
"""
BOILERPLATE = frozenset(_BOILERPLATE_WORDS.split())
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS)
LABEL_STOP_WORDS = STOP_WORDS | BOILERPLATE
#: In semantic mode, the share of the sentence-embedding cosine in how alike two papers are, for
#: related papers and topics alike; the wording (tf-idf and LSA) has the rest. Chosen for related
#: papers on samples of kaggle-oai (0.5, 0.6, 0.7, 0.8 tried) and checked on the other sets: see
#: benchmarks/QUALITY.md. Topics took it as it was: with half, they were up to 0.04 NMI below plain
#: k-means over the embeddings on the vision sets.
SEMANTIC_WEIGHT = 0.7
#: At most this many LSA dimensions (a quarter of the papers below 400).
MAX_DIMENSIONS = 100


def paper_text(paper: Paper) -> str:
    """Return the text a paper is compared by: its title and its cleaned abstract, links left out."""
    return f"{paper.title}. {paper.prose}"


@dataclass
class TextFeatures:
    """Per-paper vectors, rows in the order of the papers they were made from."""

    #: Unit-length tf-idf rows (papers x terms), sparse.
    tfidf: sparse.csr_matrix
    #: Unit-length LSA rows (papers x dimensions), dense float32.
    lsa: np.ndarray
    #: The term of each tf-idf column as people write it ("pre-training", not "pre-train").
    terms: list[str]
    #: Unit-length sentence embeddings (papers x dimensions) in semantic mode, else None.
    embedding: np.ndarray | None = None

    @functools.cached_property
    def term_words(self) -> list[list[str]]:
        """Return the words of each term."""
        return [term.split(" ") for term in self.terms]

    @functools.cached_property
    def document_share(self) -> np.ndarray:
        """Return, per term, the share of the papers whose text holds it."""
        papers = max(int(self.tfidf.shape[0]), 1)
        counts: np.ndarray = np.diff(sparse.csc_matrix(self.tfidf).indptr).astype(np.float64)
        share: np.ndarray = counts / papers
        return share

    @functools.cached_property
    def informative(self) -> np.ndarray:
        """Return, per term, whether it has a word that is not a stop word or boilerplate."""
        return np.array([not all(w in LABEL_STOP_WORDS for w in words) for words in self.term_words], dtype=bool)

    @property
    def meaning(self) -> np.ndarray:
        """Return unit rows whose dot products mix the LSA and embedding cosines, SEMANTIC_WEIGHT the latter."""
        if self.embedding is None:
            return self.lsa
        shares = np.sqrt([1 - SEMANTIC_WEIGHT, SEMANTIC_WEIGHT]).astype(np.float32)
        return np.hstack([shares[0] * self.lsa, shares[1] * self.embedding])


class Stems(dict[str, str]):
    """Word -> stem, stemming each word once: stemming is the slow part, and words repeat a lot.

    It may start from an earlier build's stems (`enrich/paper_cache.py` keeps them): a word's stem
    depends on the word alone.
    """

    def __init__(self, known: Mapping[str, str] | None = None) -> None:
        super().__init__(known or {})
        self._stemmer = snowballstemmer.stemmer("english")

    def __missing__(self, word: str) -> str:
        stem: str = self._stemmer.stemWord(word)
        self[word] = stem
        return stem


class _Analyzer:
    """Split text into stems and stem pairs, counting the words so each stem can be spelled."""

    def __init__(self, stems: Stems | None = None) -> None:
        self._stems = Stems() if stems is None else stems
        self.words: Counter[str] = Counter()
        self._spelling: dict[str, str] | None = None

    def __call__(self, text: str) -> list[str]:
        words = [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and not w.isdigit()]
        self.words.update(words)
        stems = [self._stems[w] for w in words]
        return stems + [f"{a} {b}" for a, b in itertools.pairwise(stems)]

    def spelling(self, term: str) -> str:
        """Return a term as it is most often written (the first seen of equally common spellings)."""
        if self._spelling is None:
            best: dict[str, tuple[int, str]] = {}
            for word, count in self.words.items():  # in the order first seen
                stem = self._stems[word]
                if count > best.get(stem, (0, ""))[0]:
                    best[stem] = (count, word)
            self._spelling = {stem: word for stem, (_, word) in best.items()}
        return " ".join(self._spelling[stem] for stem in term.split(" "))


def text_features(
    papers: list[Paper],
    semantic: str | None = None,
    cache: Path | None = None,
    stems: Stems | None = None,
    executor: Executor | None = None,
) -> TextFeatures:
    """Return the tf-idf and LSA vectors of every paper, and its embedding when `semantic` names a model
    (computed by `executor`, by default in this process).

    `stems`, when given, is used and left holding the stems of this collection's words only.
    """
    texts = [paper_text(p) for p in papers]
    analyzer = _Analyzer(stems)
    # min_df=2 needs two papers; a catalog of one keeps every term.
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=2 if len(texts) > 2 else 1)
    try:
        tfidf = vectorizer.fit_transform(texts).astype(np.float32)
        names = [analyzer.spelling(t) for t in vectorizer.get_feature_names_out()]
    except ValueError:  # no term shared by two papers (or no words at all)
        tfidf, names = sparse.csr_matrix((len(texts), 0), dtype=np.float32), []
    if stems is not None:
        for word in set(stems) - set(analyzer.words):
            del stems[word]
    embedding = None
    if semantic is not None:
        from generator.enrich.semantic import embed_cached  # only semantic mode imports the neural network

        embedding = embed_cached(texts, semantic, cache, executor)
    return TextFeatures(tfidf=tfidf.tocsr(), lsa=_lsa(tfidf), terms=names, embedding=embedding)


def _lsa(tfidf: sparse.csr_matrix) -> np.ndarray:
    """Project tf-idf rows onto their leading singular vectors, normalised (deterministic start)."""
    papers, terms = tfidf.shape
    dimensions = min(MAX_DIMENSIONS, papers // 4, terms - 1)
    if dimensions < 2:
        # Too few papers or terms for a projection: compare by the terms themselves.
        return np.asarray(tfidf.todense(), dtype=np.float32)
    # ARPACK, not the randomized solver: its subspace is converged, so one added paper moves every
    # cosine only a little (with 5 randomized iterations, 1 paper in 1,000 changed 55 related lists).
    svd = TruncatedSVD(dimensions, algorithm="arpack", random_state=0)
    projected = svd.fit_transform(tfidf)
    return np.asarray(normalize(projected), dtype=np.float32)
