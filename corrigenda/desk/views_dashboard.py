"""The desk's dashboard: how fast each of the editor's outlets answers, per month.

Like every desk page it goes through `desk_view` (logged in, second factor, on a desk).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from corrigenda.desk import metrics
from corrigenda.desk.access import desk_outlets
from corrigenda.desk.dashboard_chart import Chart, bar_chart
from corrigenda.desk.views import desk_view


@dataclass(frozen=True)
class Panel:
    figures: metrics.OutletFigures
    first_response: Chart
    decision: Chart


@require_GET
@desk_view
def dashboard(request: HttpRequest) -> HttpResponse:
    figures = metrics.sla_figures(outlets=desk_outlets(request.user))
    panels = [_panel(f) for f in figures]
    return render(
        request, "desk/dashboard.html", {"panels": panels, "months": metrics.DEFAULT_MONTHS}
    )


def _panel(figures: metrics.OutletFigures) -> Panel:
    months = figures.months
    return Panel(
        figures=figures,
        first_response=bar_chart(
            [(m.month, m.first_response.median, m.first_response.p90) for m in months],
            target=figures.level.first_response,
        ),
        decision=bar_chart(
            [(m.month, m.decision.median, m.decision.p90) for m in months],
            target=figures.level.decision,
        ),
    )
