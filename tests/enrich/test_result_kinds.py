"""Result kinds: what a number in an abstract reports, read from the words around it.

The sentences are real ones, from the seed and the development half of the 2025 sample
(`benchmarks/labels/hf2025h1.yaml`); the test half is measured by `make quality`, never used here.
"""

from __future__ import annotations

import pytest

from generator.enrich.entities import load_gazetteer
from generator.enrich.entities.kinds import result_kind
from generator.enrich.entities.results import find_results


def kind_of(sentence: str, number: str, nth: int = 0) -> tuple[str, str]:
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(number, start + 1)
    return result_kind(sentence, start, start + len(number))


@pytest.mark.parametrize(
    ("sentence", "number", "kind", "baseline"),
    [
        # scores: what the paper's own method reaches
        ("It reaches 40.0% accuracy on AIME2024.", "40.0%", "score", ""),
        ("For MinMo, the speech-to-text latency is approximately 100ms.", "100ms", "score", ""),
        ("improves the reasoning ability of a 540B LLM (74.4%->82.1% on GSM8K).", "82.1%", "score", ""),
        ("DAPO achieves 50 points on AIME 2024 using the Qwen2.5-32B base model", "50 points", "score", ""),
        # gains, with what they are over when the sentence says so
        (
            "Mobile-Agent-V achieves a 30% performance improvement compared to existing frameworks.",
            "30%",
            "gain",
            "existing frameworks",
        ),
        ("improving average accuracy by 7.6% over Mistral-7B, with 14.6% for Llama-2", "7.6%", "gain", "Mistral-7B"),
        ("This technique allows us to improve up to 6.90 pp on MMLU, 8.26 pp on GSM8K.", "8.26 pp", "gain", ""),
        (
            "baseline results are improved by up to 12.2% for ICL with Claude-3.5 and 19.5% for training",
            "19.5%",
            "gain",
            "",
        ),
        ("achieving >4% gains in TriviaQA and >2% in GSM8K", "2%", "gain", ""),
        ("shows +9.0 improvement in win-rates on the same benchmark", "+9.0", "gain", ""),
        ("surpassing o3-mini (low) by 3.1%.", "3.1%", "gain", "o3-mini (low)"),
        # reductions and speedups
        ("Our approach reduces memory usage by up to 65.5% in optimizer states.", "65.5%", "reduction", ""),
        ("VISTA on average reduces hallucination by about 40% on open-ended generation", "40%", "reduction", ""),
        ("yields a 4.5x reduction in training time", "4.5x", "reduction", ""),
        (
            "reduces optimizer memory by up to 82.5% and total training memory by 63.3%, compared to a BF16 baseline.",
            "63.3%",
            "reduction",
            "a BF16 baseline",
        ),
        ("an efficient one that is 7.4x faster for 29 frames", "7.4x", "speedup", ""),
        ("achieving an additional 3.91x speedup when running on 4 GPUs", "3.91x", "speedup", ""),
        # other: someone else's number, a setting, a loss
        ("increasing the accuracy on MultiArith from 17.7% to 78.7%.", "17.7%", "other", ""),
        ("compared to the 75% accuracy achieved by a model trained with noiseless rewards", "75%", "other", ""),
        ("GUI-Actor-7B even surpasses UI-TARS-72B (38.1) on ScreenSpot-Pro", "38.1", "other", ""),
        ("existing RAG baselines (Llama3.3-70B-Instruct only obtains 32.60 exact match score)", "32.60", "other", ""),
        ("manually flipping 40% of the reward function's outputs", "40%", "other", ""),
        ("less challenging (e.g., DeepSeek-R1 achieves 97.0% on MATH500), forcing", "97.0%", "other", ""),
        ("with minimal degradation (<4.3% on MMLU) compared to >35% in open-source models", "4.3%", "other", ""),
    ],
)
def test_result_kind(sentence: str, number: str, kind: str, baseline: str) -> None:
    assert kind_of(sentence, number) == (kind, baseline)


def test_found_results_carry_their_kind_baseline_and_qualifier() -> None:
    gazetteer = load_gazetteer()
    text = "It achieves 82.1% accuracy on GSM8K, outperforming LLaMA-2 by 8.3%. It cuts memory by up to 65.5%."
    found = [(r.value, r.kind, r.baseline) for r in find_results(text, gazetteer)]
    assert found == [("82.1%", "score", ""), ("8.3%", "gain", "LLaMA-2"), ("up to 65.5%", "reduction", "")]


def test_an_arrow_is_no_qualifier() -> None:
    (result,) = find_results("It improves GSM8K accuracy (74.4%->82.1% on GSM8K).", load_gazetteer())
    assert result.value == "82.1%"
