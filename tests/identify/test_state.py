"""Data updates: stable URLs across rebuilds, retired pages, what's new, the feed, few rewrites."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import feedparser
import pytest
import yaml

from generator.cli import main
from generator.emit.page_file import PAGE_DATA
from generator.identify.papers import identify
from generator.identify.state import assign_stable_slugs, digest, next_state, previous_build, retired_pages
from generator.identify.state_file import STATE_VERSION, State, StateError, load_state
from generator.model import Catalog, Paper, Record, Related, Source, Term, Update
from tests.sitebuild import FIXTURES, ROOT, generate

LISTINGS = FIXTURES / "listings"


def setup(tmp_path: Path, *names: str) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in names:
        shutil.copy(LISTINGS / name, data)
    return data


def front_matter_of(page: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(page.split("---\n")[1])
    return data


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
    lines_before = (docs / PAGE_DATA).read_text(encoding="utf-8").split("\n")
    shutil.copy(LISTINGS / "listing_crlf_bom.txt", data)
    result = generate(data, docs, state, today="2026-01-02")
    old = {p.slug: p for p in before.catalog.papers}
    # A paper's Markdown changes only when it is new or its topics changed; what it shows of
    # others is in the page data, whose line changes for each paper whose related papers changed.
    changed = {
        f"papers/{p.slug}.md" for p in result.catalog.papers if p.slug not in old or p.topics != old[p.slug].topics
    }
    assert "papers/crlfnet.md" in changed
    assert any(r.slug == "crlfnet" for p in result.catalog.papers for r in p.related)
    lines_after = (docs / PAGE_DATA).read_text(encoding="utf-8").split("\n")
    new_lines = {line.partition("\t")[0] for line in set(lines_after) - set(lines_before) if line}
    now_related = {
        f"papers/{p.slug}.md" for p in result.catalog.papers if p.slug in old and p.related != old[p.slug].related
    }
    assert now_related and now_related <= new_lines
    indexes = ["all/index.md", "feed.xml", "index.md", "papers.bib", "papers.json", "whats-new.md", PAGE_DATA]
    indexes += ["explore/map.json", "explore/table.json", "explore/vectors.json", "papers.ris", "papers.csl.json"]
    # Topic and hub pages (and their feeds) list papers, so those the new paper joins change too.
    listing_pages = [w for w in result.report.written if w.startswith(("topics/", "models/", "datasets/", "feed-"))]
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
    assert state.entries[0].topics == ["t"] and previous_build(state).topics.primary == {"a": "t"}


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


ENTRY = {"slug": "tinynet", "title": "TinyNet", "keys": ["title:tinynet"], "digest": "x", "added": "2026-01-01"}


def state_text(**changes: object) -> str:
    state: dict[str, object] = {"version": 1, "papers": [ENTRY], "updates": [], "topics": []}
    state.update(changes)
    return json.dumps(state, indent=1)


def entry(**changes: object) -> dict[str, object]:
    return {**ENTRY, **changes}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (state_text()[:80], "state.json:7: error: not valid JSON ("),
        ("", "state.json:1: error: not valid JSON (Expecting value, column 1)"),
        ('{"version": 1, "papers": [\n{"slug": "a",,}\n]}', "state.json:2: error: not valid JSON"),
        ("[" * 100_000, "state.json"),
        ("[]", "expected a JSON object with version, papers, updates and topics"),
        (json.dumps({"papers": []}), "unknown state version None"),
        (state_text(version="1"), "unknown state version '1'"),
        (state_text(version=True), "unknown state version True"),
        (state_text(version=0), "unknown state version 0"),
        (state_text(papers={"tinynet": ENTRY}), "'papers' must be a list"),
        (state_text(papers=["tinynet"]), "papers entry 1 must be a JSON object"),
        (state_text(papers=[{"slug": "tinynet"}]), "papers entry 1 ('tinynet') has no 'added'"),
        (state_text(papers=[entry(keys="title:tinynet")]), "'keys' must be a list of texts, not 'title:tinynet'"),
        (state_text(papers=[entry(title=None)]), "papers entry 1 ('tinynet'): 'title' must be text, not None"),
        (state_text(papers=[entry(related=[1])]), "'related' must be a list of slugs, not [1]"),
        (state_text(papers=[entry(position=[1])]), "'position' must be two numbers, x and y, not [1]"),
        (state_text(papers=[entry(position=["1", 2])]), "'position' must be two numbers, x and y"),
        (state_text(papers=[entry(position=[True, 2])]), "'position' must be two numbers, x and y"),
        (state_text(papers=[entry(position=[1e300, 2])]), "'position' must be two numbers, x and y"),
        (state_text(papers=[entry(colour="red")]), "papers entry 1 ('tinynet'): unknown field 'colour'"),
        (state_text(papers=[ENTRY, ENTRY]), "two papers have the slug 'tinynet'"),
        (state_text(updates=[{"added": ["tinynet"]}]), "updates entry 1 has no 'date'"),
        (state_text(updates=[{"date": "2026-01-01", "added": ["../x"]}]), "'added' must be a list of slugs"),
        (state_text(topics=[{"slug": "t", "label": "T"}]), "topics entry 1 ('t') has no 'description'"),
        (state_text(extra=1), "unknown field 'extra'"),
    ],
)
def test_a_broken_state_is_refused_by_name_and_says_how_to_fix_it(text: str, message: str) -> None:
    with pytest.raises(StateError) as raised:
        load_state(text, "data/state.json")
    assert message in str(raised.value)
    assert "restore it from git (git checkout -- data/state.json)" in str(raised.value)
    assert "deleting it gives every paper a new slug" in str(raised.value)


@pytest.mark.parametrize(
    "slug", ["../escape", "a/b", "/etc", "..", "Upper", "-leading", "with space", "dot.ted", "", "x\n", "é", 7]
)
@pytest.mark.parametrize("field", ["slug", "merged_into", "topics", "related", "topic slug"])
def test_a_slug_that_is_not_a_slug_is_refused(slug: object, field: str) -> None:
    if field == "topic slug":
        text = state_text(topics=[{"slug": slug, "label": "T", "description": "D"}])
    elif field in ("topics", "related"):
        text = state_text(papers=[entry(**{field: ["fine", slug]})])
    else:
        text = state_text(papers=[entry(**{field: slug})])
    if field == "merged_into" and slug == "":
        assert load_state(text).entries[0].merged_into == ""  # empty: merged into nothing
        return
    with pytest.raises(StateError, match="slug"):
        load_state(text)


def test_a_state_from_a_newer_generator_is_refused_not_rewritten(tmp_path: Path, capsys) -> None:
    data = setup(tmp_path, "listing_with_page_chrome.txt")
    state = data / "atlas-state.json"
    state.write_text(state_text(version=STATE_VERSION + 1))
    args = ["--data", str(data), "--docs", str(tmp_path / "docs"), "--templates", str(ROOT / "site_templates")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"{state}: error: written by a newer paper-atlas (state version 2; this one reads version 1)" in err
    assert state.read_text() == state_text(version=2) and not (tmp_path / "docs").exists()


@pytest.mark.parametrize("damage", ["truncated", "not_utf8", "bad_slug"])
def test_a_broken_state_stops_the_cli_with_exit_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    data = setup(tmp_path, "listing_with_page_chrome.txt", "listing_crlf_bom.txt")
    docs, state = tmp_path / "docs", data / "atlas-state.json"
    args = ["--data", str(data), "--docs", str(docs), "--templates", str(ROOT / "site_templates")]
    assert main(args) == 0
    good = state.read_bytes()
    broken = {
        "truncated": good[: len(good) // 2],
        "not_utf8": good.replace(b"TinyNet", b"Tiny\xffNet"),
        "bad_slug": good.replace(b'"slug": "tinynet"', b'"slug": "../../tinynet"'),
    }[damage]
    state.write_bytes(broken)
    pages = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(str(state)) and "Traceback" not in err and "internal error" not in err
    assert state.read_bytes() == broken  # never silently replaced: it holds the URLs
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == pages
    assert not (tmp_path / "tinynet.md").exists()


def test_a_hostile_title_in_the_state_stays_data() -> None:
    title = "<script>alert(1)</script> {{ config }} ](javascript:x)"
    text = state_text(papers=[entry(title=title, removed="2026-01-02")])
    state = load_state(text)
    assert retired_pages(state)[0].title == title
    assert json.loads(state.to_json())["papers"][0]["title"] == title


def test_a_title_without_letters_survives_a_second_build(tmp_path: Path) -> None:
    # "---" has no letter to key its identity on; its state entry must still read back.
    data = tmp_path / "data"
    data.mkdir()
    (data / "odd.txt").write_text("---\n\n+++ ***\n", encoding="utf-8")
    docs, state = tmp_path / "docs", tmp_path / "state.json"
    first = generate(data, docs, state, today="2026-01-01")
    second = generate(data, docs, state, today="2026-01-02")
    assert [p.slug for p in second.catalog.papers] == [p.slug for p in first.catalog.papers]
    assert second.report.written == []


def papers_of(*records: tuple[str, str], state: State, today: str) -> list[Paper]:
    """Return papers of (title, abstract) records, identified and with the slugs `state` gives them."""
    identified = [identify(Record(t, a, Source("x.txt", n))) for n, (t, a) in enumerate(records, start=1)]
    return assign_stable_slugs(identified, state, today)


def shown(papers: list[Paper], topic: Term) -> Catalog:
    """Return a catalog of the papers, each in `topic` and related to the next one."""
    related = [(Related(b.slug, b.title, ("similar wording",)),) for b in [*papers[1:], papers[0]]]
    return Catalog(
        papers=[replace(p, topics=(topic.slug,), related=r) for p, r in zip(papers, related, strict=True)],
        topics=[topic],
    )


def test_the_next_state_is_the_previous_one_with_this_builds_slugs_changes_and_pages() -> None:
    alpha, beta, gamma = ("AlphaNet: One", ABSTRACT), ("BetaNet: Two", ABSTRACT), ("GammaNet: Three", ABSTRACT)
    first = shown(papers_of(alpha, beta, state=State(), today="2026-01-01"), Term("small", "Small", "Small models."))
    previous = next_state(State(), first, "2026-01-01")
    assert [vars(u) for u in previous.updates] == [
        {"date": "2026-01-01", "added": ["alphanet", "betanet"], "updated": [], "removed": []}
    ]
    written = previous.to_json()
    # The next day AlphaNet's abstract changed, BetaNet left and GammaNet came.
    papers = papers_of((alpha[0], "A new abstract."), gamma, state=previous, today="2026-01-02")
    catalog = shown(papers, Term("new", "New", "New papers."))
    state = next_state(previous, catalog, "2026-01-02")
    assert previous.to_json() == written, "the state read is never changed"
    assert next_state(previous, catalog, "2026-01-02") == state, "the same build gives the same state"
    assert state.updates == [
        *previous.updates,
        Update("2026-01-02", added=["gammanet"], updated=["alphanet"], removed=["betanet"]),
    ]
    entries = {e.slug: e for e in state.entries}
    assert (entries["alphanet"].topics, entries["alphanet"].related) == (["new"], ["gammanet"])
    assert (entries["betanet"].removed, entries["betanet"].topics, entries["betanet"].related) == ("2026-01-02", [], [])
    assert (entries["gammanet"].added, entries["gammanet"].related) == ("2026-01-02", ["alphanet"])
    assert state.topics == [{"slug": "new", "label": "New", "description": "New papers."}]
    assert previous_build(state).related == {"alphanet": ("gammanet",), "gammanet": ("alphanet",)}
    # Built again from the same data, nothing changed: no update is recorded.
    again = shown(papers_of((alpha[0], "A new abstract."), gamma, state=state, today="2026-01-03"), catalog.topics[0])
    assert next_state(state, again, "2026-01-03").to_json() == state.to_json()


def test_the_next_state_refuses_a_catalog_whose_slugs_it_did_not_give() -> None:
    papers = papers_of(("AlphaNet: One", ABSTRACT), state=State(), today="2026-01-01")
    catalog = shown([replace(papers[0], slug="elsewhere")], Term("t", "T", "D"))
    with pytest.raises(ValueError, match="'elsewhere' has a slug the state did not give it"):
        next_state(State(), catalog, "2026-01-01")
