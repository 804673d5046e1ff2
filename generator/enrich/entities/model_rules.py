"""The rules that say a coined name is a model: "X, a ... model", "the X family of LLMs", "models
such as X", "a 7B model X", a title "X: a ... language model". Acronyms, datasets and names the
gazetteer read are not taken (see `models.find_models`), and each rule runs in this order.
"""

from __future__ import annotations

import re

from generator.enrich.entities.names import (
    LIST_SEPARATOR,
    LOWER_WORD_BEFORE,
    MAX_LISTED,
    NAME,
    NAME_ITEM,
    NAME_OR_HYPHENATED,
    NAMED_LIKE_A_BENCHMARK,
    NAMING,
    NOT_A_MODEL_KIND,
    TITLE_NAME,
    described_as_a_model,
)
from generator.enrich.entities.rules import Example, Rule, Scene
from generator.enrich.entities.words import apposition, called_other_than_a_model
from generator.text.names import COMMON_ACRONYMS, normalise_name

#: Any coined name so described: "we train DMaS-LLaMa-Lite, a fully open source, ... model".
_NAME_CALLED_A_MODEL = re.compile(
    # A plain capitalised word only after a lower-case one: "we constructed Swallow, an LLM with ...", never
    # the first word of a sentence ("Recently, a model ...").
    r"(?:(?<![\w-])(?P<name>%s)|(?<=[a-z] )(?P<word>[A-Z][a-z]{2,}))"
    # What the name stands for, between: "F2LLM - Foundation to Feature Large Language Models, a suite of
    # ... models", "Clue (Clustering and Experience-based Verification), a ... verifier".
    r"(?:\s+[-\u2013\u2014]\s+[A-Z][^,.;()]{0,80}?|\s+\([^()]{1,80}\))?,\s+%s"
    % (NAME_OR_HYPHENATED, described_as_a_model())
)
#: "The SEA-LION family of LLMs": a family of models by name.
_FAMILY_OF_MODELS = re.compile(
    r"(?<![\w-])(?P<name>%s)\s+(?:family|series)\s+of\s+(?:[\w-]+\s+){0,2}?(?:[Mm]odels|M?LLMs|VLMs)\b" % NAME
)
#: Models named as examples: "models such as NLLB-54B and Search-o1", "LLMs (e.g., LLaMA-2-7B, ...)",
#: "models specially designed for IE tasks (e.g., UIE)", "model families (GPT-Neo, Pythia, BLOOM)".
_MODELS_WORD = r"\b(?:models?|LLMs|MLLMs|VLMs|PLMs|LMs)"
_EXAMPLES = r"(?:e\.g\.|i\.e\.|such as|including|like)"
_MODELS_BRACKETED = re.compile(
    r"%s,?\s+(?:[\w-]+\s+){0,6}?\((?P<intro>%s)?,?\s*(?P<items>[^()]{1,200})\)" % (_MODELS_WORD, _EXAMPLES)
)
#: Unbracketed, the list runs to the end of the clause (a dot inside a name, "Qwen1.5", goes on).
_MODELS_LISTED = re.compile(r"%s,?\s+%s,?\s+(?P<items>(?:[^.;:()]|\.(?=\w))+)" % (_MODELS_WORD, _EXAMPLES))
#: A coined model name: the shape of `NAME`, or a word with a versioned suffix ("Search-o1").
_MODEL_ITEM = re.compile(r"(?:%s|[A-Z][A-Za-z]+-[a-z]?\d[\w.]*)" % NAME)
#: Anywhere: "pretrain a 1.3B-parameter model, CuatroLLM", "pretrain a 7B model BaichuanSEED" name a model.
_PARAMETER_MODEL = re.compile(
    r"\b\d+(?:\.\d+)?[BM](?:[- ]parameters?)?\s+(?:[a-z-]+\s+){0,2}(?:model|M?LLM|VLM),?\s+"
    r"(?:(?:called|named)\s+(?P<called>[A-Z][\w-]*)|(?P<name>%s))(?![\w-])" % NAME
)
#: A name the text gives a model: "our model, GenBERT", "edge language models, termed EfficientLLM",
#: "a model which we call X".
_NAMED_MODEL = re.compile(
    r"(?:\bour\s+(?:[\w-]+\s+){0,2}?(?:model|M?LLM|VLM),\s+(?P<name>%s)"
    r"|\b(?:models?|M?LLMs?|VLMs?),?\s+%s"
    # (the whole name: "a single model, called Integrated Data Model (IDM)" does not name "Integrated")
    r"\s+(?P<called>[A-Z][\w.+-]*[\w+])(?!\s[A-Z]))(?![\w-])" % (NAME, NAMING)
)
#: A word that may be a name coined from a family: capitalised, with any size ("SocBERT", "ProLLaMA-7B").
_CAPITALISED_WORD = re.compile(r"(?<![\w-])(?:[A-Z][A-Za-z0-9]*-)?[A-Z][A-Za-z0-9]*(?:-\d+(?:\.\d+)?[BM])?(?![\w-])")
#: A run of names joined by commas and a last "and"/"or": "RoBERTa, BERTweet, and SocBERT".
NAME_RUN = re.compile(
    # Not part of a longer name on either side: "GPT-3.5 Turbo, and GPT-4", "StarCoder and Code Llama".
    r"(?<![\w.-])(?P<items>%s(?:,\s*%s){0,%d},?\s+(?:and|or)\s+%s)(?![\w'\u2019-]|\s[A-Z0-9])"
    % (NAME_ITEM, NAME_ITEM, MAX_LISTED, NAME_ITEM)
)
_NAME_ENDS = re.compile(r"(?<![\w.-])[A-Z0-9][\w.-]*\s$")
#: A size, a name, then what it is: "our 3B Ferret-UI Lite agent".
_SIZE_NAME_MODEL = re.compile(
    r"\b\d+(?:\.\d+)?[BM]\s+(?P<name>%s(?:\s[A-Z][a-z]+)?)"
    r"\s+(?:model|agent|M?LLM|VLM)s?\b" % NAME_OR_HYPHENATED
)
#: A name and its parameter count: "Our best system MiniCheck-FT5 (770M parameters) outperforms".
_NAME_WITH_PARAMETERS = re.compile(
    r"(?<![\w-])(?P<name>%s)\s+\(\d+(?:\.\d+)?\s?[BM]\s+(?:parameters|params)\)" % NAME_OR_HYPHENATED
)
#: A name the text says was trained from a known model: "Our InfoAgent is post-trained from Qwen3-14B".
_TRAINED_FROM = re.compile(
    r"(?<![\w-])(?P<name>%s)\s+(?:is|was|are|were)\s+(?:[a-z]+\s+)?(?:post-|pre-|further\s+|continually\s+)?"
    r"(?:trained|fine-?tuned|initiali[sz]ed|distilled|built|adapted|pre-?trained)\s+(?:from|on|upon|on\s+top\s+of)\s+"
    % NAME
)
#: A coined name the text calls a model, after an article: "the popular Open-Sora-Plan model", "the recently
#: proposed GPT-o3 model", "our HaluCheck models" (not an acronym, "the VLA model", nor an adjective, "SFT-aligned").
_THE_NAME_MODEL = re.compile(
    r"\b(?:[Tt]he|[Oo]ur|[Tt]heir)\s+(?:[a-z-]+\s+){0,3}(?P<name>%s)\s+models?\b(?!-)" % NAME_OR_HYPHENATED
)
#: An acronym a text defines for the model it introduces: "we propose ... the Video-3D Geometry Large Language
#: Model (VG LLM)", "using a transformer-based Large Texturing Model (LTM)".
_ACRONYM_OF_MODEL = re.compile(
    r"(?<![\w-])(?:[A-Z0-9][\w-]*\s+){1,6}(?:Model|LLM|MLLM|Transformer)\s+"
    r"\((?P<name>[A-Z][A-Za-z0-9-]{1,15}(?:\s[A-Z][A-Za-z0-9-]{1,8})?)\)"
)
#: ... in a sentence that says the paper introduces it.
_INTRODUCES = re.compile(
    r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|build|train|release)s?\b"
    r"[^.;]*$"
)
#: ... and not as what another name is (a class: "Audio Flamingo 2 (AF2), an Audio-Language Model (ALM)",
#: "Dimple, the first Discrete Diffusion Multimodal Large Language Model (DMLLM)").
_DESCRIBES_ANOTHER = re.compile(r",\s+(?:an?|the\s+first)\s+(?:[\w-]+\s+){0,3}$")
_KIND_AFTER = re.compile(r"\s+%s" % NOT_A_MODEL_KIND)
#: A title that says its name is a model: "RigoChat 2: an adapted language model to Spanish".
_TITLE_CALLS_A_MODEL = re.compile(TITLE_NAME + described_as_a_model(article="(?i:an?)"))


def _name_or_word(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    name = match.group("name") or match.group("word")
    return [(name, name)]


def _name_or_called(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    name = match.group("name") or match.group("called")
    return [(name, name)]


def _coined_not_plain(match: re.Match[str], scene: Scene) -> bool:
    # a plain word after a lower-case word, not the end of a title-case phrase ("Language Models, a ...")
    return bool(match.group("name") or LOWER_WORD_BEFORE.search(scene.text, max(0, match.start() - 30), match.start()))


def _example_models(items: list[str], scene: Scene, stop: bool) -> list[tuple[str, str]]:
    """Return the names and families in a list of example models ("models such as NLLB-54B and Search-o1").

    Names the gazetteer read are left to it (it keeps version and size apart), except a strict
    family it passed over alone: in "LLMs (GPT, Llama, Qwen)", GPT is a model. An unbracketed list
    (`stop`) ends at the first item that is not a name.
    """
    names: list[tuple[str, str]] = []
    gazetteer, known = scene.gazetteer, scene.known
    for item in (i.strip() for i in items):
        known_prefix = gazetteer.models.match(item)
        if known_prefix and known_prefix.end() == len(item) and normalise_name(item) not in known:
            names.append((item, gazetteer.family_of[known_prefix.group("name")][0]))
            continue
        if known_prefix and (known_prefix.end() == len(item) or normalise_name(known_prefix.group()) in known):
            continue
        if not _MODEL_ITEM.fullmatch(item) or item in COMMON_ACRONYMS or NAMED_LIKE_A_BENCHMARK.fullmatch(item):
            if stop:
                return names
            continue
        if item not in gazetteer.dataset_of:
            names.append((item, item))
    return names


def _two_or_introduced(match: re.Match[str], scene: Scene) -> bool:
    # A bracket with no "e.g." must hold two names or more: "large language models (LLMs)" lists nothing.
    return bool(match.group("intro")) or len(LIST_SEPARATOR.split(match.group("items"))) >= 2


def _coined_not_other(match: re.Match[str], scene: Scene) -> bool:
    # Only from families that are not too common a word (`strict` ones are), and not a name the text says
    # is a framework, method, system, adapter... (a paper may name its framework "TheoremLlama").
    word = match.group()
    return bool(scene.gazetteer.coined_family(word)) and not called_other_than_a_model(scene.text, word)


def _listed_with_known_models(match: re.Match[str], scene: Scene) -> bool:
    """Return whether a run of names lists coined names with known models: in "based on RoBERTa,
    BERTweet, and SocBERT", RoBERTa is a model, so the other two are models too.

    The run must not end a longer name; every item must be a name (not a common acronym, a dataset
    or a name shaped like a benchmark), and one a model the gazetteer knows whole.
    """
    if _NAME_ENDS.search(scene.text, max(0, match.start() - 40), match.start()):
        return False  # the first item is the end of a longer name
    gazetteer = scene.gazetteer
    items = [i.strip() for i in LIST_SEPARATOR.split(match.group("items"))]
    return any(gazetteer.models.fullmatch(i) for i in items) and not any(
        i in COMMON_ACRONYMS
        or i in gazetteer.dataset_of
        or gazetteer.datasets.fullmatch(i)
        or NAMED_LIKE_A_BENCHMARK.fullmatch(i)
        for i in items
    )


def _unknown_items(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    items = (i.strip() for i in LIST_SEPARATOR.split(match.group("items")))
    return [(i, i) for i in items if not scene.gazetteer.models.match(i)]


def _not_for_models(match: re.Match[str], scene: Scene) -> bool:
    # not "a plug-and-play training framework for LLMs called Fira"
    return not re.search(NOT_A_MODEL_KIND, scene.text[max(0, match.start() - 50) : match.start()])


def _the_name_not_other(match: re.Match[str], scene: Scene) -> bool:
    name = match.group("name")
    return not (
        name.isupper()
        or name in COMMON_ACRONYMS
        or re.search(r"-[a-z]+$", name)  # an adjective: "the SFT-aligned model"
        or scene.gazetteer.models.fullmatch(name)  # the gazetteer's own
        or name in scene.gazetteer.dataset_of
        or called_other_than_a_model(scene.text, name)
    )


def _introduced_acronym(match: re.Match[str], scene: Scene) -> bool:
    name, text = match.group("name"), scene.text
    return not (
        name in COMMON_ACRONYMS
        or scene.gazetteer.models.fullmatch(name)
        or not _INTRODUCES.search(text, max(0, match.start() - 200), match.start())
        or _DESCRIBES_ANOTHER.search(text, max(0, match.start() - 40), match.start())
        or _KIND_AFTER.match(text, match.end())  # "the ... Vision Transformer (LAVViT) adapters"
        or called_other_than_a_model(text, name)
    )


def _title_not_other(match: re.Match[str], scene: Scene) -> bool:
    return not called_other_than_a_model(scene.text, match.group("name"))


MODEL_RULES = (
    Rule(
        "called-a-model",
        "model",
        _NAME_CALLED_A_MODEL,
        read=_name_or_word,
        guard=_coined_not_plain,
        needs=lambda text: ", a " in text or ", an " in text,
        examples=(
            Example("We present AquilaMoE, a bilingual 8*16B Mixture of Experts (MoE) language model.", "AquilaMoE"),
            Example("In this study, we built Kestrel, an LLM with enhanced Welsh.", "Kestrel"),
            Example("Foundation to Feature Large Language Models, a suite of embedding models.", "Models", False),
        ),
    ),
    Rule(
        "family-of-models",
        "model",
        _FAMILY_OF_MODELS,
        needs=lambda text: " of " in text and (" family " in text or " series " in text),
        examples=(Example("The SEA-LION family of LLMs supports 11 languages.", "SEA-LION"),),
    ),
    Rule(
        "models-bracketed",
        "model",
        _MODELS_BRACKETED,
        read=lambda m, scene: _example_models(LIST_SEPARATOR.split(m.group("items")), scene, stop=False),
        guard=_two_or_introduced,
        examples=(
            Example("It outperforms models specially designed for IE tasks (e.g., UIE) and prompting.", "UIE"),
            Example("We study three model families (GPT-Neo, PyThia2, BLOOMZ) at scale.", "PyThia2"),
            Example("We train two models (FooNet2) today.", "FooNet2", False),
        ),
    ),
    Rule(
        "models-listed",
        "model",
        _MODELS_LISTED,
        read=lambda m, scene: _example_models(LIST_SEPARATOR.split(m.group("items")), scene, stop=True),
        examples=(
            Example("It beats models such as NLLB-54B and Search-o1, despite its size.", "Search-o1"),
            Example("LLMs such as Orca2 and the rest, and FooNet2.", "FooNet2", False),
        ),
    ),
    Rule(
        "sized-model-named",
        "model",
        _PARAMETER_MODEL,
        read=_name_or_called,
        guard=lambda m, scene: bool(m.group("called")) or apposition(scene.text, m.start("name"), m.end()),
        examples=(
            Example("We train a 7B model BaichuanSEED and compare it.", "BaichuanSEED"),
            Example("We pretrain a 1.3B-parameter model, TernLM, from scratch.", "TernLM"),
            Example("On AIME with a 1.5B model, TRACE boosts accuracy.", "TRACE", False),
        ),
    ),
    Rule(
        "named-model",
        "model",
        _NAMED_MODEL,
        read=_name_or_called,
        guard=_not_for_models,
        examples=(
            Example("Pre-training our model, GenBERT, on this data helps.", "GenBERT"),
            Example("We obtain edge language models, termed EdgeLM, that run on phones.", "EdgeLM"),
            Example("A new training framework for LLMs called Fira saves memory.", "Fira", False),
        ),
    ),
    Rule(
        "coined-from-family",
        "model",
        _CAPITALISED_WORD,
        read=lambda m, scene: [(m.group(), scene.gazetteer.coined_family(m.group()))],
        guard=_coined_not_other,
        examples=(
            Example("We compare SocBERT and BERTweet.", "SocBERT"),
            Example("VL-Mamba leverages a pretrained language model.", "VL-Mamba"),
            Example("TheoremLlama, an end-to-end framework, trains provers.", "TheoremLlama", False),
        ),
    ),
    Rule(
        "listed-with-known-models",
        "model",
        NAME_RUN,
        read=_unknown_items,
        guard=_listed_with_known_models,
        examples=(
            Example("classifiers based on RoBERTa, XtremeDistil, and TinyNLI", "XtremeDistil"),
            Example("compared with RoBERTa, FooNet and GSM8K", "FooNet", False),
        ),
    ),
    Rule(
        "size-name-model",
        "model",
        _SIZE_NAME_MODEL,
        examples=(Example("we build our 3B Ferret-UI Lite agent", "Ferret-UI Lite"),),
    ),
    Rule(
        "name-with-parameters",
        "model",
        _NAME_WITH_PARAMETERS,
        examples=(Example("Our best system MiniCheck-FT5 (770M parameters) outperforms all systems", "MiniCheck-FT5"),),
    ),
    Rule(
        "trained-from-known",
        "model",
        _TRAINED_FROM,
        guard=lambda m, scene: bool(scene.gazetteer.models.match(scene.text, m.end())),
        examples=(
            Example("Our SeekAgent is post-trained from Qwen3-14B in two stages.", "SeekAgent"),
            Example("Our SeekAgent is trained from scratch.", "SeekAgent", False),
        ),
    ),
    Rule(
        "the-name-model",
        "model",
        _THE_NAME_MODEL,
        guard=_the_name_not_other,
        needs=lambda text: " model" in text,
        examples=(
            Example("For example, the popular Open-Sora-Plan model takes 9 minutes a video.", "Open-Sora-Plan"),
            Example("We point out that the recently proposed GPT-o3 model zooms in.", "GPT-o3"),
            Example("Our HaluCheck models, trained with curriculum DPO, improve.", "HaluCheck"),
            Example("We train the VLA model on robot data.", "VLA", False),
            Example("We compare the SFT-aligned model with the base.", "SFT-aligned", False),
        ),
    ),
    Rule(
        "acronym-of-model",
        "model",
        _ACRONYM_OF_MODEL,
        guard=_introduced_acronym,
        needs=lambda text: ") " in text or ")," in text or ")." in text,
        examples=(
            Example("We propose the Video-3D Geometry Large Language Model (VG LLM), which reads video.", "VG LLM"),
            Example("We introduce the Describe Anything Model (DAM), a model for captions.", "DAM"),
            Example("We introduce AF2, an Audio-Language Model (ALM) with long-audio skills.", "ALM", False),
            Example("We introduce the Latent Audio-Visual Vision Transformer (LAVViT) adapters.", "LAVViT", False),
            Example("Prior work used a Gaussian Mixture Model (GMM) for this.", "GMM", False),
        ),
    ),
    Rule(
        "title-says-model",
        "model",
        _TITLE_CALLS_A_MODEL,
        guard=_title_not_other,
        examples=(
            Example("RigoChat 2: an adapted language model to Spanish. We present it.", "RigoChat 2"),
            Example(
                "ToolPlanner: A Tool Augmented LLM. ToolPlanner, a two-stage learning framework.", "ToolPlanner", False
            ),
        ),
    ),
)
