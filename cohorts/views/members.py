"""Who is in a cohort: a trainee's record, invitations, join codes, requests, leaving and moving."""

from allauth.account.utils import perform_login
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.permissions import attempts_visible_to, observations_visible_to
from assessments.selectors import course_gain

from .. import selectors
from ..courses_lookup import course_for_key
from ..forms import AccountForm, FirstPasswordForm, InviteForm, JoinForm, MoveForm
from ..models import Attendance, CohortMembership, Invitation
from ..permissions import cohorts_managed_by
from ..services import (
    CohortError,
    account_for_invitation,
    invitation_accept,
    invitation_needs_password,
    invitation_resend,
    invitation_send,
    invitation_set_password,
    join_with_code,
    membership_move,
    membership_withdraw,
    request_decide,
)
from ..throttle import join_codes_blocked, wrong_join_code
from .common import can_manage, managed_cohort, visible_cohort


@login_required
def trainee(request, cohort_id: int, learner_id: int):
    """One trainee's record in this cohort: lessons, attempts, attendance, gain."""
    cohort = visible_cohort(request, cohort_id)
    membership = get_object_or_404(cohort.memberships.select_related("learner", "enrolment"), learner_id=learner_id)
    matrix = selectors.progress_matrix(cohort)
    row = next((r for r in matrix.rows if r.membership.pk == membership.pk), None)
    manage = can_manage(request, cohort)
    moves = (
        cohorts_managed_by(request.user).filter(course_key=cohort.course_key).exclude(pk=cohort.pk) if manage else None
    )
    attempts = attempts_visible_to(request.user).filter(learner_id=learner_id, course_key=cohort.course_key)
    return render(
        request,
        "cohorts/trainee.html",
        {
            "cohort": cohort,
            "course": course_for_key(cohort.course_key),
            "membership": membership,
            "row": row,
            "columns": matrix.columns,
            "cells": list(zip(matrix.columns, row.cells, strict=True)) if row else [],
            "attempts": attempts.order_by("quiz_key", "number"),
            "observations": observations_visible_to(request.user)
            .filter(learner_id=learner_id, course_key=cohort.course_key)
            .select_related("assessor")
            .order_by("assessment_key", "number"),
            "attendance": Attendance.objects.filter(session__cohort=cohort, learner_id=learner_id)
            .select_related("session")
            .order_by("session__starts_at"),
            "gain": course_gain(learner=membership.learner, course_key=cohort.course_key, since=membership.joined_at),
            "can_manage": manage,
            "move_form": MoveForm(cohorts=moves) if moves is not None and moves.exists() else None,
        },
    )


@login_required
def invite(request, cohort_id: int):
    cohort = managed_cohort(request, cohort_id)
    form = InviteForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        sent, problems = [], []
        for email in form.cleaned_data["emails"]:
            try:
                invitation_send(cohort=cohort, email=email, by=request.user, language=form.cleaned_data["language"])
            except CohortError as error:
                problems.append(error.message)
            else:
                sent.append(email)
        if sent:
            messages.success(request, _("Invitations sent: %(count)s.") % {"count": len(sent)})
        for problem in problems:
            messages.warning(request, problem)
        return HttpResponseRedirect(reverse("cohort_invite", args=[cohort.pk]))
    return render(
        request,
        "cohorts/invite.html",
        {"cohort": cohort, "form": form, "invitations": cohort.invitations.select_related("accepted_by")[:100]},
    )


@login_required
def invitation_resend_view(request, cohort_id: int, invitation_id: int):
    """E-mail an invitation again, with a new link (the old one stops working)."""
    cohort = managed_cohort(request, cohort_id)
    invitation = get_object_or_404(cohort.invitations, pk=invitation_id)
    if request.method != "POST":  # after the scoping: someone else's cohort is a 404 whatever the method
        return HttpResponseNotAllowed(["POST"])
    try:
        invitation_resend(invitation=invitation, by=request.user)
    except CohortError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The invitation to %(email)s is sent again.") % {"email": invitation.email})
    return HttpResponseRedirect(reverse("cohort_invite", args=[cohort.pk]))


@login_required
def member_action(request, cohort_id: int, membership_id: int, action: str):
    """Approve or decline a join request; take a trainee out of the cohort or move them."""
    cohort = managed_cohort(request, cohort_id)
    membership = get_object_or_404(cohort.memberships.select_related("learner", "cohort"), pk=membership_id)
    if request.method != "POST":  # after the scoping: someone else's cohort is a 404 whatever the method
        return HttpResponseNotAllowed(["POST"])
    try:
        if action == "approve":
            request_decide(membership=membership, approve=True, by=request.user)
            messages.success(request, _("Request approved; the trainee is enrolled."))
        elif action == "decline":
            request_decide(membership=membership, approve=False, by=request.user)
            messages.success(request, _("Request declined."))
        elif action == "withdraw":
            membership_withdraw(membership=membership, by=request.user)
            messages.success(request, _("The trainee has left the cohort. Their learning records are kept."))
        elif action == "move":
            form = MoveForm(
                request.POST,
                cohorts=cohorts_managed_by(request.user).filter(course_key=cohort.course_key).exclude(pk=cohort.pk),
            )
            if not form.is_valid():
                raise Http404
            moved = membership_move(membership=membership, to_cohort=form.cleaned_data["to_cohort"], by=request.user)
            messages.success(request, _("The trainee is now in %(cohort)s.") % {"cohort": moved.cohort.name})
        else:
            raise Http404
    except CohortError as error:
        messages.error(request, error.message)
    return HttpResponseRedirect(reverse("cohort_dashboard", args=[cohort.pk]))


@login_required
def join(request, code: str = ""):
    """A trainee joins with the code their trainer gave them (typed, or in the link)."""
    form = JoinForm(request.POST or None, initial={"code": code})
    if request.method == "POST" and form.is_valid():
        if join_codes_blocked(request.user):
            form.add_error("code", _("Too many wrong codes. Wait a quarter of an hour and try again."))
            return render(request, "cohorts/join.html", {"form": form}, status=429)
        try:
            membership = join_with_code(learner=request.user, code=form.cleaned_data["code"])
        except CohortError as error:
            if error.code == "join_code":
                wrong_join_code(request.user)
            form.add_error("code", error.message)
        else:
            if membership.status == CohortMembership.Status.REQUESTED:
                messages.success(request, _("Your request is sent. Your trainer will approve it."))
                return HttpResponseRedirect(reverse("my_learning"))
            messages.success(request, _("You have joined %(cohort)s.") % {"cohort": membership.cohort.name})
            course = course_for_key(membership.cohort.course_key)
            return HttpResponseRedirect(course.url if course else reverse("my_learning"))
    return render(request, "cohorts/join.html", {"form": form})


def accept_invitation(request, token: str):
    """The invitation link: sign in (or create the account) with the invited address, then join."""
    invitation = get_object_or_404(Invitation.objects.select_related("cohort", "invited_by"), token=token)
    context = {"invitation": invitation, "course": course_for_key(invitation.cohort.course_key)}
    if not invitation.usable() and not (request.user.is_authenticated and invitation.accepted_by_id == request.user.pk):
        return render(request, "cohorts/invitation.html", {**context, "expired": True}, status=410)
    has_account = get_user_model().objects.filter(email__iexact=invitation.email).exists()
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                invitation_accept(invitation=invitation, user=request.user)
            except CohortError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("You have joined %(cohort)s.") % {"cohort": invitation.cohort.name})
                course = context["course"]
                return HttpResponseRedirect(course.url if course else reverse("my_learning"))
        return render(
            request, "cohorts/invitation.html", {**context, "mismatch": request.user.email != invitation.email}
        )
    if has_account:
        account = invitation_needs_password(invitation)
        if account is None:
            return render(request, "cohorts/invitation.html", {**context, "sign_in": True})
        return _first_password(request, invitation, account, context)
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = account_for_invitation(
                    invitation=invitation,
                    family_name=form.cleaned_data["family_name"],
                    given_name=form.cleaned_data["given_name"],
                    password=form.cleaned_data["password"],
                )
                invitation_accept(invitation=invitation, user=user)
        except CohortError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Welcome. You have joined %(cohort)s.") % {"cohort": invitation.cohort.name})
            return _sign_in(request, user, context["course"])
    return render(request, "cohorts/invitation.html", {**context, "form": form})


def _first_password(request, invitation: Invitation, account, context: dict):
    """An account a spreadsheet import created, already in the cohort: its owner sets a password."""
    form = FirstPasswordForm(request.POST or None, user=account)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_set_password(invitation=invitation, password=form.cleaned_data["password"])
        except CohortError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your password is set. Welcome to %(cohort)s.") % {"cohort": invitation.cohort.name}
            )
            return _sign_in(request, user, context["course"])
    return render(request, "cohorts/invitation.html", {**context, "form": form, "first_password": True})


def _sign_in(request, user, course):
    """Through allauth's flow, like every way into a session (docs/security.md): its stages, its
    signals and audit, then the course."""
    return perform_login(request, user, redirect_url=course.url if course else reverse("my_learning"))
