"""The demo's cascade: a coordinator authorises master@ by hand; master@'s training-of-trainers cohort
authorises trainer@ and trainer2@; each of them runs a cohort of the interviewing course, one online and
one in person in an aimag, with trainees at every stage, sessions and attendance.

Every record is written by the services the site itself uses (cohorts, courses, assessments); only
timestamps are moved back afterwards, so the demo looks like weeks of training rather than one second.
Idempotent: a cohort is found by its name and lead trainer, a session by its title in its cohort;
attendance is taken when a session is created, and trainees already in a cohort are left as they are.
"""

import random
import uuid
from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import Organisation, Region, User
from assessments.models import Attempt, Observation, PracticalAssessmentPage, QuizPage
from assessments.services import answer_save, attempt_start, attempt_submit, observation_record
from cohorts.models import Attendance, Cohort, CohortMembership, TeachingAuthorisation, TrainingSession
from cohorts.services import (
    attendance_record,
    authorisation_grant,
    cohort_create,
    cohort_update,
    join_with_code,
    membership_complete_if_done,
    memberships_add_many,
    session_create,
)
from courses.models import CoursePage, Enrolment, LessonProgress, ModulePage
from courses.outline import course_outline
from courses.services import lesson_complete

from .assessments import _mark_written_answers, _right_response, _wrong_response
from .cohorts_content import (
    COHORTS,
    MASTER,
    MASTER_AUTHORISATIONS,
    MASTER_AUTHORISED_DAYS_AGO,
    MASTER_GRANTED_BY,
    STAGES,
    TRAINEES,
)
from .content import DEMO_PASSWORD
from .people import seed_person

JOINED_AT = time(9, 0)
ACTIVE_UNTIL = time(19, 30)


def _course(slug: str) -> CoursePage:
    return CoursePage.objects.get(locale__language_code="mn", slug=slug)


def _at(day, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def seed_trainees() -> dict[str, User]:
    """The fictional trainees, with verified addresses and the demo's password (hashed once for all)."""
    organisations = {organisation.code: organisation for organisation in Organisation.objects.all()}
    regions = {region.code: region for region in Region.objects.all()}
    password = make_password(DEMO_PASSWORD)
    trainees: dict[str, User] = {}
    for (email, org_code, region_code, family, given, latin_family, latin_given, position, gender,
         language) in TRAINEES:  # fmt: skip
        user = seed_person(
            email=email, organisation=organisations[org_code], region=regions.get(region_code), family=family,
            given=given, latin_family=latin_family, latin_given=latin_given, position=position, gender=gender,
            language=language, password=password,
        )  # fmt: skip
        trainees[email] = user
    return trainees


def seed_master_authorisations(people: dict) -> None:
    """A coordinator authorised the master trainer by hand, with a written reason, months ago."""
    master, coordinator = people[MASTER], people[MASTER_GRANTED_BY]
    granted_at = timezone.now() - timedelta(days=MASTER_AUTHORISED_DAYS_AGO)
    for slug, reason in MASTER_AUTHORISATIONS:
        course = _course(slug)
        if TeachingAuthorisation.objects.current().filter(trainer=master, course_key=course.translation_key).exists():
            continue
        authorisation = authorisation_grant(trainer=master, course=course, by=coordinator, evidence=reason)
        TeachingAuthorisation.objects.filter(pk=authorisation.pk).update(granted_at=granted_at)


# --- A trainee's progress ------------------------------------------------------------------------


def _take_quiz(learner: User, quiz: QuizPage, *, right: bool, marker: User | None) -> Attempt:
    """One attempt, answered all right or all wrong, through the learner's services."""
    locale = Locale.objects.filter(language_code=learner.preferred_language).first()
    page = (quiz.get_translation_or_none(locale) if locale else None) or quiz
    number = Attempt.objects.filter(learner=learner, quiz_key=quiz.translation_key).count() + 1
    # A fixed seed: the same questions whenever the demo is built.
    rng = random.Random(f"{quiz.slug}:{learner.email}:{number}")  # noqa: S311
    attempt = attempt_start(learner=learner, quiz=page, rng=rng)
    for entry in attempt.snapshot:
        response = _right_response(entry, attempt.language) if right else _wrong_response(entry, attempt.language)
        if response is not None:
            answer_save(attempt=attempt, question_id=entry["id"], response=response)
    attempt = attempt_submit(attempt=attempt)
    if right and marker is not None and attempt.needs_grading:
        _mark_written_answers(attempt, marker=marker)
    return attempt


def seed_stage(*, learner: User, course: CoursePage, stage: str, marker: User) -> None:
    """Bring ``learner`` to ``stage`` (see ``STAGES``): lessons completed and quizzes taken, in course order.
    What is already done is not done again."""
    done, failures, marked = STAGES[stage]
    items = [item.page for item in course_outline(course).lessons if item.page.required]
    done = len(items) if done is None else done
    completed = set(
        LessonProgress.objects.filter(
            learner=learner, course_key=course.translation_key, completed_at__isnull=False
        ).values_list("lesson_key", flat=True)
    )
    for page in items[:done]:
        if page.translation_key in completed:
            continue
        if isinstance(page, QuizPage):
            _take_quiz(learner, QuizPage.objects.get(pk=page.pk), right=True, marker=marker if marked else None)
        elif isinstance(page, PracticalAssessmentPage):
            assessment = PracticalAssessmentPage.objects.get(pk=page.pk)
            best = [len(block.value["levels"]) - 1 for block in assessment.rubric]
            _observe(learner, assessment, assessor=marker, levels=best, day=timezone.localdate())
        else:
            lesson_complete(learner=learner, lesson=page)
    if failures and done < len(items) and isinstance(items[done], QuizPage):
        quiz = QuizPage.objects.get(pk=items[done].pk)
        failed = Attempt.objects.filter(learner=learner, quiz_key=quiz.translation_key, passed=False).count()
        for _attempt in range(failures - failed):
            _take_quiz(learner, quiz, right=False, marker=None)


def _observe(
    learner: User,
    assessment: PracticalAssessmentPage,
    *,
    assessor: User,
    levels: list[int],
    day,
    comments: dict[int, str] | None = None,
    comment: str = "",
) -> Observation:
    """The assessor scores ``learner``, a level for each criterion in rubric order, as on the scoring form."""
    ids = [block.id for block in assessment.rubric]
    observation = observation_record(
        assessor=assessor,
        learner=learner,
        assessment=assessment,
        levels=dict(zip(ids, levels, strict=True)),
        criterion_comments={ids[position]: text for position, text in (comments or {}).items()},
        comment=comment,
        observed_on=day,
        submission_key=uuid.uuid4(),
    )
    Observation.objects.filter(pk=observation.pk).update(recorded_at=_at(day, time(16, 0)))
    return observation


def seed_observations(*, cohort: Cohort, course: CoursePage, spec: dict, everyone: dict) -> None:
    """The lead trainer's observations of each member's practical assessment, as ``spec`` lists them."""
    assessments = [
        item.page for item in course_outline(course).lessons if isinstance(item.page, PracticalAssessmentPage)
    ]
    if not assessments:
        return
    assessment = PracticalAssessmentPage.objects.get(pk=assessments[0].pk)
    for email, observations in spec.get("observations", {}).items():
        learner = everyone[email]
        if Observation.objects.filter(learner=learner, assessment_key=assessment.translation_key).exists():
            continue
        for day, levels, comments, comment in observations:
            _observe(
                learner,
                assessment,
                assessor=cohort.lead_trainer,
                levels=levels,
                day=cohort.starts_on + timedelta(days=day),
                comments=comments,
                comment=comment,
            )


def _backdate(*, membership: CohortMembership, course: CoursePage, joined_day: int, last_day: int | None) -> None:
    """Move the member's records back into the cohort's weeks: joined on ``joined_day``, then the
    lessons and attempts spread evenly until ``last_day`` (None: leave their learning records as they are)."""
    cohort, learner = membership.cohort, membership.learner
    joined_at = _at(cohort.starts_on + timedelta(days=joined_day), JOINED_AT)
    CohortMembership.objects.filter(pk=membership.pk).update(joined_at=joined_at)
    Enrolment.objects.filter(pk=membership.enrolment_id, enrolled_at__gt=joined_at).update(enrolled_at=joined_at)
    if last_day is None:
        return
    last_at = min(_at(cohort.starts_on + timedelta(days=last_day), ACTIVE_UNTIL), timezone.now() - timedelta(hours=1))
    minutes = {item.key: item.page.estimated_minutes or 10 for item in course_outline(course).lessons}
    progress = LessonProgress.objects.filter(learner=learner, course_key=cohort.course_key, completed_at__isnull=False)
    attempts = Attempt.objects.filter(learner=learner, course_key=cohort.course_key)
    events = sorted(
        [(record.completed_at, record) for record in progress]
        + [(record.submitted_at or record.started_at, record) for record in attempts],
        key=lambda event: event[0],
    )
    if not events:
        return
    first_at = joined_at + timedelta(hours=2)
    step = (last_at - first_at) / max(len(events) - 1, 1)
    for number, (_moment, record) in enumerate(events):
        moment = last_at if len(events) == 1 else first_at + step * number
        if isinstance(record, LessonProgress):
            spent = timedelta(minutes=minutes.get(record.lesson_key, 10))
            LessonProgress.objects.filter(pk=record.pk).update(
                first_opened_at=moment - spent,
                last_opened_at=moment,
                completed_at=moment,
                seconds_spent=int(spent.total_seconds()),
            )
        else:
            spent = timedelta(minutes=minutes.get(record.quiz_key, 10))
            Attempt.objects.filter(pk=record.pk).update(
                started_at=moment - spent, submitted_at=moment if record.submitted_at else None
            )
            record.answers.update(saved_at=moment - spent / 2)
            record.answers.filter(graded_at__isnull=False).update(graded_at=min(moment + timedelta(days=1), last_at))
    enrolment = Enrolment.objects.filter(pk=membership.enrolment_id)
    enrolment.update(last_activity_at=last_at)
    enrolment.filter(completed_at__isnull=False).update(completed_at=last_at)
    membership.refresh_from_db()
    if membership.status == CohortMembership.Status.COMPLETED:
        taken = cohort.sessions.filter(attendance_taken_at__isnull=False).order_by("-attendance_taken_at").first()
        completed_at = max(last_at, taken.attendance_taken_at) if taken and cohort.min_attendance_percent else last_at
        CohortMembership.objects.filter(pk=membership.pk).update(completed_at=completed_at)
        TeachingAuthorisation.objects.filter(source_cohort=cohort, trainer=learner).update(granted_at=completed_at)


# --- Cohorts -------------------------------------------------------------------------------------


def seed_sessions(*, cohort: Cohort, course: CoursePage, spec: dict, everyone: dict) -> None:
    """The cohort's sessions; attendance is taken for those already over when they are created."""
    existing = set(cohort.sessions.values_list("title", flat=True))
    modules = {module.slug: module.translation_key for module in ModulePage.objects.child_of(course)}
    now = timezone.now()
    for session_spec in spec["sessions"]:
        if session_spec["title"] in existing:
            continue
        starts_at = _at(cohort.starts_on + timedelta(days=session_spec["day"]), time.fromisoformat(session_spec["at"]))
        ends_at = starts_at + timedelta(hours=session_spec["hours"])
        session = session_create(
            cohort=cohort,
            starts_at=starts_at,
            ends_at=ends_at,
            place=spec.get("place", cohort.location),
            title=session_spec["title"],
            module_key=modules.get(session_spec["module"]),
        )
        if ends_at >= now:
            continue
        marks = {everyone[email].pk: status for email, status in session_spec["marks"].items()}
        attendance_record(session=session, marks=marks, by=cohort.lead_trainer)
        taken_at = ends_at + timedelta(minutes=10)
        TrainingSession.objects.filter(pk=session.pk).update(attendance_taken_at=taken_at)
        Attendance.objects.filter(session=session).update(recorded_at=taken_at)


def seed_cohort(spec: dict, everyone: dict) -> Cohort:
    course = _course(spec["course"])
    lead = everyone[spec["lead"]]
    cohort = Cohort.objects.filter(name=spec["name"], lead_trainer=lead).first()
    created = cohort is None
    if created:
        starts_on = timezone.localdate() + timedelta(days=spec["starts"])
        cohort = cohort_create(
            course=course,
            lead_trainer=lead,
            by=lead,
            name=spec["name"],
            organisation=Organisation.objects.get(code=spec["organisation"]),
            mode=spec["mode"],
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=spec["days"]),
            region=Region.objects.get(code=spec["region"]) if spec["region"] else None,
            location=spec["location"],
            capacity=spec["capacity"],
            min_attendance_percent=spec["min_attendance_percent"],
            status=Cohort.Status.RUNNING,
        )

    present = set(cohort.memberships.values_list("learner__email", flat=True))
    joining = [member for member in spec["members"] if member[0] not in present]
    if joining:
        memberships_add_many(cohort=cohort, learners=[everyone[email] for email, *_ in joining], source=spec["source"])
    # Attendance first: a trainee who finishes the course online completes the cohort only with
    # enough sessions attended, as it is when the course is finished after the sessions.
    seed_sessions(cohort=cohort, course=course, spec=spec, everyone=everyone)
    for email, stage, _joined, _last in joining:
        if stage:
            seed_stage(learner=everyone[email], course=course, stage=stage, marker=lead)
    seed_observations(cohort=cohort, course=course, spec=spec, everyone=everyone)
    # The course_completed signal is sent when the demo's transaction commits: complete those done now.
    for email, *_ in joining:
        membership_complete_if_done(learner=everyone[email], course_key=cohort.course_key)
    for email, _stage, joined_day, last_day in joining:
        membership = cohort.memberships.select_related("cohort", "learner").get(learner=everyone[email])
        _backdate(membership=membership, course=course, joined_day=joined_day, last_day=last_day)

    changes = {name: value for name, value in spec["afterwards"].items() if getattr(cohort, name) != value}
    if changes:
        cohort = cohort_update(cohort=cohort, by=lead, **changes)
    for email in spec["requests"]:
        asked = not cohort.memberships.filter(learner=everyone[email]).exists()
        membership = join_with_code(learner=everyone[email], code=cohort.join_code)
        if asked:
            CohortMembership.objects.filter(pk=membership.pk).update(joined_at=timezone.now() - timedelta(days=1))
    if created:  # last: updating the cohort above saves every field
        Cohort.objects.filter(pk=cohort.pk).update(created_at=_at(cohort.starts_on - timedelta(days=21), JOINED_AT))
    return cohort


@transaction.atomic
def seed_cohorts(people: dict) -> list[Cohort]:
    """The master trainer's authorisations, then each cohort in the order they ran: the
    training-of-trainers cohort first, since completing it is what lets the trainers open theirs."""
    everyone = {**people, **seed_trainees()}
    seed_master_authorisations(people)
    return [seed_cohort(spec, everyone) for spec in COHORTS]
