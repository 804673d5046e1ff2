from __future__ import annotations

from dataclasses import replace

import pytest

from generator.enrich.hubs import HUB_MIN_PAPERS, dataset_hubs, hub_terms, hub_vocabularies, model_families
from generator.identify.papers import identify
from generator.model import DatasetName, ModelName, Paper, Record, Result, Source


def paper(slug: str, title: str = "", families: tuple[str, ...] = (), **fields: object) -> Paper:
    built = identify(Record(title or slug.title(), "", Source("x.txt", 1)))
    models = tuple(ModelName(f"{family}-7B", family) for family in families)
    return replace(built, slug=slug, models=models, **fields)  # type: ignore[arg-type]


def named(*names: str) -> list[Paper]:
    """Return HUB_MIN_PAPERS papers for each name, all naming it."""
    return [paper(f"{i}-{n}", families=(name,)) for i, name in enumerate(names) for n in range(HUB_MIN_PAPERS)]


@pytest.mark.parametrize(
    ("names", "slugs"),
    [
        (["Llama"], ["llama"]),
        (["GPT-4o"], ["gpt-4o"]),
        (["Qwen2.5"], ["qwen2-5"]),
        # "index" would be the index page of the taxonomy's folder.
        (["Index"], ["index-2"]),
        # Two names with one slug: the first in the order (larger, then by name) keeps it.
        (["GPT-4", "GPT 4"], ["gpt-4", "gpt-4-2"]),
        (["Mistral", "mistral"], ["mistral", "mistral-2"]),
    ],
)
def test_hub_slugs_are_unique_within_a_taxonomy(names: list[str], slugs: list[str]) -> None:
    assert [t.slug for t in hub_terms(named(*names), model_families)] == slugs


def test_terms_come_largest_first_then_by_name_and_need_enough_papers() -> None:
    papers = [
        *named("Zephyr", "Alpaca"),
        paper("extra", families=("Zephyr",)),
        paper("alone", families=("Solo",)),
    ]
    terms = hub_terms(papers, model_families)
    assert [(t.label, len(t.papers)) for t in terms] == [("Zephyr", 3), ("Alpaca", 2)]
    assert all(t.primary_count == len(t.papers) and t.description == "" for t in terms), "every member is primary"


def test_a_term_lists_each_paper_once_by_title() -> None:
    papers = [
        paper("b", "beta", families=("Llama", "Llama")),
        paper("a2", "Alpha", families=("Llama",)),
        paper("a1", "alpha", families=("Llama",)),
    ]
    (term,) = hub_terms(papers, model_families)
    assert term.papers == ("a1", "a2", "b")


def test_the_same_input_gives_the_same_terms() -> None:
    papers = named("Llama", "Gemma", "Qwen", "GPT")
    assert hub_terms(papers, model_families) == hub_terms(list(reversed(papers)), model_families)


def test_a_benchmark_lists_the_results_reported_on_its_datasets_best_first_per_metric() -> None:
    def reporting(slug: str, title: str, *results: tuple[str, str, str]) -> Paper:
        datasets = (DatasetName("AIME-2024", "AIME", "benchmark"), DatasetName("MATH", "MATH", "benchmark"))
        return paper(
            slug,
            title,
            datasets=datasets,
            results=tuple(
                Result(value, metric, benchmark, f"{value} on {benchmark}.") for value, metric, benchmark in results
            ),
        )

    papers = [
        reporting(
            "p", "Paper P", ("42.3%", "accuracy", "AIME-2024"), ("+3", "EM", "AIME-2024"), ("90%", "accuracy", "MATH")
        ),
        reporting("q", "Paper Q", ("55.1%", "Accuracy", "AIME-2024"), ("n/a", "accuracy", "AIME-2024")),
        reporting("r", "Paper R", ("42.3%", "accuracy", "AIME-2024"), ("50%", "accuracy", "")),
    ]
    vocabularies = {v.kind: v for v in hub_vocabularies(papers)}
    aime = next(t for t in vocabularies["datasets"].terms if t.label == "AIME")
    assert [(slug, r.value) for slug, r in aime.results] == [
        ("q", "55.1%"),
        ("p", "42.3%"),
        ("r", "42.3%"),
        ("q", "n/a"),
        ("p", "+3"),
    ]
    assert vocabularies["models"].terms == ()


def test_the_names_of_each_taxonomy() -> None:
    item = paper(
        "x",
        families=("Llama", "Gemma"),
        datasets=(DatasetName("AIME-2024", "AIME", "benchmark"), DatasetName("C4", "C4", "dataset")),
    )
    assert model_families(item) == ["Llama", "Gemma"]
    assert dataset_hubs(item) == ["AIME", "C4"]
    assert [v.kind for v in hub_vocabularies([item])] == ["models", "datasets", "authors", "venues"]
