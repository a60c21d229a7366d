from pathlib import Path

import pytest

from accords.errors import ReadError
from accords.read import expand, read_source


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
