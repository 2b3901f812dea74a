"""Run one parser's property (``fuzz/properties.py``) for a given number of minutes, outside CI.

Hypothesis is driven in rounds of fresh random examples until the time is up. A failing example is shrunk,
written to the log with its traceback, and the run goes on, so one bug does not hide the next. At the end
one JSON line gives the figures: examples tried, failures, distinct failures (by exception and location).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from fuzz import properties

# Parser → (its property, the strategy of its arguments).
TARGETS: dict[str, tuple[Callable[..., None], st.SearchStrategy[Any]]] = {
    "clean": (properties.check_clean, st.tuples(properties.any_text)),
    "quantities": (properties.check_quantities, st.tuples(properties.any_text)),
    "dates": (properties.check_dates, st.tuples(properties.any_text, properties.published)),
    "claims": (properties.check_claims, st.tuples(properties.any_text, properties.published)),
    "ingest": (properties.check_ingest, st.tuples(properties.ingest_bytes)),
}
ROUND_EXAMPLES = 200  # examples per Hypothesis run; small enough to check the clock often


def run(target: str, minutes: float, log_path: Path) -> dict[str, Any]:
    check, arguments = TARGETS[target]
    examples = 0
    failures: dict[str, int] = {}

    @settings(
        max_examples=ROUND_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(arguments)
    def one_round(args: tuple[Any, ...]) -> None:
        nonlocal examples
        examples += 1
        check(*args)

    deadline = time.monotonic() + minutes * 60
    rounds = 0
    with log_path.open("w", encoding="utf-8") as log:
        while time.monotonic() < deadline:
            rounds += 1
            try:
                one_round()
            except Exception as error:  # a found bug: record it and keep fuzzing
                frame = traceback.extract_tb(error.__traceback__)[-1]
                key = f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno}"
                failures[key] = failures.get(key, 0) + 1
                log.write(f"=== {key}\n{''.join(traceback.format_exception(error))}\n")
                log.flush()
    return {
        "target": target,
        "minutes": minutes,
        "rounds": rounds,
        "examples": examples,  # shrinking steps included: each is one more input the parser saw
        "failures": sum(failures.values()),
        "distinct_failures": failures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--log", type=Path, default=None, help="failure log (default fuzz-TARGET.log)")
    options = parser.parse_args()
    log_path = options.log or Path(f"fuzz-{options.target}.log")
    print(json.dumps(run(options.target, options.minutes, log_path)))


if __name__ == "__main__":
    main()
