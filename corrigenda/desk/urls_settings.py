"""The outlet settings pages, under /desk/settings/ (included by `desk.urls`)."""

from django.urls import path

from corrigenda.desk import views_settings as views

urlpatterns = [
    path("settings/", views.settings_index, name="settings"),
    path("settings/<slug:slug>/", views.settings_outlet, name="settings_outlet"),
    path(
        "settings/<slug:slug>/service-level/",
        views.settings_service_level,
        name="settings_service_level",
    ),
    path("settings/<slug:slug>/intake/", views.settings_intake, name="settings_intake"),
    path(
        "settings/<slug:slug>/replies/<str:purpose>/<str:language>/",
        views.settings_reply,
        name="settings_reply",
    ),
    path(
        "settings/<slug:slug>/replies/<str:purpose>/<str:language>/reset/",
        views.settings_reply_reset,
        name="settings_reply_reset",
    ),
    path(
        "settings/<slug:slug>/members/add/", views.settings_member_add, name="settings_member_add"
    ),
    path(
        "settings/<slug:slug>/members/<int:pk>/role/",
        views.settings_member_role,
        name="settings_member_role",
    ),
    path(
        "settings/<slug:slug>/members/<int:pk>/remove/",
        views.settings_member_remove,
        name="settings_member_remove",
    ),
]
