"""Bytes to text: BOMs, UTF-8, then a detected legacy encoding; binary data is refused."""

from __future__ import annotations

import codecs

from extract.reading.controls import strip_controls
from extract.reading.errors import DocumentError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Among equally likely detected encodings, the first of these wins.
PREFERRED_ENCODINGS: tuple[str, ...] = ("cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r")
_COHERENCE_TIE = 0.05

_BINARY = "binary file, not text"

#: Share of control characters above which decoded text is taken for binary data.
_MAX_CONTROL_SHARE = 0.05
#: The control characters counted: all below U+0020 except tab, line feed, form feed and CR.
_CONTROLS = bytes(code for code in range(32) if chr(code) not in "\n\r\t\f")


def decode_text(data: bytes, name: str) -> str:
    """Decode a document's bytes to text with ``\\n`` line ends, without terminal escapes,
    control characters or bidirectional overrides (see :mod:`extract.reading.controls`).

    Tries a byte-order mark, then strict UTF-8, then the encoding charset-normalizer detects
    (Latin-1, Windows-1251, ...). Raises :class:`DocumentError` for empty, binary or
    undecodable data; ``name`` only labels the error.
    """
    text = _decode(data, name)
    if not text.strip():
        raise DocumentError(name, "empty file")
    if _looks_binary(text):
        raise DocumentError(name, _BINARY)
    return strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))


def decode_utf8(data: bytes, name: str) -> str:
    """Decode strict UTF-8 bytes as written, line ends kept, for offsets that count the file's
    characters. Raises :class:`DocumentError` for binary data and for other encodings."""
    _refuse_nul(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        raise DocumentError(name, f"not UTF-8 text ({byte}); convert it to UTF-8 first") from None


def refuse_binary_start(block: bytes, name: str) -> None:
    """Refuse a file from its first ``block`` when that is binary data: NUL bytes (outside
    UTF-16 and UTF-32, told by their BOM) or too many control characters."""
    if any(block.startswith(bom) for bom, encoding in _BOMS if encoding != "utf-8-sig"):
        return
    _refuse_nul(block, name)
    controls = len(block) - len(block.translate(None, _CONTROLS))
    if controls > _MAX_CONTROL_SHARE * len(block):
        raise DocumentError(name, _BINARY)


def _refuse_nul(data: bytes, name: str) -> None:
    """A NUL byte outside UTF-16 and UTF-32 (told by their BOM) only occurs in binary data."""
    if b"\x00" in data:
        raise DocumentError(name, _BINARY)


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DocumentError(name, f"undecodable {encoding} text ({error.reason})") from None
    _refuse_nul(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DocumentError(name, "undecodable text (unknown encoding)")
    best = matches[0]
    tied = [
        match
        for match in matches
        if match.chaos <= best.chaos and match.coherence >= best.coherence - _COHERENCE_TIE
    ]
    return str(min(tied, key=lambda match: _preference(match.encoding)))


def _preference(encoding: str) -> int:
    """Rank of a detected encoding: common ones win a tie (Windows-1252 over Windows-1250)."""
    return (
        PREFERRED_ENCODINGS.index(encoding)
        if encoding in PREFERRED_ENCODINGS
        else len(PREFERRED_ENCODINGS)
    )


def _looks_binary(text: str) -> bool:
    """Whether control characters make up too much of ``text`` (counted on its UTF-8 bytes,
    where a control character is always the one byte of its code)."""
    data = text.encode("utf-8", "surrogatepass")
    controls = len(data) - len(data.translate(None, _CONTROLS))
    return controls > _MAX_CONTROL_SHARE * len(text)
