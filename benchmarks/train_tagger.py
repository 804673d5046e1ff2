"""Train the entity tagger by distant supervision (`make train-tagger`).

The rule extractor (the tagger switched off) labels the 2025 H1 daily-papers corpus and the
fixtures' abstracts; the tagger learns the contexts its names stand in. Every labelled paper is
left out: the hand-labelled sample of the corpus (`labels/hf2025h1.yaml`, every 20th paper from
index 7) and the next sample drawn the same way (from index 17), and every paper of
`entity_labels.yaml`. Writes `generator/tagger/entities.crfsuite` and `generator/tagger/README.md`
(what it was trained on). The same inputs give the same model file.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from benchmarks.entities import ATOM, CORPUS, HERE, HF_DAILY, PMLR, ROOT, built
from generator.enrich.entities.tagger import MODEL_FILE
from generator.enrich.entities.tagger_training import PARAMETERS, distant_labels, train
from generator.model import Paper
from generator.text.latex import clean_latex
from generator.text.names import normalise_name

FIXTURES = ROOT.parent / "shared" / "fixtures"
#: The corpus's source (see ../shared/corpus/README.md).
CORPUS_SOURCE = "repository 2404589803/hf-daily-paper-newsletter-chinese, folder Paper_metadata_download/"
CORPUS_COMMIT = "7cffe8b89a260c24d18f5c4674d4d2ff2aa09c1d"
#: The samples of the corpus drawn for labelling: sorted by arXiv id, index i with i % 20 in these.
LABELLED_SAMPLES = (7, 17)


def labelled_keys() -> tuple[set[str], set[str]]:
    """Return the arXiv ids and normalised titles of every hand-labelled paper."""
    ids: set[str] = set()
    titles: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "arxiv" in node:
                ids.add(str(node["arxiv"]))
            if isinstance(node.get("title"), str):
                titles.add(normalise_name(node["title"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in (HERE / "entity_labels.yaml", HERE / "labels" / "hf2025h1.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return ids, titles


def corpus_items(excluded: set[str]) -> tuple[list[Any], int]:
    """Return the corpus's papers, once each in arXiv id order, without the labelled samples and
    the excluded ids; and how many were left out (labelled, or unreadable)."""
    items: dict[str, Any] = {}
    for day in sorted(CORPUS.glob("*.json")):
        for item in json.loads(day.read_text(encoding="utf-8")):
            paper_id = str((item.get("paper") or {}).get("id", ""))
            if paper_id:
                items.setdefault(paper_id, item)
    ordered = sorted(items)
    kept = [
        items[paper_id]
        for i, paper_id in enumerate(ordered)
        if i % 20 not in LABELLED_SAMPLES and paper_id not in excluded and _cleans(items[paper_id])
    ]
    return kept, len(ordered) - len(kept)


def _cleans(item: Any) -> bool:
    """Return whether the pipeline's LaTeX cleaning reads a paper's text (one abstract of the corpus,
    2505.14464, has an unclosed \\href that makes pylatexenc raise, and the build with it)."""
    try:
        clean_latex(str(item["paper"].get("title", "")) + " " + str(item["paper"].get("summary", "")))
    except IndexError:
        return False
    return True


def fixture_listings() -> list[Path]:
    """Return the fixtures' listings whose abstracts the tagger trains on."""
    return [
        *sorted(HF_DAILY.glob("*.json")),
        ATOM,
        FIXTURES / "arxiv_atom" / "arxiv_api_2016_format.xml",
        FIXTURES / "arxiv_kaggle" / "kaggle_oai_snapshot_head200.jsonl",
        PMLR,
    ]


def training_papers(work: Path) -> tuple[dict[str, list[Paper]], dict[str, int]]:
    """Return the papers to train on by source, as the pipeline (tagger off) extracts them, and how
    many labelled papers each source left out."""
    ids, titles = labelled_keys()
    items, left_out = corpus_items(ids)
    listing = work / "corpus" / "hf2025h1-training.json"
    listing.parent.mkdir(parents=True)
    listing.write_text(json.dumps(items), encoding="utf-8")
    corpus = built(work / "built-corpus", [listing])
    fixtures = built(work / "built-fixtures", fixture_listings())
    kept = [
        p for p in fixtures if p.record.arxiv_id not in ids and normalise_name(p.title) not in titles and p.abstract
    ]
    return {"corpus": corpus, "fixtures": kept}, {"corpus": left_out, "fixtures": len(fixtures) - len(kept)}


def describe(papers: dict[str, list[Paper]], left_out: dict[str, int], size: int) -> str:
    """Return the description of the training data written beside the model."""
    rows = []
    for source, group in papers.items():
        models = sum(len(p.models) for p in group)
        datasets = sum(len(p.datasets) for p in group)
        rows.append(f"| {source} | {len(group)} | {left_out[source]} | {models} | {datasets} |")
    parameters = ", ".join(f"{k}={v}" for k, v in PARAMETERS.items())
    return "\n".join(
        [
            "# The entity tagger's model",
            "",
            "Written by `make train-tagger` (`benchmarks/train_tagger.py`); do not edit. `entities.crfsuite` is a",
            "python-crfsuite CRF tagging MODEL and DATASET names (BIO), trained by distant supervision: the",
            "rule extractor, with the tagger off, labelled the papers below, and every place a text spells a",
            "name it extracted is that name. A sentence with a word that looks like a name but was not",
            "extracted is left out (it may be a name the rules missed).",
            "",
            "| source | papers trained on | labelled papers left out | models extracted | datasets extracted |",
            "|---|---|---|---|---|",
            *rows,
            "",
            f"- corpus: `../shared/corpus/hf_daily_2025H1/`, from {CORPUS_SOURCE} at commit {CORPUS_COMMIT};",
            "  left out: the papers at indices i % 20 == 7 and 17 in arXiv id order (hand-labelled samples),",
            "  and any paper of `benchmarks/labels/` or `benchmarks/entity_labels.yaml`.",
            "- fixtures: `../shared/fixtures/` (Hugging Face daily papers, arXiv Atom, the Kaggle arXiv",
            "  snapshot's head, PMLR BibTeX); left out: every paper `benchmarks/entity_labels.yaml` labels.",
            f"- training: L-BFGS, {parameters}; model file {size:,} bytes.",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=MODEL_FILE, help="where to write the model file")
    args = parser.parse_args(argv)
    os.environ["ATLAS_TAGGER"] = "off"  # the rules alone label the training data
    with tempfile.TemporaryDirectory() as work:
        papers, left_out = training_papers(Path(work))
    sequences = [s for group in papers.values() for p in group for s in distant_labels(p)]
    train(sequences, args.model, PARAMETERS)
    size = args.model.stat().st_size
    (args.model.parent / "README.md").write_text(describe(papers, left_out, size), encoding="utf-8")
    print(f"{sum(len(g) for g in papers.values())} papers, model {size:,} bytes: {args.model}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
