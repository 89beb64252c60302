"""Validation of the editor's story actions (the services do the work)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class MergeForm(forms.Form):
    target = forms.IntegerField(label=_("Merge into story number"), min_value=1)


class MoveForm(forms.Form):
    article = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    target = forms.IntegerField(
        label=_("Move to story number"),
        min_value=1,
        required=False,
        help_text=_("Leave empty to give the article a story of its own."),
    )
