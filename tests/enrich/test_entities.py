from __future__ import annotations

import pytest

from generator.enrich.entities import find_datasets, find_domains, find_models, find_results, load_gazetteer

GAZETTEER = load_gazetteer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We fine-tune Llama-3-8B.", [("Llama-3-8B", "Llama", "3", "8B")]),
        ("Using Gemma-2B/7B as backbones.", [("Gemma-2B", "Gemma", "", "2B"), ("Gemma-7B", "Gemma", "", "7B")]),
        ("Qwen2.5-0.5B and GPT-4 agree.", [("Qwen2.5-0.5B", "Qwen", "2.5", "0.5B"), ("GPT-4", "GPT", "4", "")]),
        ("Mixtral-8x7B beats LLaMA 7B.", [("Mixtral-8x7B", "Mixtral", "", "8x7B"), ("LLaMA 7B", "Llama", "", "7B")]),
        (
            "Models including Zephyr-7b-beta and Llama2-7b.",
            [("Zephyr-7b-beta", "Zephyr", "", "7b"), ("Llama2-7b", "Llama", "2", "7b")],
        ),
        (
            "We train XGLM-7B and CuatroNet-2B.",
            [("XGLM-7B", "XGLM", "", "7B"), ("CuatroNet-2B", "CuatroNet", "", "2B")],
        ),
        # Generic words and styles are not models; strict families need a version or a size.
        ("GPT-style models and a Yi of sorts, OPT as a verb, Phi as a letter.", []),
        # A family named as a family counts: "Llama-family models" name Llama.
        ("experiments on Llama-family models", [("Llama", "Llama", "", "")]),
        ("We use the SmolLM corpus and LLM-7B as a placeholder.", []),
        # Versions listed after a versioned name; not a count after it.
        (
            "on the LLaMa 3, 3.1 and Qwen 2, 2.5 family of models",
            [
                ("LLaMa 3", "Llama", "3", ""),
                ("LLaMa 3.1", "Llama", "3.1", ""),
                ("Qwen 2", "Qwen", "2", ""),
                ("Qwen 2.5", "Qwen", "2.5", ""),
            ],
        ),
        ("with Llama 2, 3 runs each, and GPT-4, 5 times", [("Llama 2", "Llama", "2", ""), ("GPT-4", "GPT", "4", "")]),
        # Spaced variants ("DeepSeek Coder", "Deepseek R1") are read whole; a maker in brackets is no second model.
        (
            "GPT-4o and DeepSeek Coder; Claude 3.5 Sonnet (Anthropic), Deepseek R1 (Deepseek), and"
            " LLaMA Pro (LLaMA Pro-Instruct)",
            [
                ("GPT-4o", "GPT", "4o", ""),
                ("DeepSeek Coder", "DeepSeek", "", ""),
                ("Claude 3.5 Sonnet", "Claude", "3.5", ""),
                ("Deepseek R1", "DeepSeek", "", ""),
                ("LLaMA Pro", "Llama", "", ""),
                ("LLaMA Pro-Instruct", "Llama", "", ""),
            ],
        ),
        # A name of several words inside a title's phrase is not the name.
        (
            "DA^2: Depth Anything in Any Direction. We beat Depth Anything V2.",
            [("Depth Anything V2", "Depth Anything", "V2", "")],
        ),
    ],
)
def test_models_keep_family_version_and_size_apart(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert [(m.name, m.family, m.version, m.size) for m in find_models(text, GAZETTEER)] == expected


def test_the_papers_own_model_is_found_by_its_short_name() -> None:
    assert [m.name for m in find_models("We release MT-Ladder-2B.", GAZETTEER, "MT-Ladder")] == ["MT-Ladder-2B"]
    text = "YuLan-Mini, a highly capable base model, is here; YuLan-Mini is not a framework."
    assert [m.name for m in find_models(text, GAZETTEER, "YuLan-Mini")] == ["YuLan-Mini"]
    assert find_models("Fira, a training framework for models.", GAZETTEER, "Fira") == ()


@pytest.mark.parametrize(
    ("text", "own", "expected"),
    [
        # Coined from a known family, also with a hyphenated prefix; not when called something else.
        ("After instruction tuning on Retro, InstructRetro improves.", "InstructRetro", ["Retro", "InstructRetro"]),
        ("VL-Mamba leverages a pretrained Mamba language model.", "VL-Mamba", ["Mamba", "VL-Mamba"]),
        ("TheoremLlama, an end-to-end framework, trains provers.", "TheoremLlama", []),
        ("we introduce the LAVViT adapters, where the LAVViT adapters wrap a ViT", "LAVViT", ["ViT"]),
        # "the first ... model", "X model series", "(X), which is a ... model".
        ("We introduce AutoDev, the first Large Language Model to surpass GPT-4.", "AutoDev", ["GPT-4", "AutoDev"]),
        ("The ConvNova model series are publicly available.", "ConvNova", ["ConvNova"]),
        ("we present Denoising LM (DLM), which is a scaled error correction model trained", "DLM", ["DLM"]),
        ("we present Denoising LM (DLM), which is a scaled error correction method", "DLM", []),
        # A name coined as language models are named is one, unless the text says otherwise.
        ("OnlySportsLM matches larger models.", "OnlySportsLM", ["OnlySportsLM"]),
        ("TeachLM, a framework for tutoring.", "TeachLM", []),
        # Its acronym after what it is: "a ... LLVM, <expansion> (X)", "a ... Universal Embedder (X)".
        (
            "we present a new efficient LLVM, Mamba-based traversal of rationales (Meteor), which",
            "Meteor",
            ["Mamba", "Meteor"],
        ),
        ("we propose a novel Visual-InteRactive Text-Image Universal Embedder (VIRTUE) that", "VIRTUE", ["VIRTUE"]),
        ("we propose a novel Visual-InteRactive Text-Image Universal Framework (VIRTUE) that", "VIRTUE", []),
    ],
)
def test_what_the_text_says_the_papers_own_name_is(text: str, own: str, expected: list[str]) -> None:
    assert [m.name for m in find_models(text, GAZETTEER, own)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Results on GSM8K, MATH and MMLU.", [("GSM8K", "GSM8K"), ("MATH", "MATH"), ("MMLU", "MMLU")]),
        ("We reach 42.3% on AIME-2024 and AIME 2025.", [("AIME-2024", "AIME"), ("AIME-2025", "AIME")]),
        ("Trained on the Pile and SlimPajama.", [("Pile", "Pile"), ("SlimPajama", "SlimPajama")]),
        ("the math of compile-time Piles", []),
        ("on the TOFU dataset and the new OCRBench", [("TOFU", "TOFU"), ("OCRBench", "OCRBench")]),
        ("a training dataset called MGToolBench", [("MGToolBench", "MGToolBench")]),
        (
            "benchmarks (i.e., MMLU, AGIEval-en, FooQA, and BarSet2)",
            [("MMLU", "MMLU"), ("AGIEval-en", "AGIEval"), ("FooQA", "FooQA"), ("BarSet2", "BarSet2")],
        ),
        ("an LLM benchmark and the NLP dataset", []),
        # Distinctive names in another case, hyphenated, or with a split, as the gazetteer names them.
        (
            "gains on the ifeval task and the truthful-qa task, 36% on MiniF2F-Valid, evaluated on Voxceleb1",
            [("IFEval", "IFEval"), ("TruthfulQA", "TruthfulQA"), ("MiniF2F", "MiniF2F"), ("VoxCeleb1", "VoxCeleb")],
        ),
        # Plain words stay case-sensitive: "math" and "pile" are not MATH and the Pile.
        ("the math of a pile of big-bench-like tasks", []),
        # A bracketed list beside a list holding a known benchmark is a list of benchmarks.
        (
            "tasks including arithmetics (MultiArith, GSM8K), symbolic reasoning (Last Letter, Coin Flip).",
            [
                ("MultiArith", "MultiArith"),
                ("GSM8K", "GSM8K"),
                ("Last Letter", "Last Letter"),
                ("Coin Flip", "Coin Flip"),
            ],
        ),
        # Without a known one, bracketed names are not taken for benchmarks.
        ("two methods (Foo Bar, Baz Qux) and two models (Llama, Mistral).", []),
    ],
)
def test_datasets_are_named_whole_and_case_sensitively(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.name, d.hub) for d in find_datasets(text, GAZETTEER)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It refines BigTranslate-13B with +6.91 BLEU and +3.52 COMET.",
            [("+6.91", "BLEU", ""), ("+3.52", "COMET", "")],
        ),
        ("Training reaches a 54.6% speedup.", [("54.6%", "speedup", "")]),
        ("The model scores 42.3% on AIME-2024.", [("42.3%", "score", "AIME-2024")]),
        ("It pushes LLaMA-7B to an accuracy of 49.3%.", [("49.3%", "accuracy", "")]),
        (
            "It improves Match Rate and Win Rate by 26.8%, 20.2%, and 5.6%.",
            [("26.8%", "win rate", ""), ("20.2%", "win rate", ""), ("5.6%", "win rate", "")],
        ),
        ("Improvements ranging from 1.4pp to 3.5pp.", [("1.4 pp", "improvement", ""), ("3.5 pp", "improvement", "")]),
        # Sizes, counts, years and settings are not results.
        ("We train 7B models on 1.08T tokens in 2024 with 8 GPUs, forgetting 50% of the data.", []),
        ("GPT-4 accuracy is high.", []),
    ],
)
def test_results_need_a_metric_or_a_unit_and_a_benchmark(text: str, expected: list[tuple[str, str, str]]) -> None:
    results = find_results(text, GAZETTEER)
    assert [
        (r.value, r.metric.lower() if r.metric[0].islower() else r.metric, r.benchmark) for r in results
    ] == expected
    assert all(r.sentence == text for r in results)


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        ("Clinical notes with LLMs", "", ("medical",)),
        ("A model", "Financial reports and stock prices; finance matters.", ("finance",)),
        ("A model", "One mention of medical data.", ()),
        ("CMR Scaling Law: Predicting Mixture Ratios", "scaling law", ()),
    ],
)
def test_domains_come_from_the_title_or_two_mentions(title: str, abstract: str, expected: tuple[str, ...]) -> None:
    assert find_domains(title, abstract, GAZETTEER) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The resulting Llama-3-Physician beats GPT-4.", ["Llama-3-Physician", "GPT-4"]),
        ("A 1.3B parameter GPT-3 XL model.", ["GPT-3 XL"]),
        ("Llama-2-based systems and Llama-2-Chat.", ["Llama-2", "Llama-2-Chat"]),
    ],
)
def test_a_coined_continuation_belongs_to_the_models_name(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_models(text, GAZETTEER)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It beats models such as NLLB-54B and Search-o1, despite its size.", ["NLLB-54B", "Search-o1"]),
        ("It outperforms models specially designed for IE tasks (e.g., UIE) and prompting.", ["UIE"]),
        # Known names stay the gazetteer's ("GPT-Neo": a strict family with a coined name); a strict
        # family alone is a model in a list of models.
        ("We study three model families (GPT-Neo, PyThia2, BLOOMZ) at scale.", ["GPT-Neo", "BLOOMZ", "PyThia2"]),
        ("Experiments with multiple LLMs (GPT, Llama, and Qwen) show it.", ["Llama", "Qwen", "GPT"]),
        (
            "We train a 7B model BaichuanSEED and compare it with WizardLM-13B-V1.2.",
            ["WizardLM-13B-V1.2", "BaichuanSEED"],
        ),
        (
            "The resulting models, Llama-eus-8B and Llama-eus-8B-instruct, lead; Megatron-LM is a framework.",
            ["Llama-eus-8B", "Llama-eus-8B-instruct"],
        ),
        # An acronym defined in brackets lists nothing; neither do architectures, tasks or benchmarks.
        ("Large language models (LLMs) and vision-language models (VLMs) grow.", []),
        ("Models such as CNNs and RNNs fail; models for tasks (e.g., NER) and models (e.g., MedQA) too.", []),
        # The list ends where the names end.
        ("LLMs such as Orca2 and the rest of the Transformer zoo.", ["Orca2"]),
    ],
)
def test_models_named_as_examples_are_models(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_models(text, GAZETTEER)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It reduces parameters by up to 90% with little loss.", [("up to 90%", "reduction")]),
        (
            "It outperforms the best baseline with 37.6% and 40.7% improvements.",
            [("37.6%", "improvement"), ("40.7%", "improvement")],
        ),
        (
            "It is 11times better and 3 times faster, with 2.72x decoding speedup.",
            [("11x", "improvement"), ("3x", "speedup"), ("2.72x", "speedup")],
        ),
        (
            "It lowers average TTFT and average JCT by 97% and 47%, respectively.",
            [("97%", "reduction"), ("47%", "reduction")],
        ),
        # A power of ten is not a result; neither is a setting changed "by" a number.
        ("It is over 10^5 times more efficient; we increase the batch size by 2x.", []),
        # A name with digits between verb and "by"; "by an average of"; other outcome verbs.
        ("our 7B reward model outperforms GPT-5 by 34.7% on average", [("34.7%", "improvement")]),
        ("It boosts pass@1 accuracy by an average of 2.6% on math.", [("2.6%", "improvement")]),
        ("It lifts the overall average by 19% and raises recall by 23%.", [("19%", "improvement"), ("23%", "recall")]),
        ("the best average accuracy among base models is only 4.0%, achieved by", [("4.0%", "accuracy")]),
        ("It runs 6x faster, yet a model trained with 50% more data loses.", [("6x", "speedup")]),
        # A range is one result, as written; a gain without a unit after "metric by".
        (
            "It reduces memory usage by 26-54%, with average improvements of 2-4 points.",
            [("26-54%", "memory"), ("2-4 points", "improvement")],
        ),
        ("while boosting robust accuracy by 2.15 on CIFAR-10", [("2.15", "accuracy")]),
        # "of over", "by upto", a score's increase, two values joined by a slash.
        (
            "with improvements of over 20% relative to CPT. It outperforms the static baseline by upto 10%.",
            [("over 20%", "improvement"), ("upto 10%", "improvement")],
        ),
        ("an average score increase of +6.4 in T5-Small", [("+6.4", "increase")]),
        ("It achieves a 37.62%/34.08% accuracy improvement", [("37.62%", "accuracy"), ("34.08%", "accuracy")]),
    ],
)
def test_results_said_with_an_outcome_verb_a_described_metric_or_times(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(r.value, r.metric) for r in find_results(text, GAZETTEER)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We train DMaS-LLaMa-Lite, a fully open source, 1.7-billion-parameter, LLaMa-based model.",
            ["LLaMa", "DMaS-LLaMa-Lite"],
        ),
        ("We present AquilaMoE, a bilingual 8*16B Mixture of Experts (MoE) language model.", ["AquilaMoE"]),
        ("We introduce SeedCoder2, a series of open-source LLMs.", ["SeedCoder2"]),
        (
            "We compare Claude 3.5 Sonnet, GPT-4 Turbo and o1-preview.",
            ["Claude 3.5 Sonnet", "GPT-4 Turbo", "o1-preview"],
        ),
        # What follows "a" must describe a model, not something for models.
        ("We propose FlexTune, a framework for training language models, and LoRA2, a method that tunes LLMs.", []),
    ],
)
def test_a_coined_name_described_as_a_model_is_a_model(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_models(text, GAZETTEER)] == expected


def test_names_listed_before_datasets_or_benchmarks_are_datasets() -> None:
    found = find_datasets(
        "Fluent to 32k tokens on ArXiv and OpenWebText2 datasets; and on the QuadQA, XYZBench benchmarks.", GAZETTEER
    )
    assert sorted((d.name, d.kind) for d in found) == [
        ("ArXiv", "dataset"),
        ("OpenWebText2", "dataset"),
        ("QuadQA", "benchmark"),
        ("XYZBench", "benchmark"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A coined continuation with its version, size and variant is one name, not a cut family.
        ("We release Llama-SEA-LION-v3-8B-IT and beat Qwen2-VL-2B.", ["Llama-SEA-LION-v3-8B-IT", "Qwen2-VL-2B"]),
        ("It yields LLaMA Pro-8.3B, a versatile foundation model.", ["LLaMA Pro-8.3B"]),
        ("Our trained model Curie-7B-v1 writes Polish.", ["Curie-7B-v1"]),
        (
            "We introduce Open-Qwen2VL, a fully open-source 2B-parameter Multimodal Large Language Model"
            " pre-trained on pairs.",
            ["Open-Qwen2VL"],
        ),
        ("The SEA-LION family of LLMs supports 11 languages.", ["SEA-LION"]),
        # "Model" inside a longer noun phrase describes something else.
        ("This study introduces GPTA, a Large Language Model assistance training framework.", []),
        ("This paper introduces Model-GLUE, a holistic LLM scaling guideline.", []),
    ],
)
def test_coined_continuations_and_described_models(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_models(text, GAZETTEER)] == expected


def test_benchmarks_listed_after_of_and_a_metric_of_a_number() -> None:
    # Names the gazetteer does not know (CharXiv, VisuLogic, MMEvol2), listed with one it does.
    text = "It wins on multimodal benchmarks of CharXiv, VisuLogic, MMEvol2, and MathVista, with a perplexity of 3.02."
    assert sorted(d.name for d in find_datasets(text, GAZETTEER)) == ["CharXiv", "MMEvol2", "MathVista", "VisuLogic"]
    assert [(r.value, r.metric) for r in find_results(text, GAZETTEER)] == [("3.02", "perplexity")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pretraining corpora include C4, RedPajama-V2, and FineWeb.", ["C4", "RedPajama-V2", "FineWeb"]),
        ("On the RAFT Benchmark it wins.", ["RAFT"]),
        ("We evaluate it on the MBJP and MathQA tasks for Java.", ["MathQA", "MBJP"]),
    ],
)
def test_dataset_versions_capitalised_kinds_and_named_tasks(text: str, expected: list[str]) -> None:
    assert [d.name for d in find_datasets(text, GAZETTEER)] == expected


def test_benchmark_lists_names_with_versions_and_datasets_called_so() -> None:
    text = (
        "We train a 7B LLM called Janus and test it on 5 benchmarks (AlpacaEval 2.0, FLASK, Koala, MT-Bench, and"
        " Self-Instruct). On benchmarks focused on helpfulness (Arena Hard Auto v0.1), it wins. We create the"
        " Multifaceted Collection, a preference dataset. We use LoRA, a method, and Adam, a popular optimizer."
    )
    # "Koala", a model's name, is its test set in a list of benchmarks (a plain word elsewhere in such a
    # list is not enough); AlpacaEval is shown with its version, in its place.
    assert sorted(d.name for d in find_datasets(text, GAZETTEER)) == [
        "AlpacaEval 2.0",
        "Arena Hard Auto v0.1",
        "FLASK",
        "Koala",
        "MT-Bench",
        "Multifaceted Collection",
        "Self-Instruct",
    ]
    assert "Janus" in [m.name for m in find_models(text, GAZETTEER)]


def test_a_version_after_a_variant_and_a_margin() -> None:
    text = "Janus outperforms Mistral 7B Instruct v0.2 and LLaMA 3 8B Instruct by a +4.0%, +0.1%, +3.0% margin."
    assert [m.name for m in find_models(text, GAZETTEER)] == ["Mistral 7B Instruct v0.2", "LLaMA 3 8B Instruct"]
    assert [r.value for r in find_results(text, GAZETTEER)] == ["+4.0%", "+0.1%", "+3.0%"]


def test_a_model_in_a_list_after_datasets_is_not_a_dataset() -> None:
    text = "We test across many datasets and models (like GPT-3.5 and Llama2)."
    assert find_datasets(text, GAZETTEER) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plain word is not a hyphenated name in another case: "Multiple" is not MultiPL-E.
        ("Learning with Multiple Language Models on MultiPL-E.", ["MultiPL-E"]),
        # A known name a list item grows from is replaced by the whole item, not kept beside it.
        (
            "on three benchmarks (AlpacaEval 2.0, MT-Bench, Arena Hard Auto v0.1)",
            ["AlpacaEval 2.0", "MT-Bench", "Arena Hard Auto v0.1"],
        ),
        # A version keeps the space it was written with.
        ("trained on Natural Instructions V2 data", ["Natural Instructions V2"]),
    ],
)
def test_known_names_are_read_whole_and_not_from_plain_words(text: str, expected: list[str]) -> None:
    assert [d.name for d in find_datasets(text, GAZETTEER)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A family too common to count alone counts when the text calls it a model, or sizes it.
        # ... and a size before it is its size: "43B GPT" is GPT 43B.
        ("We train large GPT models. It beats the original 43B GPT.", ["GPT", "GPT 43B"]),
        ("We compare with GPT-style decoders.", []),
        # A name the text gives a model.
        ("Pre-training our model, GenBERT, on this data helps.", ["GenBERT"]),
        ("We obtain edge language models, termed EdgeLM, that run on phones.", ["EdgeLM"]),
        ("A new training framework for LLMs called Fira saves memory.", []),
        # A name with its parameter count.
        ("Our best system MiniCheck-FT5 (770M parameters) outperforms all systems", ["MiniCheck-FT5"]),
        # A name cut short is a wrong name: "called Integrated Data Model (IDM)" names no "Integrated".
        ("represented in a single model, called Integrated Data Model (IDM), then", []),
        # Names coined from a known family, unless the text says they are something else.
        ("We compare SocBERT and BERTweet.", ["BERTweet", "SocBERT"]),
        ("TheoremLlama, an end-to-end framework, trains provers.", []),
        # Names listed with a known model are models.
        ("classifiers based on RoBERTa, XtremeDistil, and TinyNLI", ["RoBERTa", "XtremeDistil", "TinyNLI"]),
        ("compared to Llama 2 and Code Llama", ["Llama 2", "Code Llama"]),
        (
            "it beats Apple\u2019s OpenELM and Microsoft's Phi-2 and GPT-3.5 Turbo, and Zeta",
            ["OpenELM", "Phi-2", "GPT-3.5 Turbo"],
        ),
        # A plain word so described, but never the first word of a sentence.
        ("In this study, we built Kestrel, an LLM with enhanced Welsh. Recently, a model won.", ["Kestrel"]),
        # After "a ... model," the name must end the phrase: an apposition, not a new clause's subject.
        ("We pretrain a 1.3B-parameter model, TernLM, from scratch.", ["TernLM"]),
        ("On AIME with a 1.5B model, TRACE boosts accuracy.", []),
        # A version between family and size; what a name stands for, between it and its description.
        ("Adapting the pre-trained Wan-2.1-14B model helps.", ["Wan-2.1-14B"]),
        ("When applied to the LLaDB-8B-Instruct model, it wins.", ["LLaDB-8B-Instruct"]),
        ("We introduce E2LM - Encoder to Embedding Language Models, a suite of embedding models.", ["E2LM"]),
        # The last word of a title-case phrase is not a name.
        ("Foundation to Feature Large Language Models, a suite of embedding models.", []),
        # A tier and its version, after the family: whole names, not cut ones.
        (
            "It beats Claude Sonnet 4, Mistral Small 3.1 and GPT-4o mini.",
            ["Claude Sonnet 4", "Mistral Small 3.1", "GPT-4o mini"],
        ),
        ("We fine-tune gpt-oss-20b.", ["gpt-oss-20b"]),
        # A name said to be trained from a known model; sizes after a coined name; a VLA; runs of families.
        ("Our SeekAgent is post-trained from Qwen3-14B in two stages.", ["Qwen3-14B", "SeekAgent"]),
        ("on two model scales (Qwen2.5-VL-3B/7B), it wins", ["Qwen2.5-VL-3B", "Qwen2.5-VL-7B"]),
        ("we present VLA-Z1, a reasoning-enhanced VLA that integrates RL.", ["VLA-Z1"]),
        ("directions activated across LLaMA, GPT-2, and nGPT families", ["LLaMA", "GPT-2", "nGPT"]),
        # API names in lower case, with a version or tier; a family's API spelling alone is no name.
        (
            "the best model, gpt-5-medium, beats claude-sonnet-4 and gemini-2.5-pro; we use claude for",
            ["gpt-5-medium", "claude-sonnet-4", "gemini-2.5-pro"],
        ),
        # A size, a name, then what it is; an architecture is not a name.
        ("we build our 3B Ferret-UI Lite agent and use AlexaTM 20B Seq2Seq LLM", ["Ferret-UI Lite"]),
        # The description may not run through what the name is instead.
        ("we introduce EchoNet, a novel framework aimed at optimizing transformer-based models.", []),
        # A title that says its name is a model.
        ("RigoChat 2: an adapted language model to Spanish. We present it.", ["RigoChat 2"]),
        ("ToolPlanner: A Tool Augmented LLM. ToolPlanner, a two-stage reinforcement learning framework.", []),
        ("LLM Post-Training: A Deep Dive into Reasoning Large Language Models. We survey.", []),
    ],
)
def test_models_the_text_names_as_models(text: str, expected: list[str]) -> None:
    assert [m.name for m in find_models(text, GAZETTEER)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Primus: A Pioneering Collection of Open-Source Datasets for Security. We release it.", ["Primus"]),
        ("a final 300B-token dataset, which we call TransWeb-Edu, and", ["TransWeb-Edu"]),
        (
            "we provide *Open Bootstrapped Theorems* (OBT), an aligned and bootstrapped dataset.",
            ["Open Bootstrapped Theorems"],
        ),
        ("real-world benchmarks, e.g., ToolSuite and FuncCall-V3, show it", ["ToolSuite", "FuncCall-V3"]),
        ("by 3.26% on the infty-bench, unlike big-bench-like suites", ["infty-bench"]),
        ("+10% on MBPP-PLUS and +14% on GSM8K", ["MBPP-PLUS", "GSM8K"]),
        ("data selection on the SmolLM corpus of 241B tokens", ["SmolLM corpus"]),
        ("we unify pre-existing datasets into a benchmark FC-Verify, collected from", ["FC-Verify"]),
        ("We present DenseScenes, a slightly different visual question answering (VQA) benchmark.", ["DenseScenes"]),
        # Coined names listed with a known benchmark are benchmarks.
        ("generalizes to other systems on MacAgentArena and AndroidWorld", ["AndroidWorld", "MacAgentArena"]),
        # A name as an adjective is the name; a task's acronym and a tool are not benchmarks.
        ("image datasets: CLEVR-based synthetic scenes, charts, and real images", ["CLEVR"]),
        ("Medical Image Quality Assessment (IQA) and methods like DeepEval", []),
        # A name that spells a word in other letters is found only as written: ReCoRD, QuALITY.
        ("we record high quality data on ReCoRD and QuALITY", ["ReCoRD", "QuALITY"]),
        ("scores on T2I-CompBench and DPG-Bench", ["T2I-CompBench", "DPG-Bench"]),
        ("extractive question answering in the medical domain (Medical-EQA)", []),
        # Named once, with a superlative, an expansion or commas before the kind word.
        (
            "To address this gap, we introduce Pelican, the largest publicly available tool-agentic dataset to date.",
            ["Pelican"],
        ),
        (
            "we present the PhysBench2 (Physics Reasoning Test), the first benchmark designed to test LLMs",
            ["PhysBench2"],
        ),
        (
            "We introduce FakeTrace, the first fine-grained, spatially- and temporally- aware benchmark that",
            ["FakeTrace"],
        ),
        # Shaped like benchmarks: lower-case "bench", a split after it, "Bench" after a space; a language split.
        (
            "40.4% on Ybench-DS, 83% on ybench-DeepSearch and on MCP-World Bench",
            ["Ybench-DS", "ybench-DeepSearch", "MCP-World Bench"],
        ),
        ("15.3% accuracy on BrowseComp and 29.2% on BrowseComp-ZH", ["BrowseComp", "BrowseComp-ZH"]),
        # A version alone is no name: "the BFCL V3 benchmark" names BFCL V3.
        ("counterparts on the BFCL V3 benchmark", ["BFCL V3"]),
        # One capitalised word, then what it is; a language is not a name.
        ("Experiments on the Sotopia interactive social evaluation benchmark", ["Sotopia"]),
        ("we build the English pretraining corpus", []),
        # Benchmark lists of hyphenated names; coined names listed with one already found.
        ("on reasoning benchmarks like Video-Holmes, LongVideo-Reason, and more", ["Video-Holmes", "LongVideo-Reason"]),
        (
            "we construct RouteMap-Plus, an extended dataset. Experiments on RouteMap and RouteMap-Plus",
            ["RouteMap-Plus", "RouteMap"],
        ),
        # A name after its kind; an acronym just defined; a title-case phrase's acronym; runs with a phrase.
        ("applying our framework to the real-world planning benchmark Blocksworld, we confirm", ["Blocksworld"]),
        ("we introduce a Segmentation-and-Scene Caption Retrieval (SCaR) benchmark comprising", ["SCaR"]),
        ("We present Voice Evaluation of Reasoning Ability (VERA), a benchmark for voice systems", ["VERA"]),
        ("We curate C-SRRG dataset; for a target Medical-EQA dataset", ["C-SRRG"]),
        # A capitalised kind is part of a coined name, not of an acronym's.
        (
            "the OnlySports Dataset and OnlySports Benchmark, and the RAFT Benchmark",
            ["OnlySports Dataset", "OnlySports Benchmark", "RAFT"],
        ),
        (
            "Experiments on ToolWorld, OfficeBench, and Multi-objective QA show",
            ["OfficeBench", "ToolWorld", "Multi-objective QA"],
        ),
        # An acronym defined as a benchmark's name; not a task's.
        ("a novel benchmark, the Chemical Text Embedding Benchmark (ChemTEB), designed for", ["ChemTEB"]),
        ("the Chemical Text Embedding Task (ChemTET), designed for", []),
        # Two years of a contest.
        ("accuracy across AIME 24/25 and GPQA", ["AIME-24", "AIME-25", "GPQA"]),
        # An acronym the text defines for a technique or a task is no benchmark (hf2025h1 and hf2025h1b dev),
        # unless the text makes it or says it is one.
        ("FastKV uses grouped-query attention (GQA)-aware compression to exploit GQA.", []),
        ("Document Question Answering (DocQA) is a very common task. We test on MMLongBench.", ["MMLongBench"]),
        ("We introduce Chinese Time Reasoning (CTM), a benchmark for dynasties.", ["CTM"]),
        ("a large-scale Segmentation-and-Scene Caption Retrieval (SCaR) benchmark", ["SCaR"]),
        ("We evaluate on GQA and VQAv2.", ["GQA", "VQAv2"]),
    ],
)
def test_datasets_the_text_names_as_datasets(text: str, expected: list[str]) -> None:
    assert [d.name for d in find_datasets(text, GAZETTEER)] == expected
