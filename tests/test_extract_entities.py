"""Entity extraction: what a careful reader of the seed articles lists, and never junk."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.extract.entities import extract_entities
from tui.extract.model import ENTITY_TYPES, TIME_TYPES
from tui.extract.times import extract_times

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _types(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for m in extract_entities(text):
        out[m.text].add(m.type)
    return out


@pytest.fixture(scope="module")
def seed_entities() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for p in sorted(SEEDS.glob("*.txt")):
        for name, types in _types(p.read_text(encoding="utf-8")).items():
            out[name] |= types
    return out


@pytest.mark.parametrize(
    ("name", "typ"),
    [
        ("Moscow", "place"),
        ("Russia", "place"),
        ("China", "place"),
        ("Togliatti", "place"),
        ("Vladimir Putin", "person"),
        ("Sergei Sobyanin", "person"),
        ("Sobyanin", "person"),
        ("Denis Manturov", "person"),
        ("Renault", "organization"),
        ("TASS", "organization"),
        ("KAMAZ", "organization"),
        ("JAC Motors", "organization"),
        ("FAW", "organization"),
        ("BYD", "organization"),
        ("Ministry of Industry and Trade", "organization"),
        ("Izvestia", "organization"),
        ("Moskvich", "organization"),
        ("Lada", "organization"),
        ("Chinese", "misc"),
    ],
)
def test_seed_entities_found_with_their_type(seed_entities: dict[str, set[str]], name: str, typ: str) -> None:
    assert seed_entities.get(name) == {typ}


def test_seed_entities_have_no_sentence_initial_junk(seed_entities: dict[str, set[str]]) -> None:
    junk = {
        "The",
        "Earlier",
        "According",
        "It",
        "One",
        "During",
        "In",
        "He",
        "This",
        "Industry",
        "Leading",
        "Currently",
        "Negotiations",
        "However",
        "Further",
        "If",
        "Some",
        "As",
        "A",
        "Source",
        "SKD",
    }
    assert not junk & set(seed_entities)


def test_possessive_is_stripped_and_name_kept() -> None:
    ents = _types("Analysts praised Renault’s plan. Putin's visit was short.")
    assert "Renault" in ents and "Putin" in ents
    assert not any("'" in n or "’" in n for n in ents)


def test_a_firm_named_with_a_possessive_keeps_its_s_but_a_persons_owner_does_not() -> None:
    ents = _types("Sales at McDonald's rose. The auction at Sotheby's and Lloyd's of London were busy.")
    assert ents["McDonald's"] == {"organization"} and ents["Sotheby's"] == {"organization"}
    assert ents["Lloyd's of London"] == {"organization"} and "McDonald" not in ents
    assert _types("Standard & Poor's cut its rating.").keys() == {"Standard & Poor's"}
    # a person of that surname owns what follows: the name is the person's, without the "'s"
    ents = _types("The newsreader Trevor McDonald's show ended. Later, Trevor McDonald said no.")
    assert ents.keys() == {"Trevor McDonald"}
    ents = _types("Daniel Moody scored twice. Moody's second try came late.")
    assert "Moody's" not in ents


def test_a_well_known_product_is_misc_with_its_edition_but_not_in_a_persons_name() -> None:
    ents = _types("Gamers queued for the Xbox and Halo. Sales of the Nintendo DS rose, the Bovespa fell.")
    assert {k: ents[k] for k in ("Xbox", "Halo", "Nintendo DS", "Bovespa")} == dict.fromkeys(
        ("Xbox", "Halo", "Nintendo DS", "Bovespa"), {"misc"}
    )
    # the product's name goes on into its edition or part
    ents = _types("A flaw in Windows Genuine Advantage was fixed.")
    assert ents.keys() == {"Windows Genuine Advantage"} and ents["Windows Genuine Advantage"] == {"misc"}
    # a given name and a surname spelt like a product are a person
    assert _types("Robert MacIntosh founded the shop.") == {"Robert MacIntosh": {"person"}}


def test_an_adjective_made_from_an_office_or_institution_is_no_name() -> None:
    text = "He told a Parliamentary lunch. The Presidential race and a Congressional hearing began."
    assert _types(text) == {}
    # a name that merely ends like one still counts
    assert _types("Shares in Fentonary rose.") == {"Fentonary": {"organization"}}


def test_a_market_leader_is_a_firm_not_a_person() -> None:
    assert _types("Market leader Vantrix, however, cut prices.")["Vantrix"] == {"organization"}
    assert _types("Party leader Vantrix, however, cut taxes.")["Vantrix"] == {"person"}


def test_partners_joined_by_an_ampersand_make_a_firm() -> None:
    assert _types("Profits at Tucker & Wells rose by a fifth.")["Tucker & Wells"] == {"organization"}
    assert _types("Shares in Porter & Hunter fell.")["Porter & Hunter"] == {"organization"}
    # two people, the second named in full; nor a bill named for two holidays
    assert _types("The show starred Matt Lucas & David Walliams.")["Matt Lucas & David Walliams"] == {
        "person"
    }
    ents = _types("MPs debated the Easter & Harvest Trading Bill.")
    assert ents["Easter & Harvest Trading Bill"] == {"misc"}


def test_a_title_after_the_kind_of_work_it_is_keeps_its_small_words_there_and_elsewhere() -> None:
    """ "the comedy, Greet the Varnons" and "his film Bake and Borrow" are one title each, also where the
    article writes them without the cue (a headline); after a plural cue, "and" still parts two titles."""
    text = (
        "Bake and Borrow tops box office\n\n"
        "He is in London to publicise his new comedy, Greet the Varnons, and his film Bake and Borrow. "
        "Bake and Borrow took $20m, more than Greet the Varnons. Spanish drama Marla Full of Grace won."
    )
    ents = _types(text)
    assert ents["Bake and Borrow"] == {"misc"} and ents["Greet the Varnons"] == {"misc"}
    assert ents["Marla Full of Grace"] == {"misc"}
    assert [m.text for m in extract_entities(text)].count("Bake and Borrow") == 3
    assert not {"Bake", "Borrow", "Greet", "Varnons", "Marla Full"} & ents.keys()
    two = _types("the films Closer and Sideways were praised; the film Ray and Jamie Foxx were praised")
    assert {"Closer", "Sideways", "Ray", "Jamie Foxx"} <= two.keys()


def test_a_title_word_ending_a_name_after_a_given_name_is_its_surname() -> None:
    """ "John Major", "Stephen King": a title word after a given name, with nothing after it but a generation,
    is the family name; an office of somewhere ("Mary Queen of Scots") stays an office."""
    text = (
        "The vote came on Monday. He served in Harold Major's cabinet and lost in 1992 to Harold Major, "
        "who thanked novelist Sarah King and the preacher Edward Fenwick Bishop Jr. for their support. "
        "A life of Mary Queen of Scots sold well."
    )
    ents = _types(text)
    assert ents["Harold Major"] == {"person"} and ents["Sarah King"] == {"person"}
    assert ents["Edward Fenwick Bishop Jr."] == {"person"}
    assert not {"Harold", "Sarah", "Edward Fenwick", "Jr.", "Mary Queen"} & ents.keys()


def test_a_given_name_before_a_suffix_that_is_also_a_family_name_is_a_person() -> None:
    """ "Jim Press", "Tony Banks": the suffix is the family name; "Grace Church", "Brent Council" stay bodies."""
    ents = _types(
        "The vote was on Monday. Gwen Steel met Derek Banks at Grace Church, and Brent Council paid."
    )
    assert ents["Gwen Steel"] == {"person"} and ents["Derek Banks"] == {"person"}
    assert ents["Grace Church"] == {"organization"} and ents["Brent Council"] == {"organization"}


def test_the_kind_of_business_before_a_list_types_its_members() -> None:
    """ "phone makers such as Ardley, Kessel and Turner": the kind named before the list types every member,
    a family name among them too."""
    ents = _types("Sales fell on Monday. Phone makers such as Ardley, Kessel and Turner sued.")
    assert ents == {"Ardley": {"organization"}, "Kessel": {"organization"}, "Turner": {"organization"}}


def test_a_family_name_alone_followed_by_which_is_no_person() -> None:
    ents = _types("Sales fell on Monday. Later, Cooper, which posted a loss, cut jobs.")
    assert ents == {"Cooper": {"organization"}}


def test_a_theatre_district_is_a_place() -> None:
    ents = _types("The musical opened in the West End and then on Broadway, where the West End show")
    assert ents == {"West End": {"place"}, "Broadway": {"place"}}


def test_a_sports_ground_is_a_place_even_where_a_team_would_be_a_club() -> None:
    text = (
        "Wales beat England 21-18 at Twickenham on Saturday. The Murrayfield crowd saw Scotland lose"
        " to Italy, and Leeds fans cheered their striker."
    )
    ents = _types(text)
    assert ents["Twickenham"] == {"place"} and ents["Murrayfield"] == {"place"}
    assert ents["Leeds"] == {"organization"}  # a town's name in the same place is its club
    # a results report, where every town that plays is a club: the ground is still a place
    report = (
        "Leeds beat Hull 2-1, Wigan beat Bolton 3-0 and Derby drew 1-1 with Luton. In the cup final,"
        " goals by Smith and Jones won it 2-0 for Leeds before a Murrayfield crowd as the league ended."
    )
    ents = _types(report)
    assert ents["Murrayfield"] == {"place"} and ents["Leeds"] == {"organization"}


def test_a_name_opening_with_a_verbs_ing_form_mid_sentence_is_a_works_title() -> None:
    assert _types("Critics praised Chasing Marbury at the festival.")["Chasing Marbury"] == {"misc"}
    # a plural is more often a band's name: "Rolling Stones", "Talking Heads"
    assert _types("Fans of Chasing Marburys met him.")["Chasing Marburys"] == {"organization"}
    # an organisation's last word still decides
    assert _types("He told the Racing Post he would ride.")["Racing Post"] == {"organization"}


def test_titles_mark_people_and_stay_out_of_the_name() -> None:
    ents = _types("In a meeting, President Vladimir Putin and Moscow Mayor Sergei Sobyanin spoke.")
    assert ents["Vladimir Putin"] == {"person"}
    assert ents["Sergei Sobyanin"] == {"person"}
    assert ents["Moscow"] == {"place"}
    assert "Mayor" not in " ".join(ents)


def test_organisation_cues_and_suffixes() -> None:
    ents = _types(
        "The report was cited by Kommersantovo. Shares of Brightwell Motors rose, the agency Zenta said."
    )
    assert ents["Kommersantovo"] == {"organization"}
    assert ents["Brightwell Motors"] == {"organization"}
    assert ents["Zenta"] == {"organization"}


def test_surname_takes_the_type_of_the_full_name() -> None:
    ents = _types("Phil Simmons took four wickets. Later Simmons said he was pleased.")
    assert ents["Phil Simmons"] == {"person"}
    assert ents["Simmons"] == {"person"}


def test_a_name_made_of_everyday_words_is_no_person_but_a_rare_name_is() -> None:
    ents = _types("Fans of Snow Patrol and Iron Maiden met Tarvek Olandis at the show.")
    assert ents["Snow Patrol"] == {"organization"}
    assert ents["Iron Maiden"] == {"organization"}
    assert ents["Tarvek Olandis"] == {"person"}


def test_an_everyday_last_word_alone_is_no_surname() -> None:
    ents = _types("Fans of Snow Patrol cheered. Later Patrol played an encore.")
    assert ents["Snow Patrol"] == {"organization"}


def test_brand_shapes_are_no_people_but_surnames_of_that_shape_are() -> None:
    ents = _types(
        "Sales of the PlayStation Portable and the MacBook Air rose, MSN Messenger users said. "
        "Leonardo DiCaprio and Paul McCartney were at the launch."
    )
    assert "person" not in ents["PlayStation Portable"]
    assert "person" not in ents["MSN Messenger"]
    assert "person" not in ents["MacBook Air"]
    assert ents["Leonardo DiCaprio"] == {"person"}
    assert ents["Paul McCartney"] == {"person"}


def test_a_numbered_title_is_no_person_but_a_king_is() -> None:
    ents = _types("Fans queued for Doom III while actors rehearsed Richard III at the Globe.")
    assert ents["Doom III"] == {"misc"}
    assert ents["Richard III"] == {"person"}


def test_the_pronoun_i_joins_no_name_but_a_numeral_does() -> None:
    names = {
        m.text for m in extract_entities("Somehow I knew. He fought in World War I and Elizabeth I ruled.")
    }
    assert "Somehow I" not in names and "Somehow" not in names
    assert {"World War I", "Elizabeth I"} <= names


def test_an_everyday_word_opening_a_sentence_is_a_name_only_if_written_so_elsewhere() -> None:
    names = {
        m.text for m in extract_entities("Rumours spread. Apple denied them. Analysts said Apple would grow.")
    }
    assert "Rumours" not in names
    assert "Apple" in names


def test_a_companys_name_first_makes_a_product_not_a_person() -> None:
    ents = _types("Microsoft Corp. said on Monday that Microsoft Longhorn would ship late.")
    assert ents["Microsoft Longhorn"] == {"misc"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They expect a General Election, Mr Smith said.",
            {"General Election": {"misc"}, "Smith": {"person"}},
        ),
        ("President Bush met General Petraeus.", {"Bush": {"person"}, "Petraeus": {"person"}}),
        ("Mr Jobs spoke.", {"Jobs": {"person"}}),
        ("MPs debated the Anti-Terrorism Bill.", {"Anti-Terrorism Bill": {"misc"}}),
        ("Anti-fraud consultancy Retail Decisions said so.", {"Retail Decisions": {"organization"}}),
        ("Trade was brisk in the New Year, Tesco said.", {"New Year": {"misc"}, "Tesco": {"organization"}}),
        ("Its powers date from the 19th Century in England.", {"England": {"place"}}),
        (
            "He told Radio 4's Today programme and Channel 4.",
            {"Radio 4": {"organization"}, "Channel 4": {"organization"}},
        ),
        ("The All Blacks beat Wales.", {"All Blacks": {"organization"}, "Wales": {"place"}}),
        ("Sales of flat-screen TVs rose at Sony.", {"Sony": {"organization"}}),
    ],
)
def test_everyday_phrases_numbers_and_compounds_around_names(
    text: str, expected: dict[str, set[str]]
) -> None:
    got = _types(text)
    assert dict(got) == expected


def test_abbreviations_of_everyday_things_and_plural_abbreviations_are_no_names() -> None:
    text = "GDP rose, the CEO of IBM said, as MPs and DJs met and the NHS hired. Airbus sold six A380s."
    assert dict(_types(text)) == {
        "IBM": {"organization"},
        "NHS": {"organization"},
        "Airbus": {"organization"},
        "A380s": {"misc"},
    }


def test_a_surname_said_alone_after_the_full_name_is_that_person() -> None:
    text = 'Arsene Wenger has pledged to keep faith. Wenger said: "Yes." Later, Wenger left.'
    assert dict(_types(text)) == {"Arsene Wenger": {"person"}, "Wenger": {"person"}}
    text = "Zentrix Motors grew. Zentrix said so."  # a company's first word is no surname
    assert _types(text)["Zentrix"] == {"organization"}
    # a maker's model has none either
    text = "Zentrix Motor Company will revive the Zentrix Quorra. The Quorra sold well. Zentrix said so."
    assert "person" not in _types(text)["Quorra"]
    # the first name said alone too does not make a person a company
    text = "Reeva Doumbia starred. Reeva had a cold. Doumbia said the film was done."
    got = _types(text)
    assert got["Reeva Doumbia"] == {"person"} and got["Doumbia"] == {"person"}


def test_a_kind_of_work_before_a_title_makes_it_a_work_in_the_whole_article() -> None:
    got = _types("The comedy Sideways won. Sideways stars Paul Giamatti.")
    assert got["Sideways"] == {"misc"} and got["Paul Giamatti"] == {"person"}
    assert _types("Polls show Labour ahead.")["Labour"] == {"organization"}  # "show" is no kind of work


def test_a_title_of_two_unknown_halves_joined_by_of_the_is_one_name() -> None:
    text = (
        "The awards went to Eternal Sunshine of the Spotless Mind, said Simon Hart of the Countryside"
        " Alliance, as Ajax of the Netherlands and the Department of the Environment looked on."
    )
    assert dict(_types(text)) == {
        "Eternal Sunshine of the Spotless Mind": {"misc"},
        "Simon Hart": {"person"},  # a person's name on the left: "X of the Y" is where X works
        "Countryside Alliance": {"organization"},
        "Ajax": {"organization"},  # a known name on the right: "Ajax of the Netherlands"
        "Netherlands": {"place"},
        "Department of the Environment": {"organization"},
    }
    # an organisation's head licenses "of the" whatever follows it
    got = _types("Students of the University of the Highlands and Islands met.")
    assert got["University of the Highlands and Islands"] == {"organization"}


def test_everyday_plurals_and_processes_opening_a_sentence_are_no_names() -> None:
    text = "Prosecutors wanted more.\n\nSpeculation has mounted. Organisers hope to raise money."
    assert dict(_types(text)) == {}
    # the same forms stay names where the article writes them so mid-sentence, or in a results line
    assert _types("Rovers won the cup, and fans of Rovers cheered.")["Rovers"] == {"organization"}
    assert _types("Airdrieonians 1 Dundee 0")["Airdrieonians"] == {"organization"}


def test_a_title_word_heading_of_the_names_a_work_not_a_lord() -> None:
    text = (
        "Sales rose as the Lord of the Rings trilogy opened and King of the Hill returned to Fox."
        " Lord Falconer said the Secretary of the Navy was wrong."
    )
    got = _types(text)
    assert got["Lord of the Rings"] == {"misc"} and got["King of the Hill"] == {"misc"}
    assert "Rings" not in got and "Hill" not in got
    assert got["Falconer"] == {"person"}  # a title before a name still names a person
    assert "Secretary of the Navy" not in got  # an office, not a work
    # the award is one name, and a name before it stays its own
    got = _types("Brian O'Driscoll was the Six Nations Player of the Year.")
    assert got["Six Nations"] == {"organization"} and "Six Nations Player" not in got


def test_a_platform_before_based_is_no_place_but_a_town_is() -> None:
    assert _types("It runs a Linux-based operating system.").get("Linux") != {"place"}
    assert _types("Moscow-based Aeroflot flies on.")["Moscow"] == {"place"}


def test_all_caps_headline_gives_no_junk_but_known_names() -> None:
    text = (
        "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .\nLONDON 1996-08-30\n"
        "Leicestershire beat Somerset by an innings on Friday .\n"
    )
    names = {m.text for m in extract_entities(text)}
    assert "LONDON" in names and "LEICESTERSHIRE" in names
    assert not names & {"CRICKET", "TAKE", "OVER", "AT", "TOP", "AFTER", "INNINGS", "VICTORY"}


def test_acronym_in_text_is_an_organisation_but_a_spelled_out_term_is_not() -> None:
    ents = _types("Officials met KAMAZ managers about semi-knocked-down SKD assembly.")
    assert ents["KAMAZ"] == {"organization"}
    assert "SKD" not in ents


def test_a_question_word_is_no_acronym_it_spells() -> None:
    ents = _types("Who is going to pay? Us and them, he said. The WHO and the US agreed.")
    assert "Who" not in ents and "Us" not in ents
    assert ents["WHO"] == {"organization"} and ents["US"] == {"place"}


def test_a_two_letter_short_form_is_that_name_only_in_capitals() -> None:
    # "LA" is Los Angeles; the article "La" of a foreign name is no short form of it
    ents = _types("The actor was shot at his LA home. Later the squad trained in La Manga.")
    assert ents["LA"] == {"place"}
    assert ents["La Manga"] == {"place"}  # no town's club or company, as "LA Galaxy" would be
    ents = _types("She starred in Engagement (Un Long Dimanche de Fiancailles) last year.")
    assert "Un" not in ents and "Un Long Dimanche de Fiancailles" in ents  # the UN is written "UN"


def test_a_word_of_kin_ending_a_name_is_part_of_it() -> None:
    ents = _types("He was evicted from Celebrity Big Brother on Friday. They saw Twisted Sister play.")
    assert "Celebrity Big Brother" in ents and "Celebrity Big" not in ents
    assert "Twisted Sister" in ents
    ents = _types("He met Sister Wendy and Father Ted. Big Brother is back.")
    assert "Wendy" in ents and "Sister Wendy" not in ents  # a title before a name stays a title
    assert "Brother" not in ents  # no fragment of a name whose first word may be the sentence's


def test_a_laws_name_runs_on_through_of() -> None:
    ents = _types("Papers were shredded ahead of the Freedom of Information Act's start.")
    assert ents["Freedom of Information Act"] == {"misc"} and "Freedom" not in ents
    ents = _types("He led the opposition to the Prevention of Terrorism Bill in the Commons.")
    assert "Prevention of Terrorism Bill" in ents and "Prevention" not in ents
    ents = _types("Mr Howard of Labour Act fame spoke.")  # a name before "of" is no law's first word
    assert "Howard of Labour Act" not in ents


def test_a_sentence_after_a_name_ending_abbreviation_starts_anew() -> None:
    ents = _types("He toured with Hank Williams Jr. He wrote songs for Warner Bros. However, it failed.")
    assert "Hank Williams Jr." in ents and "Warner Bros." in ents
    assert not [name for name in ents if name.endswith(("He", "However"))]
    ents = _types("First Bank System Inc. and Norwest Corp. agreed to merge.")
    assert "First Bank System Inc." in ents and "Norwest Corp." in ents  # two firms, not one
    assert "Samsung Electronics Co. Ltd" in _types("Samsung Electronics Co. Ltd said so.")


def test_two_everyday_words_joined_by_of_are_one_name() -> None:
    ents = _types("It was the rites-of-passage story My Summer of Love. He won the Medal of Honor.")
    assert ents["Summer of Love"] == {"misc"} and ents["Medal of Honor"] == {"misc"}
    assert "Summer" not in ents and "Love" not in ents and "Honor" not in ents
    ents = _types("Most of Britain was wet, and Members of Parliament voted at the Bank of England.")
    assert "Most of Britain" not in ents and "Members of Parliament" not in ents
    assert ents["Bank of England"] == {"organization"}


def test_in_before_a_possessive_is_no_place_cue() -> None:
    ents = _types("Carnival has named a new boss. He oversaw a turnaround in Carnival's fortunes.")
    assert ents["Carnival"] == {"organization"}
    assert _types("Prices rose in Britain's shops.")["Britain"] == {"place"}


def test_an_office_named_with_a_title_is_one_organisation() -> None:
    text = "Figures from the Office of the Deputy Prime Minister and the US Department of Justice agreed."
    ents = _types(text)
    assert ents["Office of the Deputy Prime Minister"] == {"organization"}
    assert ents["US Department of Justice"] == {"organization"}


def test_a_given_name_after_a_determiner_is_no_person() -> None:
    ents = _types("MPs will oppose the Bill in the Lords, said the Chelsea star.")
    assert "person" not in ents.get("Bill", set()) and "person" not in ents.get("Chelsea", set())
    assert _types("He waited. Then Bill said no.")["Bill"] == {"person"}


def test_diseases_and_line_up_labels_are_no_names() -> None:
    ents = _types("Money to treat HIV/Aids and Sars went missing.\n\nSubs Not Used: Weaver, Onuoha.")
    assert not {"Aids", "Sars", "Subs Not Used", "Subs"} & set(ents)
    assert "Weaver" in ents


def test_a_city_and_its_club() -> None:
    assert _types("Manchester City boss Kevin Keegan was pleased.")["Manchester City"] == {"organization"}
    assert _types("Prices rose in Mexico City and in Wuhan City.")["Mexico City"] == {"place"}
    report = "Results: Bristol City 2-1 Hull, Leeds 0-3 Leicester City, Derby 1-1 Stoke. Goals scored in the league."
    assert _types(report)["Leicester City"] == {"organization"}


def test_a_region_of_a_known_place_is_one_place() -> None:
    ents = _types("The mine is in South Australia. Police in West Yorkshire and Greater London agreed.")
    assert ents["South Australia"] == {"place"} and ents["West Yorkshire"] == {"place"}
    assert ents["Greater London"] == {"place"}
    assert not {"South", "West", "Greater", "Australia", "Yorkshire"} & set(ents)


def test_a_given_name_after_santa_or_port_belongs_to_the_place() -> None:
    ents = _types("He said so. Santa Monica-based Activision rose. She flew to Port Elizabeth.")
    assert ents["Santa Monica"] == {"place"} and ents["Port Elizabeth"] == {"place"}
    assert not {"Santa", "Monica", "Elizabeth"} & set(ents)


def test_a_prefix_hyphened_to_a_name_is_cut_off() -> None:
    text = (
        "The ex-Chelsea striker spoke. Ex-Liverpool boss Gerard Houllier agreed. A pro-Europe group met "
        "non-EU workers. The game went on sale in mid-November. Anti-Terrorism Bill critics spoke."
    )
    ents = _types(text)
    assert {"Chelsea", "Liverpool", "Europe", "EU"} <= set(ents)
    assert not any("-" in name and not name.startswith("Anti-") for name in ents)
    assert "November" not in ents and "mid-November" not in ents
    assert "Anti-Terrorism Bill" in ents  # a capitalised prefix may be part of the name


def test_group_adjectives_are_misc_and_a_company_named_amazon_is_no_place() -> None:
    ents = _types("Native American groups and Puerto Rican voters condemned the anti-Semitic remarks.")
    assert ents["Native American"] == {"misc"} and ents["Puerto Rican"] == {"misc"}
    assert ents["Semitic"] == {"misc"}
    assert _types("Shoppers went to Amazon's site. Amazon said sales rose.")["Amazon"] == {"organization"}


def test_names_that_go_on_through_on_and_and_are_whole() -> None:
    text = (
        "He cited the European Convention on Human Rights. The Joint Committee on Human Rights and the Food "
        "and Agriculture Organisation agreed. The Commission on Thursday said no."
    )
    ents = _types(text)
    assert ents["European Convention on Human Rights"] == {"misc"}
    assert ents["Joint Committee on Human Rights"] == {"organization"}
    assert ents["Food and Agriculture Organisation"] == {"organization"}
    assert "Human Rights" not in ents and "Commission" in ents
    # two names side by side stay two
    two = _types(
        "Universal and Warner Bros. agreed, as did Apple and Apple Corps and the Navy and Air Force."
    )
    assert {"Universal", "Warner Bros.", "Apple", "Apple Corps", "Navy", "Air Force"} <= set(two)


def test_a_stake_or_shares_in_a_name_make_it_a_company() -> None:
    ents = _types(
        "Shanda bought a 20% stake in Sina. Shares in Elan fell. Allied Domecq shares in London rose."
    )
    assert ents["Sina"] == {"organization"} and ents["Elan"] == {"organization"}
    assert ents["London"] == {"place"}


def test_an_offices_portfolio_is_no_name_and_its_holder_is_a_person() -> None:
    text = (
        "Minister for Foreign Affairs Alexander Downer met Secretary of State for Health John Reid. "
        "Minister of Industry and Trade Denis Manturov and Commissioner for Competition Neelie Kroes agreed. "
        "The Minister of Finance said no."
    )
    ents = _types(text)
    for person in ("Alexander Downer", "John Reid", "Denis Manturov", "Neelie Kroes"):
        assert ents[person] == {"person"}
    assert not {
        "Foreign Affairs",
        "Health",
        "Trade",
        "Industry",
        "Finance",
        "Competition Neelie Kroes",
    } & set(ents)
    # what follows "of" may name something of its own
    named = _types("He met the President of France, the Chairman of General Motors and the Mayor of Reading.")
    assert {"France", "General Motors", "Reading"} <= set(named)


def test_a_verb_opening_a_sentence_is_not_the_first_word_of_a_name() -> None:
    ents = _types('It rose. Putting Vioxx back on sale is likely. His film "Sleeping Bread" (1975) won.')
    assert "Vioxx" in ents and "Putting Vioxx" not in ents
    assert "Sleeping Bread" in ents  # a quoted title keeps its first word
    assert "Downing St" in _types("It rose. Downing St said no.")


def test_reinsurers_and_uk_parties_are_organisations() -> None:
    ents = _types("Shares in Swiss Re and Munich Re fell. Plaid Cymru and the SNP agreed. A Plaid MP spoke.")
    for name in ("Swiss Re", "Munich Re", "Plaid Cymru", "SNP", "Plaid"):
        assert ents[name] == {"organization"}, name
    assert "MP" not in ents and "Swiss" not in ents


def test_a_title_right_after_its_kind_of_work_is_misc_even_when_it_opens_with_a_given_name() -> None:
    ents = _types("Critics loved the abortion drama Nora Quillby. Later Nora Quillby won a prize.")
    assert ents["Nora Quillby"] == {"misc"}
    assert _types("He sang in the biopic Ray.")["Ray"] == {"misc"}
    # after a comma the name is the next clause's subject, not the title
    assert _types("Unlike the two earlier films, Nora Quillby is bleak.")["Nora Quillby"] == {"person"}


def test_a_pet_form_of_a_given_name_opens_one_name_with_the_names_after_it() -> None:
    """ "Billie", "Millie": a listed given name, so the given name after it does not start a second name."""
    ents = _types("The prize went to Billie Jo Harker on Monday, and Millie Rose Dunmore came second.")
    assert ents == {"Billie Jo Harker": {"person"}, "Millie Rose Dunmore": {"person"}}


def test_will_in_mid_sentence_before_a_name_is_a_given_name() -> None:
    ents = _types("They toured with Bob Geldof, Will Quillby and Ann Lee. Will Quillby said so.")
    assert ents["Will Quillby"] == {"person"}
    assert "Will Quillby" in _types("The prize went to Will Quillby.")
    songs = _types('They sang "We Will Rock You" again.')  # a title going on is not a name
    assert "Will Rock You" not in songs and "Will" not in songs


def test_due_to_or_owing_to_opening_a_sentence_is_no_name() -> None:
    ents = _types("Plants shut. Due to the strike, Calder Mills paused. Owing to rain, Delmont Foods waited.")
    assert ents.keys() == {"Calder Mills", "Delmont Foods"}


def test_a_capitalised_adjective_opening_a_sentence_is_no_name() -> None:
    ents = _types("Thousands marched. Young people are hit hardest, said Neil Quillby.")
    assert "Young" not in ents and ents["Neil Quillby"] == {"person"}


def test_a_title_that_is_also_an_adverb_names_no_one_before_a_comma() -> None:
    ents = _types("Quillco is a giant of food. Looking forward, Quillco expects growth. Quillco grew.")
    assert ents["Quillco"] == {"organization"}
    assert _types("They met the club's forward, Joe Quillby.")["Joe Quillby"] == {"person"}


def test_a_performers_role_before_a_stage_name_makes_it_a_person() -> None:
    ents = _types("The show starred rapper Quillbeat and comedian Zanzibo. Later Quillbeat spoke.")
    assert ents["Quillbeat"] == {"person"} and ents["Zanzibo"] == {"person"}


def test_cyrillic_names_are_found() -> None:
    text = "В Москве Сергей Собянин встретился с Владимиром Путиным. Это было важно."
    names = {m.text for m in extract_entities(text)}
    assert "Москве" in names
    assert "Сергей Собянин" in names
    assert "Это" not in names and "В" not in names


def test_offsets_and_types_hold_on_seeds() -> None:
    for p in SEEDS.glob("*.txt"):
        text = p.read_text(encoding="utf-8")
        prev = -1
        for m in extract_entities(text):
            assert text[m.start : m.end] == m.text
            assert m.type in ENTITY_TYPES
            assert m.start >= prev
            prev = m.start


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_extractors_never_raise_and_offsets_hold_on_any_text(text: str) -> None:
    for m in extract_entities(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.type in ENTITY_TYPES
    for t in extract_times(text):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.type in TIME_TYPES


_NEWSY = st.lists(
    st.sampled_from(
        [
            "The",
            "Moscow",
            "said",
            "Friday",
            "U.S.",
            "Mr.",
            "Smith",
            "'s",
            "of",
            "and",
            "KAMAZ",
            ",",
            ".",
            "\n",
            "2023",
            "March",
            "3",
            "last",
            "week",
            "two",
            "years",
            "ago",
            "Москва",
            "Москвы",
            "в",
            "Мэр",
            "Сергей",
            "марта",
            "году",
            "назад",
            "«",
            "»",
            "iPhone",
            "(",
            ")",
            "-",
            "’s",
        ]
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_extractors_hold_offsets_on_news_like_text(text: str) -> None:
    import datetime as dt

    for m in extract_entities(text):
        assert text[m.start : m.end] == m.text
    for t in extract_times(text, dt.date(2023, 5, 17)):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("word", "ordinary"),
    [
        ("store", True),
        ("stores", True),
        ("churches", True),
        ("studies", True),
        ("smoking", True),
        ("running", True),
        ("crashed", True),
        ("carried", True),
        ("housewives", True),  # "-ves" from "-fe" or "-f"
        ("dwarves", True),
        ("welles", False),  # "-es" comes off only after s, x, z, ch, sh
        ("olandis", False),
        ("smith", False),  # surnames and given names are left out of the vocabulary
        ("john", False),
    ],
)
def test_ordinary_words_are_known_in_their_regular_forms(word: str, ordinary: bool) -> None:
    from tui.extract.lexicon import is_ordinary, lexicon

    assert is_ordinary(word, lexicon().vocabulary) is ordinary


def test_a_name_followed_by_speaking_or_aged_after_a_comma_is_a_person() -> None:
    text = (
        "Quillby rules out sale\n\nBut Quillby, speaking to reporters on Monday, ruled it out. "
        "Quillby joined the club in 1998."
    )
    assert _types(text)["Quillby"] == {"person"}
    assert _types("Zanwick, aged 34, was charged. Zanwick denies it.")["Zanwick"] == {"person"}


def test_a_name_that_merged_with_a_company_is_an_organisation() -> None:
    text = "The plant built planes for Halden Carver. In 1997 Halden Carver merged with Boeing."
    assert _types(text)["Halden Carver"] == {"organization"}


def test_a_town_followed_by_its_state_or_country_is_a_place() -> None:
    ents = _types("Plants hit: * Brackwell Assembly of Brackwell, Kentucky * Glenvale, Ohio")
    assert ents["Brackwell Assembly"] == {"organization"} and "Brackwell Assembly of Brackwell" not in ents
    assert ents["Brackwell"] == {"place"} and ents["Glenvale"] == {"place"}
    ents = _types(
        "QUILLTON, N.Y. (AP) _ She was in Ferrisburg, Md., for a week, then Ostrava, Czech Republic."
    )
    for place in ("QUILLTON", "N.Y.", "Ferrisburg", "Md.", "Ostrava"):
        assert ents[place] == {"place"}, place
    # an organisation's own last word outranks the place after it; an item of a list is no town
    lab = _types("He worked at Quillby National Laboratory, New Mexico.")
    assert lab["Quillby National Laboratory"] == {"organization"}
    assert _types("Still in the draw: Chelsea FC, Quillco, Monaco.")["Quillco"] == {"organization"}


def test_a_name_opening_with_an_everyday_word_that_is_no_given_name_is_no_person() -> None:
    ents = _types("Fans cheered when Happy Quillers played. Analysts at Bear Quillstone agreed.")
    assert "person" not in ents["Happy Quillers"] and "person" not in ents["Bear Quillstone"]
    assert _types("The prize went to Drew Quillby.")["Drew Quillby"] == {"person"}


def test_a_town_named_as_a_sports_team_is_its_club_but_its_ground_is_a_place() -> None:
    ents = _types("Sheffield boss Tom Reid was pleased. His side won 2-0 at Leeds, and Sheffield are third.")
    assert ents["Sheffield"] == {"organization"}
    assert ents["Leeds"] == {"place"}  # where the match was, not who played it
    ents = _types("Bristol were beaten by Plymouth in the league, and both goals came late.")
    assert ents["Bristol"] == {"organization"} and ents["Plymouth"] == {"organization"}
    assert _types("England captain John Terry scored twice.")["England"] == {"place"}  # a national side


def test_a_plural_verb_or_a_player_makes_no_team_outside_a_sports_story_or_a_clause_start() -> None:
    ents = _types("Cardiff and Bristol are among the cities bidding for the funds.")
    assert ents["Cardiff"] == {"place"} and ents["Bristol"] == {"place"}
    # in one: two towns make a plural subject ("X and Y are") without being teams
    ents = _types("The tournament's matches are shared: Cardiff and Bristol are the host cities.")
    assert ents["Bristol"] == {"place"}
    assert _types("The film made him a Hollywood player, yet he never beat the odds.")["Hollywood"] == {
        "place"
    }


def test_a_club_named_after_its_town_is_one_organisation() -> None:
    ents = _types("Owen left Real Madrid for Inter Milan, and Dynamo Moscow wanted him too.")
    assert ents["Real Madrid"] == {"organization"} and ents["Inter Milan"] == {"organization"}
    assert ents["Dynamo Moscow"] == {"organization"}
    assert not {"Madrid", "Milan", "Moscow", "Real", "Inter", "Dynamo"} & set(ents)
    # a club's striker makes it a sports story, where "Newcastle have" is a team too
    ents = _types("Newcastle have joined the race to sign Real Madrid striker Fernando Morientes.")
    assert ents["Newcastle"] == {"organization"}


def test_an_acronym_before_a_town_or_region_names_one_organisation_but_not_before_a_country() -> None:
    ents = _types("AC Milan beat PSV Eindhoven, and EADS North America said GM Europe would pay SKR China.")
    for name in ("AC Milan", "PSV Eindhoven", "EADS North America", "GM Europe"):
        assert ents[name] == {"organization"}, name
    assert ents["China"] == {"place"} and not {"Milan", "Eindhoven", "North", "America", "Europe"} & set(ents)


def test_a_weekday_in_a_name_stays_in_the_name() -> None:
    found = _types(
        "He told the Sunday Times he would go. Mike Friday's England side won. "
        "On Tuesday Mitsubishi said it would cut jobs."
    )
    assert found["Sunday Times"] == {"organization"}
    assert found["Mike Friday"] == {"person"}
    assert "Mike" not in found and "Tuesday Mitsubishi" not in found
    assert found["Mitsubishi"] == {"organization"}


def test_a_football_club_not_named_town_and_club_word_is_an_organisation() -> None:
    found = _types("Aston Villa beat Nottingham Forest 2-1 and Sheffield Wednesday lost.")
    assert found == dict.fromkeys(
        ("Aston Villa", "Nottingham Forest", "Sheffield Wednesday"), {"organization"}
    )


def test_a_short_weekday_form_alone_is_the_word() -> None:
    # "Sun" and "Sat" are weekdays only before a date
    found = _types("Sun Microsystems rose. The Sun newspaper said so. It closed on Sun., Jan. 5.")
    assert found["Sun Microsystems"] == {"organization"}
    assert found["Sun"] == {"organization"}
    assert "Jan" not in found


def test_a_holiday_is_a_date_not_a_name_unless_it_starts_one() -> None:
    found = _types(
        "He was shot on Christmas Eve. Shops shut on Good Friday. He signed the Good Friday Agreement."
    )
    assert set(found) == {"Good Friday Agreement"}
    assert found["Good Friday Agreement"] == {"misc"}


def test_a_listed_the_name_is_found_after_a_lowercase_the() -> None:
    # "The Times" is listed; mid-sentence its "the" is lowercase and "Times" alone an everyday word
    found = _types(
        "The minister wrote to the head. Her coach told the Times: no. It was in the Times Magazine."
    )
    assert found["Times"] == {"organization"}
    assert "Magazine" not in found
    assert _types("He told the News of the World so.") == {"News of the World": {"organization"}}
    # at a sentence's start the listed name opens a longer one
    found = _types(
        "He voted. The Economist Intelligence Unit said no. The Times Educational Supplement agreed."
    )
    assert found == {
        "The Economist Intelligence Unit": {"organization"},
        "The Times Educational Supplement": {"organization"},
    }


def test_a_surname_that_is_also_a_word_is_the_person_named_in_full() -> None:
    found = _types("Robbie Williams and Britney Spears won. Spears was named best female. Wall Street fell.")
    assert found["Spears"] == {"person"}


def test_an_institution_of_a_place_or_people_is_one_organisation() -> None:
    found = _types(
        "Prices rose in the spring. A report from the Museum of London came out. The Confederation of "
        "British Industry and the Association of British Insurers replied. The American Chamber of "
        "Commerce, the British Chambers of Commerce and the Russian Academy of Sciences met at the "
        "University of Southern California. The Federal Republic of Yugoslavia and the Embassy of Japan "
        "did not."
    )
    for name in (
        "Museum of London",
        "Confederation of British Industry",
        "Association of British Insurers",
        "American Chamber of Commerce",
        "British Chambers of Commerce",
        "Russian Academy of Sciences",
        "University of Southern California",
        "Embassy of Japan",
    ):
        assert found[name] == {"organization"}, name
    assert found["Federal Republic of Yugoslavia"] == {"place"}
    assert not {"London", "British", "American", "Japan", "California"} & set(found)


def test_and_in_an_institutions_name_joins_its_portfolio_not_the_next_name() -> None:
    found = _types(
        "Prices rose in the spring. He met the University of California and Dan Gillmor. The Duchy of "
        "Lancaster and Duchy of Cornwall pay. The Police Federation of England and Wales, the Ministry of "
        "Industry and Trade and the Centre for Transport and Society spoke. Shares in Bank of America Corp. and "
        "JPMorgan Chase & Co. rose."
    )
    for name in (
        "University of California",
        "Dan Gillmor",
        "Duchy of Lancaster",
        "Duchy of Cornwall",
        "Police Federation of England and Wales",
        "Ministry of Industry and Trade",
        "Centre for Transport and Society",
        "Bank of America Corp.",
        "JPMorgan Chase & Co.",
    ):
        assert name in found, name
    assert len(found) == 9


def test_a_name_with_a_plural_verb_is_a_band_or_team_but_not_one_of_several_people() -> None:
    """A person takes "was", never "were": "Gordon Vance were nominated" names a band."""
    ents = _types("Last night Gordon Vance were the only British band nominated for the prize.")
    assert ents["Gordon Vance"] == {"organization"}
    # one of several subjects, a subjunctive, an object: people still
    ents = _types("Kelly Marsh and compatriot Dana Vossberg were given provisional suspensions.")
    assert ents["Dana Vossberg"] == {"person"}
    assert _types("He said that if Gordon Vance were to resign, he would stand.")["Gordon Vance"] == {
        "person"
    }
    assert _types("The boys playing Gordon Vance are all under fifteen.")["Gordon Vance"] == {"person"}
    assert _types("Sales in Tatarstan were up by a tenth.")["Tatarstan"] == {"place"}


def test_a_test_match_is_no_name_but_a_board_named_for_it_is() -> None:
    ents = _types("He was picked for the second Test against Australia, his first Test since the tour.")
    assert "Test" not in ents and ents["Australia"] == {"place"}
    assert _types("Test rugby is hard, said Smith.").keys() == {"Smith"}
    ents = _types("A spokesman for the Test and County Cricket Board said no.")
    assert ents["Test and County Cricket Board"] == {"organization"}
