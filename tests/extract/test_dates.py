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


#: Dates of our own in every pack's forms, glued and spaced in the ways pages write them.
_DATED = {
    "en": "On May 5, 2024, from 3 to 5 June 2025 and 12-14 July; 2025-09-01, the 3rd of March 2026, Oct. 7-9",
    "nb": "Fra 10. til 13. august 2025, 5. mai 2024, mellom 3. og 4. juni, 2025-09-01 og 7.10.2024",
    "de": "vom 5. bis 7. Mai 2025, am 3. Juni, 12.–14. Juli 2024 und 2025-09-01",
    "vi": "từ ngày 10 đến 13/8/2025, sáng 5/6, ngày 3 tháng 4 năm 2024 và 2025-09-01",
    "fr": "du 3 au 5 juin 2025, le 1er mai 2024, entre le 3 et le 4 juillet, 12/10/2024",
    "es": "del 3 al 5 de junio de 2025, el 1 de mayo, entre el 3 y el 4 de julio, 12/10/2024",
    "ru": "с 3 по 5 июня 2025 года, Мьянмы27 июня 2025, 12.10.2024 и 2025-09-01",
}


@pytest.mark.parametrize("code", sorted(_DATED))
def test_patterns_tried_where_dates_begin_find_what_a_scan_finds(code: str) -> None:
    """A pattern opening with a day, year or month is tried only where one begins: it finds
    what a scan of every position finds."""
    from accords.dates import _finditer, _patterns, _starts

    found = _patterns(lang.load(code))
    text = _DATED[code] + " " + _DATED[code].upper()
    hits = 0
    for pattern in found.dates:
        scanned = [m.span() for m in pattern.regex.finditer(text)]
        assert [m.span() for m in _finditer(pattern, text, _starts(found, text))] == scanned, pattern.regex.pattern
        hits += len(scanned)
    assert hits >= 4  # the text holds dates of the pack's forms, so the comparison says something
    assert any(p.opening for p in found.dates)


def test_what_a_date_pattern_opens_with() -> None:
    from accords.dates import _opening

    assert _opening(r"(?<![\d.]){day}\.\s+{month}") == "digit"
    assert _opening(r"(?<![\d/.-]){year}-{month}-{day}") == "digit"
    assert _opening(r"{month}\s+{day}") == "month"
    assert _opening(r"from\s+{day}") is None
    assert _opening(r"{day}\.\s+{month}|from\s+{day}") is None  # a choice: its second may open otherwise
    assert _opening(r"{day}[|]\s+(?:a|b){month}") == "digit"
