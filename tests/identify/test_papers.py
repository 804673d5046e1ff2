from __future__ import annotations

import pytest

from generator.identify.papers import abstract_name, aliases, identify, short_name, unique_slug
from generator.model import Record, Source


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("MT-Ladder: A Model-Agnostic Framework Boosting LLM-based Machine Translation", "MT-Ladder"),
        ("EfficientLLM: Scalable Pruning-Aware Pretraining", "EfficientLLM"),
        ("YuLan-Mini: An Open Data-efficient Language Model", "YuLan-Mini"),
        ("GeMQuAD : Generating Multilingual Question Answering Datasets", "GeMQuAD"),
        ("Crystal: Illuminating LLM Abilities on Language and Code", "Crystal"),
        ("D-CPT Law: Domain-specific Continual Pre-Training Scaling Law", "D-CPT Law"),
        ("1.5-Pints Technical Report: Pretraining in Days, Not Months", "1.5-Pints"),
        ("vTrain: A Simulation Framework", "vTrain"),
        ("CodeT5+: Open Code Large Language Models", "CodeT5+"),
        ("A Little Help Goes a Long Way: Efficient LLM Training", None),
        ("LLM Post-Training: A Deep Dive into Reasoning Large Language Models", None),
        ("Mind the Gap: Examining the Self-Improvement Capabilities", None),
        ("Non-instructional Fine-tuning: Enabling Instruction-Following", None),
        ("TinyHelen's First Curriculum: Training and Evaluating Tiny Language Models", None),
        ("Survey: Everything About Models", None),
        ("Large Language Models are Zero-Shot Reasoners", None),
    ],
)
def test_short_name(title: str, expected: str | None) -> None:
    assert short_name(title) == expected


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        ("Programming Every Example", "Here we present ProX, a framework that treats data refinement.", "ProX"),
        ("Unifying Fine-Tuning", "we introduce Unified Fine-Tuning (UFT), which integrates SFT.", "UFT"),
        ("Training Agents", "We propose a framework called AgentOptimizer to train agents.", "AgentOptimizer"),
        ("Lean Experts", "this paper proposes **TheoremLlama**, an end-to-end framework.", "TheoremLlama"),
        ("Prerequisite Learning", "We propose Prereq-Tune, a strategy.", "Prereq-Tune"),
        # Surveys name nothing of their own; the field's acronyms and "LLM-based" are no names.
        ("A Systematic Review", "This paper presents a systematic literature review (SLR) of methods.", None),
        ("Data Preprocessors", "We present LLM-based preprocessing and study ICL.", None),
        ("Emergent Abilities", "We propose ICL as a lens.", None),
        ("Scaling Laws", "We study how loss scales with data.", None),
    ],
)
def test_a_name_the_abstract_introduces(title: str, abstract: str, expected: str | None) -> None:
    assert abstract_name(title, abstract) == expected


def test_the_titles_name_comes_first_then_the_abstracts() -> None:
    source = Source("x.txt", 1)
    named = identify(Record(title="MT-Ladder: A Framework", abstract="We present LadderX.", source=source))
    assert named.short_name == "MT-Ladder"
    unnamed = identify(Record(title="A Framework for Translation", abstract="We present LadderX.", source=source))
    assert unnamed.short_name == "LadderX" and unnamed.aliases == ("LadderX",)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MT-Ladder", ("MT-Ladder", "MTLadder", "MT Ladder")),
        ("EfficientLLM", ("EfficientLLM",)),
        ("D-CPT Law", ("D-CPT Law", "DCPTLaw", "D CPT Law")),
        (None, ()),
    ],
)
def test_aliases(name: str | None, expected: tuple[str, ...]) -> None:
    assert aliases(name) == expected


def _paper(title: str, line: int):
    return identify(Record(title, "", Source("x.txt", line)))


def test_slugs_are_unique_and_avoid_reserved_names() -> None:
    taken: set[str] = set()
    slugs = []
    for title, line in [("Same: One", 1), ("Same: Two", 3), ("Index", 5), ("Same: Three", 7)]:
        slug = unique_slug(_paper(title, line), taken)
        taken.add(slug)
        slugs.append(slug)
    assert slugs == ["same", "same-2", "index-2", "same-3"]
