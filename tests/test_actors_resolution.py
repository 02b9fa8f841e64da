"""Table-driven actor resolution in context: (text, date, mention) -> (country, sector, role).

Runs spaCy's own components of the session pipeline and then an ``eventwire_actors`` resolver
given a user leaders file (``LEADERS``: real leadership changes, written for these tests), so
the cases do not depend on other components or on the curated people list. ``CASES`` is also
what ``scripts/actor_accuracy.py`` measures.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors.accuracy import ANY, Case, entity_for, parse_with, run_cases
from eventwire.actors.component import ActorResolver

LEADERS = """name\taliases\tcountry\tsector\trole\tstart\tend\tnote
Hassan Rouhani\tRouhani\tIRN\tGOV\tpresident\t2013-08-03\t2021-08-03\t
Ebrahim Raisi\tRaisi\tIRN\tGOV\tpresident\t2021-08-03\t2024-05-19\t
Mohammad Javad Zarif\tZarif;Javad Zarif\tIRN\tGOV\tforeign minister\t2013-08-15\t2021-08-25\t
Abbas Araghchi\tAraghchi\tIRN\tGOV\tdeputy foreign minister\t2013-09-01\t2021-08-25\t
Abbas Araghchi\tAraghchi\tIRN\tGOV\tforeign minister\t2024-08-21\t\t
Vladimir Putin\tPutin\tRUS\tGOV\tpresident\t2000-05-07\t2008-05-07\t
Vladimir Putin\tPutin\tRUS\tGOV\tprime minister\t2008-05-08\t2012-05-07\t
Vladimir Putin\tPutin\tRUS\tGOV\tpresident\t2012-05-07\t\t
Dmitry Medvedev\tMedvedev\tRUS\tGOV\tpresident\t2008-05-07\t2012-05-07\t
Dmitry Medvedev\tMedvedev\tRUS\tGOV\tprime minister\t2012-05-08\t2020-01-16\t
Donald Trump\tTrump\tUSA\tGOV\tpresident\t2017-01-20\t2021-01-20\t
Donald Trump\tTrump\tUSA\tGOV\tpresident\t2025-01-20\t\t
Joe Biden\tBiden\tUSA\tGOV\tvice president\t2009-01-20\t2017-01-20\t
Joe Biden\tBiden\tUSA\tGOV\tpresident\t2021-01-20\t2025-01-20\t
Boris Johnson\t\tGBR\tGOV\tforeign minister\t2016-07-13\t2018-07-09\t
Boris Johnson\t\tGBR\tGOV\tprime minister\t2019-07-24\t2022-09-06\t
Mike Pompeo\tPompeo\tUSA\tSPY\tcia director\t2017-01-23\t2018-04-26\t
Mike Pompeo\tPompeo\tUSA\tGOV\tsecretary of state\t2018-04-26\t2021-01-20\t
Benjamin Netanyahu\tNetanyahu\tISR\tGOV\tprime minister\t2009-03-31\t2021-06-13\t
Benjamin Netanyahu\tNetanyahu\tISR\tGOV\tprime minister\t2022-12-29\t\t
Naftali Bennett\tBennett\tISR\tGOV\tprime minister\t2021-06-13\t2022-06-30\t
"""

C = Case
CASES: list[Case] = [
    # --- people by date: the same name, different roles in different years
    C("President Hassan Rouhani said on Monday that talks would continue.", "Hassan Rouhani", "IRN", "GOV", "president", "2015-03-02"),
    C("Hassan Rouhani spoke to reporters in Tehran.", "Hassan Rouhani", "IRN", "ELI", "former president", "2023-01-10"),
    C("Ebrahim Raisi arrived in Beijing on Tuesday.", "Ebrahim Raisi", "IRN", "GOV", "president", "2023-02-14"),
    C("Raisi said the talks had failed.", "Raisi", "IRN", "GOV", "president", "2022-05-01"),
    C("Mohammad Javad Zarif met his counterpart on Sunday.", "Mohammad Javad Zarif", "IRN", "GOV", "foreign minister", "2019-05-31"),
    C("Mohammad Javad Zarif criticised the government.", "Mohammad Javad Zarif", "IRN", "ELI", "former foreign minister", "2022-06-01"),
    C("Abbas Araghchi held talks with European envoys.", "Abbas Araghchi", "IRN", "GOV", "deputy foreign minister", "2019-07-01"),
    C("Abbas Araghchi held talks with European envoys.", "Abbas Araghchi", "IRN", "GOV", "foreign minister", "2025-02-01"),
    C("Vladimir Putin signed the decree.", "Vladimir Putin", "RUS", "GOV", "president", "2005-01-10"),
    C("Vladimir Putin signed the decree.", "Vladimir Putin", "RUS", "GOV", "prime minister", "2010-01-10"),
    C("Vladimir Putin signed the decree.", "Vladimir Putin", "RUS", "GOV", "president", "2019-05-31"),
    C("Vladimir Putin signed the decree.", "Vladimir Putin", "RUS", "GOV", "president", None),
    C("Dmitry Medvedev met the delegation.", "Dmitry Medvedev", "RUS", "GOV", "president", "2010-03-01"),
    C("Dmitry Medvedev met the delegation.", "Dmitry Medvedev", "RUS", "GOV", "prime minister", "2015-03-01"),
    C("Donald Trump threatened new tariffs.", "Donald Trump", "USA", "GOV", "president", "2019-05-31"),
    C("Donald Trump threatened new tariffs.", "Donald Trump", "USA", "ELI", "former president", "2022-05-31"),
    C("Donald Trump threatened new tariffs.", "Donald Trump", "USA", "GOV", "president", "2025-04-02"),
    C("Joe Biden visited Kyiv.", "Joe Biden", "USA", "GOV", "vice president", "2014-04-22"),
    C("Joe Biden visited Kyiv.", "Joe Biden", "USA", "GOV", "president", "2023-02-20"),
    C("Biden said sanctions would follow.", "Biden", "USA", "GOV", "president", "2022-02-24"),
    C("Boris Johnson said Britain stood by Ukraine.", "Boris Johnson", "GBR", "GOV", "foreign minister", "2017-03-01"),
    C("Boris Johnson said Britain stood by Ukraine.", "Boris Johnson", "GBR", "GOV", "prime minister", "2022-03-01"),
    C("Mike Pompeo briefed lawmakers.", "Mike Pompeo", "USA", "SPY", "cia director", "2017-06-01"),
    C("Mike Pompeo briefed lawmakers.", "Mike Pompeo", "USA", "GOV", "secretary of state", "2019-06-01"),
    C("Benjamin Netanyahu addressed the Knesset.", "Benjamin Netanyahu", "ISR", "GOV", "prime minister", "2015-03-03"),
    C("Benjamin Netanyahu addressed the Knesset.", "Benjamin Netanyahu", "ISR", "ELI", "former prime minister", "2022-01-10"),
    C("Benjamin Netanyahu addressed the Knesset.", "Benjamin Netanyahu", "ISR", "GOV", "prime minister", "2024-01-10"),
    C("Naftali Bennett flew to Moscow.", "Naftali Bennett", "ISR", "GOV", "prime minister", "2022-03-05"),
    C("Netanyahu rejected the proposal.", "Netanyahu", "ISR", "GOV", "prime minister", None),
    # --- titles with names (known and unknown)
    C("President Vladimir Putin rejected the request.", "President Vladimir Putin", "RUS", "GOV", "president"),
    C("Iranian Foreign Minister Mohammad Javad Zarif visited Moscow.", "Iranian Foreign Minister", "IRN", "GOV", "foreign minister"),
    C("French President Emmanuel Macron called for calm.", "Emmanuel Macron", "FRA", "GOV", "president"),
    C("German Chancellor Olaf Scholz spoke in Berlin.", "Olaf Scholz", "DEU", "GOV", "chancellor", "2022-06-01"),
    C("Saudi Crown Prince Mohammed bin Salman met the envoy.", "Mohammed bin Salman", "SAU", "GOV", "crown prince"),
    C("Israeli Prime Minister Naftali Bennett said on Sunday.", "Naftali Bennett", "ISR", "GOV", "prime minister", "2021-10-10"),
    C("Syrian President Bashar al-Assad regained control.", "Bashar al-Assad", "SYR", "GOV", "president"),
    C("Prime Minister Boris Johnson announced the plan.", "Boris Johnson", "GBR", "GOV", "prime minister", "2020-03-23"),
    C("Turkish Defense Minister Hulusi Akar said troops were ready.", "Hulusi Akar", "TUR", "GOV", "defense minister"),
    C("King Hassan of Morocco offered to host the meeting.", "King Hassan", "MAR", "GOV", "king"),
    C("President Reagan welcomed the statement.", "Reagan", "USA", "GOV", "president", "1985-06-01"),
    C("The Bush administration declared that China must drop barriers.", "Bush administration", "USA", "GOV", ANY, "2002-03-01"),
    C("It was the second day that Indian envoy J P Singh was summoned.", "J P Singh", "IND", "GOV", "envoy"),
    C("The Foreign Minister Said Nothing About The Talks", "Said Nothing", None),
    C("President Reagan welcomed the statement.", "Reagan", "USA", "GOV", "president", None),
    # --- roles without names, demonyms, adjectives, possessive organs
    C("Iranian officials denied any involvement.", "Iranian officials", "IRN", "GOV"),
    C("Russia rejected an Iranian request to buy missiles.", "Iranian", "IRN", None),
    C("A senior Russian official said the sale was off.", "Russian official", "RUS", "GOV"),
    C("Russian troops crossed the border overnight.", "Russian troops", "RUS", "MIL"),
    C("Chinese diplomats met their counterparts.", "Chinese diplomats", "CHN", "GOV", "diplomat"),
    C("Turkish security forces detained the suspects.", "Turkish security forces", "TUR", "COP"),
    C("Pakistani police arrested six men.", "Pakistani police", "PAK", "COP"),
    C("Egyptian protesters gathered in the square.", "Egyptian protesters", "EGY", "OPP"),
    C("British lawmakers voted against the deal.", "British lawmakers", "GBR", "LEG", "lawmaker"),
    C("North Korean soldiers fired warning shots.", "North Korean soldiers", "PRK", "MIL"),
    C("Iran's foreign minister said talks were possible.", "Iran's foreign minister", "IRN", "GOV", "foreign minister"),
    C("Russia's Foreign Ministry didn't reply to a request for comment.", "Russia's Foreign Ministry", "RUS", "GOV"),
    C("China's defense ministry condemned the sale.", "China's defense ministry", "CHN", "GOV"),
    C("Ukraine's president appealed for help.", "Ukraine's president", "UKR", "GOV", "president"),
    C("The foreign minister of Iran arrived on Monday.", "foreign minister of Iran", "IRN", "GOV", "foreign minister"),
    C("The Iranian government rejected the claim.", "Iranian government", "IRN", "GOV"),
    C("Ukrainians fled the city.", "Ukrainians", "UKR", "CVL"),
    C("Afghan rebels attacked a checkpoint.", "Afghan rebels", "AFG", "REB"),
    C("Israeli warplanes struck targets in Gaza.", "Israeli warplanes", "ISR", "MIL"),
    C("Indian opposition leader Rahul Gandhi criticised the move.", "Rahul Gandhi", "IND", "OPP", "opposition leader"),
    C("Taliban spokesman Zabi Karimi said the talks had ended.", "Zabi Karimi", "AFG", "REB", "spokesperson"),
    C("The Nigerian ambassador to Ghana Musa Bello was recalled.", "Musa Bello", "NGA", "GOV", "ambassador"),
    C("They expelled the ambassador of Mexico in Bolivia, Maria Lopez Garcia, on Monday.", "Maria Lopez Garcia", "MEX", "GOV", "ambassador"),
    C("Rockets were fired, a senior member of the Hamas movement, Omar Haddad, said.", "Omar Haddad", "PSE", "REB"),
    C("The Director General of the agency resigned.", "Director General", None, "GOV", "director general"),
    C("Officials in Paris intend to reduce the force.", "Officials in Paris", "FRA", "GOV"),
    C("Colombian right-wing governments had cut ties.", "Colombian right-wing governments", "COL", "GOV"),
    C("Russia has rejected the request.", "Russia", "RUS", "GOV"),
    C("The request was rejected by Russia.", "Russia", "RUS", "GOV"),
    C("Sanctions on Russia were extended.", "Russia", "RUS", None),
    # --- capitals and seats of power: actors when they act, places otherwise
    C("Moscow is seeking to reduce Iran's footprint.", "Moscow", "RUS", "GOV"),
    C("The minister visited Moscow on May 7.", "Moscow", None),
    C("Talks were held in Moscow last week.", "Moscow", None),
    C("The Kremlin said the talks were useful.", "Kremlin", "RUS", "GOV"),
    C("The White House said it would respond.", "White House", "USA", "GOV"),
    C("Tehran rejected the offer.", "Tehran", "IRN", "GOV"),
    C("Kyiv said the attack killed three people.", "Kyiv", "UKR", "GOV"),
    C("Pyongyang fired a ballistic missile.", "Pyongyang", "PRK", "GOV"),
    C("Beijing warned Washington against the sale.", "Beijing", "CHN", "GOV"),
    C("Beijing warned Washington against the sale.", "Washington", "USA", "GOV"),
    C("He flew to Beijing for the summit.", "Beijing", None),
    C("A showdown is brewing between the Islamic Republic and its rivals.", "the Islamic Republic", "IRN", "GOV"),
    C("Downing Street declined to comment.", "Downing Street", "GBR", "GOV"),
    C("Protesters marched through Kyiv on Sunday.", "Kyiv", None),
    C("Washington has increased pressure on Tehran.", "Tehran", "IRN", "GOV"),
    C("The talks hinge on decisions by Washington.", "Washington", "USA", "GOV"),
    # --- ambiguous names
    C("Georgia accused Russia of occupying its territory, officials in Tbilisi said.", "Georgia", "GEO"),
    C("Georgia's governor signed the bill in Atlanta.", "Georgia", "USA", None),
    C("Jordan closed its border with Syria.", "Jordan", "JOR"),
    C("Michael Jordan said he would retire.", "Jordan", None),
    C("Chad sent troops to Mali.", "Chad", "TCD"),
    C("Chad Smith, a local farmer, said the harvest was poor.", "Chad", None),
    C("We ate turkey on Thursday.", "turkey", None),
    C("Israel plans to annex parts of the West Bank.", "Bank", None),
    C("They told us nothing about the plan.", "us", None),
    C("Turkey agreed to buy the batteries.", "Turkey", "TUR"),
    C("The US imposed sanctions on Iran.", "US", "USA"),
    # --- organizations, groups, media
    C("Turkey, a NATO member, is risking sanctions.", "NATO", None, "IGO"),
    C("The Pentagon said more troops would be sent.", "Pentagon", "USA", "MIL"),
    C("Turkey is risking punitive measures by the Trump administration.", "Trump administration", "USA", "GOV", ANY, "2019-05-31"),
    C("The Biden administration lifted the ban.", "Biden administration", "USA", "GOV", ANY, "2022-05-31"),
    C("Hamas fired rockets at Israel.", "Hamas", "PSE", "REB"),
    C("The Taliban took control of Kabul.", "Taliban", "AFG", "REB"),
    C("Hezbollah said it had no role in the attack.", "Hezbollah", "LBN", "REB"),
    C("Kurdish fighters captured the town.", "Kurdish fighters", "SYR", "REB"),
    C("The showdown pits Iran against the U.S. and its Gulf Arab allies.", "Gulf Arab allies", None, "GOV"),
    C("Reuters reported the deal on Friday.", "Reuters", "GBR", "MED"),
    C("Vitaly Nevar / TASS", "TASS", "RUS", "MED"),
    C("The United Nations called for a ceasefire.", "United Nations", None, "IGO"),
    C("The IAEA said Iran had exceeded the limit.", "IAEA", None, "IGO"),
    C("The European Union extended the sanctions.", "European Union", None, "IGO"),
    C("The State Department declined to comment.", "State Department", "USA", "GOV"),
    # --- people unknown to the knowledge base: the sentence tells who they are
    C("Anna Petrova, director of the Institute for Regional Studies in Kazan, said the deal was dead.", "Anna Petrova", "RUS", "NGO", "director of the Institute for Regional Studies"),
    C("John Smithers, a spokesman for the British foreign ministry, said talks would resume.", "John Smithers", "GBR", "GOV"),
    C("Ahmed Karimi, a senior Iranian diplomat, said the offer stood.", "Ahmed Karimi", "IRN", "GOV"),
    C("Maria Lopez, head of the Red Cross office in Geneva, said aid was blocked.", "Maria Lopez", "CHE", "NGO"),
    C("Peter Olsen, an analyst at a think tank in Oslo, said the risk was rising.", "Peter Olsen", "NOR", "NGO"),
    C("Vitaly Nevar / TASS", "Vitaly Nevar", None),
    C("Islamabad: Pakistan summoned the envoy.\n\nThe envoy was summoned by the Foreign Office on Monday.", "Foreign Office", "PAK", "GOV"),
    C("LONDON (Reuters) - The Foreign Office said on Monday it would respond.", "Foreign Office", "GBR", "GOV"),
    C("The Foreign Office said on Monday it would respond.", "Foreign Office", None),
    C("Violence grew in Sudan as its ruling military cracked down.", "military", "SDN", "MIL"),
    C("Iran said its foreign ministry would reply.", "foreign ministry", "IRN", "GOV"),
    C("Russia refused, according to two people with knowledge of the matter, including a senior Russian official.", "people", "RUS", "CVL"),
    C("Russia refused, two people said, including a senior Russian official. The people asked not to be named.", "The people", "RUS"),
    C("The two states enjoy close political and military ties.", "military", None),
    C("The military said it had repelled the attack.", "military", None, "MIL"),
    C("Turkey said it would buy the batteries.", "it", "TUR", "GOV"),
    C("NATO warned Russia that it would respond.", "it", None, "IGO"),
    C("NATO warned Russia. It said the drills were a provocation.", "It", None),
    C("Iran was mentioned. It is unclear when the talks will resume.", "It", None),
    # --- in-article references
    C("Vladimir Putin spoke on Friday. He said the sale was off.", "He", "RUS", "GOV", "president"),
    C("Russia's Foreign Ministry issued a statement. The ministry said it had no comment.", "The ministry", "RUS", "GOV"),
    C("Russia's Foreign Ministry issued a statement. Later the ministry said it had no comment.", "the ministry", "RUS", "GOV"),
    C("Hamas fired rockets on Monday. Later the group said it would stop.", "the group", "PSE", "REB"),
    C("Syrian President Bashar al-Assad regained control of most of the country.", "the country", "SYR"),
    C("Prime Minister Boris Johnson arrived on Monday. Johnson met the envoys.", "Johnson", "GBR", "GOV", "prime minister", "2020-03-23", 1),
    C("Aid worker Sara Lee-Pompeo was released on Friday.", "Pompeo", None, ANY, ANY, "2019-06-01"),
    C("MOSCOW (Reuters) - Talks resumed on Monday.", "MOSCOW", None),
    C("Angela Merkel met the delegation. She said Germany would help.", "She", "DEU", "GOV", ANY, "2010-05-01"),
]


@pytest.fixture(scope="module")
def parse(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str | None], Doc]:
    leaders = tmp_path_factory.mktemp("actors") / "leaders.tsv"
    leaders.write_text(LEADERS, encoding="utf-8")
    return parse_with(nlp, ActorResolver(nlp, (leaders,)))


def test_enough_cases() -> None:
    assert len(CASES) >= 100


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c.mention}" for i, c in enumerate(CASES)])
def test_resolution(parse: Callable[[str, str | None], Doc], case: Case) -> None:
    (result,) = run_cases([case], parse)
    assert result.ok, result.describe()


# (text, compound text, member countries)
COMPOUNDS = [
    ("Russia and Iran have enjoyed close ties.", "Russia and Iran", ("RUS", "IRN")),
    ("France, Germany and Britain issued a joint statement.", "France, Germany and Britain", ("FRA", "DEU", "GBR")),
    ("The dispute pits Iran on one side against the U.S. and its European allies on the other.", "the U.S. and its European allies", ("USA", None)),
    ("Russia and China signed a deal. The two countries also agreed to hold drills.", "The two countries", ("RUS", "CHN")),
    ("India and Pakistan exchanged fire. Both sides blamed each other.", "Both sides", ("IND", "PAK")),
    ("Mr. Putin and Mr. Trump met. The two sides agreed on a call.", "The two sides", ("RUS", "USA")),
    ("Lavrov and Kerry spoke by phone about interaction between the two countries.", "the two countries", ("RUS", "USA")),
    (("Officials from Egypt and Jordan said Iran and Iraq resumed talks. "
      "The two countries agreed on a border."), "The two countries", ("IRN", "IRQ")),
]


def test_hyphenated_modifier_is_not_a_member(parse: Callable[[str, str | None], Doc]) -> None:
    doc = parse("The U.S.-led coalition and Iran-backed militias clashed.", "2019-05-31")
    assert not [c for c in doc._.ew_compounds if "Iran" in c[0].text]


@pytest.mark.parametrize(("text", "span", "countries"), COMPOUNDS)
def test_compounds(parse: Callable[[str, str | None], Doc], text: str, span: str,
                   countries: tuple[str | None, ...]) -> None:
    doc = parse(text, "2019-05-31")
    found = {c[0].text: tuple(m.country for m in c[1]) for c in doc._.ew_compounds}
    assert found.get(span) == countries, found


def test_coreference_is_explained(parse: Callable[[str, str | None], Doc]) -> None:
    doc = parse("Vladimir Putin spoke on Friday. He said the sale was off.", "2019-05-31")
    he = entity_for(doc, "He")
    assert he is not None and he.why.startswith("coref: He ->")
    assert he.entity_id == entity_for(doc, "Vladimir Putin").entity_id  # type: ignore[union-attr]


def test_entities_sorted_and_non_overlapping(parse: Callable[[str, str | None], Doc]) -> None:
    text = " ".join(c.text for c in CASES[:40])
    entities = parse(text, "2019-05-31")._.ew_entities
    assert entities
    for a, b in itertools.pairwise(entities):
        assert a.end <= b.start
    for e in entities:
        assert text[e.start:e.end] == e.text


def test_resolution_accuracy_over_all_cases(parse: Callable[[str, str | None], Doc]) -> None:
    results = run_cases(CASES, parse)
    assert sum(r.ok for r in results) / len(results) >= 0.9


def test_counted_sources_are_anonymous_but_counted_diplomats_are_not(
        parse: Callable[[str, str | None], Doc]) -> None:
    doc = parse("Two people with knowledge of the matter said Britain expelled 23 Russian diplomats.",
                "2018-03-14")
    people, diplomats = entity_for(doc, "people"), entity_for(doc, "Russian diplomats")
    assert people is not None and people.kind == "anonymous"
    assert diplomats is not None and diplomats.kind != "anonymous" and diplomats.country == "RUS"
