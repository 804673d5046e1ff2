"""Run a command and measure it: wall time, peak memory of one process or of its whole tree, the machine."""

from __future__ import annotations

import contextlib
import os
import platform
import re
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, int, str]:
    """Run a command under /usr/bin/time -v; return (wall seconds, peak RSS in MB, stdout)."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return elapsed, peak_rss_mb(done.stderr), done.stdout


def peak_rss_mb(time_report: str) -> int:
    """Return the peak RSS in MB that `/usr/bin/time -v` reported (0 if it reported none)."""
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_report)
    return int(rss.group(1)) // 1024 if rss else 0


def own_memory_mb() -> tuple[int, int]:
    """Return this process's resident memory now and at its peak so far, in MB (Linux; 0, 0 elsewhere)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0, 0
    now, peak = (re.search(rf"{key}:\s+(\d+) kB", status) for key in ("VmRSS", "VmHWM"))
    return (int(now.group(1)) // 1024 if now else 0), (int(peak.group(1)) // 1024 if peak else 0)


def _tree_pss_kb(root: int) -> int:
    """Return the proportional set size of a process and all its descendants, in KiB (Linux)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack += children.get(pid, [])
        with contextlib.suppress(OSError, AttributeError):
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
    return total


def peak_tree_memory(command: list[str], cwd: Path | None = None) -> tuple[float, int, str]:
    """Run a command; return (wall seconds, peak MB of it and its child processes together, output).

    `/usr/bin/time -v` reports the largest single process; the generator forks workers that share
    most of their memory with it, so the honest total is the sum of proportional set sizes (each
    shared page counted once), sampled four times a second.
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_pss_kb(process.pid))
            time.sleep(0.25)
        elapsed = time.perf_counter() - started
        out.seek(0)
        output = out.read().decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{output[-4000:]}")
    return elapsed, peak // 1024, output


def machine() -> dict[str, Any]:
    """Return what the numbers were measured on, and how busy it was when the run started."""
    cpu = ""
    with contextlib.suppress(OSError):
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**30
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "python": platform.python_version(),
        "load_at_start": [round(load, 2) for load in os.getloadavg()],
    }
