"""A readable word-level diff between two versions of an article text.

Pure Python. Paragraphs are compared first, then the words of changed paragraphs, so
a changed figure shows as one word struck and one word added, and an unchanged
common word in another paragraph is never matched across a rewrite. Long runs of
unchanged paragraphs collapse to a gap with `context` paragraphs kept on each side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from typing import ClassVar

PARAGRAPH_BREAK = "\n\n"


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Span:
    op: Op
    text: str


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    spans: tuple[Span, ...]

    @property
    def changed(self) -> bool:
        return any(span.op is not Op.EQUAL for span in self.spans)


@dataclass(frozen=True)
class Gap:
    """Unchanged paragraphs left out of the view."""

    kind: ClassVar[str] = "gap"
    count: int


@dataclass(frozen=True)
class TextDiff:
    blocks: tuple[Paragraph | Gap, ...]
    inserted_words: int
    deleted_words: int

    @property
    def identical(self) -> bool:
        return self.inserted_words == 0 and self.deleted_words == 0


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split(PARAGRAPH_BREAK) if p.strip()]


# Numbers stay whole ("9,74", "1'234.50") so a changed figure reads as one change.
_TOKEN = re.compile(r"\d[\d.,'’]*\d|\w+|\s+|[^\w\s]")


def _tokens(paragraphs: list[str]) -> list[str]:
    tokens: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            tokens.append(PARAGRAPH_BREAK)
        tokens.extend(_TOKEN.findall(paragraph))
    return tokens


def _words(tokens: list[str]) -> int:
    return sum(1 for token in tokens if token != PARAGRAPH_BREAK and not token.isspace())


def _is_glue(tokens: list[str]) -> bool:
    """A short equal run that only separates two changes: spaces or one punctuation mark."""
    return all(t.isspace() for t in tokens) or (
        len(tokens) <= 2 and not any(t.isalnum() for t in tokens) and PARAGRAPH_BREAK not in tokens
    )


def _operations(a: list[str], b: list[str]) -> list[tuple[Op, list[str]]]:
    """Token-level operations, with equal glue between two changes folded into them.

    Without the folding, "der Hund bellt" → "eine Katze miaut" would read as three
    separate changes held together by matching spaces.
    """
    raw: list[tuple[str, list[str], list[str]]] = [
        (tag, a[i1:i2], b[j1:j2])
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    ]
    merged: list[tuple[str, list[str], list[str]]] = []
    for index, (tag, old, new) in enumerate(raw):
        between_changes = 0 < index < len(raw) - 1
        if tag == "equal" and between_changes and _is_glue(old):
            tag = "replace"
        if tag != "equal" and merged and merged[-1][0] != "equal":
            _, old_before, new_before = merged.pop()
            old, new = old_before + old, new_before + new
            tag = "replace"
        merged.append((tag, old, new))
    operations: list[tuple[Op, list[str]]] = []
    for tag, old, new in merged:
        if tag == "equal":
            operations.append((Op.EQUAL, old))
            continue
        operations += [(Op.DELETE, old), (Op.INSERT, new)]
    return operations


class _Builder:
    """Collects tokens into paragraphs of spans, merging neighbours with the same operation."""

    def __init__(self) -> None:
        self.paragraphs: list[list[Span]] = [[]]

    def add(self, op: Op, tokens: list[str]) -> None:
        run: list[str] = []
        for token in tokens:
            if token != PARAGRAPH_BREAK:
                run.append(token)
                continue
            self._emit(op, run)
            run = []
            if op is Op.DELETE:
                self._emit(op, [" ¶ "])  # two old paragraphs joined into one
            else:
                self.paragraphs.append([])
        self._emit(op, run)

    def _emit(self, op: Op, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        spans = self.paragraphs[-1]
        if spans and spans[-1].op is op:
            spans[-1] = Span(op, spans[-1].text + text)
        else:
            spans.append(Span(op, text))

    def result(self) -> list[Paragraph]:
        return [Paragraph(tuple(spans)) for spans in self.paragraphs if spans]


def _word_diff(old: list[str], new: list[str]) -> tuple[list[Paragraph], int, int]:
    a, b = _tokens(old), _tokens(new)
    builder = _Builder()
    inserted = deleted = 0
    for op, tokens in _operations(a, b):
        builder.add(op, tokens)
        if op is Op.INSERT:
            inserted += _words(tokens)
        elif op is Op.DELETE:
            deleted += _words(tokens)
    return builder.result(), inserted, deleted


def diff_words(old: str, new: str, *, context: int | None = 1) -> TextDiff:
    """Word-level diff of two bodies (paragraphs separated by blank lines).

    `context` unchanged paragraphs are kept around each change; None keeps all.
    """
    old_paragraphs, new_paragraphs = _paragraphs(old), _paragraphs(new)
    matcher = SequenceMatcher(None, old_paragraphs, new_paragraphs, autojunk=False)
    paragraphs: list[Paragraph] = []
    inserted = deleted = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            paragraphs.extend(Paragraph((Span(Op.EQUAL, p),)) for p in old_paragraphs[i1:i2])
            continue
        changed, added, removed = _word_diff(old_paragraphs[i1:i2], new_paragraphs[j1:j2])
        # A block that shares no word reads better as whole paragraphs out and in.
        if tag == "replace" and not any(s.op is Op.EQUAL for p in changed for s in p.spans):
            changed = [Paragraph((Span(Op.DELETE, p),)) for p in old_paragraphs[i1:i2]]
            changed += [Paragraph((Span(Op.INSERT, p),)) for p in new_paragraphs[j1:j2]]
        paragraphs.extend(changed)
        inserted += added
        deleted += removed
    blocks = tuple(_collapse(paragraphs, context)) if context is not None else tuple(paragraphs)
    return TextDiff(blocks, inserted, deleted)


def _collapse(paragraphs: list[Paragraph], context: int) -> Iterator[Paragraph | Gap]:
    changed = [index for index, p in enumerate(paragraphs) if p.changed]
    keep = {
        near
        for index in changed
        for near in range(index - context, index + context + 1)
        if 0 <= near < len(paragraphs)
    }
    hidden = 0
    for index, paragraph in enumerate(paragraphs):
        if index in keep:
            if hidden:
                yield Gap(hidden)
                hidden = 0
            yield paragraph
        else:
            hidden += 1
    if hidden:
        yield Gap(hidden)


# ---------------------------------------------------------------- terminal output


def _gap_en(count: int) -> str:
    return f"… {count} unchanged paragraph{'s' if count != 1 else ''} …"


def render_markers(
    diff: TextDiff,
    *,
    deleted: tuple[str, str] = ("[-", "-]"),
    inserted: tuple[str, str] = ("{+", "+}"),
    gap: Callable[[int], str] = _gap_en,
) -> str:
    """Plain text with wdiff-style markers: `[-old-] {+new+}`."""
    marks = {Op.EQUAL: ("", ""), Op.DELETE: deleted, Op.INSERT: inserted}
    lines: list[str] = []
    for block in diff.blocks:
        if isinstance(block, Gap):
            lines.append(gap(block.count))
            continue
        lines.append("".join(marks[s.op][0] + s.text + marks[s.op][1] for s in block.spans))
    return "\n\n".join(lines)


def render_ansi(diff: TextDiff, *, gap: Callable[[int], str] = _gap_en) -> str:
    """Terminal colours: deleted words red and struck through, inserted green and underlined."""
    return render_markers(
        diff,
        deleted=("\x1b[31;9m", "\x1b[0m"),
        inserted=("\x1b[32;4m", "\x1b[0m"),
        gap=lambda count: "\x1b[2m" + gap(count) + "\x1b[0m",
    )
