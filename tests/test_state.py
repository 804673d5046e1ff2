"""Data updates: stable URLs across rebuilds, retired pages, what's new, the feed, few rewrites."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import feedparser
import yaml

from generator.model import Paper, Record, Source
from generator.state import digest, load_state
from tests.sitebuild import FIXTURES, generate

LISTINGS = FIXTURES / "listings"


def setup(tmp_path: Path, *names: str) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in names:
        shutil.copy(LISTINGS / name, data)
    return data


def front_matter_of(page: str) -> dict:
    return yaml.safe_load(page.split("---\n")[1])


def slugs(result) -> dict[str, str]:
    return {p.title: p.slug for p in result.catalog.papers}


ABSTRACT = "We study how small models learn from large ones, and why. " * 5


def test_a_corrected_title_keeps_its_url(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    listing = data / "listing.txt"
    listing.write_text(f"Craw4LLM: Efficient Web Crawling\n{ABSTRACT}\n")
    docs, state = tmp_path / "docs", tmp_path / "state.json"
    first = generate(data, docs, state, today="2026-01-01")
    listing.write_text(f"Crawl4LLM: Efficient Web Crawling for LLM Pretraining\n{ABSTRACT}\n")
    second = generate(data, docs, state, today="2026-01-02")
    assert slugs(first) == {"Craw4LLM: Efficient Web Crawling": "craw4llm"}
    assert slugs(second) == {"Crawl4LLM: Efficient Web Crawling for LLM Pretraining": "craw4llm"}
    assert second.catalog.updates[-1].updated == ["craw4llm"]
    assert "Crawl4LLM: Efficient Web Crawling for LLM" in (docs / "papers" / "craw4llm.md").read_text()


def test_a_removed_paper_leaves_a_page_and_comes_back_under_its_url(tmp_path: Path) -> None:
    data = setup(tmp_path, "listing_with_page_chrome.txt", "listing_crlf_bom.txt")
    docs, state = tmp_path / "docs", tmp_path / "state.json"
    generate(data, docs, state, today="2026-01-01")
    (data / "listing_crlf_bom.txt").unlink()
    second = generate(data, docs, state, today="2026-01-02")
    tombstone = (docs / "papers" / "crlfnet.md").read_text()
    assert "no longer in the collection" in tombstone and "2026-01-02" in tombstone
    assert front_matter_of(tombstone)["search"] == {"exclude": True}
    assert second.catalog.updates[-1].removed == ["crlfnet"]
    shutil.copy(LISTINGS / "listing_crlf_bom.txt", data)
    third = generate(data, docs, state, today="2026-01-03")
    assert slugs(third)["CRLFNet: Windows Line Endings"] == "crlfnet"
    assert third.catalog.updates[-1].added == ["crlfnet"]


def test_papers_found_to_be_one_redirect_the_second_url(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.yaml").write_text("- title: 'First: Spelling'\n")
    (data / "b.yaml").write_text("- title: 'Second: Spelling'\n")
    docs, state = tmp_path / "docs", tmp_path / "state.json"
    generate(data, docs, state, today="2026-01-01")
    (data / "a.yaml").write_text("- {title: 'First: Spelling', doi: 10.1234/same}\n")
    (data / "b.yaml").write_text("- {title: 'Second: Spelling', doi: 10.1234/same}\n")
    result = generate(data, docs, state, today="2026-01-02")
    assert [p.slug for p in result.catalog.papers] == ["first"]
    redirect = front_matter_of((docs / "papers" / "second.md").read_text())
    assert (redirect["template"], redirect["redirect_to"]) == ("redirect.html", "../first/")


def test_same_data_and_state_rewrite_nothing_and_record_no_update(tmp_path: Path) -> None:
    data = setup(tmp_path, "listing_with_page_chrome.txt")
    docs, state = tmp_path / "docs", tmp_path / "state.json"
    generate(data, docs, state, today="2026-01-01")
    again = generate(data, docs, state, today="2026-02-01")
    assert again.report.written == [] and not again.state_written
    assert len(again.catalog.updates) == 1


def test_adding_a_file_rewrites_only_new_pages_indexes_and_papers_now_related(tmp_path: Path) -> None:
    data = setup(tmp_path, "listing_with_page_chrome.txt", "listing_missing_abstract.txt")
    docs, state = tmp_path / "docs", tmp_path / "state.json"
    before = generate(data, docs, state, today="2026-01-01")
    shutil.copy(LISTINGS / "listing_crlf_bom.txt", data)
    result = generate(data, docs, state, today="2026-01-02")
    old = {p.slug: p for p in before.catalog.papers}
    # A paper's page changes only when it is new or when what it shows of others changed.
    changed = {
        f"papers/{p.slug}.md"
        for p in result.catalog.papers
        if p.slug not in old or (p.related, p.topics) != (old[p.slug].related, old[p.slug].topics)
    }
    assert "papers/crlfnet.md" in changed
    assert any(r.slug == "crlfnet" for p in result.catalog.papers for r in p.related)
    indexes = ["all/index.md", "feed.xml", "index.md", "papers.bib", "papers.json", "whats-new.md"]
    indexes += ["explore/map.json", "explore/table.json"]
    # Topic and hub pages list papers, so those the new paper joins change too.
    listing_pages = [w for w in result.report.written if w.startswith(("topics/", "models/", "datasets/"))]
    assert sorted(result.report.written) == sorted([*indexes, *changed, *listing_pages])
    # Topics are remembered: the old papers keep their main topic.
    assert all(p.topics[0] == old[p.slug].topics[0] for p in result.catalog.papers if p.slug in old)


def test_whats_new_and_feed_list_updates_newest_first(tmp_path: Path) -> None:
    data = setup(tmp_path, "listing_with_page_chrome.txt")
    docs, state = tmp_path / "docs", tmp_path / "state.json"
    generate(data, docs, state, today="2026-01-01")
    shutil.copy(LISTINGS / "listing_crlf_bom.txt", data)
    generate(data, docs, state, today="2026-01-02")
    page = (docs / "whats-new.md").read_text()
    assert page.index("## 2026-01-02") < page.index("## 2026-01-01")
    feed = feedparser.parse((docs / "feed.xml").read_text())
    assert not feed.bozo
    assert [e.title for e in feed.entries][:1] == ["CRLFNet: Windows Line Endings"]
    assert feed.entries[0].link == "https://papers.example.org/papers/crlfnet/"
    assert len(feed.entries) == 3


def test_a_state_from_before_topics_were_lists_still_loads() -> None:
    entry = {"slug": "a", "title": "A", "keys": ["title:a"], "digest": "x", "added": "2026-01-01", "topic": "t"}
    state = load_state(json.dumps({"version": 1, "papers": [entry], "updates": []}))
    assert state.entries[0].topics == ["t"] and state.known_topics().primary == {"a": "t"}


def test_a_new_record_field_does_not_mark_remembered_papers_updated() -> None:
    # The fingerprint a state written before `project_pages` existed holds for this record.
    record = Record(title="MT-Ladder", abstract="We present MT-Ladder.", source=Source("seed.txt", line=3))
    written_before = (
        "Record(title='MT-Ladder', abstract='We present MT-Ladder.', source=Source(path='', line=None, entry=None), "
        "authors=(), date='', arxiv_id='', arxiv_version=None, doi='', categories=(), keywords=(), venue='', "
        "upvotes=None, urls=(), also_from=(), merged_keys=())"
    )
    paper = Paper(record=record, title=record.title)
    assert digest(paper) == hashlib.sha256(written_before.encode()).hexdigest()[:16]
    # A project page the source gives is part of what the data says.
    listed = replace(paper, record=replace(record, urls=("https://x.io",), project_pages=("https://x.io",)))
    unlisted = replace(paper, record=replace(record, urls=("https://x.io",)))
    assert digest(listed) != digest(unlisted)
