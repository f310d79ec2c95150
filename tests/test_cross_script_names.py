"""A name written in Cyrillic and in Latin letters is one entity in a corpus of English and Russian news."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import make_test_app, press_and_settle, write
from tui.extract.cross_script import cross_script_joins, latin_key
from tui.extract.entities import extract_entities
from tui.extract.entity_index import EntityIndex, build_entity_index
from tui.extract.lexicon import lexicon

ENGLISH = (
    "Tractor plant to reopen\n\nMayor Pyotr Kvillov said on Monday that the old tractor plant in Kvillograd "
    "would reopen next year. Kvillov said the city had found an investor in Moscow.\n"
)
RUSSIAN = (
    "Завод в Квиллограде\n\nМэр Пётр Квиллов заявил, что завод в Квиллограде откроется в следующем году. "
    "По словам Квиллова, инвестор найден в Москве. Жители Квиллограда ждут новостей.\n"
)


def _index_of(texts: dict[str, str]) -> EntityIndex:
    return build_entity_index({k: extract_entities(t) for k, t in texts.items()}, None, texts)


def test_romanisations_of_one_name_meet() -> None:
    assert latin_key("сергей собянин") == latin_key("sergei sobyanin") == latin_key("sergey sobyanin")
    assert latin_key("алексей") == latin_key("alexei") == latin_key("aleksey")
    assert latin_key("евгений") == latin_key("yevgeny") == latin_key("evgeniy")
    assert latin_key("юрий") == latin_key("yuri")
    assert latin_key("пётр") == latin_key("pyotr")
    assert latin_key("нижний новгород") == latin_key("nizhny novgorod")
    assert latin_key("михаил") == latin_key("mikhail")
    assert latin_key("иван") != latin_key("ivanov")


def test_a_person_named_in_both_scripts_is_one_person() -> None:
    index = _index_of({"en": ENGLISH, "ru": RUSSIAN})
    person = index.find("Pyotr Kvillov")
    assert person is not None and person.type == "person"
    assert index.find("Пётр Квиллов") is person and index.find("Квиллова") is person
    assert person.articles == ["en", "ru"]
    assert person.mentions == 4  # two in each article
    assert [e.name for e in index.entities].count("Пётр Квиллов") == 0


def test_a_place_met_only_in_oblique_cases_joins_and_keeps_the_latin_name() -> None:
    index = _index_of({"en": ENGLISH, "ru": RUSSIAN})
    town = index.find("Kvillograd")
    assert town is not None and town.name == "Kvillograd" and town.type == "place"
    assert {"Квиллограде", "Квиллограда"} <= set(town.aliases)
    assert town.mentions == 4  # one in English, three in Russian (its title has one)
    # the Russian article's mentions belong to the joined entity: its filter highlights them there
    spans = index.mentions_in("ru", "Kvillograd")
    assert {RUSSIAN[s:e] for s, e in spans} == {"Квиллограде", "Квиллограда"}


def test_a_listed_place_joins_its_english_name() -> None:
    index = _index_of({"en": ENGLISH, "ru": RUSSIAN})
    moscow = index.find("Москва")
    assert moscow is not None and moscow.name == "Moscow"
    assert moscow.articles == ["en", "ru"]


def test_the_name_written_more_often_names_the_entity() -> None:
    russian_more = RUSSIAN + "Пётр Квиллов уехал. Пётр Квиллов вернулся.\n"
    index = _index_of({"en": ENGLISH, "ru": russian_more})
    person = index.find("Pyotr Kvillov")
    assert person is not None and person.name == "Пётр Квиллов"
    assert "Pyotr Kvillov" in person.aliases


def test_a_corpus_in_one_script_is_left_alone() -> None:
    index = _index_of({"en": ENGLISH})
    assert {e.name for e in index.entities} >= {"Pyotr Kvillov", "Kvillograd", "Moscow"}
    assert all(a.isascii() for e in index.entities for a in e.aliases)


def test_names_alike_in_spelling_join_only_when_of_one_type() -> None:
    english_of = lexicon().english_of
    keys, counts = ["kvillov", "квиллов"], [3, 2]
    assert cross_script_joins(keys, ["person", "person"], counts, english_of) == {1: 0}
    assert cross_script_joins(keys, ["person", "organization"], counts, english_of) == {}
    # the list's pairs join whatever the types say
    assert cross_script_joins(
        ["european union", "евросоюз"], ["organization", "place"], [2, 1], english_of
    ) == {1: 0}


async def test_choosing_the_name_lists_and_highlights_the_articles_in_both_scripts(tmp_path: Path) -> None:
    write(tmp_path, "en.txt", ENGLISH)
    write(tmp_path, "ru.txt", RUSSIAN)
    app = make_test_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.settled()
        main = app.main
        await press_and_settle(app, pilot, "3", *"kvillograd", "enter")
        rows = main.article_list.rows
        assert {main.articles[n].title for n in rows} == {"Tractor plant to reopen", "Завод в Квиллограде"}
        russian = next(n for n in rows if main.articles[n].title == "Завод в Квиллограде")
        await press_and_settle(app, pilot, "1")
        for _ in rows:
            if main.article_list.current == russian:
                break
            await pilot.press("j")
        await press_and_settle(app, pilot, "enter")
        assert main.open_number == russian
        body = main.articles[russian].body
        assert {body[s:e] for s, e in main.reader.filter_spans} == {"Квиллограде", "Квиллограда"}
