"""Forms of the desk pages: queue filters and the actions on a report."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from corrigenda.desk import workflow
from corrigenda.desk.models import Hint, ReplyPurpose
from corrigenda.desk.selectors import QueueFilters
from corrigenda.reports.models import Status


def _choices(form: forms.Form, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    outlet = forms.ChoiceField(label=_("Outlet"), required=False)
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False)
    age = forms.ChoiceField(
        label=_("Received"),
        required=False,
        choices=(
            ("", _("any time")),
            ("day", _("in the last 24 hours")),
            ("week", _("in the last 7 days")),
            ("older", _("more than 7 days ago")),
        ),
    )
    hint = forms.ChoiceField(label=_("Pre-check"), required=False)
    overdue = forms.BooleanField(label=_("only overdue"), required=False)

    def __init__(self, data: Any, *, outlets: Any, colleagues: Any) -> None:
        super().__init__(data)
        _choices(self, "status").choices = [
            ("open", _("open (new or in review)")),
            ("all", _("all")),
            *Status.choices,
        ]
        _choices(self, "outlet").choices = [("", _("all my outlets"))] + [
            (o.slug, o.name) for o in outlets
        ]
        _choices(self, "assignee").choices = [
            ("", _("anyone")),
            ("me", _("me")),
            ("none", _("nobody")),
            *((str(u.pk), u.get_full_name() or u.username) for u in colleagues),
        ]
        _choices(self, "hint").choices = [
            ("", _("any")),
            *Hint.choices,
            ("pending", _("not finished")),
        ]

    def filters(self) -> QueueFilters:
        """The valid choices; an invalid value (an old link) is ignored, not an error."""
        self.is_valid()
        data = {
            name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors
        }
        return QueueFilters(
            status=data.get("status") or "open",
            outlet=data.get("outlet") or "",
            assignee=data.get("assignee") or "",
            age=data.get("age") or "",
            hint=data.get("hint") or "",
            overdue=bool(data.get("overdue")),
        )


class AssignForm(forms.Form):
    assignee = forms.ChoiceField(label=_("Assign to"), required=False)

    def __init__(self, data: Any = None, *, colleagues: Any) -> None:
        super().__init__(data)
        self.colleagues = colleagues
        _choices(self, "assignee").choices = [
            ("", _("nobody")),
            *((str(u.pk), u.get_full_name() or u.username) for u in colleagues),
        ]

    def assignee_user(self) -> Any | None:
        chosen = self.cleaned_data["assignee"]
        return self.colleagues.get(pk=int(chosen)) if chosen else None


# The moves an editor makes on this form, in this order. "Duplicate" is not one of
# them: merging into another report (MergeForm) makes a report a duplicate.
MOVE_LABELS = {
    workflow.IN_REVIEW: _("Start review"),
    workflow.ACCEPTED: _("Accept"),
    workflow.REJECTED: _("Reject"),
    workflow.NEW: _("Back to new"),
}


class TransitionForm(forms.Form):
    to = forms.ChoiceField(label=_("New status"))
    reason = forms.CharField(
        label=_("Reason (shown to the reader; required for a rejection)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(
        label=_("Note for the desk (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, data: Any = None, *, current: str) -> None:
        super().__init__(data)
        allowed = workflow.MOVES.get(current, frozenset())
        self.moves = [(to, label) for to, label in MOVE_LABELS.items() if to in allowed]
        _choices(self, "to").choices = [("", _("choose …")), *self.moves]
        self.current = current

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("to") == workflow.REJECTED and not data.get("reason", "").strip():
            self.add_error("reason", _("Please give the reader a reason for the rejection."))
        return data


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Internal: readers never see notes."),
    )


class ReplyDraftForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Template"), choices=ReplyPurpose.choices)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=(("", _("the reader's")), ("de", _("German")), ("en", _("English"))),
    )


class ReplyForm(forms.Form):
    purpose = forms.ChoiceField(choices=ReplyPurpose.choices, widget=forms.HiddenInput)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("{status_url} becomes each reader's own status link."),
    )


class MergeForm(forms.Form):
    into = forms.TypedChoiceField(label=_("Merge this item into"), coerce=int)

    def __init__(self, data: Any = None, *, targets: Any) -> None:
        super().__init__(data)
        _choices(self, "into").choices = [
            (r.pk, f"#{r.pk} · {r.passage[:60] or r.location[:60]}") for r in targets
        ]


class SplitForm(forms.Form):
    reader = forms.IntegerField(widget=forms.HiddenInput)


class TokenForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
