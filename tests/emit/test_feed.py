"""Atom feeds read back with feedparser, as a feed reader would."""

from __future__ import annotations

from dataclasses import replace

import feedparser

from generator.emit.feed import added_on, render_feed, render_term_feed
from generator.identify.papers import identify
from generator.model import Catalog, Record, Source, Update

SITE = "https://papers.example.org/"


def paper(slug: str, title: str):
    return replace(identify(Record(title, "An abstract.", Source("data.txt", 1), authors=("Ada Lovelace",))), slug=slug)


PAPERS = [paper("old", "An Old Paper"), paper("new", "A New Paper"), paper("middle", "A Middle Paper")]
CATALOG = Catalog(
    papers=PAPERS,
    updates=[
        Update("2026-01-01", added=["old"]),
        Update("2026-02-01", added=["middle"]),
        Update("2026-03-01", added=["new"], removed=["gone"]),
    ],
)


def test_term_feed_lists_its_papers_newest_added_first() -> None:
    text = render_term_feed(
        "Atlas",
        "LLM unlearning",
        "topic",
        "topics/llm-unlearning/",
        "feed-topics-llm-unlearning.xml",
        PAPERS,
        added_on(CATALOG),
        SITE,
    )
    feed = feedparser.parse(text)
    assert not feed.bozo
    assert feed.feed.title == "Atlas: LLM unlearning"
    assert [e.title for e in feed.entries] == ["A New Paper", "A Middle Paper", "An Old Paper"]
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"alternate": f"{SITE}topics/llm-unlearning/", "self": f"{SITE}feed-topics-llm-unlearning.xml"}
    assert feed.feed.updated.startswith("2026-03-01")
    assert feed.entries[0].author == "Ada Lovelace"


def test_term_feed_of_a_hostile_name_is_text() -> None:
    name = "<script>alert(1)</script> & \x01 friends"
    feed = feedparser.parse(
        render_term_feed("Atlas", name, "benchmark", "datasets/x/", "feed-datasets-x.xml", PAPERS[:1], {}, SITE)
    )
    assert not feed.bozo
    assert feed.feed.title == "Atlas: <script>alert(1)</script> &  friends"


def test_the_collections_feed_is_as_new_as_its_last_update() -> None:
    feed = feedparser.parse(render_feed(CATALOG, "Atlas", SITE))
    assert [e.title for e in feed.entries] == ["A New Paper", "A Middle Paper", "An Old Paper"]
    assert feed.feed.id == SITE
