"""What a number in an abstract reports: a score, a gain, a reduction, a speedup, or other.

A result's kind is read from the words around its number in its sentence, nearest first: the
unit and the words right after it ("2.4x faster", "65.5% less memory", "8.3 points higher"),
then the verb of its clause before it ("improves accuracy by", "reduces latency by", "reaches").
Numbers that belong to someone else (a baseline's own score in "from 17.7% to 78.7%", what
"state-of-the-art models only reach", how far they "lag behind humans") are `other`, and so are
settings ("with 0.1% of the data").

A gain, reduction or speedup also names what it is relative to when the sentence says so
(`baseline`): "over LLaMA-2", "compared to existing frameworks", "outperforms GPT-4o by 3.1%".
"""

from __future__ import annotations

import re

from generator.enrich.entities.lists import QUALIFIER_WORDS, list_joint
from generator.model import ResultKind

_RATIO_UNIT = re.compile(r"(?:\s*(?:x|\u00d7|times|fold)|-fold)$", re.IGNORECASE)

# What follows the number, read from its end: the first matching clause wins.
_AFTER: tuple[tuple[ResultKind, re.Pattern[str]], ...] = (
    (
        "reduction",
        re.compile(
            r"^[\s-]*(?:(?:relative|absolute|average|overall)\s+)?(?:reduction|decrease|fewer|less|lower|"
            r"smaller|cheaper|compression|drop\s+in\s+(?:cost|latency|memory|error)|savings?|"
            r"cut)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "speedup",
        re.compile(
            r"^[\s-]*(?:(?:end-to-end|inference|training|wall-clock|overall|average)\s+)?(?:faster|speed-?ups?|"
            r"acceleration|quicker|higher\s+throughput|throughput|speed)\b"
            # a speedup of any stage: "2.72x decoding speedup", "1.8x prefill acceleration"
            r"|^[\s-]*[A-Za-z][\w-]*\s+(?:speed-?ups?|acceleration)\b"
            # an improvement of speed is a speedup (decision 6): "1.5x improvement in inference efficiency",
            # "2.00x and 1.40x improvements in time-to-first-token (TTFT) and throughput"
            r"|^[\s-]*(?:improvements?|increases?|gains?)\s+(?:in|of)\s+(?:the\s+)?(?:(?:end-to-end|average)\s+)?"
            r"(?:(?:inference|decoding|generation|training)\s+(?:speed|efficiency|throughput)|speed|throughput"
            r"|time-to-first-token|TTFT)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "gain",
        re.compile(
            r"^[\s-]*(?:(?:absolute|relative|average|overall|significant|consistent|performance|accuracy)\s+)?"
            r"(?:(?:percentage\s+)?points?\s+|pp\s+|%\s+)?(?:improvements?|gains?|increases?|higher|better|boost|"
            r"more\s+(?:accurate|effective)|uplift|enhancement|advantage|margin)\b",
            re.IGNORECASE,
        ),
    ),
)

_CLAUSE_START = re.compile(r"[;:]|,\s+(?:while|whereas|but|and|which)\b|\b(?:while|whereas)\b")

# The verb or phrase that governs the number, read backwards from it inside its clause.
_BEFORE: tuple[tuple[ResultKind, re.Pattern[str]], ...] = (
    # where a change starts ("from 17.7% to"), not where it ends ("from 120ms to 80ms")
    ("other", re.compile(r"\bfrom\s+(?:(?!\d)[\w.-]+\s+){0,2}$", re.IGNORECASE)),
    # a number to compare with: "compared to the 75% accuracy of", "surpasses UI-TARS-72B (38.1)"
    (
        "other",
        re.compile(
            r"\b(?:compared\s+(?:to|with)|relative\s+to|versus|vs\.?|(?<!more\s)(?<!less\s)than)\s+(?:the\s+|an?\s+|only\s+)?$"
            r"|\b(?:surpass\w*|outperform\w*|over|than|beat\w*|exceed\w*|vs\.?|versus)\s+[^\s,;]+\s+\($"
            r"|\b(?:flipping|masking|corrupting|perturbing|injecting|shuffling)\s+(?:only\s+)?$"
            # what a method loses or forgets is no score of it: "minimal degradation (<4.3% on MMLU)"
            r"|\b(?:degradation|degrades?|forgetting|performance\s+drop|accuracy\s+drop|declines?)\s*(?:\(|of|by)?\s*$"
            # what humans reach: "approaching human-level performance at 72%"
            r"|\bhuman(?:-level)?\s+(?:performance|accuracy|level|score)s?\s*(?:at|of|\(|is|was)?\s*$",
            re.IGNORECASE,
        ),
    ),
    # the share of a resource the method itself uses is what it saves: "consuming only 29.8% of the memory"
    # (not a setting: "with only 0.1% of the data")
    (
        "reduction",
        re.compile(
            r"\b(?:uses|using|consum(?:es|ing)|requir(?:es|ing)|needs|needing)\s+"
            r"(?:only\s+)?(?:only|just|merely|less\s+than|fewer\s+than)\s+$",
            re.IGNORECASE,
        ),
    ),
    (
        "other",
        re.compile(
            r"\b(?:lags?|lagging|trails?|falls?\s+short|fall\s+behind|behind\s+humans)\b[^.]{0,40}$"
            r"|\b(?:with|using|only)\s+(?:only\s+)?$(?#a setting: "
            r"with 0.1% of the data)",
            re.IGNORECASE,
        ),
    ),
    (
        "reduction",
        re.compile(
            r"\b(?:reduc\w*|decreas\w*|lower\w*|cut\w*|sav\w*|shrink\w*|compress\w*|minimi[sz]\w*|"
            r"drops?|eliminat\w*)\b(?:[\s,]+[\w-]+(?:\.[\w-]+)*){0,5}?[\s,]+(?:by|of|to)\s*"
            r"(?:(?:%s|\w+)\s+)?$"
            r"|\b(?:using|uses|requires?|requiring|needs?|consum\w*|with)\s+(?:only|just|merely)\s+$" % QUALIFIER_WORDS,
            re.IGNORECASE,
        ),
    ),
    (
        "speedup",
        re.compile(
            r"\b(?:speed-?ups?|accelerat\w*|faster|throughput)\b(?:[\s,]+[\w-]+(?:\.[\w-]+)*){0,4}?[\s,]+(?:by|of|to)\s*"
            r"(?:(?:%s|\w+)\s+)?$" % QUALIFIER_WORDS,
            re.IGNORECASE,
        ),
    ),
    (
        "gain",
        re.compile(
            # (past names with dots, "outperforming Qwen2.5VL by", not past a compared number, "surpasses
            # UI-TARS-72B (38.1) on ScreenSpot-Pro, achieving scores of 40.7")
            r"\b(?:improv\w*|gains?|gain(?:ed|ing)|boost\w*|increas\w*|outperform\w*|surpass\w*|exceed\w*|"
            r"enhanc\w*|rais\w*|lift\w*|beat\w*|advanc\w*|higher|better)\b(?:[\s,]+(?!\(\d)[^\s,.;]+(?:\.[^\s,.;]+)*){0,8}?[\s,]+"
            r"(?:by|of)\s*(?:(?:%s|an?\s+(?:average|absolute|relative)\s+(?:of\s+)?|average)\s+)?$"
            r"|\b(?:improvements?|gains?)\b[\s,]*(?:(?:i\.e\.|e\.g\.|of|by|up\s+to)[\s,]*)*$"
            # an example of how much, of the method's own (decision 17): "outperforms prior arts on the
            # MMVP-VLM benchmark, e.g., 6.0% on OpenAICLIP"
            r"|\b(?:improv\w*|boost\w*|outperform\w*|surpass\w*|exceed\w*|beat\w*)\b[^;]{0,80}?,\s*(?:e\.g\.|i\.e\.),?\s*"
            r"(?:(?:%s)\s+)?$"
            # "improve up to 6.90 pp on MMLU"
            r"|\b(?:improv\w*|boost\w*|increas\w*|gain\w*|rais\w*)\s+(?:[\w-]+\s+){0,3}?(?:by\s+)?(?:%s)\s*$"
            # "improvements in downstream task performance (up to 4.6%"
            r"|\b(?:improv\w*|gains?|boost\w*|increas\w*)(?:\s+[\w-]+){0,7}\s+\(\s*(?:%s)\s*$"
            % (QUALIFIER_WORDS, QUALIFIER_WORDS, QUALIFIER_WORDS, QUALIFIER_WORDS),
            re.IGNORECASE,
        ),
    ),
)

# Whose number it is: a clause about other systems, humans or prior work.
_SOMEONE_ELSE = re.compile(
    r"\b(?:baselines?|prior|previous|existing|state-of-the-art\s+(?:models?|LLMs?|systems?|methods?)|"
    r"(?:best|strongest|leading|top)(?:-performing)?\s+(?:models?|LLMs?|systems?)|even\s+the\s+(?:best|strongest|most)|humans?|"
    r"proprietary|closed-source|frontier\s+models?|current\s+(?:models?|LLMs?|methods?)|popular)\b[^;]{0,60}"
    r"\b(?:only|merely|just|achiev\w*|reach\w*|scor\w*|attain\w*|obtain\w*|consum\w*|takes?|requir\w*)\b"
    r"[^;]{0,30}$",
    re.IGNORECASE,
)

#: What a baseline is called: up to six words, up to the first that starts another phrase.
_BASELINE_NAME = (
    r"(?P<what>(?:the\s+)?[^\s,.;()]+(?:\.[^\s,.;()]+)*(?:\s+(?!(?:on|in|across|while|and|with|for|at|when|under|"
    r"using|which|by|to|from|of|as|such|respectively)\b)[^\s,.;()]+(?:\.[^\s,.;()]+)*){0,5})"
)
_BASELINE_AFTER = re.compile(
    # (further in the sentence, past other numbers of its list: "8.26 pp on GSM8K, and 6.17 pp on HumanEval
    # relative to the base data mix")
    r"^(?:[^.;]|\.(?=\d)){0,130}?\b(?P<how>over|than|compared\s+(?:to|with)|relative\s+to|vs\.?|versus|against"
    r"|on\s+top\s+of)\s+" + _BASELINE_NAME,
    re.IGNORECASE,
)
_BASELINE_BEFORE = re.compile(
    r"\b(?P<how>outperform\w*|surpass\w*|beat\w*|exceed\w*|improv\w*\s+(?:up)?on)\s+"
    r"(?P<what>(?:the\s+)?[^\s,;]+(?:\s+[^\s,;]+){0,5}?)\s+(?:by|with)\s*(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_BASELINE_CLAUSE = re.compile(
    r"\b(?P<how>compared\s+(?:to|with)|relative\s+to|over|against|versus|vs\.?)\s+" + _BASELINE_NAME, re.IGNORECASE
)
_NOT_A_BASELINE = re.compile(
    r"^(?:the\s+)?(?:[+-]?\d|(?:time|training|inference|all|each|multiple|various|several|both|up|about|more|"
    r"that|this|these|those|it|them)\b)",  # (not a number: "13.50 hours", "+6.2 points")
    re.IGNORECASE,
)


#: Metrics that name a change: a number of one is no score ("the average improvement is 7%").
CHANGE_METRICS: dict[str, ResultKind] = {
    "improvement": "gain",
    "gain": "gain",
    "increase": "gain",
    "reduction": "reduction",
    "speedup": "speedup",
    "speed-up": "speedup",
}


def result_kind(sentence: str, start: int, end: int, metric: str = "") -> tuple[ResultKind, str]:
    """Return the kind of the number at `sentence[start:end]` and what it is relative to ("" if unsaid).

    `start:end` spans the number with its unit ("2.4x", "65.5%", "8.3 points"), not its qualifier;
    `metric` is the metric read beside it, if any: one that names a change makes a score that change.
    """
    number = sentence[start:end]
    after = sentence[end : end + 60]
    clause = _clause_before(sentence, start)
    kind = _cue_kind(number, after, clause)
    if kind is None and CHANGE_METRICS.get(metric.lower()) in ("reduction", "speedup"):
        # (a metric that names a change before the list it may continue: "a 119.2 times speedup and 63%
        # GPU memory reduction"; not "improvement", whose kind the unit says: "up to a 9x runtime improvement")
        kind = CHANGE_METRICS[metric.lower()]
    if kind is None:
        listed = _listed_after(sentence, start)
        if listed is not None:
            kind = result_kind(sentence, *listed)[0]
    if kind is None:
        kind = _default_kind(number, clause)
    if kind == "score":
        kind = CHANGE_METRICS.get(metric.lower(), kind)
    return kind, _baseline(kind, sentence, start, end, clause, metric)


def _clause_before(sentence: str, start: int) -> str:
    before = sentence[max(0, start - 160) : start]
    cuts = list(_CLAUSE_START.finditer(before))
    clause = before[cuts[-1].end() :] if cuts else before
    return clause.rstrip("<>~\u2248\u2264\u2265")  # "(<4.3% on MMLU)": the qualifier is no word


_NUMBER_UNIT = re.compile(r"(?<![\w.-])[+-]?\d+(?:[.,]\d+)*(?:\s*(?:%|x|\u00d7|times|points?|pp)|\b)", re.IGNORECASE)


def _listed_after(sentence: str, start: int) -> tuple[int, int] | None:
    """Return the span of the number this one continues a list of, if any (not the start of a
    change "from ... to": its end is no baseline's number)."""
    previous = None
    for match in _NUMBER_UNIT.finditer(sentence, max(0, start - 100), start):
        previous = match
    if previous is None or previous.end() >= start:
        return None
    return (previous.start(), previous.end()) if list_joint(sentence[previous.end() : start]) == "and" else None


#: A number given as an example of the field's state, not as the paper's result.
_EXAMPLE = re.compile(r"\b(?:e\.g\.|for example|for instance)", re.IGNORECASE)
#: What the method reaches, even in points: "achieves 50 points on AIME 2024".
_REACHES = re.compile(
    r"\b(?:achiev\w*|reach\w*|attain\w*|scor\w*|obtain\w*)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_DIFFERENCE_UNIT = re.compile(r"(?:pp|percentage\s+points?|points?)$", re.IGNORECASE)
#: What a baseline is the object of ("improvements over baselines, achieving ..."): no number of its own.
_COMPARED_WITH = re.compile(
    r"\b(?:over|than|to|against|versus|vs\.?|outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+"
    r"(?:(?:the|all|strong|existing|several|many|most)\s+)*$",
    re.IGNORECASE,
)


def _cue_kind(number: str, after: str, clause: str) -> ResultKind | None:
    """Return the kind the words next to the number say, or None when they say nothing."""
    if number.lstrip().startswith(("+", "\u2191")):
        return "gain"
    for kind, pattern in _AFTER:
        if pattern.search(after):
            return kind
    for kind, pattern in _BEFORE:
        if pattern.search(clause):
            return kind
    return None


def _default_kind(number: str, clause: str) -> ResultKind:
    """Return the kind of a number nothing next to it names: whose it is, then its unit."""
    someone = _SOMEONE_ELSE.search(clause)
    if someone and not _COMPARED_WITH.search(clause[: someone.start()]):
        return "other"
    if _EXAMPLE.search(clause):
        return "other"  # an example in passing: "(e.g., DeepSeek-R1 achieves 97.0% on MATH500)"
    if _REACHES.search(clause):
        return "score"
    if _RATIO_UNIT.search(number):
        return "speedup"
    if _DIFFERENCE_UNIT.search(number):
        return "gain"
    return "score"


def _baseline(kind: ResultKind, sentence: str, start: int, end: int, clause: str, metric: str) -> str:
    """Return what a gain, reduction or speedup is over, when the sentence says it (not in "X is 2.33
    times slower than ours", where the baseline is X; nor the opponent of a win rate "against X")."""
    if kind in ("score", "other") or re.match(r"\s*slower\b", sentence[end:]):
        return ""
    found = _BASELINE_AFTER.match(sentence[end : end + 170])
    if found is None:
        found = _BASELINE_BEFORE.search(clause)
    if found is None:
        found = _BASELINE_CLAUSE.search(clause)
    if found is None or (found.group("how").lower() == "against" and metric.lower().startswith("win")):
        return ""
    what = found.group("what").strip()
    return "" if _NOT_A_BASELINE.match(what) else what
