"""DEMO DATA ONLY: a corrections desk for the demo outlet, with editors and reports.

`desk_demo_load()` runs after the demo archive is loaded (`corrigenda.web.demo`). It
creates two desk accounts on the Mittelland Kurier — "redaktion" (desk editor) and
"chefredaktion" (outlet admin), both with the password `DEMO_PASSWORD`, which is for
the demo only — the outlet's service level, the default reply templates, and a few
readers' reports through `report_submit`, among them two readers who report the
planted wrong figure (9,75 instead of 9,74 billion) in the OpenAI article. Their
pre-checks run at once, so the queue shows the hints. Running it again adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from corrigenda.archive.models import Outlet
from corrigenda.desk.default_replies import DEFAULT_REPLIES
from corrigenda.desk.demo_history import sla_demo_history
from corrigenda.desk.models import Check, CheckState, Membership, ReplyTemplate, Role, ServiceLevel
from corrigenda.reports.models import Channel, Report
from corrigenda.reports.services import report_submit
from corrigenda.reports.validation import Submission

DEMO_OUTLET = "mittelland-kurier"
DEMO_PASSWORD = "corrigenda-demo"  # noqa: S105 — printed by `corrigenda demo`, demo only
DEMO_MARK = "desk_demo"
OPENAI = "https://www.mittelland-kurier.example/wirtschaft/musk-konsortium-openai"
BRIDGE = "https://www.mittelland-kurier.example/region/velobruecke-aare"

EDITORS = (
    # username, first name, last name, role
    ("redaktion", "Nora", "Keller", Role.EDITOR),
    ("chefredaktion", "Martin", "Aebi", Role.ADMIN),
)

# (hours ago, submission): the reports readers send in the demo.
REPORTS: tuple[tuple[float, Submission], ...] = (
    (
        5.0,
        Submission(
            location=OPENAI,
            passage="Twitter für 9,75 Milliarden Dollar zu kaufen",
            proposed_fix="Twitter für 9,74 Milliarden Dollar zu kaufen",
            description=(
                "Altman hat 9,74 Milliarden geboten, ein Zehntel von 97,4 – "
                "so steht es auch überall sonst."
            ),
            reporter_name="Anna Leser",
            reporter_email="anna.leser@example.org",
            language="de",
        ),
    ),
    (
        2.5,
        Submission(
            location=OPENAI,
            passage="9,75 Milliarden Dollar",
            proposed_fix="Twitter für 9,74 Milliarden Dollar zu kaufen",
            reporter_name="Jonas Berger",
            reporter_email="jonas.berger@example.org",
            language="de",
        ),
    ),
    (
        30.0,
        Submission(
            location=BRIDGE,
            passage="Das 180 Meter lange Bauwerk hat 14,2 Millionen Franken gekostet",
            proposed_fix="Das 180 Meter lange Bauwerk hat 12,4 Millionen Franken gekostet",
            description="Ich meine, im Gemeinderat war von 12,4 Millionen die Rede.",
            reporter_email="velofahrer@example.org",
            language="de",
        ),
    ),
)


@dataclass(frozen=True)
class DeskDemoSummary:
    editors: int
    reports: int  # written by this run
    password: str


def desk_demo_load(*, run_checks: bool = True) -> DeskDemoSummary:
    """Desk accounts, service level, reply templates and reports for the demo outlet."""
    outlet = Outlet.objects.get(slug=DEMO_OUTLET)
    with transaction.atomic():
        editors = [_editor(outlet, *spec) for spec in EDITORS]
        ServiceLevel.objects.get_or_create(
            outlet=outlet, defaults={"first_response_hours": 24, "decision_hours": 72}
        )
        for purpose, language, subject, body in DEFAULT_REPLIES:
            ReplyTemplate.objects.get_or_create(
                outlet=None,
                purpose=purpose,
                language=language,
                defaults={"subject": subject, "body": body},
            )
    written = []
    if not Report.objects.filter(payload__demo=DEMO_MARK).exists():
        now = timezone.now()
        written = [
            report_submit(
                submission=submission,
                channel=Channel.FORM,
                outlet=outlet,
                payload={"demo": DEMO_MARK},
                received_at=now - timedelta(hours=hours),
            )
            for hours, submission in REPORTS
        ]
        _bridge_in_review(written[-1], editors[0])
    if run_checks:
        _run_queued_checks(written)
    # Past months of reports, so the dashboard has response times to show.
    sla_demo_history(outlet, timezone.now())
    return DeskDemoSummary(editors=len(editors), reports=len(written), password=DEMO_PASSWORD)


def _editor(outlet: Outlet, username: str, first: str, last: str, role: str) -> Any:
    users = get_user_model().objects
    user = users.filter(username=username).first()
    if user is None:
        user = users.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            email=f"{username}@mittelland-kurier.example",
        )
    Membership.objects.get_or_create(user=user, outlet=outlet, defaults={"role": role})
    return user


def _bridge_in_review(report: Report, editor: Any) -> None:
    """The bridge report is already with an editor: assigned and in review."""
    from corrigenda.desk.services import report_assign, report_transition

    report_assign(report=report, assignee=editor, actor=editor)
    report_transition(report=report, to="in_review", actor=editor)
    Report.objects.filter(pk=report.pk).update(
        first_response_at=report.received_at + timedelta(hours=3)
    )


def _run_queued_checks(reports: list[Report]) -> None:
    """Run the demo reports' pre-checks now rather than waiting for the worker."""
    from corrigenda.desk.precheck import check_run

    for check in Check.objects.filter(report__in=reports, state=CheckState.QUEUED):
        check_run(check=check)
