from django.contrib import admin

from corrigenda.reports.models import Evidence, InboundMail, IntakePolicy, Report, ReportEvent


class EvidenceInline(admin.TabularInline[Evidence, Report]):
    model = Evidence
    extra = 0


class EventInline(admin.TabularInline[ReportEvent, Report]):
    model = ReportEvent
    extra = 0
    readonly_fields = ("at", "actor", "action", "detail")
    can_delete = False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin[Report]):
    list_display = ("id", "outlet", "status", "channel", "anchor_state", "received_at")
    list_filter = ("status", "channel", "anchor_state", "outlet")
    search_fields = ("location", "passage", "proposed_fix", "description")
    raw_id_fields = ("article", "anchor_version", "merged_into")
    readonly_fields = ("token", "received_at", "payload")
    inlines = (EvidenceInline, EventInline)


@admin.register(InboundMail)
class InboundMailAdmin(admin.ModelAdmin[InboundMail]):
    list_display = ("id", "source", "status", "reason", "received_at")
    list_filter = ("status", "source")
    raw_id_fields = ("report",)
    readonly_fields = ("message_id", "mailbox", "uidvalidity", "uid", "received_at")


@admin.register(IntakePolicy)
class IntakePolicyAdmin(admin.ModelAdmin[IntakePolicy]):
    list_display = ("outlet", "per_sender_per_hour", "per_outlet_per_hour", "proof_of_work")
