from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.enrich.borrowed import borrow_named_entities
from generator.enrich.clean import clean_abstract
from generator.enrich.entities import extract_entities
from generator.enrich.mentions import link_mentions
from generator.identify.papers import identify
from generator.model import Paper, Record, Source
from tests.enrich.test_context import context_of


def paper(title: str, abstract: str, slug: str) -> Paper:
    return extract_entities(replace(clean_abstract(identify(Record(title, abstract, Source("x.txt", 1)))), slug=slug))


def test_a_name_another_paper_introduces_as_a_benchmark_or_model_is_one_where_it_is_mentioned(tmp_path: Path) -> None:
    papers = [
        paper("TrailMap: A Benchmark for Map Reasoning", "We introduce TrailMap, a benchmark for maps.", "bench"),
        paper("Quokka: A Small Model", "We present Quokka, a 1B language model.", "quokka"),
        paper("TidyPrune: Pruning Made Easy", "TidyPrune, a pruning framework, cuts layers.", "prune"),
        paper("Maps Again", "The recently introduced TrailMap highlights gaps; Quokka and TidyPrune help.", "reader"),
    ]
    assert "TrailMap" not in [d.name for d in papers[3].datasets], "alone, the text does not say what it is"
    context = context_of(papers, tmp_path)
    linked = link_mentions(papers, context)
    borrowed = {p.slug: p for p in borrow_named_entities(linked, context)}
    reader = borrowed["reader"]
    assert [(d.name, d.hub, d.kind) for d in reader.datasets] == [("TrailMap", "TrailMap", "benchmark")]
    assert [(m.name, m.family) for m in reader.models] == [("Quokka", "Quokka")]  # a framework is neither
    # each says it was borrowed; the introducing paper's keeps the rule that found it there
    assert [d.rule for d in reader.datasets] + [m.rule for m in reader.models] == ["borrowed", "borrowed"]
    assert [m.rule for m in borrowed["quokka"].models] == ["called-a-model"]
    assert borrowed["bench"] is linked[0], "a paper that mentions no such name is left as it is"


def test_one_model_written_two_ways_is_listed_once_as_first_written() -> None:
    found = paper("Health texts", "We compare GPT3.5 and GPT4 with RoBERTa; GPT-3.5 and GPT-4 are prompted.", "h")
    assert [m.name for m in found.models] == ["GPT3.5", "GPT4", "RoBERTa"]
