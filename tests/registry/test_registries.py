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
