"""The targets of issue #21 checked against one run's numbers, and RESULTS.md written from them."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]
#: (target, measured at, number, goal, verdict)
Check = tuple[str, str, str, str, str]

COLD = "cold generate + build / plain MkDocs"
REBUILD = "rebuild after one more day / plain cold build"


def _check(name: str, at: str, value: float, limit: float, goal: str, shown: str) -> Check:
    return (name, at, shown, goal, "met" if value <= limit else "not met")


def _missing(name: str, at: str, goal: str, why: str) -> Check:
    return (name, at, "", goal, why)


def _at(row: Row) -> str:
    return f"{row.get('corpus', row['label'])} {row['papers']:,}"


def corpus_checks(rows: list[Row]) -> list[Check]:
    """The two ratio targets, for every corpus built."""
    checks: list[Check] = []
    for row in rows:
        if "error" in row:
            checks += [
                _missing(name, _at(row), goal, "failed") for name, goal in ((COLD, "≤ 1.25x"), (REBUILD, "≤ 1.0x"))
            ]
            continue
        cold, rebuild = row["cold_ratio"], row["rebuild_ratio"]
        checks.append(_check(COLD, _at(row), cold, 1.25, "≤ 1.25x", f"{cold:.2f}x"))
        at = f"{_at(row)} + {row['day_papers']}"
        checks.append(_check(REBUILD, at, rebuild, 1.0, "≤ 1.0x", f"{rebuild:.2f}x"))
    return checks


def _largest(rows: list[Row]) -> Row | None:
    built = [row for row in rows if row["label"] == "synthetic" and "error" not in row]
    return max(built, key=lambda row: row["papers"]) if built else None


ALONE = ("generator alone, cold", "≤ 150 s at 100k")
MEMORY = ("generator peak memory, with its workers", "≤ 4,000 MB")
SEARCH = ("bytes one search transfers", "≤ 1 MB")
INDEX = ("search index per paper", "≤ 2,000 B or fragments")


def generator_checks(results: dict[str, Any]) -> list[Check]:
    """The generator's own targets: 10k cold and one-day update, 100k cold with its peak memory."""
    checks: list[Check] = []
    largest = _largest(results["corpora"])
    if largest is None:
        for name in ("generator, cold", "generator, one-day update"):
            checks.append(_missing(name, "synthetic 10,000", "≤ 10 s / ≤ 3 s at 10k", "not measured"))
    else:
        cold, update = largest["generator_seconds"], largest["update_generator_seconds"]
        checks.append(_check("generator, cold", _at(largest), cold, 10, "≤ 10 s at 10k", f"{cold:.1f} s"))
        at = f"{_at(largest)} + {largest['day_papers']}"
        checks.append(_check("generator, one-day update", at, update, 3, "≤ 3 s at 10k", f"{update:.1f} s"))
    rows = results["generator_only"] + [{**row, "label": "synthetic, whole site"} for row in results["full_site"]]
    if not rows:
        return checks + [_missing(name, "synthetic 100,000", goal, "not measured") for name, goal in (ALONE, MEMORY)]
    for row in rows:
        if "error" in row:
            checks += [_missing(name, _at(row), goal, "failed") for name, goal in (ALONE, MEMORY)]
            continue
        seconds, memory = row["generator_seconds"], row["generator_tree_mb"]
        checks.append(_check(ALONE[0], _at(row), seconds, 150, ALONE[1], f"{seconds:.0f} s"))
        checks.append(_check(MEMORY[0], _at(row), memory, 4000, MEMORY[1], f"{memory:,} MB"))
    return checks


def _site_rows(results: dict[str, Any], kind: str = "synthetic") -> list[Row]:
    """Every built site of a kind, smallest first: the corpora, then the whole-site builds."""
    rows = [r for r in results["corpora"] if r["label"] == kind] + (results["full_site"] if kind == "synthetic" else [])
    return sorted((r for r in rows if "error" not in r and "page_bytes_median" in r), key=lambda r: r["papers"])


def whole_site_check(results: dict[str, Any]) -> Check:
    """The whole site at 100k: built or not, how long it took, its peak memory."""
    full = [row for row in results["full_site"] if "error" not in row]
    if not full:
        why = "failed" if results["full_site"] else "not measured: run with --full-site 100000"
        return _missing("whole site built", "synthetic 100,000", "built at 100k", why)
    row = full[-1]
    total = row["generator_seconds"] + row["build_seconds"]
    memory = max(row["generator_tree_mb"], row["build_tree_mb"])
    parts = f"generator {row['generator_seconds']:.0f} + build {row['build_seconds']:.0f}"
    return ("whole site built", _at(row), f"{total:.0f} s ({parts}), {memory:,} MB", "built at 100k", "met")


def search_checks(results: dict[str, Any]) -> list[Check]:
    """The search of the largest site built (synthetic, else real): one query's bytes, the index per paper."""
    built = _site_rows(results) or _site_rows(results, "real")
    search = built[-1]["search"] if built else {}
    if "query_bytes" not in search:
        return [_missing(name, "", goal, "not measured") for name, goal in (SEARCH, INDEX)]
    at, backend = _at(built[-1]), search["backend"]
    shown = f"{search['query_bytes'] / 1e6:.2f} MB ({backend})"
    checks = [_check(SEARCH[0], at, search["query_bytes"], 1e6, SEARCH[1], shown)]
    limit = float("inf") if backend == "pagefind" else 2000
    shown = f"{search['bytes_per_paper']:,} B ({backend})"
    return [*checks, _check(INDEX[0], at, search["bytes_per_paper"], limit, INDEX[1], shown)]


def flat_check(results: dict[str, Any]) -> Check:
    """Paper-page HTML across the synthetic sizes built: the spread of the medians."""
    name, sites = "paper-page HTML median / max, flat in N", _site_rows(results)
    if len(sites) < 2:
        return _missing(name, ", ".join(f"{r['papers']:,}" for r in sites), "±10%", "not measured: needs two sizes")
    medians = [row["page_bytes_median"] for row in sites]
    spread = (max(medians) - min(medians)) / min(medians)
    shown = ", ".join(f"{r['page_bytes_median']:,} / {r['page_bytes_max']:,}" for r in sites) + f" ({spread:+.1%})"
    return _check(name, " → ".join(f"{r['papers']:,}" for r in sites), spread, 0.10, "±10%", shown)


def site_checks(results: dict[str, Any]) -> list[Check]:
    """The 100k site, the bytes one search transfers, the index per paper, page sizes flat in N."""
    return [whole_site_check(results), *search_checks(results), flat_check(results)]


def target_table(results: dict[str, Any]) -> list[str]:
    checks = corpus_checks(results["corpora"]) + generator_checks(results) + site_checks(results)
    lines = ["| target | measured at | number | target | met? |", "| --- | --- | --- | --- | --- |"]
    return lines + [f"| {' | '.join(check)} |" for check in checks]


def _mb(value: float) -> str:
    return f"{value / 1e6:.1f}"


def corpus_table(rows: list[Row]) -> list[str]:
    lines = [
        "| corpus | papers + day | rounds | generator s | generator peak MB | mkdocs build s | plain s | cold ratio "
        "| update: generator s | update: build s | update: files written | plain, all papers s | rebuild ratio "
        "| page HTML median / max "
        "| search B/paper | site MB | kept beside state and config |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {_at(r)} | failed: {_one_line(r['error'])} |" + " |" * 15)
            continue
        caches = ", ".join(f"`{name}`" for name in r["caches_kept"]) or "none"
        lines.append(
            f"| {r['corpus']} | {r['papers']:,} + {r['day_papers']} | {r['repetitions']} "
            f"| {r['generator_seconds']:.2f} "
            f"| {r['generator_peak_mb']} | {r['build_seconds']:.2f} | {r['plain_seconds']:.2f} | {r['cold_ratio']:.2f} "
            f"| {r['update_generator_seconds']:.2f} | {r['update_build_seconds']:.2f} "
            f"| {r['update_files_written']:,} of {r['generated_files']:,} | {r['plain_next_seconds']:.2f} "
            f"| {r['rebuild_ratio']:.2f} | {r.get('page_bytes_median', 0):,} / {r.get('page_bytes_max', 0):,} "
            f"| {r['search'].get('bytes_per_paper', 0):,} ({r['search']['backend']}) "
            f"| {_mb(r['site_bytes'])} | {caches} |"
        )
    return lines


def large_tables(results: dict[str, Any]) -> list[str]:
    lines = [
        "| papers | generator alone s | peak MB, main process | peak MB, with its workers (sum of PSS) |",
        "| --- | --- | --- | --- |",
    ]
    for r in results["generator_only"]:
        if "error" in r:
            lines.append(f"| {r['papers']:,} | failed: {_one_line(r['error'])} | | |")
        else:
            lines.append(
                f"| {r['papers']:,} | {r['generator_seconds']} | {r['generator_peak_mb']:,} "
                f"| {r['generator_tree_mb']:,} |"
            )
    if not results["full_site"]:
        return lines
    lines += [
        "",
        "| whole site: papers | generator s | generator peak MB (tree) | build s | build peak MB (tree) "
        "| page HTML median / max | search MB (backend) | one search, MB | site MB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results["full_site"]:
        if "error" in r:
            lines.append(f"| {r['papers']:,} | failed: {_one_line(r['error'])} |" + " |" * 7)
            continue
        search = r["search"]
        lines.append(
            f"| {r['papers']:,} | {r['generator_seconds']} | {r['generator_tree_mb']:,} | {r['build_seconds']} "
            f"| {r['build_tree_mb']:,} | {r.get('page_bytes_median', 0):,} / {r.get('page_bytes_max', 0):,} "
            f"| {_mb(search.get('bytes', 0))} ({search['backend']}) | {search.get('query_bytes', 0) / 1e6:.2f} "
            f"| {_mb(r['site_bytes'])} |"
        )
    return lines


def _one_line(error: str) -> str:
    return error.replace("|", "/").replace("\n", " ")[:300]


def header(results: dict[str, Any]) -> list[str]:
    m = results["machine"]
    load = ", ".join(str(x) for x in m["load_at_start"])
    end = ", ".join(str(x) for x in results.get("load_at_end", []))
    lines = [
        "# Benchmark results" + (" (quick run: small sizes, not the targets' sizes)" if results["quick"] else ""),
        "",
        f"Measured {results['date']} on {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB, Python {m['python']}, "
        f"with `{results.get('command', 'make bench')}`, in {results.get('wall_seconds', 0) / 60:.0f} minutes; "
        "load average (1, 5, 15 min) "
        f"{load} at the start, {end} at the end. Medians of the rounds; ratios are taken within each round "
        "(the project and plain MkDocs built one after the other), then their median.",
    ]
    if results.get("note"):
        lines += ["", results["note"]]
    if results["search_command"]:
        lines += ["", f"Search indexer run after each build, and timed with it: `{results['search_command']}`."]
    return lines


def report(results: dict[str, Any]) -> str:
    lines = [*header(results), "", "## Targets (issue #21)", "", *target_table(results), "", "## Corpora", ""]
    lines += corpus_table(results["corpora"])
    lines += ["", "## 100,000 papers", "", *large_tables(results)]
    return "\n".join(lines) + "\n"
