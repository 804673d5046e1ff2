"""One term template and one index template render every taxonomy; links come resolved."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

import jinja2
import pytest
import yaml

from generator.config import Settings
from generator.emit.environment import make_environment, named_metric
from generator.emit.page_file import PAGE_DATA, TERM_KEYS, read_page_data_line
from generator.emit.paths import all_papers_page, feed_file, link_from, page_url, paginate, term_page
from generator.emit.render import render_site
from generator.emit.terms import paper_terms, said, term_links
from generator.emit.words import WORDS
from generator.enrich.clean import clean_abstract
from generator.enrich.hubs import hub_vocabularies
from generator.identify.papers import identify
from generator.model import Catalog, DatasetName, ModelName, Paper, Record, Result, Source, Term, VocabularyKind
from tests.sitebuild import ROOT


@pytest.mark.parametrize(
    ("page", "target", "link"),
    [
        ("topics/llm.md", "topics/index.md", "index.md"),
        ("topics/llm-2.md", "topics/llm.md", "llm.md"),
        ("topics/llm.md", "papers/mt-ladder.md", "../papers/mt-ladder.md"),
        ("topics/llm.md", "feed-topics-llm.xml", "../feed-topics-llm.xml"),
        ("papers/mt-ladder.md", "models/gpt.md", "../models/gpt.md"),
        ("index.md", "topics/llm.md", "topics/llm.md"),
        ("index.md", "whats-new.md", "whats-new.md"),
        # A folder whose name starts another's is not the same folder.
        ("all/index.md", "all-in/x.md", "../all-in/x.md"),
    ],
)
def test_links_are_relative_to_the_page_they_are_on(page: str, target: str, link: str) -> None:
    assert link_from(page, target) == link


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (term_page("topics", "llm"), "topics/llm.md"),
        (term_page("models", "gpt", 1), "models/gpt.md"),
        (term_page("datasets", "gsm8k", 3), "datasets/gsm8k-3.md"),
        (all_papers_page(1), "all/index.md"),
        (all_papers_page(2), "all/2.md"),
        (feed_file("datasets", "gsm8k"), "feed-datasets-gsm8k.xml"),
        (page_url("topics/llm.md"), "topics/llm/"),
    ],
)
def test_every_page_has_one_path(path: str, expected: str) -> None:
    assert path == expected


def test_pagination_links_every_page_from_each_page() -> None:
    chunks = paginate(list(range(5)), 2, partial(term_page, "topics", "t"))
    assert [(c.number, c.path, c.items, c.first) for c in chunks] == [
        (1, "topics/t.md", [0, 1], 0),
        (2, "topics/t-2.md", [2, 3], 2),
        (3, "topics/t-3.md", [4], 4),
    ]
    assert chunks[1].pager == [(1, "t.md"), (2, "t-2.md"), (3, "t-3.md")]
    (empty,) = paginate([], 2, all_papers_page)
    assert (empty.path, empty.items, empty.pager) == ("all/index.md", [], [(1, "index.md")])


@pytest.fixture(scope="module")
def env() -> jinja2.Environment:
    return make_environment(ROOT / "site_templates")


@pytest.mark.parametrize(
    ("pager", "number", "text"),
    [
        ([(1, "t.md")], 1, "Pages: **1**"),
        ([(1, "t.md"), (2, "t-2.md")], 1, "Pages: **1** · [2](t-2.md)"),
        ([(1, "index.md"), (2, "2.md"), (3, "3.md")], 2, "Pages: [1](index.md) · **2** · [3](3.md)"),
    ],
)
def test_the_pager_macro(env: jinja2.Environment, pager: list[tuple[int, str]], number: int, text: str) -> None:
    template = env.from_string('{% import "_macros.md.j2" as macros %}{{ macros.pager(pager, number) | safe }}')
    assert template.render(pager=pager, number=number) == text


def test_the_pager_macro_refuses_a_link_that_is_no_page(env: jinja2.Environment) -> None:
    template = env.from_string('{% import "_macros.md.j2" as macros %}{{ macros.pager(pager, 1) | safe }}')
    with pytest.raises(ValueError, match="not a generated page path"):
        template.render(pager=[(1, "t.md"), (2, "javascript:alert(1)")])


def catalog() -> Catalog:
    """Three papers that share a topic, a model family and a benchmark; one names an unshared model."""
    papers = []
    for i, (title, models) in enumerate(
        [("Alpha [1]", ("Llama-3-8B", "Mystery-1B")), ("Beta", ("Llama-2",)), ("Gamma", ())]
    ):
        built = clean_abstract(identify(Record(title, f"We test {title} on GSM8K. More text.", Source("x.txt", i))))
        papers.append(
            replace(
                built,
                slug=title.split()[0].lower(),
                short_name="AL" if i == 0 else None,
                topics=("stars",),
                models=tuple(ModelName(name, name.split("-")[0]) for name in models),
                datasets=(DatasetName("GSM8K", "GSM8K", "benchmark"),),
                results=(Result(f"{50 + i}%", "accuracy", "GSM8K", f"We reach {50 + i}% on GSM8K."),),
            )
        )
    topic = Term("stars", "Stars", "About stars.", tuple(p.slug for p in papers), 2, ("stars",))
    return Catalog(papers=papers, topics=[topic], hubs=hub_vocabularies(papers))


@pytest.fixture(scope="module")
def pages(env: jinja2.Environment) -> dict[str, str]:
    return render_site(catalog(), env, Settings(today="2026-01-01"))


def meta(page: str) -> dict[str, object]:
    loaded: dict[str, object] = yaml.safe_load(page.split("---\n")[1])
    return loaded


def test_every_taxonomy_gets_an_index_and_term_pages_and_feeds(pages: dict[str, str]) -> None:
    cases: list[tuple[VocabularyKind, str]] = [("topics", "stars"), ("models", "llama"), ("datasets", "gsm8k")]
    for kind, slug in cases:
        assert meta(pages[f"{kind}/index.md"])["title"] == WORDS[kind].title
        assert meta(pages[f"{kind}/{slug}.md"])["feed"] == f"feed-{kind}-{slug}.xml"
        assert f"[Atom feed](../feed-{kind}-{slug}.xml)" in pages[f"{kind}/{slug}.md"]
        assert f"[{WORDS[kind].all_pages}](index.md)" in pages[f"{kind}/{slug}.md"]
        assert f"]({slug}.md)" in pages[f"{kind}/index.md"]
        assert f"feed-{kind}-{slug}.xml" in pages
    assert "models/mystery.md" not in pages, "a family one paper names has no page"


def test_hub_pages_rank_below_papers_in_search_and_topic_pages_do_not(pages: dict[str, str]) -> None:
    assert "search" not in meta(pages["topics/stars.md"])
    assert meta(pages["models/llama.md"])["search"] == {"boost": 0.5}
    assert meta(pages["datasets/gsm8k.md"])["search"] == {"boost": 0.5}


def test_each_taxonomy_lists_its_papers_its_own_way(pages: dict[str, str]) -> None:
    topic = pages["topics/stars.md"]
    assert "- [Alpha \\[1\\]](../papers/alpha.md) (AL)<br>We test Alpha \\[1\\] on GSM8K.\n" in topic
    assert "- [Gamma](../papers/gamma.md) · *also in this topic*<br>We test Gamma on GSM8K.\n" in topic
    assert "About stars.\n\n2 papers have this as their main topic, 1 more touch on it." in topic
    assert "**Nearby topics:** [Stars](stars.md)\n" in topic
    models = pages["models/llama.md"]
    assert "- [Alpha \\[1\\]](../papers/alpha.md): Llama-3-8B\n- [Beta](../papers/beta.md): Llama-2\n" in models
    assert "2 papers name this model family." in models and "Leaderboard" not in models
    datasets = pages["datasets/gsm8k.md"]
    assert "- [Gamma](../papers/gamma.md)\n" in datasets
    rows = [line for line in datasets.splitlines() if line.startswith("| [")]
    assert rows[0] == "| [Gamma](../papers/gamma.md) | accuracy | 52% | We reach 52% on GSM8K. |"
    assert datasets.index("### Accuracy") < datasets.index(rows[0])
    assert rows[-1].startswith("| [AL](../papers/alpha.md) |"), "a result names its paper by its short name"


def test_only_topics_have_an_about_column(pages: dict[str, str]) -> None:
    assert (
        "| Topic | Papers | About |\n| --- | --- | --- |\n| [Stars](stars.md) | 2 | About stars. |\n"
        in pages["topics/index.md"]
    )
    assert "| Model family | Papers |\n| --- | --- |\n| [Llama](llama.md) | 2 |\n" in pages["models/index.md"]
    assert "| Dataset or benchmark | Papers |\n" in pages["datasets/index.md"]


def test_a_paper_links_its_terms_and_names_the_rest(pages: dict[str, str]) -> None:
    vocabularies = catalog().vocabularies
    alpha = catalog().papers[0]
    # The theme's hook resolves the links of exactly these keys (generator/page_data.py).
    assert tuple(paper_terms(alpha, term_links(vocabularies))) == TERM_KEYS
    assert paper_terms(alpha, term_links(vocabularies)) == {
        "topics": [("Stars", "topics/stars.md")],
        "models": [("Llama-3-8B", "models/llama.md"), ("Mystery-1B", "")],
        "datasets": [("GSM8K", "datasets/gsm8k.md")],
        "venues": [],
    }
    data = dict(map(read_page_data_line, pages[PAGE_DATA].splitlines()))["papers/alpha.md"]
    assert data["models"] == [["Llama-3-8B", "models/llama.md"], ["Mystery-1B", ""]]


def test_a_term_page_past_the_first_has_no_results_table(env: jinja2.Environment) -> None:
    base = catalog()
    many: list[Paper] = [replace(base.papers[2], slug=f"p{i:03d}", title=f"P{i:03d}", topics=()) for i in range(201)]
    full = Catalog(papers=many, hubs=hub_vocabularies(many))
    pages = render_site(full, env, Settings(today="2026-01-01"))
    assert "## Leaderboard" in pages["datasets/gsm8k.md"]
    assert "## Leaderboard" not in pages["datasets/gsm8k-2.md"]
    assert "Pages: [1](gsm8k.md) · **2**\n\n## Papers" in pages["datasets/gsm8k-2.md"]


def page_link_targets(text: str) -> list[str]:
    """Return the second argument of every `page_link(...)` call in a template."""
    targets = []
    for start in (m.end() for m in re.finditer(r"page_link\(", text)):
        depth, args, current = 1, [], ""
        for char in text[start:]:
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0 or (char == "," and depth == 1):
                args.append(current.strip())
                current = ""
                if depth == 0:
                    break
                continue
            current += char
        targets.append(args[1])
    return targets


#: paper.md.j2's lists of related and mentioning papers, which the explore.js work of #17 (short
#: names as data attributes) rewrites: resolve their links there.
@pytest.mark.parametrize("template", sorted(p.name for p in (ROOT / "site_templates").glob("*.j2")))
def test_templates_get_every_page_link_resolved(template: str) -> None:
    text = (ROOT / "site_templates" / template).read_text(encoding="utf-8")
    for target in page_link_targets(text):
        assert re.fullmatch(r'[a-z_.]+|"[a-z0-9./_-]+\.md(#[a-z-]+)?"', target), target


def test_a_catalog_made_by_hand_still_has_every_index_page(env: jinja2.Environment) -> None:
    pages = render_site(Catalog(), env, Settings(today="2026-01-01"))
    assert {"topics/index.md", "models/index.md", "datasets/index.md"} <= set(pages)


def test_a_leaderboard_ranks_scores_per_metric_and_lists_gains_apart(env: jinja2.Environment) -> None:
    base = catalog()
    sentence = "S."
    scored = [
        replace(
            base.papers[2],
            slug=f"p{i}",
            title=f"P{i}",
            topics=(),
            results=results,
        )
        for i, results in enumerate(
            [
                (Result("71.2%", "accuracy", "GSM8K", sentence, kind="score"),),
                (Result("82.1%", "accuracy", "GSM8K", sentence, kind="score"),),
                (Result("3.02", "perplexity", "GSM8K", sentence, kind="score"),),
                (Result("2.95", "perplexity", "GSM8K", sentence, kind="score"),),
                (Result("+8.26 pp", "accuracy", "GSM8K", sentence, kind="gain", baseline="LLaMA-2"),),
                (Result("17.7%", "accuracy", "GSM8K", sentence, kind="other"),),
                (Result("64.4%", "score", "GSM8K", sentence, kind="score"),),
                (Result("90.5%", "accuracy", "GSM8K-Hard", sentence, kind="score"),),
            ]
        )
    ]
    hard = DatasetName("GSM8K-Hard", "GSM8K", "benchmark")
    scored[-1] = replace(scored[-1], datasets=(*scored[-1].datasets, hard))
    full = Catalog(papers=scored, hubs=hub_vocabularies(scored))
    page = render_site(full, env, Settings(today="2026-01-01"))["datasets/gsm8k.md"].replace("\\", "")
    board, others = page.split("## Leaderboard")[1].split("## Other results reported")
    assert board.index("### Accuracy on GSM8K") < board.index("82.1%") < board.index("71.2%")
    assert board.index("### Perplexity on GSM8K") < board.index("2.95") < board.index("3.02"), (
        "less perplexity is better"
    )
    assert "8.26" not in board and "17.7%" not in page, "a gain is no score; a baseline's number is not shown"
    assert "+8.26 pp gain in accuracy on GSM8K over LLaMA-2." in others
    sections = {part.split("\n")[0]: part for part in board.split("### ")[1:]}
    assert "90.5%" in sections["Accuracy on GSM8K-Hard"], "a variant's scores are ranked apart"
    assert "90.5%" not in sections["Accuracy on GSM8K"]
    assert "64.4%" not in board and "no metric named" not in board, "a leaderboard needs one named metric"
    assert "64.4% on GSM8K, a score (no metric named)." in others


@pytest.mark.parametrize(
    ("result", "words"),
    [
        (
            Result("+8.26 pp", "accuracy", "GSM8K", "S.", kind="gain", baseline="LLaMA-2"),
            "+8.26 pp gain in accuracy on GSM8K over LLaMA-2",
        ),
        (Result(">2%", "gain", "GSM8K", "S.", kind="gain", baseline="baselines"), ">2% gain on GSM8K over baselines"),
        (Result("65.5%", "memory", "GSM8K", "S.", kind="reduction"), "65.5% reduction in memory on GSM8K"),
        (Result("50 points", "score", "AIME", "S.", kind="score"), "50 points on AIME, a score (no metric named)"),
    ],
)
def test_a_result_off_the_leaderboard_is_worded_as_what_it_is(result: Result, words: str) -> None:
    assert said(result) == words


@pytest.mark.parametrize(
    ("result", "shown"),
    [
        (Result("82.1%", "accuracy", "GSM8K", "S.", kind="score"), "accuracy"),
        (Result("8.26 pp", "score", "GSM8K", "S.", kind="gain"), ""),  # "score" stands in for no metric
        (Result("12.2%", "improvement", "", "S.", kind="gain"), ""),  # the kind says it already
        (Result("65.5%", "memory", "", "S.", kind="reduction"), "memory"),
    ],
)
def test_a_paper_page_shows_only_a_metric_its_sentence_names(result: Result, shown: str) -> None:
    assert named_metric(result) == shown
