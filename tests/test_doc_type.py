"""The kind of document (segment.doc_type), on texts of our own in each language."""

import pytest

from accords.clean import clean
from accords.segment import segment


def _doc_type(text: str) -> str:
    return segment(text, clean(text)).doc_type


@pytest.mark.parametrize("title", [
    "Joint Statement on the Comprehensive Partnership between Ruritania and Freedonia",
    "Felles uttalelse om styrket partnerskap mellom Ruritania og Freedonia",
    "Gemeinsame Erklärung zur Vertiefung der Partnerschaft zwischen Ruritanien und Freedonien",
    "COMMUNIQUE CONJOINT A L'OCCASION DE LA VISITE DU PRESIDENT DE RURITANIE",
    "Visite d'Etat du président ruritanien : Communiqué commun",
    "Declaración conjunta entre Ruritania y Freedonia",
    "Совместное заявление о дальнейшем развитии партнерства",
    "Toàn văn Tuyên bố chung Ruritania - Freedonia",
])
def test_a_title_naming_the_statement_makes_it_one(title: str) -> None:
    body = "The President of Ruritania met the President of Freedonia, the ministry said.\n"
    assert _doc_type(f"{title}\n\n{body}") == "joint_statement"


@pytest.mark.parametrize("intro", [
    "The news agency presents the full text of the joint statement:",
    "Følgende er hele teksten til den felles uttalelsen:",
    "Die Agentur stellt den vollständigen Text der Gemeinsamen Erklärung vor:",
    "Voici le texte intégral de la déclaration commune :",
    "A continuación, el texto íntegro de la declaración conjunta:",
    "Публикуем полный текст совместного заявления:",
    "Xin giới thiệu toàn văn Tuyên bố chung:",
])
def test_a_statement_reproduced_in_a_news_page_is_a_statement(intro: str) -> None:
    text = (
        "The two presidents held talks in the capital on Monday, the agency reported.\n"
        f"{intro}\n"
        "The two sides agreed to raise bilateral trade to USD 5 billion by 2030.\n"
    )
    assert _doc_type(text) == "joint_statement"


@pytest.mark.parametrize("text", [
    ("Leaders issue joint statement after talks\n\nThe presidents issued a joint statement on Monday.\n"
    "The joint statement issued after the talks set a trade goal, the minister said.\n"),
    "Ruritania og Freedonia signerte et felleskommuniké i dag.\nIfølge felleskommunikéet skal handelen økes.\n",
    ("Die Präsidenten haben am Freitag eine gemeinsame Erklärung angenommen.\n"
    "In der gemeinsamen Erklärung vereinbarten sie, den Handel auszubauen.\n"),
    "Les deux présidents ont publié une déclaration commune mardi.\nLa déclaration prévoit une hausse du commerce.\n",
    "Los presidentes emitieron este martes una declaración conjunta tras su encuentro.\n",
    "Россия и Руритания приняли совместное заявление в ходе визита.\n",
    "Hai nhà lãnh đạo đã ra tuyên bố chung sau cuộc hội đàm.\n",
])
def test_a_report_that_names_a_joint_statement_is_a_news_report(text: str) -> None:
    assert _doc_type(text) == "news_report"


@pytest.mark.parametrize("text", [
    "The President of Ruritania said on Monday that ties with Freedonia were strong.\n",
    "– Forholdet er godt, sier statsministeren.\n",
    "Der Präsident sagte, die Beziehungen seien eng.\n",
    "Le président a déclaré que les relations étaient excellentes.\n",
    "El presidente afirmó que la relación es excelente.\n",
    "Президент заявил, что отношения развиваются.\n",
    "Thủ tướng cho biết quan hệ hai nước đang phát triển tốt.\n",
])
def test_reporting_verbs_make_a_news_report(text: str) -> None:
    assert _doc_type(text) == "news_report"


def test_a_report_of_talks_without_reporting_verbs_is_a_news_report() -> None:
    assert _doc_type("Die Präsidenten führten Gespräche über Handel und Energie.\n") == "news_report"
    assert _doc_type("Pris: 20 kroner. Åpent alle dager.\n") == "other"


def test_the_statement_calling_itself_so_is_one() -> None:
    text = "The leaders of the two countries signed the present joint statement in the capital, the agency said.\n"
    assert _doc_type(text) == "joint_statement"


def test_a_headline_naming_a_statement_is_a_report() -> None:
    text = "Ruritania, Freedonia issue joint statement\n\nThe two presidents met on Monday, the agency said.\n"
    assert _doc_type(text) == "news_report"


@pytest.mark.parametrize("text", [
    ("President Ana Ruiz received President Ivo Tal, who said the talks were useful. The Republic of Ruritania "
     "and the Republic of Freedonia (hereinafter referred to as the Parties) reviewed their cooperation."),
    ("El presidente Ivo Tal dijo que la visita fue útil. La República de Ruritania y la República de Freedonia "
     "(en adelante, denominadas «las Partes») examinaron su cooperación."),
    ("Le président Ivo Tal a déclaré que la visite était utile. La République de Ruritanie et la République de "
     "Freedonie (ci-après dénommées « les Parties ») ont examiné leur coopération."),
    ("Präsident Ivo Tal sagte, der Besuch sei nützlich. Die Republik Ruritanien und die Republik Freedonien "
     "(im Folgenden als „die Seiten“ bezeichnet) prüften ihre Zusammenarbeit."),
    ("Президент Иво Тал заявил, что визит был полезным. Республика Рурития и Республика Фридония (далее "
     "именуемые Сторонами) рассмотрели сотрудничество."),
    ("Tổng thống Ivo Tal cho biết chuyến thăm rất hữu ích. Cộng hòa Ruritania và Cộng hòa Freedonia (sau đây "
     "gọi là hai Bên) đã rà soát hợp tác."),
    ("President Ivo Tal sa at besøket var nyttig. Republikken Ruritania og Republikken Freedonia (heretter "
     "kalt partene) gjennomgikk samarbeidet."),
])
def test_a_text_that_defines_its_parties_is_the_statement(text: str) -> None:
    assert _doc_type(text + "\n") == "joint_statement"
