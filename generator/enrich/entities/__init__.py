"""Per-paper enricher: the models, datasets and benchmarks an abstract names, its results, its domain.

Names come from the gazetteer (`generator/gazetteer/*.yaml`, documented there), matched
case-sensitively and whole; a model's version and size are read from what follows its family
name (`Llama-3-8B`, `Qwen2.5-0.5B`, `Gemma-2B/7B`), and a paper's own short name followed by a
size (`MT-Ladder-7B`) is one of its released models. Names the gazetteer does not know come from
rules (`model_rules`, `dataset_rules`): what the text says they are, how they are made, the lists
they stand in. A result is a number with a unit or a metric beside it (`+6.91 BLEU`, `54.6%
speedup`, `accuracy of 42.3%`), with the benchmark when the sentence says `on <benchmark>` right
after it. Every entity records the rule that found it. Precision comes first: a number without a
metric or unit next to it is left out, so is a bare family name that is too common a word.
"""

from __future__ import annotations

from dataclasses import replace

from generator.enrich.entities.datasets import find_datasets
from generator.enrich.entities.domains import MAX_DOMAINS, find_domains
from generator.enrich.entities.gazetteer import Gazetteer, load_gazetteer
from generator.enrich.entities.harvested import add_harvested, harvested_on
from generator.enrich.entities.loader import GAZETTEER, read_gazetteer
from generator.enrich.entities.models import find_models
from generator.enrich.entities.results import find_results
from generator.enrich.entities.tagged import add_tagged
from generator.enrich.entities.tagger import enabled as tagger_enabled
from generator.enrich.text import paper_text
from generator.model import ModelName, Paper
from generator.text.names import COMMON_ACRONYMS, normalise_name

__all__ = [
    "COMMON_ACRONYMS",
    "GAZETTEER",
    "MAX_DOMAINS",
    "Gazetteer",
    "extract_entities",
    "find_datasets",
    "find_domains",
    "find_models",
    "find_results",
    "load_gazetteer",
    "normalise_name",
    "read_gazetteer",
]


def extract_entities(paper: Paper) -> Paper:
    """Return the paper with its models, datasets, results and domains filled in."""
    gazetteer = load_gazetteer()
    # Links are left out: names inside a URL ("…/Llama-3-Physician-8B-Instruct") are paths.
    full, prose = paper_text(paper), paper.prose
    datasets = find_datasets(full, gazetteer)
    models = find_models(full, gazetteer, paper.short_name)
    if harvested_on():  # names from model and dataset registries, where the others found none
        models, datasets = add_harvested(full, models, datasets)
    named = {normalise_name(d.name) for d in datasets}  # a model's test set ("Koala") is not the model
    models = tuple(m for m in models if normalise_name(m.name) not in named)
    # One model written two ways in one abstract ("GPT-3.5" and "GPT3.5") is listed once, as first written.
    models = _once(models)
    if tagger_enabled():  # the tagger's second opinion only adds names
        models, datasets = add_tagged(full, gazetteer, models, datasets, paper.short_name)
    return replace(
        paper,
        models=models,
        datasets=datasets,
        results=find_results(prose, gazetteer),
        domains=find_domains(paper.title, prose, gazetteer),
    )


def _once(models: tuple[ModelName, ...]) -> tuple[ModelName, ...]:
    """Return the models with each normalised name once, as first written."""
    first: dict[str, ModelName] = {}
    for model in models:
        first.setdefault(normalise_name(model.name), model)
    return tuple(first.values())
