"""What every process would work out alike, kept on disk: compiled patterns, built pattern
texts and parsed data files, so that each is worked out once, not once per process.

Python's `re` parses and compiles a pattern in Python code. The packs' phrase lists and the
registries' name tries make some 1,500 patterns of 3.3 million characters, and compiling them
costs ~4 s of processor time: more than reading a hundred documents, paid again by every
`accords` command. What `re` hands the engine in the end (`_sre.compile`) is a program of
integers, which the engine checks and loads in microseconds. So the program of each pattern
compiled here is kept in a file in the user's cache folder and read back by the next process.
Rendering a trie of 60,000 names as a regex, and parsing the packs' and registries' TOML
(`tomllib` is pure Python too), cost a good part of a second more: `built` keeps such values in
the same file, found by a digest of what they are made from.

This relies on two internal steps of `re` (`re._parser.parse`, `re._compiler._code`), the same
that `re.compile` takes. They are stable within a Python version, and the file's name holds that
version and the engine's. Anything unexpected (another layout of `re`, a damaged or foreign file,
a folder that cannot be written) falls back to `re.compile`: the cache only ever saves time. The
file's name also holds a fingerprint of this installation of Accords, so that the patterns of an
older version of its packs are dropped rather than piling up.
"""

from __future__ import annotations

import _sre
import array
import atexit
import functools
import hashlib
import importlib
import json
import os
import re
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

_compiler: Any
_parser: Any
try:
    _compiler = importlib.import_module("re._compiler")
    _parser = importlib.import_module("re._parser")
except ImportError:  # a Python whose `re` is laid out otherwise: compile as usual
    _compiler = _parser = None

#: The environment variable naming the cache folder (else `$XDG_CACHE_HOME/accords`).
CACHE_ENV = "ACCORDS_CACHE"

#: The file that writers of the cache folder take turns on.
LOCK = ".lock"

#: The version of the file's layout, in its header.
FORMAT = 2

_CODE = "I"  # the engine's code words are 32-bit (`_sre.CODESIZE`)

#: Whether programs can be made and loaded here at all (else `compile` is `re.compile`).
_USABLE = _parser is not None and _compiler is not None and _sre.CODESIZE == array.array(_CODE).itemsize


@dataclass(frozen=True)
class Program:
    """What `_sre.compile` needs besides the pattern: the final flags, the number of groups,
    their names both ways, and the engine's code."""

    flags: int
    groups: int
    groupindex: dict[str, int]
    indexgroup: tuple[str | None, ...]
    code: array.array  # type: ignore[type-arg]

    def load(self, pattern: str) -> re.Pattern[str]:
        """The compiled pattern (the engine checks the code and raises on a damaged one)."""
        return _sre.compile(  # type: ignore[no-any-return]
            pattern, self.flags, self.code.tolist(), self.groups, self.groupindex, self.indexgroup
        )


_Key = tuple[str, int]


@dataclass
class _Cache:
    """The programs and built texts of the cache file, and those this process added."""

    programs: dict[_Key, Program] = field(default_factory=dict)
    texts: dict[str, Any] = field(default_factory=dict)
    added: int = 0


#: The cache file's content, read when first asked.
_cache: _Cache | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache where this pattern was compiled before.

    Whatever goes wrong on the way (an internal step of `re` changed, a damaged entry that the
    engine refuses) ends in `re.compile` itself, which also raises for a pattern in error."""
    flags = int(flags)
    if not _USABLE:
        return re.compile(pattern, flags)
    cache = _content()
    try:
        program = cache.programs.get((pattern, flags))
        if program is None:
            program = _program(pattern, flags)
            cache.programs[(pattern, flags)] = program
            _changed(cache)
        return program.load(pattern)
    except Exception:  # noqa: BLE001 - see above
        cache.programs.pop((pattern, flags), None)
        return re.compile(pattern, flags)


def _program(pattern: str, flags: int) -> Program:
    """What `re._compiler.compile` works out before it calls the engine."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    state = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return Program(flags | state.flags, state.groups - 1, dict(state.groupdict), tuple(indexgroup),
                   array.array(_CODE, code))


def folder() -> Path:
    """Where the cache file lives."""
    if named := os.environ.get(CACHE_ENV):
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "accords"


@functools.cache
def _fingerprint() -> str:
    """This installation of Accords: its version, and the size and time of each of its files
    (code and packs alike), so that any change to them starts a new cache."""
    from accords import __version__

    digest = hashlib.sha256(__version__.encode())
    root = Path(__file__).parent
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            info = os.stat(os.path.join(dirpath, name))
            digest.update(f"{os.path.relpath(os.path.join(dirpath, name), root)}:{info.st_size}:{info.st_mtime_ns}\n"
                          .encode())
    return digest.hexdigest()[:16]


def _prefix() -> str:
    return f"accords-py{sys.version_info[0]}{sys.version_info[1]}-{_sre.MAGIC}-{sys.byteorder}-"


def path() -> Path:
    """The cache file of this Python and this installation."""
    return folder() / f"{_prefix()}{_fingerprint()}.bin"


T = TypeVar("T")


def built(parts: Iterable[str], build: Callable[[], T]) -> T:
    """What `build()` returns (a value JSON keeps as it is), remembered under a digest of
    `parts`: everything the value is made from, the function that makes it included."""
    key = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    cache = _content()
    if key not in cache.texts:
        cache.texts[key] = build()
        _changed(cache)
    return cache.texts[key]  # type: ignore[no-any-return]


def toml(raw: bytes) -> dict[str, Any]:
    """A TOML file's content, parsed (JSON, which the cache is read with, parses in C)."""
    text = raw.decode("utf-8")
    return built(["toml", text], lambda: tomllib.loads(text))


def _changed(cache: _Cache) -> None:
    if not cache.added:
        atexit.register(save)
    cache.added += 1


def _content() -> _Cache:
    global _cache
    if _cache is None:
        _cache = _stored(path()) or _Cache()
    return _cache


def _stored(file: Path) -> _Cache | None:
    """The content of a cache file, or None when there is none or it is damaged."""
    try:
        return _read(file)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _read(file: Path) -> _Cache:
    """The content of a cache file: a line of JSON (the entries, the built texts and a digest
    of the code), then every entry's code, one after another."""
    with open(file, "rb") as handle:
        header: dict[str, Any] = json.loads(handle.readline())
        body = handle.read()
    if header.get("format") != FORMAT or hashlib.sha256(body).hexdigest() != header["digest"]:
        raise ValueError(f"{file}: not a cache file of this version")
    code = array.array(_CODE)
    code.frombytes(body)
    programs = {}
    for pattern, flags, final, groups, groupindex, indexgroup, start, length in header["entries"]:
        programs[(pattern, flags)] = Program(final, groups, groupindex, tuple(indexgroup),
                                             code[start : start + length])
    return _Cache(programs, header["texts"])


def save() -> None:
    """Write what this process knows to the cache file, if it added anything, together with
    what other processes wrote there since it was read: the workers of one run each compile
    what their own documents need, and each adds it. The file is rewritten under a lock (two
    workers ending together would otherwise keep only the last one's additions), to a
    temporary name and renamed, so that a process reading it meanwhile sees the old file or
    the new one; the files of other installations are removed."""
    cache = _content()
    if not cache.added:
        return
    target = path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _locked(target.parent / LOCK):
            _merge(cache, target)
            _write(cache, target)
        for old in target.parent.glob(f"{_prefix()}*.bin"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only or full disk: the next process compiles again
        return
    cache.added = 0


@contextmanager
def _locked(lock: Path) -> Iterator[None]:
    """Hold `lock` exclusively (where the system has `flock`; elsewhere the last writer wins)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _merge(cache: _Cache, target: Path) -> None:
    """Add to `cache` what the file holds that it does not (a damaged file adds nothing)."""
    if (written := _stored(target)) is None:
        return
    for key, program in written.programs.items():
        cache.programs.setdefault(key, program)
    for digest, text in written.texts.items():
        cache.texts.setdefault(digest, text)


def _write(cache: _Cache, target: Path) -> None:
    entries = []
    code = array.array(_CODE)
    for (pattern, flags), program in cache.programs.items():
        entries.append([pattern, flags, program.flags, program.groups, program.groupindex,
                        list(program.indexgroup), len(code), len(program.code)])
        code.extend(program.code)
    body = code.tobytes()
    header = json.dumps({"format": FORMAT, "digest": hashlib.sha256(body).hexdigest(), "entries": entries,
                         "texts": cache.texts})
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with open(fd, "wb") as handle:
            handle.write(header.encode() + b"\n")
            handle.write(body)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
