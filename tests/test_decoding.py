"""Files in any of the encodings users' folders hold are read, with a warning for fallbacks."""

import codecs

from tui.decoding import decode_bytes


def test_utf8_plain_and_with_bom_need_no_warning():
    assert decode_bytes("Москвич café".encode()).text == "Москвич café"
    d = decode_bytes(codecs.BOM_UTF8 + "Москвич".encode())
    assert d.text == "Москвич" and d.warning is None


def test_utf16_with_bom_is_decoded_and_reported():
    d = decode_bytes("Moskvich plant".encode("utf-16"))
    assert d.text == "Moskvich plant"
    assert "UTF-16" in d.warning


def test_cp1251_russian_is_recognised():
    d = decode_bytes("Завод Москвич возобновил производство".encode("cp1251"))
    assert d.text == "Завод Москвич возобновил производство"
    assert d.encoding == "cp1251" and "cp1251" in d.warning


def test_latin1_accented_text_is_not_mistaken_for_cyrillic():
    d = decode_bytes("Le café de la gare, très animé".encode("latin-1"))
    assert d.text == "Le café de la gare, très animé"
    assert d.encoding == "latin-1"


def test_invalid_utf8_in_the_middle_keeps_the_rest_of_the_text():
    good = "Москвич café déjà vu ".encode()
    d = decode_bytes(good + b"\xff\xfe broken " + good)
    assert d.text.startswith("Москвич café") and d.text.endswith("déjà vu ")
    assert "\ufffd" in d.text and "replaced" in d.warning


def test_binary_data_is_refused():
    assert decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") is None
