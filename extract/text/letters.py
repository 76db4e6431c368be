"""The letters of the Latin script as the contents of regular-expression classes, so that
names written with accents ("Walter Benítez", "Łódź", "Škoda") read as names: ``[{UPPER}]``
is a capital, ``[{LOWER}]`` a small letter, from ASCII through Latin-1 to Latin Extended-B."""

from __future__ import annotations

_LATIN = range(0xC0, 0x250)
UPPER = "A-Z" + "".join(char for char in map(chr, _LATIN) if char.isupper())
LOWER = "a-z" + "".join(char for char in map(chr, _LATIN) if char.islower())
LETTER = UPPER + LOWER
