"""Tiny collections: one to five papers, with and without abstracts, build the whole site; so does
an empty one when it is asked for."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from generator.build import EmptyCollectionError, build
from generator.config import Settings
from generator.enrich.taxonomy import Taxonomy
from generator.enrich.text import TextFeatures
from generator.enrich.topics import find_topics
from generator.model import KnownTopics, Paper, Record, Source
from generator.workspace import copy_hand_written_docs, site_config
from tests.sitebuild import ROOT, build_site, generate

SENTENCE = "We study how small models learn from large ones, and why that works."


def listing(*papers: tuple[str, str]) -> str:
    """Return a YAML listing of (title, abstract) pairs; an empty abstract is left out."""
    lines = []
    for title, abstract in papers:
        lines.append(f"- title: {title!r}\n" + (f"  abstract: {abstract!r}\n" if abstract else ""))
    return "".join(lines)


TINY = {
    "one_paper_no_abstract": listing(("AlphaNet: One", "")),
    "one_paper_with_abstract": listing(("AlphaNet: One", SENTENCE)),
    "two_papers_no_abstract": listing(("AlphaNet: One", ""), ("BetaNet: Two", "")),
    "three_papers_no_abstract": listing(("AlphaNet: One", ""), ("BetaNet: Two", ""), ("GammaNet: Three", "")),
    "three_papers_one_abstract": listing(("AlphaNet: One", SENTENCE), ("BetaNet: Two", ""), ("GammaNet: Three", "")),
    "three_identical_abstracts": listing(*[(f"Net{i}: Paper {i}", SENTENCE) for i in range(3)]),
    "four_one_word_abstracts": listing(*[(f"Q{i}", f"Word{i}") for i in range(4)]),
    "five_same_one_word_abstract": listing(*[(f"Q{i}", "Hello") for i in range(5)]),
    "five_titles_of_stop_words_and_digits": listing(*[(f"The {i}{i}{i}", "") for i in range(1, 6)]),
    "five_identical_abstracts_no_shared_title_word": listing(*[(f"Z{i}", SENTENCE) for i in range(5)]),
}


def data_folder(tmp_path: Path, text: str) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (data / "papers.yaml").write_text(text, encoding="utf-8")
    return data


# Identical papers are one cluster, not k-means asked for more clusters than distinct points.
@pytest.mark.filterwarnings("error::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("case", sorted(TINY))
def test_a_tiny_collection_gets_a_page_a_topic_and_a_place_for_every_paper(tmp_path: Path, case: str) -> None:
    result = generate(data_folder(tmp_path, TINY[case]), tmp_path / "docs")
    papers = result.catalog.papers
    assert 1 <= len(papers) <= 5 and not result.catalog.errors
    for paper in papers:
        assert paper.topics, paper.slug
        assert (tmp_path / "docs" / "papers" / f"{paper.slug}.md").exists()
        assert len({p.position for p in papers}) == len(papers)
    assert {t.slug for t in result.catalog.topics} == {t for p in papers for t in p.topics}


def test_topics_of_papers_that_share_no_term_are_one_topic() -> None:
    papers = [
        Paper(record=Record(title=t, abstract="", source=Source("x")), title=t, slug=t.lower()) for t in ("A", "B", "C")
    ]
    features = TextFeatures(
        tfidf=sparse.csr_matrix((3, 0), dtype=np.float32), lsa=np.zeros((3, 0), dtype=np.float32), terms=[]
    )
    found = find_topics(papers, features, KnownTopics(), Taxonomy())
    assert len(found.topics) == 1 and all(found.of[p.slug] == (found.topics[0].slug,) for p in papers)


@pytest.mark.e2e
@pytest.mark.parametrize("case", ["one_paper_no_abstract", "three_papers_no_abstract"])
def test_a_tiny_collection_builds_with_mkdocs_strict(tmp_path: Path, case: str) -> None:
    result, site = build_site(data_folder(tmp_path, TINY[case]), tmp_path)
    for paper in result.catalog.papers:
        assert (site / "papers" / paper.slug / "index.html").exists()
    assert (site / "index.html").exists()


@pytest.mark.e2e
def test_an_empty_collection_when_allowed_builds_with_mkdocs_strict(tmp_path: Path) -> None:
    data, docs = tmp_path / "data", tmp_path / "docs_src"
    data.mkdir()
    copy_hand_written_docs(docs)
    (data / "papers.yaml").write_text(TINY["one_paper_no_abstract"], encoding="utf-8")
    settings = Settings(
        data_dir=data, docs_dir=docs, templates_dir=ROOT / "site_templates", state_file=tmp_path / "state.json"
    )
    build(replace(settings, today="2026-01-01"))
    (data / "papers.yaml").unlink()
    with pytest.raises(EmptyCollectionError):
        build(settings)
    result = build(replace(settings, today="2026-01-02", allow_empty=True))
    assert not result.catalog.papers and [r.slug for r in result.catalog.retired] == ["alphanet"]
    config = site_config(tmp_path, docs, tmp_path / "site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "no longer in the collection" in (tmp_path / "site" / "papers" / "alphanet" / "index.html").read_text()
