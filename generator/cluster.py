"""Per-paper work on a Dask distributed cluster: the executor `--scheduler ADDRESS` chooses.

Imported only when a scheduler is given, so a local build needs neither dask nor distributed
(`requirements/distributed.txt` installs them). Each worker must have paper-atlas installed, the
same code as the caller: on connecting, every worker's digest of the generator's files (code,
gazetteer, tagger) is compared with the caller's, and a worker running other code stops the build,
since its papers could come out differently.

The items travel in batches of CHUNK: each batch is scattered to a worker, the work runs there,
and the results are gathered back in input order, so the pages are the same bytes as a local
build's. An exception the work raises on a worker reaches the caller as itself.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Papers per task: about a megabyte pickled, so a million papers make a couple of thousand tasks.
CHUNK = 500
#: Seconds to wait for the scheduler to answer.
CONNECT_TIMEOUT = 30
#: The generator's files that decide its output: its code and the data it ships (pyproject's package-data).
_CODE_FILES = ("**/*.py", "gazetteer/*.yaml", "tagger/*.crfsuite")

# One client per scheduler address, for the whole process (a build asks twice).
_clients: dict[str, Any] = {}


class SchedulerError(Exception):
    """The Dask scheduler given on the command line cannot be used: not installed, unreachable, no workers."""


def code_digest() -> str:
    """Return a digest of the generator's files (names and contents), the same wherever it is installed."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for file in sorted({p for pattern in _CODE_FILES for p in package.glob(pattern) if p.is_file()}):
        digest.update(f"{file.relative_to(package).as_posix()}\0".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _each(work: Callable[[T], R], batch: Sequence[T]) -> list[R]:
    """Return `work` of each item of a batch (on a worker)."""
    return [work(item) for item in batch]


class DaskExecutor:
    """Per-paper work on the workers of one Dask scheduler."""

    def __init__(self, client: Any) -> None:
        self.client = client

    @classmethod
    def connect(cls, address: str) -> DaskExecutor:
        """Return the executor of the scheduler at `address`, checked: reachable, with workers running our code."""
        client = _clients.get(address)
        if client is None or client.status != "running":
            client = _client(address)
            _clients[address] = client
        return cls(client)

    def map(self, work: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return self.map_batches(functools.partial(_each, work), items, CHUNK)

    def map_batches(self, work: Callable[[Sequence[T]], Sequence[R]], items: Sequence[T], size: int) -> list[R]:
        batches = [items[start : start + size] for start in range(0, len(items), size)]
        if not batches:
            return []
        # Scattered, not put in the task graph: the scheduler passes futures, the data goes to workers.
        data = self.client.scatter(batches, hash=False)
        results = self.client.gather(self.client.map(work, data, pure=False))
        return [result for part in results for result in part]


def _client(address: str) -> Any:
    """Return a client of the scheduler at `address`, once its workers are known to run this code."""
    try:
        import distributed
    except ImportError:
        raise SchedulerError(
            "--scheduler needs Dask's distributed scheduler: pip install -r requirements/distributed.txt"
        ) from None
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except OSError as error:  # refused, unreachable, timed out
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    digests = client.run(code_digest)
    ours = code_digest()
    if not digests:
        client.close()
        raise SchedulerError(f"the Dask scheduler at {address} has no workers; start some with dask worker {address}")
    others = sorted(worker for worker, digest in digests.items() if digest != ours)
    if others:
        client.close()
        raise SchedulerError(
            f"Dask workers {', '.join(others)} run other paper-atlas code than this one ({ours}); "
            "install the same version on every worker"
        )
    return client


def close_clients() -> None:
    """Close every client this process opened."""
    while _clients:
        _clients.popitem()[1].close()
