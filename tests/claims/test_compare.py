"""compare: grouping claims of several articles into facts, and judging them."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from corrigenda.claims import Claim, Document, Fact, Kind, Status, compare, extract

CORPUS = Path(__file__).parent / "corpus"
FIXTURES = sorted(CORPUS.glob("compare_*.toml"))


def _facts(fixture: dict[str, Any]) -> list[Fact]:
    documents = [
        Document(
            entry["id"],
            entry["outlet"],
            tuple(extract(entry["text"], lang=entry["lang"], published=entry.get("published"))),
        )
        for entry in fixture["document"]
    ]
    return compare(documents)


def _documents(fact: Fact) -> set[str]:
    return {statement.document for statement in fact.statements}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_compare_reports_the_annotated_facts_and_no_other_grouping(path: Path) -> None:
    fixture = tomllib.loads(path.read_text(encoding="utf-8"))
    facts = _facts(fixture)
    found = [(str(f.kind), sorted(_documents(f)), str(f.status), sorted(f.outliers)) for f in facts]
    for expected in fixture.get("fact", []):
        wanted = (
            expected["kind"],
            sorted(expected["documents"]),
            expected["status"],
            sorted(expected["outliers"]),
        )
        assert wanted in found, f"{path.name}: {wanted} not among {found}"
    for forbidden in fixture.get("no_fact", []):
        for fact in facts:
            if str(fact.kind) != forbidden["kind"]:
                continue
            texts = {statement.claim.text for statement in fact.statements}
            assert not (
                set(forbidden.get("documents", [])) <= _documents(fact)
                and set(forbidden.get("texts", [])) <= texts
            ), f"{path.name}: grouped {sorted(texts)} of {sorted(_documents(fact))}"


def _claim(
    text: str, low: str, high: str, *, unit: str = "USD", lemmas: tuple[str, ...] = ()
) -> Claim:
    return Claim(
        Kind.AMOUNT,
        text,
        0,
        len(text),
        text,
        Decimal(low),
        Decimal(low),
        Decimal(high),
        unit=unit,
        entities=("Elon Musk", "OpenAI"),
        lemmas=lemmas or ("übernahmeangebot", "angebot", "vorlegen"),
    )


def test_figures_in_different_currencies_are_never_one_fact() -> None:
    dollars = Document("a", "A", (_claim("97,4 Milliarden Dollar", "97.35e9", "97.45e9"),))
    euros = Document("b", "B", (_claim("97,4 Milliarden Euro", "97.35e9", "97.45e9", unit="EUR"),))
    assert compare([dollars, euros]) == []


def test_a_fact_needs_two_documents_and_takes_one_claim_from_each() -> None:
    twice = Document(
        "a",
        "A",
        (
            _claim("97,4 Milliarden Dollar", "97.35e9", "97.45e9"),
            _claim("97,4 Milliarden Dollar", "97.35e9", "97.45e9"),
        ),
    )
    other = Document("b", "B", (_claim("97,4 Milliarden Dollar", "97.35e9", "97.45e9"),))
    assert compare([twice]) == []
    [fact] = compare([twice, other])
    assert sorted(s.document for s in fact.statements) == ["a", "b"]
    assert fact.status is Status.AGREE


def test_a_one_against_one_conflict_names_no_outlier() -> None:
    first = Document("a", "A", (_claim("9,74 Milliarden Dollar", "9.735e9", "9.745e9"),))
    second = Document("b", "B", (_claim("9,75 Milliarden Dollar", "9.745e9", "9.755e9"),))
    [fact] = compare([first, second])
    assert fact.status is Status.CONFLICT
    assert fact.outliers == ()


def test_figures_far_apart_are_different_quantities_not_a_conflict() -> None:
    bid = Document("a", "A", (_claim("97,4 Milliarden Dollar", "97.35e9", "97.45e9"),))
    twitter = Document("b", "B", (_claim("44 Milliarden Dollar", "43.5e9", "44.5e9"),))
    assert compare([bid, twitter]) == []


def test_dates_agree_when_their_days_overlap() -> None:
    def year(document: str, text: str) -> Document:
        claim = Claim(
            Kind.DATE,
            text,
            0,
            len(text),
            f"Musk hat OpenAI {text} mitgegründet.",
            dt.date(2015, 1, 1),
            dt.date(2015, 1, 1),
            dt.date(2015, 12, 31),
            granularity="year",
            entities=("Musk", "OpenAI"),
            lemmas=("mitgründen",),
        )
        return Document(document, document, (claim,))

    [fact] = compare([year("a", "vor zehn Jahren"), year("b", "im Jahr 2015")])
    assert fact.status is Status.AGREE
    assert fact.kind is Kind.DATE


def test_a_facts_subject_is_the_same_in_every_process() -> None:
    # Tied words used to come out in hash-seed order; run compare under two seeds.
    import os
    import subprocess
    import sys

    script = (
        "from corrigenda.claims import Document, compare, extract\n"
        "a = 'Ein Konsortium um Elon Musk bietet 97,4 Milliarden Dollar für OpenAI.'\n"
        "b = 'Musk und seine Investoren offerieren 97,4 Milliarden Dollar für OpenAI.'\n"
        "docs = [Document(id=i, outlet=i, claims=tuple(extract(t))) for i, t in (('a', a), ('b', b))]\n"
        "print([f.subject for f in compare(docs)])\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1, outputs
