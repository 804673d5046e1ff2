"""Result kinds: what a number in an abstract reports, read from the words around it.

The sentences are real ones, from the seed and the development half of the 2025 sample
(`benchmarks/labels/hf2025h1.yaml`); the test half is measured by `make quality`, never used here.
"""

from __future__ import annotations

import pytest

from generator.enrich.entities import load_gazetteer
from generator.enrich.entities.kinds import result_kind
from generator.enrich.entities.lists import list_joint
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
            "We achieve improvements up to 24.2% on the GSM8K dataset, 32.6% on CaseHOLD, 32.0% on SNIPS, "
            "52.6% on TREC and 39.8% on SST-2 over regular fine-tuning in the low-data regime",
            "24.2%",
            "gain",
            "regular fine-tuning",
        ),
        (
            "baseline results are improved by up to 12.2% for ICL with Claude-3.5 and 19.5% for training",
            "19.5%",
            "gain",
            "",
        ),
        ("achieving >4% gains in TriviaQA and >2% in GSM8K", "2%", "gain", ""),
        ("shows +9.0 improvement in win-rates on the same benchmark", "+9.0", "gain", ""),
        ("Dynamic Sampling, which is 2.33 times slower than CDAS.", "2.33 times", "speedup", ""),
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
        ("Its latency went from 120ms to 80ms.", "80ms", "score", ""),
        ("compared to the 75% accuracy achieved by a model trained with noiseless rewards", "75%", "other", ""),
        ("GUI-Actor-7B even surpasses UI-TARS-72B (38.1) on ScreenSpot-Pro", "38.1", "other", ""),
        ("existing RAG baselines (Llama3.3-70B-Instruct only obtains 32.60 exact match score)", "32.60", "other", ""),
        ("manually flipping 40% of the reward function's outputs", "40%", "other", ""),
        ("less challenging (e.g., DeepSeek-R1 achieves 97.0% on MATH500), forcing", "97.0%", "other", ""),
        ("with minimal degradation (<4.3% on MMLU) compared to >35% in open-source models", "4.3%", "other", ""),
        (
            "significantly outperforming prior methods and approaching human-level performance at 72%",
            "72%",
            "other",
            "",
        ),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time with its metric before it, and the next one of its list
        (
            "For MinMo, the speech-to-text latency is approximately 100ms, full-duplex latency is approximately "
            "600ms in theory and 800ms in practice.",
            [("approximately 100 ms", "score"), ("approximately 600 ms", "score"), ("800 ms", "score")],
        ),
        # a list whose items say what each was for
        (
            "baseline results are improved by up to 12.2% for ICL with Claude-3.5 and 19.5% for training.",
            [("up to 12.2%", "gain"), ("19.5%", "gain")],
        ),
        # one word between "by" and the number, even a misspelt one
        ("VISTA on average reduces hallucination by abount 40% on open-ended generation.", [("40%", "reduction")]),
        # ranges as written: "7.4x -7.8x", "1.13 to 43.3x" (not "from ... to ...": two results)
        ("an efficient one that is 7.4x -7.8x faster for 29 and 93 frames", [("7.4x -7.8x", "speedup")]),
        ("a performance improvement of approximately 1.13 to 43.3x", [("approximately 1.13 to 43.3x", "gain")]),
        # what is left of LaTeX's \times, and a speedup said as the baseline's slowness
        (
            "it accelerates inference by up to 3times for image generation and 2.5times for video generation",
            [("up to 3x", "speedup"), ("2.5x", "speedup")],
        ),
        ("Dynamic Sampling, which is 2.33 times slower than CDAS.", [("2.33x", "speedup")]),
        # a speedup of a stage the list of usual ones does not name
        ("and fluency to 32k tokens on ArXiv, with 2.72x decoding speedup.", [("2.72x", "speedup")]),
        # numbers without a unit listed after one with a metric, with as many decimals
        (
            "with an online score of 0.944 for Task Aggregate and 0.487 for overall Aggregate.",
            [("0.944", "score"), ("0.487", "score")],
        ),
        (
            "achieving scores of 40.7 with Qwen2-VL and 44.6 with Qwen2.5-VL as backbones.",
            [("40.7", "score"), ("44.6", "score")],
        ),
        # a sentence that opens on its benchmark, and "by" glued to its number
        (
            "On LiveCodeBench, rStar-Coder improves Qwen2.5-7B from 17.4% to an impressive 57.3%, surpassing "
            "o3-mini (low) by3.1%.",
            [("17.4%", "other"), ("57.3%", "score"), ("3.1%", "gain")],
        ),
        # gains named before their number
        ("unlocks significant performance gains, i.e., 2-6% for multimodal understanding", [("2-6%", "gain")]),
        (
            "yields improvements in downstream task performance (up to 4.6% on common benchmarks)",
            [("up to 4.6%", "gain")],
        ),
        ("an average +6.8 jump in win-rates for our 8B models", [("+6.8", "gain")]),
        # comparatives after a number: fewer, less, higher
        ("while using 79.1% fewer tokens.", [("79.1%", "reduction")]),
        ("achieves more than 25.9% higher ASR across 10 target models", [("more than 25.9%", "gain")]),
        # a number without a unit that the method reaches on a benchmark
        ("achieving up to 7.9 in MT-Bench and 93.04% on AlpacaEval.", [("up to 7.9", "score"), ("93.04%", "score")]),
        # a capital X, "beats ... by", "by more than", "as well as", "5.5x compression"
        ("speeds up decoding by 1.9 - 3X in a diverse set of tasks", [("1.9 - 3X", "speedup")]),
        ("Our approach beats state-of-the-art mLLMs by 13% and slightly outperforms", [("13%", "gain")]),
        (
            "outperform either original data or data filtered by other methods by more than 2%",
            [("more than 2%", "gain")],
        ),
        (
            "outperforms static draft-length speculative decoding by 10%-57% as well as other training-free "
            "draft-stopping techniques by upto 10% in a variety of settings",
            [("10%-57%", "gain"), ("upto 10%", "gain")],
        ),
        ("results in ~5.5x compression compared to half precision.", [("~5.5x", "reduction")]),
        # the share of performance a method keeps
        ("Specifically, KD-LoRA retains 98% of LoRA\u2019s performance on the GLUE benchmark.", [("98%", "score")]),
        ("preserves over 95% of accuracy when distilled into smaller compressors", [("over 95%", "score")]),
        ("It keeps 40% of the GPUs idle.", []),
        # where a change ends is a score, not the change
        ("Training improves its success rate from 5% to 27% on OSWorld.", [("5%", "other"), ("27%", "score")]),
        # a comparative with one word before it, "more accurate" (hf2025h1b dev)
        (
            "the int2 models extracted by MatQuant can be up to 10% more accurate than standard int2 quantization",
            [("up to 10%", "gain")],
        ),
        ("achieves 21.59times context compression alongside", [("21.59x", "reduction")]),
        ("It is trained on 50% more data.", []),
        # a metric the gazetteer does not know, named after a number the method reaches or in "(ours vs theirs)"
        ("softpick maintains performance parity with softmax while achieving 0% sink rate.", [("0%", "score")]),
        ("our model achieves a 41.0% solve rate on SWE-bench Verified", [("41.0%", "score")]),
        ("It achieves 95% of the performance of the teacher.", []),
        ("It produces hidden states with significantly lower kurtosis (340 vs 33,510).", [("340", "score")]),
        ("The model has 12 layers (340 vs 512 hidden units).", []),
        # the share of a resource the method uses is a reduction (hf2025h1c dev: three papers); a share
        # without a word that says it is little is a setting
        ("BitVLA matches OpenVLA-OFT on LIBERO while consuming only 29.8% of the memory.", [("29.8%", "reduction")]),
        (
            "DenseDiT achieves superior results using less than 0.01% training data of baselines.",
            [("less than 0.01%", "reduction")],
        ),
        ("We fine-tune using 10% of the data for training.", []),
        # a metric named by its acronym before "of" (hf2025h1c dev: two papers)
        ("our MTVCrafter achieves state-of-the-art results with an FID-VID of 6.98.", [("6.98", "score")]),
        ("It achieves an Evidence Lower Bound (ELBO) of 1.38 on the Text8 dataset.", [("1.38", "score")]),
        ("We train with a batch size of 64 and a LoRA rank of 8.", []),
        # an example of how much, after an outcome verb (decision 17)
        (
            "GenHancer consistently outperforms prior arts on the MMVP-VLM benchmark, e.g., 6.0% on OpenAICLIP.",
            [("6.0%", "gain")],
        ),
        # a model's name with a dot in it between the verb and its number
        (
            "AdaptThink reduces the average response length of DeepSeek-R1-Distill-Qwen-1.5B by 53% and improves "
            "its accuracy by 2.4%.",
            [("53%", "reduction"), ("2.4%", "gain")],
        ),
        # (not past a compared number in brackets: "surpasses UI-TARS-72B (38.1) on ScreenSpot-Pro, achieving
        # scores of 40.7" is a score)
        (
            "GUI-Actor-7B even surpasses UI-TARS-72B (38.1) on ScreenSpot-Pro, achieving scores of 40.7 with "
            "Qwen2-VL and 44.6 with Qwen2.5-VL as backbones.",
            [("40.7", "score"), ("44.6", "score")],
        ),
        # a sign says a number is a change (unlabelled 2025 H1 corpus, no labelled paper)
        (
            "achieving superior performance compared to baseline methods (+5.59%).",
            [("+5.59%", "gain")],
        ),
        ("improved accuracies on math (MATH-500: +30.1%, AMC23:+27.5%)", [("+30.1%", "gain"), ("+27.5%", "gain")]),
        ("the 2D detection accuracy is still noticeably (-53%) behind", []),
        # a benchmark with its number in brackets or after a colon
        (
            "it achieves new best results on GSM8K (98.1%), AIME 2024 (94.4%), and MATH-500 (99.8%).",
            [("98.1%", "score"), ("94.4%", "score"), ("99.8%", "score")],
        ),
        ("This matches the 1.2k DeepScaleR subset (MATH500: 73.6%, average: 35.9%).", [("73.6%", "score")]),
        ("It has 7 layers (12%).", []),
        # more outcome verbs before "by" or "from"
        (
            "Our approach increases answer accuracy on IMO combinatorics problems from 33.3% to 77.8%.",
            [("33.3%", "other"), ("77.8%", "score")],
        ),
        ("our method can compress Whisper large-v3's encoder size by over 50%, matching", [("over 50%", "reduction")]),
        # "N times speedup", a capitalised modifier, and a change metric before the list it continues
        (
            "achieving up to a 119.2 times speedup and 63% GPU memory reduction compared to Transformers.",
            [("up to a 119.2x", "speedup"), ("63%", "reduction")],
        ),
        ("Experiments demonstrate up to a 9x runtime improvement.", [("up to a 9x", "speedup")]),
        # a thousands separator is no list
        ("It is 1,000 times fewer than Show-o.", []),
        # a compression along a dimension is a design's size, not an outcome
        ("a design that achieves 32x/64x spatial and 4x temporal compression while", []),
        # a word qualifier and a sign together
        ("MinD can achieve up to ~70% reduction in output token usage", [("up to ~70%", "reduction")]),
        # a number without a unit takes the unit of the next of its list
        (
            "QwenLong-CPRS surpasses leading proprietary LLMs by 4.85 and 10.88 points on Ruler-128K and InfiniteBench",
            [("4.85", "gain"), ("10.88 points", "gain")],
        ),
        ("It has 12 and 24 layers.", []),
        # an improvement of speed is a speedup, and each of a list is what its end is
        ("demonstrating 1.5x improvement in inference efficiency", [("1.5x", "speedup")]),
        (
            "FastKV achieves 2.00times and 1.40times improvements in time-to-first-token (TTFT) and throughput",
            [("2.00x", "speedup"), ("1.40x", "speedup")],
        ),
        ("achieves 37.6% and 40.7% improvements on both tasks", [("37.6%", "gain"), ("40.7%", "gain")]),
        ("achieves 81.2% and 84.5% accuracy on both tasks", [("81.2%", "score"), ("84.5%", "score")]),
        # not a list: "compared to" another's number
        ("with minimal degradation (<4.3% on MMLU) compared to >35% in open-source models", [("<4.3%", "other")]),
    ],
)
def test_results_found_in_lists_ranges_and_units(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r.value, r.kind) for r in find_results(text, load_gazetteer())] == expected


@pytest.mark.parametrize(
    ("between", "joint"),
    [
        (", ", "and"),
        (" on AndroidWorld and ", "and"),
        (" for ICL with Claude-3.5 and ", "and"),
        (" and total training memory by ", "and"),
        (" to an impressive ", "to"),
        (" on MMLU) compared to >", None),
        (", while our model uses ", None),
        (" accuracy and uses ", None),
    ],
)
def test_one_list_walk_for_results_and_their_kinds(between: str, joint: str | None) -> None:
    assert list_joint(between) == joint


def test_a_win_rate_against_a_model_names_its_opponent_not_its_baseline() -> None:
    text = "our methods lead to +6.8 jump in win-rates for 8B models, against proprietary models like Gemini."
    (result,) = find_results(text, load_gazetteer())
    assert (result.value, result.kind, result.baseline) == ("+6.8", "gain", "")
    (gain,) = find_results("It achieves a 3% gain in accuracy against strong baselines such as RAG.", load_gazetteer())
    assert gain.baseline == "strong baselines", "a baseline's name stops at 'such as'"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one stated comparison shared by the changes of its kind after it (hf2025h1b dev)
        (
            "fDPO achieves an average improvement of 4.1% over standard DPO across spatial quality tasks, and a "
            "9.0% gain in spatial quantity tasks.",
            [("4.1%", "standard DPO"), ("9.0%", "standard DPO")],
        ),
        (
            "FastKV achieves 2.00times and 1.40times improvements in time-to-first-token (TTFT) and throughput, "
            "respectively, compared to HeadKV.",
            [("2.00x", "HeadKV"), ("1.40x", "HeadKV")],
        ),
        # not to a change that names its own object, and a number is no baseline
        (
            "GuardReasoner 8B surpasses GPT-4o+CoT by 5.74% and LLaMA Guard 3 8B by 20.84% F1 score on average.",
            [("5.74%", "GPT-4o+CoT"), ("20.84%", "")],
        ),
        ("It trains in 13.50 hours, a 9x speedup over 4 days.", [("13.50 hours", ""), ("9x", "")]),
        # a dot inside a baseline's name
        ("compared to Qwen2.5-VL, VeBrain achieves gains on MMVet by +5.6%.", [("+5.6%", "Qwen2.5-VL")]),
        # not to a change of another kind
        (
            "It improves accuracy by 5% over LoRA; it brings a 30% reduction in memory.",
            [("5%", "LoRA"), ("30%", "")],
        ),
    ],
)
def test_changes_of_one_sentence_share_its_stated_baseline(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r.value, r.baseline) for r in find_results(text, load_gazetteer())] == expected
