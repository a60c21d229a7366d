from accords import lang
from accords.extract.domains import domains_of
from accords.extract.entities import entities_of
from accords.pipeline import process_text


def test_registry_names_in_any_language_resolve_to_one_id() -> None:
    for code, text in [
        ("en", "They upheld the United Nations Convention on the Law of the Sea."),
        ("nb", "De viste til FNs havrettskonvensjon fra 1982."),
        ("de", "Sie verwiesen auf das Seerechtsübereinkommen der Vereinten Nationen."),
    ]:
        instruments, *_ = entities_of(lang.load(code), text, 0)
        assert [i.id for i in instruments] == ["UNCLOS"], text


def test_organisations_by_acronym_and_genitive() -> None:
    _, orgs, *_ = entities_of(lang.load("nb"), "Samarbeid innenfor ASEANs rammer og i WTO.", 0)
    assert {o.id for o in orgs} == {"ASEAN", "WTO"}


def test_an_unknown_agreement_is_named_by_its_complement_and_acronym() -> None:
    text = "The sides will implement the Agreement on Mutual Recognition of Diplomas (AMRD) signed in 2024."
    instruments, *_ = entities_of(lang.load("en"), text, 0)
    assert [(i.id, i.name) for i in instruments] == [("AMRD", "Agreement on Mutual Recognition of Diplomas")]


def test_a_bare_head_noun_names_nothing() -> None:
    instruments, *_ = entities_of(lang.load("en"), "They welcomed the agreement reached today.", 0)
    assert instruments == []


def test_bilateral_mechanisms() -> None:
    *_, mechanisms, _, _ = entities_of(lang.load("en"), "They will convene the Joint Commission on Trade next year.", 0)
    assert mechanisms and mechanisms[0].startswith("Joint Commission")


def test_keywords_and_a_single_domain_heading() -> None:
    pack = lang.load("en")
    domains, _ = domains_of(pack, "Both sides will expand cooperation in renewable energy and rail.", 0, None)
    assert domains == ["energy", "transport"]
    domains, _ = domains_of(pack, "Both sides will expand exchanges.", 0, "Agriculture")
    assert domains == ["agriculture"]


def test_an_organisation_named_is_not_multilateral_work_and_narrative_has_no_domain() -> None:
    record = process_text(
        "The President arrived in Hanoi on Monday by the new direct flight.\n"
        "The two sides will coordinate closely within ASEAN and other multilateral fora.\n",
        "n.txt",
    )
    assert record.provisions[0].domains == []
    assert "multilateral" in record.provisions[1].domains
