"""Reads of the desk: the queue, and everything the report page shows.

Every read starts from `access.visible_reports(user)`, so an editor never sees
another outlet's reports. Due times are computed in the database (to sort and page
the queue) with the same rule as `sla.due_at`, which the page uses to explain them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DateTimeField,
    Expression,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from corrigenda.archive.models import ArticleVersion
from corrigenda.desk import sla
from corrigenda.desk.access import visible_reports
from corrigenda.desk.models import Check, CheckState, EvidencePage, Note, ServiceLevel
from corrigenda.reports import anchoring
from corrigenda.reports.models import (
    OPEN_STATUSES,
    AnchorState,
    Evidence,
    Report,
    ReportEvent,
    Status,
)
from corrigenda.reports.selectors import report_anchor

CONTEXT_CHARS = 400  # article text shown either side of the passage
AGES = {"day": timedelta(days=1), "week": timedelta(days=7)}


# --- the queue -----------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilters:
    """What the editor narrowed the queue to; empty strings mean "any"."""

    status: str = "open"  # "open", "all" or a Status value
    outlet: str = ""  # an outlet's slug
    assignee: str = ""  # "me", "none" or a user's id
    age: str = ""  # "day" (last 24 h), "week" (last 7 days), "older" (before that)
    hint: str = ""  # a Hint value, or "pending" (no finished pre-check)
    overdue: bool = False


class PlusHours(Func):
    """`start + hours` hours, for SQLite and PostgreSQL (Django has no int × duration)."""

    output_field = DateTimeField()
    arity = 2

    def as_sql(
        self,
        compiler: Any,
        connection: Any,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> tuple[str, tuple[Any, ...]]:
        (start, start_params), (hours, hours_params) = (
            compiler.compile(e) for e in self.get_source_expressions()
        )
        return (
            f"({start} + make_interval(hours => {hours}))",
            (*start_params, *hours_params),
        )

    def as_sqlite(
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, tuple[Any, ...]]:
        (start, start_params), (hours, hours_params) = (
            compiler.compile(e) for e in self.get_source_expressions()
        )
        # Django keeps SQLite datetimes as "YYYY-MM-DD HH:MM:SS[.ffffff]" text in UTC;
        # whole hours leave the fraction of a second as it was.
        return (
            f"(strftime('%%Y-%%m-%%d %%H:%%M:%%S', {start}, '+' || {hours} || ' hours')"
            f" || substr({start}, 20))",
            (*start_params, *hours_params, *start_params),
        )


def _due() -> Expression:
    first = Coalesce(
        F("outlet__service_level__first_response_hours"),
        Value(sla.DEFAULT_FIRST_RESPONSE_HOURS),
        output_field=IntegerField(),
    )
    decision = Coalesce(
        F("outlet__service_level__decision_hours"),
        Value(sla.DEFAULT_DECISION_HOURS),
        output_field=IntegerField(),
    )
    return Case(
        When(decided_at__isnull=False, then=Value(None, output_field=DateTimeField())),
        When(first_response_at__isnull=True, then=PlusHours(F("received_at"), first)),
        default=PlusHours(F("received_at"), decision),
        output_field=DateTimeField(),
    )


def queue_reports(*, user: Any, filters: QueueFilters, now: datetime) -> QuerySet[Any]:
    """The items (reports not merged into another) the user may see, soonest due first.

    Each row carries `due`, `readers` (how many readers the item has), `title` (the
    article's latest headline), `check_hint` and `check_state` (latest pre-check).
    """
    latest_check = Check.objects.filter(report=OuterRef("pk")).order_by("-created", "-id")
    reports: QuerySet[Any] = (
        visible_reports(user)
        .filter(merged_into__isnull=True)
        .select_related("outlet", "assignee", "anchor_version")
        .annotate(
            due=_due(),
            readers=1
            + Coalesce(
                Subquery(
                    Report.objects.filter(merged_into=OuterRef("pk"))
                    .order_by()
                    .values("merged_into")
                    .annotate(n=Count("pk"))
                    .values("n")[:1]
                ),
                Value(0),
            ),
            title=Subquery(
                ArticleVersion.objects.filter(article=OuterRef("article"))
                .order_by("-number")
                .values("title")[:1],
                output_field=CharField(),
            ),
            check_hint=Subquery(latest_check.values("hint")[:1], output_field=CharField()),
            check_state=Subquery(latest_check.values("state")[:1], output_field=CharField()),
        )
    )
    reports = _narrowed(reports, user=user, filters=filters, now=now)
    return reports.order_by(F("due").asc(nulls_last=True), "received_at", "id")


def _narrowed(
    reports: QuerySet[Any], *, user: Any, filters: QueueFilters, now: datetime
) -> QuerySet[Any]:
    if filters.status == "open":
        reports = reports.filter(status__in=OPEN_STATUSES)
    elif filters.status and filters.status != "all":
        reports = reports.filter(status=filters.status)
    if filters.outlet:
        reports = reports.filter(outlet__slug=filters.outlet)
    if filters.assignee == "me":
        reports = reports.filter(assignee=user)
    elif filters.assignee == "none":
        reports = reports.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        reports = reports.filter(assignee_id=int(filters.assignee))
    if filters.age in AGES:
        reports = reports.filter(received_at__gte=now - AGES[filters.age])
    elif filters.age == "older":
        reports = reports.filter(received_at__lt=now - AGES["week"])
    if filters.hint == "pending":
        reports = reports.exclude(check_state=CheckState.DONE)
    elif filters.hint:
        reports = reports.filter(check_state=CheckState.DONE, check_hint=filters.hint)
    if filters.overdue:
        reports = reports.filter(due__lt=now)
    return reports


def service_hours(outlet_id: int) -> tuple[int, int]:
    """The outlet's promised hours to first response and to decision."""
    level = ServiceLevel.objects.filter(outlet_id=outlet_id).first()
    if level is None:
        return sla.DEFAULT_FIRST_RESPONSE_HOURS, sla.DEFAULT_DECISION_HOURS
    return level.first_response_hours, level.decision_hours


@dataclass(frozen=True)
class Due:
    kind: sla.DueKind | None
    at: datetime | None
    overdue: bool


def report_due(*, report: Report, now: datetime) -> Due:
    first, decision = service_hours(report.outlet_id)
    args = (report.received_at, report.first_response_at, report.decided_at, first, decision)
    kind, at = sla.due_at(*args)
    return Due(kind=kind, at=at, overdue=sla.is_overdue(*args, now=now))


# --- the report page -----------------------------------------------------------------


@dataclass(frozen=True)
class PassageInContext:
    """The passage where the archive found it, and how the article reads now."""

    version: ArticleVersion | None
    before: str = ""
    passage: str = ""
    after: str = ""
    latest: ArticleVersion | None = None  # a newer version than the anchored one
    now: str = ""  # "same" | "changed" | "gone" (in `latest`), "" without a newer one
    now_text: str = ""  # the passage as `latest` has it, when changed


def passage_in_context(*, report: Report) -> PassageInContext:
    version = report.anchor_version
    if report.anchor_state != AnchorState.ANCHORED or version is None:
        return PassageInContext(version=version)
    text = version.text
    start, end = report.anchor_start or 0, report.anchor_end or 0
    before, after = text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]
    if start > CONTEXT_CHARS:
        before = "… " + before.split(" ", 1)[-1]
    if end + CONTEXT_CHARS < len(text):
        after = after.rsplit(" ", 1)[0] + " …"
    shown = PassageInContext(version=version, before=before, passage=text[start:end], after=after)
    latest = (
        ArticleVersion.objects.filter(article_id=version.article_id, number__gt=version.number)
        .order_by("-number")
        .first()
    )
    if latest is None:
        return shown
    found = anchoring.reanchor(text, report_anchor(report=report), latest.text)
    if isinstance(found, anchoring.Miss):
        now, now_text = "gone", ""
    elif found.exact == report.anchor_exact:
        now, now_text = "same", ""
    else:
        now, now_text = "changed", found.exact
    return PassageInContext(
        version=version,
        before=shown.before,
        passage=shown.passage,
        after=shown.after,
        latest=latest,
        now=now,
        now_text=now_text,
    )


def item_readers(*, report: Report) -> list[Report]:
    """The item's readers: its first report, then the ones merged into it."""
    return [
        report,
        *Report.objects.filter(merged_into=report).order_by("received_at", "id"),
    ]


@dataclass(frozen=True)
class EvidenceRow:
    evidence: Any  # reports.Evidence, with `page` (desk.EvidencePage) when fetched
    page: EvidencePage | None
    failure: str  # why the page could not be used, in the active language


def item_evidence(*, readers: list[Report]) -> list[EvidenceRow]:
    """Every reader's evidence links, each with its fetched page (or why it failed)."""
    from corrigenda.desk import precheck

    links = (
        Evidence.objects.filter(report__in=readers)
        .select_related("page", "page__version", "report")
        .order_by("report__received_at", "report_id", "position")
    )
    rows = []
    for link in links:
        page = getattr(link, "page", None)
        failure = precheck.failure_display(page.failure) if page and page.failure else ""
        rows.append(EvidenceRow(evidence=link, page=page, failure=failure))
    return rows


@dataclass(frozen=True)
class SourceSentence:
    outlet: str
    url: str
    sentence: str
    title: str = ""
    differs: tuple[str, ...] = ()  # for quotations: "wording", "speaker"
    copied: bool = False  # the article's sentence repeated (not counted by the check)


@dataclass(frozen=True)
class ClaimComparison:
    claim: str
    reader: str  # what the reader's correction says instead ("" if nothing)
    reason: str
    with_article: list[SourceSentence] = field(default_factory=list)
    with_reader: list[SourceSentence] = field(default_factory=list)
    other: list[SourceSentence] = field(default_factory=list)


@dataclass(frozen=True)
class CheckView:
    check: Check
    reason: str  # in the active language
    claims: list[ClaimComparison]
    # The reader's version was read from the description (the fix was left empty).
    fix_from_description: bool = False


def latest_check(*, report: Report) -> CheckView | None:
    """The newest pre-check of the report, its result laid out per claim (see
    `desk.verdict`: each claim lists the sources on the article's side, on the
    reader's side and the ones saying something else, each with its sentence)."""
    from corrigenda.desk import precheck

    check = Check.objects.filter(report=report).order_by("-created", "-id").first()
    if check is None:
        return None
    result = check.result if isinstance(check.result, dict) else {}
    claims = [
        ClaimComparison(
            claim=str(item.get("text", "")),
            reader=str((item.get("fix") or {}).get("text", "")),
            reason=_claim_reason(item, precheck.REASONS),
            with_article=_sources(item.get("article")),
            with_reader=_sources(item.get("reader")),
            other=_sources(item.get("other")),
        )
        for item in result.get("claims", [])
        if isinstance(item, dict)
    ]
    inputs = check.inputs if isinstance(check.inputs, dict) else {}
    return CheckView(
        check=check,
        reason=precheck.reason_display(check),
        claims=claims,
        fix_from_description=bool(inputs.get("fix_from_description")),
    )


def _claim_reason(item: dict[str, Any], reasons: dict[str, Any]) -> str:
    code, params = item.get("code"), item.get("params")
    if code in reasons and isinstance(params, dict):
        try:
            return str(reasons[code]) % params
        except (KeyError, TypeError, ValueError):
            pass
    return str(item.get("reason", ""))


def _sources(said: object) -> list[SourceSentence]:
    if not isinstance(said, list):
        return []
    return [
        SourceSentence(
            outlet=str(s.get("outlet", "")),
            url=str(s.get("url", "")),
            sentence=str(s.get("sentence", "")),
            title=str(s.get("title", "")),
            differs=tuple(str(d) for d in s.get("differs", ()) or ()),
            copied=bool(s.get("copied")),
        )
        for s in said
        if isinstance(s, dict)
    ]


@dataclass(frozen=True)
class HistoryEntry:
    report_id: int
    at: datetime
    actor: Any
    action: str
    detail: dict[str, Any]
    note: Note | None = None


def report_history(*, readers: list[Report]) -> list[HistoryEntry]:
    """The audit trail of the item and its readers, oldest first, notes in full."""
    notes = {n.pk: n for n in Note.objects.filter(report__in=readers).select_related("author")}
    events = ReportEvent.objects.filter(report__in=readers).select_related("actor")
    return [
        HistoryEntry(
            report_id=e.report_id,
            at=e.at,
            actor=e.actor,
            action=e.action,
            detail=_labelled(e.detail),
            note=_note_of(e, notes),
        )
        for e in events.order_by("at", "id")
    ]


def _labelled(detail: object) -> dict[str, Any]:
    """The event's detail, with status codes given their names in the active language."""
    if not isinstance(detail, dict):
        return {}
    names = dict(Status.choices)
    return {
        **detail,
        **{
            f"{k}_name": names[v]
            for k, v in detail.items()
            if k in ("before", "after") and v in names
        },
    }


def _note_of(event: ReportEvent, notes: dict[int, Note]) -> Note | None:
    detail = event.detail if isinstance(event.detail, dict) else {}
    pk = detail.get("note")
    return notes.get(pk) if event.action == "note" and isinstance(pk, int) else None


def merge_targets(*, user: Any, report: Report) -> QuerySet[Report]:
    """Other open items of the same outlet this item could be merged into."""
    return (
        visible_reports(user)
        .filter(outlet_id=report.outlet_id, merged_into__isnull=True)
        .filter(Q(status__in=OPEN_STATUSES))
        .exclude(pk=report.pk)
        .order_by("-received_at")[:50]
    )
