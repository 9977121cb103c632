"""Thin views: parse, call a selector or service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from . import roles
from .audit_actions import action_choices
from .forms import ProfileForm
from .permissions import can_list_people, can_read_audit_log, users_visible_to
from .selectors import audit_events_for_log, people_for_directory

PAGE_SIZE = 50


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile")
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "role_labels": [roles.ROLE_LABELS[r] for r in roles.ALL_ROLES if r in roles.roles_of(request.user)],
        },
    )


@login_required
def people(request):
    if not can_list_people(request.user):
        raise Http404
    search = request.GET.get("q", "").strip()[:100]
    page = Paginator(people_for_directory(viewer=request.user, search=search), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "accounts/people.html", {"page": page, "search": search})


@login_required
def person(request, pk: int):
    person = get_object_or_404(users_visible_to(request.user).select_related("organisation", "region"), pk=pk)
    role_names = set(person.groups.values_list("name", flat=True)) | ({roles.ADMIN} if person.is_superuser else set())
    return render(
        request,
        "accounts/person.html",
        {"person": person, "role_labels": [roles.ROLE_LABELS[r] for r in roles.GROUP_ROLES if r in role_names]},
    )


@login_required
def audit_log(request):
    if not can_read_audit_log(request.user):
        raise Http404
    action = request.GET.get("action", "")
    if action not in dict(action_choices()):
        action = ""
    page = Paginator(audit_events_for_log(viewer=request.user, action=action), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "accounts/audit_log.html", {"page": page, "action": action, "actions": action_choices()})
