"""Who may see which learning records (architecture §4.2).

A learner sees their own enrolments, progress and reflections. Reflections stay private to
their writer, whatever the role. Trainers' view of their trainees' progress is added by the
cohorts app, which owns that relation; coordinators' by the reports app.
"""

from django.db.models import QuerySet
from django.http import Http404
from wagtail.models import PageViewRestriction

from accounts import roles

from .models import Enrolment, LessonProgress, Reflection
from .page_cache import cached, cached_upper


def enrolments_visible_to(user) -> QuerySet[Enrolment]:
    if roles.has_role(user, roles.ADMIN):
        return Enrolment.objects.all()
    if not roles.roles_of(user):
        return Enrolment.objects.none()
    return Enrolment.objects.filter(learner=user)


def lesson_progress_visible_to(user) -> QuerySet[LessonProgress]:
    if roles.has_role(user, roles.ADMIN):
        return LessonProgress.objects.all()
    if not roles.roles_of(user):
        return LessonProgress.objects.none()
    return LessonProgress.objects.filter(learner=user)


def reflections_visible_to(user) -> QuerySet[Reflection]:
    """Only the writer, never an administrator: a reflection may hold what a learner tells no one."""
    if not roles.roles_of(user):
        return Reflection.objects.none()
    return Reflection.objects.filter(learner=user)


def can_view_enrolment(user, enrolment: Enrolment) -> bool:
    return enrolments_visible_to(user).filter(pk=enrolment.pk).exists()


def can_view_lesson_progress(user, progress: LessonProgress) -> bool:
    return lesson_progress_visible_to(user).filter(pk=progress.pk).exists()


def can_view_reflection(user, reflection: Reflection) -> bool:
    return reflections_visible_to(user).filter(pk=reflection.pk).exists()


def page_visible(request, page) -> bool:
    """Whether ``request`` may see ``page`` as Wagtail would serve it: published, and let through
    by every view restriction on it or above it (a password entered in this session, signing in,
    membership of a group). What the page would refuse, the API and the form posts refuse too."""
    if page is None or not page.live:
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def visible_page_or_404(request, model, pk):
    """The published page ``pk`` of ``model`` (a page type), or 404 if there is none or ``request``
    may not see it: a restricted page answers as if it did not exist.

    Read from the page tree's cache (``page_cache.cached``), which a publish, an unpublish or a
    move renews: the API's most frequent writes (completing a lesson, starting a quiz) name their
    page by id, and reading it from the database cost a query of some forty columns each time.
    The page is shared by the requests this process serves: read it, never change it."""
    label = model._meta.label_lower
    page = cached(f"live-page:{label}", pk, lambda: model.objects.live().select_related("locale").filter(pk=pk).first())
    if not page_visible(request, page):
        raise Http404
    return page


def any_restriction() -> bool:
    """Whether any page has a view restriction: a fact of the upper tree, renewed whenever a
    restriction is added or removed."""
    return cached_upper("any-restriction", "", PageViewRestriction.objects.exists)


def hidden_paths(request, restrictions=None) -> list[str]:
    """The tree paths of pages that a view restriction hides from ``request`` (one query, with the
    groups); a page whose path starts with one of them is hidden, as is everything under it.
    Empty, without a query, while no page has a restriction, as on most sites."""
    if not any_restriction():
        return []
    if restrictions is None:
        restrictions = PageViewRestriction.objects.all()
    return [
        restriction.page.path
        for restriction in restrictions.select_related("page").prefetch_related("groups")
        if not restriction.accept_request(request)
    ]


def hidden_paths_below(request, page) -> list[str]:
    """The tree paths of pages below ``page`` that a view restriction hides from ``request`` (one
    query); a page whose path starts with one of them is hidden, as is everything under it."""
    below = PageViewRestriction.objects.filter(page__path__startswith=page.path, page__depth__gt=page.depth)
    return hidden_paths(request, below)
