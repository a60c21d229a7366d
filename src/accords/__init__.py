"""Accords: a register of who committed to what in diplomatic statements and visit reports.

The Python API is two names: `accords.read(path_or_text)` gives a document's record (see
`accords.pipeline.read`), and `accords.Register(path)` answers the command line's questions with
the same filters (see `accords.register`).
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Register", "__version__", "read"]

if TYPE_CHECKING:
    from accords.register import Register


class _ReadingStage(types.ModuleType):
    """The package `accords.read` (the pipeline's first stage), which is also callable as the API's
    `accords.read(...)`: Python gives a package's attribute to its subpackage of the same name, so
    the verb and the stage share one object."""

    def __call__(self, source: Any, **options: Any) -> Any:
        from accords.pipeline import read

        return read(source, **options)


# After __version__, which the stage's modules may import.
from accords import read

read.__class__ = _ReadingStage


def __getattr__(name: str) -> Any:
    if name == "Register":
        from accords.register import Register

        return Register
    raise AttributeError(f"module 'accords' has no attribute {name!r}")
