"""Search over a corpus: the right articles, best first, with hits a UI can highlight."""

import datetime as dt

import pytest

from tests.helpers import BBC, SEEDS, needs_shared, write
from tui.library import Library


@pytest.fixture(scope="module")
def seeds():
    return Library.open(SEEDS)


def ids(results):
    return [h.id for h in results.hits]


def test_kamaz_finds_only_the_article_that_names_it(seeds):
    results = seeds.search("KAMAZ")
    assert ids(results) == ["004_61c48d2bf9a028c2"]
    hit = results.hits[0]
    assert all(hit.snippet[s:e].casefold() == "kamaz" for s, e in hit.hits) and hit.hits


def test_all_words_must_match(seeds):
    assert ids(seeds.search("Moskvich Izvestia")) == ["004_61c48d2bf9a028c2"]
    assert seeds.search("Moskvich Gebrselassie").total == 0


def test_phrase_needs_the_words_in_order(seeds):
    assert seeds.search('"Moskvich plant"').total == 2
    assert seeds.search('"plant Moskvich"').total == 0


def test_or_exclusion_and_prefix(seeds):
    assert set(ids(seeds.search("Izvestia OR housewarming"))) == {
        "004_61c48d2bf9a028c2",
        "003_deb8b6098ba1dd77",
    }
    assert "004_61c48d2bf9a028c2" not in ids(seeds.search("Moskvich -KAMAZ"))
    assert seeds.search("Togli*").total == 1


def test_glued_year_is_found_as_its_own_word(seeds):
    results = seeds.search("2023")
    assert set(ids(results)) == {"000_bf9fb85a5c303d81", "003_deb8b6098ba1dd77"}


def test_title_and_source_filters(seeds):
    assert ids(seeds.search("source:tass")) == ["000_bf9fb85a5c303d81"]
    assert ids(seeds.search("title:milestone")) == ["003_deb8b6098ba1dd77"]


def test_title_matches_rank_above_body_matches(tmp_path):
    write(tmp_path, "a.txt", "Weather report\n\nThe tanker was late and the tanker was slow again today.")
    write(tmp_path, "b.txt", "Tanker contract signed\n\nA deal was signed today for one tanker.")
    lib = Library.open(tmp_path)
    assert ids(lib.search("tanker"))[0] == "b"


def test_date_filter_uses_the_article_date(tmp_path):
    write(tmp_path, "old.md", "---\ntitle: Old\ndate: 2008-03-01\n---\nAirbus tanker deal.")
    write(tmp_path, "new.md", "---\ntitle: New\ndate: 2023-06-15\n---\nAirbus tanker deal.")
    write(tmp_path, "undated.md", "Undated\n\nAirbus tanker deal.")
    lib = Library.open(tmp_path)
    assert ids(lib.search("airbus date:2023")) == ["new"]
    assert set(ids(lib.search("date:2008..2023-06"))) == {"old", "new"}


def test_hits_in_body_for_highlighting(seeds):
    article = seeds.article("000_bf9fb85a5c303d81")
    spans = seeds.hits_in(article.id, '"electric vehicle"')
    assert spans and all(article.body[s:e].casefold() == "electric vehicle" for s, e in spans)


def test_limit_and_total(seeds):
    results = seeds.search("Moscow", limit=1)
    assert results.total == 3 and len(results.hits) == 1


def test_cyrillic_and_accents(tmp_path):
    write(tmp_path, "ru.txt", "Москвич\n\nЗавод «Москвич» в Москве.")
    write(tmp_path, "fr.txt", "Café\n\nLe CAFÉ de Paris.")
    lib = Library.open(tmp_path)
    assert ids(lib.search("москвич")) == ["ru"]
    assert ids(lib.search("café")) == ["fr"]


def test_a_russian_word_finds_and_marks_its_other_case_forms(tmp_path):
    write(tmp_path, "a.txt", "Завод\n\nРабочие вернулись на завод.")
    write(tmp_path, "b.txt", "Новости\n\nНа заводе в Квиллограде начали работу. Директор завода доволен.")
    write(tmp_path, "c.txt", "Другое\n\nЗаводской двор и автозавод пусты.")
    lib = Library.open(tmp_path)
    assert set(ids(lib.search("завод"))) == {"a", "b"}  # not "заводской" or "автозавод"
    assert set(ids(lib.search("title:завод"))) == {"a"}
    body = lib.article("b").body
    assert [body[s:e] for s, e in lib.hits_in("b", "завод")] == ["заводе", "завода"]
    assert ids(lib.search("Квиллоград")) == ["b"]  # met only as "в Квиллограде"
    # quoted, a word is that form only; Latin words have no forms
    assert ids(lib.search('"завод"')) == ["a"]
    assert lib.hits_in("b", '"завод"') == []
    assert lib.search("Квиллоград*").total == 1


def test_a_russian_word_spelt_with_yo_finds_its_forms_spelt_either_way(tmp_path):
    write(tmp_path, "a.txt", "Один\n\nПётр Квиллов приехал.")
    write(tmp_path, "b.txt", "Два\n\nУ Петра Квиллова новости.")
    lib = Library.open(tmp_path)
    assert set(ids(lib.search("Пётр"))) == {"a", "b"}
    assert set(ids(lib.search("Петр"))) == {"a", "b"}


def test_ranked_empty_query_is_everything_in_corpus_order(seeds):
    assert seeds.ranked("") == [0, 1, 2]


@needs_shared
def test_bbc_phrase_and_rare_word():
    lib = Library.open(BBC)
    results = lib.search('"prime minister"', limit=5)
    assert results.total > 100
    for hit in results.hits:
        body = lib.article(hit.id).body.casefold()
        assert "prime minister" in " ".join(body.split())
    assert 1 <= lib.search("gebrselassie").total <= 4


def test_date_type_is_date(seeds):
    assert all(a.date is None or isinstance(a.date, dt.date) for a in seeds.articles)


def test_index_built_on_two_cores_equals_the_serial_build(monkeypatch):
    """The half built in a child process joins the first half exactly: same words, docs, positions."""
    from tui.search import parallel
    from tui.search.index import TextIndex

    docs = [
        (f"Title {i} of set {i % 7}", f"Body {i}: tankers and airbus, word{i % 13} said {i}.")
        for i in range(60)
    ]
    monkeypatch.setattr(parallel, "PARALLEL_MIN_DOCS", 10)
    both = parallel.build_text_index(docs, workers=2)
    serial = TextIndex.build(docs)
    for a, b in ((both.title, serial.title), (both.body, serial.body)):
        assert list(a.lengths) == list(b.lengths) and a.total_length == b.total_length
        assert {t: (list(p.docs), list(p.counts), list(p.positions)) for t, p in a.terms.items()} == {
            t: (list(p.docs), list(p.counts), list(p.positions)) for t, p in b.terms.items()
        }
    assert both.phrase_docs(("tankers", "and", "airbus")) == set(range(60))


def test_words_past_position_65535_are_found_in_every_kind_of_build(monkeypatch):
    """Short postings use 2-byte numbers; a very long article widens them without losing anything."""
    from tui.search import parallel
    from tui.search.index import TextIndex

    long_body = "filler " * 70_000 + "rare closing phrase"
    docs = [(f"T{i}", f"short text {i} closing") for i in range(20)] + [("Long", long_body)]
    serial = TextIndex.build(docs)
    assert serial.phrase_docs(("rare", "closing", "phrase")) == {20}
    assert serial.body.terms["filler"].positions_of(20)[-1] == 69_999
    monkeypatch.setattr(parallel, "PARALLEL_MIN_DOCS", 4)
    both = parallel.build_text_index(docs, workers=2)  # the long article is in the child's half
    assert both.phrase_docs(("rare", "closing", "phrase")) == {20}
    assert both.term_docs("closing") == set(range(21))
    patched = TextIndex.build(docs[:20])
    patched.update({}, None, 21, {20: docs[20]})
    assert patched.phrase_docs(("rare", "closing", "phrase")) == {20}
    assert list(patched.body.terms["closing"].positions_of(20)) == [70_001]


@pytest.mark.parametrize("chunk", [1 << 21, 7], ids=["one chunk", "many chunks"])
@pytest.mark.parametrize("memo", [True, False], ids=["pickle", "without memo"])
def test_the_index_survives_pickling_word_for_word_with_long_documents(monkeypatch, chunk, memo):
    """The cache stores the index in chunks of concatenated buffers; every posting must come back."""
    import io
    import pickle

    from tui.search import index as index_module
    from tui.search.index import TextIndex, dump_without_memo

    monkeypatch.setattr(index_module, "CHUNK_POSITIONS", chunk)
    docs = [("Moskvich plant", "KAMAZ builds cars in Moscow. " * 3), ("Long", "word " * 70_000 + "tail end")]
    docs += [(f"Note {i}", f"plant {i} opened near Moscow, said KAMAZ") for i in range(30)]
    index = TextIndex.build(docs)
    if memo:
        back = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    else:
        buf = io.BytesIO()
        dump_without_memo(index, buf)
        back = pickle.loads(buf.getvalue())
    for mine, theirs in ((index.title, back.title), (index.body, back.body)):
        assert mine.terms.keys() == theirs.terms.keys() and mine.lengths == theirs.lengths
        for word, p in mine.terms.items():
            q = theirs.terms[word]
            assert (p.docs, p.counts, p.positions) == (q.docs, q.counts, q.positions), word
            assert p.positions.typecode == q.positions.typecode
    assert back.body.terms["word"].positions.typecode == "I"  # past 65,535 words: 4-byte positions
    assert back.phrase_docs(("tail", "end")) == {1}
