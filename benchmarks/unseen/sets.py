"""Labelled sets of real papers nobody here tuned on, read from public repositories at a pinned commit.

None of their data is in this repository: `fetch github:<owner>/<name>` (the workplace's snapshot
tool) puts each source under `../.mirror/<owner>+<name>/repo` (or `$PAPER_ATLAS_MIRRORS`), and this
module reads the pinned commit from there with `git show`, keeps the papers whose abstract has at
least MIN_ABSTRACT characters, samples at most CAP of them deterministically and writes each set as
a plain JSON listing (title, abstract, url). The labels stay out of the listing, so no stage of the
pipeline can read them; they are looked up by each record's URL. Sources, licences and sampling:
benchmarks/unseen/README.md.

Run `python -m benchmarks.unseen` to print each set's papers, classes and class sizes (and
`--out DIR` to keep the listings); `python -m benchmarks.quality --sets unseen` measures them.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import os
import re
import subprocess
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.evaluation import LabelledSet
from generator.model import Record

#: Where `fetch` leaves its snapshots: beside the project, like `../shared/fixtures/`.
MIRRORS = Path(os.environ.get("PAPER_ATLAS_MIRRORS") or Path(__file__).resolve().parents[3] / ".mirror")
#: A paper is kept only when its abstract has at least this many characters.
MIN_ABSTRACT = 300
#: At most this many papers a set: every k-th of the sorted papers, k = ceil(papers / CAP).
CAP = 1000

PAPERLISTS = ("papercopilot/paperlists", "33f9884e652f05a768d2f216534d7f1e446a0cf7")
ACL2020 = ("acl-org/acl-2020-virtual-conference", "6cba387ccd6a05e0d9447e5aa2ed6d402c609181")
WACV2024 = ("DmitryRyumin/WACV-2024-Papers", "1e910542d62680095176d81e725d12cc8c1d34d7")


class MissingSnapshot(Exception):
    """A source repository, or its pinned commit, is not among the fetched snapshots."""


@dataclass(frozen=True)
class Entry:
    """One paper of a set: what the listing holds, and its label."""

    title: str
    abstract: str
    url: str
    label: str


def show(source: tuple[str, str], path: str) -> str:
    """Return a file of a fetched repository at its pinned commit."""
    return _git(source, "show", f"{source[1]}:{path}")


def _git(source: tuple[str, str], *args: str) -> str:
    repo, commit = source
    git_dir = MIRRORS / repo.replace("/", "+") / "repo"
    if not git_dir.is_dir():
        raise MissingSnapshot(f"no snapshot of {repo} in {MIRRORS}: fetch github:{repo} first")
    done = subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True, text=True)
    if done.returncode:
        raise MissingSnapshot(f"{repo} at {commit[:8]}: {done.stderr.strip()} (fetch github:{repo} again?)")
    return done.stdout


def clean(text: Any) -> str:
    """Return text with its runs of white space made single spaces."""
    return " ".join(str(text or "").split())


def every_kth(entries: list[Entry]) -> list[Entry]:
    """Return every k-th entry, k the smallest step that keeps at most CAP of them."""
    return entries[:: max(1, math.ceil(len(entries) / CAP))]


def long_enough(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if len(e.abstract) >= MIN_ABSTRACT and e.title and e.label]


def _number(identifier: str) -> int:
    """Return the paper number in an id such as `main.812` or `paper176`."""
    digits = re.findall(r"\d+", identifier)
    return int(digits[-1]) if digits else -1


def miniconf_tracks(source: tuple[str, str], path: str) -> list[Entry]:
    """Read a MiniConf `main_papers.csv` (ACL 2020's site): label = the paper's area track."""
    rows = sorted(csv.DictReader(io.StringIO(show(source, path))), key=lambda row: _number(row["UID"]))
    # Journal papers presented at the conference (`TACL.2093`, `CL.1`) have no proceedings link: not kept.
    rows = [row for row in rows if row["UID"].startswith("main.")]
    entries = [
        Entry(clean(row["title"]), clean(row["abstract"]), clean(row["pdf_url"]), clean(row["track"])) for row in rows
    ]
    return every_kth(long_enough(entries))


def acl2020() -> list[Entry]:
    return miniconf_tracks(ACL2020, "sitedata_acl2020/main_papers.csv")


def _title_key(title: str) -> str:
    return re.sub(r"[^a-z0-9]", "", title.lower())


def wacv2024() -> list[Entry]:
    """Read WACV 2024's poster subject areas (one JSON file each) and the papers' abstracts by title."""
    folder = "json_data/2024/main/"
    files = _git(WACV2024, "ls-tree", "--name-only", WACV2024[1], folder).split()
    # The oral files are sessions that mix several areas ("3D; Adversarial and Defense; ..."): not kept.
    areas = {
        _title_key(paper["title"]): clean(paper["section"])
        for name in sorted(files)
        if not name.startswith(folder + "oral_")
        for paper in json.loads(show(WACV2024, name))
    }
    papers = sorted(json.loads(show(PAPERLISTS, "wacv/wacv2024.json")), key=lambda p: clean(p["title"]).lower())
    entries = [
        Entry(clean(p["title"]), clean(p.get("abstract")), clean(p["site"]), areas.get(_title_key(p["title"]), ""))
        for p in papers
    ]
    return every_kth(long_enough(entries))


def cvf_sessions(path: str) -> list[Entry]:
    """Read a CVF conference's main-track papers: label = the program's session topic (orals and posters alike)."""
    papers = json.loads(show(PAPERLISTS, path))
    main = sorted((p for p in papers if p.get("track") == "main"), key=lambda p: _number(p["pid"]))
    entries = [
        Entry(clean(p["title"]), clean(p.get("abstract")), clean(p["oa"]), clean(p.get("session"))) for p in main
    ]
    return every_kth(long_enough(entries))


def cvpr2019() -> list[Entry]:
    return cvf_sessions("cvpr/cvpr2019.json")


def ijcai_areas(years: tuple[int, ...] = (2023, 2024)) -> list[Entry]:
    """Read IJCAI main-track papers: label = the primary area (the area of the authors' first keyword)."""
    entries = []
    for year in years:
        papers = json.loads(show(PAPERLISTS, f"ijcai/ijcai{year}.json"))
        main = sorted((p for p in papers if p.get("track") == "main"), key=lambda p: _number(p["id"]))
        entries += [
            Entry(clean(p["title"]), clean(p.get("abstract")), clean(p["site"]), clean(p.get("primary_area")))
            for p in main
        ]
    return every_kth(long_enough(entries))


def aaai2022() -> list[Entry]:
    """Read AAAI 2022's papers: label = the primary area, its numbered parts one area.

    AAAI splits its largest areas into numbered sessions ("Computer Vision I", "... II", "... III")
    by size alone, so the numeral is dropped: the label is the area.
    """
    papers = sorted(json.loads(show(PAPERLISTS, "aaai/aaai2022.json")), key=lambda p: _number(p["id"]))
    entries = [
        Entry(clean(p["title"]), clean(p.get("abstract")), clean(p["site"]), _area(p.get("primary_area")))
        for p in papers
    ]
    return every_kth(long_enough(entries))


def _area(label: Any) -> str:
    return re.sub(r" (I|II|III|IV)$", "", clean(label))


def iccv2019() -> list[Entry]:
    return cvf_sessions("iccv/iccv2019.json")


@dataclass(frozen=True)
class UnseenSet:
    """A set: its name, what its label is, and how to read its entries from the snapshots."""

    name: str
    what: str
    read: Callable[[], list[Entry]]


SETS = (
    UnseenSet("wacv2024-area", "WACV 2024 subject area", wacv2024),
    UnseenSet("cvpr2019-session", "CVPR 2019 session", cvpr2019),
    UnseenSet("acl2020-track", "ACL 2020 area track", acl2020),
    UnseenSet("ijcai2023-24-area", "IJCAI primary area", ijcai_areas),
)
#: Sets added later and kept apart (`--sets fresh`): measured before any change made while they
#: were known, and never while tuning, so that their numbers stay ones nobody tuned for.
FRESH = (
    UnseenSet("aaai2022-area", "AAAI 2022 primary area", aaai2022),
    UnseenSet("iccv2019-session", "ICCV 2019 session", iccv2019),
)
GROUPS = {"unseen": SETS, "fresh": FRESH}


def write_listing(entries: list[Entry], path: Path) -> Path:
    """Write the entries as a plain JSON listing, without their labels; return its path."""
    urls = Counter(e.url for e in entries)
    if any(count > 1 for count in urls.values()):
        raise ValueError(f"{path.name}: two papers share a URL, so a label could not be looked up")
    rows = [{"title": e.title, "abstract": e.abstract, "url": e.url} for e in entries]
    path.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def labelled_sets(folder: Path, group: str = "unseen") -> list[LabelledSet]:
    """Write every set's listing of a group into `folder`; return them as labelled sets for the quality benchmark."""
    folder.mkdir(parents=True, exist_ok=True)
    result = []
    for unseen in GROUPS[group]:
        entries = unseen.read()
        path = write_listing(entries, folder / f"{unseen.name}.json")
        result.append(LabelledSet(unseen.name, str(path), label_by_url({e.url: e.label for e in entries}), unseen.what))
    return result


def label_by_url(labels: dict[str, str]) -> Callable[[Record], str]:
    """Return the label of a record, found by the first of its links that the set knows."""

    def label(record: Record) -> str:
        return next((labels[url] for url in record.urls if url in labels), "")

    return label


def summary(unseen: UnseenSet, entries: list[Entry]) -> str:
    """Describe a set: papers, classes, class sizes, and a digest of its URLs to check a rebuild."""
    sizes = Counter(e.label for e in entries)
    digest = hashlib.sha256("\n".join(e.url for e in entries).encode()).hexdigest()[:16]
    lines = [f"{unseen.name} ({unseen.what}): {len(entries)} papers, {len(sizes)} classes, urls sha256 {digest}"]
    lines += [f"  {count:4d}  {label}" for label, count in sizes.most_common()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write each set's listing (and labels) into this folder")
    parser.add_argument("--sets", choices=sorted(GROUPS), default="unseen", help="which group of sets")
    args = parser.parse_args(argv)
    for unseen in GROUPS[args.sets]:
        entries = unseen.read()
        print(summary(unseen, entries), flush=True)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            write_listing(entries, args.out / f"{unseen.name}.json")
            labels = {e.url: e.label for e in entries}
            (args.out / f"{unseen.name}.labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    return 0
