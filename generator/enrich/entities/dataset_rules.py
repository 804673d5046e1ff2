"""The rules that say a name the gazetteer does not know is a benchmark or a dataset: how it is
made (OCRBench), "the TOFU dataset", "X, the first benchmark", "a dataset called X", the lists of
benchmarks it stands in. What a rule says is then checked (see `datasets.find_datasets`).
"""

from __future__ import annotations

import functools
import re

from generator.enrich.entities.names import (
    ACRONYM,
    LIST_SEPARATOR,
    LOWER_WORD_BEFORE,
    MAX_LISTED,
    NAME,
    NAME_OR_HYPHENATED,
    NAMED_LIKE_A_BENCHMARK,
    NAMING,
    NOT_NAMES,
    TITLE_NAME,
    kind_of,
)
from generator.enrich.entities.rules import Example, Rule, Scene
from generator.text.names import normalise_name

#: "the TOFU dataset", "the VTAB-1k fine-tuning benchmark", "a dataset called MGToolBench".
_BEFORE_KIND = re.compile(
    # also a letter and an acronym: "We curate C-SRRG dataset"
    # or an acronym just defined: "Segmentation-and-Scene Caption Retrieval (SCaR) benchmark"
    r"(?:(?<![\w-])|(?<=\())(?P<name>%s|[A-Z][A-Za-z0-9]{0,2}-[A-Z]{2,}[A-Za-z0-9]*)\)?\s+(?:[a-z-]+\s+)?(?P<kind>[Dd]ataset|[Bb]enchmark|[Cc]orpus)"
    r"\b(?!-)" % NAME
)
#: "on ArXiv and OpenWebText2 datasets", "the GSM8K, SVAMP and AQuA benchmarks", "the MBJP and MathQA tasks".
_LIST_BEFORE_KIND = re.compile(
    r"(?<![\w-])(?P<items>%s(?:(?:,\s*(?:and\s+)?|\s+and\s+)%s){1,%d})\s+(?:[a-z-]+\s+)?(?P<kind>datasets|benchmarks|corpora|tasks)\b"
    % (NAME, NAME, MAX_LISTED)
)
#: "on the Training Data Extraction Challenge dataset": a name of capitalised words.
_TITLED_BEFORE_KIND = re.compile(
    r"\bthe\s+(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,5})\s+(?P<kind>dataset|benchmark|corpus)\b"
    # One capitalised word and what it is: "on the Sotopia interactive social evaluation benchmark"
    r"|\bthe\s+(?P<word>[A-Z][a-z]+[\w-]*)\s+(?:[a-z-]+\s+){1,4}(?P<word_kind>dataset|benchmark|corpus)\b(?!-)"
)
#: "we introduce MMStar, an elite ... multi-modal benchmark", "we create the Multifaceted Collection, a
#: preference dataset": a name the text then calls a dataset.
_CALLED_A_DATASET = re.compile(
    # "*Open Bootstrapped Theorems* (OBT), an NL-FL aligned and bootstrapped dataset"
    # "we introduce Toucan, the largest publicly available tool-agentic dataset": a plain word after a
    # lower-case one.
    r"(?:(?<![\w-])(?P<name>%s)|(?:\bthe\s+|\*{1,2})(?P<titled>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,4})\**"
    r"|(?<=[a-z] )(?P<word>[A-Z][a-z]{2,}))"
    # "the CritPt (Complex Research using Integrated Thinking - Physics Test), the first benchmark"
    r"(?:\s+\([^()]{1,120}\))?,\s+(?:an?|the|the\s+first|the\s+largest|the\s+most)\s+"
    # "VisualOverload, a slightly different visual question answering (VQA) benchmark", "DeeptraceReward,
    # the first fine-grained, spatially- and temporally- aware benchmark"
    r"(?:[\w-]+,?\s+|\([\w-]+\)\s+){0,7}?(?P<kind>dataset|benchmark|corpus)\b(?!-)" % NAME
)
_ACRONYM_AFTER = re.compile(r"\s+\((%s)\)" % ACRONYM)
#: An acronym defined as a benchmark's or dataset's name: "the Chemical Text Embedding Benchmark (ChemTEB)".
_EXPANDED_DATASET = re.compile(
    r"(?<![\w-])(?:[A-Z][\w-]*\s+){1,6}(?P<kind>Benchmark|Dataset|Corpus)\s+\((?P<name>%s)\)" % ACRONYM
)
#: "evaluation datasets: 71M Leaner-Pretrain, 7M Leaner-Instruct, Leaner-Glue for ..., and Leaner-Eval".
_KIND_COLON_LIST = re.compile(r"\b(?P<kind>datasets|benchmarks|corpora)\s*:\s*(?P<items>[^.;:]{1,300})")
_LEADING_NAME = re.compile(r"(?:\d+(?:\.\d+)?[KMBT]\s+)?(?P<name>%s)(?![\w-])" % NAME_OR_HYPHENATED)
_CALLED = re.compile(
    r"\b(?P<kind>dataset|benchmark|corpus)\s*,?\s+%s\s+(?P<name>%s)"
    # "we unify pre-existing datasets into a benchmark LLM-AggreFact"
    r"|\b(?:a|an|the|our|new)\s+(?:[a-z-]+\s+){0,3}(?P<kind_before>dataset|benchmark|corpus)\s+(?P<after>%s|[A-Z][a-z]+[\w-]*)"
    r"(?![\w-])" % (NAMING, NAME, NAME)
)
#: A title that says what its name is: "Primus: A Pioneering Collection of Open-Source Datasets for
#: Cybersecurity LLM Training".
_TITLE_CALLS_A_DATASET = re.compile(
    TITLE_NAME
    + r"(?i:an?)\s+(?:[\w.-]+\s+){0,4}?(?:(?:[Cc]ollection|[Ss]uite|[Ss]et|[Ff]amily)\s+of\s+(?:[\w-]+\s+){0,3}?)?"
    r"(?P<kind>[Dd]atasets?|[Bb]enchmarks?|[Cc]orpus|[Cc]orpora)\b(?!-)"
)
#: "(i.e., MMLU, MMLU-Pro, AGIEval-en, GSM8K, and HumanEval)" after "benchmarks" or "datasets".
_LISTED = re.compile(
    r"\b(?:benchmarks|datasets)\s+(?:(?!(?:and|or)\b)[\w-]+\s+){0,5}?\((?:i\.e\.|e\.g\.|including)?,?\s*"
    r"(?P<items>[^()]{1,200})\)"
)
#: A name in a list the text says holds benchmarks: a coined name, capitalised words joined by a
#: hyphen ("Self-Instruct") or a space ("Arena Hard Auto"), with a version ("AlpacaEval 2.0",
#: "Arena Hard Auto v0.1"). A single plain word ("Koala", "Chinese") is not enough.
_BENCHMARK_ITEM = re.compile(
    r"(?:%s|[A-Z][a-z]+(?:-[A-Z][A-Za-z0-9]*)+|[A-Z][A-Za-z0-9]*(?:\s[A-Z][A-Za-z0-9-]*)+)(?:\s[vV]?\d+(?:\.\d+)*)?"
    % NAME
)
#: Unbracketed: "on various multimodal benchmarks of MMBench, SEEDBench, MMstar, and MathVista".
_LISTED_RUN = re.compile(
    r"\b(?:benchmarks|datasets),?\s+(?:of|such as|including|like|e\.g\.,?)\s+(?P<items>(?:[^.;:()]|\.(?=\w))+)"
)
#: A bracketed list of two or more names: "(MultiArith, GSM8K, AQUA-RAT, SVAMP)".
#: (Only from a word's start: from each of its letters, a long word is read to its end again.)
_BRACKETED = re.compile(r"(?<![a-z])(?P<before>[a-z]+)\s+\((?P<items>[^()]{3,200})\)")
_LIST_ITEM = re.compile(r"[A-Z][A-Za-z0-9-]*(?:\s[A-Z][A-Za-z0-9-]*){0,3}")
#: The rule whose names in a list of benchmarks may be a model's: its test set ("Koala").
TEST_SETS = "benchmarks-bracketed"


def _named_with_kind(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    # "the SmolLM corpus" and "the OnlySports Dataset" are named with their kind; "the TOFU dataset" and
    # "the RAFT Benchmark" (an acronym names itself) are not
    kind, name = match.group("kind"), match.group("name")
    named = kind == "corpus" or (
        kind[0].isupper() and not name.isupper() and match.end("name") == match.start("kind") - 1
    )
    return [(name + (" " + kind if named else ""), kind_of(kind))]


def _items(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    kind = kind_of(match.group("kind"))
    return [(item.strip(), kind) for item in LIST_SEPARATOR.split(match.group("items"))]


def _titled(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    return [(match.group("name") or match.group("word"), kind_of(match.group("kind") or match.group("word_kind")))]


def _not_a_phrase_end(match: re.Match[str], scene: Scene) -> bool:
    # A plain word after a title-case phrase is the phrase's end, not a name ("Voice Evaluation of Reasoning
    # Ability, a benchmark"), unless the acronym after it names it ("... Ability (VERA), a benchmark").
    word = match.group("word")
    return not word or bool(
        LOWER_WORD_BEFORE.search(scene.text, max(0, match.start() - 30), match.start())
        or _ACRONYM_AFTER.match(scene.text, match.end("word"))
    )


def _called_a_dataset(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    name = match.group("name") or match.group("titled") or match.group("word")
    if match.group("word") and not LOWER_WORD_BEFORE.search(scene.text, max(0, match.start() - 30), match.start()):
        acronym = _ACRONYM_AFTER.match(scene.text, match.end("word"))
        name = acronym.group(1) if acronym else name
    return [(name, kind_of(match.group("kind")))]


def _leading_names(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    kind, names = kind_of(match.group("kind")), []
    for item in LIST_SEPARATOR.split(match.group("items")):
        leading = _LEADING_NAME.match(item.strip())
        if not leading:
            break  # the list has ended
        names.append((leading.group("name"), kind))
    return names


def _benchmark_items(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    # A model's name in a list of benchmarks is its test set: "(AlpacaEval 2.0, FLASK, Koala, MT-Bench)".
    items = (item.strip() for item in LIST_SEPARATOR.split(match.group("items")))
    return [(i, "benchmark") for i in items if _BENCHMARK_ITEM.fullmatch(i) or i in scene.gazetteer.family_of]


def _benchmark_run(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    names = []
    for item in (i.strip() for i in LIST_SEPARATOR.split(match.group("items"))):
        if not _BENCHMARK_ITEM.fullmatch(item) or " " in item:
            break  # the list has ended ("Video-Holmes" is a name, "Video Holmes" may be words)
        names.append((item, "benchmark"))
    return names


def _names_listed(match: re.Match[str]) -> list[str]:
    """Return the names of a bracketed list of two or more capitalised names, else none."""
    items = [i.strip() for i in LIST_SEPARATOR.split(match.group("items"))]
    return items if len(items) >= 2 and all(_LIST_ITEM.fullmatch(i) for i in items) else []


@functools.lru_cache(maxsize=16)
def _holds_a_known_list(sentence: str, known: frozenset[str]) -> bool:
    """Return whether one of a sentence's bracketed lists holds a known dataset (once per sentence)."""
    return any(normalise_name(i) in known for m in _BRACKETED.finditer(sentence) for i in _names_listed(m))


def _beside_known(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    return [(i, "benchmark") for i in _names_listed(match) if normalise_name(i) not in scene.known]


DATASET_RULES = (
    Rule(
        "shaped-like-benchmark",
        "dataset",
        NAMED_LIKE_A_BENCHMARK,
        read=lambda m, scene: [(m.group(), "benchmark")],
        examples=(
            Example("on the TOFU dataset and the new OCRBench", "OCRBench"),
            Example("scores on T2I-CompBench and DPG-Bench", "DPG-Bench"),
        ),
    ),
    Rule(
        "name-then-kind",
        "dataset",
        _BEFORE_KIND,
        read=_named_with_kind,
        examples=(
            Example("We curate C-SRRG dataset for this.", "C-SRRG"),
            Example("the OnlySports Dataset and the RAFT Benchmark", "OnlySports Dataset"),
        ),
    ),
    Rule(
        "list-then-kind",
        "dataset",
        _LIST_BEFORE_KIND,
        read=_items,
        examples=(
            Example("Fluent to 32k tokens on ArXiv and OpenWebText2 datasets.", "OpenWebText2"),
            Example("We evaluate it on the MBJP and MathQA tasks for Java.", "MBJP"),
        ),
    ),
    Rule(
        "titled-then-kind",
        "dataset",
        _TITLED_BEFORE_KIND,
        read=_titled,
        guard=lambda m, scene: m.group("word") not in NOT_NAMES,
        examples=(
            Example("Experiments on the Sotopia interactive social evaluation benchmark", "Sotopia"),
            Example("on the Training Data Extraction Challenge dataset", "Training Data Extraction Challenge"),
            Example("we build the English pretraining corpus", "English", False),
        ),
    ),
    Rule(
        "called-a-dataset",
        "dataset",
        _CALLED_A_DATASET,
        read=_called_a_dataset,
        guard=_not_a_phrase_end,
        examples=(
            Example("To address this gap, we introduce Pelican, the largest publicly available dataset.", "Pelican"),
            Example("We present Voice Evaluation of Reasoning Ability (VERA), a benchmark for voice", "VERA"),
            Example("We present Voice Evaluation of Reasoning Ability, a benchmark for voice", "Ability", False),
        ),
    ),
    Rule(
        "acronym-of-kind",
        "dataset",
        _EXPANDED_DATASET,
        read=lambda m, scene: [(m.group("name"), kind_of(m.group("kind")))],
        needs=lambda text: "Benchmark (" in text or "Dataset (" in text or "Corpus (" in text,
        examples=(Example("a novel benchmark, the Chemical Text Embedding Benchmark (ChemTEB), designed", "ChemTEB"),),
    ),
    Rule(
        "kind-colon-list",
        "dataset",
        _KIND_COLON_LIST,
        read=_leading_names,
        examples=(
            Example("evaluation datasets: 71M Leaner-Pretrain, 7M Leaner-Instruct, and Leaner-Eval", "Leaner-Instruct"),
        ),
    ),
    Rule(
        "kind-called",
        "dataset",
        _CALLED,
        read=lambda m, scene: [
            (m.group("name") or m.group("after"), kind_of(m.group("kind") or m.group("kind_before")))
        ],
        guard=lambda m, scene: m.group("after") not in NOT_NAMES,
        examples=(
            Example("a final 300B-token dataset, which we call TransWeb-Edu, and", "TransWeb-Edu"),
            Example("we unify pre-existing datasets into a benchmark FC-Verify, collected from", "FC-Verify"),
            Example("we release a new benchmark Python suite", "Python", False),
        ),
    ),
    Rule(
        "title-says-dataset",
        "dataset",
        _TITLE_CALLS_A_DATASET,
        read=lambda m, scene: [(m.group("name"), kind_of(m.group("kind")))],
        examples=(
            Example("Primus: A Pioneering Collection of Open-Source Datasets for Security. We release it.", "Primus"),
            Example("The Nordic Pile: A 1.2TB Nordic Dataset for Language Modeling", "The Nordic Pile"),
        ),
    ),
    Rule(
        TEST_SETS,
        "dataset",
        _LISTED,
        read=_benchmark_items,
        examples=(
            Example("benchmarks (i.e., MMLU, AGIEval-en, FooQA, and BarSet2)", "BarSet2"),
            Example("on 5 benchmarks (AlpacaEval 2.0, FLASK, Koala, MT-Bench, and Self-Instruct)", "Koala"),
            Example("on benchmarks (FooSet2, a plain word, Chinese)", "Chinese", False),
        ),
    ),
    Rule(
        "benchmarks-listed",
        "dataset",
        _LISTED_RUN,
        read=_benchmark_run,
        examples=(
            Example("on reasoning benchmarks like Video-Holmes, LongVideo-Reason, and more", "LongVideo-Reason"),
            Example("on benchmarks such as Video Holmes and FooSet2", "FooSet2", False),
        ),
    ),
    Rule(
        "listed-beside-known",
        "dataset",
        _BRACKETED,
        read=_beside_known,
        # "reasoning tasks including arithmetics (MultiArith, GSM8K, SVAMP), symbolic reasoning (Last Letter,
        # Coin Flip)": GSM8K is known, so every name in these lists is a benchmark.
        guard=lambda m, scene: _holds_a_known_list(m.string, scene.known),
        per_sentence=True,
        examples=(
            Example(
                "tasks including arithmetics (MultiArith, GSM8K), symbolic reasoning (Last Letter, Coin Flip).",
                "Coin Flip",
            ),
            Example("two methods (Foo Bar, Baz Qux) and two models (Llama, Mistral).", "Foo Bar", False),
        ),
    ),
)
