from __future__ import annotations

import pytest

from generator.identify.papers import abstract_name, aliases, identify, introduced_prefix, short_name, unique_slug
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
        # Plain words the title goes on to say are a dataset, a model...: a name; a slogan is not.
        ("The Nordic Pile: A 1.2TB Nordic Dataset for Language Modeling", "The Nordic Pile"),
        ("Atla Selene Mini: A General Purpose Evaluation Model", "Atla Selene Mini"),
        ("Reversing the Forget-Retain Objectives: An Efficient LLM Unlearning Framework", None),
        ("Rethinking Data Synthesis: A Teacher Model Training Recipe with Interpretation", None),
        ("Learning Beyond Limits: A Framework for Models", None),
        ("The Fine Line: Navigating Large Language Model Pretraining", None),
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
        # An acronym of a known technique, the last of a list, is not the paper's name; a coined one is.
        (
            "Emergent Abilities",
            "we introduce curriculum learning and exponential moving average (EMA) of weights",
            None,
        ),
        ("Demo", "We present and evaluate a suite of proof-of-concept (PoC), strategies.", None),
        (
            "Object Composition",
            "We introduce a Disentangled Geometry-editable and Appearance-preserving Diffusion (DGAD) model",
            "DGAD",
        ),
        ("Pruning", "we propose pre-instruction-tuning (PIT), a method", "PIT"),
        # A plain word called so is a name where the name ends there; not one that goes on.
        ("Aligning to Thousands", "we train a 7B LLM called Janus and test it on 921 prompts", "Janus"),
        ("Self-Training", "a purely unsupervised self-training framework, named Genius.", "Genius"),
        ("Unlearning", "a novel unlearning framework called Unlearning from Logit Difference (ULD)", None),
        ("Gradients", "constructed from the tokens, dubbed Subspace Gradient. We", None),
    ],
)
def test_a_name_the_abstract_introduces(title: str, abstract: str, expected: str | None) -> None:
    assert abstract_name(title, abstract) == expected


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        (
            "Control LLM: Controlled Evolution for Intelligence Retention in LLM",
            "We propose Control LLM, a novel approach that leverages parallel blocks.",
            "Control LLM",
        ),
        (
            "Instruction Pre-Training: LMs are Learners",
            "by proposing Instruction Pre-Training, a framework",
            "Instruction Pre-Training",
        ),
        # With an acronym after it the acronym is the name; a slogan the abstract does not introduce is none.
        ("Negative Preference Optimization: From Collapse", "we propose Negative Preference Optimization (NPO)", None),
        ("Mind the Gap: Examining Models", "We propose Mind the Gap, a study.", None),
        ("Breaking Language Barriers: Cross-Lingual CPT", "We study breaking language barriers.", None),
        ("Control LLM: A Survey of Methods", "We present Control LLM, a survey.", None),
    ],
)
def test_the_titles_words_the_abstract_introduces(title: str, abstract: str, expected: str | None) -> None:
    assert introduced_prefix(title, abstract) == expected


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
