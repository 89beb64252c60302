"""What a reader's submission must satisfy, with errors in the reader's language.

Every channel (form, button, API, e-mail, command line) builds a `Submission` and
hands it to `services.report_submit`, which calls `check` first. Errors are lazy
translations, rendered in whatever language is active where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from corrigenda.archive import addresses
from corrigenda.reports.models import IntakePolicy

MAX_NAME_CHARS = 200
MAX_SELECTION_CONTEXT = 200


@dataclass(frozen=True)
class Submission:
    """What a reader sends, from whichever channel, before anything is stored."""

    location: str
    passage: str = ""
    passage_prefix: str = ""  # words around a selection made with the button
    passage_suffix: str = ""
    proposed_fix: str = ""
    description: str = ""
    evidence: tuple[str, ...] = ()
    reporter_name: str = ""
    reporter_email: str = ""
    language: str = ""  # the reader's; empty: the outlet's
    # The reader saw that the passage was not found and sends the report anyway.
    accept_unanchored: bool = False


@dataclass
class ReportInvalid(Exception):
    """The submission cannot be accepted; `errors` maps field names to messages."""

    errors: dict[str, list[str | Promise]] = field(default_factory=dict)
    # The archive's closest passage when the reader's was not found.
    closest: str = ""
    # The passage is not in the article: the reader may send the report anyway.
    passage_not_found: bool = False

    def add(self, name: str, message: str | Promise) -> None:
        self.errors.setdefault(name, []).append(message)

    def __str__(self) -> str:
        return "; ".join(
            f"{name}: {', '.join(map(str, msgs))}" for name, msgs in self.errors.items()
        )


class RateLimited(Exception):
    """Too many reports from one sender or for one outlet in the current hour."""


def default_policy() -> IntakePolicy:
    """The limits of an outlet without a policy of its own (not saved)."""
    return IntakePolicy()


def check(submission: Submission, policy: IntakePolicy) -> ReportInvalid | None:
    """Field errors of a submission, or None when it may be stored."""
    invalid = ReportInvalid()
    location = submission.location.strip()
    if not location:
        invalid.add("location", _("Please give the address (URL) of the article."))
    elif not addresses.is_web_url(location) or len(location) > 2048:
        invalid.add("location", _("This is not a web address (it must start with https://)."))
    if not (submission.description.strip() or submission.proposed_fix.strip()):
        invalid.add("description", _("Please say what is wrong, or how the passage should read."))
    _too_long(invalid, "passage", submission.passage, policy.max_passage_chars)
    _too_long(invalid, "proposed_fix", submission.proposed_fix, policy.max_text_chars)
    _too_long(invalid, "description", submission.description, policy.max_text_chars)
    _too_long(invalid, "reporter_name", submission.reporter_name, MAX_NAME_CHARS)
    _too_long(invalid, "passage", submission.passage_prefix, MAX_SELECTION_CONTEXT)
    _too_long(invalid, "passage", submission.passage_suffix, MAX_SELECTION_CONTEXT)
    if len(submission.evidence) > policy.max_links:
        invalid.add(
            "evidence",
            ngettext_lazy(
                "Please give at most %(count)d link.",
                "Please give at most %(count)d links.",
                "count",
            )
            % {"count": policy.max_links},
        )
    for link in submission.evidence:
        if not addresses.is_web_url(link) or len(link) > 2048:
            invalid.add("evidence", _("Not a web address: %(link)s") % {"link": link[:100]})
    if submission.reporter_email:
        try:
            validate_email(submission.reporter_email)
        except ValidationError:
            invalid.add("reporter_email", _("This e-mail address is not valid."))
    return invalid if invalid.errors else None


def _too_long(invalid: ReportInvalid, name: str, value: str, limit: int) -> None:
    if len(value) > limit:
        invalid.add(
            name,
            _("Please shorten this to %(limit)s characters (it has %(length)s).")
            % {"limit": limit, "length": len(value)},
        )
