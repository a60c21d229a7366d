import codecs

import pytest

from accords.errors import ReadError
from accords.read.decode import decode

TEXT = "De to sidene ble enige om å styrke samarbeidet på kjernekraft og fornybar energi."


def test_utf8_is_read_as_is() -> None:
    assert decode(TEXT.encode("utf-8"), "a.txt") == TEXT


def test_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt") == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + TEXT.encode(encoding), "a.txt") == TEXT


def test_legacy_latin1_is_detected() -> None:
    text = "Die beiden Seiten vereinbarten, die Zusammenarbeit im Bereich erneuerbarer Energien zu stärken. " * 3
    assert decode(text.encode("latin-1"), "a.txt") == text


def test_mojibake_is_repaired() -> None:
    broken = "bÃ¦rekraftig utvikling og samarbeid pÃ¥ alle omrÃ¥der".encode()
    assert decode(broken, "a.txt") == "bærekraftig utvikling og samarbeid på alle områder"


def test_empty_file_is_refused() -> None:
    with pytest.raises(ReadError, match="a.txt: empty file"):
        decode(b"  \n\n ", "a.txt")


def test_binary_file_is_refused() -> None:
    with pytest.raises(ReadError, match="binary"):
        decode(bytes(range(256)) * 4, "a.bin")
