"""Corpus entities: one entity per real-world name, with aliases, types and the user's adjustments."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.extract.entities import extract_entities
from tui.extract.entity_index import EntityIndex, EntityOptions, build_entity_index
from tui.extract.model import EntityMention

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _index_of(texts: dict[str, str]) -> EntityIndex:
    """The corpus entities of ``texts``, as the app builds them: each text extracted, then merged."""
    return build_entity_index({k: extract_entities(t) for k, t in texts.items()}, None, texts)


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="module")
def seed_index(seed_texts: dict[str, str]) -> EntityIndex:
    return _index_of(seed_texts)


def test_seed_sidebar_lists_each_entity_once_with_its_type(seed_index: EntityIndex) -> None:
    expected = {
        "Moscow": "place",
        "Russia": "place",
        "China": "place",
        "Togliatti": "place",
        "Vladimir Putin": "person",
        "Sergei Sobyanin": "person",
        "Denis Manturov": "person",
        "Moskvich": "organization",
        "Renault": "organization",
        "TASS": "organization",
        "KAMAZ": "organization",
        "JAC Motors": "organization",
        "FAW": "organization",
        "BYD": "organization",
        "Ministry of Industry and Trade": "organization",
        "Izvestia": "organization",
        "Lada": "organization",
    }
    names = [e.name for e in seed_index.entities]
    assert len(names) == len({n.casefold() for n in names})
    got = {e.name: e.type for e in seed_index.entities}
    for name, typ in expected.items():
        assert got.get(name) == typ, name
    junk = {"The", "Earlier", "According", "It", "One", "During", "Sobyanin", "Putin"}
    assert not junk & set(names)


def test_surname_is_an_alias_of_the_full_name(seed_index: EntityIndex) -> None:
    e = seed_index.find("sobyanin")
    assert e is not None and e.name == "Sergei Sobyanin" and "Sobyanin" in e.aliases
    assert e.type == "person"
    assert len(e.articles) == 2


def test_entities_are_ordered_by_mentions_then_name(seed_index: EntityIndex) -> None:
    keys = [(-e.mentions, e.name.casefold()) for e in seed_index.entities]
    assert keys == sorted(keys)
    assert seed_index.entities[0].name in ("Moskvich", "Moscow")


def test_mentions_point_into_the_texts(seed_index: EntityIndex, seed_texts: dict[str, str]) -> None:
    total = 0
    for aid in seed_index.mentions:
        for s, e, k in seed_index.mentions_of(aid):
            ent = seed_index.entities[k]
            surface = seed_texts[aid][s:e]
            assert surface.casefold() in {n.casefold() for n in (ent.name, *ent.aliases)}
            total += 1
    assert total == sum(e.mentions for e in seed_index.entities)
    assert seed_index.articles_for("Moscow") == list(seed_texts)


def _m(text: str, word: str, typ: str) -> EntityMention:
    i = text.index(word)
    return EntityMention(i, i + len(word), word, typ)


def test_options_extra_ignore_and_merge() -> None:
    texts = {
        "a": "Acme Widgets met Globex. The Widget Makers Guild was not there. Later Globex left.",
        "b": "Globex Corporation grew. Acme Widgets and Initech signed.",
    }
    per = {
        "a": [_m(texts["a"], "Acme Widgets", "misc"), _m(texts["a"], "Globex", "organization")],
        "b": [
            _m(texts["b"], "Globex Corporation", "organization"),
            _m(texts["b"], "Initech", "organization"),
        ],
    }
    opts = EntityOptions(
        extra=[{"name": "Widget Makers Guild", "type": "organization", "aliases": ["the Guild"]}],
        ignore=["Initech"],
        merge={"Acme Widgets": "Acme"},
    )
    idx = build_entity_index(per, opts, texts)
    guild = idx.find("widget makers guild")
    assert guild is not None and guild.type == "organization" and guild.articles == ["a"]
    assert idx.find("Initech") is None
    acme = idx.find("Acme Widgets")
    assert acme is not None and idx.find("acme") is acme
    globex = idx.find("Globex")
    assert globex is not None and globex.name == "Globex Corporation" and globex.articles == ["a", "b"]


def test_ambiguous_surname_is_not_merged() -> None:
    text = "John Smith and Jane Smith met. Smith said nothing."
    per = {
        "a": [
            _m(text, "John Smith", "person"),
            _m(text, "Jane Smith", "person"),
            EntityMention(text.index("Smith said"), text.index("Smith said") + 5, "Smith", "person"),
        ]
    }
    idx = build_entity_index(per)
    assert {e.name for e in idx.entities} == {"John Smith", "Jane Smith", "Smith"}


def _lone(text: str, word: str, after: str) -> EntityMention:
    """The mention of ``word`` alone, at its first place after ``after``."""
    at = text.index(word, text.index(after) + len(after))
    return EntityMention(at, at + len(word), word, "person")


def test_a_first_name_alone_joins_the_one_person_of_that_name_in_its_article() -> None:
    a = "Steve Jobs spoke. Later Steve smiled."
    b = "Steve Wozniak and Steve Ballmer met. Steve left."
    c = "Steve called."  # no full name here: which Steve is unknown
    per = {
        "a": [_m(a, "Steve Jobs", "person"), _lone(a, "Steve", "Later")],
        "b": [_m(b, "Steve Wozniak", "person"), _m(b, "Steve Ballmer", "person"), _lone(b, "Steve", "met.")],
        "c": [_lone(c, "Steve", "")],
    }
    idx = build_entity_index(per)
    jobs = idx.find("Steve Jobs")
    assert jobs is not None and "Steve" in jobs.aliases and jobs.articles == ["a"]
    lone = idx.find("Steve")
    assert lone is not None and lone.name == "Steve" and lone.articles == ["b", "c"]


def test_short_form_and_acronym_merge_into_organisation() -> None:
    text = "JAC Motors and General Motors talked. JAC agreed and GM declined."
    per = {
        "a": [
            _m(text, "JAC Motors", "organization"),
            _m(text, "General Motors", "organization"),
            _m(text, "JAC agreed", "organization").__class__(
                text.index("JAC agreed"), text.index("JAC agreed") + 3, "JAC", "organization"
            ),
            _m(text, "GM", "organization"),
        ]
    }
    idx = build_entity_index(per)
    assert idx.find("JAC").name == "JAC Motors"
    assert idx.find("GM").name == "General Motors"


def test_a_clipped_party_name_merges_into_the_full_one_but_not_a_longer_word() -> None:
    texts = {
        "a": "The Liberal Democrats met. Lib Dem leaders spoke. BBC News and BBC Newsnight aired it.",
        "b": "The Liberal Democrats won. A Lib Dem said so.",
    }
    per = {
        aid: [
            _at(t, w, "organization", n)
            for w, n in (("Liberal Democrats", 0), ("Lib Dem", 0), ("BBC News", 0), ("BBC Newsnight", 0))
            if w in t
        ]
        for aid, t in texts.items()
    }
    idx = build_entity_index(per)
    assert idx.find("Lib Dem").name == "Liberal Democrats"
    assert idx.find("BBC News").name == "BBC News"  # "BBC" is a whole word, not clipped
    assert idx.find("BBC Newsnight").name == "BBC Newsnight"


def _at(text: str, word: str, typ: str, nth: int = 0) -> EntityMention:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return EntityMention(i, i + len(word), word, typ)


def test_a_stray_long_form_neither_renames_nor_retypes_a_frequent_entity() -> None:
    texts = {
        "a": "Today Zentrix announced a phone. Zentrix said sales rose. Zentrix shares rose.",
        "b": "Zentrix cut prices. Zentrix said so.",
        "c": "Analysts expect Zentrix to grow.",
    }
    per = {
        "a": [
            _at(texts["a"], "Today Zentrix", "person"),
            _at(texts["a"], "Zentrix", "organization", 1),
            _at(texts["a"], "Zentrix", "organization", 2),
        ],
        "b": [_at(texts["b"], "Zentrix", "organization"), _at(texts["b"], "Zentrix", "organization", 1)],
        "c": [_at(texts["c"], "Zentrix", "organization")],
    }
    idx = build_entity_index(per, None, texts)
    z = idx.find("Zentrix")
    assert z is not None and z.name == "Zentrix" and z.type == "organization"
    assert z.mentions == 5 and z.articles == ["a", "b", "c"]
    assert "Today Zentrix" not in z.aliases
    # a place glued before a name is no given name either
    text = "In Las Vegas Zentrix spoke. Zentrix agreed."
    idx = build_entity_index(
        {"a": [_at(text, "Las Vegas Zentrix", "person"), _at(text, "Zentrix", "organization", 1)]}
    )
    assert idx.find("Zentrix").name == "Zentrix"


def test_a_plausible_full_name_still_names_its_surname() -> None:
    texts = {"a": "Peter Brix spoke. Brix left. Brix came back.", "b": "Brix said no."}
    per = {
        "a": [
            _at(texts["a"], "Peter Brix", "person"),
            _at(texts["a"], "Brix", "person", 1),
            _at(texts["a"], "Brix", "person", 2),
        ],
        "b": [_at(texts["b"], "Brix", "person")],
    }
    idx = build_entity_index(per, None, texts)
    e = idx.find("Brix")
    assert e is not None and e.name == "Peter Brix" and e.aliases == ["Brix"] and e.mentions == 4


def test_a_rare_suffixed_form_merges_into_the_widely_used_short_name() -> None:
    texts = {k: "Quandro said so." for k in "abcdef"}
    texts["f"] = "Quandro Inc. said so. Quandro agreed."
    per = {k: [_at(t, "Quandro", "organization")] for k, t in texts.items()}
    per["f"] = [
        _at(texts["f"], "Quandro Inc.", "organization"),
        _at(texts["f"], "Quandro", "organization", 1),
    ]
    idx = build_entity_index(per, None, texts)
    assert [e.name for e in idx.entities] == ["Quandro"]
    assert idx.find("Quandro Inc.").mentions == 7


def test_a_lone_person_never_named_in_full_takes_a_strong_other_vote() -> None:
    texts = {k: f"Norvale {k} played." for k in "abcde"}
    per = {k: [_at(t, "Norvale", "person" if k in "abc" else "organization")] for k, t in texts.items()}
    assert build_entity_index(per, None, texts).find("Norvale").type == "organization"
    per["a"].append(EntityMention(0, 0, "Norvale Smith", "person"))  # named in full: a person
    assert build_entity_index(per, None, texts).find("Norvale").type == "person"


def test_a_frequent_organisation_is_not_taken_by_a_person_of_that_surname() -> None:
    texts = {"a": "Peter Quandro met Quandro staff.", "b": "Quandro cut jobs.", "c": "Quandro grew."}
    per = {
        "a": [_at(texts["a"], "Peter Quandro", "person"), _at(texts["a"], "Quandro", "organization", 1)],
        "b": [_at(texts["b"], "Quandro", "organization")],
        "c": [_at(texts["c"], "Quandro", "organization")],
    }
    idx = build_entity_index(per, None, texts)
    q = idx.find("Quandro")
    assert q is not None and q.name == "Quandro" and q.type == "organization" and q.articles == ["b", "c"]


def test_an_institutions_head_noun_joins_the_one_such_institution_of_its_article() -> None:
    texts = {
        "a": "The European Commission wrote to firms. The Commission said it would act.",
        "b": "The Electoral Commission and the Law Commission met. The Commission left.",
        "c": "The Commission met.",  # no full name here: which commission is unknown
    }
    per = {
        "a": [
            _at(texts["a"], "European Commission", "organization"),
            _at(texts["a"], "Commission", "organization", 1),
        ],
        "b": [
            _at(texts["b"], "Electoral Commission", "organization"),
            _at(texts["b"], "Law Commission", "organization"),
            _at(texts["b"], "Commission", "organization", 2),
        ],
        "c": [_at(texts["c"], "Commission", "organization")],
    }
    idx = build_entity_index(per, None, texts)
    ec = idx.find("European Commission")
    assert ec is not None and ec.aliases == ["Commission"] and ec.articles == ["a"]
    lone = idx.entities[idx.entity_ids_for("Commission")[0]]
    assert lone.name == "Commission" and lone.articles == ["b", "c"]


def test_the_act_joins_the_one_law_of_its_article() -> None:
    texts = {
        "a": "The Quarry Safety Act passed. The Act obliges owners to report.",
        "b": "The Act was debated.",  # no law named here: which act is unknown
    }
    per = {
        "a": [_at(texts["a"], "Quarry Safety Act", "misc"), _at(texts["a"], "Act", "organization", 1)],
        "b": [_at(texts["b"], "Act", "organization")],
    }
    idx = build_entity_index(per, None, texts)
    law = idx.find("Quarry Safety Act")
    assert law is not None and law.aliases == ["Act"] and law.articles == ["a"]
    lone = idx.entities[idx.entity_ids_for("Act")[0]]
    assert lone.name == "Act" and lone.articles == ["b"]


def test_a_short_name_absorbs_its_company_forms_but_not_other_bodies_named_after_it() -> None:
    texts = {k: "Quandro said so." for k in "abcdef"}
    texts["f"] = "Quandro Corps sued. Quandro Inc. replied."
    per = {k: [_at(t, "Quandro", "organization")] for k, t in texts.items() if k != "f"}
    per["f"] = [
        _at(texts["f"], "Quandro Corps", "organization"),
        _at(texts["f"], "Quandro Inc.", "organization"),
    ]
    idx = build_entity_index(per, None, texts)
    assert idx.find("Quandro Inc.").name == "Quandro"
    assert idx.find("Quandro Corps").name == "Quandro Corps"  # another company ("Apple Corps")
    royal = {k: "The Royal said so." for k in "abcd"}
    per = {k: [_at(t, "Royal", "organization")] for k, t in royal.items()}
    royal["e"] = "The Royal Navy sailed."
    per["e"] = [_at(royal["e"], "Royal Navy", "organization")]
    assert build_entity_index(per, None, royal).find("Royal Navy").name == "Royal Navy"


def test_a_name_an_organisations_short_name_prefixes_is_one_entity_and_merges_chain() -> None:
    texts = {
        "a": "BBC Radio 4 aired it. The BBC said so.",
        "b": "BBC Radio 4 aired it again.",
        "c": "Radio 4 aired it; Radio said so.",  # "Radio" -> "Radio 4" -> "BBC Radio 4"
        "d": "RBS Six Nations rugby.",
    }
    texts.update({k: "The Six Nations began." for k in "efghijk"})
    per = {
        "a": [_at(texts["a"], "BBC Radio 4", "organization"), _at(texts["a"], "BBC", "organization", 1)],
        "b": [_at(texts["b"], "BBC Radio 4", "organization")],
        "c": [_at(texts["c"], "Radio 4", "organization"), _at(texts["c"], "Radio", "organization", 1)],
        "d": [_at(texts["d"], "RBS Six Nations", "organization"), _at(texts["d"], "RBS", "organization")],
    }
    per.update({k: [_at(texts[k], "Six Nations", "organization")] for k in "efghijk"})
    idx = build_entity_index(per, None, texts)
    radio = idx.find("BBC Radio 4")
    assert radio is not None and radio.articles == ["a", "b", "c"] and radio.mentions == 4
    assert sorted(radio.aliases) == ["Radio", "Radio 4"]
    names = [e.name for e in idx.entities]
    assert len(names) == len(set(names))
    six = idx.find("RBS Six Nations")  # a sponsor's prefix on a name most articles use without it
    assert six is not None and six.name == "Six Nations" and len(six.articles) == 8


_BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"


@pytest.mark.skipif(not _BBC.is_dir(), reason="../shared/corpora/bbc not found")
def test_a_real_corpus_sidebar_names_each_entity_once() -> None:
    texts = {str(p): p.read_text(encoding="utf-8", errors="replace") for p in sorted(_BBC.rglob("*.txt"))}
    idx = _index_of(texts)
    names = [(e.name, e.type) for e in idx.entities]
    assert len(texts) > 2000 and len(names) > 10000
    duplicates = {n for n in names if names.count(n) > 1} if len(set(names)) != len(names) else set()
    assert not duplicates


def test_a_first_name_goes_to_the_person_an_article_is_about() -> None:
    text = "Steve Jobs died. Jobs built Apple. Jobs was ill. Steve Ballmer spoke. Steve was a friend."
    per = {
        "a": [
            _m(text, "Steve Jobs", "person"),
            _lone(text, "Jobs", "died."),
            _lone(text, "Jobs", "Apple."),
            _m(text, "Steve Ballmer", "person"),
            _lone(text, "Steve", "spoke."),
        ]
    }
    idx = build_entity_index(per)
    jobs = idx.find("Steve Jobs")
    assert jobs is not None and "Steve" in jobs.aliases
    assert idx.find("Steve Ballmer").aliases == []


def _politics(n: int, who: str = "Tony Blair") -> tuple[str, list[EntityMention]]:
    text = f"{who} met Labour MPs in Downing Street (report {n}). Blair spoke."
    return text, [
        _m(text, who, "person"),
        EntityMention(text.index("Labour"), text.index("Labour") + 6, "Labour", "organization"),
        EntityMention(text.index("Downing"), text.index("Downing") + 15, "Downing Street", "organization"),
        _lone(text, "Blair", "report"),
    ]


def _cherie_and_a_lone_blair() -> dict[str, list[EntityMention]]:
    """An article naming another Blair in full, and one saying "Blair" alone in Tony Blair's company."""
    cherie = "Cherie Blair visited a school."
    lone = "Blair told Labour and Downing Street staff to wait."
    return {
        "cherie": [_m(cherie, "Cherie Blair", "person")],
        "lone": [
            _lone(lone, "Blair", ""),
            _m(lone, "Labour", "organization"),
            _m(lone, "Downing Street", "organization"),
        ],
    }


def test_a_surname_alone_is_the_person_the_corpus_mostly_means_in_the_same_company() -> None:
    per = {f"p{n}": _politics(n)[1] for n in range(12)}
    per |= _cherie_and_a_lone_blair()
    lineup = "United: Carroll, Neville, Blair, Heinze."
    per["lineup"] = [_lone(lineup, "Blair", ""), _m(lineup, "United", "organization")]
    idx = build_entity_index(per)
    tony = idx.find("Tony Blair")
    assert tony is not None and "lone" in tony.articles
    assert "lineup" not in tony.articles  # no company of Tony Blair's there: another Blair
    assert idx.find("Cherie Blair").articles == ["cherie"]


def test_a_lone_surname_counts_a_shorter_form_of_the_full_name_as_that_person() -> None:
    """ "George Bush" in a few articles is "George W Bush" cut short, not a rival for a lone "Bush"."""
    per = {f"p{n}": _politics(n, who="Tony C Blair")[1] for n in range(12)}
    per |= {f"short{n}": _politics(n)[1][:3] for n in range(2)}  # "Tony Blair", no lone "Blair"
    per |= _cherie_and_a_lone_blair()
    idx = build_entity_index(per)
    tony = idx.find("Tony C Blair")
    assert tony is not None and {"lone", "short0", "short1"} <= set(tony.articles)
    assert idx.find("Blair") is tony and idx.find("Cherie Blair").articles == ["cherie"]


def test_a_type_cued_in_several_articles_outweighs_guesses_from_the_names_shape() -> None:
    def bare(text: str) -> list[EntityMention]:  # the shape of a company name, no cue
        at = [i for i in range(len(text)) if text.startswith("Quillfeather", i)]
        return [EntityMention(i, i + 12, "Quillfeather", "organization") for i in at]

    def cued(text: str) -> list[EntityMention]:
        i = text.index("Quillfeather")
        return [EntityMention(i, i + 12, "Quillfeather", "misc", strong=True)]

    bare_texts = {f"b{n}": f"Quillfeather leads the race, and Quillfeather may win ({n})." for n in range(6)}
    per = {k: bare(v) for k, v in bare_texts.items()}
    one = dict(per, c1=cued("The film Quillfeather opened."))
    assert build_entity_index(one).find("Quillfeather").type == "organization"  # one cue can misfire
    two = dict(one, c2=cued("Critics loved the comedy Quillfeather."))
    assert build_entity_index(two).find("Quillfeather").type == "misc"


def test_a_kind_of_work_cue_marks_the_mention_strong() -> None:
    got = {
        m.text: m for m in extract_entities("Critics loved the biopic The Quillfeather, starring Ann Lee.")
    }
    assert got["Quillfeather"].type == "misc" and got["Quillfeather"].strong
    plain = {m.text: m for m in extract_entities("Quillfeather Motors grew.")}
    assert not plain["Quillfeather Motors"].strong  # cues for other types do not weigh extra


def test_different_parties_groups_states_and_languages_are_different_entities() -> None:
    texts = {
        "a": "Republicans in Congress blamed the Democrats. One Democrat disagreed. Iran and Russia spoke.",
        "b": "The Soviet Union collapsed in 1991. The G8 met, then the G20. The Liberal Democrats came too.",
        "c": "Liberal Democrat leader Charles Kennedy speaks Arabic and Hebrew. Liberals and Conservatives met.",
    }
    idx = _index_of(texts)
    pairs = [
        ("Republicans", "Democrats"),
        ("Soviet Union", "Russia"),
        ("G8", "G20"),
        ("Arabic", "Hebrew"),
        ("Liberals", "Conservatives"),
    ]
    for one, other in pairs:
        assert idx.find(one) is not None and idx.find(other) is not None, (one, other)
        assert idx.find(one).name != idx.find(other).name, (one, other)
    party = idx.find("Liberal Democrat")
    assert party is not None and party.name == "Liberal Democrats" and party.type == "organization"
    assert idx.find("Democrat").name == "Democrat"  # a member of the American party stays apart


def test_a_union_named_with_and_and_a_plural_owner_is_one_entity_however_written() -> None:
    texts = {
        "a": "Members of the Transport and General Workers' Union's branch voted. The British Bankers' Association agreed.",
        "b": "The Transport and General Workers Union (TGWU) said no. The British Bankers Association said so too.",
    }
    idx = _index_of(texts)
    union = idx.find("Transport and General Workers Union")
    assert union is not None and union.type == "organization" and union.mentions == 3  # with TGWU
    assert set(union.articles) == {"a", "b"} and "TGWU" in union.aliases
    bankers = idx.find("British Bankers Association")
    assert bankers is not None and bankers.mentions == 2
    assert idx.find("Transport") is None and idx.find("Union") is None


def test_a_stage_name_after_a_role_in_several_articles_is_a_person_across_the_corpus() -> None:
    texts = {f"b{n}": f"Fans of Zanzibo queued in Leeds. Zanzibo sold out ({n})." for n in range(8)}
    texts["r1"] = "The charity single was led by singer Zanzibo."
    texts["r2"] = "Critics praised rapper Zanzibo for the album."
    per = {k: extract_entities(v) for k, v in texts.items()}
    assert {m.type for k in texts if k.startswith("b") for m in per[k] if m.text == "Zanzibo"} == {
        "organization"
    }  # the bare name's shape alone
    assert build_entity_index(per, None, texts).find("Zanzibo").type == "person"
    one = {k: v for k, v in per.items() if k != "r2"}
    assert build_entity_index(one, None, texts).find("Zanzibo").type == "organization"  # one cue can misfire


def test_names_that_differ_only_by_a_legal_form_are_one_company() -> None:
    texts = {
        "a": "Vantor Motors Corporation (VM) said so. VM agreed.",
        "b": "Vantor Motors cut jobs.",
        "c": "Vantor Motors grew.",
        "d": "Kelbrook Motor Co said so.",
        "e": "Kelbrook Motor Company grew.",
        "f": "Kelbrook Motors Co. shrank.",
        "g": "Vela Mining said so. Vela Mining grew.",  # "VM" too, so only the article says which VM
    }
    per = {
        "a": [
            _at(texts["a"], "Vantor Motors Corporation", "organization"),
            _at(texts["a"], "VM", "organization"),
            _at(texts["a"], "VM", "organization", 1),
        ],
        "b": [_at(texts["b"], "Vantor Motors", "organization")],
        "c": [_at(texts["c"], "Vantor Motors", "organization")],
        "d": [_at(texts["d"], "Kelbrook Motor Co", "organization")],
        "e": [_at(texts["e"], "Kelbrook Motor Company", "organization")],
        "f": [_at(texts["f"], "Kelbrook Motors Co.", "organization")],
        "g": [
            _at(texts["g"], "Vela Mining", "organization"),
            _at(texts["g"], "Vela Mining", "organization", 1),
        ],
    }
    idx = build_entity_index(per, None, texts)
    vantor = idx.find("Vantor Motors Corporation")
    assert vantor is not None and vantor.name == "Vantor Motors", "the bare name the corpus uses names it"
    assert vantor.mentions == 5 and idx.find("VM") is vantor, "the acronym of the article's long form joins"
    kelbrook = idx.find("Kelbrook Motor Co")
    assert kelbrook is not None and kelbrook.mentions == 3 and kelbrook.articles == ["d", "e", "f"]


def test_an_acronym_joins_its_name_even_when_other_names_begin_with_it() -> None:
    """ "GM" is General Motors though "GM Daewoo" begins with it; "BT Together" is no expansion of BT."""
    texts = {
        "a": "General Motors met the union. GM agreed.",
        "b": "General Motors sold GM Daewoo.",
        "c": "BT Together is a phone plan. BT sells it.",
        "d": "BT said so.",
        "e": "BT grew.",
    }
    per = {
        "a": [_at(texts["a"], "General Motors", "organization"), _at(texts["a"], "GM", "organization")],
        "b": [
            _at(texts["b"], "General Motors", "organization"),
            _at(texts["b"], "GM Daewoo", "organization"),
        ],
        "c": [_at(texts["c"], "BT Together", "organization"), _at(texts["c"], "BT", "organization", 1)],
        "d": [_at(texts["d"], "BT", "organization")],
        "e": [_at(texts["e"], "BT", "organization")],
    }
    idx = build_entity_index(per, None, texts)
    assert idx.find("GM").name == "General Motors"
    assert idx.find("GM Daewoo").name == "GM Daewoo"
    bt = idx.find("BT")
    assert bt.name == "BT" and bt.articles == ["c", "d", "e"]


# Two articles that call "Quillon" an operating system: a product cue in each.
_QUILLON_CALLED_A_SYSTEM = {
    "a": "The Quillon operating system crashed on Monday, users said.",
    "b": "Users of the Quillon operating system complained about updates.",
}


def test_a_product_named_as_one_in_two_articles_is_one_everywhere() -> None:
    """ "the Quillon operating system" twice makes a bare "Quillon" a product too, not a company."""
    texts = {
        **_QUILLON_CALLED_A_SYSTEM,
        "c": "Quillon is popular with students.",
        "d": "Many offices use Quillon at work.",
        "e": "Schools chose Quillon last year.",
        "f": "Quillon needs a fast computer. Quillon updates are large.",
    }
    idx = _index_of(texts)
    quillon = idx.find("Quillon")
    assert quillon is not None and quillon.type == "misc" and quillon.articles == list("abcdef")


def test_a_product_cued_in_two_articles_outweighs_many_more_bare_mentions_nothing_typed() -> None:
    """Thirty-six bare "Quillon" that only the fallback calls a company do not outvote two articles
    that call it an operating system."""
    texts = dict(_QUILLON_CALLED_A_SYSTEM)
    for n in range(6):
        texts[f"bare{n}"] = "Many offices use Quillon. Schools chose Quillon. Quillon is popular. " * 2
    quillon = _index_of(texts).find("Quillon")
    assert quillon is not None and quillon.type == "misc" and len(quillon.articles) == 8


def test_the_plural_of_a_product_or_event_is_one_too() -> None:
    """ "Quillons" run are the Quillon product; "the Grand Slams" are tennis events, not a body."""
    texts = {
        **_QUILLON_CALLED_A_SYSTEM,
        "c": "The office runs 200 Quillons on old computers.",
        "d": "She won the Grand Slam in Paris. He has won three Grand Slam titles.",
        "e": "Hewitt wants to win the Grand Slams again.",
    }
    idx = _index_of(texts)
    assert idx.find("Quillon").type == "misc" and idx.find("Quillons").type == "misc"
    assert idx.find("Grand Slam").type == "misc" and idx.find("Grand Slams").type == "misc"


def test_a_band_named_as_one_in_two_articles_is_an_organisation_everywhere() -> None:
    """ "the band Dorian Quill" twice makes a bare "Dorian Quill" the band, not a person."""
    texts = {
        "a": "The band Dorian Quill released a new album on Monday.",
        "b": "Fans of the band Dorian Quill queued overnight for tickets.",
        "c": "Dorian Quill played in Leeds last night.",
        "d": "Tickets for Dorian Quill sold out quickly.",
        "e": "Critics liked Dorian Quill a lot.",
    }
    per = {k: extract_entities(t) for k, t in texts.items()}
    band = build_entity_index(per, None, texts).find("Dorian Quill")
    assert band is not None and band.type == "organization" and band.articles == list("abcde")
    # one article's cue does not outvote the rest
    del per["a"]
    assert build_entity_index(per, None, texts).find("Dorian Quill").type == "person"


def test_a_word_only_guessed_an_organisation_is_the_person_the_corpus_names_in_full() -> None:
    """A match report's bare "Marsdale" is the Daniel Marsdale another article names, not a company;
    a word spelt otherwise than the surname ("Mactavy" beside "Robert MacTavy") stays what it was."""
    texts = {
        "a": "Daniel Marsdale scored twice for the visitors on Saturday.",
        "b": "The second goal came from Marsdale after the break.",
        "c": "A late header by Marsdale settled it.",
        "d": "Robert MacTavy founded the shop in 1990.",
        "e": "The new Mactavy has a faster chip.",
        "f": "Sales of the Mactavy rose.",
    }
    idx = _index_of(texts)
    player = idx.find("Marsdale")
    assert player is not None and player.name == "Daniel Marsdale" and player.articles == list("abc")
    assert idx.find("Mactavy").type == "organization" and idx.find("Robert MacTavy").articles == ["d"]


def test_an_acronym_in_brackets_after_a_products_name_joins_the_product() -> None:
    """ "Internet Explorer (IE)" types "IE" a product too; it is still the product further on."""
    texts = {
        "a": "Microsoft fixed Internet Explorer. Internet Explorer (IE) is free. Many schools use IE.",
        "b": "Rivals of Internet Explorer gained users.",
    }
    idx = _index_of(texts)
    browser = idx.find("Internet Explorer")
    assert browser is not None and browser.type == "misc" and browser.aliases == ["IE"]
    assert browser.mentions == 5 and idx.find("IE") is browser


def test_an_initial_and_surname_join_the_person_of_that_initial_named_in_the_article() -> None:
    """A line-up's "G Hollister" is the Gareth Hollister its report names; "J Hollister" is someone else."""
    texts = {
        "a": "Wales coach Mike Ruddock said Gareth Hollister would start against England.\n\n"
        "Wales: G Hollister, T Brandwick, R Pennant.",
        "b": "England: J Hollister, K Smithers.",
        "c": "Gareth Hollister kicked three penalties.",
    }
    idx = _index_of(texts)
    player = idx.find("G Hollister")
    assert player is not None and player.name == "Gareth Hollister" and player.mentions == 3
    assert idx.find("J Hollister").name == "J Hollister"


def test_a_surname_beside_a_line_ups_initial_form_of_the_same_player_joins_that_player() -> None:
    """A report naming "Tom Brankley" whose line-up says "T Brankley" calls him "Brankley": one person,
    not a third "Brankley" in the sidebar."""
    texts = {
        "a": "Wales coach Mike Ruddock said Tom Brankley would start at centre. Brankley scored twice.\n\n"
        "Wales: T Brankley, G Hollister, R Pennant.",
        "b": "Tom Brankley was named man of the match.",
    }
    idx = _index_of(texts)
    player = idx.find("Brankley")
    assert player is not None and player.name == "Tom Brankley"
    assert idx.find("T Brankley") is player and player.mentions == 4


def test_a_surname_goes_to_the_person_of_that_surname_not_one_of_that_first_name() -> None:
    """Beside "Ridwan Corvell" and a "Corvell Hartigan" (first name Corvell), a lone "Corvell" is the former."""
    texts = {
        "a": "The director Ridwan Corvell met the singer Corvell Hartigan in Paris. Corvell said the film was done.",
        "b": "Ridwan Corvell won an award.",
        "c": "The singer Corvell Hartigan signed a deal.",
    }
    idx = _index_of(texts)
    director = idx.find("Ridwan Corvell")
    assert director is not None and idx.find("Corvell") is director
    singer = idx.find("Corvell Hartigan")
    assert singer is not None and singer.type == "person" and singer is not director


def test_an_awards_ceremony_is_one_event_by_any_of_its_names() -> None:
    texts = {
        "a": "She won a Golden Globe last month and is tipped for the Academy Awards.",
        "b": "The Oscars will be held in February; the Golden Globes came first.",
        "c": "He has two Grammys and hopes for a third Grammy next year.",
    }
    idx = _index_of(texts)
    oscars, globes, grammys = idx.find("Academy Awards"), idx.find("Golden Globe"), idx.find("Grammy")
    assert oscars is not None and oscars.name == "Oscars" and oscars.articles == ["a", "b"]
    assert globes is not None and globes.type == "misc" and globes.articles == ["a", "b"]
    assert grammys is not None and grammys.type == "misc" and grammys.mentions == 2


def test_an_acronym_joins_the_event_or_product_its_article_names_in_full() -> None:
    texts = {
        "a": "Visitors at the Vexel Games Show saw new consoles. Organisers said VGS closed on Sunday.",
        "b": "Analysts at VGS said so.",  # another VGS: no event named here
        "c": "Analysts at VGS said so. They skipped the Vexel Games Show.",  # nor named before it
    }
    idx = _index_of(texts)
    show = idx.find("Vexel Games Show")
    assert show is not None and show.type == "misc" and show.aliases == ["VGS"]
    assert show.articles == ["a", "c"] and show.mentions == 3
    assert [e.articles for e in idx.entities if e.name == "VGS"] == [["b", "c"]]


def test_a_work_named_like_someones_surname_stays_the_work_where_the_person_is_absent() -> None:
    texts = {
        "a": "Their lawyer, Helen Quist, told the court the firm was solvent. Quist said so twice.",
        "b": "The biopic Quist won praise from critics.",
        "c": "The film Quist was nominated for five awards.",
        "d": "Quist also did well at the box office.",
    }
    idx = _index_of(texts)
    lawyer = idx.find("Helen Quist")
    assert lawyer is not None and lawyer.articles == ["a"]  # her own "Quist" in a is hers
    film = idx.find("Quist")
    assert film is not None and film.type == "misc" and film.articles == ["b", "c", "d"]


def test_a_middle_initial_with_or_without_its_full_stop_is_one_name() -> None:
    texts = {
        "a": "President George W. Bush spoke on Monday.",
        "b": "George W Bush met the Prime Minister.",
        "c": "Shares in U.S. Steel fell.",
    }
    idx = _index_of(texts)
    bush = idx.find("George W Bush")
    assert bush is not None and bush.articles == ["a", "b"] and idx.find("George W. Bush") is bush
    assert idx.find("U.S. Steel") is not None


def test_a_listed_the_name_and_its_bare_form_are_one_entity_but_a_surname_is_not_the_city() -> None:
    texts = {
        "a": "The Guardian said so. Later the Guardian said more.",
        "b": "William Hague spoke in The Hague. Hague said the talks went well.",
    }
    idx = _index_of(texts)
    guardian = idx.find("Guardian")
    assert (guardian.name, guardian.aliases, guardian.mentions) == ("The Guardian", ["Guardian"], 2)
    assert idx.find("Hague").name == "William Hague"
    assert idx.find("The Hague").mentions == 1


def test_a_surname_goes_to_the_person_its_article_names_not_a_namesake_elsewhere() -> None:
    # "Britney" alone fell to the weak organisation default in one article; "Spears" beside "Britney
    # Spears" is still hers, never the tennis player "Abigail Spears" of another article
    a = "Britney Spears won. Spears was named best female. Britney Spears sang."
    b = "Abigail Spears lost in Tokyo."
    c = "Fans of Britney queued."
    per = {
        "a": [
            _m(a, "Britney Spears", "person"),
            _lone(a, "Spears", "won."),
            _lone(a, "Britney Spears", "female."),
        ],
        "b": [_m(b, "Abigail Spears", "person"), _m(b, "Tokyo", "place")],
        "c": [_m(c, "Britney", "organization")],
    }
    idx = build_entity_index(per)
    assert idx.find("Spears").name == "Britney Spears"
    assert idx.find("Britney Spears").mentions == 3
    assert idx.find("Abigail Spears").mentions == 1


def test_a_surname_beside_a_full_name_that_cannot_claim_it_is_no_namesake_from_elsewhere() -> None:
    # "Fraser" is far more often the store than a first name, so "Fraser Kemp" is no full name for
    # "Kemp"; still, his article's "Kemp" is not the "Simon Kemp" of another article
    d = "Fraser Kemp spoke. Kemp said no."
    e = "Simon Kemp ran. Simon Kemp won."
    f = "Fraser sales rose. Fraser shares fell. Fraser stores shut."
    assert [f[at : at + 6] for at in (0, 19, 39)] == ["Fraser"] * 3
    per = {
        "d": [_m(d, "Fraser Kemp", "person"), _lone(d, "Kemp", "spoke.")],
        "e": [_m(e, "Simon Kemp", "person"), _lone(e, "Simon Kemp", "ran.")],
        "f": [EntityMention(at, at + 6, "Fraser", "organization") for at in (0, 19, 39)],
    }
    idx = build_entity_index(per)
    assert idx.find("Simon Kemp").articles == ["e"]
    assert idx.find("Kemp").name == "Kemp"


def test_a_clubs_word_after_its_towns_name_is_the_club_its_article_names() -> None:
    texts = {
        "a": "Manchester United beat Chelsea 2-0 on Saturday. United were the better side, said the coach.",
        "b": "Fans of United sang outside the ground all night.",  # which United is unknown
        "c": "Leeds United drew with Manchester United. United fans left early.",  # two Uniteds
        "d": "The Spain Treasury and the Treasury in Madrid both said no.",  # a country's is no club
    }
    idx = _index_of(texts)
    man = idx.find("Manchester United")
    assert man is not None and "United" in man.aliases and man.mentions == 3
    alone = idx.find("United")
    assert alone is not man and alone.articles == ["b", "c"]
    assert "Treasury" not in idx.find("Spain Treasury").aliases


def test_a_family_name_alone_is_typed_by_the_articles_that_name_nobody_of_that_name() -> None:
    """ "Dr Walker" beside "Tamsin Walker" is her; a lone "Walker" where nobody is named so ("a Walker
    spokesman") is what those articles make it, not the person the other articles' mentions voted for."""
    person = "Tamsin Walker, the shadow minister, spoke on Monday. Dr Walker said cuts would follow. Dr Walker left."
    network = (
        "A Walker spokesman said the network would air the show. The Walker network declined to comment."
    )
    texts = {"a": person, "b": person.replace("Monday", "Friday"), "c": network, "d": network + " Again."}
    by_name = {e.name: e for e in _index_of(texts).entities}
    assert by_name["Tamsin Walker"].type == "person" and by_name["Tamsin Walker"].mentions == 6
    assert by_name["Walker"].type == "organization" and by_name["Walker"].articles == ["c", "d"]
