import pytest

from accords import lang
from accords.extract.targets import targets_of


@pytest.mark.parametrize(
    ("code", "text", "amount", "unit", "year"),
    [
        ("en", "The two sides agreed to raise bilateral trade to USD 150 billion by 2030.", 150e9, "USD", 2030),
        ("en", "Japan pledged JPY 300 billion in loans through fiscal 2028.", 300e9, "JPY", 2028),
        ("nb", "De ble enige om en handelsomsetning på 150 milliarder USD innen 2030.", 150e9, "USD", 2030),
        ("de", "Das Handelsziel von 150 Milliarden US-Dollar bis 2030 wurde bekräftigt.", 150e9, "USD", 2030),
        ("vi", "Hai bên phấn đấu đưa kim ngạch thương mại lên 150 tỷ USD vào năm 2030.", 150e9, "USD", 2030),
        ("en", "India will offer 50 scholarships a year to Indonesian students.", 50, "scholarships", None),
    ],
)
def test_amount_unit_and_deadline(code: str, text: str, amount: float, unit: str, year: int | None) -> None:
    targets, _ = targets_of(lang.load(code), text, 0, [])
    assert [(t.amount, t.unit, t.year) for t in targets] == [(amount, unit, year)]


def test_history_is_not_a_target() -> None:
    targets, _ = targets_of(lang.load("en"), "Trade reached USD 80 billion in 2024.", 0, [])
    assert targets == []


def test_each_named_fund_gets_its_own_target() -> None:
    text = "Both sides will implement the EDCF and the EDPF arrangements, each worth USD 2 billion until 2030."
    named = [(text.index("EDCF"), "EDCF"), (text.index("EDPF"), "EDPF")]
    targets, _ = targets_of(lang.load("en"), text, 0, named)
    assert [(t.metric, t.amount) for t in targets] == [("EDCF", 2e9), ("EDPF", 2e9)]
