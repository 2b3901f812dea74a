"""Start-up time of the ``storyline`` command: ``--help``, ``--version`` and a usage error, each in a fresh
interpreter, as ratios against a bare interpreter (``python -c pass``) and one that imports typer, timed
alongside in the same loop.

A command's answer time is dominated by imports, so each case is a new subprocess; the best of ``--runs``
is reported (the minimum is the least disturbed by other work on a shared machine). Nothing here asserts:
the figures are printed for the README and issue #18 (the goal: ``--help`` under a second).

    python benchmarks/cli_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BASELINES = {
    "python -c pass": ["-c", "pass"],
    "python -c 'import typer'": ["-c", "import typer"],
}
COMMANDS = {
    "storyline --help": ["-m", "storyline", "--help"],
    "storyline --version": ["-m", "storyline", "--version"],
    "storyline analyze --no-such-option": ["-m", "storyline", "analyze", "--no-such-option", "x"],
    "storyline stories --db <missing>": ["-m", "storyline", "stories", "--db", "/nonexistent/typo.db"],
}


def seconds_to_run(arguments: list[str]) -> float:
    """Wall seconds of one fresh interpreter running ``arguments``, this checkout's sources first."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    started = time.perf_counter()
    subprocess.run([sys.executable, *arguments], capture_output=True, check=False, env=environment)
    return time.perf_counter() - started


def best_times(cases: dict[str, list[str]], runs: int) -> dict[str, float]:
    """The best of ``runs`` for each case, the cases interleaved so that a burst of load hits all alike."""
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(runs):
        for name, arguments in cases.items():
            best[name] = min(best[name], seconds_to_run(arguments))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each case; the best is reported")
    runs = parser.parse_args().runs
    best = best_times({**BASELINES, **COMMANDS}, runs)
    bare, with_typer = (best[name] for name in BASELINES)
    print(f"best of {runs} runs, {os.cpu_count()} CPUs, {sys.executable}")
    print(f"{'case':40} {'seconds':>8} {'× bare':>8} {'× typer':>8}")
    for name, seconds in best.items():
        print(f"{name:40} {seconds:8.3f} {seconds / bare:8.1f} {seconds / with_typer:8.1f}")


if __name__ == "__main__":
    main()
