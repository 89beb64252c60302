"""The editors' publishing pages (under /corrections/desk/, namespace "publish")."""

from django.urls import URLPattern, path

from corrigenda.publish import views_desk

urlpatterns: list[URLPattern] = [
    path(
        "desk/reports/<int:pk>/correction/",
        views_desk.correction_start,
        name="correction_start",
    ),
    path("desk/<int:pk>/", views_desk.correction_detail, name="correction"),
    path("desk/<int:pk>/edit/", views_desk.correction_edit, name="correction_edit"),
    path("desk/<int:pk>/preview/", views_desk.correction_preview, name="correction_preview"),
    path("desk/<int:pk>/publish/", views_desk.correction_publish, name="correction_publish"),
    path("desk/<int:pk>/amend/", views_desk.correction_amend, name="correction_amend"),
    path("desk/<int:pk>/retract/", views_desk.correction_retract, name="correction_retract"),
]
