"""The what's-new feed: an Atom feed of the papers each data update added, written with feedgen."""

from __future__ import annotations

import datetime as dt
import re

from feedgen.feed import FeedGenerator

from generator.model import Catalog

#: How many added papers the feed carries, newest updates first.
FEED_SIZE = 50
#: Characters XML 1.0 cannot hold; lxml refuses them. The readers remove them already (see
#: `generator.ingest.checks`): this is the last line of defence for the one XML file we write.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _day(date: str) -> dt.datetime:
    return dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC)


def render_feed(catalog: Catalog, site_name: str, site_url: str) -> str:
    """Return an Atom feed of the newest added papers; its dates come from the state, not the clock."""
    by_slug = {paper.slug: paper for paper in catalog.papers}
    feed = FeedGenerator()
    feed.id(site_url)
    feed.title(_xml_text(f"{site_name}: new papers"))
    feed.subtitle("Papers added to the collection, newest first.")
    feed.link(href=site_url, rel="alternate")
    feed.link(href=f"{site_url}feed.xml", rel="self")
    feed.language("en")
    latest = catalog.updates[-1].date if catalog.updates else "1970-01-01"
    feed.updated(_day(latest))
    count = 0
    # feedgen lists entries in reverse order of adding: add the oldest first.
    chosen = []
    for update in reversed(catalog.updates):
        for slug in update.added:
            if slug in by_slug and count < FEED_SIZE:
                chosen.append((update.date, by_slug[slug]))
                count += 1
    for date, paper in reversed(chosen):
        entry = feed.add_entry()
        url = f"{site_url}papers/{paper.slug}/"
        entry.id(url)
        entry.title(_xml_text(paper.title))
        entry.link(href=url)
        entry.updated(_day(date))
        entry.published(_day(date))
        summary = _xml_text(paper.abstract_text)
        entry.summary(summary if len(summary) <= 600 else summary[:597].rsplit(" ", 1)[0] + "...")
        for author in paper.record.authors[:10]:
            entry.author(name=_xml_text(author))
    atom: bytes = feed.atom_str(pretty=True)
    return atom.decode("utf-8")
