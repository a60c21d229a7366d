import os
import time
from pathlib import Path

import pytest

from accords.errors import ReadError
from accords.read import expand, read_source, walk


def test_folder_is_expanded_recursively(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "two.html").write_text("x")
    (tmp_path / "skip.png").write_bytes(b"x")
    found = [Path(p).name for p in expand([str(tmp_path)])]
    assert found == ["one.txt", "two.html"]


def test_missing_path_is_passed_through_and_refused(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert list(expand([missing])) == [missing]
    with pytest.raises(ReadError, match="no such file"):
        read_source(missing)


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(ReadError, match="big.txt: file too large"):
        read_source(str(path), max_bytes=100)


def test_a_walk_skips_hidden_folders_other_types_and_links_to_folders(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text("x")
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    (tmp_path / ".notes.txt").write_text("x")
    (tmp_path / "README").write_text("x")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "elsewhere").symlink_to(tmp_path / "docs", target_is_directory=True)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    found = walk([str(tmp_path)])
    assert [Path(p).name for p in found.files] == ["one.txt", "gone.txt"]
    reasons = {Path(p).name: reason for p, reason in found.skipped}
    assert reasons == {
        ".git": "hidden",
        ".notes.txt": "hidden",
        "README": "not a supported type (no extension)",
        "photo.png": "not a supported type (.png)",
        "elsewhere": "a link to a folder, not followed",
    }
    with pytest.raises(ReadError, match="gone.txt: broken link"):
        read_source(str(tmp_path / "gone.txt"))


def test_a_folder_with_nothing_to_read_is_passed_on_to_say_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert walk([str(tmp_path / "empty")]).files == [str(tmp_path / "empty")]
    with pytest.raises(ReadError, match="empty: a folder with no documents to read"):
        read_source(str(tmp_path / "empty"))


def test_devices_and_named_pipes_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(ReadError, match="pipe.txt: not a regular file \\(a named pipe\\)"):
        read_source(str(fifo))
    with pytest.raises(ReadError, match="/dev/zero: not a regular file \\(a character device\\)"):
        read_source("/dev/zero")
    assert time.monotonic() - started < 5

