"""Linear-time benchmark: how each per-paper stage's time grows with the length of an abstract.

Run with `python -m benchmarks.linear` (`--sizes 10000,100000`, `--patterns` to also time each
compiled pattern of `generator/enrich/entities/` on its own, `--profile` for the slowest functions
of `extract_entities`). Abstracts are built at each size from real ones (the Hugging Face daily
papers in ../shared/corpus, else data/trending-papers.txt, repeated) and from adversarial text: long
runs of capitalised words, hyphens, digits, brackets, lists and words without a sentence end. Every
stage should take about ten times as long for ten times the text; the ratio is printed.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import importlib
import io
import json
import pkgutil
import pstats
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from generator.build import catalog_context
from generator.config import Settings
from generator.enrich import entities
from generator.enrich.borrowed import borrow_named_entities
from generator.enrich.clean import clean_abstract
from generator.enrich.entities import extract_entities, load_gazetteer
from generator.enrich.links import extract_links_of
from generator.enrich.mentions import link_mentions
from generator.enrich.text import paper_text
from generator.identify.papers import abstract_name, identify
from generator.model import Paper, PreviousBuild, Record, Source

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "hf_daily_2025H1"
LISTING = ROOT / "data" / "trending-papers.txt"
SIZES = (10_000, 100_000, 1_000_000)


def real_abstracts(corpus: Path = CORPUS) -> list[str]:
    """Return real abstracts: the corpus's, else the seed listing's lines that read as abstracts."""
    found: list[str] = []
    for path in sorted(corpus.glob("*.json")) if corpus.is_dir() else ():
        for entry in json.loads(path.read_text(encoding="utf-8")):
            summary = (entry.get("paper") or {}).get("summary") or ""
            if summary:
                found.append(" ".join(summary.split()))
    if not found:
        found = [line for line in LISTING.read_text(encoding="utf-8").splitlines() if len(line) > 400]
    return found


def _repeat(unit: Callable[[int], str], size: int) -> str:
    parts: list[str] = []
    length, i = 0, 0
    while length < size:
        part = unit(i)
        parts.append(part)
        length += len(part)
        i += 1
    return "".join(parts)[:size]


def adversarial(kind: str, size: int, real: list[str] | None = None) -> str:
    """Return `size` characters of one kind of text (`KINDS`)."""
    words = ("Alpha", "Beta", "Gamma", "Delta", "Model", "Bench", "Data", "Large", "Language")
    units: dict[str, Callable[[int], str]] = {
        "real": lambda i: (real or real_abstracts())[i % len(real or real_abstracts())] + " ",
        # capitalised words with no sentence end: "Alpha Beta Gamma ..."
        "capitalised": lambda i: words[i % len(words)] + " ",
        # coined names, all different: "Xa1B Xa2B ...", with commas
        "names": lambda i: f"Xa{i}B, ",
        # one long hyphenated word, and hyphenated capitalised words
        "hyphens": lambda i: f"A{i % 10}-B-",
        "digits": lambda i: f"{i % 97} {i % 13}.{i % 7} ",
        "brackets": lambda i: "(A" + "(" * (i % 3) + ", B ",
        # words without a sentence end: "we introduce the a model of the ..."
        "spaces": lambda i: ("we introduce ", "a ", "the ", "model ", "of ", "datasets ", "such as ", "and ")[i % 8],
        "models": lambda i: f"Llama-{i % 9}-{i % 70}B, GPT-{i % 5} and ",
        "lists": lambda i: f"benchmarks such as Xy{i}Bench, models (e.g., Qw{i}LM, ",
        # one word as long as the text, of each shape a pattern may repeat
        "lower": lambda i: "a",
        "upper": lambda i: "A",
        "camel": lambda i: "Ab1",
        "number": lambda i: "1",
        "dashes": lambda i: "-",
        "words-hyphens": lambda i: "Ab-",
        "commas": lambda i: "a, ",
        "dots": lambda i: "A. ",
    }
    return _repeat(units[kind], size)


KINDS = (
    "real",
    "capitalised",
    "names",
    "hyphens",
    "digits",
    "brackets",
    "spaces",
    "models",
    "lists",
    "lower",
    "upper",
    "camel",
    "number",
    "dashes",
    "words-hyphens",
    "commas",
    "dots",
)


def paper_of(abstract: str, title: str = "A long abstract") -> Paper:
    """Return a paper as the pipeline has it before the per-paper enrichers run."""
    return replace(identify(Record(title, abstract, Source("linear.txt", 1))), slug="long")


def time_stages(abstract: str, wanted: set[str] | None = None) -> dict[str, float]:
    """Return how long each per-paper stage takes on one abstract, run in the pipeline's order.

    The catalog-wide stages run on a catalog of this paper and one whose short name it may spell.
    """
    times: dict[str, float] = {}

    def stage(name: str, run: Callable[[], object]) -> object:
        start = time.perf_counter()
        result = run()
        if not wanted or name in wanted:
            times[name] = time.perf_counter() - start
        return result

    title = "A long abstract"
    stage("abstract_name", lambda: abstract_name(title, abstract))
    paper = paper_of(abstract, title)
    cleaned = stage("clean_abstract", lambda: clean_abstract(paper))
    linked = stage("extract_links_of", lambda: extract_links_of(cleaned))  # type: ignore[arg-type]
    enriched = stage("extract_entities", lambda: extract_entities(linked))  # type: ignore[arg-type]
    other = extract_entities(extract_links_of(clean_abstract(replace(paper_of("We present Llama-3."), slug="x"))))
    catalog = [enriched, replace(other, short_name="Llama-3")]
    with tempfile.TemporaryDirectory() as empty:  # a data folder without a taxonomy file
        context, _ = catalog_context(catalog, Settings(data_dir=Path(empty)), PreviousBuild())  # type: ignore[arg-type]
    mentioned = stage("link_mentions", lambda: link_mentions(catalog, context))  # type: ignore[arg-type]
    stage("borrow_named_entities", lambda: borrow_named_entities(mentioned, context))  # type: ignore[arg-type]
    return times


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


#: Patterns only ever matched whole against one short name, never searched through a text.
_NAME_ONLY = frozenset({"_VERSIONED"})


def patterns() -> dict[str, re.Pattern[str]]:
    """Return every compiled pattern of the entity module and the gazetteer that searches a text, by name."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()  # a pattern imported into another module is timed once, under `names` if there
    modules = sorted(pkgutil.iter_modules(entities.__path__), key=lambda m: (m.name != "names", m.name))
    for module in modules:
        for name, value in vars(importlib.import_module(f"{entities.__name__}.{module.name}")).items():
            if isinstance(value, re.Pattern) and name not in _NAME_ONLY and id(value) not in seen:
                seen.add(id(value))
                found[f"{module.name}.{name}"] = value
    gazetteer = load_gazetteer()
    for name in ("models", "coined", "datasets", "domains", "metric"):
        found[f"gazetteer.{name}"] = getattr(gazetteer, name)
    return found


def time_patterns(text: str) -> dict[str, float]:
    """Return how long `finditer` of each pattern takes over the whole text (an upper bound: most
    are matched at a few positions only)."""
    return {name: timed(functools.partial(count_matches, pattern, text)) for name, pattern in patterns().items()}


def count_matches(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def profile(text: str, top: int = 15) -> str:
    """Return the functions `extract_entities` spends most time in on one abstract."""
    paper = extract_links_of(clean_abstract(paper_of(text)))
    profiler = cProfile.Profile()
    profiler.runcall(extract_entities, paper)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="abstract lengths, in characters")
    parser.add_argument("--kinds", default=",".join(KINDS), help="kinds of text (%s)" % ", ".join(KINDS))
    parser.add_argument("--stages", default="", help="only these stages (comma-separated)")
    parser.add_argument("--patterns", action="store_true", help="also time each compiled entity pattern")
    parser.add_argument("--profile", action="store_true", help="profile extract_entities at each size")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of Hugging Face daily-paper JSON files")
    parser.add_argument("--budget", type=float, default=120.0, help="skip a larger size after a stage took this long")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    real = real_abstracts(args.corpus)
    load_gazetteer()  # read once, before any stage is timed
    wanted = set(filter(None, args.stages.split(",")))
    for kind in args.kinds.split(","):
        print(f"## {kind}")
        previous: dict[str, float] = {}
        for size in sizes:
            text = adversarial(kind, size, real)
            times = time_stages(text, wanted)
            for stage, seconds in times.items():
                ratio = f" ({seconds / previous[stage]:.1f}x)" if previous.get(stage) else ""
                print(f"{stage:>22} {size:>9,} chars {seconds:9.3f} s{ratio}", flush=True)
            previous = times
            if args.patterns:
                full = paper_text(extract_links_of(clean_abstract(paper_of(text))))
                worst = sorted(time_patterns(full).items(), key=lambda item: -item[1])[:8]
                print("    slowest patterns: " + ", ".join(f"{n} {s:.3f} s" for n, s in worst), flush=True)
            if args.profile:
                print(profile(text), flush=True)
            if max(times.values(), default=0) > args.budget:
                print(f"    (larger sizes skipped: a stage took over {args.budget:g} s)")
                break


if __name__ == "__main__":
    main()
