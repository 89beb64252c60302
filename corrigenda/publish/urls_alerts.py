"""The desk's alerts under /corrections/alerts/ (editors only; see views_alerts)."""

from django.urls import URLPattern, path

from corrigenda.publish import views_alerts

urlpatterns: list[URLPattern] = [
    path("alerts/", views_alerts.alert_list, name="alerts"),
    path("alerts/<int:pk>/resolve/", views_alerts.alert_resolve, name="alert_resolve"),
]
