"""Forms of the editors' publishing pages: the draft, an amendment, a retraction."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from corrigenda.publish.models import Kind


class DraftForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of notice"), choices=Kind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("The notice"),
        help_text=_(
            "Exactly as readers will see it on the article, in the outlet's language. "
            "The date is added when it is published."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5_000,
    )


class AmendForm(DraftForm):
    why = forms.CharField(
        label=_("Why it is amended"),
        help_text=_("For the audit trail; readers see that the notice was amended, and when."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2_000,
    )


class RetractForm(forms.Form):
    why = forms.CharField(
        label=_("Why it is retracted"),
        help_text=_("For the audit trail; the notice stays on the article, marked as retracted."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2_000,
    )
