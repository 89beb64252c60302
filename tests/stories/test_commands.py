"""`corrigenda claims` and `corrigenda compare`: article files in, claims and facts out.

Both work without a database: these tests touch none.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ARTICLE = (
    "Ein Konsortium um Elon Musk hat 97,4 Milliarden US-Dollar für OpenAI geboten. "
    "Musk hat OpenAI vor zehn Jahren mitgegründet. Die Firma hat rund 2000 Mitarbeiter."
)
HTML = """<!doctype html>
<html><head><title>Musk bietet für OpenAI</title>
<meta property="og:site_name" content="Tagblatt">
<meta property="article:published_time" content="2025-02-11T08:00:00+01:00">
</head><body><nav>Startseite | Wirtschaft | Kontakt</nav>
<article><h1>Musk bietet für OpenAI</h1>
<p>Ein Konsortium um Elon Musk hat ein Übernahmeangebot von 97,4 Milliarden US-Dollar für
OpenAI vorgelegt. Musk hatte das Unternehmen vor zehn Jahren mitgegründet.</p>
<p>OpenAI-Chef Sam Altman bot seinerseits an, Twitter für 9,74 Milliarden Dollar zu kaufen.
Der Verwaltungsrat will in den kommenden Wochen über das Angebot beraten.</p>
</article><footer>© Tagblatt 2025</footer></body></html>
"""


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def claims_json(*args: str) -> list[dict[str, Any]]:
    result = json.loads(run("claims", *args, "--json"))
    assert isinstance(result, list)
    return result


def test_claims_prints_each_claim_with_value_interval_and_unit(tmp_path: Path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    found = claims_json(str(path), "--published", "2025-02-11")
    bid = next(c for c in found if c["kind"] == "amount")
    assert (bid["text"], bid["unit"], bid["value"]) == ("97,4 Milliarden US-Dollar", "USD", 97.4e9)
    assert (bid["low"], bid["high"]) == (97.35e9, 97.45e9)
    assert ARTICLE[bid["start"] : bid["end"]] == bid["text"]
    years_ago = next(c for c in found if c["text"] == "vor zehn Jahren")
    assert (years_ago["low"], years_ago["high"]) == ("2015-01-01", "2015-12-31")
    staff = next(c for c in found if c["kind"] == "count")
    assert (staff["unit"], staff["low"], staff["high"]) == ("Mitarbeiter", 1800, 2200)


def test_claims_reads_the_publication_month_of_a_date_marker(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(" date 2025-02 " + ARTICLE, encoding="utf-8")
    found = claims_json(str(path))
    assert next(c for c in found if c["text"] == "vor zehn Jahren")["low"] == "2015-01-01"
    bid = found[0]
    assert bid["text"] == "97,4 Milliarden US-Dollar"
    assert path.read_text(encoding="utf-8")[bid["start"] : bid["end"]] == bid["text"]


def test_claims_reads_the_main_text_and_date_of_an_html_page(tmp_path: Path) -> None:
    path = tmp_path / "artikel.html"
    path.write_text(HTML, encoding="utf-8")
    found = claims_json(str(path))
    texts = [c["text"] for c in found]
    assert "97,4 Milliarden US-Dollar" in texts
    assert "9,74 Milliarden Dollar" in texts
    assert "2025" not in " ".join(texts)  # the footer is not the article
    assert next(c for c in found if c["text"] == "vor zehn Jahren")["low"] == "2015-01-01"


def test_claims_without_json_prints_a_readable_table(tmp_path: Path) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    table = run("claims", str(path), "--published", "2025-02-11")
    assert table.splitlines()[0].split() == [
        "KIND",
        "TEXT",
        "VALUE",
        "LOW..HIGH",
        "UNIT",
        "/",
        "SPEAKER",
    ]
    assert "97,4 Milliarden US-Dollar" in table
    assert table.rstrip().endswith("3 claims")


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No such file"):
        run("claims", str(tmp_path / "missing.txt"))


def test_compare_finds_agreement_and_names_the_outlier_of_a_conflict(tmp_path: Path) -> None:
    texts = {
        "a.txt": "OpenAI-Chef Sam Altman bot an, Twitter für 9,74 Milliarden Dollar zu kaufen.",
        "b.txt": "Altman konterte mit einem Angebot von 9,74 Milliarden Dollar für Twitter.",
        "c.txt": "Sam Altman schlug vor, Twitter für 9,74 Milliarden US-Dollar zu kaufen.",
        "d.txt": "Der OpenAI-Chef Sam Altman bot seinerseits 9,75 Milliarden Dollar für Twitter.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [str(tmp_path / name) for name in texts]
    [fact] = json.loads(run("compare", *paths, "--json"))
    assert (fact["kind"], fact["status"], fact["outliers"]) == ("amount", "conflict", ["d.txt"])
    assert {c["document"] for c in fact["claims"]} == set(texts)
    table = run("compare", *paths)
    assert "CONFLICT" in table
    assert "! d.txt" in table
    assert table.rstrip().endswith("1 facts, 1 in conflict")


def test_the_seeds_agree_on_the_bid_and_the_twitter_offer(seeds: Path) -> None:
    facts = json.loads(run("compare", *map(str, sorted(seeds.glob("*.txt"))), "--json"))
    assert [f["status"] for f in facts if f["status"] == "conflict"] == []
    agreed = {
        tuple(sorted(c["value"] for c in f["claims"]))
        for f in facts
        if f["kind"] == "amount" and f["status"] == "agree"
    }
    assert (97.4e9, 97.4e9) in agreed
    assert (9.74e9, 9.74e9) in agreed


def test_the_seeds_yield_the_claims_the_issue_asks_for(seeds: Path) -> None:
    [first] = seeds.glob("000_*.txt")
    found = claims_json(str(first))
    amounts = {(c["unit"], c["value"]) for c in found if c["kind"] == "amount"}
    assert {("USD", 97.4e9), ("USD", 9.74e9)} <= amounts
    assert next(c for c in found if c["text"] == "vor zehn Jahren")["low"] == "2015-01-01"
    post = next(c for c in found if c["kind"] == "quote" and "buy twitter" in c["text"])
    assert "Altman" in post["speaker"]
    assert post["said_on"] == "2025-02-10"
    [second] = seeds.glob("001_*.txt")
    found = claims_json(str(second), "--published", "2025-02-11")
    assert {("USD", 97.4e9), ("USD", 9.74e9), ("USD", 44e9)} <= {
        (c["unit"], c["value"]) for c in found if c["kind"] == "amount"
    }
    years = {(c["low"], c["high"]) for c in found if c["kind"] == "date"}
    assert {("2015-01-01", "2015-12-31"), ("2022-01-01", "2022-12-31")} <= years
