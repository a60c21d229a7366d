import pytest

from accords.clean import clean
from accords.segment import is_all_caps, is_heading, item_number, segment, sentence_spans


@pytest.mark.parametrize(
    "line",
    [
        "STRENGTHENING POLITICAL TRUST AND DEFENCE COOPERATION",
        "STYRKE POLITISK TILLIT OG FREMME SAMARBEID INNEN NASJONALT forsvar OG SIKKERHET",
        "II. Expanding cooperation in defence, security and justice",
        "IV. Vertiefung der Zusammenarbeit in Bildung und Kultur",
        "Agriculture",
        "Kultur og sport",
        "Resultate von dreißig Jahren Zusammenarbeit zwischen beiden Ländern",
    ],
)
def test_heading_lines(line: str) -> None:
    assert is_heading(line, set())


@pytest.mark.parametrize(
    "line",
    [
        "1. The two sides agreed to raise bilateral trade to USD 20 billion by 2030.",
        "The two sides agreed to strengthen cooperation in agriculture and fisheries.",
        "Vietnam News Agency presents the full text of the joint statement:",
        "– Political dialogue at the highest level takes place regularly,",
    ],
)
def test_body_lines_are_not_headings(line: str) -> None:
    assert not is_heading(line, set())


def test_all_caps_tolerates_a_lower_case_word() -> None:
    assert is_all_caps("COOPERATION IN TRADE, INVESTMENT AND ENERGY FOR A NEW era")
    assert not is_all_caps("Cooperation in trade and investment")


@pytest.mark.parametrize(("line", "number"), [("12. Both sides", 12), ("3) Beide Seiten", 3), ("(7) Hai bên", 7), ("2025 was", None)])
def test_item_numbers(line: str, number: int | None) -> None:
    assert item_number(line) == number


STATEMENT = """JOINT STATEMENT ON THE STRATEGIC PARTNERSHIP

At the invitation of the President, the Prime Minister paid an official visit from 3 to 5 March 2025.
POLITICAL COOPERATION
1. The two sides agreed to hold annual consultations between their foreign ministries.
The consultations will alternate between the two capitals.
2. The two sides reaffirmed their commitment to the Charter of the United Nations.
ECONOMY
3. The two sides agreed to raise bilateral trade to USD 10 billion by 2030.
The leaders thanked each other for the warm hospitality extended during the visit.
"""


def test_numbered_items_take_their_continuations_and_sections() -> None:
    doc = segment(STATEMENT, clean(STATEMENT))
    numbers = [p.number for p in doc.provisions]
    assert numbers == [None, "1", "2", "3", None]
    first = doc.provisions[1]
    assert first.section == "POLITICAL COOPERATION"
    assert "alternate between the two capitals" in first.text
    assert doc.provisions[3].section == "ECONOMY"
    assert STATEMENT[first.span[0] : first.span[1]].startswith("1. The two sides")
    assert STATEMENT[first.span[0] : first.span[1]].endswith("two capitals.")
    assert doc.doc_type == "joint_statement"
    assert doc.languages == ["en"]


def test_sentences_are_document_spans() -> None:
    text = "The sides agreed. They will meet in 2026, e.g. in Hanoi. Done"
    spans = sentence_spans(text, 100)
    assert [text[s - 100 : e - 100] for s, e in spans] == ["The sides agreed.", "They will meet in 2026, e.g. in Hanoi.", "Done"]


def test_wrapped_lines_are_joined_into_paragraphs() -> None:
    text = (
        "1. The two sides agreed to expand\ncooperation in renewable energy\nand power grids.\n\n"
        "2. The two sides agreed to open\na direct air route between\nthe two capitals.\n\n"
        "3. The two sides will review\nprogress every year at the\nJoint Commission.\n"
    )
    doc = segment(text, clean(text))
    assert [p.number for p in doc.provisions] == ["1", "2", "3"]
    assert "renewable energy" in doc.provisions[0].text and "power grids" in doc.provisions[0].text
