"""`corrigenda report`: the command-line channel ends in the same service."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from corrigenda.archive.services import article_ingest, outlet_register
from corrigenda.reports.models import AnchorState, Channel, Report

URL = "https://www.talpost.example/region/bruecke"
TEXT = (
    "Brücke bleibt gesperrt\n\n"
    "Die alte Holzbrücke bleibt bis Ende März gesperrt. "
    "Die Reparatur kostet 870 000 Franken, teilte das Bauamt mit."
)


@pytest.fixture
def article(db: None) -> None:
    outlet = outlet_register(slug="talpost", name="Talpost", domains=("talpost.example",))
    article_ingest(url=URL, text=TEXT, outlet=outlet)


def run(*args: str) -> dict[str, object]:
    out = StringIO()
    call_command("report", *args, "--json", stdout=out)
    result: dict[str, object] = json.loads(out.getvalue())
    return result


def test_a_phoned_in_report_is_filed_and_anchored(article: None) -> None:
    result = run(URL, "--passage", "kostet 870 000 Franken", "--fix", "kostet 780 000 Franken")
    report = Report.objects.get(pk=int(str(result["id"])))
    assert report.channel == Channel.CLI
    assert result["anchor"] == AnchorState.ANCHORED
    assert result["anchored_text"] == "kostet 870 000 Franken"


def test_an_unfound_passage_is_kept_with_the_closest_one(article: None) -> None:
    result = run(URL, "--passage", "Die neue Steinbrücke ist offen", "--description", "falsch")
    assert result["anchor"] == AnchorState.UNANCHORED
    assert "Holzbrücke" in str(result["closest"])


def test_invalid_input_is_an_error(article: None) -> None:
    with pytest.raises(CommandError, match="location"):
        call_command("report", "https://elsewhere.example/x", "--description", "falsch")
