"""Who may see and act on which reports. Every desk view and API goes through here.

An editor sees the reports of the outlets they are a member of, nothing else; an
outlet admin additionally manages that outlet's desk settings. Django superusers run
the installation and see every outlet.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from corrigenda.archive.models import Outlet
from corrigenda.desk.models import Membership, Role
from corrigenda.reports.models import Report


def desk_outlets(user: Any) -> QuerySet[Outlet]:
    """The outlets whose desk `user` works on (none for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return Outlet.objects.none()
    if user.is_superuser:
        return Outlet.objects.all()
    return Outlet.objects.filter(desk_memberships__user=user).distinct()


def visible_reports(user: Any) -> QuerySet[Report]:
    return Report.objects.filter(outlet__in=desk_outlets(user))


def report_for(user: Any, pk: int) -> Report:
    """The report if `user` may see it; 404 otherwise (not 403: do not confirm it exists)."""
    report = visible_reports(user).select_related("outlet", "article", "assignee").filter(pk=pk)
    found = report.first()
    if found is None:
        raise Http404("no such report")
    return found


def is_outlet_admin(user: Any, outlet: Outlet) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return Membership.objects.filter(user=user, outlet=outlet, role=Role.ADMIN).exists()


def desk_colleagues(outlet: Outlet) -> QuerySet[Any]:
    """The users a report of `outlet` may be assigned to."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(desk_memberships__outlet=outlet, is_active=True)
        .distinct()
        .order_by("username")
    )
