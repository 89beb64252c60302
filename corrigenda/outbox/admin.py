from django.contrib import admin

from corrigenda.outbox.models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin[Message]):
    list_display = ("id", "subject", "status", "attempts", "created", "sent_at")
    list_filter = ("status",)
    # The recipient is personal data: shown on the record, not searchable in lists.
    readonly_fields = ("created", "sent_at", "attempts", "last_error")
