"""The benchmarks and datasets a text names: the gazetteer's, as written or in another case, the
names the rules say are datasets (`dataset_rules`), and coined names listed with known ones.

Each records the rule that found it: "gazetteer", "gazetteer-respelled", a rule's name, or
"listed-with-known-datasets" or "in-a-list-with-known". A name two rules find keeps the first; an
acronym the text defines for a technique or a task ("grouped-query attention (GQA)") is none.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from generator.enrich.entities.dataset_rules import DATASET_RULES, TEST_SETS
from generator.enrich.entities.gazetteer import Gazetteer
from generator.enrich.entities.names import (
    LIST_SEPARATOR,
    MAX_LISTED,
    NAME,
    NAME_ITEM,
    NAME_OR_HYPHENATED,
    VERSION,
    kind_of,
)
from generator.enrich.entities.rules import Example, Rule, Said, Scene, apply_rules
from generator.enrich.entities.words import said_to_be_a_tool
from generator.model import DatasetName
from generator.text.names import COMMON_ACRONYMS, normalise_name

#: A second year after a benchmark's: "AIME 24/25", "WMT22/23".
_OTHER_YEAR = re.compile(r"/(\d\d)(?![\w%.])")
#: A word as a name may be written: letters and digits, hyphens inside.
_WORD_TOKEN = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])")
#: The split of a benchmark a paper reports on: "MiniF2F-Valid" is MiniF2F.
_SPLIT_SUFFIX = re.compile(r"-(?:valid|val|test|dev|train)$", re.IGNORECASE)
#: A name and its version: "AlpacaEval 2.0", "Arena Hard Auto v0.1".
_VERSIONED = re.compile(r"(?P<base>.+?)[\s-][vV]?\d+(?:\.\d+)*")
#: An adjective made of a name: "CLEVR-based", "GPT-generated".
_ADJECTIVE_SUFFIX = re.compile(r"-(?:based|like|style|driven|powered|generated|aligned|guided|specific|centric)$")
#: A task's acronym shaped like a benchmark's name: "VQA", "IQA", "KBQA" (benchmarks of that shape,
#: GPQA and SIQA, are in the gazetteer).
_TASK_ACRONYM = re.compile(r"[A-Z]{1,2}QA")
#: A run of benchmark names, which may be phrases ending as benchmarks do: "AppWorld, OfficeBench, and
#: Multi-objective QA".
_PHRASE_BENCHMARK = re.compile(r"[A-Z][\w-]*(?:\s[\w-]+){0,2}\s(?:QA|Bench|Eval)")
_DATASET_ITEM = r"(?:%s|%s)" % (_PHRASE_BENCHMARK.pattern, NAME_ITEM)
_DATASET_RUN = re.compile(
    r"(?<![\w.-])(?P<items>%s(?:,\s*%s){0,%d},?\s+(?:and|or)\s+%s)(?![\w'\u2019-]|\s[A-Z0-9])"
    % (_DATASET_ITEM, _DATASET_ITEM, MAX_LISTED, _DATASET_ITEM)
)


#: The last word of a technique's or a task's name: "grouped-query attention (GQA)", "Document Question
#: Answering (DocQA) is a very common task" define an acronym that is no benchmark.
_TECHNIQUE = (
    r"(?:attention|[Aa]nswering|[Rr]etrieval|[Gg]eneration|[Rr]easoning|[Ll]earning|[Tt]ranslation|[Ss]ummari[sz]ation"
    r"|[Rr]ecognition|[Dd]etection|[Cc]lassification|[Ss]egmentation|[Oo]ptimi[sz]ation|[Ee]stimation|[Ee]diting"
    r"|[Aa]lignment|[Dd]ecoding|[Ss]ampling|[Tt]uning|[Ee]ncoding|[Pp]rompting|[Tt]raining)"
)
#: ... unless the text makes it, or says it is one: "we introduce Chinese Time Reasoning (CTM), a benchmark",
#: "Multimodal Inconsistency Reasoning (MMIR): A New Benchmark", "Caption Retrieval (SCaR) benchmark".
_MADE_OR_BENCHMARK = re.compile(
    r"\b(?:introduc|propos|present|named|called|construct|build|creat|releas|benchmark|dataset)", re.IGNORECASE
)
_KIND_FOLLOWS = re.compile(
    r"\s*(?:[,:]\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3})?(?:[\w-]+\s+)?(?:benchmark|dataset|corpus|suite|test)",
    re.IGNORECASE,
)


_DEFINED = re.compile(r"\b%s\s+\((?P<name>[A-Za-z][\w-]{0,30})\)" % _TECHNIQUE)


def defined_as_techniques(text: str) -> set[str]:
    """Return the acronyms the text defines for a technique or a task it does not make (one pass over it)."""
    defined = set()
    for match in _DEFINED.finditer(text):
        before = re.split(r"[.;]", text[max(0, match.start() - 160) : match.start()])[-1]
        if not _MADE_OR_BENCHMARK.search(before) and not _KIND_FOLLOWS.match(text, match.end()):
            defined.add(match.group("name"))
    return defined


def dataset_name(match: re.Match[str]) -> str:
    """Return a matched dataset's name with its year (AIME-2024, WMT22) and variant (MBPP-Plus)."""
    variant = match.group("variant") or ""
    if not match.group("year"):
        return match.group("name") + variant
    year = match.group("year")
    sep = match.group("sep") if year[0] in "vV" else "-" if match.group("sep") else ""  # "Natural Instructions V2"
    return match.group("name") + sep + year + variant


def _dataset(name: str, hub: str, kind: str, rule: str) -> DatasetName:
    return DatasetName(name, hub, "benchmark" if kind_of(kind) == "benchmark" else "dataset", rule)


@functools.lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """Return a word's normalised name without a split suffix ("MiniF2F-Valid" -> "minif2f").

    Every word of every abstract is looked up, and words repeat: each is worked out once.
    """
    return normalise_name(_SPLIT_SUFFIX.sub("", word))


def _known_datasets(text: str, gazetteer: Gazetteer) -> dict[str, DatasetName]:
    """Return the gazetteer's datasets a text names, by the name shown."""
    found: dict[str, DatasetName] = {}
    for match in gazetteer.datasets.finditer(text):
        hub, kind = gazetteer.dataset_of[match.group("name")]
        name = dataset_name(match)
        found.setdefault(name, _dataset(name, hub, kind, "gazetteer"))
        other_year = _OTHER_YEAR.match(text, match.end()) if match.group("year") else None
        if other_year:  # "AIME 24/25" is AIME 24 and AIME 25
            name = name[: -len(match.group("year"))] + other_year.group(1)
            found.setdefault(name, _dataset(name, hub, kind, "gazetteer"))
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
            found.setdefault(name, _dataset(name, hub, kind, "gazetteer-respelled"))
    return found


def find_datasets(text: str, gazetteer: Gazetteer) -> tuple[DatasetName, ...]:
    """Return the datasets and benchmarks a text names, each once, in order of first mention."""
    found = _known_datasets(text, gazetteer)
    said = apply_rules(DATASET_RULES, Scene(text, gazetteer, frozenset(normalise_name(n) for n in found)))
    # A model's name in a list of benchmarks is its test set: "(AlpacaEval 2.0, FLASK, Koala, MT-Bench)".
    test_sets = {s.name for s in said if s.rule == TEST_SETS}
    known = {normalise_name(n) for n in found} | {normalise_name(d.hub) for d in found.values()}
    for candidate in said:
        found = _take(text, gazetteer, candidate, found, known, test_sets)
    # Coined names listed with a known or already found one: "on WindowsAgentArena and AndroidWorld",
    # "Experiments on ReasonMap and ReasonMap-Plus".
    for listed in apply_rules((LISTED_WITH_KNOWN, IN_A_LIST_WITH_KNOWN), Scene(text, gazetteer, frozenset(known))):
        if normalise_name(listed.name) not in known and not said_to_be_a_tool(text, listed.name):
            known.add(normalise_name(listed.name))
            found.setdefault(listed.name, DatasetName(listed.name, listed.name, "benchmark", listed.rule))
    techniques = defined_as_techniques(text) if "(" in text else set()
    return tuple(
        d for name, d in found.items() if not _only_inside_longer(text, name, found) and name not in techniques
    )


def _only_inside_longer(text: str, name: str, found: dict[str, DatasetName]) -> bool:
    """Say whether the text writes a known name only inside the name its title gives a dataset: "Pile"
    of "The Nordic Pile: A 1.2TB Nordic Dataset" is not the Pile. (Not inside any longer name a rule
    reads: "SWE-bench Lite" is SWE-bench's, a list read as "MATH AMC" is two names.)"""
    word = re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(name))
    longer = [n for n, d in found.items() if d.rule == "title-says-dataset" and n != name and word.search(n)]
    if not longer or found[name].rule != "gazetteer":
        return False
    return not word.search(functools.reduce(lambda rest, n: rest.replace(n, " "), longer, text))


def _take(
    text: str, gazetteer: Gazetteer, said: Said, found: dict[str, DatasetName], known: set[str], test_sets: set[str]
) -> dict[str, DatasetName]:
    """Return the datasets found with one a rule said, if it is one; `known` gains its normalised name."""
    name = _ADJECTIVE_SUFFIX.sub("", said.name)  # "CLEVR-based synthetic scenes" name CLEVR
    if _TASK_ACRONYM.fullmatch(name) or VERSION.match(name) or said_to_be_a_tool(text, name):
        return found
    versioned = _VERSIONED.fullmatch(name)
    # The known name it grows from: "AlpacaEval" of "AlpacaEval 2.0", "Arena Hard" of "Arena Hard Auto v0.1".
    base = versioned.group("base") if versioned else ""
    base = next((k for k in found if base == k or base.startswith(k + " ")), "") if base else ""
    if base and normalise_name(name) not in known:
        # "AlpacaEval 2.0" where the gazetteer read "AlpacaEval": the whole name, in its place (and its rule).
        known.add(normalise_name(name))
        return {(name if k == base else k): (replace(d, name=name) if k == base else d) for k, d in found.items()}
    first = name.split(" ")[0]
    # "Llama2" in a list is a model, "Koala" in a list of benchmarks is not, "the SmolLM corpus" is not.
    a_model = name not in test_sets and not name.endswith(" corpus")
    a_model = a_model and bool(first in gazetteer.family_of or gazetteer.models.fullmatch(name))
    if first in COMMON_ACRONYMS or a_model or normalise_name(name) in known:
        return found
    known.add(normalise_name(name))
    found.setdefault(name, _dataset(name, name, said.detail, said.rule))
    return found


def _listed_with_known(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    """Return the coined names listed with known benchmarks: "on WindowsAgentArena and AndroidWorld".

    Every item must be a coined name (no plain word, no model, no common acronym) and one a
    benchmark or dataset the gazetteer knows whole, or one already found (normalised names).
    """
    gazetteer = scene.gazetteer
    items = [i.strip() for i in LIST_SEPARATOR.split(match.group("items"))]
    known = [bool(gazetteer.datasets.fullmatch(i)) or normalise_name(i) in scene.known for i in items]
    if not any(known) or any(
        not (re.fullmatch(NAME, i) or _PHRASE_BENCHMARK.fullmatch(i))
        or i in COMMON_ACRONYMS
        or gazetteer.models.match(i)
        for i in items
    ):
        return []
    return [(i, "benchmark") for i, k in zip(items, known, strict=True) if not k]


#: Run once the other rules' names are found: a name listed with one of them is a benchmark too.
LISTED_WITH_KNOWN = Rule(
    "listed-with-known-datasets",
    "dataset",
    _DATASET_RUN,
    read=_listed_with_known,
    examples=(
        Example("generalizes to other systems on MacAgentArena and AndroidWorld", "MacAgentArena"),
        Example(
            "we construct RouteMap-Plus, an extended dataset. Experiments on RouteMap and RouteMap-Plus", "RouteMap"
        ),
        Example("on MacAgentArena, GSM8K and Llama", "MacAgentArena", False),
    ),
)


#: A comma list of names that goes on past them ("a combination of RE-Bench, HCAST, and 66 novel tasks") or
#: that the text says lists benchmarks ("five benchmarks like MMLongBench, LongDocURL demonstrate"), without
#: the "and" before a last name that `LISTED_WITH_KNOWN` needs; not a number's list ("AMC 2023, ...").
_COMMA_RUN = re.compile(
    r"(?P<intro>\b(?:benchmarks|datasets),?\s+(?:such\s+as|including|like|e\.g\.,?)\s+)?"
    r"(?<![\w.-])(?P<items>%s(?:,\s+%s){1,%d})(?![\w.-])(?P<goes_on>,)?(?!\s\d)"
    % (NAME_OR_HYPHENATED, NAME_OR_HYPHENATED, MAX_LISTED)
)
_METRICS_BEFORE = re.compile(r"\bmetrics?\b")


def _in_a_list_with_known(match: re.Match[str], scene: Scene) -> list[tuple[str, str]]:
    """Return the coined names of a comma list that holds a known benchmark and goes on (or follows
    "benchmarks like"): each a coined name, not a model's, nor a common acronym; not in a list of metrics."""
    if not (match.group("intro") or match.group("goes_on")) or _METRICS_BEFORE.search(
        scene.text, max(0, match.start() - 80), match.start()
    ):
        return []
    gazetteer = scene.gazetteer
    items = [i.strip() for i in match.group("items").split(",")]
    known = [bool(gazetteer.datasets.fullmatch(i)) or normalise_name(i) in scene.known for i in items]
    if not any(known):
        return []
    return [
        (i, "benchmark")
        for i, k in zip(items, known, strict=True)
        if not k
        and re.fullmatch(NAME, i)
        and i not in COMMON_ACRONYMS
        and not gazetteer.models.match(i)
        and not gazetteer.coined_family(i)
    ]


IN_A_LIST_WITH_KNOWN = Rule(
    "in-a-list-with-known",
    "dataset",
    _COMMA_RUN,
    read=_in_a_list_with_known,
    examples=(
        Example("We timed humans on a combination of RE-Bench, HCAST, and 66 novel shorter tasks.", "HCAST"),
        Example("Experiments on five benchmarks like MMLongBench, LongDocURL demonstrate it.", "LongDocURL"),
        Example("On MMLongBench, FooAgent achieves the best score.", "FooAgent", False),
        Example("across multiple metrics, including PickScore, HPSv2, GenEval, and more", "HPSv2", False),
    ),
)
