"""The editors' pages: login (with optional TOTP), the queue and the report page.

Every desk page goes through `desk_view`: logged in, verified by the second factor
when the editor has one, and on at least one outlet's desk. Which reports a user
may see is decided by `access` alone. Actions are POST forms that call one service
and redirect back (POST/redirect/GET).
"""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from corrigenda.desk import access, selectors, services, workflow
from corrigenda.desk.forms import (
    AssignForm,
    MergeForm,
    NoteForm,
    QueueFilterForm,
    ReplyDraftForm,
    ReplyForm,
    SplitForm,
    TokenForm,
    TransitionForm,
)
from corrigenda.reports import services as report_services
from corrigenda.reports.models import Report

if TYPE_CHECKING:
    from collections.abc import Callable

PAGE_SIZE = 50


def desk_view(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Logged in, past the second factor (if the user has one), on some outlet's desk."""

    @wraps(view)
    @never_cache
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user: Any = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if _needs_second_factor(request):
            return _to_verify(request.get_full_path())
        if not access.desk_outlets(user).exists():
            return render(request, "desk/no_desk.html", status=403)
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def _needs_second_factor(request: HttpRequest) -> bool:
    user: Any = request.user
    return django_otp.user_has_device(user) and not user.is_verified()


def _to_verify(next_url: str) -> HttpResponse:
    return redirect(f"{reverse('desk:verify')}?{urlencode({'next': next_url})}")


def _next_or_queue(request: HttpRequest, value: str) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return reverse("desk:queue")


# --- login, second factor ------------------------------------------------------------


class LoginView(auth_views.LoginView):
    """Password first (throttled by django-axes); then the TOTP code, if set up."""

    template_name = "desk/login.html"
    redirect_authenticated_user = True

    def get_success_url(self) -> str:
        url = super().get_success_url()
        if django_otp.user_has_device(self.request.user):
            return f"{reverse('desk:verify')}?{urlencode({'next': url})}"
        return url


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """What django-axes answers once a login is locked (AXES_LOCKOUT_CALLABLE)."""
    from django.conf import settings

    hours = settings.AXES_COOLOFF_TIME
    if isinstance(hours, int | float):
        hours = int(hours) if float(hours).is_integer() else hours
    else:
        hours = 1  # a timedelta or callable: say "an hour", the default
    return render(request, "desk/locked_out.html", {"hours": hours}, status=429)


@require_http_methods(["GET", "POST"])
@never_cache
def verify(request: HttpRequest) -> HttpResponseBase:
    """The second step of the login: a code from the editor's authenticator."""
    user: Any = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    next_url = _next_or_queue(request, request.POST.get("next") or request.GET.get("next", ""))
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None or user.is_verified():
        return redirect(next_url)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        verified = django_otp.verify_token(user, device.persistent_id, form.cleaned_data["code"])
        if verified is not None:
            django_otp.login(request, verified)
            return redirect(next_url)
        form.add_error("code", _("This code is not right (or no longer valid). Try the next one."))
    return render(request, "desk/verify.html", {"form": form, "next": next_url})


@desk_view
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up (or remove) a TOTP authenticator for the editor's login."""
    user: Any = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    form = TokenForm(request.POST or None)
    if confirmed is not None:
        if form.is_valid() and request.POST.get("action") == "remove":
            if confirmed.verify_token(form.cleaned_data["code"]):
                confirmed.delete()
                messages.success(request, _("Two-factor login is switched off."))
                return redirect("desk:two_factor")
            form.add_error("code", _("This code is not right. The authenticator stays on."))
        return render(request, "desk/two_factor.html", {"device": confirmed, "form": form})
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first() or (
        TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    )
    if form.is_valid():
        if pending.verify_token(form.cleaned_data["code"]):
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            django_otp.login(request, pending)
            messages.success(request, _("Two-factor login is on. Keep your authenticator at hand."))
            return redirect("desk:two_factor")
        form.add_error("code", _("This code is not right. Check the time on your phone."))
    qr = segno.make(pending.config_url, error="m")
    context = {
        "form": form,
        "pending": pending,
        "qr_svg": qr.svg_inline(scale=4, dark="#1c1d21", light="#ffffff"),
        "secret": _base32(pending.bin_key),
    }
    return render(request, "desk/two_factor.html", context)


def _base32(key: bytes) -> str:
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


# --- the queue -----------------------------------------------------------------------


@desk_view
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    outlets = access.desk_outlets(user)
    colleagues = _colleagues(outlets)
    form = QueueFilterForm(request.GET, outlets=outlets, colleagues=colleagues)
    now = timezone.now()
    reports = selectors.queue_reports(user=user, filters=form.filters(), now=now)
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "desk/queue.html",
        {"form": form, "page": page, "now": now, "several_outlets": outlets.count() > 1},
    )


def _colleagues(outlets: Any) -> Any:
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(desk_memberships__outlet__in=outlets, is_active=True)
        .distinct()
        .order_by("username")
    )


# --- the report page -----------------------------------------------------------------


@desk_view
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for(request.user, pk)
    if report.merged_into_id:
        return redirect(f"{reverse('desk:report', args=[report.merged_into_id])}#reader-{pk}")
    readers = selectors.item_readers(report=report)
    now = timezone.now()
    context = {
        "report": report,
        "readers": readers,
        "passage": selectors.passage_in_context(report=report),
        "evidence": selectors.item_evidence(readers=readers),
        "check": selectors.latest_check(report=report),
        "history": selectors.report_history(readers=readers),
        "due": selectors.report_due(report=report, now=now),
        "now": now,
        "assign_form": AssignForm(
            initial_assignee(report), colleagues=access.desk_colleagues(report.outlet)
        ),
        "transition_form": TransitionForm(current=report.status),
        "note_form": NoteForm(),
        "reply_form": ReplyDraftForm(initial_reply(report)),
        "merge_form": MergeForm(targets=selectors.merge_targets(user=request.user, report=report)),
        "can_take": access.desk_colleagues(report.outlet).filter(pk=request.user.pk).exists(),
    }
    return render(request, "desk/report.html", context)


def initial_assignee(report: Report) -> dict[str, str] | None:
    return None if report.assignee_id is None else {"assignee": str(report.assignee_id)}


def initial_reply(report: Report) -> dict[str, str] | None:
    purpose = {
        workflow.ACCEPTED: "accepted",
        workflow.REJECTED: "rejected",
        workflow.IN_REVIEW: "received",
    }.get(report.status)
    return {"purpose": purpose} if purpose else None


def _back(report: Report, anchor: str = "") -> HttpResponse:
    return redirect(reverse("desk:report", args=[report.pk]) + (f"#{anchor}" if anchor else ""))


def _refused(request: HttpRequest, report: Report, form: Any) -> HttpResponse:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return _back(report)


@desk_view
@require_POST
def report_assign(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for(request.user, pk)
    form = AssignForm(request.POST, colleagues=access.desk_colleagues(report.outlet))
    if not form.is_valid():
        return _refused(request, report, form)
    assignee = form.assignee_user()
    services.report_assign(report=report, assignee=assignee, actor=request.user)
    if assignee is None:
        messages.success(request, _("The report is no longer assigned."))
    else:
        name = assignee.get_full_name() or assignee.username
        messages.success(request, _("Assigned to %(name)s.") % {"name": name})
    return _back(report)


@desk_view
@require_POST
def report_move(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for(request.user, pk)
    form = TransitionForm(request.POST, current=report.status)
    if not form.is_valid():
        return _refused(request, report, form)
    to, note = form.cleaned_data["to"], form.cleaned_data["note"].strip()
    try:
        with transaction.atomic():
            services.report_transition(
                report=report, to=to, actor=request.user, reason=form.cleaned_data["reason"]
            )
            if note:
                services.note_add(report=report, author=request.user, text=note)
    except workflow.NotAllowed:  # someone else moved it meanwhile
        messages.error(request, _("This status change is not possible any more; see the history."))
        return _back(report)
    messages.success(request, _("Status: %(status)s.") % {"status": report.get_status_display()})
    if to in workflow.DECISIONS and any(
        r.reporter_email for r in selectors.item_readers(report=report)
    ):
        return redirect(f"{reverse('desk:reply', args=[report.pk])}?purpose={to}")
    return _back(report)


@desk_view
@require_POST
def report_note(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for(request.user, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _refused(request, report, form)
    services.note_add(report=report, author=request.user, text=form.cleaned_data["text"])
    messages.success(request, _("Note added."))
    return _back(report, "history")


@desk_view
@require_POST
def report_check(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for(request.user, pk)
    services.check_queue(report=report, actor=request.user)
    messages.success(request, _("The pre-check runs again; reload the page in a moment."))
    return _back(report, "check")


@desk_view
@require_http_methods(["GET", "POST"])
def report_reply(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: a draft from the template for the chosen purpose; POST: send it to the readers."""
    report = access.report_for(request.user, pk)
    if request.method == "POST":
        form = ReplyForm(request.POST)
        if form.is_valid():
            sent = services.reply_send(
                report=report,
                actor=request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                purpose=form.cleaned_data["purpose"],
            )
            messages.success(request, _("Reply queued for %(count)d reader(s).") % {"count": sent})
            return _back(report, "history")
    else:
        choice = ReplyDraftForm(request.GET)
        purpose = choice.cleaned_data["purpose"] if choice.is_valid() else "received"
        language = choice.cleaned_data.get("language", "") if choice.is_valid() else ""
        subject, body = services.reply_draft(report=report, purpose=purpose, language=language)
        if not subject and not body:
            messages.warning(
                request, _("There is no reply template for this; write the reply here.")
            )
        form = ReplyForm(initial={"purpose": purpose, "subject": subject, "body": body})
    readers = [r for r in selectors.item_readers(report=report) if r.reporter_email]
    return render(request, "desk/reply.html", {"report": report, "form": form, "readers": readers})


@desk_view
@require_POST
def report_merge(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for(request.user, pk)
    form = MergeForm(
        request.POST, targets=selectors.merge_targets(user=request.user, report=report)
    )
    if not form.is_valid():
        return _refused(request, report, form)
    into = access.report_for(request.user, form.cleaned_data["into"])
    report_services.report_merge(report=report, into=into, actor=request.user)
    messages.success(request, _("Merged into report #%(pk)d.") % {"pk": into.pk})
    return _back(into)


@desk_view
@require_POST
def report_split(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for(request.user, pk)
    form = SplitForm(request.POST)
    if not form.is_valid():
        return _refused(request, report, form)
    reader = get_object_or_404(
        access.visible_reports(request.user), pk=form.cleaned_data["reader"], merged_into=report
    )
    report_services.report_split(report=reader, actor=request.user)
    messages.success(request, _("Report #%(pk)d is its own item again.") % {"pk": reader.pk})
    return _back(report)
