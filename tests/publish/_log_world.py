"""Two outlets with archived articles and notices in every public state (rows written directly).

The notices are rows, not the result of the publish services: the log only reads them,
and these tests must not depend on how a notice came to be.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from corrigenda.archive.models import Article, Outlet
from corrigenda.archive.services import article_ingest, outlet_register
from corrigenda.publish.models import Correction, CorrectionRevision, CorrectionState, Kind

HARBOUR_URL = "https://www.seeblick-zeitung.ch/wirtschaft/hafen-ausbau"
HARBOUR = (
    "Hafen wird ausgebaut\n\n"
    "Der Stadtrat hat am Dienstag den Ausbau des Hafens beschlossen. "
    "Die Kosten belaufen sich auf {figure} Millionen Franken, wie die Stadt mitteilte."
)
SCHOOL_URL = "https://www.seeblick-zeitung.ch/bildung/schulhaus"
SCHOOL = "Schulhaus wird saniert\n\nDie Sanierung des Schulhauses beginnt im Sommer."
FESTIVAL_URL = "https://www.seeblick-zeitung.ch/kultur/festival"
FESTIVAL = "Festival abgesagt\n\nDas Seefestival findet dieses Jahr nicht statt."
CABLE_URL = "https://www.bergpost.example/lokal/seilbahn"
CABLE = "Seilbahn fährt wieder\n\nNach der Revision fährt die Seilbahn ab Montag wieder."

FIRST = "In einer früheren Fassung hiess es, der Ausbau koste 14,2 Millionen Franken."
AMENDED = "Präzisierung: Die Sanierung beginnt im Juli, nicht im Juni."
EARLIER = "Präzisierung: Die Sanierung beginnt im Juni."
RETRACTED = "Update: Das Festival wurde auf den Herbst verschoben."
DRAFT = "Entwurf: noch nicht veröffentlicht."
OTHER = "Die Seilbahn fährt ab Dienstag, nicht ab Montag."


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2025, month, day, hour, tzinfo=UTC)


@dataclass
class World:
    seeblick: Outlet
    bergpost: Outlet
    harbour: Article
    school: Article
    festival: Article
    harbour_fix: Correction  # March, about version 1 (the archive has version 2)
    school_note: Correction  # April, amended
    festival_update: Correction  # April, retracted
    draft: Correction
    cable_fix: Correction  # the other outlet's


def notice(
    article: Article, kind: str, text: str, published: datetime | None, **fields: Any
) -> Correction:
    return Correction.objects.create(
        outlet=article.outlet,
        article=article,
        kind=kind,
        text=text,
        language="de",
        state=fields.pop(
            "state", CorrectionState.PUBLISHED if published else CorrectionState.DRAFT
        ),
        published_at=published,
        **fields,
    )


def build() -> World:
    seeblick = outlet_register(slug="seeblick", name="Seeblick-Zeitung", spelling="swiss")
    bergpost = outlet_register(slug="bergpost", name="Bergpost")
    harbour = article_ingest(
        url=HARBOUR_URL, text=HARBOUR.format(figure="14,2"), outlet=seeblick, fetched_at=at(3, 1)
    )
    article_ingest(
        url=HARBOUR_URL, text=HARBOUR.format(figure="12,4"), outlet=seeblick, fetched_at=at(3, 11)
    )
    school = article_ingest(url=SCHOOL_URL, text=SCHOOL, outlet=seeblick, fetched_at=at(4, 1))
    festival = article_ingest(url=FESTIVAL_URL, text=FESTIVAL, outlet=seeblick, fetched_at=at(4, 1))
    cable = article_ingest(url=CABLE_URL, text=CABLE, outlet=bergpost, fetched_at=at(4, 1))

    harbour_fix = notice(
        harbour.article, Kind.CORRECTION, FIRST, at(3, 10), version=harbour.version
    )
    school_note = notice(school.article, Kind.CLARIFICATION, AMENDED, at(4, 2), amended_at=at(4, 5))
    CorrectionRevision.objects.create(
        correction=school_note,
        kind=Kind.CLARIFICATION,
        text=EARLIER,
        replaced_at=at(4, 5),
        why="Falscher Monat genannt.",
    )
    festival_update = notice(
        festival.article,
        Kind.UPDATE,
        RETRACTED,
        at(4, 20),
        state=CorrectionState.RETRACTED,
        retracted_at=at(4, 21),
    )
    draft = notice(festival.article, Kind.CORRECTION, DRAFT, None)
    cable_fix = notice(cable.article, Kind.CORRECTION, OTHER, at(4, 3))
    return World(
        seeblick=seeblick,
        bergpost=bergpost,
        harbour=harbour.article,
        school=school.article,
        festival=festival.article,
        harbour_fix=harbour_fix,
        school_note=school_note,
        festival_update=festival_update,
        draft=draft,
        cable_fix=cable_fix,
    )
