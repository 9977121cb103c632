"""Reads shared by the course pages, views and API. Each works with a fixed number of queries."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.formatting import language_in_sentence
from core.low_data import low_data
from core.word_match import matches

from .by_key import pages_by_key
from .lesson_body import has_reflections, lesson_body_parts
from .models import Audience, CourseIndexPage, CoursePage, Enrolment, LessonPage, LessonProgress, Reflection, Topic
from .outline import CourseOutline, LearnerState, course_of, course_outline
from .page_cache import cached
from .permissions import hidden_paths
from .routing import site_for_request
from .stand_ins import FIELDS as STAND_IN_FIELDS
from .stand_ins import stand_ins
from .support import support_for


def completed_lesson_keys(*, learner, course_key: UUID) -> set[UUID]:
    return _completed_keys(learner.pk, course_key)


def _completed_keys(learner_id, course_key: UUID) -> set[UUID]:
    return set(
        LessonProgress.objects.filter(
            learner_id=learner_id, course_key=course_key, completed_at__isnull=False
        ).values_list("lesson_key", flat=True)
    )


def active_enrolment(*, learner, course_key: UUID) -> Enrolment | None:
    if not getattr(learner, "is_authenticated", False):
        return None
    # One enrolment per learner and course (a unique constraint): read it and look at its state,
    # rather than ask the database for "not withdrawn, the first" on every lesson and course page.
    enrolment = next(iter(Enrolment.objects.filter(learner_id=learner.pk, course_key=course_key)), None)
    if enrolment is None or enrolment.status == Enrolment.Status.WITHDRAWN:
        return None
    return enrolment


# --- Languages ---------------------------------------------------------------------------


def complete_languages(course_keys: set[UUID]) -> dict[UUID, list[str]]:
    """For each course, the languages it is completely translated into (itself and every live page
    below it is a real translation, not a stand-in of another language: ``stand_ins``). Cached
    until the page tree changes; two queries when it has."""
    if not course_keys:
        return {}
    key = hashlib.sha1(",".join(sorted(str(k) for k in course_keys)).encode(), usedforsecurity=False).hexdigest()
    return cached("complete-languages", key, lambda: _complete_languages(course_keys))


def _complete_languages(course_keys: set[UUID]) -> dict[UUID, list[str]]:
    courses = CoursePage.objects.live().filter(translation_key__in=course_keys).values_list("path", "translation_key")
    course_paths = dict(courses)
    if not course_paths:
        return {}
    tree = Q()
    for path in course_paths:
        tree |= Q(path__startswith=path)
    rows = list(Page.objects.live().filter(tree).values_list("path", *STAND_IN_FIELDS))
    standing_in = stand_ins(row[1:] for row in rows)
    depth_chars = len(next(iter(course_paths)))
    keys_by_course: dict[UUID, set[UUID]] = defaultdict(set)
    real: dict[tuple[UUID, str], set[UUID]] = defaultdict(set)
    for path, pk, key, language, _title, _alias_of in rows:
        course_key = course_paths.get(path[:depth_chars])
        if course_key is None:
            continue
        keys_by_course[course_key].add(key)
        if pk not in standing_in:
            real[(course_key, language)].add(key)
    return {
        course_key: [code for code, _name in settings.LANGUAGES if keys and real[(course_key, code)] >= keys]
        for course_key, keys in keys_by_course.items()
    }


def course_stand_ins(outline: CourseOutline) -> dict[int, str]:
    """The pages of ``outline`` (the course, its modules and items) that stand in for a translation
    not made yet (``stand_ins``): pk → the language they are written in. Read with the outline,
    in the same query."""
    return outline.stand_ins


def written_in(page: Page, shown_in: str = "") -> str:
    """The language ``page`` is written in where it is not its own, because it is not translated yet
    (an alias of that language's page, or a copy still in ``shown_in``, its language); else ""."""
    if page.alias_of_id is None:
        source = shown_in
    else:
        source = Page.objects.filter(pk=page.alias_of_id).values_list("locale__language_code", flat=True).first()
    return "" if not source or source == page.locale.language_code else source


def language_notice(page: Page, shown_in: str = "") -> str:
    """A notice for a page shown in another language because it is not translated yet."""
    return _notice(page, written_in(page, shown_in))


def _notice(page: Page, source: str) -> str:
    if not source:
        return ""
    return _("This page is not yet translated into %(language)s. It is shown in %(source)s.") % {
        "language": language_in_sentence(page.locale.language_code),
        "source": language_in_sentence(source),
    }


# --- The catalogue --------------------------------------------------------------------------


@dataclass
class CatalogueEntry:
    page: CoursePage
    languages: list[str]
    enrolment: Enrolment | None
    shown_in: str = ""  # the language of its title, where it is not translated yet


def catalogue_for(*, index_page: CourseIndexPage, request) -> dict:
    """Courses of the catalogue in the current language (or, where a course has no page in it,
    in the other), filtered by audience, topic, complete language and a search in both languages."""
    params = request.GET
    current = get_language()
    pages = (
        CoursePage.objects.live()
        .select_related("locale", "cover_image")
        .prefetch_related("audiences", "topics")
        .order_by("path")
    )
    audience = params.get("audience", "")
    topic = params.get("topic", "")
    language = params.get("language", "")
    query = params.get("q", "").strip()[:100]
    if audience:
        pages = pages.filter(audiences__code=audience)
    if topic:
        pages = pages.filter(topics__code=topic)
    pages = list(pages)
    if query:
        # A course is found when one of its languages holds every word of the search, in any of
        # its inflected forms (Mongolian inflects by endings: "худалдаа" finds "худалдаалах").
        matching = {
            page.translation_key for page in pages if matches(query, page.title, page.summary, page.content_note)
        }
        pages = [page for page in pages if page.translation_key in matching]

    # A course behind a view restriction (a password not entered, a group the visitor is not in)
    # is not listed, title and summary included, as its page and the API would refuse it.
    hidden = tuple(hidden_paths(request))
    chosen: dict[UUID, CoursePage] = pages_by_key(
        (page for page in pages if not (hidden and page.path.startswith(hidden))), current
    )
    languages = complete_languages(set(chosen))
    if language:
        chosen = {key: page for key, page in chosen.items() if language in languages.get(key, [])}
    enrolments = {}
    if request.user.is_authenticated:
        enrolments = {
            e.course_key: e
            for e in Enrolment.objects.filter(learner=request.user, course_key__in=chosen).exclude(
                status=Enrolment.Status.WITHDRAWN
            )
        }
    standing_in = stand_ins(
        (page.pk, page.translation_key, page.locale.language_code, page.title, page.alias_of_id) for page in pages
    )
    entries = [
        CatalogueEntry(page, languages.get(key, []), enrolments.get(key), standing_in.get(page.pk, ""))
        for key, page in chosen.items()
    ]
    return {
        "entries": entries,
        "audiences": Audience.objects.all(),
        "topics": Topic.objects.all(),
        "language_choices": settings.LANGUAGES,
        "filters": {"audience": audience, "topic": topic, "language": language, "q": query},
        "is_filtered": bool(audience or topic or language or query),
        # Courses with a content note are followed by whom to call, once for the whole list.
        "support": support_for(index_page) if any(entry.page.content_note for entry in entries) else (),
    }


# --- A course page ----------------------------------------------------------------------------


@dataclass
class LessonRow:
    lesson: object
    url: str
    minutes: str
    complete: bool
    is_next: bool
    shown_in: str = ""  # the language of its title, where it is not translated yet


@dataclass
class ModuleRow:
    module: object
    unlocked: bool
    complete: bool
    lessons: list[LessonRow]
    shown_in: str = ""


def _module_rows(state: LearnerState, request, next_key: UUID | None) -> list[ModuleRow]:
    # A course page lists every lesson: build the addresses and labels here, not once per lesson
    # in the template, where each costs a URL resolution or a translation lookup.
    course_url = state.outline.course.get_url(request)
    standing_in = course_stand_ins(state.outline)
    minutes: dict[int, str] = {}  # lessons mostly share a few lengths: one translation each
    rows = []
    for module in state.outline.modules:
        unlocked = state.module_unlocked(module)
        rows.append(
            ModuleRow(
                module=module.page,
                unlocked=unlocked,
                complete=bool(state.completed) and state.module_complete(module),
                lessons=[
                    LessonRow(
                        lesson=lesson.page,
                        url=state.outline.url_below(course_url, lesson.page),
                        minutes=_minutes(minutes, lesson.page.estimated_minutes),
                        complete=lesson.key in state.completed,
                        is_next=lesson.key == next_key,
                        shown_in=standing_in.get(lesson.page.pk, ""),
                    )
                    for lesson in module.lessons
                ],
                shown_in=standing_in.get(module.page.pk, ""),
            )
        )
    return rows


def _minutes(labels: dict[int, str], minutes: int) -> str:
    if minutes not in labels:
        labels[minutes] = _("%(minutes)s min") % {"minutes": minutes}
    return labels[minutes]


def course_page_context(*, course: CoursePage, request) -> dict:
    user = request.user
    outline = course_outline(course)
    enrolment = active_enrolment(learner=user, course_key=course.translation_key)
    completed = completed_lesson_keys(learner=user, course_key=course.translation_key) if enrolment else set()
    state = LearnerState(outline=outline, completed=completed)
    resume = None
    if enrolment:
        resume = state.resume_at(enrolment.last_lesson_key)
    missing = []
    if user.is_authenticated and not enrolment:
        from .services import missing_prerequisites

        missing = missing_prerequisites(learner=user, course=course)
    return {
        "outline": outline,
        "modules": _module_rows(state, request, resume.key if resume else None),
        "enrolment": enrolment,
        "percent": state.percent,
        "resume_url": resume.page.get_url(request) if resume else "",
        "lesson_count": len(outline.lessons),
        "can_self_enrol": course.self_enrolment and not enrolment and not missing,
        "missing_prerequisites": missing,
        "languages": complete_languages({course.translation_key}).get(course.translation_key, []),
        "language_notice": language_notice(course, course_stand_ins(outline).get(course.pk, "")),
        "support": support_for(course) if course.content_note else (),
    }


# --- A lesson -------------------------------------------------------------------------------------


@dataclass
class LessonAccess:
    allowed: bool
    login_required: bool = False
    reason: str = ""
    redirect_to: str = ""
    course: CoursePage | None = None
    enrolment: Enrolment | None = None
    state: LearnerState | None = None


def lesson_access(*, learner, lesson: LessonPage) -> LessonAccess:
    """May ``learner`` read ``lesson``: signed in, enrolled, and (in a sequential course) its module open."""
    if not learner.is_authenticated:
        return LessonAccess(allowed=False, login_required=True)
    course = course_of(lesson)
    enrolment = active_enrolment(learner=learner, course_key=course.translation_key)
    if enrolment is None:
        return LessonAccess(
            allowed=False, reason=_("Enrol in this course to read its lessons."), redirect_to=course.url
        )
    state = LearnerState(
        outline=course_outline(course),
        completed=completed_lesson_keys(learner=learner, course_key=course.translation_key),
    )
    locked = locked_reason(state, lesson)
    if locked:
        return LessonAccess(allowed=False, reason=locked, redirect_to=course.url)
    return LessonAccess(allowed=True, course=course, enrolment=enrolment, state=state)


def locked_reason(state: LearnerState, item) -> str:
    """Why ``item`` (a lesson, a quiz: anything a module holds) is closed to the learner whose
    ``state`` this is, or "" if it is open: in a sequential course, a module opens when every module
    before it is complete. The one rule for reading an item and for every write on it (completing a
    lesson, starting a quiz, saving and submitting answers), on the pages and in the API."""
    module = state.outline.module_of(item.translation_key)
    if module is None or state.module_unlocked(module):
        return ""
    blocking = next(m for m in state.outline.modules if not state.module_complete(m))
    return _("This module opens when you complete “%(module)s”.") % {"module": blocking.page.title}


def item_locked_reason(*, learner_id: int, item) -> str:
    """``locked_reason`` for the learner ``learner_id`` and ``item``, read from the database (one
    query, none for a course whose modules open in any order)."""
    course = course_of(item)
    if not course.sequential:
        return ""
    completed = _completed_keys(learner_id, course.translation_key)
    return locked_reason(LearnerState(outline=course_outline(course), completed=completed), item)


def knowledge_check_result(*, lesson: LessonPage, block_id: str, choice: str) -> dict | None:
    """Feedback for the answer a learner chose: computed here, never sent with the question."""
    from .blocks import find_block

    block = find_block(lesson.body, block_id)
    if block is None or block.block_type != "knowledge_check":
        return None
    try:
        index = int(choice)
        chosen = block.value["choices"][index]
    except (TypeError, ValueError, IndexError):
        return None
    return {
        "block_id": block_id,
        "choice": index,
        "correct": bool(chosen["correct"]),
        "feedback": chosen["feedback"],
        "explanation": block.value["explanation"],
    }


def _untranslated(lesson: LessonPage, shown_in: str) -> dict:
    """The notice over a lesson not translated yet, and the language its text is in: the page
    marks it (``lang``), so that a screen reader reads Mongolian text with a Mongolian voice."""
    source = written_in(lesson, shown_in)
    return {"language_notice": _notice(lesson, source), "written_in": source}


def untranslated(page: Page) -> dict:
    """``_untranslated`` for a page read on its own (a quiz, its attempt), outside a course outline:
    whether it stands in for a translation not made yet, asked of its translations once per
    version of the page tree."""

    def source() -> str:
        pages = Page.objects.filter(translation_key=page.translation_key).values_list(*STAND_IN_FIELDS)
        return written_in(page, stand_ins(pages).get(page.pk, ""))

    language = cached("written-in", page.pk, source)
    return {"language_notice": _notice(page, language), "written_in": language}


def lesson_page_context(*, lesson: LessonPage, request) -> dict:
    access: LessonAccess | None = getattr(request, "cascade_lesson_access", None)
    if access is None:  # an editor's preview
        return {"preview": True, "support": support_for(lesson)}
    state = access.state
    key = lesson.translation_key
    lessons = state.outline.lessons
    position = next(i for i, item in enumerate(lessons) if item.key == key)
    module = state.outline.module_of(key)
    check = None
    if request.GET.get("kc"):
        check = knowledge_check_result(lesson=lesson, block_id=request.GET["kc"], choice=request.GET.get("choice"))
    previous_lesson = lessons[position - 1].page if position > 0 else None
    next_lesson = lessons[position + 1].page if position + 1 < len(lessons) else None
    # Addresses below the course follow the tree: one URL lookup for the course, none per lesson.
    course_url = access.course.get_url(request)
    return {
        "course": access.course,
        "course_url": course_url,
        "module": module.page if module else None,
        # Worded here rather than with {% blocktranslate %}: one gettext each instead of a template
        # node tree, on the page learners open most.
        "position_label": _("Lesson %(number)s of %(total)s") % {"number": position + 1, "total": len(lessons)},
        "minutes_label": _("about %(minutes)s min") % {"minutes": lesson.estimated_minutes},
        "previous_lesson": previous_lesson,
        "previous_url": state.outline.url_below(course_url, previous_lesson) if previous_lesson else "",
        "next_lesson": next_lesson,
        "next_url": state.outline.url_below(course_url, next_lesson) if next_lesson else "",
        "is_complete": key in state.completed,
        "percent": state.percent,
        "body_parts": lesson_body_parts(lesson, low_data=low_data(request).on),
        "reflections": dict(
            Reflection.objects.filter(learner_id=request.user.pk, lesson_key=key).values_list("block_id", "text")
        )
        if has_reflections(lesson)
        else {},
        "knowledge_check": check,
        **_untranslated(lesson, course_stand_ins(state.outline).get(lesson.pk, "")),
        # A hard lesson ends with whom to call (its content notes carry the same lines).
        "support": support_for(lesson) if lesson.distressing else (),
    }


# --- My learning --------------------------------------------------------------------------------


@dataclass
class LearningEntry:
    enrolment: Enrolment
    course: CoursePage
    percent: int
    next_url: str
    next_title: str
    # What the learner has completed in it, read for all their courses at once.
    completed: set[UUID] = field(default_factory=set)


def my_learning(*, learner, request) -> list[LearningEntry]:
    """The learner's courses, in the current language where it exists, with progress and the next step."""
    enrolments = list(
        Enrolment.objects.filter(learner=learner)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .order_by("-last_activity_at", "-enrolled_at")
    )
    if not enrolments:
        return []
    keys = {e.course_key for e in enrolments}
    courses: dict[UUID, CoursePage] = pages_by_key(
        CoursePage.objects.live().filter(translation_key__in=keys).select_related("locale").order_by("path")
    )
    site_for_request(request)  # the links below then find the site without asking the database
    completed_by_course: dict[UUID, set[UUID]] = defaultdict(set)
    for course_key, lesson_key in LessonProgress.objects.filter(
        learner=learner, course_key__in=keys, completed_at__isnull=False
    ).values_list("course_key", "lesson_key"):
        completed_by_course[course_key].add(lesson_key)
    entries = []
    for enrolment in enrolments:
        course = courses.get(enrolment.course_key)
        if course is None:
            continue
        outline: CourseOutline = course_outline(course)
        state = LearnerState(outline=outline, completed=completed_by_course[enrolment.course_key])
        following = state.resume_at(enrolment.last_lesson_key)
        entries.append(
            LearningEntry(
                enrolment=enrolment,
                course=course,
                percent=100 if enrolment.completed_at else state.percent,
                next_url=following.page.get_url(request) if following else course.get_url(request),
                next_title=following.page.title if following else "",
                completed=state.completed,
            )
        )
    return entries


# --- A module kept for offline reading ----------------------------------------------------------


@dataclass
class OfflineCopy:
    """What a learner's browser keeps of a module to read it without a connection: the module's
    lessons as the learner sees them, the course page that leads to them, and the learner's own
    pages that list what is kept. Quizzes and other items stay online: their answers are marked on
    the server."""

    module: object
    course: CoursePage
    course_url: str
    lessons: list[tuple[LessonPage, str]]
    pages: list[str]
    # The uploaded videos and recordings of those lessons: kept only when the learner asks, after
    # seeing their size, since one video may weigh more than all the rest of the module.
    media: list["OfflineMedia"] = field(default_factory=list)


@dataclass(frozen=True)
class OfflineMedia:
    url: str  # as the lesson's player links it
    bytes: int
    content_type: str
    title: str


def offline_copy(*, module, request) -> OfflineCopy | None:
    """The pages of ``module`` (a ``ModulePage`` the request may see) that its learner may keep, or
    None when the learner may not read its lessons: not enrolled in the course, or the module is
    still locked. A lesson hidden from the request by a view restriction is left out."""
    from django.urls import reverse

    from .permissions import hidden_paths_below

    course = module.get_parent().specific
    enrolment = active_enrolment(learner=request.user, course_key=course.translation_key)
    if enrolment is None:
        return None
    state = LearnerState(
        outline=course_outline(course),
        completed=completed_lesson_keys(learner=request.user, course_key=course.translation_key),
    )
    found = next((item for item in state.outline.modules if item.key == module.translation_key), None)
    if found is None or not state.module_unlocked(found):
        return None
    hidden = tuple(hidden_paths_below(request, course))
    course_url = course.get_url(request)
    lessons = [
        (lesson.page, state.outline.url_below(course_url, lesson.page))
        for lesson in found.lessons
        if isinstance(lesson.page, LessonPage) and not (hidden and lesson.page.path.startswith(hidden))
    ]
    pages = [course_url, *(url for _page, url in lessons), reverse("my_learning"), reverse("offline_modules")]
    return OfflineCopy(
        module=found.page,
        course=course,
        course_url=course_url,
        lessons=lessons,
        pages=pages,
        media=_offline_media(request, [page.pk for page, _url in lessons]),
    )


def _offline_media(request, lesson_ids: list[int]) -> list[OfflineMedia]:
    """The uploaded videos and recordings of these lessons, in lesson order, each once, with the size
    the upload recorded: two queries whatever the number of lessons, and one per collection of
    documents for its view restrictions. A linked video is never among them (another site serves
    it), nor a document the request may not be served (a restricted collection)."""
    from wagtail.documents import get_document_model

    from .lesson_body import media_document_ids

    bodies = dict(LessonPage.objects.filter(pk__in=lesson_ids).values_list("pk", "body"))
    ids = list(dict.fromkeys(doc_id for pk in lesson_ids if pk in bodies for doc_id in media_document_ids(bodies[pk])))
    if not ids:
        return []
    documents = get_document_model().objects.filter(pk__in=ids).select_related("collection").in_bulk()
    allowed: dict[int, bool] = {}
    media = []
    for doc_id in ids:
        document = documents.get(doc_id)
        if document is None:
            continue
        if document.collection_id not in allowed:
            allowed[document.collection_id] = all(
                restriction.accept_request(request) for restriction in document.collection.get_view_restrictions()
            )
        if not allowed[document.collection_id]:
            continue
        size = document.file_size if document.file_size is not None else document.get_file_size()
        if size is None:
            continue  # its file is gone: nothing to keep
        media.append(
            OfflineMedia(url=document.url, bytes=size, content_type=document.content_type, title=document.title)
        )
    return media
