"""One table per entity rule, built from the rule's own examples: each text yields its name by that
rule (the first rule to find a name keeps it), and each counterexample is matched by the rule's
pattern yet kept out by its guard."""

from __future__ import annotations

import pytest

from generator.enrich.entities import find_datasets, find_models, find_results, load_gazetteer
from generator.enrich.entities.dataset_rules import DATASET_RULES
from generator.enrich.entities.datasets import IN_A_LIST_WITH_KNOWN, LISTED_WITH_KNOWN
from generator.enrich.entities.model_rules import MODEL_RULES
from generator.enrich.entities.rules import Example, Rule

GAZETTEER = load_gazetteer()
RULES = (*MODEL_RULES, *DATASET_RULES, LISTED_WITH_KNOWN, IN_A_LIST_WITH_KNOWN)


def _table(rules: tuple[Rule, ...]) -> list[object]:
    return [
        pytest.param(rule, example, id=f"{rule.name}-{n}") for rule in rules for n, example in enumerate(rule.examples)
    ]


def _found(rule: Rule, text: str) -> dict[str, str]:
    """Return the names found in a text, by the rule that found each."""
    entities = find_models(text, GAZETTEER) if rule.kind == "model" else find_datasets(text, GAZETTEER)
    return {e.name: e.rule for e in entities}


def test_every_rule_has_a_unique_name_and_an_example() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert [rule.name for rule in RULES if not any(e.found for e in rule.examples)] == []


@pytest.mark.parametrize(("rule", "example"), _table(MODEL_RULES))
def test_model_rules_find_their_examples(rule: Rule, example: Example) -> None:
    _check(rule, example)


@pytest.mark.parametrize(("rule", "example"), _table((*DATASET_RULES, LISTED_WITH_KNOWN, IN_A_LIST_WITH_KNOWN)))
def test_dataset_rules_find_their_examples(rule: Rule, example: Example) -> None:
    _check(rule, example)


def _check(rule: Rule, example: Example) -> None:
    found = _found(rule, example.text)
    if example.found:
        assert found.get(example.name) == rule.name, found
    else:
        # the pattern matches, and what keeps the name out is the rule's guard or its reading
        assert rule.pattern.search(example.text), "a counterexample the pattern never matches tests nothing"
        assert found.get(example.name) != rule.name, found


@pytest.mark.parametrize(
    ("text", "own", "name", "rule"),
    [
        ("We fine-tune Llama-3-8B.", None, "Llama-3-8B", "gazetteer"),
        ("on the LLaMa 3, 3.1 and Qwen 2 models", None, "LLaMa 3.1", "gazetteer"),
        ("We train XGLM-7B and CuatroNet-2B.", None, "CuatroNet-2B", "sized-name"),
        ("We release Ladder 7B.", "Ladder", "Ladder 7B", "own-name-sized"),
        (
            "We introduce AutoDev, the first Large Language Model to surpass GPT-4.",
            "AutoDev",
            "AutoDev",
            "own-name-called",
        ),
        ("OnlySportsLM matches larger models.", "OnlySportsLM", "OnlySportsLM", "own-name-coined"),
    ],
)
def test_models_record_the_step_that_found_them(text: str, own: str | None, name: str, rule: str) -> None:
    assert {m.name: m.rule for m in find_models(text, GAZETTEER, own)}[name] == rule


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        ("accuracy across AIME 24/25 and GPQA", "AIME-25", "gazetteer"),
        ("gains on the ifeval task", "IFEval", "gazetteer-respelled"),
        ("36% on MiniF2F-Valid", "MiniF2F", "gazetteer-respelled"),
        # A known name grown by a rule's list keeps the gazetteer's rule: the first to find it.
        ("on three benchmarks (AlpacaEval 2.0, MT-Bench, Arena Hard Auto v0.1)", "AlpacaEval 2.0", "gazetteer"),
    ],
)
def test_known_datasets_record_the_gazetteer(text: str, name: str, rule: str) -> None:
    assert {d.name: d.rule for d in find_datasets(text, GAZETTEER)}[name] == rule


@pytest.mark.parametrize(
    ("text", "value", "rule"),
    [
        ("It refines it with +6.91 BLEU.", "+6.91", "metric-after"),
        ("It achieves 2.72x decoding speedup.", "2.72x", "metric-described"),
        ("It pushes LLaMA-7B to an accuracy of 49.3%.", "49.3%", "metric-before"),
        ("It has a perplexity of 3.02.", "3.02", "metric-before"),
        ("It runs 6x faster.", "6x", "comparative"),
        ("It reduces parameters by up to 90% with little loss.", "up to 90%", "outcome-verb"),
        ("It is 3 times faster.", "3x", "times"),
        ("It improves Win Rate by 26.8%, 20.2%, and 5.6%.", "5.6%", "listed-after-result"),
        ("It reaches success rates of 28.0% on AndroidWorld and 19.8% on OSWorld.", "19.8%", "listed-after-result"),
        ("It beats the baseline with 37.6% and 40.7% improvements.", "37.6%", "listed-before-metric"),
        ("The model scores 42.3% on AIME-2024.", "42.3%", "unit-and-benchmark"),
        ("It uses only 30% of the image token count.", "30%", "share-used"),
        ("It achieves a PDMS of 90.3 on NAVSIM.", "90.3", "acronym-of"),
    ],
)
def test_results_record_the_rule_that_read_their_metric(text: str, value: str, rule: str) -> None:
    assert {r.value: r.rule for r in find_results(text, GAZETTEER)}[value] == rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It reaches success rates of 28.0% on AndroidWorld and 19.8% on OSWorld.",
            [("28.0%", "success rate", "AndroidWorld"), ("19.8%", "success rate", "OSWorld")],
        ),
        (
            "It achieves 15.3% accuracy on BrowseComp, 29.2% on BrowseComp-ZH.",
            [("15.3%", "accuracy", "BrowseComp"), ("29.2%", "accuracy", "BrowseComp-ZH")],
        ),
    ],
)
def test_a_result_listed_after_another_benchmark_takes_its_metric(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(r.value, r.metric, r.benchmark) for r in find_results(text, GAZETTEER)] == expected
