"""The entity tagger: its tokens and features, the distant labels it is trained on, what it may add
(only what the extractor's rules let in), the shipped model, and training that gives the same bytes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.enrich.clean import clean_abstract
from generator.enrich.entities import extract_entities, load_gazetteer
from generator.enrich.entities import tagged as tagged_module
from generator.enrich.entities.tagged import add_tagged
from generator.enrich.entities.tagger import (
    MODEL_FILE,
    Tagged,
    bio_tags,
    enabled,
    features,
    known_features,
    load_tagger,
    tag,
    tokens,
    word_features,
)
from generator.enrich.entities.tagger_training import (
    PARAMETERS,
    distant_labels,
    name_spans,
    sentence_ranges,
    train,
)
from generator.identify.papers import identify
from generator.model import DatasetName, ModelName, Paper, Record, Source

GAZETTEER = load_gazetteer()


def words(text: str) -> list[str]:
    return [text[start:end] for start, end in tokens(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qwen2.5-7B, MBPP+ and GPT-4o.", ["Qwen2.5-7B", ",", "MBPP+", "and", "GPT-4o", "."]),
        ("(GSM8K) is 8.5% of AlpacaEval 2.0", ["(", "GSM8K", ")", "is", "8.5", "%", "of", "AlpacaEval", "2.0"]),
        ("Gemma-2B/7B's", ["Gemma-2B", "/", "7B", "'", "s"]),
        ("", []),
    ],
)
def test_tokens_keep_a_name_whole_and_split_off_signs(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("word", "has", "has_not"),
    [
        ("SmolLM", {"w=smollm", "sh=XxX", "SH=XxxxXX", "inner-capital", "capital", "s3=lLM"}, {"digit", "hyphen"}),
        ("Qwen2", {"digit", "capital", "sh=Xxd", "p3=Qwe"}, {"inner-capital"}),
        ("MT-Bench", {"hyphen", "inner-capital", "sh=X-Xx"}, {"digit"}),
        ("model", {"w=model", "sh=x", "s2=el"}, {"capital", "inner-capital"}),
    ],
)
def test_word_features_say_shape_capitals_digits_hyphens_and_affixes(
    word: str, has: set[str], has_not: set[str]
) -> None:
    found = set(word_features(word))
    assert has <= found
    assert not has_not & found


def test_features_read_two_neighbours_either_side_and_the_sentence_start() -> None:
    items = features(["on", "GSM8K", ".", "We"])
    assert {"-1w=on", "+1w=.", "+2w=we", "-2=edge", "+1sh=.", "-1w+1w=on|."} <= set(items[1])
    assert "first" in items[0] and "first" in items[3] and "first" not in items[1]
    assert {"-2=edge", "-1=edge"} <= set(items[0]) and {"+1=edge", "+2=edge"} <= set(items[3])


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("We tune Llama 3 on GSM8K .", [(8, 15, "MODEL"), (19, 24, "DATASET")], "O O B-MODEL I-MODEL O B-DATASET O"),
        # the longest first; one overlapping it is left out
        ("Llama 3 8B", [(0, 7, "MODEL"), (0, 10, "MODEL")], "B-MODEL I-MODEL I-MODEL"),
        # a name that does not start and end at a token's edges is left out
        ("Llama-3-based", [(0, 7, "MODEL")], "O"),
    ],
)
def test_bio_tags_label_names_that_fit_the_tokens(text: str, names: list[tuple[int, int, str]], expected: str) -> None:
    assert " ".join(bio_tags(tokens(text), names)) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("GPT-4 and GPT-4o beat GPT-4.", "GPT-4", [(0, 5), (22, 27)]),
        ("a Llama-3-based model", "Llama-3", []),
        ("Qwen2.5 is not Qwen2", "Qwen2", [(15, 20)]),
    ],
)
def test_name_spans_find_a_name_only_whole(text: str, name: str, expected: list[tuple[int, int]]) -> None:
    assert [(start, end) for start, end, _ in name_spans(text, [(name, "MODEL")])] == expected


def test_sentences_end_at_a_stop_before_a_capital() -> None:
    assert sentence_ranges(["A", "b", ".", "C", "2.5", ".", "d"]) == [(0, 3), (3, 7)]
    assert sentence_ranges(["e.g", ".", "this"]) == [(0, 3)]


def paper(title: str, abstract: str, **entities: object) -> Paper:
    return replace(clean_abstract(identify(Record(title, abstract, Source("x.txt", 1)))), **entities)  # type: ignore[arg-type]


def test_distant_labels_leave_out_a_sentence_with_a_name_the_rules_missed() -> None:
    found = paper(
        "Tuning small models",
        "We tune Qwen2.5 on GSM8K. We compare with OmniTuner. The results hold.",
        models=(ModelName("Qwen2.5", "Qwen", "2.5"),),
        datasets=(DatasetName("GSM8K", "GSM8K", "benchmark"),),
    )
    sequences = distant_labels(found)
    labelled = [labels for _, labels in sequences]
    # the title, the first sentence and the last; not "We compare with OmniTuner."
    assert labelled == [["O"] * 4, ["O", "O", "B-MODEL", "O", "B-DATASET", "O"], ["O"] * 4]
    assert "w=qwen2.5" in sequences[1][0][2]


def stub(monkeypatch: pytest.MonkeyPatch, *found: Tagged) -> None:
    monkeypatch.setattr(tagged_module, "tag", lambda text: list(found))


def at(text: str, name: str, kind: str, probability: float = 0.99) -> Tagged:
    return Tagged(name, kind, text.index(name), probability)


@pytest.mark.parametrize(
    ("text", "name", "kind", "added"),
    [
        ("We compare to OmniEditor and GPT-4.", "OmniEditor", "MODEL", True),
        ("Results on LongDocURL and MMLU.", "LongDocURL", "DATASET", True),
        # what the text calls a framework, method, system, adapter or module is no model
        ("ToolPlanner, a two-stage framework, beats GPT-4.", "ToolPlanner", "MODEL", False),
        ("the LAVViT adapters wrap a ViT", "LAVViT", "MODEL", False),
        ("we use methods like DeepEvalX, and more", "DeepEvalX", "DATASET", False),
        # not written as a name: plain words, an acronym alone, a plural, a metric, a common acronym
        ("Large-Scale training of models", "Large-Scale", "MODEL", False),
        ("a GUI agent", "GUI", "DATASET", False),
        ("we scale DiTs to 8B", "DiTs", "MODEL", False),
        ("F1 of 80 on the task", "F1", "DATASET", False),
        ("LLMs are evaluated", "LLMs", "MODEL", False),
        ("in a GPT-style setup", "GPT", "MODEL", False),
        # a bare family the gazetteer counts only with a version; a dataset's name as a model
        ("We compare to GPT and others.", "GPT", "MODEL", False),
        ("We compare to MMLU and others.", "MMLU", "MODEL", False),
        # a task's acronym, a model's name, a coined model as datasets
        ("on KBQA and more", "KBQA", "DATASET", False),
        ("evaluated on Llama2 and more", "Llama2", "DATASET", False),
        ("evaluated on SocBERT and more", "SocBERT", "DATASET", False),
        # the paper's own name: the own-name rules decide
        ("OwnNet2: a study. We present OwnNet2, which", "OwnNet2", "MODEL", False),
    ],
)
def test_the_tagger_adds_only_what_the_rules_let_in(
    monkeypatch: pytest.MonkeyPatch, text: str, name: str, kind: str, added: bool
) -> None:
    stub(monkeypatch, at(text, name, kind))
    models, datasets = add_tagged(text, GAZETTEER, (), (), "OwnNet2")
    found = [(m.name, m.rule, "MODEL") for m in models] + [(d.name, d.rule, "DATASET") for d in datasets]
    assert found == ([(name, "tagger", kind)] if added else [])


def test_the_tagger_keeps_what_the_rules_found_and_needs_its_probability(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "We compare to OmniEditor and Qwen2.5."
    rules = (ModelName("Qwen2.5", "Qwen", "2.5", rule="gazetteer"),)
    stub(monkeypatch, at(text, "Qwen2.5", "DATASET"), at(text, "OmniEditor", "MODEL", 0.3))
    assert add_tagged(text, GAZETTEER, rules, (), None) == (rules, ())


@pytest.mark.parametrize(("setting", "on"), [("on", True), ("off", False), ("ON", True), ("0", False)])
def test_the_tagger_is_switched_by_the_environment(monkeypatch: pytest.MonkeyPatch, setting: str, on: bool) -> None:
    monkeypatch.setenv("ATLAS_TAGGER", setting)
    assert enabled() is on


def test_extraction_adds_the_taggers_names_only_when_it_is_on(monkeypatch: pytest.MonkeyPatch) -> None:
    found = paper("A study", "We compare to OmniEditor on MMLU.")
    stub(monkeypatch, Tagged("OmniEditor", "MODEL", found.prose.index("OmniEditor") + 9, 0.99))
    monkeypatch.setenv("ATLAS_TAGGER", "off")
    assert [m.name for m in extract_entities(found).models] == []
    monkeypatch.setenv("ATLAS_TAGGER", "on")
    assert [(m.name, m.rule) for m in extract_entities(found).models] == [("OmniEditor", "tagger")]


def test_the_shipped_model_is_small_and_tags_a_known_sentence() -> None:
    assert MODEL_FILE.stat().st_size < 2_000_000
    assert set(load_tagger().labels()) == {"O", "B-MODEL", "I-MODEL", "B-DATASET", "I-DATASET"}
    sentence = "We fine-tune Llama-3-8B and Qwen2.5-7B and evaluate them on GSM8K and MMLU."
    found = {(t.name, t.kind) for t in tag(sentence)}
    assert {("Llama-3-8B", "MODEL"), ("Qwen2.5-7B", "MODEL"), ("GSM8K", "DATASET"), ("MMLU", "DATASET")} <= found


def test_training_gives_the_same_model_from_the_same_sequences(tmp_path: Path) -> None:
    sentence = ["We", "tune", "Qwen2", "on", "GSM8K", "."]
    labels = ["O", "O", "B-MODEL", "O", "B-DATASET", "O"]
    sequences = [(features(sentence), labels), (features(["We", "tune", "it", "."]), ["O"] * 4)] * 3
    parameters = {**PARAMETERS, "max_iterations": 20, "feature.minfreq": 1}
    train(sequences, tmp_path / "a.crfsuite", parameters)
    train(sequences, tmp_path / "b.crfsuite", parameters)
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()
    load_tagger.cache_clear()
    try:
        assert load_tagger(tmp_path / "a.crfsuite").tag(features(sentence)) == labels
    finally:
        load_tagger.cache_clear()


def test_features_the_model_has_no_weight_for_are_left_out_without_changing_what_it_tags() -> None:
    sentence = "Compared to OmniEditor-2 and GPT-4o, our 7B model wins on LongDocURL and MM-Vet."
    known = known_features()
    filtered = features(words(sentence), known)
    assert all(set(item) <= known for item in filtered)
    assert sum(map(len, filtered)) < sum(map(len, features(words(sentence))))
    found = [(t.name, t.kind, t.start, round(t.probability, 9)) for t in tag(sentence)]
    assert found == [(t.name, t.kind, t.start, round(t.probability, 9)) for t in tag(sentence, load_tagger())]
