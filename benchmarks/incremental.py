"""Would an incremental catalog agree with a cold one? Topics and related papers on frozen vectors.

Run with `python -m benchmarks.incremental --data DIR --new 3`: the data folder without its last
NEW files (by sorted name) is built first, with a fresh state file; then the whole folder is
built twice from that state, once as the generator does it (cold: vocabulary, idf weights and
LSA basis fitted on every paper) and once on frozen vectors (fitted on the papers the state
knows, the new papers projected into them), as an incremental catalog would reuse them. It
prints how often the two agree on each paper's topics and related papers, for the known papers
and the new ones apart, and how many known papers have a new paper among their candidates
(where a new paper could enter their related list). It writes nothing outside a temporary folder.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from generator import build as pipeline
from generator.config import Settings
from generator.enrich import text as text_module
from generator.enrich.related import CANDIDATES
from generator.identify.state_file import read_state
from generator.model import Catalog, Paper


def frozen_features(known: set[str], reach: dict[str, int]) -> Callable[..., text_module.TextFeatures]:
    """Return a `text_features` that fits on the `known` papers and projects the others."""

    def features(papers: list[Paper], *_: object) -> text_module.TextFeatures:
        texts = [text_module.paper_text(p) for p in papers]
        old = [i for i, p in enumerate(papers) if p.slug in known]
        new = [i for i, p in enumerate(papers) if p.slug not in known]
        analyzer = text_module._Analyzer()
        vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=2).fit([texts[i] for i in old])
        tfidf = vectorizer.transform(texts).astype(np.float32).tocsr()
        terms = [analyzer.spelling(t) for t in vectorizer.get_feature_names_out()]
        dimensions = min(text_module.MAX_DIMENSIONS, len(old) // 4, tfidf.shape[1] - 1)
        svd = TruncatedSVD(dimensions, algorithm="arpack", random_state=0).fit(tfidf[old])
        lsa = np.asarray(normalize(svd.transform(tfidf)), dtype=np.float32)
        likeness = lsa[old] @ lsa.T
        likeness[np.arange(len(old)), old] = -np.inf
        last_candidate = -np.partition(-likeness, CANDIDATES - 1, axis=1)[:, CANDIDATES - 1]
        reach["known papers a new one can reach"] = int((likeness[:, new].max(axis=1) >= last_candidate).sum())
        return text_module.TextFeatures(tfidf=tfidf, lsa=lsa, terms=terms)

    return features


def agreement(group: list[Paper], cold: dict[str, Paper]) -> str:
    """Say how often a group of papers has the topics and related papers the cold build gave it."""

    def related(paper: Paper) -> list[str]:
        return [r.slug for r in paper.related]

    count = len(group)
    primary = sum(p.topics[:1] == cold[p.slug].topics[:1] for p in group)
    topics = sum(p.topics == cold[p.slug].topics for p in group)
    lists = sum(related(p) == related(cold[p.slug]) for p in group)
    overlap = statistics.mean(len(set(related(p)) & set(related(cold[p.slug]))) / 5 for p in group) if group else 0
    return (
        f"{count} papers: main topic the same {primary}/{count}, all topics {topics}/{count}, "
        f"related list the same {lists}/{count}, related papers in common {overlap:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of listings (read only)")
    parser.add_argument("--new", type=int, default=3, help="the last NEW files by name are the new papers")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        files = sorted(p for p in args.data.iterdir() if p.is_file() and not p.name.startswith("."))
        (work / "before").mkdir()
        for file in files[: -args.new]:
            shutil.copy(file, work / "before")
        state = work / "atlas-state.json"
        pipeline.build(Settings(data_dir=work / "before", docs_dir=work / "docs", state_file=state, today="2026-05-01"))
        known = {e.slug for e in read_state(state).entries if not e.removed and not e.merged_into}
        settings = Settings(data_dir=args.data, docs_dir=work / "docs", state_file=state, today="2026-05-02", cold=True)
        cold, _ = pipeline.build_catalog(settings)
        reach: dict[str, int] = {}
        with mock.patch.object(pipeline, "text_features", frozen_features(known, reach)):
            frozen, _ = pipeline.build_catalog(settings)
    report(cold, frozen, known, reach)
    return 0


def report(cold: Catalog, frozen: Catalog, known: set[str], reach: dict[str, int]) -> None:
    """Print how the catalog on frozen vectors agrees with the cold one."""
    by_slug = {p.slug: p for p in cold.papers}
    print("known", agreement([p for p in frozen.papers if p.slug in known], by_slug))
    print("new  ", agreement([p for p in frozen.papers if p.slug not in known], by_slug))
    labels = {t.slug: t.label for t in cold.topics}
    same = sum(labels.get(t.slug) == t.label for t in frozen.topics)
    print(f"topics: {len(labels)} cold, {len(frozen.topics)} frozen, {same} with the same slug and label")
    reached = reach["known papers a new one can reach"]
    print(f"{reached} of {len(known)} known papers have a new one among their {CANDIDATES} candidates")


if __name__ == "__main__":
    raise SystemExit(main())
