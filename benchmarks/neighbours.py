"""Related papers' candidates, exact and from the HNSW index: time and recall at N synthetic papers.

Run with `python -m benchmarks.neighbours` (default sizes 10,000 and 100,000; `--sizes` for others).
For each N, the corpus of `benchmarks/corpus.py` is read, identified and cleaned, and its text
features computed (tf-idf and LSA, timed). Then, on the same features, one after the other:
the exact candidates (`neighbours.exact_nearest`, blocks of `related.BLOCK` rows) and the
approximate ones (`neighbours.approximate_nearest`) are timed, the recall of the candidates is
measured (the share of each paper's CANDIDATES exact nearest that the index returns too), and
`related_papers` is run both ways, timed, to measure how many of the five related papers a page
shows stay the same. From `--sample-from` papers (50,000) the exact candidates of every 50th
paper only are computed (their time scaled to all papers, an extrapolation) and the related
lists are not compared: both would take hours on a shared 2-core machine. `--cache DIR` keeps
the papers and features of each N there (the corpus is deterministic), so a second run measures
the neighbours only. Writes benchmarks/neighbours.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.corpus import make_corpus
from benchmarks.processes import machine
from generator.enrich import neighbours, related
from generator.enrich.clean import clean_abstract
from generator.enrich.context import CatalogContext, FoundTopics
from generator.enrich.taxonomy import Taxonomy
from generator.enrich.text import TextFeatures, text_features
from generator.identify.merge import merge_records
from generator.identify.papers import identify
from generator.identify.state import assign_stable_slugs
from generator.identify.state_file import State
from generator.ingest.listing import read_listing
from generator.model import Paper, PreviousBuild

HERE = Path(__file__).resolve().parent


def corpus_features(count: int, cache: Path | None) -> tuple[list[Paper], TextFeatures, float]:
    """Return the cleaned papers of the corpus of `count`, their features, and the seconds the features took."""
    stored = cache / f"papers-{count}.pkl" if cache else None
    if stored and stored.is_file():
        with stored.open("rb") as file:
            papers, features, seconds = pickle.load(file)
        return papers, features, seconds
    records, _ = read_listing("papers.txt", make_corpus(count))
    merged, _, _ = merge_records(records)
    papers = [clean_abstract(p) for p in assign_stable_slugs([identify(r) for r in merged], State(), "2026-12-01")]
    started = time.perf_counter()
    features = text_features(papers)
    seconds = time.perf_counter() - started
    if stored:
        stored.parent.mkdir(parents=True, exist_ok=True)
        with stored.open("wb") as file:
            pickle.dump((papers, features, seconds), file, protocol=5)
    return papers, features, seconds


def exact_all(vectors: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Return the exact candidates of `rows`, a block at a time as related papers take them."""
    blocks = [
        neighbours.exact_nearest(vectors, rows[start : start + related.BLOCK], related.CANDIDATES).copy()
        for start in range(0, len(rows), related.BLOCK)
    ]
    return np.vstack(blocks)


def timed(work: Any, *args: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work(*args)
    return result, time.perf_counter() - started


def related_lists(papers: list[Paper], features: TextFeatures, approximate_from: int) -> tuple[list[list[str]], float]:
    """Return the related papers chosen for each paper, with the index from `approximate_from` papers, and the time."""
    context = CatalogContext(features, PreviousBuild(), Taxonomy(), FoundTopics(of={}, topics=()))
    kept = neighbours.APPROXIMATE_FROM
    neighbours.APPROXIMATE_FROM = approximate_from
    try:
        chosen, seconds = timed(related.related_papers, papers, context)
    finally:
        neighbours.APPROXIMATE_FROM = kept
    return [[r.slug for r in p.related] for p in chosen], seconds


def measure(count: int, cache: Path | None, sample: int | None) -> dict[str, Any]:
    papers, features, features_seconds = corpus_features(count, cache)
    meaning = features.lsa
    # With a sample, the exact candidates of every SAMPLE-th paper only, their time scaled to all.
    rows = np.arange(0, len(papers), sample or 1)
    exact, exact_seconds = timed(exact_all, meaning, rows)
    exact_seconds *= len(papers) / len(rows)
    approximate, approximate_seconds = timed(neighbours.approximate_nearest, meaning, related.CANDIDATES)
    recall = np.mean([len(set(a) & set(e)) for a, e in zip(approximate[rows].tolist(), exact.tolist(), strict=True)])
    result = {
        "papers": len(papers),
        "dimensions": int(meaning.shape[1]),
        "features_seconds": round(features_seconds, 1),
        "exact_candidates_seconds": round(exact_seconds, 1),
        "exact_rows_measured": len(rows),
        "index_candidates_seconds": round(approximate_seconds, 1),
        "candidate_recall": round(float(recall) / related.CANDIDATES, 4),
    }
    return result if sample else result | compare_related(papers, features)


def compare_related(papers: list[Paper], features: TextFeatures) -> dict[str, Any]:
    """Return the time of related papers both ways and how many of the lists they choose agree."""
    exact_lists, exact_related_seconds = related_lists(papers, features, len(papers) + 1)
    index_lists, index_related_seconds = related_lists(papers, features, 0)
    pairs = list(zip(index_lists, exact_lists, strict=True))
    same = [len(set(a) & set(e)) / len(e) for a, e in pairs if e]
    return {
        "related_exact_seconds": round(exact_related_seconds, 1),
        "related_index_seconds": round(index_related_seconds, 1),
        "related_recall": round(float(np.mean(same)), 4),
        "related_lists_identical": round(float(np.mean([a == e for a, e in pairs])), 4),
    }


def main(argv: list[str] | None = None) -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    cli.add_argument("--cache", type=Path, default=None, help="folder keeping each corpus's papers and features")
    cli.add_argument(
        "--sample-from",
        type=int,
        default=50_000,
        help="from this many papers, measure the exact candidates of every 50th paper only and skip the related lists",
    )
    args = cli.parse_args(argv)
    results = []
    for count in args.sizes:
        results.append(measure(count, args.cache, 50 if count >= args.sample_from else None))
        print(json.dumps(results[-1]), flush=True)
    report = {"date": dt.date.today().isoformat(), "machine": machine(), "results": results}
    (HERE / "neighbours.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
