"""Fold a text for tolerant matching and map offsets back to the original exactly.

Folding lower-cases, writes ß as ss, makes every quotation mark `"` and every dash `-`,
applies Unicode NFKC (ligatures, the ellipsis, decomposed umlauts), turns each run of
whitespace into one space and drops soft hyphens and zero-width characters. Plain ASCII
and the common Latin letters (ä, é, …) are only lower-cased, one to one, so a German
article costs a regular-expression scan and a few dozen replacements, not a loop over
every character.

The folded text is kept as pieces: a piece copied one to one (lower-cased) maps each of
its offsets linearly; a replaced piece (ß → ss, a whitespace run → one space) maps as a
whole, so a match that starts or ends inside it takes all of it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

QUOTES = "\"'`´„“”«»‹›‚‘’‛‟′″"
DASHES = "‐‑‒–—―−"
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def _stable(char: str) -> bool:
    """Whether lower-casing alone folds `char`, one character to one."""
    lower = char.lower()
    visible = not char.isspace() and char not in INVISIBLE
    return visible and len(lower) == 1 and _fold_char(char) == lower


@cache
def _fold_char(char: str) -> str:
    if char in QUOTES:
        return '"'
    if char in DASHES:
        return "-"
    folded = unicodedata.normalize("NFKC", char).casefold()
    return "".join('"' if c in QUOTES else "-" if c in DASHES else c for c in folded)


# The characters lower-casing alone folds one to one: printable ASCII but for the
# quotation marks ' and `, and the stable part of Latin. Any other character starts a
# region to fold character by character (doubled plain spaces are found with
# str.find). A negated class of one character is the fastest scan `re` offers here.
_UNSTABLE_LATIN = "".join(c for c in map(chr, range(0x80, 0x250)) if not _stable(c))


def _ranges(chars: list[str]) -> str:
    """`chars` (in order) as the ranges of a regular-expression character class."""
    runs: list[list[str]] = []
    for char in chars:
        if runs and ord(char) == ord(runs[-1][1]) + 1:
            runs[-1][1] = char
        else:
            runs.append([char, char])
    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in runs)


_STABLE = [chr(c) for c in range(0x20, 0x250) if c != 0x7F and chr(c) not in "'`" + _UNSTABLE_LATIN]
_SPECIAL = re.compile(f"[^{_ranges(_STABLE)}]")


@dataclass(frozen=True)
class Folded:
    text: str  # the folded text
    _folded_at: tuple[int, ...]  # where each piece starts in the folded text
    _original: tuple[tuple[int, int, bool], ...]  # (start, end, linear) in the original

    def start(self, folded: int) -> int:
        """The original offset of the folded offset `folded` as the start of a span."""
        if not self._original:
            return 0
        index = bisect_right(self._folded_at, folded) - 1
        start, _, linear = self._original[index]
        return start + folded - self._folded_at[index] if linear else start

    def end(self, folded: int) -> int:
        """The original offset of the folded offset `folded` as the end of a span."""
        if folded <= 0:
            return self._original[0][0] if self._original else 0
        index = bisect_right(self._folded_at, folded - 1) - 1
        start, end, linear = self._original[index]
        return start + folded - self._folded_at[index] if linear else end

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.start(start), self.end(end)


def _blank(char: str) -> bool:
    return char.isspace() or char in INVISIBLE


def _regions(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` to fold character by character, in order, disjoint."""
    found = [match.span() for match in _SPECIAL.finditer(text)]
    double = text.find("  ")
    while double >= 0:
        found.append((double, double + 2))
        double = text.find("  ", double + 2)
    regions: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if unicodedata.combining(text[start]) and start > 0:
            start -= 1  # the letter the marks belong to
        while start > 0 and _blank(text[start]) and text[start - 1] == " ":
            start -= 1  # a space before a line break is part of one whitespace run
        while end < len(text) and _blank(text[end - 1]) and text[end] == " ":
            end += 1
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(end, regions[-1][1]))
        else:
            regions.append((start, end))
    return regions


def _units(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Each unit of a region (a whitespace run, a letter with its marks) and its folding."""
    while start < end:
        stop = start + 1
        if _blank(text[start]):
            while stop < end and _blank(text[stop]):
                stop += 1
            unit = text[start:stop]
            yield start, stop, " " if unit.strip(INVISIBLE) else ""
        else:
            while stop < end and unicodedata.combining(text[stop]):
                stop += 1
            unit = unicodedata.normalize("NFC", text[start:stop])
            yield start, stop, "".join(_fold_char(c) for c in unit)
        start = stop


def fold(text: str) -> Folded:
    """Fold `text`, keeping where each folded character came from."""
    pieces: list[str] = []
    folded_at: list[int] = []
    original: list[tuple[int, int, bool]] = []
    length = 0
    done = 0

    def add(piece: str, start: int, end: int, linear: bool) -> None:
        nonlocal length
        if piece:
            pieces.append(piece)
            folded_at.append(length)
            original.append((start, end, linear))
            length += len(piece)

    for region_start, region_end in _regions(text):
        add(text[done:region_start].lower(), done, region_start, True)
        for start, end, piece in _units(text, region_start, region_end):
            add(piece, start, end, False)
        done = region_end
    add(text[done:].lower(), done, len(text), True)
    return Folded("".join(pieces), tuple(folded_at), tuple(original))


# The same article text is folded once for several reports on it.
fold_article = lru_cache(maxsize=16)(fold)


def fold_passage(passage: str) -> str:
    """The folded passage, without space at either end."""
    return fold(passage).text.strip()


@lru_cache(maxsize=4096)
def fold_word(word: str) -> str:
    """A folded word (the figure and name check folds the same words again and again)."""
    return fold(word).text.strip()
