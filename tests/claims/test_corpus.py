"""The corpus gate: precision and recall per kind on annotated texts, pinned minimums.

The minimums only ever go up. When a change improves a score, raise its minimum here
in the same commit; a change that lowers one has to be fixed instead.
"""

from __future__ import annotations

import pytest

from corrigenda.claims import Kind, extract
from tests.claims.corpus_format import KINDS, Score, score, texts

# kind: (least precision, least recall). Only ever raise these.
MINIMUMS: dict[Kind, tuple[float, float]] = {
    Kind.AMOUNT: (0.95, 0.95),
    Kind.PERCENT: (0.95, 0.95),
    Kind.POINTS: (0.95, 0.95),
    Kind.COUNT: (0.95, 0.95),
    Kind.DATE: (0.95, 0.90),
    Kind.QUOTE: (0.90, 0.90),
}
MIN_TEXTS = 25


@pytest.fixture(scope="module")
def corpus_score() -> Score:
    total = Score()
    for text in texts():
        claims = extract(text.text, lang=text.lang, published=text.published)
        score(text, claims, total)
    return total


def test_the_corpus_is_large_enough_to_mean_something() -> None:
    corpus = list(texts())
    assert len(corpus) >= MIN_TEXTS
    assert {t.lang for t in corpus} == {"de", "en"}
    annotated = {must.kind for t in corpus for must in t.must}
    assert annotated == set(KINDS), f"kinds without annotations: {set(KINDS) - annotated}"


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_precision_and_recall_stay_above_their_minimums(kind: Kind, corpus_score: Score) -> None:
    precision, recall = corpus_score.precision(kind), corpus_score.recall(kind)
    print(
        f"{kind}: precision {precision:.3f} ({corpus_score.matched[kind]}/"
        f"{corpus_score.extracted[kind]}), recall {recall:.3f} "
        f"({corpus_score.found[kind]}/{corpus_score.musts[kind]})"
    )
    least_precision, least_recall = MINIMUMS[kind]
    extras = [e for e in corpus_score.extras if f": {kind} " in e]
    misses = [m for m in corpus_score.misses if f": {kind} " in m]
    assert precision >= least_precision, "claims nobody annotated:\n" + "\n".join(extras)
    assert recall >= least_recall, "annotated claims not found:\n" + "\n".join(misses)


def test_no_claim_falls_into_a_trap(corpus_score: Score) -> None:
    assert corpus_score.violations == []
