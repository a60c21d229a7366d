"""The highlighted document: spans cut into pieces that never cross, and search words marked."""

from __future__ import annotations

from accords.model import Evidence, Provision
from accords.store.query.documents import ProvisionView
from accords.web.highlight import category, document_blocks, matched_pieces

TEXT = "TITLE\n\n1. The two sides agreed to raise trade to USD 5 billion by 2030.\n\nSource: x"


def _view(pid: int, start: int, end: int, evidence: list[Evidence]) -> ProvisionView:
    provision = Provision(span=(start, end), text=TEXT[start:end], evidence=evidence)
    return ProvisionView(id=pid, provision=provision, status=None)


def _ev(field: str, value: str, start: int, end: int) -> Evidence:
    return Evidence(field=field, value=value, span=(start, end), cue=TEXT[start:end])


def test_every_character_is_shown_once_in_order() -> None:
    start = TEXT.index("1.")
    end = TEXT.index("2030.") + 5
    blocks = document_blocks(TEXT, [_view(1, start, end, [])])
    assert "".join(piece.text for block in blocks for piece in block.pieces) == TEXT
    assert [b.provision.id if b.provision else None for b in blocks] == [None, 1, None]


def test_nested_and_overlapping_spans_become_pieces_with_every_value() -> None:
    start = TEXT.index("1.")
    end = TEXT.index("2030.") + 5
    agreed = TEXT.index("The two sides agreed")
    sides = TEXT.index("The two sides")
    target = TEXT.index("USD 5 billion by 2030")
    evidence = [
        _ev("modality", "commit", agreed, agreed + len("The two sides agreed to")),
        _ev("actors", "JP,VN", sides, sides + len("The two sides")),
        _ev("targets", "5000000000 USD", target, target + len("USD 5 billion by 2030")),
        _ev("domains", "trade", TEXT.index("trade to USD"), target + 5),
    ]
    block = document_blocks(TEXT, [_view(7, start, end, evidence)])[1]
    assert "".join(p.text for p in block.pieces) == TEXT[start:end]
    by_text = {p.text: p for p in block.pieces}
    inner = by_text["The two sides"]
    assert inner.category == "actors" and "modality: commit" in inner.tip and "actors: JP,VN" in inner.tip
    assert by_text[" agreed to"].category == "modality"
    overlap = by_text["USD 5"]
    assert {m.field for m in overlap.marks} == {"targets", "domains"}
    assert by_text[" billion by 2030"].category == "targets"


def test_spans_outside_the_text_are_clipped_and_provisions_do_not_repeat() -> None:
    size = len(TEXT)
    views = [_view(1, 7, 40, [_ev("modality", "commit", 30, size + 50)]), _view(2, 20, size + 10, [])]
    blocks = document_blocks(TEXT, views)
    assert "".join(p.text for b in blocks for p in b.pieces) == TEXT


def test_fields_map_to_legend_colours() -> None:
    assert category("instruments") == "treaties"
    assert category("organizations") == "organisations"
    assert category("event.start") == "dates"
    assert category("event.kind") == "event"
    assert category("relationship.level") == "relationship"


def test_search_words_are_marked_whole_and_without_accents() -> None:
    pieces = matched_pieces("Hợp tác năng lượng; hợp tác kinh tế, hopeful", "hop tac")
    assert [p for p, marked in pieces if marked] == ["Hợp", "tác", "hợp", "tác"]
    assert "".join(p for p, _ in pieces) == "Hợp tác năng lượng; hợp tác kinh tế, hopeful"


def test_prefix_terms_mark_the_whole_word_and_operators_are_ignored() -> None:
    pieces = matched_pieces("Investeringer og handel OR not", "investering* OR handel")
    assert [p for p, marked in pieces if marked] == ["Investeringer", "handel"]
