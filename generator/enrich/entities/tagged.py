"""The names the tagger adds: those it reads with enough probability that the extractor's rules let in.

The tagger only adds: a name the rules found stays as they found it, and a name they refuse is not
added back. Every name must look like one (no plain word, acronym alone, plural, metric or version),
and must not be the paper's own name (the own-name rules decide what that is). A model must not be a
dataset's name, a bare family the gazetteer counts only with a version, nor anything the text calls
a framework, method, system, adapter or module; a dataset must not be a task's acronym, a model, nor
what the text calls a tool. Each added entity's rule is "tagger".
"""

from __future__ import annotations

import re

from generator.enrich.entities.gazetteer import Gazetteer
from generator.enrich.entities.names import NOT_NAMES, SIZE, VERSION
from generator.enrich.entities.tagger import MIN_PROBABILITY, Tagged, tag
from generator.enrich.entities.words import called_other_than_a_model, said_to_be_a_tool
from generator.model import DatasetName, ModelName
from generator.text.names import COMMON_ACRONYMS, normalise_name

RULE = "tagger"
#: What a name looks like: a part with a capital inside a word or a digit ("SmolLM", "Qwen2", "MM-Vet"),
#: at most four words; not plain words ("Transformer", "Large-Scale", "Fine-Tuning") nor an acronym
#: alone ("GUI", "GRPO"), which the tagger may read as names.
_LOOKS_LIKE_A_NAME = re.compile(
    r"(?=.*(?:[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]|[A-Z]-[A-Z]|[A-Z]{2}[a-z]))[A-Za-z0-9][\w.+-]*(?:\s[\w.+-]+){0,3}"
)
#: After a name, what says it is a style or data, not a model: "GPT-style", "Llama-like", "X corpus".
_STYLE_OR_DATA = re.compile(r"-(?:style|like|based)\b|\s+(?:corpus|dataset|data|benchmark)\b")
#: A plural, which names a class of things, not one: "DiTs", "LoRAs".
_PLURAL = re.compile(r".*[A-Z]s")
#: A task's acronym shaped like a benchmark's name: "VQA", "KBQA".
_TASK_ACRONYM = re.compile(r"[A-Z]{1,2}QA")


def add_tagged(
    text: str,
    gazetteer: Gazetteer,
    models: tuple[ModelName, ...],
    datasets: tuple[DatasetName, ...],
    own_name: str | None = None,
) -> tuple[tuple[ModelName, ...], tuple[DatasetName, ...]]:
    """Return the models and datasets with the tagger's names the rules let in, after the rules' own."""
    known = {normalise_name(m.name) for m in models} | {normalise_name(d.name) for d in datasets}
    known |= {normalise_name(d.hub) for d in datasets}
    new_models: list[ModelName] = []
    new_datasets: list[DatasetName] = []
    for tagged in tag(text):
        key = normalise_name(tagged.name)
        if (
            tagged.probability < MIN_PROBABILITY
            or key in known
            or tagged.name == own_name  # the own-name rules decide what the paper's own name is
            or not _a_name(text, gazetteer, tagged)
        ):
            continue
        if tagged.kind == "MODEL" and a_model(text, gazetteer, tagged.name):
            new_models.append(ModelName(tagged.name, tagged.name, rule=RULE))
        elif tagged.kind == "DATASET" and a_dataset(text, gazetteer, tagged.name):
            new_datasets.append(DatasetName(tagged.name, tagged.name, "dataset", RULE))
        else:
            continue
        known.add(key)
    return models + tuple(new_models), datasets + tuple(new_datasets)


def _a_name(text: str, gazetteer: Gazetteer, tagged: Tagged) -> bool:
    """Return whether what was tagged is written as a name, and is not one word of a longer name."""
    end = tagged.start + len(tagged.name)
    first = tagged.name.split(" ")[0]
    return bool(
        _LOOKS_LIKE_A_NAME.fullmatch(tagged.name)
        and first not in COMMON_ACRONYMS
        and first not in NOT_NAMES
        and not VERSION.match(tagged.name)
        and not SIZE.match(tagged.name)
        and not _STYLE_OR_DATA.match(text, end)
        and not _PLURAL.fullmatch(tagged.name)
        and not gazetteer.metric.fullmatch(tagged.name)  # "F1"
    )


def a_model(text: str, gazetteer: Gazetteer, name: str) -> bool:
    """Return whether the rules let a tagged name in as a model."""
    return not (
        name in gazetteer.dataset_of
        or gazetteer.datasets.fullmatch(name)
        or gazetteer.models.fullmatch(name)  # a family the rules refused alone ("GPT")
        or called_other_than_a_model(text, name)
        or said_to_be_a_tool(text, name)
    )


def a_dataset(text: str, gazetteer: Gazetteer, name: str) -> bool:
    """Return whether the rules let a tagged name in as a dataset."""
    first = name.split(" ")[0]
    return not (
        _TASK_ACRONYM.fullmatch(name)
        or first in gazetteer.family_of
        or gazetteer.models.fullmatch(name)
        or gazetteer.coined_family(first)  # "SocBERT" is a model's name
        or said_to_be_a_tool(text, name)
    )
