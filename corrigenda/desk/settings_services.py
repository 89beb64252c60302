"""Writes of the outlet settings page: service level, intake limits, reply templates, members.

Each function changes one outlet's settings; the views check beforehand that the user
administers that outlet. The log names the outlet and the kind of change only, never
a user name, an address or a template's text.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template import Template, TemplateSyntaxError
from django.utils.translation import gettext as _

from corrigenda.archive.models import Outlet
from corrigenda.desk.models import Membership, ReplyTemplate, Role, ServiceLevel
from corrigenda.reports.models import IntakePolicy

logger = logging.getLogger(__name__)


class SettingRefused(Exception):
    """A change the page cannot make; the message says why, in the user's language."""


def template_problem(text: str) -> str | None:
    """Why `text` is not a valid Django template, or None if it is."""
    try:
        Template(text)
    except TemplateSyntaxError as error:
        return str(error)
    return None


def service_level_save(
    *, outlet: Outlet, first_response_hours: int, decision_hours: int
) -> ServiceLevel:
    level, _created = ServiceLevel.objects.get_or_create(outlet=outlet)
    level.first_response_hours = first_response_hours
    level.decision_hours = decision_hours
    level.save(update_fields=["first_response_hours", "decision_hours"])
    logger.info("service level of outlet %s saved", outlet.slug)
    return level


def intake_policy_save(
    *,
    outlet: Outlet,
    per_sender_per_hour: int,
    per_outlet_per_hour: int,
    proof_of_work: bool,
    proof_of_work_difficulty: int,
    max_passage_chars: int,
    max_text_chars: int,
    max_links: int,
    max_mail_bytes: int,
) -> IntakePolicy:
    policy, _created = IntakePolicy.objects.get_or_create(outlet=outlet)
    policy.per_sender_per_hour = per_sender_per_hour
    policy.per_outlet_per_hour = per_outlet_per_hour
    policy.proof_of_work = proof_of_work
    policy.proof_of_work_difficulty = proof_of_work_difficulty
    policy.max_passage_chars = max_passage_chars
    policy.max_text_chars = max_text_chars
    policy.max_links = max_links
    policy.max_mail_bytes = max_mail_bytes
    policy.save()
    logger.info("intake policy of outlet %s saved", outlet.slug)
    return policy


def reply_template_save(
    *, outlet: Outlet, purpose: str, language: str, subject: str, body: str
) -> ReplyTemplate:
    """The outlet's own template for `purpose` and `language`, created or replaced."""
    for text in (subject, body):
        problem = template_problem(text)
        if problem is not None:
            raise SettingRefused(problem)
    template, _created = ReplyTemplate.objects.update_or_create(
        outlet=outlet,
        purpose=purpose,
        language=language,
        defaults={"subject": subject, "body": body},
    )
    logger.info("reply template %s/%s of outlet %s saved", purpose, language, outlet.slug)
    return template


def reply_template_reset(*, outlet: Outlet, purpose: str, language: str) -> bool:
    """Drop the outlet's own template, so the default applies again. False if it had none."""
    deleted, _kinds = ReplyTemplate.objects.filter(
        outlet=outlet, purpose=purpose, language=language
    ).delete()
    if deleted:
        logger.info("reply template %s/%s of outlet %s reset", purpose, language, outlet.slug)
    return bool(deleted)


def membership_add(*, outlet: Outlet, username: str, role: str) -> Membership:
    """Put an existing account on the outlet's desk."""
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise SettingRefused(_("There is no active account with this user name."))
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user, outlet=outlet, defaults={"role": role}
        )
    if not created:
        raise SettingRefused(_("This account is already on the desk."))
    logger.info("membership %d added to outlet %s as %s", membership.pk, outlet.slug, role)
    return membership


def membership_role_set(*, membership: Membership, role: str) -> Membership:
    """Change a member's role; the outlet keeps at least one admin."""
    with transaction.atomic():
        if role != Role.ADMIN:
            _keep_an_admin(membership)
        membership.role = role
        membership.save(update_fields=["role"])
    logger.info("membership %d of outlet %s now %s", membership.pk, membership.outlet.slug, role)
    return membership


def membership_remove(*, membership: Membership) -> None:
    """Take a member off the desk; the outlet keeps at least one admin."""
    with transaction.atomic():
        _keep_an_admin(membership)
        pk, slug = membership.pk, membership.outlet.slug
        membership.delete()
    logger.info("membership %d of outlet %s removed", pk, slug)


def _keep_an_admin(membership: Membership) -> None:
    """Refuse to take away the outlet's last admin (locks the admins' rows meanwhile)."""
    admins = list(
        Membership.objects.select_for_update()
        .filter(outlet_id=membership.outlet_id, role=Role.ADMIN)
        .values_list("pk", flat=True)
    )
    if admins == [membership.pk]:
        raise SettingRefused(
            _("The desk needs at least one outlet admin. Make someone else admin first.")
        )
