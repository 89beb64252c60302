"""Admin for outlets. Articles and versions are read-only: they change by ingest only,
so the archive stays evidence of what was published."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from corrigenda.archive.models import Article, ArticleVersion, Outlet, OutletDomain


class OutletDomainInline(admin.TabularInline[OutletDomain, Outlet]):
    model = OutletDomain
    extra = 1


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin[Outlet]):
    list_display = ("name", "slug", "language", "spelling", "desk_email")
    search_fields = ("name", "slug", "domains__domain")
    prepopulated_fields = {"slug": ("name",)}  # noqa: RUF012 - Django's own API
    inlines = (OutletDomainInline,)


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ArticleVersionInline(ReadOnlyMixin, admin.TabularInline[ArticleVersion, Article]):
    model = ArticleVersion
    fields = ("number", "title", "fetched_at", "source_kind", "content_hash")
    readonly_fields = fields
    extra = 0
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(ReadOnlyMixin, admin.ModelAdmin[Article]):
    list_display = ("canonical_url", "outlet", "created")
    list_filter = ("outlet",)
    search_fields = ("canonical_url", "versions__title")
    inlines = (ArticleVersionInline,)


@admin.register(ArticleVersion)
class ArticleVersionAdmin(ReadOnlyMixin, admin.ModelAdmin[ArticleVersion]):
    list_display = ("article", "number", "title", "fetched_at", "source_kind")
    list_filter = ("source_kind", "article__outlet")
    search_fields = ("title", "article__canonical_url")
