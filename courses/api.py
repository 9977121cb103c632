"""The courses part of the API. Course and lesson ids are page ids of either language; answers
come in the requested language, and progress is the same whichever id was used."""

from uuid import UUID

from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.responses import Status
from wagtail.models import Locale

from core.api import Id, errors, refusal, refused
from core.formatting import short_datetime

from .models import CoursePage, LessonPage, ModulePage
from .outline import LearnerState, course_outline
from .page_cache import cached
from .permissions import hidden_paths, hidden_paths_below, page_visible, visible_page_or_404
from .selectors import active_enrolment, completed_lesson_keys, my_learning, offline_copy
from .services import CourseError, lesson_completion, lesson_heartbeat

router = Router(tags=["courses"])


class LessonRef(Schema):
    id: int
    key: UUID
    title: str


class MyCourseOut(Schema):
    id: int
    key: UUID
    title: str
    language: str
    status: str
    percent: int
    completed_at: str | None
    next_lesson: LessonRef | None


class LessonOut(Schema):
    id: int
    key: UUID
    kind: str  # "lesson", or "quiz" (and other items apps add to modules)
    title: str
    estimated_minutes: int
    required: bool
    completed: bool


class ModuleOut(Schema):
    id: int
    key: UUID
    title: str
    unlocked: bool
    completed: bool
    lessons: list[LessonOut]


class CourseOut(Schema):
    id: int
    key: UUID
    title: str
    summary: str
    language: str
    enrolled: bool
    percent: int
    modules: list[ModuleOut]


class CompletionOut(Schema):
    lesson_key: UUID
    completed_at: str
    course_percent: int
    course_completed: bool


class OfflineLessonOut(Schema):
    id: int
    key: UUID
    title: str
    url: str


class OfflineMediaOut(Schema):
    url: str
    bytes: int
    content_type: str
    title: str


class OfflineModuleOut(Schema):
    id: int
    key: UUID
    title: str
    language: str
    course_title: str
    course_url: str
    lessons: list[OfflineLessonOut]
    pages: list[str]  # every address to keep, the lessons' among them, each as a link gives it
    # The lessons' uploaded videos and recordings, kept only when the learner asks: their sizes
    # are known here, before anything is downloaded. Linked videos are never listed.
    media: list[OfflineMediaOut]
    media_bytes: int
    # When it was kept, as the site's pages write a moment (core.formatting.short_datetime, in the
    # site's time): the device shows it as it is, never in its own locale or time zone.
    kept_at: str


# Sent by the page's script with what it completed offline and sends later: whose it was. Another
# person signed in since on the same browser has a session and a CSRF token of their own, so the
# request would pass those checks; this one refuses it.
LEARNER_HEADER = "X-Cascade-Learner"


class HeartbeatIn(Schema):
    seconds: int = 30


def _in_active_language(request, page):
    """The same page in the requested language, if it exists and may be seen; otherwise the page itself."""
    language = translation.get_language()
    translated = cached("translation-of", f"{page.pk}:{language}", lambda: _translation_in_active_language(page))
    if translated is None:
        return page
    return translated if page_visible(request, translated) else page


def _translation_in_active_language(page):
    """Cached with the page tree: the course and module answers ask for it on every request."""
    translated = page.get_translation_or_none(Locale.get_active())
    if translated is None or translated.pk == page.pk:
        return None
    translated = translated.specific
    translated.locale  # noqa: B018 -- loaded with it, since the answer names its language
    return translated


@router.get("/me/courses", response={200: list[MyCourseOut], **errors(401, 403)}, summary="My courses, with progress")
def my_courses(request):
    # A course the request may not see (a password not entered in this session, a group the
    # learner left, unpublished) is left out, as its page would refuse it. The restrictions are read
    # once for all the learner's courses, not once per course.
    hidden = hidden_paths(request)
    entries = [
        entry
        for entry in my_learning(learner=request.user, request=request)
        if not any(entry.course.path.startswith(path) for path in hidden)
    ]
    result = []
    for entry in entries:
        next_lesson = None
        state = LearnerState(outline=course_outline(entry.course), completed=entry.completed)
        following = None if entry.enrolment.completed_at else state.resume_at(entry.enrolment.last_lesson_key)
        if following is not None:
            next_lesson = {"id": following.page.pk, "key": following.key, "title": following.page.title}
        result.append(
            {
                "id": entry.course.pk,
                "key": entry.course.translation_key,
                "title": entry.course.title,
                "language": entry.course.locale.language_code,
                "status": entry.enrolment.status,
                "percent": entry.percent,
                "completed_at": entry.enrolment.completed_at.isoformat() if entry.enrolment.completed_at else None,
                "next_lesson": next_lesson,
            }
        )
    return result


@router.get(
    "/courses/{course_id}",
    response={200: CourseOut, **errors(401, 403, 404, 422)},
    summary="A course's structure in the requested language",
)
def course_detail(request, course_id: Id):
    course = _in_active_language(request, visible_page_or_404(request, CoursePage, course_id))
    hidden = hidden_paths_below(request, course)
    enrolment = active_enrolment(learner=request.user, course_key=course.translation_key)
    completed = completed_lesson_keys(learner=request.user, course_key=course.translation_key) if enrolment else set()
    state = LearnerState(outline=course_outline(course), completed=completed)
    return {
        "id": course.pk,
        "key": course.translation_key,
        "title": course.title,
        "summary": course.summary,
        "language": course.locale.language_code,
        "enrolled": enrolment is not None,
        "percent": state.percent,
        "modules": [
            {
                "id": module.page.pk,
                "key": module.key,
                "title": module.page.title,
                "unlocked": state.module_unlocked(module),
                "completed": bool(completed) and state.module_complete(module),
                "lessons": [
                    {
                        "id": lesson.page.pk,
                        "key": lesson.key,
                        "kind": lesson.page._meta.model_name.removesuffix("page"),
                        "title": lesson.page.title,
                        "estimated_minutes": lesson.page.estimated_minutes,
                        "required": lesson.page.required,
                        "completed": lesson.key in completed,
                    }
                    for lesson in module.lessons
                    if not lesson.page.path.startswith(tuple(hidden))
                ],
            }
            for module in state.outline.modules
            if not module.page.path.startswith(tuple(hidden))
        ],
    }


@router.post(
    "/lessons/{lesson_id}/complete",
    response={200: CompletionOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="Mark a lesson complete (idempotent)",
)
def complete(request, lesson_id: Id):
    claimed = request.headers.get(LEARNER_HEADER)
    if claimed is not None and claimed != str(request.user.pk):
        detail = _("This was done under another sign-in on this device; it is not recorded.")
        return refusal(409, detail, "other_learner")
    lesson = visible_page_or_404(request, LessonPage, lesson_id)
    try:
        completion = lesson_completion(learner=request.user, lesson=lesson)
    except CourseError as error:
        # A locked module is a matter of where the learner stands, like a submitted attempt.
        return refused(error, 409 if error.code == "locked" else 400)
    return Status(
        200,
        {
            "lesson_key": completion.lesson_key,
            "completed_at": completion.completed_at.isoformat(),
            "course_percent": completion.course_percent,
            "course_completed": completion.course_completed,
        },
    )


@router.post(
    "/lessons/{lesson_id}/heartbeat",
    response={204: None, **errors(400, 401, 403, 404, 422)},
    summary="Add reading time to a lesson",
)
def heartbeat(request, lesson_id: Id, payload: HeartbeatIn):
    lesson = visible_page_or_404(request, LessonPage, lesson_id)
    lesson_heartbeat(learner=request.user, lesson=lesson, seconds=payload.seconds)
    return Status(204, None)


@router.get(
    "/modules/{module_id}/offline",
    response={200: OfflineModuleOut, **errors(401, 403, 404, 422)},
    summary="What to keep of a module to read it offline",
)
def module_offline(request, module_id: Id):
    """The addresses of a module's lessons (quizzes stay online), its course page and the learner's
    own lists, in the requested language, for a learner enrolled in the course whose module is open:
    anyone else gets 404, as for a page they may not see."""
    module = _in_active_language(request, visible_page_or_404(request, ModulePage, module_id))
    copy = offline_copy(module=module, request=request)
    if copy is None:
        raise Http404
    return {
        "id": copy.module.pk,
        "key": copy.module.translation_key,
        "title": copy.module.title,
        "language": copy.module.locale.language_code,
        "course_title": copy.course.title,
        "course_url": copy.course_url,
        "lessons": [
            {"id": lesson.pk, "key": lesson.translation_key, "title": lesson.title, "url": url}
            for lesson, url in copy.lessons
        ],
        "pages": copy.pages,
        "media": [
            {"url": item.url, "bytes": item.bytes, "content_type": item.content_type, "title": item.title}
            for item in copy.media
        ],
        "media_bytes": sum(item.bytes for item in copy.media),
        "kept_at": short_datetime(timezone.now()),
    }
