"""The cache of compiled patterns: a pattern from it is the pattern `re.compile` gives, a damaged
or unwritable cache costs time and nothing else, and every process builds the same patterns."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from corpus import SEEDS

from accords import disk_cache

SEED = min(SEEDS.glob("*.txt"))


def _extract(cache: Path, out: Path, *, seed: str = "0") -> str:
    """`accords extract` of a seed in a fresh process whose cache folder is `cache`."""
    env = {**os.environ, disk_cache.CACHE_ENV: str(cache), "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "accords.cli", "extract", str(SEED), "--format", "jsonl",
                    "--out", str(out)], env=env, check=True, capture_output=True)
    return out.read_text(encoding="utf-8")


def _cache_file(cache: Path) -> Path:
    (file,) = cache.glob("accords-*.bin")
    return file


def test_cached_programs_are_what_re_compiles(tmp_path: Path) -> None:
    _extract(tmp_path / "cache", tmp_path / "a.jsonl")
    stored = disk_cache._read(_cache_file(tmp_path / "cache"))
    assert len(stored.programs) > 100 and stored.texts
    text = SEED.read_text(encoding="utf-8")
    for (pattern, flags), program in stored.programs.items():
        cached, compiled = program.load(pattern), re.compile(pattern, flags)
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
            compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
        for target in (text, text.lower()):
            assert [m.regs for m in cached.finditer(target)] == [m.regs for m in compiled.finditer(target)]


def test_a_warm_cache_reads_the_same_records(tmp_path: Path) -> None:
    cold = _extract(tmp_path / "cache", tmp_path / "cold.jsonl")
    assert _extract(tmp_path / "cache", tmp_path / "warm.jsonl") == cold


def test_a_damaged_cache_is_compiled_again_and_rewritten(tmp_path: Path) -> None:
    cold = _extract(tmp_path / "cache", tmp_path / "cold.jsonl")
    file = _cache_file(tmp_path / "cache")
    data = bytearray(file.read_bytes())
    data[-100:] = bytes(100)  # code words the digest no longer matches
    file.write_bytes(bytes(data))
    assert _extract(tmp_path / "cache", tmp_path / "again.jsonl") == cold
    assert disk_cache._read(file).programs  # whole again

    file.write_bytes(b"\x00\xff not a cache")
    assert _extract(tmp_path / "cache", tmp_path / "garbage.jsonl") == cold


def test_a_cache_folder_that_cannot_be_written_costs_only_time(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    cold = _extract(tmp_path / "cache", tmp_path / "cold.jsonl")
    assert _extract(blocker, tmp_path / "blocked.jsonl") == cold
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_every_process_builds_the_same_patterns(tmp_path: Path) -> None:
    """String hashing differs between processes: a pattern built from a set in hash order would
    be a new pattern in each, and the cache would never be hit."""
    _extract(tmp_path / "one", tmp_path / "one.jsonl", seed="1")
    _extract(tmp_path / "two", tmp_path / "two.jsonl", seed="2")
    first, second = (json.loads(_cache_file(tmp_path / name).open("rb").readline()) for name in ("one", "two"))
    assert sorted(e[:2] for e in first["entries"]) == sorted(e[:2] for e in second["entries"])
    assert first["texts"].keys() == second["texts"].keys()


def test_only_this_installations_cache_is_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / f"{disk_cache._prefix()}0123456789abcdef.bin"
    stale.write_bytes(b"{}\n")
    _extract(cache, tmp_path / "a.jsonl")
    assert not stale.exists()
    assert _cache_file(cache).name.endswith(f"-{disk_cache._fingerprint()}.bin")


_COMPILED_ANEW = """
import sys
from accords import disk_cache
from accords.pipeline import process
for path in sys.argv[1:]:
    process(path)
print(disk_cache._content().added)
"""


def test_what_workers_compile_is_kept_for_the_next_run(tmp_path: Path) -> None:
    """Workers compile what their own documents need beyond the packs' samples; each adds it to
    the file as it ends, so a later process reading those documents compiles nothing."""
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    env = {**os.environ, disk_cache.CACHE_ENV: str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-m", "accords.cli", "extract", *seeds, "--jobs", "2", "--format", "jsonl",
                    "--out", str(tmp_path / "out.jsonl")], env=env, check=True, capture_output=True)
    again = subprocess.run([sys.executable, "-c", _COMPILED_ANEW, *seeds], env=env, check=True,
                           capture_output=True, text=True)
    assert again.stdout.strip() == "0"


def test_a_save_keeps_what_another_process_saved_meanwhile(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(disk_cache.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(disk_cache, "_cache", disk_cache._Cache())
    disk_cache.compile(r"first \d+")
    disk_cache.save()
    monkeypatch.setattr(disk_cache, "_cache", disk_cache._Cache())  # another process, which never read it
    disk_cache.compile(r"second \w+")
    disk_cache.save()
    assert {pattern for pattern, _ in disk_cache._read(_cache_file(tmp_path)).programs} == {r"first \d+", r"second \w+"}
