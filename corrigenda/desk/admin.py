"""The desk's settings in Django's admin: memberships, service levels, reply templates.

Pre-checks and evidence pages are shown read-only: they are written by the worker.
"""

from django.contrib import admin

from corrigenda.desk.models import (
    Check,
    EvidencePage,
    Membership,
    Note,
    ReplyTemplate,
    ServiceLevel,
)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ("user", "outlet", "role")
    list_filter = ("role", "outlet")
    search_fields = ("user__username", "outlet__name")
    autocomplete_fields = ("user",)


@admin.register(ServiceLevel)
class ServiceLevelAdmin(admin.ModelAdmin[ServiceLevel]):
    list_display = ("outlet", "first_response_hours", "decision_hours")


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin[ReplyTemplate]):
    list_display = ("purpose", "language", "outlet", "subject")
    list_filter = ("purpose", "language", "outlet")
    search_fields = ("subject", "body")


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin[Note]):
    list_display = ("report", "author", "created")
    raw_id_fields = ("report",)
    readonly_fields = ("created",)


@admin.register(Check)
class CheckAdmin(admin.ModelAdmin[Check]):
    list_display = ("id", "report", "state", "hint", "created", "finished")
    list_filter = ("state", "hint")
    raw_id_fields = ("report",)
    readonly_fields = ("state", "hint", "reason", "inputs", "result", "created", "finished")


@admin.register(EvidencePage)
class EvidencePageAdmin(admin.ModelAdmin[EvidencePage]):
    list_display = ("evidence", "fetched_at", "failure")
    raw_id_fields = ("evidence", "version")
    readonly_fields = ("fetched_at", "failure")
