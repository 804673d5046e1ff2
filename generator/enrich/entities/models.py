"""The models a text names: the gazetteer's families with version and size, coined names with a
size, names the rules say are models (`model_rules`), and what the text says of a paper's own name.

Each model records the rule that found it: "gazetteer", "sized-name", a rule's name, or
"own-name-sized", "own-name-called", "own-name-coined". A name two rules find keeps the first.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

from generator.enrich.entities.gazetteer import Gazetteer
from generator.enrich.entities.model_rules import MODEL_RULES
from generator.enrich.entities.names import NAME, SIZE, VARIANTS, VERSION, described_as_a_model
from generator.enrich.entities.rules import Scene, apply_rules
from generator.enrich.entities.words import apposition, called_other_than_a_model
from generator.model import ModelName
from generator.text.names import COMMON_ACRONYMS, normalise_name

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
    r"|-[a-z]{2,}-\d+(?:\.\d+)?[BbMm](?:-(?:%s))*(?![\w-])" % (VARIANTS, VARIANTS)
)
#: A coined name with a size: XGLM-7B, Zephyr-7b-beta.
_SIZED_NAME = re.compile(
    # A version may come between: "Wan-2.1-14B".
    r"(?<![\w-])(?P<family>%s|[A-Z][a-z]+)(?:-[vV]?\d+(?:\.\d+)*)?-(?P<size>\d+(?:\.\d+)?[BbMm])"
    r"(?:-(?:[vV]?\d+(?:\.\d+)*|[a-z]+|[A-Z]{2,}|%s))*"
    r"(?![\w-])" % (NAME, VARIANTS)
)
#: A family named as a style, not as a model: "GPT-style", "BERT-like". ("Llama-family models"
#: does name the family: it counts, as Llama.)
_NOT_A_MODEL = re.compile(r"-(?:style|like)\b|\s+(?:corpus|dataset|data)\b")
#: Another version after a versioned name, where a list of versions goes on or ends: ", 3.1 and", "or 2)".
_MORE_VERSIONS = re.compile(
    r"(?:,\s*|\s+(?:and|or)\s+)(\d+(?:\.\d+)*)(?![\w.%/-])(?=\s*(?:,|and\b|or\b|\)|famil|models?\b|series\b))"
)
#: A name in brackets right after another name: "Deepseek R1 (Deepseek)", "Claude 3.5 Sonnet (Anthropic)".
_MAKER_AFTER = re.compile(r"[\w.+-]\s\($")
#: A name of several words inside a title's phrase: "Depth Anything in Any Direction" is not Depth Anything.
_TITLE_GOES_ON = re.compile(r"\s+(?:in|of|for|on|with|to|from)\s+[A-Z]")
#: After a family too common to count alone (GPT, OPT), what makes it a model: "GPT models", "the OPT family".
_STRICT_AS_MODEL = re.compile(r"\s+(?:models?|M?LLMs?|family|series)\b")
#: Before it: a size, "the original 43B GPT".
_SIZE_BEFORE = re.compile(r"\b\d+(?:\.\d+)?[BM]\s+$")
#: Families whose sizes go on after the B, as a decimal: BLOOM-7B1 is BLOOM of 7.1B, no footnote.
_SIZE_GOES_ON = frozenset({"BLOOM"})

#: After a paper's own name: a size ("MT-Ladder-7B").
_OWN_SIZE = re.compile(r"[- ](\d+(?:\.\d+)?[BM])(?![\w])")
#: ... or what says it is a model: "AutoCoder, the first Large Language Model to surpass", "The ConvLLaVA
#: model series are publicly available".
_CALLED_A_MODEL = re.compile(
    r"\)?,?\s+(?:(?:which\s+)?is\s+)?"
    + described_as_a_model(article=r"an?|the\s+(?:first|largest|strongest|best)")
    + r"|\s+(?:model|LLM|MLLM|VLM)(?:s|\s+series|\s+family)?\b(?!-)"
)
#: ... before it: "a 1.3B-parameter model, CuatroLLM".
_A_MODEL_BEFORE = re.compile(r"\b(?:model|M?LLM|VLM),?\s+$")
#: ... or as the acronym of what it is: "a new efficient LLVM, Mamba-based traversal of rationales
#: (Meteor)", "a novel Visual-InteRactive Text-Image Universal Embedder (VIRTUE)".
_A_MODEL_EXPANDED = re.compile(
    described_as_a_model(nouns="[Mm]odels?|M?LLMs?|VLMs?|VLAs?|LLVMs?|[Ee]mbedders?|[Ee]ncoders?|LRMs?|SLMs?|LMs?")
    + r"(?:,\s+[^(),.;:]{1,80})?\s+\($"
)
#: The end of a name coined as a language model's: "OnlySportsLM" (not "-LLM": "Craw4LLM" is a crawler).
_MODEL_SUFFIX = re.compile(r"[a-z]LM$")


def find_models(text: str, gazetteer: Gazetteer, own_name: str | None = None) -> tuple[ModelName, ...]:
    """Return the models a text names, each once, in order of first mention."""
    found, read, written = _known_models(text, gazetteer)
    # ... and as written ("Mistral-7B1" with its footnote, "PaLM" of "540B PaLM"), for no rule to read again
    known = {normalise_name(m.name) for m in found.values()} | written
    _sized_names(text, gazetteer, found, read, known)
    # Coined names the text says are models, with their families. Acronyms, datasets and known names are not.
    scene = Scene(text, gazetteer, frozenset(known))
    for said in apply_rules(MODEL_RULES, scene):
        name = said.name
        if name not in COMMON_ACRONYMS and name not in gazetteer.dataset_of and normalise_name(name) not in known:
            known.add(normalise_name(name))
            found.setdefault(name, ModelName(name, said.detail, rule=said.rule))
    if own_name:
        _own_models(text, own_name, found)
    return tuple(found.values())


def _known_models(text: str, gazetteer: Gazetteer) -> tuple[dict[str, ModelName], list[tuple[int, int]], set[str]]:
    """Return the gazetteer's models a text names, where each was read with its tail, and how the
    models found were written (normalised)."""
    found: dict[str, ModelName] = {}
    read: list[tuple[int, int]] = []
    written_as: set[str] = set()
    for match in gazetteer.models.finditer(text):
        family, strict = gazetteer.family_of[match.group("name")]
        if _NOT_A_MODEL.match(text, match.end()) or (
            " " in match.group("name") and _TITLE_GOES_ON.match(text, match.end())
        ):
            continue
        written, suffix = _written(text, match, family)
        read.append((match.start(), match.end() + (len(suffix.group()) if suffix else 0)))
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
        models = _sized_before(text, match.start(), models)
        for model in models:
            # A strict family ("GPT") counts with a version, a size or a coined name ("GPT-Neo").
            if strict and not (model.version or model.size or suffix) and not _strict_as_model(text, match):
                continue
            found.setdefault(model.name, model)
            written_as.add(normalise_name(text[read[-1][0] : read[-1][1]]))
    return found, read, written_as


def _written(text: str, match: re.Match[str], family: str) -> tuple[str, re.Match[str] | None]:
    """Return a known model's name as written, without a footnote's digit, and any coined suffix."""
    suffix = _COINED_SUFFIX.match(text, match.end())
    footnote = match.group("footnote") and family not in _SIZE_GOES_ON
    end = match.start("footnote") if footnote else match.end()
    return text[match.start() : end] + (suffix.group() if suffix else ""), suffix


def _sized_before(text: str, start: int, models: list[ModelName]) -> list[ModelName]:
    """Return a model with no size of its own sized by the size before it: "175B GPT-3" is GPT-3 175B."""
    before = _SIZE_BEFORE.search(text, max(0, start - 12), start)
    if not before or len(models) > 1 or models[0].size:
        return models
    size = before.group().strip()
    return [replace(models[0], name=f"{models[0].name} {size}", size=size)]


def _sized_names(
    text: str, gazetteer: Gazetteer, found: dict[str, ModelName], read: list[tuple[int, int]], known: set[str]
) -> None:
    """Add the coined names with a size (XGLM-7B, CuatroNet-2B) but those inside a name already read."""
    # where each read name starts, in order, and the furthest any name read so far ends
    starts = [start for start, _ in read]
    reach = list(itertools.accumulate((end for _, end in read), max))
    for match in _SIZED_NAME.finditer(text):
        family = match.group("family")
        last = bisect.bisect_right(starts, match.start()) - 1
        inside = last >= 0 and reach[last] > match.start()  # "Pro-8.3B" of "LLaMA Pro-8.3B"
        coined = family not in COMMON_ACRONYMS and family not in gazetteer.dataset_of and not inside
        if coined and normalise_name(match.group()) not in known:
            found.setdefault(match.group(), ModelName(match.group(), family, "", match.group("size"), "sized-name"))


def _own_models(text: str, own_name: str, found: dict[str, ModelName]) -> None:
    """Add the paper's own models: its name with a size ("MT-Ladder-7B"), or its name where the text
    says it is a model ("AutoCoder, the first Large Language Model"), or coined as models are."""
    # One pattern per paper would be compiled for every paper: look the name up instead.
    called = False
    start = text.find(own_name)
    while start >= 0:
        end = start + len(own_name)
        whole = not (start and (text[start - 1].isalnum() or text[start - 1] in "_-"))
        sized = _OWN_SIZE.match(text, end) if whole else None
        if sized:
            name = text[start : sized.end()]
            found.setdefault(name, ModelName(name, own_name, "", sized.group(1), "own-name-sized"))
        elif whole and _said_to_be_a_model(text, start, end):
            called = True
        start = text.find(own_name, end)
    rule = "own-name-called"
    # A name coined as models are ("OnlySportsLM") is a model unless said to be another thing.
    if not called and _MODEL_SUFFIX.search(own_name) and not called_other_than_a_model(text, own_name):
        called, rule = True, "own-name-coined"
    if called and not any(m.family == own_name for m in found.values()):
        found.setdefault(own_name, ModelName(own_name, own_name, rule=rule))


def _said_to_be_a_model(text: str, start: int, end: int) -> bool:
    """Return whether the text says the name between `start` and `end` is a model."""
    return bool(
        _CALLED_A_MODEL.match(text, end)
        or (_A_MODEL_BEFORE.search(text[max(0, start - 12) : start]) and apposition(text, start, end))
        or (text.startswith(")", end) and _A_MODEL_EXPANDED.search(text[max(0, start - 200) : start]))
    )


def _strict_as_model(text: str, match: re.Match[str]) -> bool:
    """Return whether a family too common to count alone is named as a model ("GPT models", "43B GPT")."""
    return bool(
        _STRICT_AS_MODEL.match(text, match.end())
        or _SIZE_BEFORE.search(text, max(0, match.start() - 12), match.start())
    )


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
    version = next((t for t in tokens if VERSION.match(t) and not SIZE.match(t)), "")
    size = next((t for t in tokens if SIZE.match(t)), "")
    models = [ModelName(base, family, version, size, "gazetteer")]
    for other in more_sizes:
        if size:
            models.append(ModelName(base[: base.rindex(size)] + other, family, version, other, "gazetteer"))
    return models
