from __future__ import annotations

from dataclasses import replace

import pytest

from generator.enrich.links import classify_url, extract_links_of
from generator.model import Link, Paper, Record, Source
from generator.text.latex import clean_latex, to_spans
from generator.text.urls import clean_url


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ("https://github.com/fzp0424/Ladder", "https://github.com/fzp0424/Ladder"),
        ("https://aka.ms/redstone.", "https://aka.ms/redstone"),
        ("https://github.com/EmpathYang/TinyHelen.git.", "https://github.com/EmpathYang/TinyHelen"),
        ("https://github.com/linkedin/ControlLLM)", "https://github.com/linkedin/ControlLLM"),
        ("https://huggingface.co/LiqunMa/).", "https://huggingface.co/LiqunMa/"),
        ("https://huggingface.co/universeTBD,", "https://huggingface.co/universeTBD"),
        ("https://en.wikipedia.org/wiki/Pile_(dataset)", "https://en.wikipedia.org/wiki/Pile_(dataset)"),
        ("github.com/owner/repo", "https://github.com/owner/repo"),
        ("https://x", None),
    ],
)
def test_clean_url(found: str, expected: str | None) -> None:
    assert clean_url(found) == expected


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://github.com/horseee/LLM-Pruner", "code"),
        ("https://anonymous.4open.science/r/LLM4TS-0B5C", "code"),
        ("https://huggingface.co/IDEA-CCNL/Ziya2-13B-Base", "hf-model"),
        ("https://huggingface.co/datasets/Infi-MM/InfiMM-WebMath-40B", "hf-dataset"),
        ("https://huggingface.co/spaces/shifeng3711/gg_prior", "hf-space"),
        ("https://huggingface.co/collections/McGill-DMaS/dmas-llama-lite-6761d97ba903f82341954ceb", "hf-collection"),
        ("https://huggingface.co/universeTBD", "hf-org"),
        ("https://modelscope.cn/models/Fengshenbang/Ziya2-13B-Base/summary", "modelscope"),
        ("https://llm-stacking.github.io/", "project"),
        ("https://aka.ms/redstone", "other"),
    ],
)
def test_classify_url(url: str, kind: str) -> None:
    assert classify_url(url) == kind


def test_javascript_and_data_urls_are_never_found() -> None:
    spans = to_spans(clean_latex("click javascript:alert(1) or data:text/html,<b>x</b>"))
    assert [span for span in spans if span.kind == "link"] == []


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("models at hf.co/britllm/CuatroLLM.", "https://hf.co/britllm/CuatroLLM"),
        ("code at github.com/a/b, data elsewhere", "https://github.com/a/b"),
        ("see huggingface.co/org/model)", "https://huggingface.co/org/model"),
    ],
)
def test_bare_code_and_model_hosts_become_links(text: str, href: str) -> None:
    links = [span.href for span in to_spans(clean_latex(text)) if span.kind == "link"]
    assert links == [href]
    assert classify_url(href) in ("hf-model", "code")


def test_one_page_given_twice_is_one_link_and_a_listed_project_page_is_a_project() -> None:
    # As Hugging Face lists a paper: githubRepo and projectPage fields, the same pages in the abstract.
    record = Record(
        title="Dolphin",
        abstract="Code at https://github.com/JusperLee/Dolphin/ and demo at http://cslikai.cn/Dolphin/.",
        source=Source("daily.json", entry=1),
        arxiv_id="2509.23610",
        urls=("https://github.com/JusperLee/Dolphin", "https://cslikai.cn/Dolphin"),
        project_pages=("https://cslikai.cn/Dolphin",),
    )
    paper = Paper(record=record, title=record.title, abstract=to_spans(clean_latex(record.abstract)))
    assert extract_links_of(paper).links == (
        Link("https://arxiv.org/abs/2509.23610", "arxiv"),
        Link("https://github.com/JusperLee/Dolphin", "code"),
        Link("https://cslikai.cn/Dolphin", "project"),
    )
    # Without the field's word for it, an address on an unknown host is "other".
    unlisted = replace(record, project_pages=())
    assert extract_links_of(replace(paper, record=unlisted)).links[-1] == Link("https://cslikai.cn/Dolphin", "other")
