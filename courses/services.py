"""Writes for courses: enrolment and progress. Keyword-only, atomic, each returns what it wrote.

Every write keys its record to ``translation_key``, so the page of either language may be passed.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import CascadeError

from .models import CoursePage, Enrolment, LessonPage, LessonProgress, Reflection
from .outline import LearnerState, course_of, course_outline
from .selectors import item_locked_reason, locked_reason
from .signals import course_completed

# A heartbeat reports at most this much time, so a tab left open overnight does not count.
MAX_HEARTBEAT_SECONDS = 60
MAX_REFLECTION_LENGTH = 10_000


class CourseError(CascadeError):
    """A request that the rules refuse, with a message the learner can read."""


def missing_prerequisites(*, learner, course: CoursePage) -> list[CoursePage]:
    required = list(course.prerequisites.all())
    if not required:
        return []
    done = set(
        Enrolment.objects.filter(
            learner=learner, course_key__in=[c.translation_key for c in required], completed_at__isnull=False
        ).values_list("course_key", flat=True)
    )
    return [c for c in required if c.translation_key not in done]


@transaction.atomic
def enrolment_create(*, learner, course: CoursePage, source: str = Enrolment.Source.SELF) -> Enrolment:
    """Enrol ``learner`` in ``course``; enrolling again re-activates a withdrawn enrolment.

    Self-enrolment needs an open course and completed prerequisites; cohorts enrol through the
    same service with ``source=cohort``."""
    if source == Enrolment.Source.SELF and not course.self_enrolment:
        raise CourseError(_("This course is taught in cohorts. Ask your trainer or coordinator to enrol you."))
    missing = missing_prerequisites(learner=learner, course=course)
    if missing:
        raise CourseError(
            _("Complete these courses first: %(courses)s.") % {"courses": ", ".join(c.title for c in missing)}
        )
    enrolment, created = Enrolment.objects.get_or_create(
        learner=learner, course_key=course.translation_key, defaults={"source": source}
    )
    if not created and enrolment.status == Enrolment.Status.WITHDRAWN:
        enrolment.status = Enrolment.Status.COMPLETED if enrolment.completed_at else Enrolment.Status.ACTIVE
        enrolment.withdrawn_at = None
        enrolment.save(update_fields=["status", "withdrawn_at"])
    return enrolment


def learners_missing_prerequisites(*, learners, course: CoursePage) -> dict[int, list[CoursePage]]:
    """For many learners at once (a cohort's spreadsheet): learner id → prerequisites not completed."""
    required = list(course.prerequisites.all())
    learner_ids = [learner.pk for learner in learners if learner.pk]
    if not required or not learner_ids:
        return {}
    done: dict[int, set] = {}
    for learner_id, course_key in Enrolment.objects.filter(
        learner_id__in=learner_ids, course_key__in=[c.translation_key for c in required], completed_at__isnull=False
    ).values_list("learner_id", "course_key"):
        done.setdefault(learner_id, set()).add(course_key)
    missing = {}
    for learner_id in learner_ids:
        lacking = [c for c in required if c.translation_key not in done.get(learner_id, set())]
        if lacking:
            missing[learner_id] = lacking
    return missing


@transaction.atomic
def enrolments_create(*, learners, course: CoursePage, source: str = Enrolment.Source.COHORT) -> dict[int, Enrolment]:
    """Enrol many learners at once by the rules of :func:`enrolment_create`, in a fixed number of queries.

    Returns learner id → enrolment. Refuses the whole batch if anyone lacks a prerequisite."""
    learners = list(learners)
    if source == Enrolment.Source.SELF and not course.self_enrolment:
        raise CourseError(_("This course is taught in cohorts. Ask your trainer or coordinator to enrol you."))
    missing = learners_missing_prerequisites(learners=learners, course=course)
    if missing:
        titles = sorted({c.title for lacking in missing.values() for c in lacking})
        raise CourseError(_("Complete these courses first: %(courses)s.") % {"courses": ", ".join(titles)})
    key = course.translation_key
    Enrolment.objects.bulk_create(
        [Enrolment(learner=learner, course_key=key, source=source) for learner in learners], ignore_conflicts=True
    )
    enrolments = Enrolment.objects.filter(learner__in=learners, course_key=key)
    enrolments.filter(status=Enrolment.Status.WITHDRAWN, completed_at__isnull=True).update(
        status=Enrolment.Status.ACTIVE, withdrawn_at=None
    )
    enrolments.filter(status=Enrolment.Status.WITHDRAWN, completed_at__isnull=False).update(
        status=Enrolment.Status.COMPLETED, withdrawn_at=None
    )
    return {enrolment.learner_id: enrolment for enrolment in enrolments}


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment) -> Enrolment:
    """Unenrol. Every record stays; enrolling again picks up where the learner left off."""
    if enrolment.status != Enrolment.Status.WITHDRAWN:
        enrolment.status = Enrolment.Status.WITHDRAWN
        enrolment.withdrawn_at = timezone.now()
        enrolment.save(update_fields=["status", "withdrawn_at"])
    return enrolment


def _progress_for(*, learner, lesson: LessonPage, course_key) -> LessonProgress:
    """The learner's progress row for the lesson, created on first use; safe against a parallel first use."""
    found = LessonProgress.objects.filter(learner=learner, lesson_key=lesson.translation_key).first()
    if found is not None:  # read without a savepoint: the lesson was opened before, as nearly always
        return found
    try:
        with transaction.atomic():
            progress, _created = LessonProgress.objects.get_or_create(
                learner=learner, lesson_key=lesson.translation_key, defaults={"course_key": course_key}
            )
    except IntegrityError:  # another request created it between our read and our write
        progress = LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)
    return progress


# Reopening the lesson last opened within this time writes nothing.
REOPEN_UNRECORDED = timedelta(minutes=5)


def lesson_opened(*, learner, lesson: LessonPage, enrolment: Enrolment) -> None:
    """Remember where the learner is, for "continue where I left off"."""
    now = timezone.now()
    if (
        enrolment.last_lesson_key == lesson.translation_key
        and enrolment.last_activity_at
        and now - enrolment.last_activity_at < REOPEN_UNRECORDED
    ):
        return  # a reload of the lesson just opened: nothing new to remember
    # One statement whether the lesson was opened before or not (insert, or on the row already there
    # move its last opening), where reading first took up to eight for a first opening.
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(
                learner=learner,
                lesson_key=lesson.translation_key,
                course_key=enrolment.course_key,
                first_opened_at=now,
                last_opened_at=now,
            )
        ],
        update_conflicts=True,
        unique_fields=["learner", "lesson_key"],
        update_fields=["last_opened_at"],
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson_key=lesson.translation_key, last_activity_at=now)


@dataclass(frozen=True)
class Completion:
    """A lesson marked complete, and where that leaves the learner in its course."""

    lesson_key: UUID
    completed_at: datetime
    course_percent: int
    course_completed: bool


def lesson_complete(*, learner, lesson: LessonPage, in_order: bool = True) -> Completion:
    """Mark a lesson complete. Idempotent: twice, in two tabs or two languages, counts once.

    A lesson in a module that is still locked is refused, as its page is. ``in_order=False`` is for
    what completes an item without the learner asking: a quiz they passed (its start was checked)
    or a practical assessment an assessor saw them pass.

    When this completes the course, the enrolment records it and ``course_completed`` is sent
    after the transaction commits."""
    return lesson_completion(learner=learner, lesson=lesson, in_order=in_order)


def lesson_completion(*, learner, lesson: LessonPage, in_order: bool = True) -> Completion:
    """``lesson_complete``, with the learner's place in the course afterwards. The learner's
    progress in the course is read once, under the lock on their enrolment (which every completion
    in the course takes first), so nothing completed meanwhile is missed; a lesson completed before
    (a learner marks lessons again as they go back through a course) then writes only the
    enrolment's place."""
    course = course_of(lesson)
    key = lesson.translation_key
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update()
            .filter(learner=learner, course_key=course.translation_key)
            .exclude(status=Enrolment.Status.WITHDRAWN)
            .first()
        )
        if enrolment is None:
            raise CourseError(_("Enrol in this course to record your progress."), "not_enrolled")
        # Every lesson of the course the learner has opened, and when each was completed (or None).
        progress = dict(
            LessonProgress.objects.filter(learner=learner, course_key=course.translation_key).values_list(
                "lesson_key", "completed_at"
            )
        )
        state = LearnerState(
            outline=course_outline(course), completed={done for done, at in progress.items() if at is not None}
        )
        locked = locked_reason(state, lesson) if in_order else ""
        if locked:
            raise CourseError(locked, "locked")
        now = timezone.now()
        completed_at = progress.get(key)
        if key not in progress:  # never opened, or opened while the lesson was in another course
            completed_at = _progress_for(learner=learner, lesson=lesson, course_key=course.translation_key).completed_at
        if completed_at is None:
            LessonProgress.objects.filter(learner=learner, lesson_key=key, completed_at__isnull=True).update(
                completed_at=now
            )
            completed_at = now  # the enrolment's lock keeps any other completion of it waiting
        Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson_key=key, last_activity_at=now)
        # A new state rather than the one above changed: that one may hold what it worked out before.
        state = LearnerState(outline=state.outline, completed=state.completed | {key})
        course_completed_now = enrolment.completed_at is not None
        if not course_completed_now and state.course_complete:
            _record_course_completion(learner=learner, course=course, enrolment=enrolment)
            course_completed_now = True
    return Completion(
        lesson_key=key, completed_at=completed_at, course_percent=state.percent, course_completed=course_completed_now
    )


def _record_course_completion(*, learner, course: CoursePage, enrolment: Enrolment) -> None:
    marked = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
        completed_at=timezone.now(), status=Enrolment.Status.COMPLETED
    )
    if marked:  # only the request that recorded the completion announces it
        course_key, learner_id = course.translation_key, learner.pk
        transaction.on_commit(
            lambda: course_completed.send(sender=Enrolment, learner_id=learner_id, course_key=course_key)
        )


def lesson_heartbeat(*, learner, lesson: LessonPage, seconds: int) -> None:
    """Add reading time to the lesson, a little at a time."""
    seconds = max(0, min(int(seconds), MAX_HEARTBEAT_SECONDS))
    LessonProgress.objects.filter(learner=learner, lesson_key=lesson.translation_key).update(
        seconds_spent=F("seconds_spent") + seconds, last_opened_at=timezone.now()
    )


def reflection_save(*, learner, lesson: LessonPage, block_id: str, text: str) -> Reflection:
    from .blocks import find_block

    locked = item_locked_reason(learner_id=learner.pk, item=lesson)
    if locked:
        raise CourseError(locked, "locked")
    block = find_block(lesson.body, block_id)
    if block is None or block.block_type != "reflection":
        raise CourseError(_("This reflection prompt no longer exists."))
    text = (text or "").strip()
    if not text:
        raise CourseError(_("Write something before saving."))
    if len(text) > MAX_REFLECTION_LENGTH:
        raise CourseError(_("Keep your reflection under %(limit)s characters.") % {"limit": MAX_REFLECTION_LENGTH})
    reflection, _created = Reflection.objects.update_or_create(
        learner=learner, lesson_key=lesson.translation_key, block_id=block_id, defaults={"text": text}
    )
    return reflection
