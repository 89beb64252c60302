"""Outlets, desk accounts and accepted reports for the publishing tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from corrigenda.archive.models import Outlet
from corrigenda.archive.services import article_ingest, outlet_register
from corrigenda.desk.services import report_transition
from corrigenda.publish.models import Correction
from corrigenda.publish.services import correction_draft, correction_publish
from corrigenda.reports.models import IntakePolicy, Report
from tests.desk._desk_setup import (
    FIX,
    PASSWORD,
    TEXT,
    URL,
    WRONG,
    bergpost,
    desk_user,
    file_report,
    logged_in,
    seeblick,
)

EN_URL = "https://www.harbour-times.example/business/harbour-expansion"
EN_TEXT = (
    "Harbour to be expanded\n\n"
    "The council decided on Tuesday to expand the harbour. "
    "The works will cost 14.2 million pounds, the city said.\n\n"
    "Building starts in spring."
)
EN_WRONG = "The works will cost 14.2 million pounds"
EN_FIX = "The works will cost 12.4 million pounds"
SECOND_WRONG = "Baubeginn ist im Frühjahr 2026."
SECOND_FIX = "Baubeginn ist im Herbst 2026."
MARCH = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)
APRIL = datetime(2026, 4, 2, 14, 0, tzinfo=UTC)


def harbour_times() -> Outlet:
    outlet = outlet_register(
        slug="harbour-times",
        name="Harbour Times",
        language="en",
        domains=("harbour-times.example",),
    )
    article_ingest(url=EN_URL, text=EN_TEXT, outlet=outlet)
    IntakePolicy.objects.create(outlet=outlet, proof_of_work=False)
    return outlet


def accept(report: Report, editor: Any) -> Report:
    item = report.merged_into or report
    report_transition(report=item, to="accepted", actor=editor)
    item.refresh_from_db()
    return item


def two_notices() -> tuple[Correction, Correction, Any]:
    """On the Seeblick article: the cost figure corrected in March, the start in April."""
    outlet = seeblick()
    editor = desk_user("nora", outlet)
    first = correction_draft(report=accept(file_report(outlet), editor), actor=editor)
    correction_publish(correction=first, actor=editor, now=MARCH)
    report = file_report(outlet, passage=SECOND_WRONG, proposed_fix=SECOND_FIX)
    second = correction_draft(report=accept(report, editor), actor=editor)
    correction_publish(correction=second, actor=editor, now=APRIL)
    return first, second, editor


__all__ = [
    "APRIL",
    "EN_FIX",
    "EN_TEXT",
    "EN_URL",
    "EN_WRONG",
    "FIX",
    "MARCH",
    "PASSWORD",
    "SECOND_FIX",
    "SECOND_WRONG",
    "TEXT",
    "URL",
    "WRONG",
    "accept",
    "bergpost",
    "desk_user",
    "file_report",
    "harbour_times",
    "logged_in",
    "seeblick",
    "two_notices",
]
