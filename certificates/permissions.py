"""Who may see and act on which certificates (architecture §4.2), written once.

- A learner sees their own.
- Trainers and master trainers see those of the trainees in cohorts they may read, in that course,
  recorded while the trainee was in the cohort.
- A coordinator sees those of the people of their organisation's subtree, and may revoke and reissue them.
- An administrator sees and does everything.
Anyone may verify a certificate by its code: that is public, and says nothing else about the holder."""

from django.db.models import Q, QuerySet

from accounts import roles
from accounts.permissions import in_coordinated_organisations
from cohorts.permissions import cohorts_visible_to, trainees_work_markable_by, trainees_work_visible_to

from .models import Certificate


def certificates_visible_to(user) -> QuerySet[Certificate]:
    if not getattr(user, "is_authenticated", False):
        return Certificate.objects.none()
    if roles.has_role(user, roles.ADMIN):
        return Certificate.objects.all()
    query = Q(learner=user)
    trainees = trainees_work_visible_to(user, since="created_at")
    if trainees is not None:
        query |= Q(trainees)
    if coordinated := in_coordinated_organisations(user, via="learner"):
        query |= coordinated
    return Certificate.objects.filter(query)


def certificates_managed_by(user) -> QuerySet[Certificate]:
    """Revoke and reissue: coordinators for their organisation's people, administrators for all."""
    if roles.has_role(user, roles.ADMIN):
        return Certificate.objects.all()
    coordinated = in_coordinated_organisations(user, via="learner")
    if coordinated is None:
        return Certificate.objects.none()
    return Certificate.objects.filter(coordinated).exclude(learner=user)


def certificates_approvable_by(user) -> QuerySet[Certificate]:
    """Approve a certificate that waits for it: the trainers who run the holder's cohort of the course."""
    if roles.has_role(user, roles.ADMIN):
        return Certificate.objects.exclude(learner=user)
    condition = trainees_work_markable_by(user, since="created_at")
    if condition is None:
        return Certificate.objects.none()
    return Certificate.objects.filter(condition).exclude(learner=user)


def can_list_certificates(user) -> bool:
    return roles.has_role(user, *roles.COHORT_ROLES)


def bundles_visible_to(user):
    """A ZIP of a cohort's certificates belongs to whoever asked for it (and administrators), while
    they may still see the cohort: a trainer whose authorisation was revoked loses it too."""
    from .models import CertificateBundle

    if not getattr(user, "is_authenticated", False):
        return CertificateBundle.objects.none()
    if roles.has_role(user, roles.ADMIN):
        return CertificateBundle.objects.all()
    return CertificateBundle.objects.filter(requested_by=user, cohort__in=cohorts_visible_to(user))
