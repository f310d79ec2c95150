"""Names in Russian-language articles: one entity per name whatever its case, everyday words left out."""

from __future__ import annotations

from tui.extract.entities import extract_entities
from tui.extract.entity_index import EntityIndex, build_entity_index
from tui.extract.model import Entity
from tui.extract.russian import case_forms, stem


def _index_of(texts: dict[str, str]) -> EntityIndex:
    return build_entity_index({k: extract_entities(t) for k, t in texts.items()}, None, texts)


def _sidebar(*texts: str) -> dict[str, Entity]:
    index = _index_of({f"a{n}": t for n, t in enumerate(texts)})
    return {e.name: e for e in index.entities}


def test_forms_of_one_word_share_a_stem() -> None:
    assert stem("собянин") == stem("собянина") == stem("собяниным") == stem("собянину")
    assert stem("сергей") == stem("сергея") == stem("сергеем")
    assert stem("иванов") != stem("иван")  # a surname is no case of a given name


def test_a_listed_name_is_known_in_its_regular_cases() -> None:
    assert {"москвы", "москве", "москву", "москвой"} <= case_forms("москва")
    assert {"россии", "россию"} <= case_forms("россия")
    assert {"петербурга", "петербурге"} <= case_forms("петербург")
    assert case_forms("сочи") == set()  # indeclinable
    assert case_forms("london") == set()


def test_a_listed_place_in_any_case_is_one_place_under_its_dictionary_form() -> None:
    ents = _sidebar("В Москве открылся новый рынок.", "Жители Москвы рады. Власти Москвы молчат.")
    moscow = ents["Москва"]
    assert moscow.type == "place"
    assert moscow.mentions == 3 and set(moscow.aliases) == {"Москве", "Москвы"}
    assert "Москве" not in ents and "Москвы" not in ents


def test_a_surname_in_another_case_joins_the_full_name() -> None:
    ents = _sidebar("Павел Квиллов открыл фабрику. По словам Квиллова, работа идёт. Квиллову верят.")
    person = ents["Павел Квиллов"]
    assert person.type == "person" and person.mentions == 3
    assert {"Квиллова", "Квиллову"} <= set(person.aliases)


def test_an_unlisted_name_in_several_cases_is_one_entity_under_its_dictionary_form() -> None:
    ents = _sidebar(
        "Фабрика в Зеленогорске открылась.",
        "Жители Зеленогорска довольны. Зеленогорск растёт.",
    )
    town = ents["Зеленогорск"]
    assert town.mentions == 3 and {"Зеленогорске", "Зеленогорска"} <= set(town.aliases)


def test_everyday_words_opening_a_sentence_are_not_names() -> None:
    ents = _sidebar(
        "Новые машины появятся летом. Производство начнётся в мае. Компания «Квиллтех» наняла 600 "
        "человек. Завод работает. На заводе тихо."
    )
    for word in ("Новые", "Производство", "Компания", "Завод"):
        assert word not in ents
    assert ents["Квиллтех"].type == "organization"


def test_a_name_opening_a_sentence_stays_when_written_capitalised_elsewhere() -> None:
    # lowercase "квилличи" (the town's people) shares the stem, but the name is capitalised mid-sentence too
    ents = _sidebar("Квиллич выпустил модель. Все квилличи ждали её. Продажи «Квиллича» растут.")
    assert "Квиллич" in ents


def test_a_russian_title_marks_its_holder_not_the_place_of_the_office() -> None:
    ents = _sidebar(
        "Мэр Москвы Сергей Собянин открыл рынок. Его поддержал глава Минквилла Денис Квиллов.",
    )
    assert ents["Москва"].type == "place"
    assert ents["Сергей Собянин"].type == "person"
    assert ents["Денис Квиллов"].type == "person"
    assert ents["Минквилла"].type != "person"


def test_a_russian_title_before_latin_words_marks_no_office() -> None:
    # found by the property test: the office's part was a lone "The", a span with no words to type
    assert [m.text for m in extract_entities("Мэр The The The")] == []
    assert "The Times" in [m.text for m in extract_entities("Мэр The Times сообщил.")]


def test_after_a_russian_title_the_holder_is_the_last_two_words_when_no_given_name_is_known() -> None:
    ents = _sidebar("Губернатор Квиллстана Рустам Квиллиханов посетил завод. Квиллиханов доволен.")
    assert ents["Рустам Квиллиханов"].type == "person"
    assert ents["Квиллстана"].type != "person"


def test_a_listed_name_of_an_adjective_and_a_noun_is_known_in_its_cases() -> None:
    ents = _sidebar("Покупатели из Нижнего Новгорода довольны. В Нижнем Новгороде открыт салон.")
    city = ents["Нижний Новгород"]
    assert city.type == "place" and set(city.aliases) == {"Нижнего Новгорода", "Нижнем Новгороде"}
    assert "Покупатели" not in ents


def test_a_lone_word_shaped_like_a_russian_surname_is_a_person() -> None:
    ents = _sidebar("Решение поддержал Квиллов. Против выступила Квиллина из Квиллтауна.")
    assert ents["Квиллов"].type == "person" and ents["Квиллина"].type == "person"
    assert ents["Квиллтауна"].type == "place"
    assert "Против" not in ents and "Решение" not in ents


def test_a_body_named_in_lowercase_after_its_first_word_is_one_organisation() -> None:
    ents = _sidebar(
        "Министерство финансов сообщило о новых мерах. Представители Министерства финансов заявили, что "
        "Федеральная налоговая служба проверит Квиллтех.",
        "Министерство экономического развития и торговли ответило. Глава Министерства иностранных дел "
        "Павел Квиллов прибыл в Москву. Следственный комитет России возбудил дело. Квиллтех обратился в "
        "Министерство энергетики и в Счётную палату.",
    )
    finance = ents["Министерство финансов"]  # in the nominative, whatever case it is met in first
    assert finance.type == "organization" and finance.mentions == 2
    assert finance.aliases == ["Министерства финансов"]  # not "сообщило" or "заявили"
    for name in (
        "Федеральная налоговая служба",
        "Министерство экономического развития и торговли",
        "Министерства иностранных дел",
        "Следственный комитет России",
        "Министерство энергетики",  # (not "... и")
        "Счётную палату",
    ):
        assert ents[name].type == "organization", name
    assert ents["Павел Квиллов"].type == "person"
    assert "Россия" not in ents  # part of the committee's name here


def test_a_head_noun_alone_or_a_title_is_no_body() -> None:
    ents = _sidebar("Суд решил иначе. Мэр Москвы Павел Квиллов открыл парк. Банк закрылся.")
    assert "Суд" not in ents and "Банк" not in ents
    assert not any(e.name.startswith("Мэр") for e in ents.values())
    assert ents["Москва"].type == "place"
