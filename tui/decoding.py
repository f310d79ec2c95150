"""Turning a file's bytes into text: UTF-8, UTF-16 with BOM, cp1251 for Cyrillic, else latin-1.

Real folders hold files from many tools; each fallback is reported so a user can see why
some characters may look wrong, but no file is refused for its encoding alone.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the codec used, and a warning when a fallback was needed."""

    text: str
    encoding: str
    warning: str | None = None


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: a NUL byte in the first 8 KiB (UTF-16 is checked first)."""
    return b"\x00" in data[:8192]


def _looks_cyrillic_cp1251(data: bytes) -> bool:
    """Most letters are high bytes in cp1251's Cyrillic range (0xC0–0xFF, plus Ёё)."""
    high = [b for b in data if b >= 0x80]
    if not high:
        return False
    cyr = sum(1 for b in high if b >= 0xC0 or b in (0xA8, 0xB8))
    ascii_letters = sum(1 for b in data if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    # In Russian text most letters are high bytes; accented Latin text has only a few.
    return cyr / len(high) >= 0.8 and len(high) >= 0.3 * (len(high) + ascii_letters)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few bad bytes (a damaged file), or None when it is another encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return text if good >= 2 and bad <= good // 4 + 2 else None


def decode_bytes(data: bytes) -> Decoded | None:
    """Decode ``data``; None when it is binary (NUL bytes outside a UTF-16 BOM file)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", "decoded as UTF-16 (byte-order mark)")
        except UnicodeDecodeError:
            return Decoded(
                data.decode("utf-16", errors="replace"),
                "utf-16",
                "decoded as UTF-16 with invalid sequences replaced",
            )
    if looks_binary(data):
        return None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return Decoded(mostly, "utf-8", "invalid UTF-8 bytes replaced with \ufffd")
    if _looks_cyrillic_cp1251(data):
        return Decoded(
            data.decode("cp1251", errors="replace"), "cp1251", "not UTF-8; decoded as cp1251 (Cyrillic)"
        )
    return Decoded(data.decode("latin-1"), "latin-1", "not UTF-8; decoded as latin-1")
