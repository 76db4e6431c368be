"""Money amounts, normalized to "<number> <ISO currency>"."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from extract.text.names import alternation

_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH"}
_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "rupee": "INR",
    "rupees": "INR",
}
_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "INR", "CHF", "BYN")
_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DIGIT = re.compile(r"\d")
#: Any currency word or code, in lowercase (all ASCII).
_CURRENCY_NAME = re.compile(alternation((*_WORDS, *(code.lower() for code in _CODES))))
#: A currency symbol, or a letter that case-insensitive matching takes for an ASCII letter which
#: ``str.lower`` does not turn into it (dotted capital I, dotless i, long s).
_SYMBOL_OR_FOLDED_LETTER = re.compile("[$€£¥₽₴\u0130\u0131\u017f]")
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|mln|bln|bn|tn|[mk])\b)?"
_PREFIXED = re.compile(
    rf"(?P<symbol>US\$|[$€£¥₽₴]|\b(?:{'|'.join(_CODES)})\b)\s?(?P<number>{_NUMBER}){_SCALE}",
    re.IGNORECASE,
)
_SUFFIXED = re.compile(
    rf"\b(?P<number>{_NUMBER}){_SCALE}\s*(?P<unit>{'|'.join(_WORDS)}|{'|'.join(_CODES)})\b",
    re.IGNORECASE,
)


def find_amounts(text: str) -> list[str]:
    """Money amounts in ``text`` in order of appearance, e.g. ``["1500000000 USD"]``."""
    if not _may_have_amount(text):
        return []
    found: list[tuple[int, str]] = []
    taken: list[range] = []
    for pattern in (_PREFIXED, _SUFFIXED):
        for match in pattern.finditer(text):
            if any(match.start() in span for span in taken):
                continue
            currency = _currency(match)
            value = _value(match.group("number"), match.group("scale"))
            if currency and value is not None:
                found.append((match.start(), f"{value} {currency}"))
                taken.append(range(match.start(), match.end()))
    return [amount for _, amount in sorted(found)]


def _may_have_amount(text: str) -> bool:
    """Whether ``text`` has a number and a currency symbol, word or code: every amount has."""
    if not _DIGIT.search(text):
        return False
    if _SYMBOL_OR_FOLDED_LETTER.search(text):
        return True
    return _CURRENCY_NAME.search(text.lower()) is not None


def _currency(match: re.Match[str]) -> str:
    groups = match.groupdict()
    if groups.get("symbol"):
        symbol = groups["symbol"].strip()
        return _SYMBOLS.get(symbol.upper() if symbol[0].isalpha() else symbol, symbol.upper())
    unit = groups["unit"]
    return _WORDS.get(unit.lower(), unit.upper())


def _value(number: str, scale: str | None) -> str | None:
    try:
        value = Decimal(number.replace(",", "")) * _SCALES.get((scale or "").lower(), 1)
    except InvalidOperation:
        return None
    return format(value.normalize(), "f")
