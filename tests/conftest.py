"""Fixtures shared across test modules: the demo corpus brief is built once per test session."""

from __future__ import annotations

import pytest

from eval.common import demo_brief as build_demo_brief
from eval.common import load_gold
from storyline.records import Brief


@pytest.fixture(scope="session")
def demo_brief() -> Brief:
    return build_demo_brief()


@pytest.fixture(scope="session")
def demo_gold() -> list[dict[str, object]]:
    gold = load_gold()
    if not gold:
        pytest.skip("no demo corpus gold in tests/data/gold")
    return gold
