"""The outlet settings page: an outlet admin's service level, intake limits, replies, desk.

Every page goes through `desk_view` (logged in, second factor, on a desk) and, below
/desk/settings/<outlet>/, through `outlet_admin_view`: another outlet's admin gets 404
(the outlet's desk is not theirs to see), an editor of the outlet 403 with a page
saying who may change it. Changes are POST forms that call one service in
`settings_services` and redirect back (POST/redirect/GET).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from corrigenda.archive.models import Outlet
from corrigenda.desk import access
from corrigenda.desk import settings_services as services
from corrigenda.desk.forms_settings import (
    IntakePolicyForm,
    MemberAddForm,
    MemberRoleForm,
    ReplyTemplateForm,
    ServiceLevelForm,
)
from corrigenda.desk.models import Membership, ReplyPurpose, ReplyTemplate, Role, ServiceLevel
from corrigenda.desk.views import desk_view
from corrigenda.reports.services import intake_policy

if TYPE_CHECKING:
    from collections.abc import Callable

LANGUAGES = ("de", "en")


def outlet_admin_view(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Turn the URL's outlet slug into the outlet, for its admins (and superusers) only."""

    @wraps(view)
    def wrapped(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
        outlet = get_object_or_404(access.desk_outlets(request.user), slug=slug)
        if not access.is_outlet_admin(request.user, outlet):
            admins = access.desk_colleagues(outlet).filter(
                desk_memberships__outlet=outlet, desk_memberships__role=Role.ADMIN
            )
            context = {"outlet": outlet, "admins": admins}
            return render(request, "desk/settings_refused.html", context, status=403)
        return view(request, outlet, *args, **kwargs)

    return wrapped


def administered_outlets(user: Any) -> QuerySet[Outlet]:
    if user.is_superuser:
        return Outlet.objects.order_by("name")
    return Outlet.objects.filter(
        desk_memberships__user=user, desk_memberships__role=Role.ADMIN
    ).order_by("name")


@desk_view
@require_GET
def settings_index(request: HttpRequest) -> HttpResponse:
    outlets = administered_outlets(request.user)
    return render(request, "desk/settings.html", {"outlets": outlets})


@desk_view
@outlet_admin_view
@require_GET
def settings_outlet(request: HttpRequest, outlet: Outlet) -> HttpResponse:
    return _page(request, outlet)


@desk_view
@outlet_admin_view
@require_POST
def settings_service_level(request: HttpRequest, outlet: Outlet) -> HttpResponse:
    form = ServiceLevelForm(request.POST)
    if not form.is_valid():
        return _page(request, outlet, service_form=form)
    services.service_level_save(outlet=outlet, **form.cleaned_data)
    messages.success(request, _("The service level is saved."))
    return _back(outlet, "service-level")


@desk_view
@outlet_admin_view
@require_POST
def settings_intake(request: HttpRequest, outlet: Outlet) -> HttpResponse:
    form = IntakePolicyForm(request.POST)
    if not form.is_valid():
        return _page(request, outlet, intake_form=form)
    services.intake_policy_save(outlet=outlet, **form.cleaned_data)
    messages.success(request, _("The intake limits are saved."))
    return _back(outlet, "intake")


@desk_view
@outlet_admin_view
@require_http_methods(["GET", "POST"])
def settings_reply(
    request: HttpRequest, outlet: Outlet, purpose: str, language: str
) -> HttpResponse:
    """Edit the outlet's own reply template (starting from the default if it has none)."""
    _known(purpose, language)
    own = ReplyTemplate.objects.filter(outlet=outlet, purpose=purpose, language=language).first()
    if request.method == "POST":
        form = ReplyTemplateForm(request.POST)
        if form.is_valid():
            services.reply_template_save(
                outlet=outlet, purpose=purpose, language=language, **form.cleaned_data
            )
            messages.success(request, _("The reply template is saved."))
            return _back(outlet, "replies")
    else:
        start = own or _default_template(purpose, language)
        initial = {"subject": start.subject, "body": start.body} if start else {}
        form = ReplyTemplateForm(initial=initial)
    context = {
        "outlet": outlet,
        "form": form,
        "own": own,
        "purpose_label": ReplyPurpose(purpose).label,
        "language_name": _language_name(language),
    }
    return render(request, "desk/settings_reply.html", context)


@desk_view
@outlet_admin_view
@require_POST
def settings_reply_reset(
    request: HttpRequest, outlet: Outlet, purpose: str, language: str
) -> HttpResponse:
    _known(purpose, language)
    if services.reply_template_reset(outlet=outlet, purpose=purpose, language=language):
        messages.success(request, _("The default reply template applies again."))
    return _back(outlet, "replies")


@desk_view
@outlet_admin_view
@require_POST
def settings_member_add(request: HttpRequest, outlet: Outlet) -> HttpResponse:
    form = MemberAddForm(request.POST)
    if form.is_valid():
        try:
            services.membership_add(outlet=outlet, **form.cleaned_data)
        except services.SettingRefused as refusal:
            form.add_error("username", str(refusal))
        else:
            messages.success(request, _("The account is on the desk now."))
            return _back(outlet, "members")
    return _page(request, outlet, member_form=form)


@desk_view
@outlet_admin_view
@require_POST
def settings_member_role(request: HttpRequest, outlet: Outlet, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership, pk=pk, outlet=outlet)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles."))
        return _back(outlet, "members")
    try:
        services.membership_role_set(membership=membership, role=form.cleaned_data["role"])
    except services.SettingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The role is changed."))
    return _back(outlet, "members")


@desk_view
@outlet_admin_view
@require_POST
def settings_member_remove(request: HttpRequest, outlet: Outlet, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership, pk=pk, outlet=outlet)
    try:
        services.membership_remove(membership=membership)
    except services.SettingRefused as refusal:
        messages.error(request, str(refusal))
        return _back(outlet, "members")
    messages.success(request, _("The account is no longer on the desk."))
    if membership.user_id == request.user.pk and not access.is_outlet_admin(request.user, outlet):
        return redirect("desk:settings")
    return _back(outlet, "members")


# --- presenting ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReplyRow:
    purpose: str
    purpose_label: str
    language: str
    language_name: str
    template: ReplyTemplate | None
    own: bool


def _page(
    request: HttpRequest,
    outlet: Outlet,
    *,
    service_form: ServiceLevelForm | None = None,
    intake_form: IntakePolicyForm | None = None,
    member_form: MemberAddForm | None = None,
) -> HttpResponse:
    level = ServiceLevel.objects.filter(outlet=outlet).first() or ServiceLevel(outlet=outlet)
    members = (
        Membership.objects.filter(outlet=outlet).select_related("user").order_by("user__username")
    )
    context = {
        "outlet": outlet,
        "service_form": service_form or ServiceLevelForm(instance=level),
        "intake_form": intake_form or IntakePolicyForm(instance=intake_policy(outlet=outlet)),
        "member_form": member_form or MemberAddForm(),
        "replies": _reply_rows(outlet),
        "members": [
            (
                m,
                MemberRoleForm(
                    initial={"role": m.role},
                    auto_id=f"id_member{m.pk}_%s",
                    member=m.user.get_username(),
                ),
            )
            for m in members
        ],
    }
    return render(request, "desk/settings_outlet.html", context)


def _reply_rows(outlet: Outlet) -> list[ReplyRow]:
    templates = ReplyTemplate.objects.filter(outlet__isnull=True) | ReplyTemplate.objects.filter(
        outlet=outlet
    )
    found = {(t.outlet_id is not None, t.purpose, t.language): t for t in templates}
    rows = []
    for purpose, label in ReplyPurpose.choices:
        for language in LANGUAGES:
            own = found.get((True, purpose, language))
            template = own or found.get((False, purpose, language))
            rows.append(
                ReplyRow(
                    purpose,
                    str(label),
                    language,
                    _language_name(language),
                    template,
                    own is not None,
                )
            )
    return rows


def _default_template(purpose: str, language: str) -> ReplyTemplate | None:
    return ReplyTemplate.objects.filter(
        outlet__isnull=True, purpose=purpose, language=language
    ).first()


def _known(purpose: str, language: str) -> None:
    if purpose not in ReplyPurpose.values or language not in LANGUAGES:
        raise Http404("no such reply template")


def _language_name(code: str) -> str:
    return str(get_language_info(code)["name_translated"])


def _back(outlet: Outlet, section: str) -> HttpResponse:
    return redirect(f"{reverse('desk:settings_outlet', args=[outlet.slug])}#{section}")
