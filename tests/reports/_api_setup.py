"""An outlet with one archived article, for the API tests (plain functions, no fixtures)."""

from __future__ import annotations

from corrigenda.archive import services as archive_services
from corrigenda.archive.models import Article, Outlet

ARTICLE_URL = "https://www.testblatt.ch/politik/budget-2025"
PARAGRAPHS = (
    "Der Regierungsrat hat am Montag das Budget für das kommende Jahr vorgestellt. "
    "Es sieht Ausgaben von 97,4 Millionen Franken vor, deutlich mehr als im Vorjahr.",
    "Die Finanzdirektorin sagte, die zusätzlichen Mittel flössen vor allem in die Schulen "
    "und in den öffentlichen Verkehr. Die Opposition kritisierte den Entwurf scharf.",
    "Das Parlament berät das Budget im Dezember. Eine Volksabstimmung ist nicht vorgesehen, "
    "weil die Ausgaben unter der Schwelle für das obligatorische Referendum liegen.",
)
PASSAGE = "Es sieht Ausgaben von 97,4 Millionen Franken vor"


def outlet_with_article() -> tuple[Outlet, Article]:
    outlet = archive_services.outlet_register(
        slug="testblatt", name="Testblatt", language="de", domains=("www.testblatt.ch",)
    )
    result = archive_services.article_ingest(
        outlet=outlet, url=ARTICLE_URL, text="Budget 2025\n\n" + "\n\n".join(PARAGRAPHS)
    )
    return outlet, result.article


def report_body(**fields: object) -> dict[str, object]:
    """A valid API body; `fields` replace or add fields (None removes one)."""
    body: dict[str, object] = {
        "url": ARTICLE_URL,
        "passage": PASSAGE,
        "proposed_fix": "Es sieht Ausgaben von 94,7 Millionen Franken vor",
        "description": "Die Zahl ist vertauscht, siehe Medienmitteilung.",
        "evidence": ["https://www.example.org/medienmitteilung"],
    }
    body.update(fields)
    return {k: v for k, v in body.items() if v is not None}
