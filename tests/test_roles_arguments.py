"""Who is the recipient: table-driven cases over the rule coder, with actors resolved by hand.

The Docs go through spaCy's own steps and the places step (the locative convention reads the
gazetteer); ``ew_entities`` are set by hand so that the actors component cannot interfere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.events.arguments import countries
from eventwire.events.coder import RuleCoder
from eventwire.model import Article, Entity, Event
from steps import hand_entities, run_steps

#: surface form -> (country, sector, kind); longest forms are matched first
ACTORS: dict[str, tuple[str | None, str | None, str]] = {
    "Turkey": ("TUR", "GOV", "state"),
    "Iraq": ("IRQ", "GOV", "state"),
    "Kenya": ("KEN", "GOV", "state"),
    "Kenyan opposition": ("KEN", "OPP", "agent"),
    "Kenyan": ("KEN", None, "state"),
    "France": ("FRA", "GOV", "state"),
    "Germany": ("DEU", "GOV", "state"),
    "Egyptian police": ("EGY", "COP", "agent"),
    "Egypt": ("EGY", "GOV", "state"),
    "Japan": ("JPN", "GOV", "state"),
    "Chile": ("CHL", "GOV", "state"),
    "Chilean students": ("CHL", "EDU", "agent"),
    "The United Nations": (None, "IGO", "igo"),
    "refugees": (None, "REF", "agent"),
    "demonstrators": (None, "OPP", "agent"),
    "Chilean police": ("CHL", "COP", "agent"),
    "rebels": (None, "REB", "agent"),
    "Kenyan rebels": ("KEN", "REB", "agent"),
    "President Ruto": ("KEN", "GOV", "person"),
    "China": ("CHN", "GOV", "state"),
    "Israel": ("ISR", "GOV", "state"),
    "Russia": ("RUS", "GOV", "state"),
    "Iran": ("IRN", "GOV", "state"),
    "an embassy in Japan": ("JPN", "GOV", "agent"),
    "students": (None, "EDU", "agent"),
    "the United States": ("USA", "GOV", "state"),
    "US drones": ("USA", "MIL", "agent"),
    "al-Qaeda leaders": (None, "REB", "person"),
}

Coded = set[tuple[str, str, str]]


def _entities(text: str) -> list[Entity]:
    return hand_entities(text, ACTORS)


@pytest.fixture(scope="module")
def code(nlp: Language) -> Callable[[str], Coded]:
    coder = RuleCoder()

    def run(text: str) -> Coded:
        doc: Doc = nlp.make_doc(text)
        doc._.ew_article = Article(id="t", text=text, published=dt.date(2019, 5, 31))
        doc = run_steps(nlp, doc, keep=("eventwire_places",))
        doc._.ew_entities = _entities(text)
        doc._.ew_compounds = []
        return {_triple(ev) for ev in coder.code(doc) if not ({"hypothetical", "negation"} & set(ev.aux))}

    return run


def _triple(ev: Event) -> tuple[str, str, str]:
    return ev.type, "+".join(sorted(countries(ev.actor))), "+".join(sorted(countries(ev.recipient)))


CASES: list[tuple[str, tuple[str, str, str]]] = [
    # the actor's own troops are what is offered, the one they are offered to is the recipient
    ("Turkey offered its troops to Iraq to help fight the insurgents.", ("AGREE", "TUR", "IRQ")),
    # a threat of a domestic act (a ban) is aimed at the actor's own opposition
    ("Kenya threatened to ban Kenyan opposition parties from the vote.", ("THREATEN", "KEN", "KEN")),
    # an object shifted past an "as" phrase
    ("France denounced as a grave mistake Germany's decision to leave the talks.", ("ACCUSE", "FRA", "DEU")),
    # the place of a curfew or a protest names the state acted on
    ("Egyptian police imposed a curfew in the northern city of Alexandria.", ("COERCE", "EGY", "EGY")),
    ("Hundreds of Chilean students demonstrated in Santiago on Friday.", ("PROTEST", "CHL", "CHL")),
    # a country-less group: placed by its own description, or, acted on at home, the actor's own
    ("The United Nations delivered food aid to refugees living in Kenya.", ("AID", "IGO", "KEN")),
    ("Chilean police dispersed demonstrators on Friday.", ("COERCE", "CHL", "CHL")),
    # an untargeted protest by one country's people is directed at their own government
    ("Chilean students staged a hunger strike on Friday.", ("PROTEST", "CHL", "CHL")),
    ("Chilean students demonstrated against Japan on Friday.", ("PROTEST", "CHL", "JPN")),
    # the makers of a prevented protest are the ones acted upon
    ("Chilean police prevented a rally staged by students on Friday.", ("COERCE", "CHL", "CHL")),
    # a suspension acts on the state where the suspended thing is
    ("Japan suspended aid deliveries in Kenya on Monday.", ("SANCTION", "JPN", "KEN")),
    # a build-up for a war against someone is aimed at them
    ("Japan mobilized reservists for a possible war against Russia.", ("MOBILIZE", "JPN", "RUS")),
    # what a protest is against, by its purpose
    ("Chilean students blocked a road to show their anger at Japan's whaling policy.", ("PROTEST", "CHL", "JPN")),
    # a purpose act goes where the act it serves goes
    ("The United Nations sent experts to Kenya to investigate the killings.", ("ACCUSE", "IGO", "KEN")),
    # a preposition left without its object shares the coordinated verb's object
    ("Chile restored relations with and reopened an embassy in Japan.", ("SUPPORT", "CHL", "JPN")),
    # a refusal may be domestic: a compatriot named inside its object is its counterpart
    ("Kenyan rebels rejected the peace plan of Kenya's government.", ("REJECT", "KEN", "KEN")),
    # whom the purpose of an opening lets something reach
    ("Turkey opened the border crossing to allow the delivery of food to Iraq.", ("RETREAT", "TUR", "IRQ")),
    # the nationality of who made a nominal act ("crimes by Kenyan militiamen") names its maker
    ("Kenya is investigating crimes by Kenyan militiamen against civilians.", ("ACCUSE", "KEN", "KEN")),
    # a refusal despite someone's pressure refuses them
    ("Iran refused to stop enrichment despite calls from the United States.", ("REJECT", "IRN", "USA")),
    # a request's counterpart: its object's own party, or whom it is asked from
    ("China demanded an apology from Japan.", ("REQUEST", "CHN", "JPN")),
    ("Egypt demanded Israel's withdrawal from the region.", ("REQUEST", "EGY", "ISR")),
    # who made the appeal that is rejected, even a compatriot
    ("Kenyan rebels rejected an appeal from President Ruto to disarm.", ("REJECT", "KEN", "KEN")),
    # where the envoy acted on is posted: a named state, or a place in one
    ("Japan recalled its ambassador from Iraq.", ("SANCTION", "JPN", "IRQ")),
    ("Japan pulled its diplomats from Nairobi.", ("SANCTION", "JPN", "KEN")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_recipient(code: Callable[[str], Coded], text: str, expected: tuple[str, str, str]) -> None:
    assert expected in code(text)


NO_RECIPIENT: list[tuple[str, str]] = [
    # troops on alert in their own country are directed at nobody the sentence names
    ("Japan put its troops on alert in Okinawa.", "JPN"),
    # nor are troops deployed at home
    ("Japan deployed troops in Okinawa on Monday.", "JPN"),
    # an accusation is no domestic act: unplaced rebels are not the accuser's own
    ("Turkey accused the rebels of violating the truce.", "TUR"),
    # a name deep inside what is demanded is its content, not the one asked
    ("Russia demanded exemptions from Japan sanctions.", "RUS"),
    # an armed group without a country is nobody's population
    ("US drones killed eight al-Qaeda leaders last month.", "USA"),
]


@pytest.mark.parametrize(("text", "actor"), NO_RECIPIENT, ids=[c[0][:40] for c in NO_RECIPIENT])
def test_no_recipient(code: Callable[[str], Coded], text: str, actor: str) -> None:
    coded = code(text)
    assert coded, "the act itself should be coded"
    assert all(rec == "" for _, act, rec in coded if act == actor)
