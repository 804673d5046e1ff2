"""Search at scale: Pagefind's index (build time, size on disk) and the bytes one search costs a visitor.

    python -m benchmarks.search --papers 10000 --work /tmp/search-10k
    python -m benchmarks.search --pagefind-only 100000 --pages-from /tmp/search-10k/site-pagefind --work /tmp/s100k

The first writes the synthetic corpus (benchmarks/corpus.py), generates it and builds the site
twice, with Material's search and with Pagefind's (`ATLAS_SEARCH`). In Chromium it then opens the
home page of each site with an empty cache, types each query into the header's search box, waits
for the results and adds up every response that search fetched (Playwright network events):
Material's whole index and worker; or our worker, pagefind.js, its WebAssembly, the index chunks
of the query's words and the fragments of the pages listed. Bytes are as served by a plain file
server, and gzip-compressed as a host that compresses would send them (Pagefind's index files are
gzip already). The second indexes N search documents made straight from the corpus (each paper's
title, short name and abstract, no site build) and measures the same queries against that index,
served with the pages and scripts of a Pagefind site built before. Results go to
benchmarks/search.json; SEARCH.md holds them with their machine and date.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.browser import served_browser
from benchmarks.corpus import papers, write_corpus
from benchmarks.processes import machine
from benchmarks.workload import ROOT, folder_size
from generator.workspace import copy_hand_written_docs, site_config

#: What search fetches, by either backend: Material's index, worker and Lunr; our worker and pagefind/.
SEARCH_URL = re.compile(
    r"/(pagefind/|search/search_index\.json|assets/javascripts/(pagefind-search\.js|workers/|lunr/))"
)
INDEXED = re.compile(r"Pagefind indexed (\d+) pages in ([\d.]+) s")


def generate(count: int, work: Path) -> Path:
    """Write the corpus of `count` papers and generate its docs folder."""
    write_corpus(count, work / "data")
    docs = work / "docs_src"
    copy_hand_written_docs(docs)
    command = [sys.executable, "-m", "generator", "--data", str(work / "data"), "--docs", str(docs)]
    subprocess.run([*command, "--state", str(work / "state.json"), "--quiet"], check=True, cwd=ROOT)
    return docs


def build_site(work: Path, docs: Path, search: str) -> dict[str, Any]:
    """Build the site with `search` as its search; return the build's time and Pagefind's, when it ran."""
    site = work / f"site-{search}"
    config = site_config(work, docs, site)
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "ATLAS_SEARCH": search},
    )
    result: dict[str, Any] = {"site": str(site), "build_s": round(time.perf_counter() - started, 1)}
    indexed = INDEXED.search(completed.stderr)
    if indexed:
        result.update(pagefind_pages=int(indexed.group(1)), pagefind_s=float(indexed.group(2)))
    return result


def index_size(site: Path) -> dict[str, int]:
    """Return the bytes on disk of the site's search: Pagefind's folder in parts, or Material's index."""
    pagefind = site / "pagefind"
    if not pagefind.is_dir():
        return {"search_index_json": (site / "search" / "search_index.json").stat().st_size}
    return {
        "total": folder_size(pagefind),
        "index_chunks": folder_size(pagefind / "index"),
        "fragments": folder_size(pagefind / "fragment"),
        "files": sum(1 for p in pagefind.rglob("*") if p.is_file()),
    }


def search_transfer(site: Path, queries: list[str], chromium: str) -> dict[str, Any]:
    """Return, per query, the bytes search fetched in a fresh browser (empty cache), raw and gzip."""
    results: dict[str, Any] = {}
    with served_browser(site, chromium) as (browser, base):
        for query in queries:
            results[query] = _one_search(browser, base, query)
    return results


def _one_search(browser: Any, base: str, query: str) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: list[tuple[str, Any]] = []
    page.on("response", lambda response: fetched.append((response.url, response)))
    page.goto(base)
    page.wait_for_function("() => typeof window.document$ !== 'undefined'")
    started = time.perf_counter()
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item a").first.wait_for(timeout=120_000)
    seconds = time.perf_counter() - started
    first = page.locator(".md-search-result__item a").first.get_attribute("href") or ""
    bodies = [(url, response.body()) for url, response in fetched if SEARCH_URL.search(url)]
    context.close()
    return {
        "requests": len(bodies),
        "bytes": sum(len(body) for _, body in bodies),
        "gzip_bytes": sum(len(gzip.compress(body, 6)) if not _gzipped(body) else len(body) for _, body in bodies),
        "largest": sorted(((len(body), url.removeprefix(base)) for url, body in bodies), reverse=True)[:3],
        "results_s": round(seconds, 2),
        "first_result": first.removeprefix(base),
    }


def _gzipped(body: bytes) -> bool:
    # Pagefind's index chunks and fragments are gzip (behind an 18-byte signature), or gzip outright.
    return body[:2] == b"\x1f\x8b" or b"\x1f\x8b" in body[:32]


def documents(count: int, staging: Path) -> None:
    """Write one search document per paper of the corpus, as the hook stages them: title, names, abstract."""
    from generator.site_search import search_document

    for number, (title, abstract) in enumerate(papers(count)):
        entries = [
            {"title": title, "text": f"<p>Short name: {title.split(':')[0]}</p>"},
            {"location": "#abstract", "title": "Abstract", "text": f"<p>{abstract}</p>"},
        ]
        path = staging / "papers" / f"p{number}" / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(search_document(entries), encoding="utf-8")


def pagefind_only(count: int, pages_from: Path, work: Path) -> dict[str, Any]:
    """Index `count` corpus documents with Pagefind; serve them with the pages of the site `pages_from`."""
    from generator.site_search import run_pagefind

    staging, site = work / "staging", work / "site"
    shutil.rmtree(work, ignore_errors=True)
    documents(count, staging)
    shutil.copytree(pages_from, site, ignore=shutil.ignore_patterns("pagefind"))
    started = time.perf_counter()
    run_pagefind(staging, site / "pagefind")
    return {"site": str(site), "pagefind_pages": count, "pagefind_s": round(time.perf_counter() - started, 1)}


def queries_for(count: int) -> list[str]:
    """Typical queries: a paper's short name, its whole title, and two common words."""
    title = papers(count)[count // 2][0]
    return [title.split(":")[0].split(" (")[0], title, "language models"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--pagefind-only", type=int, help="index this many corpus documents with Pagefind alone")
    parser.add_argument("--pages-from", type=Path, help="with --pagefind-only: a Pagefind site built before")
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument(
        "--search", choices=["pagefind", "material"], action="append", help="only this search (again for both)"
    )
    parser.add_argument("--reuse", action="store_true", help="keep the docs folder generated in WORK before")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "search.json")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no Chromium: install Debian's chromium (make browser)", file=sys.stderr)
        return 2
    if args.pagefind_only:
        count, sites = args.pagefind_only, {"pagefind": pagefind_only(args.pagefind_only, args.pages_from, args.work)}
    else:
        docs = args.work / "docs_src"
        count = args.papers
        if not (args.reuse and (docs / "papers").is_dir()):
            generate(args.papers, args.work)
        sites = {search: build_site(args.work, docs, search) for search in args.search or ("pagefind", "material")}
    for result in sites.values():
        result["size"] = index_size(Path(result["site"]))
        result["searches"] = search_transfer(Path(result["site"]), queries_for(count), chromium)
    results = json.loads(args.output.read_text(encoding="utf-8")) if args.output.exists() else {}
    results[f"{count}{'-pagefind-only' if args.pagefind_only else ''}"] = {"machine": machine(), **sites}
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(sites, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
