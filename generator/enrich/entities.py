"""Per-paper enricher: the models, datasets and benchmarks an abstract names, its results, its domain.

Names come from the gazetteer (`generator/gazetteer.yaml`, documented there), matched
case-sensitively and whole; a model's version and size are read from what follows its family
name (`Llama-3-8B`, `Qwen2.5-0.5B`, `Gemma-2B/7B`), and a paper's own short name followed by a
size (`MT-Ladder-7B`) is one of its released models. A result is a number with a unit or a
metric beside it (`+6.91 BLEU`, `54.6% speedup`, `accuracy of 42.3%`), with the benchmark when
the sentence says `on <benchmark>` right after it. Precision comes first: a number without a
metric or unit next to it is left out, so is a bare family name that is too common a word.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import yaml

from generator.enrich.text import paper_text
from generator.model import DatasetName, ModelName, Paper, Result
from generator.text.names import COMMON_ACRONYMS, normalise_name
from generator.text.sentences import sentences

GAZETTEER = Path(__file__).resolve().parent.parent / "gazetteer.yaml"
#: What a dataset name is: a benchmark (evaluated on) or a dataset (trained on, or a corpus).
Kind = Literal["benchmark", "dataset"]
_SIZE = re.compile(r"^(\d+(?:\.\d+)?[BMKbm]|\d+x\d+(?:\.\d+)?[BMbm])$")
_VERSION = re.compile(r"^[vV]?\d+(?:\.\d+)*[a-z]?$")
_VARIANTS = (
    "Instruct|instruct|Chat|chat|Base|base|it|Coder|Math|mini|small|medium|large|Large|Small|XL|XXL|Pro|Turbo|turbo"
    "|Ultra|Flash|R1|V2|V3|beta|alpha|preview|Sonnet|Opus|Haiku"
    # as API names write them: "gpt-5-medium", "claude-sonnet-4", "gemini-2.5-pro", "qwen-max"
    "|sonnet|opus|haiku|pro|flash|nano|lite|max|plus|high|low"
)
#: Variants also written after a space: "Claude 3.5 Sonnet", "GPT-4 Turbo", "Gemini 1.5 Pro".
_SPACED_VARIANTS = "Instruct|Chat|Coder|Pro|Turbo|Ultra|Flash|Sonnet|Opus|Haiku|R1|V2|V3"
_TAIL = (
    r"(?P<tail>(?:(?:-|\s(?=\d))?(?:[vV]?\d+(?:\.\d+)*[a-z]?(?![\w]|\.\d)|\d+(?:\.\d+)?[BMKbm]|\d+x\d+(?:\.\d+)?[BMbm])"
    r"(?:/\d+(?:\.\d+)?[BMKbm])*){0,3}(?:(?:-(?:%s)|\s(?:%s))(?![\w]))*"
    # A size after a spaced variant ("LLaMA Pro-8.3B"), a version after a variant ("Instruct v0.2").
    r"(?:(?<=[a-z])-\d+(?:\.\d+)?[BMbm](?![\w]))?(?:(?<=[a-z])\s[vV]\d+(?:\.\d+)*(?![\w]|\.\d))?"
    # ... or a bare version after a lower-case tier: "claude-sonnet-4"
    r"(?:(?:(?<=sonnet)|(?<=opus)|(?<=haiku))-\d+(?:\.\d+)*(?![\w]|\.\d))?)" % (_VARIANTS, _SPACED_VARIANTS)
)
#: A coined continuation of a model's name: "Llama-3-Physician", "GPT-3 XL". Without it the
#: name would be cut short, and a cut name is a wrong name.
_COINED_SUFFIX = re.compile(
    # Capitalised parts, then any version, size or variant: "Qwen2-VL-2B", "Llama-SEA-LION-v3-8B-IT".
    r"(?:-[A-Z][A-Za-z0-9]*)+(?:-[vV]?\d+(?:\.\d+)*[a-z]?|-\d+(?:\.\d+)?[BbMm](?:/\d+(?:\.\d+)?[BbMm])*|-(?:%s|[A-Z]{2,}))*"
    r"(?![\w-])"
    r"|\s(?:XL|XXL)(?![\w-])"
    # A tier, then its version: "Claude Sonnet 4", "Mistral Small 3.1", "Llama 4 Maverick", "GPT-4o mini".
    r"|\s(?:Sonnet|Opus|Haiku|Small|Medium|Large|Nemo|Maverick|Scout|Nano|mini)(?:\s\d+(?:\.\d+)*(?:\s\d+B)?)?(?![\w-]|\.\d)"
    # ... or the version after a tier the family's own tail read: "Claude Sonnet 4".
    r"|(?:(?<=Sonnet)|(?<=Opus)|(?<=Haiku)|(?<=Small)|(?<=Large)|(?<=Medium))\s\d+(?:\.\d+)*(?![\w-]|\.\d)"
    # A lower-case coinage the size follows: "Llama-eus-8B", "Llama-eus-8B-instruct".
    r"|-[a-z]{2,}-\d+(?:\.\d+)?[BbMm](?:-(?:%s))*(?![\w-])" % (_VARIANTS, _VARIANTS)
)
#: A family named as a style, not as a model: "GPT-style", "BERT-like". ("Llama-family models"
#: does name the family: it counts, as Llama.)
_NOT_A_MODEL = re.compile(r"-(?:style|like)\b|\s+(?:corpus|dataset|data)\b")
#: Another version after a versioned name, where a list of versions goes on or ends: ", 3.1 and", "or 2)".
_MORE_VERSIONS = re.compile(
    r"(?:,\s*|\s+(?:and|or)\s+)(\d+(?:\.\d+)*)(?![\w.%/-])(?=\s*(?:,|and\b|or\b|\)|famil|models?\b|series\b))"
)
#: The end of a name coined as a language model's: "OnlySportsLM" (not "-LLM": "Craw4LLM" is a crawler).
_MODEL_SUFFIX = re.compile(r"[a-z]LM$")
#: A name in brackets right after another name: "Deepseek R1 (Deepseek)", "Claude 3.5 Sonnet (Anthropic)".
_MAKER_AFTER = re.compile(r"[\w.+-]\s\($")
#: A name of several words inside a title's phrase: "Depth Anything in Any Direction" is not Depth Anything.
_TITLE_GOES_ON = re.compile(r"\s+(?:in|of|for|on|with|to|from)\s+[A-Z]")
MAX_DOMAINS = 2
#: After a paper's own name: a size ("MT-Ladder-7B"), or "X, a ... model" ("YuLan-Mini, a base model").
_OWN_SIZE = re.compile(r"[- ](\d+(?:\.\d+)?[BM])(?![\w])")
#: What a phrase says a thing is: "a fully open source, 1.7-billion-parameter, LLaMa-based model", "a
#: series of open-source LLMs", "a bilingual 8*16B Mixture of Experts (MoE) language model" - words that
#: describe the model, with no "for", "of", "that"... ("a framework for training language models").
#: What a name may be said to be instead of a model ("a framework", "a benchmark").
_OTHER_KINDS = (
    "framework|method|approach|system|technique|pipeline|toolkit|algorithm|paradigm|strategy|library|benchmark|dataset"
)
_DESCRIBED_AS_A_MODEL = (
    r"an?\s+(?:(?:series|family|suite|collection|set)\s+of\s+)?"
    # (not through what the thing is instead: "EchoAtt, a novel framework aimed at optimizing ... models")
    r"(?:(?!(?:for|of|to|with|that|which|in|into|on|from|by|and|or|the|via|using|trained|%s)\b)[\w.*+-]+,?\s+"
    r"|\([\w-]+\)\s+|[A-Z]\w*\s+of\s+(?=[A-Z])){0,8}?(?:[Mm]odels?|M?LLMs?|VLMs?|VLAs?|LRMs?|SLMs?|LMs?)\b(?!-)"
    # ... where the phrase ends: not "a Large Language Model assistance training framework".
    r"(?=\s*(?:[,.;:()]|$)|\s+(?:that|which|who|with|for|of|in|on|to|and|or|is|are|was|from|by|as|at|via|under"
    r"|capable|specifically|family|series|using|comprising|including|containing|excelling|achieving|supporting"
    r"|featuring|[\w-]+ed)\b)" % _OTHER_KINDS
)
_CALLED_A_MODEL = re.compile(
    r"\)?,?\s+(?:(?:which\s+)?is\s+)?"
    # "AutoCoder, the first Large Language Model to surpass": "the first" for "a"
    + _DESCRIBED_AS_A_MODEL.replace("an?\\s+", "(?:an?|the\\s+(?:first|largest|strongest|best))\\s+", 1)
    # "The ConvLLaVA model series are publicly available"
    + r"|\s+(?:model|LLM|MLLM|VLM)(?:s|\s+series|\s+family)?\b(?!-)"
)
#: A title that says what its name is: "RigoChat 2: an adapted language model to Spanish", "Primus: A
#: Pioneering Collection of Open-Source Datasets for Cybersecurity LLM Training".
_TITLE_NAME = r"^(?P<name>[A-Z][\w.+-]*(?:\s\d+(?:\.\d+)*)?):\s+"
_TITLE_CALLS_A_MODEL = re.compile(_TITLE_NAME + _DESCRIBED_AS_A_MODEL.replace("an?\\s+", "(?i:an?)\\s+", 1))
_TITLE_CALLS_A_DATASET = re.compile(
    _TITLE_NAME
    + r"(?i:an?)\s+(?:[\w-]+\s+){0,4}?(?:(?:[Cc]ollection|[Ss]uite|[Ss]et|[Ff]amily)\s+of\s+(?:[\w-]+\s+){0,3}?)?"
    r"(?P<kind>[Dd]atasets?|[Bb]enchmarks?|[Cc]orpus|[Cc]orpora)\b(?!-)"
)
#: Before it: "a 1.3B-parameter model, CuatroLLM".
_A_MODEL_BEFORE = re.compile(r"\b(?:model|M?LLM|VLM),?\s+$")
#: ... or as the acronym of what it is: "a new efficient LLVM, Mamba-based traversal of rationales
#: (Meteor)", "a novel Visual-InteRactive Text-Image Universal Embedder (VIRTUE)".
_A_MODEL_EXPANDED = re.compile(
    _DESCRIBED_AS_A_MODEL.replace("VLAs?", "VLAs?|LLVMs?|[Ee]mbedders?|[Ee]ncoders?", 1)
    + r"(?:,\s+[^(),.;:]{1,80})?\s+\($"
)
#: ... where the name ends the phrase ("a 1.3B-parameter model, CuatroLLM, from scratch"), not begins a
#: clause ("with a 1.5B model, CLUE boosts accuracy").
_APPOSITION_ENDS = re.compile(r"\s*(?:[,.;:()]|$)|\s+(?:from|on|with|which|that|trained|as|in|for)\b")
#: A name as papers coin them: capitalised, with a second capital or a digit (TOFU, VTAB-1k, SmolLM).
_NAME = r"(?:[A-Z][a-z]*[A-Z0-9][A-Za-z0-9]*|[A-Z][A-Za-z0-9]*\d)(?:[-.][A-Za-z0-9]+)*"
#: ... or a capitalised word joined to others by hyphens ("Ferret-UI", "MCP-Universe").
_NAME_OR_HYPHENATED = r"(?:%s|[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)" % _NAME
#: The words that give a name: "a dataset, which we call TransWeb-Edu", "models, termed EfficientLLM".
_NAMING = r"(?:which\s+we\s+(?:call|name|term|dub)|called|named|termed|dubbed)"
#: An acronym as a text defines it in brackets: "(VERA)", "(ChemTEB)", "(C-SRRG)".
_ACRONYM = r"[A-Z][A-Za-z0-9-]{1,15}"
#: Any coined name so described: "we train DMaS-LLaMa-Lite, a fully open source, ... model".
_NAME_CALLED_A_MODEL = re.compile(
    # A plain capitalised word only after a lower-case one: "we constructed Swallow, an LLM with ...", never
    # the first word of a sentence ("Recently, a model ...").
    r"(?:(?<![\w-])(?P<name>%s)|(?<=[a-z] )(?P<word>[A-Z][a-z]{2,}))"
    # What the name stands for, between: "F2LLM - Foundation to Feature Large Language Models, a suite of
    # ... models", "Clue (Clustering and Experience-based Verification), a ... verifier".
    r"(?:\s+[-\u2013\u2014]\s+[A-Z][^,.;()]{0,80}?|\s+\([^()]{1,80}\))?,\s+%s"
    % (_NAME_OR_HYPHENATED, _DESCRIBED_AS_A_MODEL)
)
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w-])[a-z][\w-]*\s$")
#: "The SEA-LION family of LLMs": a family of models by name.
_FAMILY_OF_MODELS = re.compile(
    r"(?<![\w-])(?P<name>%s)\s+(?:family|series)\s+of\s+(?:[\w-]+\s+){0,2}?(?:[Mm]odels|M?LLMs|VLMs)\b" % _NAME
)
#: Names that say they are benchmarks or datasets (OCRBench, PubMedQA, AlpacaEval).
_NAMED_LIKE_A_BENCHMARK = re.compile(
    # A hyphenated prefix may come first ("T2I-CompBench"), a split or version after ("MMBench-CN").
    # "Xbench-DS", "xbench-DeepSearch", "MCP-Universe Bench".
    r"(?<![\w-])(?:[A-Z][a-z]*[A-Z0-9][A-Za-z0-9]*-)?(?:[A-Z][A-Za-z0-9]*-?(?:Bench|bench|QA|Eval)|[A-Za-z][A-Za-z0-9]*-[Bb]ench"
    r"|[a-z][a-z0-9]*bench(?=-[A-Z])|%s\sBench)"
    r"(?:-(?!like|style|based)[A-Za-z0-9]+)?(?![\w-])" % _NAME_OR_HYPHENATED
)
#: "the TOFU dataset", "the VTAB-1k fine-tuning benchmark", "a dataset called MGToolBench".
_BEFORE_KIND = re.compile(
    # also a letter and an acronym: "We curate C-SRRG dataset"
    # or an acronym just defined: "Segmentation-and-Scene Caption Retrieval (SCaR) benchmark"
    r"(?:(?<![\w-])|(?<=\())(?P<name>%s|[A-Z][A-Za-z0-9]{0,2}-[A-Z]{2,}[A-Za-z0-9]*)\)?\s+(?:[a-z-]+\s+)?(?P<kind>[Dd]ataset|[Bb]enchmark|[Cc]orpus)"
    r"\b(?!-)" % _NAME
)
#: The most items a list of names is read with: an unbounded list is read again from each of its items
#: when it does not end as one should, and a text of such lists takes time as the square of its length.
#: (The longest in 1,984 real abstracts has 11.)
MAX_LISTED = 30
#: "on ArXiv and OpenWebText2 datasets", "the GSM8K, SVAMP and AQuA benchmarks", "the MBJP and MathQA tasks".
_LIST_BEFORE_KIND = re.compile(
    r"(?<![\w-])(?P<items>%s(?:(?:,\s*(?:and\s+)?|\s+and\s+)%s){1,%d})\s+(?:[a-z-]+\s+)?(?P<kind>datasets|benchmarks|corpora|tasks)\b"
    % (_NAME, _NAME, MAX_LISTED)
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
    r"(?:[\w-]+,?\s+|\([\w-]+\)\s+){0,7}?(?P<kind>dataset|benchmark|corpus)\b(?!-)" % _NAME
)
#: An acronym defined as a benchmark's or dataset's name: "the Chemical Text Embedding Benchmark (ChemTEB)".
_EXPANDED_DATASET = re.compile(
    r"(?<![\w-])(?:[A-Z][\w-]*\s+){1,6}(?P<kind>Benchmark|Dataset|Corpus)\s+\((?P<name>%s)\)" % _ACRONYM
)
#: "evaluation datasets: 71M Leaner-Pretrain, 7M Leaner-Instruct, Leaner-Glue for ..., and Leaner-Eval".
_KIND_COLON_LIST = re.compile(r"\b(?P<kind>datasets|benchmarks|corpora)\s*:\s*(?P<items>[^.;:]{1,300})")
_LEADING_NAME = re.compile(r"(?:\d+(?:\.\d+)?[KMBT]\s+)?(?P<name>%s)(?![\w-])" % _NAME_OR_HYPHENATED)
_CALLED = re.compile(
    r"\b(?P<kind>dataset|benchmark|corpus)\s*,?\s+%s\s+(?P<name>%s)"
    # "we unify pre-existing datasets into a benchmark LLM-AggreFact"
    r"|\b(?:a|an|the|our|new)\s+(?:[a-z-]+\s+){0,3}(?P<kind_before>dataset|benchmark|corpus)\s+(?P<after>%s|[A-Z][a-z]+[\w-]*)"
    r"(?![\w-])" % (_NAMING, _NAME, _NAME)
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
    % _NAME
)
#: Unbracketed: "on various multimodal benchmarks of MMBench, SEEDBench, MMstar, and MathVista".
_LISTED_RUN = re.compile(
    r"\b(?:benchmarks|datasets),?\s+(?:of|such as|including|like|e\.g\.,?)\s+(?P<items>(?:[^.;:()]|\.(?=\w))+)"
)
#: A name and its version: "AlpacaEval 2.0", "Arena Hard Auto v0.1".
_VERSIONED = re.compile(r"(?P<base>.+?)[\s-][vV]?\d+(?:\.\d+)*")
#: Variants of a benchmark written after its name: "MBPP-Plus", "SWE-bench-Verified", "GSM8K-Hard".
_BENCHMARK_VARIANTS = (
    "(?:Plus|PLUS|Pro|Hard|HARD|Lite|Verified|Redux|Mini|Easy|Challenge|Full|Extended|Live|Multi"
    # a language's split: "BrowseComp-ZH", "MMBench-CN"
    "|ZH|CN|EN|JA|JP|KO|DE|FR|ES|AR|RU)"
)
#: A word that may be a name coined from a family: capitalised, with any size ("SocBERT", "ProLLaMA-7B").
_CAPITALISED_WORD = re.compile(r"(?<![\w-])(?:[A-Z][A-Za-z0-9]*-)?[A-Z][A-Za-z0-9]*(?:-\d+(?:\.\d+)?[BM])?(?![\w-])")
#: A second year after a benchmark's: "AIME 24/25", "WMT22/23".
_OTHER_YEAR = re.compile(r"/(\d\d)(?![\w%.])")
_ACRONYM_AFTER = re.compile(r"\s+\((%s)\)" % _ACRONYM)
#: Capitalised words that describe a dataset without naming it: "the English pretraining corpus".
_NOT_NAME_WORDS = """English Chinese Japanese Korean French German Spanish Arabic Hindi Russian Portuguese Italian
Vietnamese Indonesian Thai Turkish Polish Dutch Swedish Greek Hebrew Persian Urdu Bengali Swahili
Indic African European Asian American Python Java Web Internet Medical Clinical Legal Financial
Scientific"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
#: An adjective made of a name: "CLEVR-based", "GPT-generated".
_ADJECTIVE_SUFFIX = re.compile(r"-(?:based|like|style|driven|powered|generated|aligned|guided|specific|centric)$")
#: A task's acronym shaped like a benchmark's name: "VQA", "IQA", "KBQA" (benchmarks of that shape,
#: GPQA and SIQA, are in the gazetteer).
_TASK_ACRONYM = re.compile(r"[A-Z]{1,2}QA")
#: What a tool is called: not a dataset.
_TOOL_KIND = (
    r"(?:methods?|frameworks?|tools?|toolkits?|libraries|library|packages?|approaches|approach|systems?|models?)"
)
#: A word as a name may be written: letters and digits, hyphens inside.
_WORD_TOKEN = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])")
#: The split of a benchmark a paper reports on: "MiniF2F-Valid" is MiniF2F.
_SPLIT_SUFFIX = re.compile(r"-(?:valid|val|test|dev|train)$", re.IGNORECASE)
#: A bracketed list of two or more names: "(MultiArith, GSM8K, AQUA-RAT, SVAMP)".
#: (Only from a word's start: from each of its letters, a long word is read to its end again.)
_BRACKETED = re.compile(r"(?<![a-z])(?P<before>[a-z]+)\s+\((?P<items>[^()]{3,200})\)")
_LIST_ITEM = re.compile(r"[A-Z][A-Za-z0-9-]*(?:\s[A-Z][A-Za-z0-9-]*){0,3}")
#: Anywhere: "pretrain a 1.3B-parameter model, CuatroLLM", "pretrain a 7B model BaichuanSEED" name a model.
_PARAMETER_MODEL = re.compile(
    r"\b\d+(?:\.\d+)?[BM](?:[- ]parameters?)?\s+(?:[a-z-]+\s+){0,2}(?:model|M?LLM|VLM),?\s+"
    r"(?:(?:called|named)\s+(?P<called>[A-Z][\w-]*)|(?P<name>%s))(?![\w-])" % _NAME
)
#: A size, a name, then what it is: "our 3B Ferret-UI Lite agent".
_SIZE_NAME_MODEL = re.compile(
    r"\b\d+(?:\.\d+)?[BM]\s+(?P<name>%s(?:\s[A-Z][a-z]+)?)"
    r"\s+(?:model|agent|M?LLM|VLM)s?\b" % _NAME_OR_HYPHENATED
)
#: A name the text gives a model: "our model, GenBERT", "edge language models, termed EfficientLLM",
#: "a model which we call X".
_NAMED_MODEL = re.compile(
    r"(?:\bour\s+(?:[\w-]+\s+){0,2}?(?:model|M?LLM|VLM),\s+(?P<name>%s)"
    r"|\b(?:models?|M?LLMs?|VLMs?),?\s+%s"
    # (the whole name: "a single model, called Integrated Data Model (IDM)" does not name "Integrated")
    r"\s+(?P<called>[A-Z][\w.+-]*[\w+])(?!\s[A-Z]))(?![\w-])" % (_NAME, _NAMING)
)
#: A name and its parameter count: "Our best system MiniCheck-FT5 (770M parameters) outperforms".
_NAME_WITH_PARAMETERS = re.compile(
    r"(?<![\w-])(?P<name>%s)\s+\(\d+(?:\.\d+)?\s?[BM]\s+(?:parameters|params)\)" % _NAME_OR_HYPHENATED
)
#: A name the text says was trained from a known model: "Our InfoAgent is post-trained from Qwen3-14B".
_TRAINED_FROM = re.compile(
    r"(?<![\w-])(?P<name>%s)\s+(?:is|was|are|were)\s+(?:[a-z]+\s+)?(?:post-|pre-|further\s+|continually\s+)?"
    r"(?:trained|fine-?tuned|initiali[sz]ed|distilled|built|adapted|pre-?trained)\s+(?:from|on|upon|on\s+top\s+of)\s+"
    % _NAME
)
#: After a family too common to count alone (GPT, OPT), what makes it a model: "GPT models", "the OPT family".
_STRICT_AS_MODEL = re.compile(r"\s+(?:models?|M?LLMs?|family|series)\b")
#: Before it: a size, "the original 43B GPT".
_SIZE_BEFORE = re.compile(r"\b\d+(?:\.\d+)?[BM]\s+$")
#: What a coined name may be said to be instead of a model: "TheoremLlama, an end-to-end framework".
_NOT_A_MODEL_KIND = r"(?:%s|tool|corpus|metric|agent|platform|adapter|module|mechanism|kernel)s?\b" % _OTHER_KINDS
#: A run of names joined by commas and a last "and"/"or": "RoBERTa, BERTweet, and SocBERT".
_NAME_ITEM = r"(?:%s|[A-Z][a-z]+(?:-[A-Za-z0-9.]*[A-Za-z0-9])*|[a-z]{1,4}[A-Z][A-Za-z0-9]*)" % _NAME
_NAME_RUN = re.compile(
    # Not part of a longer name on either side: "GPT-3.5 Turbo, and GPT-4", "StarCoder and Code Llama".
    r"(?<![\w.-])(?P<items>%s(?:,\s*%s){0,%d},?\s+(?:and|or)\s+%s)(?![\w'\u2019-]|\s[A-Z0-9])"
    % (_NAME_ITEM, _NAME_ITEM, MAX_LISTED, _NAME_ITEM)
)
#: A run of benchmark names, which may be phrases ending as benchmarks do: "AppWorld, OfficeBench, and
#: Multi-objective QA".
_PHRASE_BENCHMARK = re.compile(r"[A-Z][\w-]*(?:\s[\w-]+){0,2}\s(?:QA|Bench|Eval)")
_DATASET_ITEM = r"(?:%s|%s)" % (_PHRASE_BENCHMARK.pattern, _NAME_ITEM)
_DATASET_RUN = re.compile(
    r"(?<![\w.-])(?P<items>%s(?:,\s*%s){0,%d},?\s+(?:and|or)\s+%s)(?![\w'\u2019-]|\s[A-Z0-9])"
    % (_DATASET_ITEM, _DATASET_ITEM, MAX_LISTED, _DATASET_ITEM)
)
_NAME_ENDS = re.compile(r"(?<![\w.-])[A-Z0-9][\w.-]*\s$")
#: Between the items of a list: "A, B and C", "A, B, or C".
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+")
#: Models named as examples: "models such as NLLB-54B and Search-o1", "LLMs (e.g., LLaMA-2-7B, ...)",
#: "models specially designed for IE tasks (e.g., UIE)", "model families (GPT-Neo, Pythia, BLOOM)".
_MODELS_WORD = r"\b(?:models?|LLMs|MLLMs|VLMs|PLMs|LMs)"
_EXAMPLES = r"(?:e\.g\.|i\.e\.|such as|including|like)"
_MODELS_BRACKETED = re.compile(
    r"%s,?\s+(?:[\w-]+\s+){0,6}?\((?P<intro>%s)?,?\s*(?P<items>[^()]{1,200})\)" % (_MODELS_WORD, _EXAMPLES)
)
#: Unbracketed, the list runs to the end of the clause (a dot inside a name, "Qwen1.5", goes on).
_MODELS_LISTED = re.compile(r"%s,?\s+%s,?\s+(?P<items>(?:[^.;:()]|\.(?=\w))+)" % (_MODELS_WORD, _EXAMPLES))
#: A coined model name: the shape of `_NAME`, or a word with a versioned suffix ("Search-o1").
_MODEL_ITEM = re.compile(r"(?:%s|[A-Z][A-Za-z]+-[a-z]?\d[\w.]*)" % _NAME)
#: A coined name with a size: XGLM-7B, Zephyr-7b-beta.
_SIZED_NAME = re.compile(
    # A version may come between: "Wan-2.1-14B".
    r"(?<![\w-])(?P<family>%s|[A-Z][a-z]+)(?:-[vV]?\d+(?:\.\d+)*)?-(?P<size>\d+(?:\.\d+)?[BbMm])"
    r"(?:-(?:[vV]?\d+(?:\.\d+)*|[a-z]+|[A-Z]{2,}|%s))*"
    r"(?![\w-])" % (_NAME, _VARIANTS)
)


@dataclass(frozen=True)
class Gazetteer:
    """Compiled patterns of the gazetteer's names."""

    models: re.Pattern[str]
    family_of: dict[str, tuple[str, bool]]  # spelling -> (family, strict)
    #: A name coined from a family that is not strict: a capitalised prefix before it (SocBERT,
    #: ProLLaMA) or a lower-case suffix after it (BERTweet), then any version or size.
    coined: re.Pattern[str]
    datasets: re.Pattern[str]
    dataset_of: dict[str, tuple[str, str]]  # spelling -> (hub, kind)
    #: Distinctive one-word spellings by their normalised form, to find them written in lower case
    #: or with a hyphen ("ifeval", "truthful-qa"); plain words ("Pile", "MATH") are left out.
    dataset_by_key: dict[str, str]
    domains: re.Pattern[str]
    domain_of: dict[str, str]  # lower-case word or phrase -> domain
    metric: re.Pattern[str]
    metric_names: dict[str, str]  # lower-case spelling -> the gazetteer's spelling

    #: Words already tried as coined names, with the family they were coined from ("" for none).
    _coined_words: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def coined_family(self, word: str) -> str:
        """Return the family a word was coined from ("SocBERT" -> "BERT"), or "" (every word of every
        abstract is tried, and words repeat: each is tried once)."""
        family = self._coined_words.get(word)
        if family is None:
            match = None if word in self.family_of else self.coined.fullmatch(word)
            family = self.family_of[match.group("base") or match.group("head")][0] if match else ""
            self._coined_words[word] = family
        return family

    def canonical_metric(self, written: str) -> str:
        """Return a metric as the gazetteer spells it ("Improvements" -> "improvement")."""
        lower = written.lower()
        return self.metric_names.get(lower) or self.metric_names.get(lower.removesuffix("s")) or written


def _alternatives(spellings: list[str]) -> str:
    """Return a pattern matching any of the spellings, the longest first where one begins another.

    Written as a trie ("Llama|LLaMA|LLaMA-Adapter" as "L(?:lama|LaMA(?:-Adapter)?)"): hundreds of names
    in one flat alternation are each tried at every position of every abstract.
    """
    trie: dict[str, Any] = {}
    for spelling in spellings:
        node = trie
        for char in spelling:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)
    # A spelling ends here, and a longer one goes on: the longer one is tried first (greedy "?").
    return "(?:%s)?" % body if "" in node else body


@functools.cache
def load_gazetteer(path: Path = GAZETTEER) -> Gazetteer:
    """Read and compile the gazetteer (once per process)."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    family_of: dict[str, tuple[str, bool]] = {}
    for family, entry in data["models"].items():
        if isinstance(entry, list):
            entry = {"spellings": entry}
        spellings, strict = entry["spellings"], entry.get("strict", False)
        for spelling in spellings:
            family_of[spelling] = (family, strict)
        for spelling in entry.get("strict_spellings", []):
            family_of[spelling] = (family, True)
    dataset_of = {s: (name, entry["kind"]) for name, entry in data["datasets"].items() for s in entry["spellings"]}
    words = {s for entry in data["datasets"].values() if entry.get("spells_a_word") for s in entry["spellings"]}
    metrics = [m if not m.islower() else f"(?i:{re.escape(m)})" for m in data["metrics"]]
    return Gazetteer(
        models=re.compile(r"(?<![\w-])(?P<name>%s)%s(?![\w+])" % (_alternatives(list(family_of)), _TAIL)),
        family_of=family_of,
        coined=_coined_pattern([s for s, (_, strict) in family_of.items() if not strict and len(s) >= 3]),
        datasets=re.compile(
            r"(?<![\w-])(?P<name>%s)(?:(?P<sep>[- ]?)(?P<year>(?:19|20)\d\d|(?<=[A-Z])\d\d"
            r"|(?<=[A-Z] )(?:1[4-9]|2\d)(?=/\d\d|[^\w%%.]|$)|[vV]\d+))?"
            r"(?P<variant>-%s)?(?![\w]|-\w|\.\d)" % (_alternatives(list(dataset_of)), _BENCHMARK_VARIANTS)
        ),
        dataset_of=dataset_of,
        dataset_by_key={
            normalise_name(s): s
            for s in sorted(dataset_of, key=lambda s: (-len(s), s))
            if _distinctive(s) and s not in words
        },
        domains=re.compile(
            r"(?<![\w-])(?:%s)(?![\w-])" % _alternatives([w for words in data["domains"].values() for w in words]),
            re.IGNORECASE,
        ),
        domain_of={w.lower(): domain for domain, words in data["domains"].items() for w in words},
        metric_names={m.lower(): m for m in data["metrics"]},
        metric=re.compile(
            r"(?<![\w-])(?:%s)s?(?![\w-])" % "|".join(m if m.startswith("(?i:") else re.escape(m) for m in metrics)
        ),
    )


def _coined_pattern(spellings: list[str]) -> re.Pattern[str]:
    families = _alternatives(spellings)
    return re.compile(
        r"(?<![\w-])(?:[A-Z][A-Za-z0-9]*?-?(?P<base>%s)|(?P<head>%s)[a-z]{2,})(?:\d+(?:\.\d+)*)?(?:-\d+(?:\.\d+)?[BM])?(?![\w-])"
        % (families, families)
    )


def _distinctive(spelling: str) -> bool:
    """Return whether a one-word spelling could not be an ordinary word in any case (IFEval, GSM8K)."""
    if " " in spelling or len(normalise_name(spelling)) < 5:
        return False
    return any(c.isdigit() for c in spelling) or (any(c.isupper() for c in spelling[1:]) and not spelling.isupper())


def extract_entities(paper: Paper) -> Paper:
    """Return the paper with its models, datasets, results and domains filled in."""
    gazetteer = load_gazetteer()
    # Links are left out: names inside a URL ("…/Llama-3-Physician-8B-Instruct") are paths.
    full, prose = paper_text(paper), paper.prose
    datasets = find_datasets(full, gazetteer)
    named = {normalise_name(d.name) for d in datasets}  # a model's test set ("Koala") is not the model
    return replace(
        paper,
        models=tuple(m for m in find_models(full, gazetteer, paper.short_name) if normalise_name(m.name) not in named),
        datasets=datasets,
        results=find_results(prose, gazetteer),
        domains=find_domains(paper.title, prose, gazetteer),
    )


def find_models(text: str, gazetteer: Gazetteer, own_name: str | None = None) -> tuple[ModelName, ...]:
    """Return the models a text names, each once, in order of first mention."""
    found: dict[str, ModelName] = {}
    read: list[tuple[int, int]] = []  # where the gazetteer's names were read, with their tails
    for match in gazetteer.models.finditer(text):
        family, strict = gazetteer.family_of[match.group("name")]
        if _NOT_A_MODEL.match(text, match.end()) or (
            " " in match.group("name") and _TITLE_GOES_ON.match(text, match.end())
        ):
            continue
        suffix = _COINED_SUFFIX.match(text, match.end())
        written = match.group() + (suffix.group() if suffix else "")
        read.append((match.start(), match.start() + len(written)))
        # "Deepseek R1 (Deepseek)": the maker in brackets after its model, not another model
        bare = match.group() == match.group("name") and not suffix
        if (
            bare
            and _MAKER_AFTER.search(text, max(0, match.start() - 60), match.start())
            and any(m.family == family for m in found.values())
        ):
            continue
        models = _models_of(written, match.group("name"), family)
        if models[-1].version and not models[-1].size and not suffix:
            models += _more_versions(text, match.start() + len(written), models[-1])
        for model in models:
            # A strict family ("GPT") counts with a version, a size or a coined name ("GPT-Neo").
            if strict and not (model.version or model.size or suffix) and not _strict_as_model(text, match):
                continue
            found.setdefault(model.name, model)
    known = {normalise_name(m.name) for m in found.values()}
    # where each read name starts, in order, and the furthest any name read so far ends
    starts = [start for start, _ in read]
    reach = list(itertools.accumulate((end for _, end in read), max))
    for match in _SIZED_NAME.finditer(text):
        family = match.group("family")
        last = bisect.bisect_right(starts, match.start()) - 1
        inside = last >= 0 and reach[last] > match.start()  # "Pro-8.3B" of "LLaMA Pro-8.3B"
        coined = family not in COMMON_ACRONYMS and family not in gazetteer.dataset_of and not inside
        if coined and normalise_name(match.group()) not in known:
            found.setdefault(match.group(), ModelName(match.group(), family, "", match.group("size")))
    # Coined names the text says are models, with their families: "X, a ... model", "the X family
    # of LLMs", "models such as X", "a 7B model X". Acronyms, datasets and known names are not.
    # (Each pattern is tried only where its words occur: scanning every abstract costs.)
    described = ", a " in text or ", an " in text
    said = [
        (m.group("name") or m.group("word"),) * 2
        for m in (_NAME_CALLED_A_MODEL.finditer(text) if described else ())
        # a plain word after a lower-case word, not the end of a title-case phrase ("Language Models, a ...")
        if m.group("name") or _LOWER_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
    ]
    if " of " in text and (" family " in text or " series " in text):
        said += [(m.group("name"), m.group("name")) for m in _FAMILY_OF_MODELS.finditer(text)]
    said += _listed_models(text, gazetteer, known)
    said += [
        (m.group("name") or m.group("called"),) * 2
        for m in _PARAMETER_MODEL.finditer(text)
        if m.group("called") or _apposition(text, m.start("name"), m.end())
    ]
    said += [
        (m.group("name") or m.group("called"),) * 2
        for m in _NAMED_MODEL.finditer(text)
        # not "a plug-and-play training framework for LLMs called Fira"
        if not re.search(_NOT_A_MODEL_KIND, text[max(0, m.start() - 50) : m.start()])
    ]
    said += _coined_from_families(text, gazetteer)
    said += _listed_with_known_models(text, gazetteer)
    said += [(m.group("name"),) * 2 for m in _SIZE_NAME_MODEL.finditer(text)]
    said += [(m.group("name"),) * 2 for m in _NAME_WITH_PARAMETERS.finditer(text)]
    said += [(m.group("name"),) * 2 for m in _TRAINED_FROM.finditer(text) if gazetteer.models.match(text, m.end())]
    titled = _TITLE_CALLS_A_MODEL.match(text)  # the text starts with the title
    if titled and not _called_other_than_a_model(text, titled.group("name")):
        said.append((titled.group("name"), titled.group("name")))
    for name, family in said:
        if name not in COMMON_ACRONYMS and name not in gazetteer.dataset_of and normalise_name(name) not in known:
            known.add(normalise_name(name))
            found.setdefault(name, ModelName(name, family))
    if own_name:
        # One pattern per paper would be compiled for every paper: look the name up instead.
        called = False
        start = text.find(own_name)
        while start >= 0:
            end = start + len(own_name)
            whole = not (start and (text[start - 1].isalnum() or text[start - 1] in "_-"))
            sized = _OWN_SIZE.match(text, end) if whole else None
            if sized:
                name = text[start : sized.end()]
                found.setdefault(name, ModelName(name, own_name, "", sized.group(1)))
            elif whole and (
                _CALLED_A_MODEL.match(text, end)
                or (_A_MODEL_BEFORE.search(text[max(0, start - 12) : start]) and _apposition(text, start, end))
                or (text.startswith(")", end) and _A_MODEL_EXPANDED.search(text[max(0, start - 200) : start]))
            ):
                called = True
            start = text.find(own_name, end)
        # A name coined as models are ("OnlySportsLM") is a model unless said to be another thing.
        called = called or bool(_MODEL_SUFFIX.search(own_name) and not _called_other_than_a_model(text, own_name))
        if called and not any(m.family == own_name for m in found.values()):
            found.setdefault(own_name, ModelName(own_name, own_name))
    return tuple(found.values())


def _apposition(text: str, start: int, end: int) -> bool:
    """Return whether a name after "a ... model" names it: "a 7B model BaichuanSEED and", "a 1.3B-parameter
    model, CuatroLLM, from scratch"; not "with a 1.5B model, CLUE boosts accuracy" (after a comma, the
    name must end the phrase)."""
    before = start  # (not `text[:start].rstrip()`: a copy of the text so far for every match is quadratic)
    while before and text[before - 1].isspace():
        before -= 1
    after_a_comma = before > 0 and text[before - 1] == ","
    return not after_a_comma or bool(_APPOSITION_ENDS.match(text, end))


def _strict_as_model(text: str, match: re.Match[str]) -> bool:
    """Return whether a family too common to count alone is named as a model ("GPT models", "43B GPT")."""
    return bool(
        _STRICT_AS_MODEL.match(text, match.end())
        or _SIZE_BEFORE.search(text, max(0, match.start() - 12), match.start())
    )


#: After a name, what says it is a framework, method, system...: ", a two-stage ... framework", " framework".
_CALLED_OTHER_THAN_A_MODEL = re.compile(
    r"(?:\*\*)?(?:,?\s+(?:is\s+)?an?\s+(?:[\w-]+\s+){0,4}?|\s+)%s" % _NOT_A_MODEL_KIND
)


def _called_other_than_a_model(text: str, name: str) -> bool:
    """Return whether the text says a name is a framework, method, system... ("ToolPlanner, a two-stage
    reinforcement learning framework", "the TheoremLlama framework")."""
    return any(_CALLED_OTHER_THAN_A_MODEL.match(text, end) for end in _words_of(text).ends_of(name))


def _coined_from_families(text: str, gazetteer: Gazetteer) -> list[tuple[str, str]]:
    """Return names coined from a known family, with it: SocBERT and BERTweet (BERT), ProLLaMA (Llama),
    VL-Mamba (Mamba).

    Only from families that are not too common a word (`strict` ones are), and not a name the text
    says is a framework, method, system, adapter... (a paper may name its framework "TheoremLlama").
    """
    names: list[tuple[str, str]] = []
    for word in dict.fromkeys(_CAPITALISED_WORD.findall(text)):
        family = gazetteer.coined_family(word)
        if not family:
            continue
        if not _called_other_than_a_model(text, word):
            names.append((word, family))
    return names


def _listed_with_known_models(text: str, gazetteer: Gazetteer) -> list[tuple[str, str]]:
    """Return the coined names listed with known models: in "based on RoBERTa, BERTweet, and
    SocBERT", RoBERTa is a model, so the other two are models too.

    Every item must be a name (not a common acronym, a dataset or a name shaped like a benchmark),
    and one a model the gazetteer knows whole.
    """
    names: list[tuple[str, str]] = []
    for match in _NAME_RUN.finditer(text):
        if _NAME_ENDS.search(text, max(0, match.start() - 40), match.start()):
            continue  # the first item is the end of a longer name
        items = [i.strip() for i in _LIST_SEPARATOR.split(match.group("items"))]
        whole = [gazetteer.models.fullmatch(i) for i in items]
        if not any(whole) or any(
            i in COMMON_ACRONYMS
            or i in gazetteer.dataset_of
            or gazetteer.datasets.fullmatch(i)
            or _NAMED_LIKE_A_BENCHMARK.fullmatch(i)
            for i in items
        ):
            continue
        names += [(i, i) for i, known in zip(items, whole, strict=True) if not known and not gazetteer.models.match(i)]
    return names


def _listed_models(text: str, gazetteer: Gazetteer, known: set[str]) -> list[tuple[str, str]]:
    """Return the names and families in lists of example models ("models such as NLLB-54B and Search-o1").

    Names the gazetteer read are left to it (it keeps version and size apart), except a strict
    family it passed over alone: in "LLMs (GPT, Llama, Qwen)", GPT is a model. A bracket with no
    "e.g." must hold two names or more, so "large language models (LLMs)" lists nothing. An
    unbracketed list ends at the first item that is not a name.
    """
    names: list[tuple[str, str]] = []

    def take(items: list[str], stop: bool) -> None:
        for item in (i.strip() for i in items):
            known_prefix = gazetteer.models.match(item)
            if known_prefix and known_prefix.end() == len(item) and normalise_name(item) not in known:
                names.append((item, gazetteer.family_of[known_prefix.group("name")][0]))
                continue
            if known_prefix and (known_prefix.end() == len(item) or normalise_name(known_prefix.group()) in known):
                continue
            if not _MODEL_ITEM.fullmatch(item) or item in COMMON_ACRONYMS or _NAMED_LIKE_A_BENCHMARK.fullmatch(item):
                if stop:
                    return
                continue
            if item not in gazetteer.dataset_of:
                names.append((item, item))

    for match in _MODELS_BRACKETED.finditer(text):
        items = _LIST_SEPARATOR.split(match.group("items"))
        if match.group("intro") or len(items) >= 2:
            take(items, stop=False)
    for match in _MODELS_LISTED.finditer(text):
        take(_LIST_SEPARATOR.split(match.group("items")), stop=True)
    return names


@functools.lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """Return a word's normalised name without a split suffix ("MiniF2F-Valid" -> "minif2f").

    Every word of every abstract is looked up, and words repeat: each is worked out once.
    """
    return normalise_name(_SPLIT_SUFFIX.sub("", word))


def _more_versions(text: str, end: int, model: ModelName) -> list[ModelName]:
    """Return the versions listed after a versioned name: "LLaMa 3, 3.1 and Qwen 2" is Llama 3 and 3.1."""
    more = []
    while match := _MORE_VERSIONS.match(text, end):
        stem = model.name[: len(model.name) - len(model.version)]
        more.append(replace(model, name=stem + match.group(1), version=match.group(1)))
        end = match.end()
    return more


def _models_of(written: str, spelling: str, family: str) -> list[ModelName]:
    """Split `Gemma-2B/7B` into Gemma-2B and Gemma-7B; read version and size from the tail."""
    base, *more_sizes = written.split("/")
    tokens = [t for t in re.split(r"[-\s]", base[len(spelling) :]) if t]
    version = next((t for t in tokens if _VERSION.match(t) and not _SIZE.match(t)), "")
    size = next((t for t in tokens if _SIZE.match(t)), "")
    models = [ModelName(base, family, version, size)]
    for other in more_sizes:
        if size:
            models.append(ModelName(base[: base.rindex(size)] + other, family, version, other))
    return models


def _known_datasets(text: str, gazetteer: Gazetteer) -> dict[str, DatasetName]:
    """Return the gazetteer's datasets a text names, by the name shown."""
    found: dict[str, DatasetName] = {}
    for match in gazetteer.datasets.finditer(text):
        hub, kind = gazetteer.dataset_of[match.group("name")]
        name = _dataset_name(match)
        found.setdefault(name, DatasetName(name, hub, _kind_of(kind)))
        other_year = _OTHER_YEAR.match(text, match.end()) if match.group("year") else None
        if other_year:  # "AIME 24/25" is AIME 24 and AIME 25
            name = name[: -len(match.group("year"))] + other_year.group(1)
            found.setdefault(name, DatasetName(name, hub, _kind_of(kind)))
    # Known names in another case or with a hyphen ("ifeval", "truthful-qa", "MiniF2F-Valid"),
    # shown as the gazetteer names them.
    for match in _WORD_TOKEN.finditer(text):
        spelling = gazetteer.dataset_by_key.get(_word_key(match.group()))
        if not spelling or ("-" in spelling and match.group().isalpha() and match.group()[1:].islower()):
            continue  # none, or a plain word: "multiple" or "Multiple" is not MultiPL-E
        hub, kind = gazetteer.dataset_of[spelling]
        if not any(
            normalise_name(hub) == normalise_name(d.hub)
            or normalise_name(spelling) == normalise_name(d.name)  # "MBPP-PLUS", a variant, is MBPP+
            for d in found.values()
        ):
            # as the gazetteer names it, or spells it when it names a part ("Voxceleb1" is VoxCeleb1)
            name = hub if normalise_name(hub) == normalise_name(spelling) else spelling
            found.setdefault(name, DatasetName(name, hub, _kind_of(kind)))
    return found


def _said_datasets(
    text: str, gazetteer: Gazetteer, found: dict[str, DatasetName]
) -> tuple[list[tuple[str, Kind]], set[str]]:
    """Return the names the gazetteer does not know that the text says are datasets or benchmarks, with
    their kinds, and those of them that are a model's name in a list of benchmarks (its test set)."""
    coined: list[tuple[str, Kind]] = [(m.group(), "benchmark") for m in _NAMED_LIKE_A_BENCHMARK.finditer(text)]
    for match in _BEFORE_KIND.finditer(text):
        kind = match.group("kind")
        # "the SmolLM corpus" and "the OnlySports Dataset" are named with their kind; "the TOFU dataset" and
        # "the RAFT Benchmark" (an acronym names itself) are not
        name = match.group("name")
        named = kind == "corpus" or (
            kind[0].isupper() and not name.isupper() and match.end("name") == match.start("kind") - 1
        )
        coined.append((name + (" " + kind if named else ""), _kind_of(kind)))
    for match in _LIST_BEFORE_KIND.finditer(text):
        kind = _kind_of(match.group("kind"))
        coined += [(item.strip(), kind) for item in _LIST_SEPARATOR.split(match.group("items"))]
    for match in _TITLED_BEFORE_KIND.finditer(text):
        if match.group("word") in _NOT_NAMES:
            continue  # "the English pretraining corpus"
        coined.append(
            (match.group("name") or match.group("word"), _kind_of(match.group("kind") or match.group("word_kind")))
        )
    for match in _CALLED_A_DATASET.finditer(text):
        name = match.group("name") or match.group("titled") or match.group("word")
        if match.group("word") and not _LOWER_WORD_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            # the end of a title-case phrase: its acronym names it ("Voice Evaluation of Reasoning Ability
            # (VERA), a benchmark"), the word does not
            acronym = _ACRONYM_AFTER.match(text, match.end("word"))
            if not acronym:
                continue
            name = acronym.group(1)
        coined.append((name, _kind_of(match.group("kind"))))
    if "Benchmark (" in text or "Dataset (" in text or "Corpus (" in text:  # (tried only where it can match)
        coined += [(m.group("name"), _kind_of(m.group("kind"))) for m in _EXPANDED_DATASET.finditer(text)]
    for match in _KIND_COLON_LIST.finditer(text):
        kind = _kind_of(match.group("kind"))
        for item in _LIST_SEPARATOR.split(match.group("items")):
            leading = _LEADING_NAME.match(item.strip())
            if not leading:
                break  # the list has ended
            coined.append((leading.group("name"), kind))
    coined += [
        (m.group("name") or m.group("after"), _kind_of(m.group("kind") or m.group("kind_before")))
        for m in _CALLED.finditer(text)
        if m.group("after") not in _NOT_NAMES
    ]
    titled = _TITLE_CALLS_A_DATASET.match(text)  # the text starts with the title
    if titled:
        coined.append((titled.group("name"), _kind_of(titled.group("kind"))))
    # A model's name in a list of benchmarks is its test set: "(AlpacaEval 2.0, FLASK, Koala, MT-Bench)".
    test_sets: set[str] = set()
    for match in _LISTED.finditer(text):
        for item in _LIST_SEPARATOR.split(match.group("items")):
            if _BENCHMARK_ITEM.fullmatch(item.strip()) or item.strip() in gazetteer.family_of:
                coined.append((item.strip(), "benchmark"))
                test_sets.add(item.strip())
    for match in _LISTED_RUN.finditer(text):
        for item in _LIST_SEPARATOR.split(match.group("items")):
            if not _BENCHMARK_ITEM.fullmatch(item.strip()) or " " in item.strip():
                break  # the list has ended ("Video-Holmes" is a name, "Video Holmes" may be words)
            coined.append((item.strip(), "benchmark"))
    coined += [(item, "benchmark") for item in _listed_beside_known(text, found)]
    return coined, test_sets


def find_datasets(text: str, gazetteer: Gazetteer) -> tuple[DatasetName, ...]:
    """Return the datasets and benchmarks a text names, each once, in order of first mention."""
    found = _known_datasets(text, gazetteer)
    coined, test_sets = _said_datasets(text, gazetteer, found)
    known = {normalise_name(n) for n in found} | {normalise_name(d.hub) for d in found.values()}
    for name, kind in coined:
        name = _ADJECTIVE_SUFFIX.sub("", name)  # "CLEVR-based synthetic scenes" name CLEVR
        if _TASK_ACRONYM.fullmatch(name) or _VERSION.match(name) or _said_to_be_a_tool(text, name):
            continue
        versioned = _VERSIONED.fullmatch(name)
        # The known name it grows from: "AlpacaEval" of "AlpacaEval 2.0", "Arena Hard" of "Arena Hard Auto v0.1".
        base = versioned.group("base") if versioned else ""
        base = next((k for k in found if base == k or base.startswith(k + " ")), "") if base else ""
        if base and normalise_name(name) not in known:
            # "AlpacaEval 2.0" where the gazetteer read "AlpacaEval": the whole name, in its place.
            known.add(normalise_name(name))
            found = {(name if k == base else k): (replace(d, name=name) if k == base else d) for k, d in found.items()}
            continue
        first = name.split(" ")[0]
        # "Llama2" in a list is a model, "Koala" in a list of benchmarks is not, "the SmolLM corpus" is not.
        a_model = name not in test_sets and not name.endswith(" corpus")
        a_model = a_model and bool(first in gazetteer.family_of or gazetteer.models.fullmatch(name))
        if first in COMMON_ACRONYMS or a_model or normalise_name(name) in known:
            continue
        known.add(normalise_name(name))
        found.setdefault(name, DatasetName(name, name, kind))
    # Coined names listed with a known or already found one: "on WindowsAgentArena and AndroidWorld",
    # "Experiments on ReasonMap and ReasonMap-Plus".
    for name in _run_with_known_datasets(text, gazetteer, known):
        if normalise_name(name) not in known and not _said_to_be_a_tool(text, name):
            known.add(normalise_name(name))
            found.setdefault(name, DatasetName(name, name, "benchmark"))
    return tuple(found.values())


#: Before a name, a list of tools it is in: "methods like ", "tools such as A, B, ".
_TOOLS_LISTED = re.compile(r"\b%s\s+(?:like|such\s+as|including|e\.g\.,?)\s+" % _TOOL_KIND)
_TOOL_LISTED = re.compile(r"[\w-]+,\s+")
#: After a name, what says it is a tool: ", an evaluation framework".
_CALLED_A_TOOL = re.compile(r",\s+an?\s+(?:[\w-]+\s+){0,4}?%s" % _TOOL_KIND)


def _said_to_be_a_tool(text: str, name: str) -> bool:
    """Return whether the text says a name is a method, framework or tool ("methods like DeepEval",
    "DeepEval, an evaluation framework")."""
    words = _words_of(text)
    return any(
        (end - len(name) in words.tools_listed and not _WORD_GOES_ON.match(text, end))
        or _CALLED_A_TOOL.match(text, end)
        for end in words.ends_of(name)
    )


_WORD_GOES_ON = re.compile(r"[\w-]")
_HYPHENATED_WORD = re.compile(r"(?<![\w-])[\w-]+")


class _Words:
    """Where each word of a text starts, to find a name's every occurrence without searching the whole
    text once per name (which is quadratic: abstracts name more things the longer they are)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] = {}
        for match in _HYPHENATED_WORD.finditer(text):
            self._starts.setdefault(match.group(), []).append(match.start())
        self._tools_listed: set[int] | None = None

    def ends_of(self, name: str) -> list[int]:
        """Return where the name ends wherever the text spells it from the start of a word (no letter,
        digit, underscore or hyphen before it) to a character that is none of these, or to a space,
        a comma or any other character the name itself has there."""
        head = _HYPHENATED_WORD.match(name)
        if not head:  # a name that does not start as a word: searched for
            return [m.start() + len(name) for m in re.finditer(r"(?<![\w-])(?=%s)" % re.escape(name), self.text)]
        starts = self._starts.get(head.group(), ())
        return [start + len(name) for start in starts if self.text.startswith(name, start)]

    @property
    def tools_listed(self) -> set[int]:
        """Return where a word in a list of tools may start: after "methods like ", "tools such as A, "."""
        if self._tools_listed is None:
            found: set[int] = set()
            for match in _TOOLS_LISTED.finditer(self.text):
                position = match.end()
                while position not in found:
                    found.add(position)
                    item = _TOOL_LISTED.match(self.text, position)
                    if not item:
                        break
                    position = item.end()
            self._tools_listed = found
        return self._tools_listed


@functools.lru_cache(maxsize=4)
def _words_of(text: str) -> _Words:
    return _Words(text)


def _run_with_known_datasets(text: str, gazetteer: Gazetteer, found: set[str]) -> list[str]:
    """Return the coined names listed with known benchmarks: "on WindowsAgentArena and AndroidWorld".

    Every item must be a coined name (no plain word, no model, no common acronym) and one a
    benchmark or dataset the gazetteer knows whole, or one already found (normalised names).
    """
    names: list[str] = []
    for match in _DATASET_RUN.finditer(text):
        items = [i.strip() for i in _LIST_SEPARATOR.split(match.group("items"))]
        known = [bool(gazetteer.datasets.fullmatch(i)) or normalise_name(i) in found for i in items]
        if not any(known) or any(
            not (re.fullmatch(_NAME, i) or _PHRASE_BENCHMARK.fullmatch(i))
            or i in COMMON_ACRONYMS
            or gazetteer.models.match(i)
            for i in items
        ):
            continue
        names += [i for i, k in zip(items, known, strict=True) if not k]
    return names


def _kind_of(word: str) -> Kind:
    """Return "benchmark" or "dataset" for the word a text or the gazetteer uses ("Benchmark",
    "corpora", "tasks" - a named suite of tasks is a benchmark)."""
    return "benchmark" if word.lower().startswith("benchmark") or word == "tasks" else "dataset"


def _listed_beside_known(text: str, found: dict[str, DatasetName]) -> list[str]:
    """Return names in bracketed lists of a sentence where one such list holds a known dataset.

    "reasoning tasks including arithmetics (MultiArith, GSM8K, SVAMP), symbolic reasoning (Last
    Letter, Coin Flip)": GSM8K is known, so every name in these lists is a benchmark. A list
    holds two or more names (capitalised words), and follows a lower-case word, not a name.
    """
    names: list[str] = []
    known = {normalise_name(n) for n in found}
    for sentence in sentences(text):
        lists = []
        for match in _BRACKETED.finditer(sentence):
            items = [i.strip() for i in _LIST_SEPARATOR.split(match.group("items"))]
            if len(items) >= 2 and all(_LIST_ITEM.fullmatch(i) for i in items):
                lists.append(items)
        if any(normalise_name(i) in known for items in lists for i in items):
            names += [i for items in lists for i in items if normalise_name(i) not in known]
    return names


_NUMBER = re.compile(
    # A range is one result, as written: "by 26-54%", "2-4 points", "a 2-2.5x reduction".
    r"(?<![\w.^@-])(?P<value>[+-]?(?:\d+(?:\.\d+)?%?(?:-|\u2013|--)(?=\d))?\d+(?:\.\d+)?)(?P<unit>\s?%|\s?(?:\u00d7|x)(?![\w])|[-\s]?(?:points?|pp)(?![\w])"
    r"|\s?times(?=\s+(?:better|faster|higher|more|lower|less|fewer|smaller|cheaper)\b))?(?![\w]|\.\d)"
)
#: Words that may stand between a number and its metric: "2.72x decoding speedup", "30% lower latency".
_MODIFIER = r"(?!(?:of|the|a|an|in|on|for|to|with|and|or|than|at|by|as)\b)[a-z][\w-]*\s+"
#: An outcome verb with "by" before a number: "reduce parameters by up to 90%", "lowering average
#: TTFT and average JCT by 97% and 47%", "outperforms the baseline by 37.6%".
_CHANGED_BY = re.compile(
    r"\b(?P<verb>improv|boost|outperform|surpass|exceed|lift|rais|enhanc|reduc|lower|cut|decreas|sav|accelerat"
    r"|speed(?:s|ing)?\s+up)\w*"
    # (a model's name between may hold digits: "outperforms GPT-5 by 34.7%"; another result may not)
    r"\b[^.;%]{0,70}?\b(?:by|from)\s+(?:up\s*to\s+|about\s+|around\s+|over\s+|nearly\s+|approximately\s+|roughly\s+"
    r"|an\s+average\s+of\s+|on\s+average\s+)?$"
)
#: A comparative right after a number with a unit that says it is an outcome ("6x faster", "3x cheaper"),
#: with the metric it stands for. ("50% more data", "30% fewer tokens" may be a setting as well as an
#: outcome: left out.)
_COMPARATIVE_METRIC = {"faster": "speedup", "cheaper": "reduction", "better": "improvement"}
_COMPARATIVE = re.compile(r" (%s)\b" % "|".join(_COMPARATIVE_METRIC))
#: Between the numbers of one list: "26.8%, 20.2%, and 5.6%", "from 17.7% to 78.7%".
_LISTED_ON = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|to|/)\s*")
_ON = re.compile(r"\s*(?:on|in|for)\s+(?:the\s+)?")


def find_results(text: str, gazetteer: Gazetteer) -> tuple[Result, ...]:
    """Return the numbers the text reports next to a metric or with a unit and a benchmark."""
    results: list[Result] = []
    for sentence in sentences(text):
        shown_sentence = sentence.strip()  # (once: each result keeps it)
        previous: tuple[int, str] | None = None  # where the last result ended, and its metric
        # Numbers with a unit and no metric yet, in a list that may end in one ("37.6% and 40.7%
        # improvements"): where each ended, its value shown, and its benchmark.
        waiting: list[tuple[int, str, str]] = []
        for match in _NUMBER.finditer(sentence):
            value, unit = match.group("value"), (match.group("unit") or "").strip()
            if unit.startswith("-"):  # "a 24-point improvement" is 24 points
                unit = "points" if unit.startswith("-point") else unit[1:]
            after = sentence[match.end() : match.end() + 40]
            before = sentence[max(0, match.start() - 90) : match.start()]
            metric = _metric_beside(after, before, gazetteer, has_unit=bool(unit))
            if unit == "times":  # "11 times better", "3 times faster"
                unit, metric = "x", "speedup" if after.lstrip().startswith("faster") else "improvement"
            benchmark = _benchmark_after(sentence, match.end(), gazetteer)
            between = sentence[previous[0] : match.start()] if previous else ""
            if not metric and previous and unit and _LISTED_ON.fullmatch(between):
                metric = previous[1]  # "by 26.8%, 20.2%, and 5.6%", "from 17.7% to 78.7%"
            shown = value + (f" {unit}" if unit[:1].isalpha() else unit)
            if not metric and not (unit and benchmark):
                previous = None
                listed = waiting and _LISTED_ON.fullmatch(sentence[waiting[-1][0] : match.start()])
                waiting = [*(waiting if listed else []), (match.end(), shown, benchmark)] if unit else []
                continue
            if metric and waiting and _LISTED_ON.fullmatch(sentence[waiting[-1][0] : match.start()]):
                results += [Result(w, metric, b, shown_sentence) for _, w, b in waiting]
            waiting = []
            previous = (match.end(), metric or "score")
            results.append(Result(shown, metric or "score", benchmark, shown_sentence))
    return tuple(results)


def _metric_beside(after: str, before: str, gazetteer: Gazetteer, has_unit: bool) -> str:
    """Return the metric named right after the number, or before it.

    Before it: for a number with a unit, "accuracy of 42.3%", "improves BLEU by 2.1 points" or an
    outcome verb ("reduces memory by up to 65.5%"); without a unit only "a perplexity of 3.02".
    """
    following = gazetteer.metric.match(after.lstrip())
    if following and after[: len(after) - len(after.lstrip())] in (" ", ""):
        return gazetteer.canonical_metric(following.group())
    if not has_unit:
        # "a perplexity of 3.02", "reaches an accuracy of 71.2"
        named = re.search(r"(%s)\s+(?:of|by|reaches|reaching)\s+$" % gazetteer.metric.pattern, before)
        return gazetteer.canonical_metric(named.group(1)) if named else ""
    described = re.match(r" (?:%s){1,2}(%s)" % (_MODIFIER, gazetteer.metric.pattern), after)
    if described:
        return gazetteer.canonical_metric(described.group(1))
    # "accuracy of 42.3%", "improves BLEU by 2.1 points", "a speedup of 1.8x"
    preceding = re.search(
        r"(%s)(?:(?:[\s,]+[\w-]+){0,2}[\s,]+(?:of|by|to|from|reaches|at)"
        # "improvements of over 20%"
        r"(?:\s+(?:over|up\s*to|about|nearly|almost|around|approximately|roughly|more\s+than))?"
        r"|(?:\s+[\w-]+){0,4}\s+(?:is|was)(?:\s+only)?)\s+$" % gazetteer.metric.pattern,
        before,
    )
    if preceding:
        return gazetteer.canonical_metric(preceding.group(1))
    comparative = _COMPARATIVE.match(after)
    if comparative:  # "79.1% fewer tokens", "50x longer", "6x faster"
        return _COMPARATIVE_METRIC[comparative.group(1)]
    changed = _CHANGED_BY.search(before)
    if changed:
        verb = changed.group("verb")
        if verb in ("reduc", "lower", "cut", "decreas", "sav"):
            return "reduction"
        return "speedup" if verb.startswith(("accelerat", "speed")) else "improvement"
    return ""


_WORD_THEN_ON = re.compile(r"\s+\w+\s+(?:on|in)\s+(?:the\s+)?")


def _benchmark_after(sentence: str, end: int, gazetteer: Gazetteer) -> str:
    """Return the benchmark named by "on X" right after a number that ends at `end` (within a short
    phrase; read in place, as a copy of the rest of the sentence for every number is quadratic)."""
    on = _ON.match(sentence, end) or _WORD_THEN_ON.match(sentence, end)
    if not on:
        return ""
    match = gazetteer.datasets.match(sentence, on.end())
    if not match:
        return ""
    return _dataset_name(match)


def _dataset_name(match: re.Match[str]) -> str:
    """Return a matched dataset's name with its year (AIME-2024, WMT22) and variant (MBPP-Plus)."""
    variant = match.group("variant") or ""
    if not match.group("year"):
        return match.group("name") + variant
    year = match.group("year")
    sep = match.group("sep") if year[0] in "vV" else "-" if match.group("sep") else ""  # "Natural Instructions V2"
    return match.group("name") + sep + year + variant


def find_domains(title: str, abstract: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """Return the domains the title names, or the abstract names at least twice (at most two)."""
    in_title = Counter(gazetteer.domain_of[w.lower()] for w in gazetteer.domains.findall(title))
    in_abstract = Counter(gazetteer.domain_of[w.lower()] for w in gazetteer.domains.findall(abstract))
    scored = [
        (-(in_title[domain] * 3 + in_abstract[domain]), domain)
        for domain in set(in_title) | set(in_abstract)
        if in_title[domain] or in_abstract[domain] >= 2
    ]
    return tuple(domain for _, domain in sorted(scored)[:MAX_DOMAINS])
