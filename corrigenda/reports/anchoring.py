"""Find the passage a reader quotes in the archived text of an article.

Pure Python, no Django. Three steps, the first that finds the passage wins:

1. **exact**: the passage as the reader sent it (without space at either end);
2. **normalised**: both folded — case, ß/ss, quotation marks, dashes, whitespace, soft
   hyphens, NFKC (see `_anchoring_fold`) — with offsets mapped back to the original;
3. **fuzzy**: rapidfuzz's `partial_ratio_alignment` on the folded texts, the span
   snapped to word boundaries and scored with `fuzz.ratio`; at least `min_score`, and
   no figure or name may differ from the reader's quote (see `_anchoring_compare`).

A passage found more than once is placed by the context the reader's selection had
(`prefix`, `suffix`), then by `hint` (the expected start). Where neither decides —
and so for a bare quote such as "9,74 Milliarden" that occurs twice — the answer is
`Miss("ambiguous")`: the editor anchors it by hand rather than trust a guess. The
fuzzy step takes the best match only (and within the reader's context where given).

Every `Anchor` satisfies `text[anchor.start:anchor.end] == anchor.exact`; with
`prefix` and `suffix` it is a W3C TextQuoteSelector plus a TextPositionSelector.

    found = anchor(version.text, "9,74 Milliarden", prefix="Umsatz von ")
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import ScoreAlignment

from corrigenda.reports._anchoring_compare import figures_or_names_differ, sentence_spans
from corrigenda.reports._anchoring_fold import (
    INVISIBLE,
    QUOTES,
    Folded,
    fold_article,
    fold_passage,
)

CONTEXT_CHARS = 32
MAX_OCCURRENCES = 100  # a passage found more often than this is ambiguous anyway
CONTEXT_MIN_SCORE = 85.0  # how like its old context a corrected passage's surroundings are
_TOKEN = re.compile(r"\S+")
_FIGURE_BEFORE = re.compile(r"\d[.,'’\u2009\u202f]$")
_FIGURE_AFTER = re.compile(r"[.,'’\u2009\u202f]\d")
_OPENING = "\"('[-"
_CLOSING = "\".,;:!?)']-"


@dataclass(frozen=True)
class Anchor:
    start: int  # offsets into the version text (Python str indices)
    end: int
    exact: str  # text[start:end], the passage as the archive has it
    prefix: str  # up to CONTEXT_CHARS characters before start
    suffix: str  # up to CONTEXT_CHARS characters after end
    score: float  # 100.0 for exact, else rapidfuzz similarity 0..100
    method: str  # "exact" | "normalised" | "fuzzy"


@dataclass(frozen=True)
class Miss:
    reason: str  # "not_found" | "figures_differ" | "ambiguous" | "empty"
    closest: str | None  # the closest passage of the text, to offer the reader
    score: float  # its similarity


def anchor(
    text: str,
    passage: str,
    *,
    prefix: str = "",
    suffix: str = "",
    hint: int | None = None,
    min_score: float = 85.0,
) -> Anchor | Miss:
    """Locate `passage` in `text`: exact, then normalised, then fuzzy (see the module)."""
    wanted = passage.strip()
    if wanted.strip(INVISIBLE):
        spans = [span for span in _occurrences(text, wanted) if not _cuts(text, *span)]
        if spans:
            return _choose(text, spans, wanted, prefix, suffix, hint, "exact")
    needle = fold_passage(wanted)
    if not needle:
        return Miss("empty", None, 0.0)
    folded = fold_article(text)
    unquoted = needle.strip(QUOTES[0] + " ")  # readers quote the quote: „…“
    for candidate in dict.fromkeys((needle, unquoted)):
        found = [folded.span(*span) for span in _occurrences(folded.text, candidate)]
        found = [span for span in found if not _cuts(text, *span)]
        if candidate and found:
            return _choose(text, found, wanted, prefix, suffix, hint, "normalised")
    return _fuzzy(text, folded, wanted, prefix, suffix, min_score)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether the half-open ranges `a` and `b` share at least one character."""
    return max(a[0], b[0]) < min(a[1], b[1])


def reanchor(old_text: str, anchor: Anchor, new_text: str) -> Anchor | Miss:
    """Find `anchor` (made on `old_text`) in `new_text`, a newer version of the article.

    The passage itself first (exact, normalised, fuzzy as in `anchor`, placed by its
    prefix and suffix and its old position); where it has changed — a correction
    rewrote it — the text that now stands between its old context.
    """
    if old_text == new_text:
        return anchor
    found = _anchor(
        new_text, anchor.exact, prefix=anchor.prefix, suffix=anchor.suffix, hint=anchor.start
    )
    if isinstance(found, Anchor) or found.reason == "ambiguous":
        return found
    return _between_context(old_text, anchor, new_text)


_anchor = anchor  # `reanchor` names its argument `anchor`, as the contract has it


def _occurrences(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = haystack.find(needle)
    while start >= 0 and len(spans) < MAX_OCCURRENCES:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return spans


def _cuts(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` begins or ends inside a word or a figure ("9,7" in "9,74")."""
    before, first, last, after = (
        text[start - 1 : start],
        text[start],
        text[end - 1],
        text[end : end + 2],
    )
    return bool(
        (before.isalnum() and first.isalnum())
        or (last.isalnum() and after[:1].isalnum())
        or (first.isdigit() and _FIGURE_BEFORE.search(text, max(0, start - 2), start))
        or (last.isdigit() and _FIGURE_AFTER.match(after))
    )


def _at(text: str, start: int, end: int, score: float, method: str) -> Anchor:
    prefix = text[max(0, start - CONTEXT_CHARS) : start]
    return Anchor(
        start, end, text[start:end], prefix, text[end : end + CONTEXT_CHARS], score, method
    )


def _choose(
    text: str,
    spans: list[tuple[int, int]],
    wanted: str,
    prefix: str,
    suffix: str,
    hint: int | None,
    method: str,
) -> Anchor | Miss:
    """One of the spans where the passage occurs: by its context, then by `hint`."""
    if len(spans) > 1 and (prefix.strip() or suffix.strip()):
        scores = [_context_score(text, span, prefix, suffix) for span in spans]
        spans = [span for span, score in zip(spans, scores, strict=True) if score == max(scores)]
    if len(spans) > 1 and hint is not None:
        distances = [abs(start - hint) for start, _ in spans]
        spans = [span for span, d in zip(spans, distances, strict=True) if d == min(distances)]
    start, end = spans[0]
    score = 100.0 if method == "exact" else round(fuzz.ratio(wanted, text[start:end]), 1)
    if len(spans) > 1:
        return Miss("ambiguous", text[start:end], score)
    return _at(text, start, end, score, method)


def _context_score(text: str, span: tuple[int, int], prefix: str, suffix: str) -> float:
    """How well the text around `span` agrees with the reader's selection context."""
    score = 0.0
    wanted_before = fold_passage(prefix)[-2 * CONTEXT_CHARS :]
    if wanted_before:
        before = fold_passage(text[max(0, span[0] - 3 * CONTEXT_CHARS) : span[0]])
        score += fuzz.ratio(wanted_before, before[-len(wanted_before) :])
    wanted_after = fold_passage(suffix)[: 2 * CONTEXT_CHARS]
    if wanted_after:
        after = fold_passage(text[span[1] : span[1] + 3 * CONTEXT_CHARS])
        score += fuzz.ratio(wanted_after, after[: len(wanted_after)])
    return round(score, 1)


def _fuzzy(
    text: str, folded: Folded, wanted: str, prefix: str, suffix: str, min_score: float
) -> Anchor | Miss:
    needle = fold_passage(wanted)
    low, high = 0, len(folded.text)
    if prefix.strip() or suffix.strip():  # look where the reader's selection was
        around = fold_passage(prefix[-2 * CONTEXT_CHARS :] + wanted + suffix[: 2 * CONTEXT_CHARS])
        found = _align(around, folded.text)
        if found.score >= min_score:
            low = max(0, found.dest_start - len(needle))
            high = min(high, found.dest_end + len(needle))
    found = _align(needle, folded.text[low:high])
    start, end, score = _snap(folded.text, needle, low + found.dest_start, low + found.dest_end)
    start, end = folded.span(start, end)
    if score < min_score:
        return _not_found(text, start, end, score)
    if figures_or_names_differ(wanted, text[start:end]):
        return Miss("figures_differ", text[start:end], score)
    return _at(text, start, end, score, "fuzzy")


def _align(needle: str, haystack: str) -> ScoreAlignment:
    """Where in `haystack` the stretch most like `needle` is (rapidfuzz's partial ratio)."""
    found = fuzz.partial_ratio_alignment(needle, haystack)
    assert found is not None  # None only below a score_cutoff, and none is given
    return found


def _snap(haystack: str, needle: str, start: int, end: int) -> tuple[int, int, float]:
    """The span near `start:end` between word boundaries that is most like `needle`.

    The alignment is as long as the needle, so a letter left out or added shifts its
    ends: the two word starts nearest to its start and the two word ends nearest to its
    end are tried, each also without the quotation marks or punctuation around a word.
    """
    tokens = list(_TOKEN.finditer(haystack, max(0, start - 60), end + 60))
    starts: set[int] = set()
    ends: set[int] = set()
    for token in sorted(tokens, key=lambda token: abs(token.start() - start))[:2]:
        starts |= {token.start(), token.start() + _run(token.group(), _OPENING)}
    for token in sorted(tokens, key=lambda token: abs(token.end() - end))[:2]:
        ends |= {token.end(), token.end() - _run(token.group()[::-1], _CLOSING)}
    best = max(
        ((fuzz.ratio(needle, haystack[s:e]), s, e) for s in starts for e in ends if s < e),
        default=(fuzz.ratio(needle, haystack[start:end]), start, end),
    )
    return best[1], best[2], round(best[0], 1)


def _run(token: str, chars: str) -> int:
    """How many characters at the start of `token` are among `chars` (not all of it)."""
    run = len(token) - len(token.lstrip(chars))
    return run if run < len(token) else 0


def _not_found(text: str, start: int, end: int, score: float) -> Miss:
    """Not found; the sentences around the closest span are offered instead."""
    around = [s for s in sentence_spans(text) if s[0] < max(end, start + 1) and start < s[1]]
    if not around:
        return Miss("not_found", None, score)
    return Miss("not_found", text[around[0][0] : around[-1][1]], score)


def _between_context(old_text: str, anchor: Anchor, new_text: str) -> Anchor | Miss:
    """What now stands between the passage's old context: the passage as corrected."""
    before = old_text[max(0, anchor.start - 3 * CONTEXT_CHARS) : anchor.start]
    after = old_text[anchor.end : anchor.end + 3 * CONTEXT_CHARS]
    folded = fold_article(new_text)
    window = fold_passage(before + anchor.exact + after)
    found = _align(window, folded.text)
    if found.score < CONTEXT_MIN_SCORE:
        start, end = folded.span(found.dest_start, found.dest_end)
        return _not_found(new_text, start, end, round(found.score, 1))
    slack = 3 + len(window) // 10
    low, high = max(0, found.dest_start - slack), min(len(folded.text), found.dest_end + slack)
    start, end = low, high
    if wanted_before := fold_passage(before):
        start = low + _align(wanted_before, folded.text[low:high]).dest_end
    if wanted_after := fold_passage(after):
        end = start + _align(wanted_after, folded.text[start:high]).dest_start
    start, end = folded.span(start, end)
    exact = new_text[start:end]
    start, end = start + len(exact) - len(exact.lstrip()), end - len(exact) + len(exact.rstrip())
    if start >= end:
        return Miss("not_found", None, 0.0)
    return _at(new_text, start, end, round(found.score, 1), "fuzzy")
