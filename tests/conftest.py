"""Shared fixtures: where the seed documents, their gold and the scorer live (../shared)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest
from corpus import SHARED


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """The project's scorer, ../shared/eval/score.py, imported as it is."""
    spec = importlib.util.spec_from_file_location("accords_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
