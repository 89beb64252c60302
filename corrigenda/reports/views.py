"""Pages for readers: the report form, the confirmation, the private status page.

Also the ALTCHA challenge the form's widget fetches, and a page on which an outlet
can try the report button on one of its archived articles.
"""

from __future__ import annotations

import logging
from functools import wraps
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import trans_real
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from corrigenda.archive import selectors as archive
from corrigenda.archive.models import Outlet
from corrigenda.archive.spelling import reader_locale
from corrigenda.reports import proof_of_work, selectors, services
from corrigenda.reports.client import client_address
from corrigenda.reports.forms import ReportForm
from corrigenda.reports.validation import RateLimited, ReportInvalid, default_policy

if TYPE_CHECKING:
    from collections.abc import Callable

    from corrigenda.reports.models import IntakePolicy, Report

logger = logging.getLogger(__name__)
PROOF_FIELD = "altcha"


def private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page behind a reader's private link: not indexed, not cached, not referred."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "no-store"
        return response

    return wrapped


@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        form = ReportForm.prefilled(request.GET)
    elif chosen := request.POST.get("use_passage"):
        form = ReportForm.with_passage(request.POST, chosen)
    else:
        form = ReportForm(request.POST)
    outlet = selectors.outlet_by_location(location=str(form["location"].value() or ""))
    policy = services.intake_policy(outlet=outlet) if outlet else default_policy()
    _speak_readers_language(request, outlet)
    if form.is_bound and form.is_valid():
        if form.is_bot:
            logger.info("report form: honeypot filled, nothing stored")
            return render(request, "reports/received.html", {"report": None})
        try:
            report = _submit(request, form, outlet, policy)
        except RateLimited:
            context = {"form": form, "outlet": outlet}
            return render(request, "reports/rate_limited.html", context, status=429)
        if report is not None:
            return redirect("reports:received", token=report.token)
    return render(request, "reports/form.html", _form_context(form, outlet, policy))


def _submit(
    request: HttpRequest, form: ReportForm, outlet: Outlet | None, policy: IntakePolicy
) -> Report | None:
    """The stored report, or None with the form carrying the errors."""
    sender = client_address(request)
    proof = request.POST.get(PROOF_FIELD, "")
    try:
        if outlet is not None and policy.proof_of_work:
            if proof:
                proof_of_work.solution_spend(payload=proof, policy=policy)
            else:
                proof_of_work.without_proof_count(outlet=outlet, policy=policy, sender=sender)
        return services.report_submit(
            submission=form.submission(language=translation.get_language()),
            channel=form.channel,
            outlet=outlet,
            sender=sender,
            payload=form.payload(),
        )
    except proof_of_work.ProofRefused as refused:
        form.add_error(None, _proof_message(refused.reason))
    except ReportInvalid as invalid:
        form.add_service_errors(invalid)
    return None


def _proof_message(reason: str) -> str:
    if reason == "expired":
        return _("The spam check took too long and expired. Please send the report again.")
    return _("The spam check did not work out. Please send the report again.")


def _form_context(
    form: ReportForm, outlet: Outlet | None, policy: IntakePolicy
) -> dict[str, object]:
    challenge_url = reverse("reports:challenge")
    if outlet is not None:
        challenge_url += f"?outlet={outlet.slug}"
    return {
        "form": form,
        "outlet": outlet,
        "proof_of_work": policy.proof_of_work,
        "challenge_url": challenge_url,
        "errors": [
            (form[name] if name in form.fields else None, message)
            for name, messages in form.errors.items()
            for message in messages
        ],
    }


@require_GET
@private
def report_received(request: HttpRequest, token: str) -> HttpResponse:
    report = selectors.report_by_token(token=token)
    if report is None:
        raise Http404("no such report")
    _speak_readers_language(request, report.outlet)
    status_url = request.build_absolute_uri(reverse("reports:status", args=[token]))
    return render(request, "reports/received.html", {"report": report, "status_url": status_url})


@require_GET
@private
def status(request: HttpRequest, token: str) -> HttpResponse:
    report = selectors.report_by_token(token=token)
    if report is None:
        raise Http404("no such report")
    _speak_readers_language(request, report.outlet)
    item = selectors.report_item(report=report)
    context = {
        "report": report,
        "item": item,
        "masked_email": _masked(report.reporter_email),
        # The published correction notice, if any (corrigenda.publish links it to
        # every report of the item; read through the relation, so no import upward).
        "notice": item.corrections.filter(state="published")
        .select_related("article")
        .order_by("-published_at")
        .first(),
    }
    return render(request, "reports/status.html", context)


@require_GET
@never_cache
def challenge(request: HttpRequest) -> JsonResponse:
    """A fresh ALTCHA challenge, as hard as the outlet's policy asks."""
    outlet = Outlet.objects.filter(slug=request.GET.get("outlet", "")).first()
    policy = services.intake_policy(outlet=outlet) if outlet else default_policy()
    return JsonResponse(proof_of_work.challenge_create(difficulty=policy.proof_of_work_difficulty))


@require_GET
def try_button(request: HttpRequest, pk: int) -> HttpResponse:
    """An archived article laid out as an article page, with the report button on it."""
    article = archive.article_get(pk=pk)
    version = archive.article_versions(article=article)[-1]
    _speak_readers_language(request, article.outlet)
    return render(
        request,
        "reports/try.html",
        {
            "article": article,
            "version": version,
            "desk": request.build_absolute_uri("/").rstrip("/"),
            "button_language": version.language or article.outlet.language,
        },
    )


def _speak_readers_language(request: HttpRequest, outlet: Outlet | None) -> None:
    """German or English as the reader's browser asks; else the outlet's language."""
    language = _browser_language(request) or (outlet.language if outlet else "")
    if language:
        translation.activate(reader_locale(language, outlet.spelling) if outlet else language)
        request.LANGUAGE_CODE = translation.get_language()


def _browser_language(request: HttpRequest) -> str:
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    wanted = [chosen] if chosen else []
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    wanted += [code for code, _q in trans_real.parse_accept_lang_header(header) if code != "*"]
    for code in wanted:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return ""


def _masked(email: str) -> str:
    """ "a•••@example.org": enough for the reader to recognise, not to copy."""
    local, at, domain = email.partition("@")
    if not at:
        return ""
    return f"{local[:1]}•••@{domain}"
