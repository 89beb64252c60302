"""The dashboard's routes, included into the desk's namespace by `desk/urls.py`."""

from django.urls import path

from corrigenda.desk import views_dashboard

urlpatterns = [
    path("dashboard/", views_dashboard.dashboard, name="dashboard"),
]
