"""The reports' JSON API and the OpenAPI document, included by the project under /api/v1/."""

from django.urls import path

from corrigenda.reports import api

app_name = "reports_api"
urlpatterns = [
    path("reports", api.report_create, name="create"),
    path("reports/<str:token>", api.report_status, name="status"),
    path("openapi.json", api.openapi_document, name="openapi"),
]
