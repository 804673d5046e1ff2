"""The Table's data: benchmarks a paper evaluates on, apart from the corpora and datasets it names."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from generator.emit.explore import table_json
from generator.identify.papers import identify
from generator.model import Catalog, DatasetName, Record, Source


@pytest.mark.parametrize(
    ("datasets", "benchmarks", "corpora"),
    [
        (
            [
                DatasetName("GSM8K", "GSM8K", "benchmark"),
                DatasetName("SmolLM corpus", "SmolLM corpus", "dataset"),
                DatasetName("Common Crawl", "Common Crawl", "dataset"),
                DatasetName("AIME-2024", "AIME", "benchmark"),
            ],
            ["AIME", "GSM8K"],
            ["Common Crawl", "SmolLM corpus"],
        ),
        ([DatasetName("Pile", "Pile", "dataset")], [], ["Pile"]),
        ([], [], []),
    ],
)
def test_the_table_keeps_benchmarks_and_datasets_in_their_own_columns(
    datasets: list[DatasetName], benchmarks: list[str], corpora: list[str]
) -> None:
    paper = replace(identify(Record("A Paper", "", Source("x.txt", 1))), slug="a-paper", datasets=tuple(datasets))
    data = json.loads(table_json(Catalog(papers=[paper])))
    row = dict(zip(data["columns"], data["rows"][0], strict=True))
    assert (row["benchmarks"], row["datasets"]) == (benchmarks, corpora)
