"""Entity benchmark: precision and recall of models, datasets, results and links on hand labels.

Run with `make quality` (or `python -m benchmarks.entities`). The labels and how they were made
are in `benchmarks/entity_labels.yaml`; the seed and the Hugging Face, PMLR and arXiv Atom fixtures
(../shared/fixtures) are built with the real pipeline and each labelled paper's extracted entities
are compared with its labels. Results go to benchmarks/ENTITIES.md and benchmarks/entities.json,
per labelled set (how each was made and used, and its first measure: the labels file).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from benchmarks import tagger_quality
from benchmarks.short_names import measure_short_names, short_names_report
from generator.build import build_catalog
from generator.config import Settings
from generator.enrich.entities.results import QUALIFIER_WORDS
from generator.model import DatasetName, ModelName, Paper, Result
from generator.text.names import normalise_name

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
CATEGORIES = ("models", "datasets", "results", "links")
#: The labelled sets in the order they are reported: the last labelled first.
HALVES = (
    "hf2025c-test",
    "hf2025c-dev",
    "hf2025b-test",
    "hf2025b-dev",
    "hf2025-test",
    "hf2025-dev",
    "unseen-8",
    "unseen-7",
    "unseen-6",
    "unseen-5",
    "unseen-4",
    "unseen-3",
    "unseen-2",
    "unseen",
    "fresh",
    *(f"fresh-{n}" for n in range(9, 2, -1)),
    "test",
    "holdout",
    "dev",
)
HF_DAILY = ROOT.parent / "shared" / "fixtures" / "hf_daily_papers"
PMLR = ROOT.parent / "shared" / "fixtures" / "bibtex" / "pmlr_v262_enlsp2024.bib"
ATOM = ROOT.parent / "shared" / "fixtures" / "arxiv_atom" / "arxiv_api_search_100.xml"
#: The unlabelled corpus samples of which the files in `labels/` label (see each file's header).
CORPUS = ROOT.parent / "shared" / "corpus" / "hf_daily_2025H1"
#: The labelled samples of that corpus, by set name (its halves are "<set>-dev", "<set>-test").
CORPUS_LABELS = {"hf2025": "hf2025h1.yaml", "hf2025b": "hf2025h1b.yaml", "hf2025c": "hf2025h1c.yaml"}
#: Words and signs that say how exact a number is ("up to ~70%", "up to a 31%"); a result is matched without them.
_QUALIFIER = re.compile(r"^(?:(?:%s|only|[<>~\u2248\u2264\u2265])\s*)+(?:an?\s+)?" % QUALIFIER_WORDS, re.IGNORECASE)


def result_key(value: str) -> str:
    """Return a result's value as labels and extraction are compared: no qualifier, "3 times" is "3x",
    "a 19.15-point gain" is 19.15 points."""
    bare = _QUALIFIER.sub("", value.strip().replace("\\%", "%"))
    bare = re.sub(r"(?<=\d)-points?$", " points", bare)
    return normalise_name(re.sub(r"\s*(?:times|\u00d7)$", "x", bare))


def extracted(paper: Paper) -> dict[str, set[str]]:
    return {
        "models": {normalise_name(m.name) for m in paper.models},
        "datasets": {normalise_name(d.name) for d in paper.datasets},
        "results": {result_key(r.value) for r in paper.results},
        "links": {f"{link.url} {link.kind}" for link in paper.links},
    }


#: The categories whose entities record the rule that found them.
RULED = ("models", "datasets", "results")


def extracted_rules(paper: Paper) -> dict[str, dict[str, str]]:
    """Return, per category, each extracted name (normalised, as `extracted` counts it) and the rule
    of the first entity with that name."""
    entities: dict[str, tuple[ModelName | DatasetName | Result, ...]] = {
        "models": paper.models,
        "datasets": paper.datasets,
        "results": paper.results,
    }
    found: dict[str, dict[str, str]] = {}
    for category, items in entities.items():
        rules: dict[str, str] = {}
        for item in items:
            rules.setdefault(
                result_key(item.value) if isinstance(item, Result) else normalise_name(item.name), item.rule
            )
        found[category] = rules
    return found


def labelled(entry: dict[str, Any]) -> dict[str, set[str]]:
    """Return a paper's labels by category. A result may be labelled with its kind (a mapping); one of
    kind `other` (a baseline's number, a setting) is no error to extract but need not be found."""
    return {
        "models": {normalise_name(m) for m in entry["models"]},
        "datasets": {normalise_name(d) for d in entry["datasets"]},
        "results": {result_key(_value(r)) for r in entry["results"]},
        "needed results": {result_key(_value(r)) for r in entry["results"] if _kind(r) != "other"},
        "links": {f"{link['url']} {link['kind']}" for link in entry.get("links", [])},
    }


def _value(result: str | dict[str, str]) -> str:
    return result if isinstance(result, str) else result["value"]


def _kind(result: str | dict[str, str]) -> str:
    return "" if isinstance(result, str) else result["kind"]


def kinds_matched(paper: Paper, entry: dict[str, Any]) -> tuple[int, int, list[str]]:
    """Return how many extracted results match a result labelled with a kind, how many of those have
    the labelled kind, and the ones that do not."""
    kind_of = {result_key(r["value"]): r["kind"] for r in entry["results"] if not isinstance(r, str)}
    matched = [r for r in paper.results if result_key(r.value) in kind_of]
    wrong = [
        f"{r.value}: {r.kind}, labelled {kind_of[result_key(r.value)]}"
        for r in matched
        if r.kind != kind_of[result_key(r.value)]
    ]
    return len(matched), len(matched) - len(wrong), wrong


def built(work: Path, listings: list[Path]) -> list[Paper]:
    """Return the papers of some listings as the real pipeline builds them."""
    data = work / "data"
    data.mkdir(parents=True)
    for listing in listings:
        shutil.copy(listing, data)
    catalog, _ = build_catalog(Settings(data_dir=data, state_file=work / "state.json", today="2026-01-01"))
    return catalog.papers


def labels_hf2025(file: str) -> list[dict[str, Any]]:
    """Return the hand labels of one 2025 H1 corpus sample (a file in `labels/`), in arXiv id order."""
    loaded = yaml.safe_load((HERE / "labels" / file).read_text(encoding="utf-8"))
    return sorted(loaded["papers"], key=lambda e: e["arxiv"])


def corpus_sample(work: Path, sample: list[dict[str, Any]]) -> Path:
    """Write the labelled papers of the corpus, as the daily-papers API gave them, to one listing."""
    wanted = {e["arxiv"] for e in sample}
    items: dict[str, Any] = {}
    for day in sorted(CORPUS.glob("*.json")):
        for item in json.loads(day.read_text(encoding="utf-8")):
            paper_id = str((item.get("paper") or {}).get("id", ""))
            if paper_id in wanted:
                items.setdefault(paper_id, item)
    work.mkdir(parents=True, exist_ok=True)
    path = work / "hf2025h1-sample.json"
    path.write_text(json.dumps([items[i] for i in sorted(items)]), encoding="utf-8")
    return path


def seed_papers(work: Path) -> list[Paper]:
    return built(work, [ROOT / "data" / "trending-papers.txt"])


def labelled_papers(work: Path, labels: dict[str, Any]) -> list[tuple[str, Paper, dict[str, Any]]]:
    """Return each labelled paper with its key (seed index or arXiv id) and labels.

    The seed's papers are labelled by their place in the listing; the unseen sets from arXiv ids
    (Hugging Face daily papers and arXiv Atom from ../shared/fixtures) by arXiv id, with the arXiv page
    every such paper links and, where the listing gives one, the DOI's page (metadata, not text: the
    labels are of what the abstract says); the PMLR sets by title.
    """
    seed = seed_papers(work / "seed")
    pairs = [(str(e["index"]), seed[e["index"]], e) for e in labels["papers"]]
    daily = built(work / "hf", sorted(HF_DAILY.glob("2025-10-0?.json")))
    daily += built(work / "hf-2024", [HF_DAILY / "2024-05-27_older_format.json"])
    daily += built(work / "atom", [ATOM])
    by_id = {p.record.arxiv_id: p for p in daily}
    for half in ("unseen-8", "unseen-5", "unseen-4", "unseen-3", "unseen-2", "unseen"):
        for entry in labels[half]:
            paper = by_id[entry["arxiv"]]
            listed = [{"url": f"https://arxiv.org/abs/{entry['arxiv']}", "kind": "arxiv"}]
            if paper.record.doi:
                listed.append({"url": f"https://doi.org/{paper.record.doi}", "kind": "doi"})
            pairs.append((entry["arxiv"], paper, {**entry, "half": half, "links": [*listed, *entry["links"]]}))
    for name, file in CORPUS_LABELS.items():
        sample = labels_hf2025(file)
        recent = {p.record.arxiv_id: p for p in built(work / name, [corpus_sample(work / f"{name}-listing", sample)])}
        for entry in sample:
            pairs.append((entry["arxiv"], recent[entry["arxiv"]], {**entry, "half": f"{name}-{entry['half']}"}))
    proceedings = built(work / "pmlr", [PMLR])
    by_title = {normalise_name(p.title): p for p in proceedings}
    for half in ("unseen-7", "unseen-6"):
        for entry in labels[half]:
            pairs.append((entry["title"][:40], by_title[normalise_name(entry["title"])], {**entry, "half": half}))
    return pairs


def measure(pairs: list[tuple[str, Paper, dict[str, Any]]]) -> dict[str, Any]:
    counts: dict[str, dict[str, dict[str, int]]] = {}
    misses: dict[str, list[str]] = {"false": [], "missed": [], "kinds": []}
    kinds: dict[str, dict[str, int]] = {}
    by_rule: dict[str, dict[str, dict[str, int]]] = {c: {} for c in RULED}
    for key, paper, entry in pairs:
        got, want = extracted(paper), labelled(entry)
        for category, rules in extracted_rules(paper).items():
            for name, rule in rules.items():
                counts_of_rule = by_rule[category].setdefault(rule, {"tp": 0, "fp": 0})
                counts_of_rule["tp" if name in want[category] else "fp"] += 1
        half = counts.setdefault(entry["half"], {c: {"tp": 0, "fp": 0, "fn": 0} for c in CATEGORIES})
        for category in CATEGORIES:
            if category == "links" and "links" not in entry:
                continue  # a set labelled without its links
            needed = want["needed results"] if category == "results" else want[category]
            half[category]["tp"] += len(got[category] & want[category])
            half[category]["fp"] += len(got[category] - want[category])
            half[category]["fn"] += len(needed - got[category])
            misses["false"] += [f"{key} {category}: {x}" for x in sorted(got[category] - want[category])]
            misses["missed"] += [f"{key} {category}: {x}" for x in sorted(needed - got[category])]
        matched, right, wrong = kinds_matched(paper, entry)
        if matched:
            tally = kinds.setdefault(entry["half"], {"matched": 0, "right": 0})
            tally["matched"] += matched
            tally["right"] += right
            misses["kinds"] += [f"{key}: {w}" for w in wrong]
    scores = {
        half: {
            category: {
                **c,
                "precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0,
                "recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0,
            }
            for category, c in by_category.items()
        }
        for half, by_category in counts.items()
    }
    per_rule: dict[str, dict[str, dict[str, float]]] = {
        category: {rule: {**c, "precision": c["tp"] / (c["tp"] + c["fp"])} for rule, c in sorted(by_category.items())}
        for category, by_category in by_rule.items()
    }
    return {
        "scores": scores,
        "rules": per_rule,
        "result kinds": kinds,
        "short names": measure_short_names(pairs),
        **misses,
    }


def report(result: dict[str, Any]) -> str:
    lines = [
        "# Entity extraction: precision and recall on hand labels",
        "",
        "Written by `make quality` (`python -m benchmarks.entities`); labels and how they were made:",
        "`benchmarks/entity_labels.yaml`. *unseen* to *unseen-5* are Hugging Face daily papers,",
        "*unseen-6* and *unseen-7* PMLR papers, *unseen-8* arXiv Atom papers from `../shared/fixtures/`,",
        "*fresh* to *dev* seed papers. Every set was labelled before the extractor ran on it; most were",
        "then used to improve it (not *unseen-8*; *fresh* only had its texts read while labelling):",
        "these are today's numbers, and each set's first measure, the honest one for papers nobody tuned",
        "for, is kept in the labels file and in `benchmarks/README.md` (pooled over the eight unseen",
        "sets' first measures: models P 0.91 R 0.71, datasets P 0.90 R 0.69, results P 0.97).",
        "*hf2025-dev* and *hf2025-test* are a sample of the 2025 H1 daily-papers corpus labelled with",
        "result kinds (`benchmarks/labels/hf2025h1.yaml`): the result-kind rules were written from the",
        "dev half; the test half was never read while writing them. *hf2025b-dev* and *hf2025b-test* are",
        "a second, disjoint sample of it (`benchmarks/labels/hf2025h1b.yaml`), labelled the same way;",
        "*hf2025c-dev* and *hf2025c-test* a third (`benchmarks/labels/hf2025h1c.yaml`), from its last 35 days.",
        "",
        "| half | category | precision | recall | true | false | missed |",
        "|---|---|---|---|---|---|---|",
    ]
    for half in HALVES:
        for category, s in result["scores"][half].items():
            if category == "links" and half.startswith("hf2025"):
                continue  # labelled without links
            counts = f"{s['tp']} | {s['fp']} | {s['fn']}"
            lines.append(f"| {half} | {category} | {s['precision']:.2f} | {s['recall']:.2f} | {counts} |")
    lines += [
        "",
        "## Precision per rule",
        "",
        "Every extracted entity records the rule that found it (its `rule` in `papers.json`); pooled over",
        "all the labelled sets above, each rule's entities that are labelled (true) or not (false).",
        "",
        "| category | rule | precision | true | false |",
        "|---|---|---|---|---|",
    ]
    for category, rules in result["rules"].items():
        for rule, s in sorted(rules.items(), key=lambda item: (-(item[1]["tp"] + item[1]["fp"]), item[0])):
            lines.append(f"| {category} | {rule} | {s['precision']:.2f} | {s['tp']} | {s['fp']} |")
    lines += [
        "",
        "## Result kinds",
        "",
        "Each result is a `score`, `gain`, `reduction`, `speedup` or `other` (`kind` in `papers.json`).",
        "Where the labels give a kind (the *hf2025* sets), the share of matched results whose kind is the",
        "labelled one. A result labelled `other` (a baseline's number, a setting) is no error to extract",
        "but is not needed: recall above counts only the others.",
        "",
        "| half | matched results | kind right | share |",
        "|---|---|---|---|",
    ]
    for half, tally in result["result kinds"].items():
        share = tally["right"] / tally["matched"]
        lines.append(f"| {half} | {tally['matched']} | {tally['right']} | {share:.2f} |")
    lines += ["", "Kinds not as labelled:", ""]
    lines += [f"- {x}" for x in result["kinds"]] or ["- none"]
    lines += ["", *short_names_report(result["short names"])]
    lines += ["## False (extracted, not labelled)", ""]
    lines += [f"- {x}" for x in result["false"]] or ["- none"]
    lines += ["", "## Missed (labelled, not extracted)", ""]
    lines += [f"- {x}" for x in result["missed"]] or ["- none"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=HERE, help="folder for ENTITIES.md and entities.json")
    args = parser.parse_args(argv)
    labels = yaml.safe_load((HERE / "entity_labels.yaml").read_text(encoding="utf-8"))
    pairs = {}
    with tempfile.TemporaryDirectory() as work:
        for setting in tagger_quality.SETTINGS:  # the tagger off and on; the report is of its default
            with tagger_quality.tagger(setting):
                pairs[setting] = labelled_papers(Path(work) / setting, labels)
    result = measure(pairs[tagger_quality.default_setting()])
    result["tagger"] = tagger_quality.compare(pairs, measure)
    text = report(result) + "\n".join(tagger_quality.report(result["tagger"], HALVES)) + "\n"
    (args.output / "entities.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (args.output / "ENTITIES.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
