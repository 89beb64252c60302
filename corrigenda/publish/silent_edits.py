"""Is an edit between two versions of an article a typo fix or a change of substance?

Pure Python: text in, frozen dataclasses out (no Django), so the threshold is tested
in milliseconds and can be read in one place.

The texts are split into tokens (numbers stay whole: "14,2", "1'234.50"), compared
with difflib, and each changed run is judged on its own:

- **whitespace** — only spaces and line breaks differ: trivial;
- **punctuation** — only punctuation marks differ (a comma, quotes, a dash): trivial.
  Symbols that carry meaning (`% ‰ ° $ € £ ¥ + − ± < > = §`) count as words, not
  punctuation;
- **case** — the same words in other letter case: trivial;
- **spacing** — the same letters split or joined differently ("zu Hause" → "zuhause"):
  trivial;
- **number** — a token with a digit is added, removed or changed (a figure, a date, a
  time): *never* trivial, whatever its size;
- **typo** — one word replaced by one close spelling: letters only, and the two words
  are at most `typo_distance(longer)` apart (optimal-string-alignment distance: one
  insertion, deletion, substitution or swap of neighbouring letters each). That is 1
  for words of 5 to 7 letters and 2 from 8 letters on; words of 4 letters or fewer
  may only have two neighbouring letters swapped ("dei" → "die"), so "kein" → "ein"
  is not a typo;
- **name** — a typo-sized change to a word of a person's or organisation's name
  ("Anna Keller" → "Anna Kellner", later "Keller" → "Kellner"): substantive, because a
  misspelt name is a correction newsrooms announce. A name is what the claim engine reads
  as one of two or more words (`corrigenda.claims.context.entities`); a lone
  capitalised word is not, since German capitalises every noun.
- **words** — anything else (a word added, removed or replaced by another): substantive.

An edit is **trivial** when every change is trivial and there are at most
`MAX_TYPOS` misspelt words corrected; a text with many "typo-sized" changes is a rewrite, not a
typo fix. Otherwise it is **substantive**.

Alerts on a *reported* passage do not depend on any of this: any change to its words
counts (see `Edit.touched`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from functools import cached_property

from corrigenda.claims import context, sentences

MAX_TYPOS = 3
MEANINGFUL_SYMBOLS = frozenset("%‰°$€£¥+−±<>=§")

# Numbers stay whole (like the archive's diff): a changed figure is one changed token.
_TOKEN = re.compile(r"\d[\d.,'’]*\d|\w+|\s+|[^\w\s]")


class Reason(StrEnum):
    WHITESPACE = "whitespace"
    PUNCTUATION = "punctuation"
    CASE = "case"
    SPACING = "spacing"
    TYPO = "typo"
    NAME = "name"
    NUMBER = "number"
    WORDS = "words"


TRIVIAL_REASONS = frozenset(
    {Reason.WHITESPACE, Reason.PUNCTUATION, Reason.CASE, Reason.SPACING, Reason.TYPO}
)


@dataclass(frozen=True)
class Passage:
    """A stretch of the old text someone reported; `key` says whose (a report's id)."""

    start: int
    end: int
    key: int


@dataclass(frozen=True)
class Change:
    """One changed run: `old[old_start:old_end]` became `new[new_start:new_end]`."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old: str
    new: str
    reason: Reason
    words: int  # how many words differ (for a typo change: how many typos)

    @property
    def trivial(self) -> bool:
        return self.reason in TRIVIAL_REASONS

    def touches(self, passage: Passage) -> bool:
        """Whether the change alters the passage's words (whitespace does not count).

        A replaced or deleted run touches it when the ranges overlap; an insertion
        only when it lands inside the passage, not at its edge.
        """
        if self.reason is Reason.WHITESPACE:
            return False
        if self.old_start == self.old_end:
            return passage.start < self.old_start < passage.end
        return self.old_start < passage.end and passage.start < self.old_end


@dataclass(frozen=True)
class Edit:
    changes: tuple[Change, ...]
    touched: tuple[int, ...]  # keys of the passages whose words changed

    @property
    def identical(self) -> bool:
        return not self.changes

    @property
    def typos(self) -> int:
        return sum(change.words for change in self.changes if change.reason is Reason.TYPO)

    @property
    def substantive(self) -> bool:
        return any(not change.trivial for change in self.changes) or self.typos > MAX_TYPOS

    @property
    def trivial(self) -> bool:
        return bool(self.changes) and not self.substantive


def classify(old: str, new: str, passages: Iterable[Passage] = (), *, lang: str = "de") -> Edit:
    """The changes from `old` to `new`, each judged, and which passages they touch
    (`lang`: the language of the text, for telling names apart)."""
    a, b = _tokenize(old), _tokenize(new)
    names = _Names(old, lang)
    changes = tuple(
        dataclasses.replace(change, reason=Reason.NAME)
        if change.reason is Reason.TYPO and names.misspelt(change.old, change.new)
        else change
        for change in _changes(old, new, a, b)
    )
    touched = tuple(
        passage.key for passage in passages if any(change.touches(passage) for change in changes)
    )
    return Edit(changes=changes, touched=touched)


def describe(edit: Edit, old: str, new: str, *, limit: int = 5, context: int = 30) -> str:
    """The changes as lines «…old…» → «…new…», substantive ones first, for the desk."""
    ordered = sorted(edit.changes, key=lambda change: (change.trivial, change.old_start))
    lines = [
        f"«{_excerpt(old, change.old_start, change.old_end, context)}» → "
        f"«{_excerpt(new, change.new_start, change.new_end, context)}»"
        for change in ordered[:limit]
    ]
    if len(ordered) > limit:
        lines.append(f"(+{len(ordered) - limit})")
    return "\n".join(lines)


def _excerpt(text: str, start: int, end: int, context: int) -> str:
    left, right = max(0, start - context), min(len(text), end + context)
    # Widen to whole words so the context does not start or end mid-word.
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    snippet = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


class _Names:
    """The words of the names in a text, found only when a typo-sized change needs them."""

    def __init__(self, text: str, lang: str) -> None:
        self._text, self._lang = text, lang

    @cached_property
    def words(self) -> frozenset[str]:
        found = (
            context.entities(self._text[span.start : span.end], self._lang)
            for span in sentences.split(self._text)
        )
        return frozenset(
            word for names in found for name in names if " " in name for word in name.split()
        )

    def misspelt(self, old: str, new: str) -> bool:
        """Whether a word of a name is among the words `old` → `new` changes."""
        old_words, new_words = _WORD.findall(old), _WORD.findall(new)
        return any(x in self.words for x, y in zip(old_words, new_words, strict=False) if x != y)


_WORD = re.compile(r"\w+")


# --- tokens and changes ----------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    text: str
    start: int


def _tokenize(text: str) -> list[_Token]:
    return [_Token(m.group(), m.start()) for m in _TOKEN.finditer(text)]


def _changes(old: str, new: str, a: list[_Token], b: list[_Token]) -> Iterable[Change]:
    # The common head and tail are cut off first: most edits touch a small part.
    head = 0
    while head < min(len(a), len(b)) and a[head].text == b[head].text:
        head += 1
    tail = 0
    while (
        tail < min(len(a), len(b)) - head and a[len(a) - 1 - tail].text == b[len(b) - 1 - tail].text
    ):
        tail += 1
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = SequenceMatcher(
        None, [t.text for t in middle_a], [t.text for t in middle_b], autojunk=False
    )
    for i1, i2, j1, j2 in _runs(matcher.get_opcodes(), middle_a):
        old_tokens, new_tokens = middle_a[i1:i2], middle_b[j1:j2]
        old_start, old_end = _span(old_tokens, a, head + i1, len(old))
        new_start, new_end = _span(new_tokens, b, head + j1, len(new))
        old_texts, new_texts = [t.text for t in old_tokens], [t.text for t in new_tokens]
        yield Change(
            old_start=old_start,
            old_end=old_end,
            new_start=new_start,
            new_end=new_end,
            old=old[old_start:old_end],
            new=new[new_start:new_end],
            reason=_judge(old_texts, new_texts),
            words=_changed_words(old_texts, new_texts),
        )


def _runs(
    opcodes: Sequence[tuple[str, int, int, int, int]], a: list[_Token]
) -> Iterable[tuple[int, int, int, int]]:
    """Changed token ranges; two changes parted only by whitespace are one ("Anna Keller")."""
    pending: tuple[int, int, int, int] | None = None
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        glue = tag == "equal" and all(t.text.isspace() for t in a[i1:i2])
        if tag == "equal" and not (glue and pending is not None and index < len(opcodes) - 1):
            if pending is not None:
                yield pending
                pending = None
            continue
        pending = (i1, i2, j1, j2) if pending is None else (pending[0], i2, pending[2], j2)
    if pending is not None:
        yield pending


def _span(tokens: list[_Token], every: list[_Token], at: int, length: int) -> tuple[int, int]:
    """Character range of `tokens`; for none (an insertion), the point where they go."""
    if tokens:
        return tokens[0].start, tokens[-1].start + len(tokens[-1].text)
    point = every[at].start if at < len(every) else length
    return point, point


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_" or token in MEANINGFUL_SYMBOLS


def _judge(old: Sequence[str], new: Sequence[str]) -> Reason:
    old_words = [t for t in old if _is_word(t)]
    new_words = [t for t in new if _is_word(t)]
    if old_words == new_words:
        non_space = [t for t in (*old, *new) if not t.isspace()]
        return Reason.PUNCTUATION if non_space else Reason.WHITESPACE
    if any(any(c.isdigit() for c in word) for word in (*old_words, *new_words)):
        return Reason.NUMBER
    if [w.casefold() for w in old_words] == [w.casefold() for w in new_words]:
        return Reason.CASE
    if "".join(old_words).casefold() == "".join(new_words).casefold():
        return Reason.SPACING
    if len(old_words) == len(new_words) and all(
        _is_typo(x, y) for x, y in zip(old_words, new_words, strict=True) if x != y
    ):
        return Reason.TYPO
    return Reason.WORDS


def _changed_words(old: Sequence[str], new: Sequence[str]) -> int:
    old_words = [t for t in old if _is_word(t)]
    new_words = [t for t in new if _is_word(t)]
    if len(old_words) != len(new_words):
        return max(len(old_words), len(new_words))
    return sum(1 for x, y in zip(old_words, new_words, strict=True) if x != y)


def typo_distance(length: int) -> int:
    """How many letter edits a word of `length` letters may differ by and stay a typo."""
    if length <= 4:
        return 0  # only a swap of two neighbouring letters, checked separately
    return 1 if length <= 7 else 2


def _is_typo(old: str, new: str) -> bool:
    if not (old.isalpha() and new.isalpha()):
        return False
    x, y = old.casefold(), new.casefold()
    longer = max(len(x), len(y))
    if longer <= 4:
        return len(x) == len(y) and _osa_distance(x, y) == 1 and sorted(x) == sorted(y)
    return _osa_distance(x, y) <= typo_distance(longer)


def _osa_distance(x: str, y: str) -> int:
    """Optimal string alignment distance: edits, substitutions and adjacent swaps."""
    rows = [list(range(len(y) + 1))]
    for i in range(1, len(x) + 1):
        row = [i] + [0] * len(y)
        for j in range(1, len(y) + 1):
            cost = 0 if x[i - 1] == y[j - 1] else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and x[i - 1] == y[j - 2] and x[i - 2] == y[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]
