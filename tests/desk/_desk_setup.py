"""Outlets with an archived article, desk accounts and reports filed the readers' way."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from corrigenda.archive.models import Outlet
from corrigenda.archive.services import article_ingest, outlet_register
from corrigenda.desk.models import Membership, Role
from corrigenda.reports.models import Channel, IntakePolicy, Report
from corrigenda.reports.services import report_submit
from corrigenda.reports.validation import Submission

PASSWORD = "a-long-desk-password"
URL = "https://www.seeblick-zeitung.ch/wirtschaft/hafen-ausbau"
TEXT = (
    "Hafen wird ausgebaut\n\n"
    "Der Stadtrat hat am Dienstag den Ausbau des Hafens beschlossen. "
    "Die Kosten belaufen sich auf 14,2 Millionen Franken, wie die Stadt mitteilte. "
    "Baubeginn ist im Frühjahr 2026.\n\n"
    "Die Opposition hatte eine Volksabstimmung verlangt."
)
WRONG = "Die Kosten belaufen sich auf 14,2 Millionen Franken"
FIX = "Die Kosten belaufen sich auf 12,4 Millionen Franken"

OTHER_URL = "https://www.bergpost.example/lokal/seilbahn"
OTHER_TEXT = (
    "Seilbahn fährt wieder\n\n"
    "Nach der Revision fährt die Seilbahn ab Montag wieder. Die Arbeiten kosteten 3,1 Millionen."
)


def seeblick() -> Outlet:
    outlet = outlet_register(
        slug="seeblick",
        name="Seeblick-Zeitung",
        desk_email="korrektur@seeblick-zeitung.ch",
        domains=("seeblick-zeitung.ch",),
    )
    article_ingest(url=URL, text=TEXT, outlet=outlet)
    IntakePolicy.objects.create(outlet=outlet, proof_of_work=False)
    return outlet


def bergpost() -> Outlet:
    outlet = outlet_register(slug="bergpost", name="Bergpost", domains=("bergpost.example",))
    article_ingest(url=OTHER_URL, text=OTHER_TEXT, outlet=outlet)
    IntakePolicy.objects.create(outlet=outlet, proof_of_work=False)
    return outlet


def desk_user(username: str, outlet: Outlet | None, role: str = Role.EDITOR) -> Any:
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=username.title()
    )
    if outlet is not None:
        Membership.objects.create(user=user, outlet=outlet, role=role)
    return user


def logged_in(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def file_report(
    outlet: Outlet,
    *,
    location: str = URL,
    passage: str = WRONG,
    proposed_fix: str = FIX,
    received_at: datetime | None = None,
    **fields: Any,
) -> Report:
    submission = Submission(
        location=location,
        passage=passage,
        proposed_fix=proposed_fix,
        description=fields.pop("description", "Die Stadt nennt 12,4 Millionen."),
        reporter_name=fields.pop("reporter_name", "Anna Leser"),
        reporter_email=fields.pop("reporter_email", "anna@example.org"),
        evidence=tuple(fields.pop("evidence", ())),
        language=fields.pop("language", "de"),
    )
    assert not fields, fields
    return report_submit(
        submission=submission, channel=Channel.FORM, outlet=outlet, received_at=received_at
    )
