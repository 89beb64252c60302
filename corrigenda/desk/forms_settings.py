"""Forms of the outlet settings page. They validate; the writes are in `settings_services`."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from corrigenda.desk.models import Role, ServiceLevel
from corrigenda.desk.settings_services import template_problem
from corrigenda.reports.models import IntakePolicy


class ServiceLevelForm(forms.ModelForm[ServiceLevel]):
    class Meta:
        model = ServiceLevel
        fields = ("first_response_hours", "decision_hours")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            assert isinstance(field, forms.IntegerField)
            field.widget.attrs["min"] = 1
            field.validators.append(_at_least_one)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, decision = cleaned.get("first_response_hours"), cleaned.get("decision_hours")
        if first is not None and decision is not None and decision < first:
            self.add_error(
                "decision_hours", _("The decision cannot be due before the first response.")
            )
        return cleaned


def _at_least_one(value: int) -> None:
    if value < 1:
        raise forms.ValidationError(_("At least one hour."))


class IntakePolicyForm(forms.ModelForm[IntakePolicy]):
    class Meta:
        model = IntakePolicy
        fields = (
            "per_sender_per_hour",
            "per_outlet_per_hour",
            "proof_of_work",
            "proof_of_work_difficulty",
            "max_passage_chars",
            "max_text_chars",
            "max_links",
            "max_mail_bytes",
        )
        help_texts: ClassVar[dict[str, Any]] = {
            "proof_of_work_difficulty": _(
                "Higher numbers make the reader's browser work longer before sending."
            ),
            "max_mail_bytes": _("In bytes; 10485760 is 10 MB."),
        }


class ReplyTemplateForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "Django template: {{ outlet.name }}, {{ reader_name }}, {{ reason }}, "
            "{{ status_url }} and {{ report }} are filled in for each reader."
        ),
    )

    def clean_subject(self) -> str:
        return _valid_template(self.cleaned_data["subject"])

    def clean_body(self) -> str:
        return _valid_template(self.cleaned_data["body"])


def _valid_template(text: str) -> str:
    problem = template_problem(text)
    if problem is not None:
        raise forms.ValidationError(
            _("This is not a valid template: %(problem)s"), params={"problem": problem}
        )
    return text


class MemberAddForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.EDITOR)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args: Any, member: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if member:
            label = _("Role of %(name)s") % {"name": member}
            self.fields["role"].widget.attrs["aria-label"] = label
