"""Throughput of `extract` on real German news (10kGNAD), against SoMaJo in the same run.

The goal of the claim engine: at least 2 MB/s on one core and at least ten times the
speed of SoMaJo merely tokenising and sentence-splitting the same text. Times are CPU
seconds of this process (one core, whatever else the machine runs). SoMaJo is run on a
subset (it is slow) and its time normalised per MB; the output says so.

    python -m benchmarks.claims_throughput [--somajo-articles N] [--phases]

`--phases` instead times each step of `extract` (sentence split, figures, dates, quotes,
overlaps, context) in a run of its own, by wrapping those steps with a timer: where the
time goes, not how fast it is (the wrappers add a little).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from corrigenda.claims import extract

GNAD = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "10kgnad" / "test.csv"
GOAL_MB_PER_S = 2.0
GOAL_RATIO = 10.0


def articles(path: Path = GNAD) -> list[str]:
    with path.open(encoding="utf-8", newline="") as file:
        return [row[1] for row in csv.reader(file, delimiter=";", quotechar="'") if len(row) > 1]


def _megabytes(texts: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


def measure_extract(texts: list[str]) -> tuple[float, int]:
    """Seconds for extracting every text, and the number of claims found."""
    start = time.process_time()
    claims = sum(len(extract(text, lang="de")) for text in texts)
    return time.process_time() - start, claims


# The steps of `extract`, as the names it calls them by (module, attribute).
PHASES = (
    ("corrigenda.claims.sentences", "split"),
    ("corrigenda.claims.extract", "find_figures"),
    ("corrigenda.claims.extract", "find_dates"),
    ("corrigenda.claims.extract", "find_quotes"),
    ("corrigenda.claims.extract", "_resolve_overlaps"),
    ("corrigenda.claims.extract", "_with_context"),
)


@contextlib.contextmanager
def _timed(seconds: dict[str, float]) -> Iterator[None]:
    """Every step of PHASES timed into `seconds` (CPU time) while inside."""
    originals = [(importlib.import_module(m), name) for m, name in PHASES]
    saved = [(module, name, getattr(module, name)) for module, name in originals]

    def timer(name: str, step: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return step(*args, **kwargs)
            finally:
                seconds[name] = seconds.get(name, 0.0) + time.process_time() - start

        return timed

    try:
        for module, name, step in saved:
            setattr(module, name, timer(name, step))
        yield
    finally:
        for module, name, step in saved:
            setattr(module, name, step)


def measure_phases(texts: list[str]) -> tuple[float, dict[str, float]]:
    """Seconds for extracting every text, and the CPU seconds of each step."""
    seconds: dict[str, float] = {}
    with _timed(seconds):
        total, _ = measure_extract(texts)
    return total, seconds


def measure_somajo(texts: list[str]) -> float:
    """Seconds SoMaJo takes to tokenise and sentence-split `texts`."""
    from somajo import SoMaJo

    tokenizer = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True)
    start = time.process_time()
    for _ in tokenizer.tokenize_text(texts):
        pass
    return time.process_time() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--somajo-articles", type=int, default=100)
    parser.add_argument("--phases", action="store_true", help="time each step of extract")
    options = parser.parse_args(argv)
    print("claims throughput (extract on 10kGNAD vs SoMaJo tokenising)")
    if not GNAD.is_file():
        print(f"  skipped: {GNAD} not found (shared/ is not beside the repository)")
        return
    texts = articles()
    size = _megabytes(texts)
    # Load what a running service has loaded once (simplemma's dictionaries for both
    # languages), not the per-word caches: those fill during the measured run.
    extract(texts[0], lang="de")
    extract("The company said on Monday that it hired 500 new employees.", lang="en")
    if options.phases:
        total, phases = measure_phases(texts)
        steps = ", ".join(f"{name.strip('_')} {phases.get(name, 0.0):.3f}" for _, name in PHASES)
        print(f"  extract, steps timed: {total:.2f} s CPU; {steps}")
        return
    seconds, claims = measure_extract(texts)
    subset = texts[: options.somajo_articles]
    somajo_seconds = measure_somajo(subset)
    ours = size / seconds
    theirs = _megabytes(subset) / somajo_seconds
    print(
        f"  text:    {len(texts)} articles, {size:.2f} MB, {claims / len(texts):.1f} claims/article"
    )
    print(
        f"  extract: {seconds:.2f} s, {ours:.2f} MB/s, {len(texts) / seconds:.0f} articles/s "
        f"(goal ≥ {GOAL_MB_PER_S} MB/s on one core)"
    )
    print(
        f"  SoMaJo:  {somajo_seconds:.2f} s for the first {len(subset)} articles, "
        f"{theirs:.3f} MB/s (normalised per MB)"
    )
    print(f"  ratio:   extract is {ours / theirs:.1f}× SoMaJo (goal ≥ {GOAL_RATIO:.0f}×)")


if __name__ == "__main__":
    main()
