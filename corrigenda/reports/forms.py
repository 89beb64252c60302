"""The reader's report form: the fields a person fills in, shaped into a `Submission`.

The form only collects and tidies; what a report must satisfy (an article of the
outlet, a passage found, lengths, links, the e-mail address) is checked once, by
`services.report_submit`, whose errors are put back next to the fields here.
"""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from corrigenda.reports.models import Channel
from corrigenda.reports.validation import ReportInvalid, Submission

# The honeypot: hidden from people (and screen readers), so only software fills it.
HONEYPOT = "leave_this_empty"
# Query parameters of the link the button opens, and the form fields they fill.
PREFILL = {
    "url": "location",
    "passage": "passage",
    "prefix": "passage_prefix",
    "suffix": "passage_suffix",
    "via": "via",
}


def _area(rows: int, **attrs: str) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": str(rows), **attrs})


class ReportForm(forms.Form):
    location = forms.CharField(
        label=_("Address (URL) of the article"),
        required=False,
        max_length=4096,
        widget=forms.URLInput(attrs={"autocomplete": "url", "inputmode": "url"}),
        help_text=_("Copy it from your browser's address bar on the article page."),
    )
    passage = forms.CharField(
        label=_("The wrong passage"),
        required=False,
        widget=_area(3),
        help_text=_("Copy the words as they stand in the article."),
    )
    proposed_fix = forms.CharField(label=_("How it should read"), required=False, widget=_area(3))
    description = forms.CharField(
        label=_("What is wrong"),
        required=False,
        widget=_area(4),
        help_text=_("Tell us why, if it is not obvious from your correction."),
    )
    evidence = forms.CharField(
        label=_("Evidence (links)"),
        required=False,
        widget=_area(3, inputmode="url"),
        help_text=_("One web address per line: a source that shows the right version."),
    )
    reporter_name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    reporter_email = forms.CharField(
        label=_("Your e-mail address (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Only to tell you the outcome. We never publish it."),
    )
    accept_unanchored = forms.BooleanField(
        label=_("Send it anyway: the passage is right as I quoted it"), required=False
    )
    passage_prefix = forms.CharField(required=False, widget=forms.HiddenInput)
    passage_suffix = forms.CharField(required=False, widget=forms.HiddenInput)
    via = forms.CharField(required=False, widget=forms.HiddenInput)
    leave_this_empty = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # The checkbox is offered only once the reader has been told the passage
        # was not found (or ticked it before and is sending again).
        self.offer_unanchored = bool(self.data.get("accept_unanchored"))
        self.closest = ""

    @classmethod
    def prefilled(cls, params: Mapping[str, str]) -> ReportForm:
        """An unbound form with what the button's link carries (?url=…&passage=…)."""
        initial = {field: params[name] for name, field in PREFILL.items() if params.get(name)}
        return cls(initial=initial)

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))

    @property
    def channel(self) -> Channel:
        return Channel.WIDGET if self.cleaned_data.get("via") == "button" else Channel.FORM

    def submission(self, *, language: str) -> Submission:
        data = self.cleaned_data
        links = (line.strip() for line in data["evidence"].splitlines())
        return Submission(
            location=data["location"],
            passage=data["passage"],
            passage_prefix=data["passage_prefix"],
            passage_suffix=data["passage_suffix"],
            proposed_fix=data["proposed_fix"],
            description=data["description"],
            evidence=tuple(link for link in links if link),
            reporter_name=data["reporter_name"],
            reporter_email=data["reporter_email"].strip(),
            language=language,
            accept_unanchored=data["accept_unanchored"],
        )

    def payload(self) -> dict[str, object]:
        """What the reader posted, as received, for the report's record."""
        return {
            name: self.data.get(name, "")
            for name in self.fields
            if name != HONEYPOT and self.data.get(name)
        }

    def add_service_errors(self, invalid: ReportInvalid) -> None:
        """Put the service's errors next to their fields; offer the closest passage.

        When the passage is not in the article the reader may send the report anyway.
        """
        if invalid.passage_not_found:
            self.closest = invalid.closest
            self.offer_unanchored = bool(self.cleaned_data.get("passage"))
        for name, messages in invalid.errors.items():
            for message in messages:
                self.add_error(name if name in self.fields else None, str(message))

    @classmethod
    def with_passage(cls, data: Mapping[str, str], passage: str) -> ReportForm:
        """The reader's form again, the passage replaced by the one they chose."""
        initial = {name: data.get(name, "") for name in cls.base_fields if name != HONEYPOT}
        initial.update(passage=passage, passage_prefix="", passage_suffix="")
        return cls(initial=initial)
