"""Reads for the desk's alerts page: only the alerts of the editor's own outlets."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from corrigenda.desk import access
from corrigenda.publish.models import Alert


def visible_alerts(*, user: Any, resolved: bool = False) -> QuerySet[Alert]:
    """The alerts of `user`'s outlets, newest first; open ones unless `resolved`."""
    return (
        Alert.objects.filter(outlet__in=access.desk_outlets(user), resolved_at__isnull=not resolved)
        .select_related("outlet", "article", "old_version", "new_version", "report", "resolved_by")
        .order_by("-created", "-id")
    )


def alert_for(*, user: Any, pk: int) -> Alert:
    """The alert if `user` may see it; 404 otherwise (its existence is not confirmed)."""
    found = Alert.objects.filter(outlet__in=access.desk_outlets(user), pk=pk).first()
    if found is None:
        raise Http404("no such alert")
    return found
