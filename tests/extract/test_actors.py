import pytest

from accords.pipeline import process_text


def reading(text: str) -> list[list[str]]:
    return [p.actors for p in process_text(text, "t.txt").provisions]


STATEMENT = (
    "At the invitation of President Lee Jae Myung, General Secretary To Lam paid a state visit to the "
    "Republic of Korea from 10 to 13 August 2025.\n"
    "1. The two sides agreed to expand cooperation in renewable energy.\n"
    "2. The Korean side agreed to send experts to Viet Nam.\n"
    "3. Viet Nam and the Republic of Korea will open new air routes.\n"
    '4. "Korea is our friend," To Lam said, and he invited President Lee to visit Hanoi.\n'
)


def test_both_sides_one_side_joined_states_and_quoted_speech() -> None:
    actors = reading(STATEMENT)
    assert actors[1] == ["KR", "VN"]
    assert actors[2] == ["KR"]
    assert actors[3] == ["KR", "VN"]
    assert actors[4] == ["VN"]


OPENING = {
    "en": "President Lee Jae Myung welcomed General Secretary To Lam in Seoul.\n\n",
    "vi": "Tổng thống Lee Jae Myung đón Tổng Bí thư Tô Lâm tại Seoul.\n\n",
    "es": "El presidente Lee Jae Myung recibió al secretario general To Lam en Seúl.\n\n",
    "fr": "Le président Lee Jae Myung a reçu le secrétaire général To Lam à Séoul.\n\n",
    "ru": "Президент Ли Чжэ Мён принял генерального секретаря То Лама в Сеуле.\n\n",
}


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        # A state after "regarding" is what is spoken of.
        ("en", "Regarding Laos, the Korean side will send experts to the Mekong.", ["KR"]),
        ("vi", "Về Lào, phía Hàn Quốc sẽ cử chuyên gia.", ["KR"]),
        ("es", "Sobre Laos, la parte coreana enviará expertos.", ["KR"]),
        ("fr", "Concernant le Laos, la partie coréenne va envoyer des experts.", ["KR"]),
        ("ru", "Относительно Лаоса корейская сторона направит экспертов.", ["KR"]),
        # Two states written against each other by a hyphen name a relation, not a subject.
        ("en", "At the Vietnam-Korea Business Forum, both leaders welcomed new investment.", ["KR", "VN"]),
        ("fr", "Lors du forum Vietnam-Corée, les deux dirigeants ont salué les nouveaux investissements.", ["KR", "VN"]),
        # A cue inside a quotation has the subject quoted with it.
        ("en", "“Korea affirmed its support for Vietnam’s rail plans and offered a loan”, the statement read.", ["KR"]),
        # The speaker stands just before "said"; the partner named after it is who he spoke with.
        ("en", "“We will open new air routes,” Lee Jae Myung said at a briefing with To Lam.", ["KR"]),
    ],
)
def test_topics_hyphened_pairs_quotations_and_speakers(code: str, text: str, expected: list[str]) -> None:
    assert reading(OPENING[code] + text)[-1] == expected


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "“We agreed to open a new trade office in Busan,” Lee Jae Myung said.", ["KR", "VN"]),
        ("en", "“We will open a new trade office in Busan,” Lee Jae Myung said.", ["KR"]),
        ("es", "«Acordamos abrir nuevas rutas aéreas», dijo Lee Jae Myung.", ["KR", "VN"]),
        ("fr", "« Nous sommes convenus d'ouvrir de nouvelles lignes aériennes », a déclaré Lee Jae Myung.", ["KR", "VN"]),
        ("ru", "«Мы договорились открыть новые авиарейсы», сказал Ли Чжэ Мён.", ["KR", "VN"]),
    ],
)
def test_an_agreement_in_a_leader_s_quotation_is_both_parties(code: str, text: str, expected: list[str]) -> None:
    assert reading(OPENING[code] + text)[-1] == expected


def test_an_agreement_in_a_norwegian_speech_paragraph_is_both_parties() -> None:
    opening = "Statsminister Jonas Gahr Støre møtte Islands statsminister i Oslo.\n\n"
    assert reading(opening + "– Vi er enige om å styrke fiskerisamarbeidet, sier Jonas Gahr Støre.")[-1] == ["IS", "NO"]
    assert reading(opening + "– Vi vil styrke fiskerisamarbeidet, sier Jonas Gahr Støre.")[-1] == ["NO"]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "“Fishing matters to us,” Lee Jae Myung said.\n\nHe stressed the importance of Vietnam for Korea.", ["KR"]),
        ("en", "“Fishing matters to us,” Lee Jae Myung said.\n\n“We are committed to helping Vietnam,” he added.", ["KR"]),
        ("fr", "« La pêche compte beaucoup », a déclaré Lee Jae Myung.\n\nIl a souligné l'importance du Vietnam pour la Corée.", ["KR"]),
        ("es", "«La pesca importa mucho», dijo Lee Jae Myung.\n\nÉl subrayó la importancia de Vietnam para Corea.", ["KR"]),
        ("ru", "«Рыболовство очень важно», сказал Ли Чжэ Мён.\n\nОн подчеркнул важность Вьетнама для Кореи.", ["KR"]),
    ],
)
def test_a_pronoun_stands_for_the_last_speaker_named(code: str, text: str, expected: list[str]) -> None:
    assert reading(OPENING[code] + text)[-1] == expected


def test_a_pronoun_stands_for_the_last_speaker_named_in_norwegian() -> None:
    text = ("Statsminister Jonas Gahr Støre møtte Islands statsminister i Oslo.\n\n"
            "– Fisket betyr mye for oss, sier Jonas Gahr Støre.\n\n"
            "Han sier det er viktig å ha Island tett på Norge.")
    assert reading(text)[-1] == ["NO"]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "In talks with To Lam, Lee Jae Myung praised the new rail line.", ["KR"]),
        ("vi", "Trong cuộc gặp với Tổng Bí thư Tô Lâm, Tổng thống Lee Jae Myung ca ngợi tuyến đường sắt mới.", ["KR"]),
        ("fr", "Lors de son entretien avec To Lam, Lee Jae Myung a salué la nouvelle ligne ferroviaire.", ["KR"]),
        ("es", "En su reunión con To Lam, Lee Jae Myung elogió la nueva línea ferroviaria.", ["KR"]),
        ("ru", "На встрече с То Ламом Ли Чжэ Мён высоко оценил новую железную дорогу.", ["KR"]),
        # Subjects joined by "together with" still act together.
        ("en", "Lee Jae Myung, together with To Lam, praised the new rail line.", ["KR", "VN"]),
    ],
)
def test_whom_the_subject_met_is_not_the_subject(code: str, text: str, expected: list[str]) -> None:
    assert reading(OPENING[code] + text)[-1] == expected
