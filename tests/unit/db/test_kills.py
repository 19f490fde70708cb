"""SIGKILL at random moments of backup, restore, restore onto a damaged file, start-up recovery,
import, migration of the v1 file and the CSV and PDF exports: the data is always the old or the new,
reachable and sound, and nothing temporary stays behind (tests/bench/kills_safety.py kills many more)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _harness() -> ModuleType:
    path = Path(__file__).parents[2] / "kill_harness.py"
    spec = importlib.util.spec_from_file_location("hipdesk_tests_kill_harness", path)
    assert spec is not None and spec.loader is not None
    module = sys.modules.get(spec.name) or importlib.util.module_from_spec(spec)
    if spec.name not in sys.modules:
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module


HARNESS = _harness()


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory):
    return HARNESS.Harness(tmp_path_factory.mktemp("kills"), seed=12, sessions=300)


@pytest.mark.parametrize("scenario", HARNESS.SCENARIOS, ids=lambda s: s.name)
def test_a_kill_at_a_random_moment_leaves_the_old_data_or_the_new(harness, scenario) -> None:
    outcomes = [harness.kill_once(scenario) for _ in range(2)]
    problems = [f"after {o.delay_s:.2f} s: {p}" for o in outcomes for p in o.problems]
    assert not problems, problems
