"""Quality benchmark: related papers, topics and their stability, against labelled real data.

Run with `make quality` (or `python -m benchmarks.quality`). For each labelled set in
`../shared/fixtures/` it builds the catalog with the real pipeline and measures, in one run:

- precision@5 of related papers: the share of each paper's 5 related papers that share its
  label (primary arXiv category, arXiv archive, or the proceedings' section), for the default
  method and for the baseline the issue names: tf-idf cosine (1-2-grams, sublinear tf, English
  stop words) over the same title + abstract; and, when the semantic extra and the
  all-MiniLM-L6-v2 package are installed (the test extra), semantic mode against a plain cosine
  over that model's embeddings of the same text;
- normalised mutual information between each paper's primary topic and its label, and the same
  for k-means (k = the number of topics found) over the baseline tf-idf vectors; in semantic mode
  against k-means over the embeddings; and the properties of the labels (`benchmarks/topics.py`);
- topic stability: build with 90% of the papers, then with all of them (the state file carried
  over, as in real use); the share of the 90% whose primary topic is unchanged. Also measured
  without the state file (topics rediscovered from scratch), for information.
Results go to benchmarks/QUALITY.md and benchmarks/quality.json. With `--sets unseen` it measures
instead the sets of benchmarks/unseen/ (read from fetched public repositories, never tuned on) and
writes benchmarks/QUALITY-unseen.md and benchmarks/quality-unseen.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.topics import label_rows, nmi_rows, topic_measures
from benchmarks.unseen.sets import labelled_sets
from generator.build import build_catalog
from generator.config import EMBEDDINGS_FILE, Settings
from generator.enrich.semantic import embed_cached
from generator.enrich.text import paper_text
from generator.evaluation import (
    FIXTURES,
    SEMANTIC_MODEL,
    SETS,
    LabelledSet,
    catalog_of,
    precision_at_5,
    related_rows,
    semantic_available,
    tfidf_baseline,
    top5,
)
from generator.model import Paper, Term

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
#: The sentence-embedding model of semantic mode and of the embedding baseline (installed package).
#: Random samples of each labelled set, and their share of its papers, measured as sets of their own.
SUBSETS = 5
SUBSET_SHARE = 0.8
#: The issue's target for the default mode's gain over the tf-idf baseline.
DEFAULT_TARGET = 0.02
#: The issue's target for semantic mode's gain over the better of the tf-idf and embedding baselines.
SEMANTIC_TARGET = 0.01


def related_precision(
    files: list[Path], label_of: Callable[[Paper], str], work: Path, semantic: bool
) -> tuple[list[Paper], dict[str, float]]:
    """Build the catalog of `files`; return it and precision@5 of each method and baseline."""
    papers = catalog_of(files, work)
    labels = [label_of(p) for p in papers]
    texts = [paper_text(p) for p in papers]
    precision = {
        "default": precision_at_5(related_rows(papers), labels),
        "tfidf": precision_at_5(top5(tfidf_baseline(texts)), labels),
    }
    if semantic:
        semantic_papers = catalog_of(files, work, semantic=SEMANTIC_MODEL)
        if [p.slug for p in semantic_papers] != [p.slug for p in papers]:
            raise AssertionError("semantic mode built a different catalog")
        precision["semantic"] = precision_at_5(related_rows(semantic_papers), labels)
        # The vectors semantic mode cached for the same texts: each paper is embedded once.
        vectors = embed_cached(texts, SEMANTIC_MODEL, work / EMBEDDINGS_FILE)
        precision["embedding"] = precision_at_5(top5(vectors), labels)
    return papers, precision


def gains(precision: dict[str, float]) -> dict[str, float]:
    """Return each mode's gain over the baseline its target names (semantic: the better of two)."""
    result = {"default": precision["default"] - precision["tfidf"]}
    if "semantic" in precision:
        result["semantic"] = precision["semantic"] - max(precision["tfidf"], precision["embedding"])
    return result


def measure(labelled: LabelledSet, work: Path, semantic: bool) -> dict[str, Any]:
    source = FIXTURES / labelled.path  # an absolute path (an unseen set's listing) stays itself
    papers, precision = related_precision([source], lambda p: labelled.label(p.record), work, semantic)
    labels = [labelled.label(p.record) for p in papers]
    return {
        "set": labelled.name,
        "label": labelled.what,
        "papers": len(papers),
        "labels": len(set(labels)),
        "precision_at_5": precision,
        "subsets": subsets(papers, labels, work / "subsets", semantic),
        "nmi": topic_measures(papers, catalog_topics(work), labels, semantic_topics([source], work, semantic)),
        "stability": stability([source], work),
    }


def catalog_topics(work: Path) -> list[Term]:
    """Return the topics of the default-mode catalog `related_precision` built in `work`."""
    return build_catalog(Settings(data_dir=work / "data", state_file=work / "none.json", today="2026-01-01"))[0].topics


def semantic_topics(files: list[Path], work: Path, semantic: bool) -> tuple[list[Paper], np.ndarray] | None:
    """Return semantic mode's catalog of `files` and its embeddings (cached by the earlier build), if measured."""
    if not semantic:
        return None
    papers = catalog_of(files, work, semantic=SEMANTIC_MODEL)
    return papers, embed_cached([paper_text(p) for p in papers], SEMANTIC_MODEL, work / EMBEDDINGS_FILE)


def subsets(papers: list[Paper], labels: list[str], work: Path, semantic: bool) -> list[dict[str, float]]:
    """Return the gains on SUBSETS random samples of SUBSET_SHARE of the papers, each built on its own.

    A set the methods were never measured on is the real test; samples of a labelled set are the
    nearest thing to one here: they show how often a gain holds when the collection changes.
    """
    label_by_title = {p.title: label for p, label in zip(papers, labels, strict=True)}
    result = []
    work.mkdir(parents=True, exist_ok=True)
    for seed in range(SUBSETS):
        rng = np.random.default_rng(seed)
        chosen = sorted(rng.choice(len(papers), round(len(papers) * SUBSET_SHARE), replace=False))
        listing = write_listing(work / "subset.jsonl", [papers[i] for i in chosen])
        _, precision = related_precision([listing], lambda p: label_by_title[p.title], work, semantic)
        result.append(gains(precision))
    return result


def write_listing(path: Path, papers: list[Paper]) -> Path:
    """Write papers as a plain JSON-lines listing (title, raw abstract, arXiv id); return its path."""
    rows = ({"title": p.title, "abstract": p.record.abstract, "arxiv_id": p.record.arxiv_id} for p in papers)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def stability(files: list[Path], work: Path) -> dict[str, float]:
    """Build with 90% of the papers, add the other 10%: share of primary topics unchanged."""
    full = work / "full"
    full.mkdir(parents=True, exist_ok=True)
    papers = catalog_of(files, full)
    held_out = {p.slug for i, p in enumerate(papers) if i % 10 == 9}
    # The 90% and the 10%, written back as JSON lines, so any input format works.
    part = write_listing(work / "part.jsonl", [p for p in papers if p.slug not in held_out])
    rest = write_listing(work / "rest.jsonl", [p for p in papers if p.slug in held_out])
    result = {}
    for mode in ("with_state", "without_state"):
        state = work / f"state-{mode}.json"
        state.unlink(missing_ok=True)
        before = {p.slug: p.topics[0] for p in catalog_of([part], work / "b", state)}
        if mode == "without_state":
            state.unlink()
        after = {p.slug: p.topics[0] for p in catalog_of([part, rest], work / "a", state)}
        result[mode] = float(np.mean([after.get(slug) == topic for slug, topic in before.items()]))
    return result


def report(results: list[dict[str, Any]]) -> str:
    lines = [
        "# Quality benchmark results",
        "",
        "Written by `make quality` (`python -m benchmarks.quality`); see `benchmarks/quality.py` for the method.",
        "",
        "## Related papers: precision@5",
        "",
        "Default mode (no neural network) against the tf-idf baseline; semantic mode (`--semantic`, "
        f"`{SEMANTIC_MODEL}`) against the better of the tf-idf and the plain embedding-cosine baselines. "
        f"Targets, on every set: default gain at least +{DEFAULT_TARGET:.2f}, semantic gain at least "
        f"+{SEMANTIC_TARGET:.2f}.",
        "",
        "| set | papers | labels | default | tf-idf | default gain | semantic | embedding | semantic gain |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        p, g = r["precision_at_5"], gains(r["precision_at_5"])
        semantic = embedding = gain = "not run"
        if "semantic" in g:
            semantic, embedding, gain = f"{p['semantic']:.3f}", f"{p['embedding']:.3f}", f"{g['semantic']:+.3f}"
        lines.append(
            f"| {r['set']} ({r['label']}) | {r['papers']} | {r['labels']} | {p['default']:.3f} | {p['tfidf']:.3f} "
            f"| {g['default']:+.3f} | {semantic} | {embedding} | {gain} |"
        )
    lines += [
        "",
        f"### On {SUBSETS} random samples of {SUBSET_SHARE:.0%} of each set, each built as a collection of its own",
        "",
        "The targets are also checked on sets nobody here has seen; a sample changes every paper's "
        "neighbours, so how often a target holds on samples says more than one number. Target: "
        f"default gain at least +{DEFAULT_TARGET:.2f}, semantic gain at least +{SEMANTIC_TARGET:.2f}.",
        "",
        "| set | default gain: mean (min) | default target met | semantic gain: mean (min) | semantic target met |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        sample = r["subsets"]
        default = [g["default"] for g in sample]
        cells = [
            f"{np.mean(default):+.3f} ({min(default):+.3f})",
            f"{sum(d >= DEFAULT_TARGET - 1e-9 for d in default)} of {len(sample)}",
        ]
        if all("semantic" in g for g in sample):
            chosen = [g["semantic"] for g in sample]
            cells += [
                f"{np.mean(chosen):+.3f} ({min(chosen):+.3f})",
                f"{sum(c >= SEMANTIC_TARGET - 1e-9 for c in chosen)} of {len(sample)}",
            ]
        else:
            cells += ["not run", "not run"]
        lines.append(f"| {r['set']} | " + " | ".join(cells) + " |")
    lines += ["", "## Topics: NMI with the labels, and stability", "", *nmi_rows(results)]
    lines += ["", "## Topic labels (default mode)", "", *label_rows(results)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=HERE, help="folder for QUALITY.md and quality.json")
    parser.add_argument(
        "--sets",
        choices=("fixtures", "unseen", "fresh"),
        default="fixtures",
        help="the fixture sets (default), or the unseen sets read from fetched repositories "
        "(benchmarks/unseen/README.md), written to QUALITY-unseen.md and quality-unseen.json; or the "
        "fresh ones, kept apart so nobody tunes on them (QUALITY-fresh.md)",
    )
    args = parser.parse_args(argv)
    semantic = semantic_available()
    if not semantic:
        print(f"semantic mode not measured: install the 'test' extra ({SEMANTIC_MODEL})", flush=True)
    results = []
    with tempfile.TemporaryDirectory() as listings:
        sets = SETS if args.sets == "fixtures" else tuple(labelled_sets(Path(listings), args.sets))
        for labelled in sets:
            with tempfile.TemporaryDirectory() as work:
                results.append(measure(labelled, Path(work), semantic))
                print(labelled.name, json.dumps(results[-1]["precision_at_5"]), flush=True)
    suffix = "" if args.sets == "fixtures" else f"-{args.sets}"
    (args.output / f"quality{suffix}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.output / f"QUALITY{suffix}.md").write_text(report(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
