import pytest

from accords import lang
from accords.dates import find_dates


@pytest.mark.parametrize(
    ("code", "text", "start", "end"),
    [
        ("en", "paid a state visit from 10 to 13 August 2025", "2025-08-10", "2025-08-13"),
        ("en", "an official visit from January 15 to 16, 2026", "2026-01-15", "2026-01-16"),
        ("nb", "et statsbesøk fra 10. til 13. august 2025", "2025-08-10", "2025-08-13"),
        ("de", "ein Staatsbesuch vom 5. bis 7. Mai 2025", "2025-05-05", "2025-05-07"),
        ("vi", "chuyến thăm từ ngày 10 đến 13/8/2025", "2025-08-10", "2025-08-13"),
    ],
)
def test_ranges(code: str, text: str, start: str, end: str) -> None:
    hit = find_dates(lang.load(code), text)[0]
    assert (hit.iso(), hit.iso_end()) == (start, end)


def test_a_range_without_a_year_takes_one_from_context() -> None:
    hit = find_dates(lang.load("nb"), "fra 8. til 11. mai")[0]
    assert hit.year is None
    assert (hit.iso(2025), hit.iso_end(2025)) == ("2025-05-08", "2025-05-11")
