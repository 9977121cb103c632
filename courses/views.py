"""Thin views for what a learner does outside the page tree: enrol, complete, reflect, see their learning.

Every action takes the page of either language and records against its translation key.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from .models import CourseIndexPage, CoursePage, LessonPage
from .permissions import enrolments_visible_to, visible_page_or_404
from .selectors import my_learning
from .services import CourseError, enrolment_create, enrolment_withdraw, lesson_complete, reflection_save


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@login_required
def learning_dashboard(request):
    catalogue = CourseIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    return render(
        request,
        "courses/my_learning.html",
        {
            "entries": my_learning(learner=request.user, request=request),
            "catalogue_url": catalogue.get_url(request) if catalogue else "",
        },
    )


@login_required
def offline_modules(request):
    """The modules this browser keeps for offline reading. Only the browser knows what it keeps:
    the page's script lists it (lms/static/js/offline.js); the server sends the frame and the words."""
    return render(request, "courses/offline_modules.html")


@login_required
@require_POST
def enrol(request, page_id: int):
    course = visible_page_or_404(request, CoursePage, page_id)
    try:
        enrolment_create(learner=request.user, course=course)
    except CourseError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(course.get_url(request))
    messages.success(request, _("You are enrolled. Start with the first lesson whenever you are ready."))
    return HttpResponseRedirect(course.get_url(request))


@login_required
@require_POST
def withdraw(request, page_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=page_id)
    enrolment = enrolments_visible_to(request.user).filter(learner=request.user, course_key=course.translation_key)
    enrolment = enrolment.first()
    if enrolment is None:
        raise Http404
    enrolment_withdraw(enrolment=enrolment)
    messages.info(request, _("You have left this course. Your progress is kept if you come back."))
    return HttpResponseRedirect(course.get_url(request))


@login_required
@require_POST
def complete_lesson(request, page_id: int):
    lesson = visible_page_or_404(request, LessonPage, page_id)
    try:
        lesson_complete(learner=request.user, lesson=lesson)
    except CourseError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(lesson.get_url(request))
    return HttpResponseRedirect(_safe_next(request, lesson.get_url(request)))


@login_required
@require_POST
def save_reflection(request, page_id: int, block_id: str):
    lesson = visible_page_or_404(request, LessonPage, page_id)
    try:
        reflection_save(learner=request.user, lesson=lesson, block_id=block_id, text=request.POST.get("text", ""))
    except CourseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your reflection is saved. Only you can read it."))
    return HttpResponseRedirect(f"{lesson.get_url(request)}#block-{block_id}")
