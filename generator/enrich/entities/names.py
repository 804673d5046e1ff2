"""What a name looks like: the fragments every entity pattern shares, written once.

Each fragment is a pattern string to put inside others; the long ones are verbose (`(?x:...)`,
commented, whitespace ignored). The acronyms that are no names and how two spellings are told
to be one are `generator.text.names`, which the identify stage uses too.
"""

from __future__ import annotations

import re

#: A name as papers coin them: capitalised, with a second capital or a digit (TOFU, VTAB-1k, SmolLM).
NAME = r"""(?x:
    (?: [A-Z][a-z]*[A-Z0-9][A-Za-z0-9]*     # a second capital or a digit: TOFU, SmolLM, C4
      | [A-Z][A-Za-z0-9]*\d                 # ... or a digit at the end: Llama2
    )
    (?:[-.][A-Za-z0-9]+)*                   # parts after a hyphen or a dot: VTAB-1k, Qwen1.5
)"""
#: ... or a capitalised word joined to others by hyphens ("Ferret-UI", "MCP-Universe").
NAME_OR_HYPHENATED = (
    r"""(?x:
    (?: %s
      | [A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+   # Ferret-UI, MCP-Universe
    )
)"""
    % NAME
)
#: A name in a list: a coined name, a capitalised word with hyphenated parts ("Code-Llama"), or a
#: lower-case prefix before a capital ("nGPT", "mT5").
NAME_ITEM = (
    r"""(?x:
    (?: %s
      | [A-Z][a-z]+(?:-[A-Za-z0-9.]*[A-Za-z0-9])*
      | [a-z]{1,4}[A-Z][A-Za-z0-9]*
    )
)"""
    % NAME
)
#: The words that give a name: "a dataset, which we call TransWeb-Edu", "models, termed EfficientLLM".
NAMING = r"""(?x:
    (?: which\s+we\s+(?:call|name|term|dub) | called | named | termed | dubbed )
)"""
#: An acronym as a text defines it in brackets: "(VERA)", "(ChemTEB)", "(C-SRRG)".
ACRONYM = r"(?x: [A-Z][A-Za-z0-9-]{1,15} )"
#: The most items a list of names is read with: an unbounded list is read again from each of its items
#: when it does not end as one should, and a text of such lists takes time as the square of its length.
#: (The longest in 1,984 real abstracts has 11.)
MAX_LISTED = 30
#: Between the items of a list: "A, B and C", "A, B, or C".
LIST_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+")
#: A plain word before: a lower-case word and a space ("we constructed Swallow").
LOWER_WORD_BEFORE = re.compile(r"(?<![\w-])[a-z][\w-]*\s$")

#: A model's version: "3", "v0.2", "2.5", "4o".
VERSION = re.compile(r"^[vV]?\d+(?:\.\d+)*[a-z]?$")
#: A model's size: "8B", "0.5B", "8x7B".
SIZE = re.compile(r"^(\d+(?:\.\d+)?[BMKbm]|\d+x\d+(?:\.\d+)?[BMbm])$")
#: Variants written after a model's family, with a hyphen: "Llama-2-Chat", "gpt-5-medium".
VARIANTS = r"""(?x:
    Instruct|instruct|Chat|chat|Base|base|it|Coder|Math|mini|small|medium|large|Large|Small|XL|XXL|Pro|Turbo|turbo
    |Ultra|Flash|R1|V2|V3|beta|alpha|preview|Sonnet|Opus|Haiku
    # as API names write them: "gpt-5-medium", "claude-sonnet-4", "gemini-2.5-pro", "qwen-max"
    |sonnet|opus|haiku|pro|flash|nano|lite|max|plus|high|low
)"""
#: Variants also written after a space: "Claude 3.5 Sonnet", "GPT-4 Turbo", "Gemini 1.5 Pro".
SPACED_VARIANTS = "Instruct|Chat|Coder|Pro|Turbo|Ultra|Flash|Sonnet|Opus|Haiku|R1|V2|V3"
#: What follows a model family's name and belongs to it: versions, sizes and variants.
TAIL = r"""(?x:
(?P<tail>
    # up to three versions or sizes: "-3", "2.5", " 7B", "-8x7B", "-13B/70B"; no digit glued to a
    # size ("Mistral-7B1" is Mistral-7B and its footnote 1)
    (?:
        (?: - | \s(?=\d) | (?<!\d[BMKbm]) )
        (?: [vV]?\d+(?:\.\d+)*[a-z]? (?![\w]|\.\d)
          | \d+(?:\.\d+)?[BMKbm]
          | \d+x\d+(?:\.\d+)?[BMbm]
        )
        (?: /\d+(?:\.\d+)?[BMKbm] )*
    ){0,3}
    # variants: "-Instruct", " Turbo"
    (?: (?: -(?:%s) | \s(?:%s) ) (?![\w]) )*
    # a size after a spaced variant ("LLaMA Pro-8.3B"), a version after a variant ("Instruct v0.2")
    (?: (?<=[a-z]) -\d+(?:\.\d+)?[BMbm] (?![\w]) )?
    (?: (?<=[a-z]) \s[vV]\d+(?:\.\d+)* (?![\w]|\.\d) )?
    # ... or a bare version after a lower-case tier: "claude-sonnet-4"
    (?: (?:(?<=sonnet)|(?<=opus)|(?<=haiku)) -\d+(?:\.\d+)* (?![\w]|\.\d) )?
)
)""" % (VARIANTS, SPACED_VARIANTS)

#: A footnote's digit glued to a model's size: the "1" of "Mistral-7B1", the "4" of "gemma-7B4".
FOOTNOTE = r"(?P<footnote>(?<=\d[BMbm])\d{1,2}(?!\.\d))?"

#: A title's name before its colon, which the title then says is a model or a dataset ("RigoChat 2: an
#: adapted language model to Spanish", "The Nordic Pile: A 1.2TB Nordic Dataset": up to three
#: capitalised words, not a phrase that starts with a verb); the text of a paper starts with its title.
TITLE_NAME = r"^(?P<name>(?!\w+ing\s)(?:The\s)?[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){0,2}(?:\s\d+(?:\.\d+)*)?):\s+"
#: What a name may be said to be instead of a model ("a framework", "a benchmark").
OTHER_KINDS = (
    "framework|method|approach|system|technique|pipeline|toolkit|algorithm|paradigm|strategy|library|benchmark|dataset"
)
#: What a coined name may be said to be instead of a model: "TheoremLlama, an end-to-end framework".
NOT_A_MODEL_KIND = r"(?:%s|tool|corpus|metric|agent|platform|adapter|module|mechanism|kernel)s?\b" % OTHER_KINDS
#: What a tool is called: not a dataset.
TOOL_KIND = (
    r"(?:methods?|frameworks?|tools?|toolkits?|libraries|library|packages?|approaches|approach|systems?|models?)"
)
#: The words a model is said to be: "model", "LLM", "VLM" ...; `described_as_a_model` may add more.
MODEL_NOUNS = "[Mm]odels?|M?LLMs?|VLMs?|VLAs?|LRMs?|SLMs?|LMs?"


def described_as_a_model(article: str = "an?", nouns: str = MODEL_NOUNS) -> str:
    """Return the pattern of a phrase that says a thing is a model, after its article.

    "a fully open source, 1.7-billion-parameter, LLaMa-based model", "a series of open-source LLMs",
    "a bilingual 8*16B Mixture of Experts (MoE) language model": words that describe the model, with
    no "for", "of", "that"... ("a framework for training language models").
    """
    return r"""(?x:
    (?:%(article)s) \s+
    (?: (?:series|family|suite|collection|set) \s+ of \s+ )?
    # (not through what the thing is instead: "EchoAtt, a novel framework aimed at optimizing ... models")
    (?:
        (?! (?:for|of|to|with|that|which|in|into|on|from|by|and|or|the|via|using|trained|%(other)s) \b )
        [\w.*+-]+ ,? \s+
      | \( [\w-]+ \) \s+
      | [A-Z]\w* \s+ of \s+ (?=[A-Z])
    ){0,8}?
    (?:%(nouns)s) \b (?!-)
    # ... where the phrase ends: not "a Large Language Model assistance training framework".
    (?=
        \s* (?: [,.;:()] | $ )
      | \s+ (?: that|which|who|with|for|of|in|on|to|and|or|is|are|was|from|by|as|at|via|under
              |capable|specifically|family|series|using|comprising|including|containing|excelling|achieving
              |supporting|featuring|[\w-]+ed
            ) \b
    )
)""" % {"article": article, "other": OTHER_KINDS, "nouns": nouns}


#: Names that say they are benchmarks or datasets (OCRBench, PubMedQA, AlpacaEval).
NAMED_LIKE_A_BENCHMARK = re.compile(
    # A hyphenated prefix may come first ("T2I-CompBench"), a split or version after ("MMBench-CN").
    # "Xbench-DS", "xbench-DeepSearch", "MCP-Universe Bench".
    r"(?<![\w-])(?:[A-Z][a-z]*[A-Z0-9][A-Za-z0-9]*-)?(?:[A-Z][A-Za-z0-9]*-?(?:Bench|bench|QA|Eval)|[A-Za-z][A-Za-z0-9]*-[Bb]ench"
    r"|[a-z][a-z0-9]*bench(?=-[A-Z])|%s\sBench)"
    r"(?:-(?!like|style|based)[A-Za-z0-9]+)?(?![\w-])" % NAME_OR_HYPHENATED
)
#: Capitalised words that describe a dataset without naming it: "the English pretraining corpus".
_NOT_NAME_WORDS = """English Chinese Japanese Korean French German Spanish Arabic Hindi Russian Portuguese Italian
Vietnamese Indonesian Thai Turkish Polish Dutch Swedish Greek Hebrew Persian Urdu Bengali Swahili
Indic African European Asian American Python Java Web Internet Medical Clinical Legal Financial
Scientific"""
NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
#: Variants of a benchmark written after its name: "MBPP-Plus", "SWE-bench-Verified", "GSM8K-Hard".
BENCHMARK_VARIANTS = (
    "(?:Plus|PLUS|Pro|Hard|HARD|Lite|Verified|Redux|Mini|Easy|Challenge|Full|Extended|Live|Multi"
    # a language's split: "BrowseComp-ZH", "MMBench-CN"
    "|ZH|CN|EN|JA|JP|KO|DE|FR|ES|AR|RU)"
)


def kind_of(word: str) -> str:
    """Return "benchmark" or "dataset" for the word a text or the gazetteer uses ("Benchmark",
    "corpora", "tasks" - a named suite of tasks is a benchmark)."""
    return "benchmark" if word.lower().startswith("benchmark") or word == "tasks" else "dataset"
