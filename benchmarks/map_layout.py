"""Map benchmark: does near mean alike on the map, and does the map stay put as papers are added?

Run with `python -m benchmarks.map_layout`. For each collection (the seed; the seed with every
fixture of ../shared/fixtures/; each labelled fixture set) it builds the catalog with the real
pipeline and measures:

- **topic regions**: the silhouette of the papers' main topics on the map (1: each topic a region
  apart; 0: topics mixed), for both layouts;
- **neighbour agreement**: for each paper, the share of its 5 nearest papers on the map that are
  among its 20 most alike papers (the cosine of the meaning vectors the pipeline compares papers
  by), averaged; for the map as laid out and for the layout it replaced (topics on a circle, each
  topic's papers in a grid around its place, `circle_layout` below), on the same papers in the
  same run;
- **stability**: the collection without every 10th paper is built first, with a state file; then
  the whole collection with that state. How far the papers known to the first build moved (mean
  and largest, in grid cells), and the neighbour agreement of the papers added.

Results go to benchmarks/MAP.md and benchmarks/map.json.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import silhouette_score

from benchmarks.workload import ROOT
from generator.enrich.layout import CELL, _free_cell
from generator.enrich.text import text_features
from generator.evaluation import SETS, catalog_of
from generator.model import Paper

HERE = Path(__file__).resolve().parent
FIXTURES = ROOT.parent / "shared" / "fixtures"
SEED = ROOT / "data" / "trending-papers.txt"
NEAREST = 5
ALIKE = 20


def agreement(positions: np.ndarray, vectors: np.ndarray, rows: np.ndarray | None = None) -> float:
    """Return the mean share of each paper's NEAREST map neighbours among its ALIKE most alike papers."""
    rows = np.arange(len(positions)) if rows is None else rows
    shares = []
    for i in rows:
        distance = ((positions - positions[i]) ** 2).sum(axis=1)
        distance[i] = np.inf
        likeness = vectors @ vectors[i]
        likeness[i] = -np.inf
        near = set(np.argsort(distance, kind="stable")[:NEAREST].tolist())
        alike = set(np.argsort(-likeness, kind="stable")[:ALIKE].tolist())
        shares.append(len(near & alike) / NEAREST)
    return float(np.mean(shares))


def silhouette(positions: np.ndarray, topics: list[str]) -> float:
    """Return how much each topic is a region of its own on the map: the silhouette of the main topics."""
    return float(silhouette_score(positions, topics)) if 1 < len(set(topics)) < len(topics) else 0.0


def circle_layout(papers: list[Paper], lsa: np.ndarray) -> np.ndarray:
    """Return the layout the map had before (to 2026-12-02): topics on a circle in the order of their
    angle in the LSA's leading plane, each topic's papers around its place, each on a free cell."""
    centred = lsa - lsa.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    plane = centred @ axes[:2].T
    topics = sorted({p.topics[0] for p in papers})
    members = {t: [i for i, p in enumerate(papers) if p.topics[0] == t] for t in topics}
    centres = {t: plane[members[t]].mean(axis=0) for t in topics}
    order = sorted(topics, key=lambda t: (math.atan2(centres[t][1], centres[t][0]), t))
    sizes = {t: math.sqrt(len(members[t])) * 12.0 for t in topics}
    radius = max(sum(2 * s for s in sizes.values()) / (2 * math.pi), max(sizes.values()))
    result = np.zeros((len(papers), 2))
    taken: set[tuple[int, int]] = set()
    for number, topic in enumerate(order):
        angle = 2 * math.pi * number / len(order)
        anchor = np.array([math.cos(angle), math.sin(angle)]) * radius if len(order) > 1 else np.zeros(2)
        offsets = plane[members[topic]] - centres[topic]
        scale = np.abs(offsets).max() or 1.0
        for index, offset in zip(members[topic], offsets, strict=True):
            result[index] = _free_cell(anchor + offset / scale * sizes[topic], taken)
    return result


def measure(name: str, files: list[Path], work: Path) -> dict[str, Any]:
    papers = catalog_of(files, work)
    features = text_features(papers)
    vectors = np.asarray(features.meaning)
    positions = np.array([p.position for p in papers])
    circle = circle_layout(papers, features.lsa)
    topics = [p.topics[0] for p in papers]
    result: dict[str, Any] = {
        "set": name,
        "papers": len(papers),
        "agreement": agreement(positions, vectors),
        "agreement_circle": agreement(circle, vectors),
        "silhouette": silhouette(positions, topics),
        "silhouette_circle": silhouette(circle, topics),
    }
    # Stability: every 10th paper left out of the first build, then added.
    listing = work / "listing.jsonl"
    rows = [
        {"title": p.record.title, "abstract": p.record.abstract, "url": f"https://example.org/{p.slug}"} for p in papers
    ]
    first = [r for i, r in enumerate(rows) if i % 10 != 5]
    state = work / "state.json"
    listing.write_text("".join(json.dumps(r) + "\n" for r in first), encoding="utf-8")
    before = {p.record.title: p.position for p in catalog_of([listing], work / "a", state)}
    listing.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    after = catalog_of([listing], work / "b", state)
    moved = [math.dist(before[p.record.title], p.position) / CELL for p in after if p.record.title in before]
    added = np.array([i for i, p in enumerate(after) if p.record.title not in before])
    after_vectors = np.asarray(text_features(after).meaning)
    result.update(
        moved_mean=float(np.mean(moved)),
        moved_max=float(np.max(moved)),
        moved_share=float(np.mean([m > 0 for m in moved])),
        added=len(added),
        agreement_added=agreement(np.array([p.position for p in after]), after_vectors, added),
    )
    return result


def collections() -> list[tuple[str, list[Path]]]:
    fixtures = sorted(f for f in FIXTURES.rglob("*") if f.is_file() and f.suffix != ".md")
    return [
        ("seed", [SEED]),
        ("seed + fixtures", [SEED, *fixtures]),
        *[(s.name, [FIXTURES / s.path]) for s in SETS],
    ]


def report(results: list[dict[str, Any]]) -> str:
    lines = [
        "# Map benchmark results",
        "",
        "Written by `python -m benchmarks.map_layout`; see `benchmarks/map_layout.py` for the method.",
        "",
        f"Neighbour agreement: the share of each paper's {NEAREST} nearest papers on the map that are among its",
        f"{ALIKE} most alike papers. Stability: the collection without every 10th paper built first, then all of it.",
        "",
        "| collection | papers | agreement: t-SNE map | agreement: topic circle (before) | topic silhouette "
        "| known papers moved | mean move (cells) | largest move (cells) | added | agreement of added |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['set']} | {r['papers']} | {r['agreement']:.3f} | {r['agreement_circle']:.3f} | "
            f"{r['silhouette']:.2f} / {r['silhouette_circle']:.2f} | {r['moved_share']:.0%} | {r['moved_mean']:.2f} | "
            f"{r['moved_max']:.1f} | {r['added']} | {r['agreement_added']:.3f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=HERE, help="folder for MAP.md and map.json")
    args = parser.parse_args(argv)
    results = []
    for name, files in collections():
        work = Path(tempfile.mkdtemp())
        try:
            results.append(measure(name, files, work))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(json.dumps(results[-1]), flush=True)
    (args.output / "map.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.output / "MAP.md").write_text(report(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
