"""A person's title with the body of its office (``entities.offices``)."""

from __future__ import annotations

from tests.test_entities_mentions import mentions_of


def _titles(text: str) -> dict[str, str | None]:
    return {m.text: m.refers_to for m in mentions_of(text) if m.label == "PERSON" and m.refers_to}


def test_a_body_written_right_before_a_title_is_part_of_the_persons_mention() -> None:
    """Issue #17, jalal-abad-escape: "GSIN head" fell to the service the small model tagged a person."""
    text = (
        "GSIN head Zhyrgalbek Toktorbayev said on Thursday that 14 guards had been suspended. "
        "Tuura Zhol director Nurbek Alymkulov said posts were vacant."
    )
    titles = _titles(text)
    assert titles["GSIN head"] == "Zhyrgalbek Toktorbayev"
    assert titles["Tuura Zhol director"] == "Nurbek Alymkulov"
    assert "GSIN" in {m.text for m in mentions_of(text)}


def test_a_name_before_a_description_is_not_its_body() -> None:
    text = "Nurbek Alymkulov, the director, said prosecutors told Ivanov the guard had left."
    assert not any(name.startswith("Ivanov ") for name in _titles(text))


def test_an_owner_the_model_tagged_a_person_still_owns_the_title() -> None:
    """Issue #17, thessaloniki-bid: "Altinova's chairman" fell to the company, tagged a person here."""
    text = '"This is our final offer," Altinova\'s chairman, Mehmet Şahinoğlu, said in a statement.'
    assert _titles(text)["Altinova's chairman"] == "Mehmet Şahinoğlu"
