"""Anchoring a reader's passage in a ~2,000-word German article, against bare baselines.

The article joins 10kGNAD articles until it has 2,000 words; the passages are sentences
of 80–250 characters from it, each in three forms: as written (exact), written
differently (ß as ss, a doubled space, the first letter's case: normalised) and with
two typos (two letters swapped in two long lowercase words: fuzzy). Baselines in the
same run: `str.find` for the exact passage, a bare `rapidfuzz.fuzz.partial_ratio_alignment`
of the raw passage over the raw text for the others (what `anchor` adds is folding,
snapping to words, the figure and name check and mapping offsets back).

`cold` folds the article anew for every call (a report on an article not seen before);
`warm` reuses the folded article (several reports on one article).

    python -m benchmarks.reports_anchoring [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

from corrigenda.reports._anchoring_fold import fold_article
from corrigenda.reports.anchoring import Anchor, anchor

GNAD = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "10kgnad" / "test.csv"
WORDS = 2000
PASSAGES = 30
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")
_LONG_WORD = re.compile(r"\b[a-zäöü]{6,}\b")


def article(path: Path = GNAD) -> str:
    text = []
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.reader(file, delimiter=";", quotechar="'"):
            if len(row) > 1:
                text.append(row[1])
            if sum(len(t.split()) for t in text) >= WORDS:
                break
    return "\n\n".join(text)


def sentences(text: str) -> list[str]:
    found = [s for s in _SENTENCE.split(text) if 80 <= len(s) <= 250 and "\n" not in s]
    found = [s for s in found if text.count(s) == 1]
    found = [s for s in found if _edits(s) == 4]  # two swaps: two typos, four letters
    step = max(1, len(found) // PASSAGES)
    return found[::step][:PASSAGES]


def normalised(sentence: str) -> str:
    changed = sentence.replace("ß", "ss").replace(" ", "  ", 1)
    return changed[0].swapcase() + changed[1:]


def with_typos(sentence: str) -> str:
    for word in [w for w in _LONG_WORD.findall(sentence) if w[2] != w[3]][:2]:
        sentence = sentence.replace(word, word[:2] + word[3] + word[2] + word[4:], 1)
    return sentence


def _edits(sentence: str) -> int:
    return sum(a != b for a, b in zip(sentence, with_typos(sentence), strict=True))


def per_call(run: Callable[[str], object], passages: list[str], repeat: int) -> float:
    """Microseconds per call, the best of three rounds."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeat):
            for passage in passages:
                run(passage)
        best = min(best, time.perf_counter() - start)
    return best / (repeat * len(passages)) * 1e6


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    options = parser.parse_args(argv)
    print("reports anchoring (anchor on a 2,000-word 10kGNAD article vs str.find / rapidfuzz)")
    if not GNAD.is_file():
        print(f"  skipped: {GNAD} not found (shared/ is not beside the repository)")
        return
    text = article()
    originals = sentences(text)
    print(f"  article: {len(text.split())} words, {len(text)} characters")
    print(f"  passages: {len(originals)} sentences of 80–250 characters, {options.repeat}× each")

    def warm(passage: str) -> object:
        return anchor(text, passage)

    def cold(passage: str) -> object:
        fold_article.cache_clear()
        return anchor(text, passage)

    def find(passage: str) -> object:
        return text.find(passage)

    def bare(passage: str) -> object:
        return fuzz.partial_ratio_alignment(passage, text)

    forms = [
        ("exact", originals, find, "str.find"),
        ("normalised", [normalised(s) for s in originals], bare, "partial_ratio_alignment"),
        ("fuzzy", [with_typos(s) for s in originals], bare, "partial_ratio_alignment"),
    ]
    for method, passages, baseline, baseline_name in forms:
        found = [anchor(text, passage) for passage in passages]
        right = sum(
            isinstance(a, Anchor) and a.method == method and a.start == text.find(s)
            for a, s in zip(found, originals, strict=True)
        )
        ours_cold = per_call(cold, passages, options.repeat)
        ours_warm = per_call(warm, passages, options.repeat)
        theirs = per_call(baseline, passages, options.repeat)
        print(
            f"  {method:<10} anchored {right}/{len(passages)}: "
            f"cold {ours_cold:7.1f} µs, warm {ours_warm:7.1f} µs per call; "
            f"{baseline_name} {theirs:6.1f} µs; ratio cold {ours_cold / theirs:.1f}×, "
            f"warm {ours_warm / theirs:.1f}×"
        )


if __name__ == "__main__":
    main()
