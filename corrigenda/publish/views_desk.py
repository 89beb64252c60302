"""The editors' publishing pages: write the notice, preview it, publish, amend, retract.

Behind the desk's login and second factor (`desk_view`). An editor reaches only
the reports and notices of their own outlets; anything else is a 404. Actions are
POST forms that call one service and redirect (POST/redirect/GET).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from corrigenda.desk import access
from corrigenda.desk.views import desk_view
from corrigenda.publish import jsonld, selectors, services
from corrigenda.publish.forms_desk import AmendForm, DraftForm, RetractForm
from corrigenda.publish.models import Correction, CorrectionState
from corrigenda.publish.views_embed import render_notices


@desk_view
@require_POST
def correction_start(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Write the correction on an accepted report: a prefilled draft, or the open one."""
    report = access.report_for(request.user, pk)
    try:
        correction = services.correction_draft(report=report, actor=request.user)
    except services.NotPublishable as refusal:
        messages.error(request, str(refusal))
        shown = selectors.corrections_for_report(report=report)
        existing = shown.exclude(state=CorrectionState.RETRACTED).first()
        if existing is not None:
            return redirect("publish:correction", existing.pk)
        return redirect("desk:report", report.pk)
    return redirect("publish:correction_edit", correction.pk)


@desk_view
@require_http_methods(["GET", "POST"])
def correction_edit(request: HttpRequest, pk: int) -> HttpResponseBase:
    correction = selectors.correction_for(request.user, pk)
    if correction.state != CorrectionState.DRAFT:
        return redirect("publish:correction", pk)
    initial = {"kind": correction.kind, "text": correction.text}
    form = DraftForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.correction_draft_save(
                correction=correction, actor=request.user, **form.cleaned_data
            )
        except services.NotPublishable as refusal:
            form.add_error("text", str(refusal))
        else:
            return redirect("publish:correction_preview", pk)
    return _page(request, "publish/correction_edit.html", correction, form=form)


@desk_view
@require_GET
def correction_preview(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The draft on the article exactly as readers will see it, published now."""
    correction = selectors.correction_for(request.user, pk)
    if correction.state != CorrectionState.DRAFT:
        return redirect("publish:correction", pk)
    correction.published_at = timezone.now()  # not saved: how it will look today
    notices = [correction, *selectors.notices_for_article(article=correction.article)]
    return _page(
        request,
        "publish/correction_preview.html",
        correction,
        fragment=render_notices(notices=notices, language=correction.language),
    )


@desk_view
@require_POST
def correction_publish(request: HttpRequest, pk: int) -> HttpResponseBase:
    correction = selectors.correction_for(request.user, pk)
    try:
        services.correction_publish(correction=correction, actor=request.user)
    except services.NotPublishable as refusal:
        messages.error(request, str(refusal))
        return redirect("publish:correction", pk)
    told = sum(1 for r in correction.reports.all() if r.reporter_email)
    messages.success(
        request,
        _("The notice is published. %(count)d reader(s) will be told by e-mail.") % {"count": told},
    )
    return redirect("publish:correction", pk)


@desk_view
@require_GET
def correction_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    correction = selectors.correction_for(request.user, pk)
    if correction.state == CorrectionState.DRAFT:
        return redirect("publish:correction_edit", pk)
    notices = list(selectors.notices_for_article(article=correction.article))
    desk = settings.SITE_URL
    return _page(
        request,
        "publish/correction_detail.html",
        correction,
        fragment=render_notices(notices=notices, language=correction.language),
        revisions=correction.revisions.select_related("replaced_by"),
        desk=desk,
        jsonld_script=jsonld.jsonld_script(selectors.article_jsonld(article=correction.article)),
    )


@desk_view
@require_http_methods(["GET", "POST"])
def correction_amend(request: HttpRequest, pk: int) -> HttpResponseBase:
    correction = selectors.correction_for(request.user, pk)
    if correction.state != CorrectionState.PUBLISHED:
        return redirect("publish:correction", pk)
    initial = {"kind": correction.kind, "text": correction.text}
    form = AmendForm(request.POST or None, initial=initial)
    if form.is_valid():
        try:
            services.correction_amend(
                correction=correction, actor=request.user, **form.cleaned_data
            )
        except services.NotPublishable as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The notice is amended; it shows as amended."))
            return redirect("publish:correction", pk)
    return _page(request, "publish/correction_amend.html", correction, form=form)


@desk_view
@require_http_methods(["GET", "POST"])
def correction_retract(request: HttpRequest, pk: int) -> HttpResponseBase:
    correction = selectors.correction_for(request.user, pk)
    if correction.state != CorrectionState.PUBLISHED:
        return redirect("publish:correction", pk)
    form = RetractForm(request.POST or None)
    if form.is_valid():
        try:
            services.correction_retract(
                correction=correction, actor=request.user, why=form.cleaned_data["why"]
            )
        except services.NotPublishable as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The notice is retracted; it shows as retracted."))
            return redirect("publish:correction", pk)
    return _page(request, "publish/correction_retract.html", correction, form=form)


def _page(
    request: HttpRequest, template: str, correction: Correction, **extra: Any
) -> HttpResponse:
    readers = selectors.correction_readers(correction=correction)
    item = readers[0] if readers else None
    context = {
        "correction": correction,
        "item": item,
        "readers": readers,
        "told": [r for r in readers if r.reporter_email],
        "article_url": correction.article.canonical_url,
        "headline": selectors.article_headline(article=correction.article),
        "archive_url": reverse("archive:article_detail", args=[correction.article_id]),
        **extra,
    }
    return render(request, template, context)
