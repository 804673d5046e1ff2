"""Atom feeds, written with feedgen: what's new in the collection, and in each topic and hub.

`feed.xml` carries the papers each data update added, newest first; each topic, model family
and benchmark has its own feed beside its page (`topics/<slug>.xml`, ...) with the papers added
to it, so a reader can follow one line of work. Dates come from the state, not the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from feedgen.feed import FeedGenerator

from generator.model import Catalog, Paper
from generator.text.xml import XML_ILLEGAL

#: How many added papers a feed carries, newest updates first.
FEED_SIZE = 50
#: A summary is cut at about this many characters.
SUMMARY_LENGTH = 600


def _xml_text(text: str) -> str:
    # The readers remove these already (`generator.ingest.checks`): the last line of defence.
    return XML_ILLEGAL.sub("", text)


def _day(date: str) -> dt.datetime:
    return dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC)


def added_on(catalog: Catalog) -> dict[str, str]:
    """Return the date each current paper was (last) added to the collection, by slug."""
    dates: dict[str, str] = {}
    for update in catalog.updates:
        for slug in update.added:
            dates[slug] = update.date
    return dates


def _atom(
    title: str,
    subtitle: str,
    page_url: str,
    feed_url: str,
    entries: list[tuple[str, Paper]],
    site_url: str,
    updated: str,
) -> str:
    """Return an Atom feed of (date added, paper) entries, given newest first; its id is its page."""
    feed = FeedGenerator()
    feed.id(page_url)
    feed.title(_xml_text(title))
    feed.subtitle(_xml_text(subtitle))
    feed.link(href=page_url, rel="alternate")
    feed.link(href=feed_url, rel="self")
    feed.language("en")
    feed.updated(_day(updated))
    # feedgen lists entries in reverse order of adding: add the oldest first.
    for date, paper in reversed(entries):
        entry = feed.add_entry()
        url = f"{site_url}papers/{paper.slug}/"
        entry.id(url)
        entry.title(_xml_text(paper.title))
        entry.link(href=url)
        entry.updated(_day(date))
        entry.published(_day(date))
        summary = _xml_text(paper.abstract_text)
        cut = summary[: SUMMARY_LENGTH - 3].rsplit(" ", 1)[0] + "..."
        entry.summary(summary if len(summary) <= SUMMARY_LENGTH else cut)
        for author in paper.record.authors[:10]:
            entry.author(name=_xml_text(author))
    atom: bytes = feed.atom_str(pretty=True)
    return atom.decode("utf-8")


def render_feed(catalog: Catalog, site_name: str, site_url: str) -> str:
    """Return the collection's feed: the newest added papers, newest updates first."""
    by_slug = {paper.slug: paper for paper in catalog.papers}
    chosen = [
        (update.date, by_slug[slug]) for update in reversed(catalog.updates) for slug in update.added if slug in by_slug
    ][:FEED_SIZE]
    # The collection's feed is as new as its latest update, removals included.
    latest = catalog.updates[-1].date if catalog.updates else "1970-01-01"
    title, subtitle = f"{site_name}: new papers", "Papers added to the collection, newest first."
    return _atom(title, subtitle, site_url, f"{site_url}feed.xml", chosen, site_url, latest)


def render_term_feed(
    site_name: str,
    name: str,
    what: str,
    path: str,
    feed_path: str,
    papers: Iterable[Paper],
    dates: dict[str, str],
    site_url: str,
) -> str:
    """Return the feed of one topic, model family or benchmark: its papers, newest added first.

    `path` is the term's page (`topics/llm-unlearning/`), `feed_path` the feed's own file.
    """
    entries = sorted(
        ((dates.get(paper.slug, "1970-01-01"), paper) for paper in papers), key=lambda e: (e[0], e[1].slug)
    )
    entries.reverse()
    title, subtitle = f"{site_name}: {name}", f"Papers on the {what} {name}, newest first."
    page, feed = f"{site_url}{path}", f"{site_url}{feed_path}"
    return _atom(title, subtitle, page, feed, entries[:FEED_SIZE], site_url, entries[0][0] if entries else "1970-01-01")
