"""Caches that last one document: what its extractors ask of the same text more than once.

The extractors of a provision ask the same questions of the same text (its amounts, the names
of a gazetteer in it, which of a pack's cues it holds): each answer is worked out once and kept
until the next document begins, so that a cache never grows past one document and a batch of
copies of one text costs as much as the same number of different texts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

#: Enough for the texts and windows of one long document; a cache is also cleared per document.
MAXSIZE = 2048

_clears: list[Callable[[], None]] = []


def per_document(function: Callable[P, R]) -> Callable[P, R]:
    """`function` (pure, with hashable arguments) remembered until `new_document()`."""
    cached = lru_cache(maxsize=MAXSIZE)(function)
    _clears.append(cached.cache_clear)
    return cached  # type: ignore[return-value]


def new_document() -> None:
    """Forget every answer of the document before."""
    for clear in _clears:
        clear()
