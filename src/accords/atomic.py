"""Files written whole or not at all.

An output is written to a temporary file beside it and renamed over it once complete, so a
failure half-way (a full disk, Ctrl-C, a crash) leaves the previous file as it was, and an
output is never opened for writing before the inputs are read.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO


@contextmanager
def atomic_text(path: str) -> Iterator[IO[str]]:
    """A UTF-8 text handle whose content replaces `path` when the block ends without error.

    What is not a regular file (/dev/null, a named pipe) is written to directly: there is
    nothing to keep whole, and renaming over a device would replace it.
    """
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(path, "w", encoding="utf-8") as handle:
            yield handle
        return
    target = os.path.realpath(path)  # a link keeps pointing where it did
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=f".{os.path.basename(target)}.",
                                     suffix=".part")
    try:
        os.fchmod(fd, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
        with open(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def same_file(a: os.stat_result, b: os.stat_result) -> bool:
    """Whether two stat results are one file (hard links and symbolic links included)."""
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
