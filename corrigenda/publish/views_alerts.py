"""The desk's alerts about silent edits: a list per editor's outlets and a resolve action."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from corrigenda.desk.views import desk_view
from corrigenda.publish import alert_selectors, alerts

PAGE_SIZE = 50


@desk_view
@require_GET
def alert_list(request: HttpRequest) -> HttpResponse:
    resolved = request.GET.get("resolved") == "1"
    found = alert_selectors.visible_alerts(user=request.user, resolved=resolved)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "publish/alerts.html", {"page": page, "resolved": resolved})


@desk_view
@require_POST
def alert_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    alert = alert_selectors.alert_for(user=request.user, pk=pk)
    alerts.alert_resolve(alert=alert, actor=request.user)
    messages.success(request, _("Alert marked as resolved."))
    return redirect("publish:alerts")
