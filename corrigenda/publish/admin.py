from django.contrib import admin

from corrigenda.publish.models import Alert, Correction, CorrectionRevision


class RevisionInline(admin.TabularInline[CorrectionRevision, Correction]):
    model = CorrectionRevision
    extra = 0
    readonly_fields = ("kind", "text", "replaced_at", "replaced_by", "why")
    can_delete = False


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin[Correction]):
    """Read-mostly: notices are written, published, amended and retracted on the desk,
    where each step is audited."""

    list_display = ("id", "outlet", "kind", "state", "published_at", "amended_at")
    list_filter = ("state", "kind", "outlet")
    search_fields = ("text",)
    readonly_fields = ("state", "published_at", "amended_at", "retracted_at", "created_by")
    raw_id_fields = ("article", "version", "reports")
    inlines = (RevisionInline,)


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin[Alert]):
    list_display = ("id", "outlet", "kind", "created", "resolved_at")
    list_filter = ("kind", "outlet")
    raw_id_fields = ("article", "old_version", "new_version", "report")
