"""Story grouping at archive scale: assignment latency, bulk throughput, memory.

The archive is synthetic but built from real features. The 1,028 real articles of
10kGNAD go through `corrigenda.stories.features.article_features` (the claim engine
and the entity/lemma context); each synthetic article then recombines the lemmas of
two real articles with generated entities, figures and dates, because reusing a real
article's names a thousand times would turn its rare names into common ones. Articles
come in events ("stories") of 1–8 articles over a few days, spread over a time range
of ~900 articles a day at 1M (a national archive of some thirty outlets).

Reports, at `--size` archived articles (default 100,000):

- bulk grouping throughput: every article assigned in order of publication (goal:
  100k in ≤ 10 min);
- the time to assign one new article (match + add) against the full archive, p50/p95
  (goal: p95 ≤ 50 ms at 1M), and against a 10k archive, where it is compared with
  brute force (scoring every story) in the same run;
- peak memory (resident set size, and the Python heap of the index by tracemalloc on
  request);
- grouping quality on the synthetic truth (pairwise precision/recall of the new
  articles), as a guard that the speed was not bought by retrieving nothing.

The 1M run builds its archive by replaying memberships (`StoryIndex.add` with the
known story, as a process does when it loads the index from the database) because
assigning a million articles one by one takes longer than a benchmark should; the
replay rate is reported too.

    python -m benchmarks.stories_grouping               # 100k
    python -m benchmarks.stories_grouping --size 1000000
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from corrigenda.stories.grouping import ArticleFeatures, Settings, StoryIndex, pairwise_scores

GNAD = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "10kgnad" / "test.csv"
START = dt.date(2023, 1, 1)
ARTICLES_PER_DAY_AT_1M = 900
SEED = 4


@dataclass(frozen=True)
class RealFeatures:
    lemmas: tuple[str, ...]
    entities: int  # how many names the real article has
    figures: int
    dates: int


def real_features(limit: int | None = None) -> list[RealFeatures]:
    """Features of the real 10kGNAD articles, through the claim engine."""
    from corrigenda.stories.features import article_features

    csv.field_size_limit(sys.maxsize)
    found = []
    failures = 0
    with GNAD.open(encoding="utf-8") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if limit is not None and number >= limit:
                break
            try:
                features = article_features(
                    id=str(number), text=row[1], published=dt.date(2016, 1, 1), lang="de"
                )
            except Exception:
                failures += 1
                continue
            found.append(
                RealFeatures(
                    tuple(sorted(features.lemmas)),
                    len(features.entities),
                    len(features.figures),
                    len(features.dates),
                )
            )
    if failures:
        print(f"  ({failures} real articles failed feature extraction)")
    return found


class Archive:
    """Generates events and their articles from real features plus generated names."""

    def __init__(self, real: Sequence[RealFeatures], size: int, seed: int = SEED) -> None:
        self.random = random.Random(seed)
        self.real = real
        self.size = size
        self.days = max(120, size // ARTICLES_PER_DAY_AT_1M)
        # Names recur across events with a Zipf-like law: a few are everywhere.
        self.names = [f"name{n}" for n in range(max(5000, size // 5))]
        self.name_weights = [1 / (rank + 1) for rank in range(len(self.names))]
        self.cumulative = list(_accumulate(self.name_weights))

    def name(self) -> str:
        return self.random.choices(self.names, cum_weights=self.cumulative, k=1)[0]

    def figure(self) -> tuple[str, str]:
        unit = self.random.choice(("EUR", "USD", "CHF", "%", "n", "n", "%"))
        value = float(f"{self.random.lognormvariate(3, 3):.3g}")
        return (f"{unit} {value:.3g}", f"{unit} ~{value:.2g}")

    def articles(self) -> list[tuple[ArticleFeatures, int]]:
        """(features, true story) for `size` articles, in order of publication."""
        rnd = self.random
        made: list[tuple[ArticleFeatures, int]] = []
        story = 0
        while len(made) < self.size:
            story += 1
            size = rnd.choices((1, 2, 3, 4, 5, 6, 8), weights=(50, 15, 10, 9, 7, 5, 4))[0]
            day = START + dt.timedelta(days=rnd.randrange(self.days))
            topic = rnd.choice(self.real).lemmas
            # What every outlet reporting the event names: its people, places, figures.
            core_names = [self.name() for _ in range(rnd.randint(4, 10))]
            core_figures = [self.figure() for _ in range(rnd.randint(2, 6))]
            core_dates = [
                (day - dt.timedelta(days=rnd.randint(0, 2))).isoformat()
                for _ in range(rnd.randint(1, 2))
            ]
            for member in range(size):
                made.append(
                    (
                        self._article(
                            f"a{len(made)}",
                            day,
                            topic,
                            core_names,
                            core_figures,
                            core_dates,
                            member,
                        ),
                        story,
                    )
                )
        made = made[: self.size]
        made.sort(key=lambda pair: (pair[0].published, pair[0].id))
        return made

    def _article(
        self,
        id: str,
        day: dt.date,
        topic: tuple[str, ...],
        core_names: list[str],
        core_figures: list[tuple[str, str]],
        core_dates: list[str],
        member: int,
    ) -> ArticleFeatures:
        rnd = self.random
        base = rnd.choice(self.real)
        lang = "en" if rnd.random() < 0.15 else "de"
        # Half the lead from the event's topic article, half from another real one.
        lemmas = {w for w in topic if rnd.random() < 0.5}
        lemmas |= {w for w in base.lemmas if rnd.random() < 0.5}
        # Each outlet names most of the event's core and some names of its own.
        names = {n for n in core_names if rnd.random() < 0.7}
        names |= {self.name() for _ in range(min(base.entities // 3, 10))}
        figures = {k for f in core_figures if rnd.random() < 0.7 for k in f}
        for _ in range(min(base.figures // 3, 5)):
            figures.update(self.figure())
        dates = {d for d in core_dates if rnd.random() < 0.6}
        dates |= {
            str(rnd.choice((2015, 2019, 2020, 2022, 2023, 2024, 2025, rnd.randint(1950, 2030))))
            for _ in range(min(base.dates, 5))
        }
        published = day + dt.timedelta(days=min(member, rnd.randint(0, 2)))
        return ArticleFeatures(
            id=id,
            published=published,
            lang=lang,
            entities=frozenset(names),
            figures=frozenset(figures),
            dates=frozenset(dates),
            lemmas=frozenset(lemmas),
        )


def _accumulate(weights: list[float]) -> list[float]:
    total = 0.0
    out = []
    for weight in weights:
        total += weight
        out.append(total)
    return out


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return (
        statistics.median(ordered) * 1000,
        ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000,
    )


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _split(
    articles: list[tuple[ArticleFeatures, int]], new: int, seed: int = SEED
) -> tuple[list[tuple[ArticleFeatures, int]], list[tuple[ArticleFeatures, int]]]:
    """Hold out `new` articles from the last fifth of the time range as new arrivals."""
    rnd = random.Random(seed)
    tail = range(len(articles) * 4 // 5, len(articles))
    held = set(rnd.sample(tail, min(new, len(tail))))
    archived = [pair for n, pair in enumerate(articles) if n not in held]
    arriving = [pair for n, pair in enumerate(articles) if n in held]
    return archived, arriving


def _assign_new(
    index: StoryIndex, arriving: list[tuple[ArticleFeatures, int]], truth: dict[str, int]
) -> tuple[list[float], dict[str, int], dict[str, str]]:
    """Assign the new arrivals one by one; the time of each, and the grouping."""
    timings = []
    predicted: dict[str, int] = {}
    labels: dict[str, str] = {}
    for features, story in arriving:
        began = time.perf_counter()
        assignment = index.assign(features)
        timings.append(time.perf_counter() - began)
        predicted[features.id] = assignment.story
        labels[features.id] = str(story)
    # Quality among arrivals and the archived members of their stories.
    for story in set(predicted.values()):
        for member in index.members(story):
            if member not in predicted:
                predicted[member] = story
                labels[member] = str(truth[member])
    return timings, predicted, labels


def brute_force_ms(index: StoryIndex, arriving: list[tuple[ArticleFeatures, int]]) -> float:
    """The median time to score one article against every story: no index."""
    stories = list(index._stories)
    timings = []
    for features, _story in arriving[:20]:
        query = index._query(features)
        began = time.perf_counter()
        best = max((index._score(query, s) for s in stories), key=lambda m: m.score)
        timings.append(time.perf_counter() - began)
        assert best is not None
    return statistics.median(timings) * 1000


def run(size: int, *, real: Sequence[RealFeatures], replay: bool, heap: bool) -> None:
    print(f"\n== {size:,} archived articles ==")
    archive = Archive(real, size + 1000)
    began = time.perf_counter()
    articles = archive.articles()
    archived, arriving = _split(articles, 1000)
    print(
        f"  synthesised {len(articles):,} feature records over {archive.days} days "
        f"in {time.perf_counter() - began:.1f} s"
    )
    truth: dict[str, int] = {}
    gc.collect()
    rss_before = _rss_mb()
    if heap:
        tracemalloc.start()
    index = StoryIndex(Settings())
    began = time.perf_counter()
    for features, story in archived:
        if replay:
            index.add(features, story=story)
        else:
            index.assign(features)
        truth[features.id] = story
    elapsed = time.perf_counter() - began
    verb = "replayed (add with known story)" if replay else "grouped (assign)"
    print(
        f"  bulk: {len(archived):,} articles {verb} in {elapsed:.1f} s = "
        f"{len(archived) / elapsed:,.0f} articles/s; {index.story_count:,} stories"
    )
    if heap:
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"  index heap (tracemalloc): {current / 2**20:,.0f} MiB, peak {peak / 2**20:,.0f} MiB"
        )
    print(f"  peak RSS: {_rss_mb():,.0f} MiB (before building: {rss_before:,.0f} MiB)")
    timings, predicted, labels = _assign_new(index, arriving, truth)
    p50, p95 = _percentiles(timings)
    print(
        f"  assign one new article: p50 {p50:.2f} ms, p95 {p95:.2f} ms "
        f"(max {max(timings) * 1000:.1f} ms, n={len(timings)})"
    )
    precision, recall = pairwise_scores(predicted, labels)
    print(
        f"  synthetic truth, new articles and their stories: precision {precision:.3f}, "
        f"recall {recall:.3f}"
    )


def baseline(real: Sequence[RealFeatures]) -> None:
    """Index against brute force on a 10k archive, in this run."""
    print("\n== baseline: 10,000 archived articles, index vs brute force ==")
    archive = Archive(real, 11_000, seed=SEED + 1)
    archived, arriving = _split(archive.articles(), 200)
    index = StoryIndex(Settings())
    for features, story in archived:
        index.add(features, story=story)
    timings = []
    for features, _story in arriving[:200]:
        began = time.perf_counter()
        index.match(features)
        timings.append(time.perf_counter() - began)
    indexed = statistics.median(timings) * 1000
    brute = brute_force_ms(index, arriving)
    print(
        f"  match one article: index {indexed:.2f} ms, brute force over "
        f"{index.story_count:,} stories {brute:.1f} ms → index is {brute / indexed:,.0f}× faster"
    )
    print(f"  brute force extrapolated to 1M articles: ~{brute * 100 / 1000:.1f} s per article")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="archived articles")
    parser.add_argument("--real", type=int, default=None, help="use only N real articles")
    parser.add_argument(
        "--replay",
        action="store_true",
        help="build the archive by replaying known stories, not assigning",
    )
    parser.add_argument("--heap", action="store_true", help="measure the heap by tracemalloc")
    args = parser.parse_args(argv if argv is not None else [])
    if not GNAD.is_file():
        print(f"stories_grouping: skipped, {GNAD} not found")
        return
    began = time.perf_counter()
    real = real_features(args.real)
    per_article = (time.perf_counter() - began) / max(1, len(real)) * 1000
    print(
        f"stories_grouping: {len(real)} real 10kGNAD articles → features "
        f"({per_article:.0f} ms per article, claim engine included)"
    )
    baseline(real)
    run(args.size, real=real, replay=args.replay or args.size > 200_000, heap=args.heap)


if __name__ == "__main__":
    main(sys.argv[1:])
