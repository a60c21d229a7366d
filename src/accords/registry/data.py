"""Load the registry data files shipped in `registry/data/`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from accords import disk_cache


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML file `registry/data/<name>.toml`."""
    raw = resources.files("accords.registry").joinpath("data", f"{name}.toml").read_bytes()
    return disk_cache.toml(raw)
