import pytest

from accords import lang
from accords.registry import countries, instruments, leaders, organizations
from accords.registry.data import load
from accords.taxonomy import DOMAINS


def test_registry_sizes() -> None:
    assert len(organizations()) >= 150
    assert len(instruments()) >= 100
    states = {row["country"] for row in load("leaders")["leader"]}
    assert len(states) >= 60


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Republikken Korea og Den russiske føderasjon", ["KR", "RU"]),
        ("Russlands president og Vietnams leder", ["RU", "VN"]),
        ("Südkorea und Kasachstan", ["KR", "KZ"]),
        ("Hàn Quốc và Liên bang Nga", ["KR", "RU"]),
        ("Nord-Korea og Koreas arbeiderparti", ["KP"]),
        ("a price in US-Dollar", []),
    ],
)
def test_states_by_any_name(text: str, codes: list[str]) -> None:
    assert countries().codes(text) == codes


def test_leaders_by_spelling_in_another_script_or_language() -> None:
    found = leaders().find("Tổng Bí thư Tô Lâm và Tổng thống Vladimir Vladimirovich Putin")
    assert [(leader.name, leader.country) for _, leader in found] == [("To Lam", "VN"), ("Vladimir Putin", "RU")]


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_every_pack_has_every_domain_and_level(code: str) -> None:
    pack = lang.load(code)
    assert set(DOMAINS) <= set(pack.keys("domains"))
    for level in ("commit", "support", "explore", "position"):
        assert pack.strings("modality", level), level


@pytest.mark.parametrize(
    ("code", "text", "state"),
    [
        ("en", "The Ivorian side welcomed the proposal.", "CI"),
        ("en", "The Congolese side thanked the hosts for the talks.", "CD"),
        ("en", "In Brazzaville the Congolese side met ministers of the Republic of the Congo.", "CG"),
        ("nb", "Den tsjadiske siden takket for invitasjonen.", "TD"),
        ("de", "Die mosambikische Seite begrüßte den Vorschlag.", "MZ"),
        ("de", "Beide Minister würdigten die Rolle der uruguayischen Seite.", "UY"),
        ("fr", "La partie malienne a salué l'initiative.", "ML"),
        ("es", "La parte guatemalteca expresó su satisfacción.", "GT"),
        ("ru", "Уругвайская сторона приветствовала предложение.", "UY"),
        ("ru", "Договорённость с кипрской стороной была подтверждена.", "CY"),
        ("vi", "Phía Bờ Biển Ngà hoan nghênh đề xuất này.", "CI"),
    ],
)
def test_side_named_by_adjective_is_its_state(code: str, text: str, state: str) -> None:
    side = lang.load(code).phrase_regex("actors", "side").search(text)
    assert side is not None
    inside = {m.iso for m in countries().mentions(text, demonyms=True) if side.start() <= m.start and m.end <= side.end()}
    assert inside == {state}


def test_every_state_has_adjectives_in_every_language() -> None:
    entries = {iso: entry for iso, entry in load("countries").items() if not iso.startswith("_")}
    assert len(entries) >= 197
    for iso, entry in entries.items():
        demonyms = entry.get("demonyms", {})
        assert all(demonyms.get(code) for code in ("en", "nb", "de", "vi", "fr", "ru", "es")), iso
