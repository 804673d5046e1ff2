from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse
from sklearn.preprocessing import normalize

from generator.build import enrich_paper
from generator.enrich.reasons import Sayable, reasons, salient, sayable, sayable_term, shared_terms
from generator.enrich.related import _expanded, _queries, _scores, _stay_put
from generator.enrich.text import SEMANTIC_WEIGHT, TextFeatures, paper_text, text_features
from generator.evaluation import SETS, LabelledSet, catalog_of, precision_at_5, tfidf_baseline, top5
from generator.identify.papers import identify
from generator.model import ModelName, Record, Source
from tests.enrich.test_topics import catalog, three_fields


def test_each_paper_gets_five_others_with_reasons_the_same_every_time(tmp_path: Path) -> None:
    first, _ = catalog(three_fields(tmp_path))
    (tmp_path / "again").mkdir()
    again, _ = catalog(three_fields(tmp_path / "again"))
    assert [p.related for p in first.papers] == [p.related for p in again.papers]
    for paper in first.papers:
        slugs = [r.slug for r in paper.related]
        assert len(slugs) == 5 and len(set(slugs)) == 5 and paper.slug not in slugs
        assert all(r.reasons for r in paper.related)
        field = paper.title.split()[0]
        titles = {p.slug: p.title for p in first.papers}
        assert sum(titles[s].startswith(field) for s in slugs) >= 4, f"{paper.title}: {slugs}"


def test_reasons_name_the_shared_topic_and_terms_but_no_boilerplate(tmp_path: Path) -> None:
    built, _ = catalog(three_fields(tmp_path))
    labels = {t.slug: t.label for t in built.topics}
    paper = built.papers[0]
    reasons = paper.related[0].reasons
    assert f"same topic: {labels[paper.topics[0]]}" in reasons
    terms = next(r for r in reasons if r.startswith("shared terms: ")).removeprefix("shared terms: ").split(", ")
    assert 1 <= len(terms) <= 3 and not {"study", "results", "work"} & set(terms)


def test_a_mention_makes_a_paper_related_and_says_so(tmp_path: Path) -> None:
    data = three_fields(tmp_path)
    (data / "mentions.jsonl").write_text(
        json.dumps({"title": "GalaxyNet: Counting Galaxies", "abstract": "We count galaxies with a telescope."})
        + "\n"
        + json.dumps({"title": "Protein Folding Revisited", "abstract": "Unlike GalaxyNet, we fold amino acid chains."})
        + "\n"
    )
    built, _ = catalog(data)
    by_slug = {p.slug: p for p in built.papers}
    folding = by_slug["protein-folding-revisited"]
    assert any(r.slug == "galaxynet" and "mentions GalaxyNet" in r.reasons for r in folding.related)
    assert any(
        r.slug == folding.slug and "mentioned by Protein Folding Revisited" in r.reasons
        for r in by_slug["galaxynet"].related
    )


@pytest.mark.usefixtures("shared_fixtures")
@pytest.mark.parametrize("labelled", SETS, ids=[s.name for s in SETS])
def test_related_papers_share_labels_at_least_as_often_as_plain_tfidf(labelled: LabelledSet, tmp_path: Path) -> None:
    """A regression guard; the target (tf-idf + 0.02) and its numbers are in benchmarks/QUALITY.md."""
    from generator.evaluation import FIXTURES

    papers = catalog_of([FIXTURES / labelled.path], tmp_path)
    labels = [labelled.label(p.record) for p in papers]
    index = {p.slug: i for i, p in enumerate(papers)}
    ours = precision_at_5([[index[r.slug] for r in p.related] for p in papers], labels)
    baseline = precision_at_5(top5(tfidf_baseline([paper_text(p) for p in papers])), labels)
    assert ours >= baseline


@pytest.mark.parametrize(
    ("ranked", "scores", "before", "expected"),
    [
        ([1, 2, 3, 4, 5, 6], {1: 0.9, 2: 0.8, 3: 0.7, 4: 0.6, 5: 0.5, 6: 0.49}, [], [1, 2, 3, 4, 5]),
        # Last time's five stay, in their order, while within the margin of the fifth best.
        ([1, 2, 3, 4, 5, 6], {1: 0.9, 2: 0.8, 3: 0.7, 4: 0.6, 5: 0.5, 6: 0.49}, [6, 5, 4, 3, 2], [6, 5, 4, 3, 2]),
        # One fell far behind: the best newcomer takes its place.
        ([1, 2, 3, 4, 5, 7], {1: 0.9, 2: 0.8, 3: 0.7, 4: 0.6, 5: 0.5, 7: 0.1}, [7, 2, 3, 4, 5], [2, 3, 4, 5, 1]),
        # One is gone from the data.
        ([1, 2, 3, 4, 5], {1: 0.9, 2: 0.8, 3: 0.7, 4: 0.6, 5: 0.5}, [2, 3], [2, 3, 1, 4, 5]),
    ],
)
def test_related_papers_stay_put_unless_clearly_beaten(
    ranked: list[int], scores: dict[int, float], before: list[int], expected: list[int]
) -> None:
    assert _stay_put(ranked, scores, before) == expected


def test_each_query_is_the_paper_plus_the_mean_of_its_three_likeliest_candidates() -> None:
    # Five papers along one axis of two: paper 0's likeliest candidates are 1, 2 and 3 (not 4).
    lsa = normalize(np.array([[1, 0], [0.9, 0.1], [0.8, 0.2], [0.7, 0.3], [0, 1]], dtype=np.float32))
    features = TextFeatures(tfidf=sparse.csr_matrix(lsa), lsa=lsa, terms=["a", "b"])
    candidates = np.array([[4, 3, 2, 1]])
    queries = _expanded(features, np.array([0]), candidates)
    expected = lsa[0] + lsa[[1, 2, 3]].mean(axis=0)
    assert np.allclose(queries.lsa[0], expected, atol=1e-6)
    assert np.allclose(queries.tfidf.toarray()[0], expected, atol=1e-6)
    # Its score for a candidate is its own likeness plus the neighbours' mean likeness to it.
    own = 0.5 * lsa @ lsa[4] + 0.5 * lsa @ lsa[4]
    assert _scores(queries, features, np.array([[4]]))[0, 0] == pytest.approx(own[0] + own[[1, 2, 3]].mean(), abs=1e-6)


def test_semantic_mode_picks_candidates_and_scores_them_by_the_same_mix_of_cosines() -> None:
    # Paper 1 shares paper 0's wording, paper 2 its meaning: the embedding share decides between them.
    lsa = np.array([[1, 0], [1, 0], [0, 1]], dtype=np.float32)
    embedding = np.array([[1, 0], [0, 1], [1, 0]], dtype=np.float32)
    features = TextFeatures(tfidf=sparse.csr_matrix(lsa), lsa=lsa, terms=["a", "b"], embedding=embedding)
    meaning = features.meaning
    assert meaning[0] @ meaning[1] == pytest.approx(1 - SEMANTIC_WEIGHT)
    assert meaning[0] @ meaning[2] == pytest.approx(SEMANTIC_WEIGHT)
    assert np.allclose(np.linalg.norm(meaning, axis=1), 1)
    scores = _scores(_queries(features, np.array([0])), features, np.array([[1, 2]]))[0]
    assert scores == pytest.approx([1 - SEMANTIC_WEIGHT, SEMANTIC_WEIGHT])
    assert SEMANTIC_WEIGHT > 0.5  # the embeddings lead: they beat the wording on most labelled sets


@pytest.mark.parametrize(
    ("term", "text", "sayable"),
    [
        ("zero shot", "we study zero-shot transfer | and more", True),
        ("machine translation", "for machine translation of text", True),
        ("continual pre", "continual pre-training of models", False),  # a part of a compound
        ("shot", "zero-shot transfer", False),  # ... and a word only inside one
        ("prediction summaries", "of the prediction | summaries are", False),  # across a full stop
        ("mistral 7b", "we use mistral 7b here", False),  # a size
        ("llms like", "llms like gpt-4", False),  # a fragment
        ("smaller models", "smaller models learn", False),
    ],
)
def test_a_shared_term_is_a_phrase_the_paper_writes(term: str, text: str, sayable: bool) -> None:
    said = Sayable(labels={}, common=frozenset(), texts=[text], titles=[""])
    assert sayable_term(term, term.split(" "), said, 0) is sayable


@pytest.mark.parametrize(
    ("term", "title", "text", "about"),
    [
        ("pruning", "structured pruning of llms", "we prune", True),  # in the title
        ("pruning", "", "pruning helps | we study pruning", True),  # written twice
        ("leaving", "", "leaving room for | future work", False),  # once, in passing
        ("machine translation", "", "for machine translation | machine-translation data", True),
    ],
)
def test_a_paper_is_about_a_term_in_its_title_or_written_twice(term: str, title: str, text: str, about: bool) -> None:
    said = Sayable(labels={}, common=frozenset(), texts=[text], titles=[title])
    assert salient(term, said, 0) is about


def _two_papers(first: str, second: str, terms: list[str]) -> tuple[TextFeatures, Sayable]:
    """Return the features of two papers that weigh each of `terms` alike, and what may be said of them."""
    weights = np.ones((2, len(terms)), dtype=np.float32)
    tfidf = sparse.csr_matrix(normalize(weights))
    features = TextFeatures(tfidf=tfidf, lsa=np.eye(2, dtype=np.float32), terms=terms)
    return features, Sayable(labels={}, common=frozenset(), texts=[first, second], titles=["", ""])


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # A word both papers are about is a reason; one that one of them only uses in passing is not.
        ("pruning and | pruning leaving", "pruning then | pruning | leaving", ["pruning"]),
        ("pruning and | pruning leaving", "pruning once | leaving", []),
        ("pruning once | leaving", "pruning here | leaving", []),
        # A phrase is specific enough written once in each.
        ("for machine translation | leaving", "of machine translation | leaving", ["machine translation"]),
        # A frame phrase of abstracts is not: "remarkable success".
        ("remarkable success | remarkable success", "remarkable success", []),
        # Nor a term both write only as a part of longer phrases ("machine translation systems").
        ("machine translation systems | machine translation models", "machine translation quality", []),
        (
            "machine translation systems | machine translation models",
            "for machine translation | leaving",
            ["machine translation"],
        ),
        ("pruning methods | pruning heads", "pruning weights | pruning rates", []),
    ],
)
def test_shared_terms_are_what_the_papers_are_about(first: str, second: str, expected: list[str]) -> None:
    features, said = _two_papers(first, second, ["leaving", "machine translation", "pruning", "remarkable success"])
    features.document_share = np.full(4, 0.1)  # none of them is the collection's common ground
    assert shared_terms(features, [(0, 1)], said) == [expected]


def test_a_term_and_its_initials_are_said_once() -> None:
    first = "reinforcement learning | rl | rl and more | reinforcement learning"
    features, said = _two_papers(first, first, ["reinforcement learning", "rl"])
    features.document_share = np.full(2, 0.1)
    assert shared_terms(features, [(0, 1)], said) == [["reinforcement learning"]]


def test_the_collections_common_ground_is_no_shared_term() -> None:
    features, said = _two_papers("data and | data", "data then | data", ["data"])
    features.document_share = np.array([0.9])
    assert shared_terms(features, [(0, 1)], said) == [[]]


def test_a_family_most_of_the_collection_uses_is_no_reason() -> None:
    llama = ModelName("Llama-2", "Llama", "2", "")
    gpt = ModelName("GPT-4", "GPT", "4", "")
    source = Source("x.txt", 1)
    papers = [
        replace(identify(Record(title=f"Paper {i}", abstract="Text.", source=source)), slug=f"p{i}", models=models)
        for i, models in enumerate([(gpt, llama), (gpt, llama), *[(gpt,)] * 8])
    ]
    said = sayable(papers, {})
    assert "GPT" in said.common and "Llama" not in said.common
    assert reasons(papers[0], papers[1], [], said) == ("both use Llama",)


def test_a_shared_term_is_spelled_as_the_paper_writes_it_capitals_kept() -> None:
    source = Source("x.txt", 1)
    texts = [
        "We extend GaLore to sparse training. GaLore projects gradients; we compare with LoRA.",
        "GaLore saves memory. We revisit GaLore with quantised states and compare with full training.",
        *[f"Paper number {i} studies topic {i} of field {i}, far from the other two." for i in range(8)],
    ]
    papers = [
        replace(enrich_paper(identify(Record(title=f"Paper {i}", abstract=text, source=source))), slug=f"p{i}")
        for i, text in enumerate(texts)
    ]
    features = text_features(papers)
    assert "GaLore" in shared_terms(features, [(0, 1)], sayable(papers, {}))[0]
