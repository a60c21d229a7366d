"""Which amounts are aimed at: goal words, raising verbs, verbs of giving, history, conversions."""

import pytest

from accords import lang
from accords.extract.targets import amounts, settle, targets_of
from accords.model import Provision, Target


def _read(code: str, text: str) -> list[tuple[float, str, int | None]]:
    targets, _ = targets_of(lang.load(code), text, 0, [])
    return [(t.amount, t.unit, t.year) for t in targets]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "The leaders set a goal of two-way trade worth USD 4 billion.", (4e9, "USD", None)),
        ("nb", "Landene har som mål en samlet handel på 2 milliarder dollar.", (2e9, "USD", None)),
        ("de", "Ziel ist ein Handelsvolumen von 3 Milliarden Euro.", (3e9, "EUR", None)),
        ("vi", "Hai nước hướng tới mốc trao đổi hàng hóa 2 tỷ USD.", (2e9, "USD", None)),
        ("fr", "Les deux pays se fixent l'objectif de 4 milliards d'euros d'échanges.", (4e9, "EUR", None)),
        ("es", "Ambos gobiernos fijaron la meta de un comercio de 900 millones de dólares.", (9e8, "USD", None)),
        ("ru", "Стороны поставили цель выйти на товарооборот в 3 млрд долларов.", (3e9, "USD", None)),
    ],
)
def test_a_goal_word_makes_an_amount_a_target_without_deadline(
    code: str, text: str, expected: tuple[float, str, None]
) -> None:
    assert _read(code, text) == [expected]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "Both governments will work to increase bilateral trade to USD 6 billion.", (6e9, "USD", None)),
        ("nb", "Regjeringene vil arbeide for å øke handelen til 4 milliarder kroner.", (4e9, "NOK", None)),
        ("de", "Beide Seiten wollen den Handel auf 8 Milliarden Euro steigern.", (8e9, "EUR", None)),
        ("vi", "Hai nước nhất trí nâng kim ngạch thương mại lên 3 tỷ USD.", (3e9, "USD", None)),
        ("fr", "Les ministres veulent porter les échanges à 2 milliards d'euros.", (2e9, "EUR", None)),
        ("es", "Los ministros quieren elevar el comercio a 700 millones de dólares.", (7e8, "USD", None)),
        ("ru", "Министры намерены довести товарооборот до 5 млрд долларов.", (5e9, "USD", None)),
    ],
)
def test_a_raising_verb_with_the_level_reached(code: str, text: str, expected: tuple[float, str, None]) -> None:
    assert _read(code, text) == [expected]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("de", "Sie vereinbarten, den Warenaustausch bis 2028 auf 9 Milliarden Euro zu erhöhen.", (9e9, "EUR", 2028)),
        ("en", "They agreed by 2031 to lift two-way trade to USD 9 billion.", (9e9, "USD", 2031)),
        ("ru", "К 2029 году стороны намерены увеличить товарооборот до 7 млрд долларов.", (7e9, "USD", 2029)),
    ],
)
def test_a_deadline_before_the_amount(code: str, text: str, expected: tuple[float, str, int]) -> None:
    assert _read(code, text) == [expected]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "The sides aim to reach USD 5 billion in 2028 and USD 8 billion in 2032.", [(5e9, "USD", 2028), (8e9, "USD", 2032)]),
        ("nb", "Målet er å nå 3 milliarder dollar i 2029.", [(3e9, "USD", 2029)]),
        ("de", "Ziel sind 6 Milliarden Euro im Jahr 2029.", [(6e9, "EUR", 2029)]),
        ("vi", "Hai bên phấn đấu nâng thương mại lên 4 tỷ USD năm 2027 và 6 tỷ USD năm 2031.", [(4e9, "USD", 2027), (6e9, "USD", 2031)]),
        ("fr", "Les deux pays visent 5 milliards d'euros en 2029.", [(5e9, "EUR", 2029)]),
        ("es", "La meta es alcanzar 800 millones de dólares en 2029.", [(8e8, "USD", 2029)]),
        ("ru", "Цель - выйти на 6 млрд долларов в 2029 году.", [(6e9, "USD", 2029)]),
    ],
)
def test_a_year_just_after_an_aimed_amount_dates_it(code: str, text: str, expected: list[tuple[float, str, int]]) -> None:
    assert _read(code, text) == expected


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "Japan will provide JPY 20 billion for the new metro line.", (2e10, "JPY", None)),
        ("en", "The Prime Minister announced twelve new “Green Futures” scholarships for young engineers.", (12, "scholarships", None)),
        ("nb", "Norge vil bevilge 150 millioner kroner til skogprosjekter.", (1.5e8, "NOK", None)),
        ("de", "Deutschland wird 40 Stipendien für junge Ingenieure vergeben.", (40, "scholarships", None)),
        ("vi", "Phía Hàn Quốc cam kết cung cấp 300 suất học bổng cho sinh viên.", (300, "scholarships", None)),
        ("fr", "La France accordera 60 bourses aux jeunes chercheurs.", (60, "scholarships", None)),
        ("es", "España otorgará 80 becas a jóvenes investigadores.", (80, "scholarships", None)),
        ("ru", "Белорусская сторона поставит в Лаос 120 автомобилей.", (120, "vehicles", None)),
    ],
)
def test_what_a_party_gives_is_a_target(code: str, text: str, expected: tuple[float, str, None]) -> None:
    assert _read(code, text) == [expected]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "Bilateral trade reached USD 7 billion last year."),
        ("en", "Korea has provided USD 3 billion in grants to the region so far."),
        ("nb", "Handelen mellom landene nådde 2 milliarder kroner i fjor."),
        ("de", "Der Handel zwischen den beiden Ländern betrug im vergangenen Jahr 9 Milliarden Euro."),
        ("vi", "Kim ngạch thương mại năm ngoái đã đạt 3 tỷ USD."),
        ("fr", "Les échanges commerciaux ont atteint 4 milliards d'euros l'an dernier."),
        ("es", "El comercio bilateral alcanzó 600 millones de dólares el año pasado."),
        ("ru", "В прошлом году товарооборот составил 4 млрд долларов."),
    ],
)
def test_a_figure_already_reached_is_not_a_target(code: str, text: str) -> None:
    assert _read(code, text) == []


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "Trade reached USD 4 billion last year, and the leaders agreed to raise it to USD 6 billion.", (6e9, "USD", None)),
        ("ru", "Товарооборот уже составил 2 млрд долларов, и стороны намерены довести его до 3 млрд долларов.", (3e9, "USD", None)),
    ],
)
def test_an_aim_after_the_history_is_a_target(code: str, text: str, expected: tuple[float, str, None]) -> None:
    assert _read(code, text) == [expected]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "They aim to increase trade from USD 3 billion to USD 5 billion by 2030.", (5e9, "USD", 2030)),
        ("nb", "De vil øke handelen fra 2 milliarder kroner til 3 milliarder kroner innen 2030.", (3e9, "NOK", 2030)),
        ("de", "Sie wollen den Handel von 5 Milliarden Euro auf 7 Milliarden Euro bis 2030 steigern.", (7e9, "EUR", 2030)),
        ("vi", "Hai bên nhất trí nâng thương mại từ 2 tỷ USD lên 4 tỷ USD vào năm 2030.", (4e9, "USD", 2030)),
        ("fr", "Ils veulent porter les échanges de 2 milliards d'euros à 3 milliards d'euros d'ici 2030.", (3e9, "EUR", 2030)),
        ("es", "Quieren elevar el comercio de 300 millones de dólares a 500 millones de dólares para 2030.", (5e8, "USD", 2030)),
        ("ru", "Стороны увеличат товарооборот с 2 млрд долларов до 4 млрд долларов к 2030 году.", (4e9, "USD", 2030)),
    ],
)
def test_from_x_to_y_aims_at_y(code: str, text: str, expected: tuple[float, str, int]) -> None:
    assert _read(code, text) == [expected]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("ru", "Стороны планируют выйти на $40 млрд (3 трлн руб.) к 2030 году.", (4e10, "USD", 2030)),
        ("en", "The sides aim at USD 2 billion (about EUR 1.8 billion) by 2030.", (2e9, "USD", 2030)),
        ("vi", "Hai bên phấn đấu đạt US$5 tỷ (khoảng 120 nghìn tỷ đồng) vào năm 2030.", (5e9, "USD", 2030)),
    ],
)
def test_a_conversion_in_parentheses_is_not_a_second_target(code: str, text: str, expected: tuple[float, str, int]) -> None:
    assert _read(code, text) == [expected]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("ru", "Министры обсудили рост взаимной торговли до полумиллиарда долларов.", (5e8, "USD", None)),
        ("en", "They set a goal of half a billion dollars in two-way trade.", (5e8, "USD", None)),
        ("de", "Ziel ist eine halbe Milliarde Euro an Investitionen.", (5e8, "EUR", None)),
    ],
)
def test_half_a_billion_in_words(code: str, text: str, expected: tuple[float, str, None]) -> None:
    assert _read(code, text) == [expected]


def test_a_bare_dollar_sign_is_the_dollar_of_the_state_named() -> None:
    assert _read("en", "Australia will provide $80 million for clean energy projects.") == [(8e7, "AUD", None)]
    assert _read("en", "Canada and the United States will provide $80 million for the project.") == [(8e7, "USD", None)]
    assert _read("en", "New Zealand will provide US$10 million for the project.") == [(1e7, "USD", None)]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("vi", "Kim ngạch đã tăng từ 3 tỷ USD lên 5 tỷ USD năm 2022."),
        ("es", "En cuatro años el comercio pasó de 20 mil millones de dólares a 30 mil millones de dólares."),
        ("fr", "Les exportations se sont élevées à 12 milliards d'euros en 2019."),
        ("de", "Der Handelsaustausch beträgt heute 30 Milliarden Euro jährlich."),
    ],
)
def test_a_rise_already_made_is_not_a_target(code: str, text: str) -> None:
    assert _read(code, text) == []


def test_y_before_from_x() -> None:
    assert _read("en", "The leaders agreed on boosting trade to USD 90 billion from USD 30 billion.") == [(9e10, "USD", None)]


def test_a_pledge_after_the_amount_is_a_noun_of_history_in_english() -> None:
    assert _read("en", "Aid in 2024 exceeded the EUR 300 million pledge made two years earlier.") == []


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("fr", "Les deux pays annonceront un fonds commun d'un milliard d'euros.", (1e9, "EUR", None)),
        ("de", "Die Regierung wird eine Milliarde Euro für Schulen bereitstellen.", (1e9, "EUR", None)),
        ("nb", "Norge vil bevilge en milliard kroner til skolene.", (1e9, "NOK", None)),
    ],
)
def test_one_billion_written_with_its_article(code: str, text: str, expected: tuple[float, str, None]) -> None:
    assert _read(code, text) == [expected]


def test_a_word_for_one_is_not_a_count() -> None:
    assert _read("vi", "Hai bên cam kết tạo điều kiện cho một số người lao động.") == []
    assert _read("en", "Japan committed to build one of the two bridges.") == []


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "The ministers will work towards doubling two-way investment by 2032.", (2, "times", 2032)),
        ("nb", "Landene vil doble handelen innen 2031.", (2, "times", 2031)),
        ("de", "Beide Seiten wollen die Investitionen bis 2031 verdoppeln.", (2, "times", 2031)),
        ("vi", "Hai bên phấn đấu tăng gấp đôi kim ngạch thương mại vào năm 2031.", (2, "times", 2031)),
        ("fr", "Les deux pays veulent tripler leurs échanges d'ici 2031.", (3, "times", 2031)),
        ("es", "Ambos países acordaron duplicar el comercio bilateral para 2031.", (2, "times", 2031)),
        ("ru", "Стороны договорились удвоить товарооборот к 2031 году.", (2, "times", 2031)),
    ],
)
def test_a_multiple_aimed_at_without_an_amount(code: str, text: str, expected: tuple[float, str, int]) -> None:
    assert _read(code, text) == [expected]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "They set a goal to more than double trade to USD 80 billion by 2031.", [(8e10, "USD", 2031)]),
        ("en", "The sides will conclude the agreement on the avoidance of double taxation by 2027.", []),
        ("vi", "Kim ngạch thương mại đã tăng gấp đôi trong năm năm qua.", []),
    ],
)
def test_a_multiple_with_its_amount_or_already_made(code: str, text: str, expected: list[tuple[float, str, int]]) -> None:
    assert _read(code, text) == expected


def test_the_year_of_a_deadline_is_not_a_count() -> None:
    text = "Japan pledged JPY 90 billion in loans through fiscal 2029 for priority projects."
    assert _read("en", text) == [(9e10, "JPY", 2029)]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "The minister announced that 4,000 students from the region study in Canada."),
        ("fr", "Le ministre a annoncé que 4 000 étudiants étrangers étudient en France."),
        ("ru", "Министр предоставил данные о том, что 4 тысячи студентов учатся в России."),
    ],
)
def test_a_verb_of_giving_does_not_reach_into_a_reported_clause(code: str, text: str) -> None:
    assert _read(code, text) == []


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "India will offer 40 scholarships to Lao students every year.", (40, "scholarships", None)),
        ("nb", "Norge tilbyr 30 stipender til unge forskere hvert år.", (30, "scholarships", None)),
        ("vi", "Việt Nam dành 60 suất học bổng cho sinh viên Lào mỗi năm.", (60, "scholarships", None)),
        ("ru", "Россия выделяет 70 стипендий для студентов из Лаоса ежегодно.", (70, "scholarships", None)),
        ("fr", "La France propose 90 bourses aux étudiants laotiens chaque année.", (90, "scholarships", None)),
        ("es", "Chile concede 45 becas a estudiantes peruanos cada año.", (45, "scholarships", None)),
        ("de", "Österreich vergibt 25 Stipendien an Studierende aus Laos jedes Jahr.", (25, "scholarships", None)),
    ],
)
def test_a_yearly_rate_a_few_words_after_the_amount(code: str, text: str, expected: tuple[float, str, None]) -> None:
    assert _read(code, text) == [expected]


def test_a_clause_final_verb_of_aiming_in_german() -> None:
    text = "Beide Seiten arbeiten daran, ein Handelsvolumen von 6 Milliarden Euro zu erreichen."
    assert _read("de", text) == [(6e9, "EUR", None)]


def test_a_rise_told_in_vietnamese_is_not_a_target() -> None:
    assert _read("vi", "Năm 2023, kim ngạch thương mại hai chiều tăng lên 8 tỷ USD.") == []


def test_a_target_restated_across_a_document_is_one_target() -> None:
    headline = Provision(span=(0, 10), text="h", targets=[Target(amount=3e11, unit="JPY")])
    body = Provision(span=(20, 90), text="b", targets=[Target(metric="loans", amount=3e11, unit="JPY", year=2028)])
    other = Provision(span=(100, 120), text="o", targets=[Target(amount=5e9, unit="USD")])
    settle([headline, body, other])
    assert [(t.metric, t.year) for p in (headline, body, other) for t in p.targets] == [
        ("loans", 2028), ("loans", 2028), (None, None)]


def test_a_goal_word_does_not_reach_into_a_reported_clause() -> None:
    text = "With the aim of closer ties, they noted that two-way trade of USD 9 billion grew fast."
    assert _read("en", text) == []


@pytest.mark.parametrize(
    ("code", "text", "value", "unit"),
    [
        ("en", "US$1.5 billion", 1.5e9, "USD"),
        ("nb", "$5 milliarder", 5e9, "USD"),
        ("de", "US$ 2,5 Milliarden", 2.5e9, "USD"),
        ("vi", "US$5 tỷ", 5e9, "USD"),
        ("fr", "5 Md$", 5e9, "USD"),
        ("es", "$2 mil millones", 2e9, "USD"),
        ("ru", "$100 млрд", 1e11, "USD"),
        ("ru", "€ 5 млрд", 5e9, "EUR"),
    ],
)
def test_a_currency_sign_before_a_number_with_a_scale_word(code: str, text: str, value: float, unit: str) -> None:
    assert [(a.value, a.unit) for a in amounts(lang.load(code), text)] == [(value, unit)]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "Japan will send 30 doctors to the provincial hospitals.", (30, "doctors", None)),
        ("nb", "Norge vil sende 12 eksperter til prosjektet.", (12, "experts", None)),
        ("de", "Deutschland wird 20 Lehrkräfte entsenden und 3 Schiffe liefern.", (3, "ships", None)),
        ("vi", "Phía Nhật Bản cam kết cử 50 chuyên gia sang hỗ trợ.", (50, "experts", None)),
        ("fr", "La France fournira 4 avions à la compagnie nationale.", (4, "aircraft", None)),
        ("es", "España enviará 25 médicos a la región.", (25, "doctors", None)),
        ("ru", "Россия поставит 6 самолетов в течение года.", (6, "aircraft", None)),
    ],
)
def test_counts_of_people_and_things_a_party_gives(code: str, text: str, expected: tuple[float, str, None]) -> None:
    assert expected in _read(code, text)


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "Deliveries during 2027 were agreed. The company will supply 40 buses.", [(40, "vehicles", 2027)]),
        ("ru", "Решен вопрос о поставках в течение 2027 года. Завод поставит 40 автобусов.", [(40, "vehicles", 2027)]),
        ("de", "Lieferungen im Laufe des Jahres 2027 wurden vereinbart. Das Werk wird 40 Busse liefern.", [(40, "vehicles", 2027)]),
        ("fr", "Des livraisons au cours de l'année 2027 ont été convenues. L'usine fournira 40 autobus.", [(40, "vehicles", 2027)]),
        ("es", "Se acordaron entregas durante 2027. La fábrica proporcionará 40 autobuses.", [(40, "vehicles", 2027)]),
        ("nb", "Leveranser i løpet av 2027 ble avtalt. Fabrikken vil levere 40 busser.", [(40, "vehicles", 2027)]),
        ("vi", "Hai bên thống nhất việc giao hàng trong năm 2027. Nhà máy sẽ cung cấp 40 xe buýt.", [(40, "vehicles", 2027)]),
    ],
)
def test_a_period_in_the_sentence_before_dates_a_promised_count(code: str, text: str, expected: list[tuple[float, str, int]]) -> None:
    assert _read(code, text) == expected


def test_a_period_does_not_pass_over_a_sentence_with_its_own_amount() -> None:
    text = "Trade of USD 5 billion during 2027 was recorded. Japan will provide 40 buses."
    assert _read("en", text) == [(40, "vehicles", None)]


def test_a_unit_is_a_word_of_its_own() -> None:
    assert [a.text for a in amounts(lang.load("de"), "Im Jahr 2027 wurden Verträge vereinbart.")] == []
