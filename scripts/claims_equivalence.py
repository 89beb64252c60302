"""Check that a change to the claim engine left its output exactly as it was.

Speed work on `corrigenda.claims` must not change a single claim. This runs `extract` of
the working tree and of an earlier revision (checked out into a temporary git worktree)
on the same texts and compares every field of every claim:

- every 10kGNAD article (`../shared/data/10kgnad/test.csv`) and every corpus text, under
  four publication dates (none, a day, another day, a month as a first/last-day pair);
- as many perturbed texts (`--perturbed N`, reproducible by `--seed`): words upper- or
  lower-cased, punctuation, quotes, spaces and figure words inserted, digits shuffled,
  texts cut and joined, in German, English or detected language.

    python scripts/claims_equivalence.py --against REV [--perturbed 3000] [--seed 1]

Exit status 0 when both give the same claims, 1 with the first differing text otherwise.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GNAD = ROOT.parent / "shared" / "data" / "10kgnad" / "test.csv"
CORPUS = ROOT / "tests" / "claims" / "corpus"
Published = dt.date | tuple[dt.date, dt.date] | None
DATES: list[Published] = [
    None,
    dt.date(2025, 2, 14),
    dt.date(2016, 7, 4),
    (dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
]
# What the perturbations insert: marks the finders look at and words that make figures.
INSERTS = [
    *"„“”«»‹›‚‘’\"'–—-.,;:!?()%$€£¥°",
    *("\n", "\n\n", " ", "\u00a0", "\u202f", " Mio. ", " Mrd. ", " Prozent", " US-Dollar"),
    *(" Franken", " Jahre", " vor ", " am Montag", " 2015", " im März", " sagte er"),
    *(" billion", " percent", " last year"),
]


def texts() -> list[str]:
    found: list[str] = []
    if GNAD.is_file():
        with GNAD.open(encoding="utf-8", newline="") as file:
            found += [row[1] for row in csv.reader(file, delimiter=";", quotechar="'") if row[1:]]
    for path in sorted(CORPUS.glob("*.toml")):
        text = tomllib.loads(path.read_text(encoding="utf-8")).get("text")
        if isinstance(text, str):
            found.append(text)
    return found


def perturbed(
    pool: list[str], count: int, seed: int
) -> Iterator[tuple[str, str | None, Published]]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test input, not a secret
    for _ in range(count):
        words = rng.choice(pool).split(" ")
        for _ in range(rng.randint(0, 12)):
            i = rng.randrange(len(words))
            words[i] = rng.choice(
                [
                    words[i].upper(),
                    words[i].lower(),
                    words[i].capitalize(),
                    words[i] + rng.choice(INSERTS),
                    rng.choice(INSERTS) + words[i],
                    "".join(rng.choice("0123456789.,'’") if c.isdigit() else c for c in words[i]),
                    "",
                ]
            )
        text = " ".join(words)
        if rng.random() < 0.3:
            cut = rng.randrange(len(text))
            text = text[cut : cut + rng.randint(50, 3000)]
        if rng.random() < 0.3:
            text += "\n\n" + rng.choice(pool)[: rng.randint(20, 800)]
        yield text, rng.choice([None, "de", "en"]), rng.choice(DATES)


def dump(count: int, seed: int) -> None:
    """Print one JSON line per text: its claims, every field (run inside each tree)."""
    from corrigenda.claims import extract

    pool = texts()
    cases: list[tuple[str, str | None, Published]] = [
        (text, "de", date) for date in DATES for text in pool
    ]
    cases += perturbed(pool, count, seed)
    for text, lang, date in cases:
        claims = extract(text, lang=lang, published=date)
        # `as_json` gives numbers as int/float; the Decimals as written are compared too.
        exact = [{**c.as_json(), "exact": [str(c.value), str(c.low), str(c.high)]} for c in claims]
        print(json.dumps(exact, ensure_ascii=False, default=str))


def run(tree: Path, count: int, seed: int) -> list[str]:
    command = [sys.executable, __file__, "--dump", "--perturbed", str(count), "--seed", str(seed)]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="the git revision to compare with", default="HEAD")
    parser.add_argument("--perturbed", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.dump:
        dump(options.perturbed, options.seed)
        return 0
    if not GNAD.is_file():
        print(f"note: {GNAD} not found; comparing on the corpus and its perturbations only")
    with tempfile.TemporaryDirectory() as temporary:
        earlier = Path(temporary) / "earlier"
        git = ["git", "-C", str(ROOT)]
        add = [*git, "worktree", "add", "-q", "--detach", str(earlier), options.against]
        subprocess.run(add, check=True)
        try:
            old = run(earlier, options.perturbed, options.seed)
            new = run(ROOT, options.perturbed, options.seed)
        finally:
            subprocess.run([*git, "worktree", "remove", "--force", str(earlier)], check=True)
    claims = sum(len(json.loads(line)) for line in new)
    for number, (before, after) in enumerate(zip(old, new, strict=True)):
        if before != after:
            pairs = itertools.zip_longest(json.loads(before), json.loads(after))
            first = next((a, b) for a, b in pairs if a != b)
            print(f"text {number}, first differing claim:")
            print(f"  {options.against}: {first[0]}\n  now: {first[1]}")
            return 1
    print(f"same claims: {len(new)} texts, {claims} claims, {options.against} and now")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
