"""A known data set for the report tests: every figure the page shows is counted here by hand."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts import roles
from accounts.models import User
from assessments.models import Attempt, QuizPage
from certificates.models import Certificate
from cohorts.models import Attendance, CohortMembership, TeachingAuthorisation
from cohorts.services import membership_add, session_create
from courses.models import Enrolment
from tests.factories import (
    OrganisationFactory,
    add_quiz,
    authorise,
    build_course,
    issued,
    make_rule,
    make_user,
    open_cohort,
    region,
)

YEAR = {"date_from": "2026-01-01", "date_to": "2026-12-31"}


def at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@dataclass
class Known:
    org: object
    unit: object
    other_org: object
    course: object
    people: dict = field(default_factory=dict)  # name → learner
    staff: dict = field(default_factory=dict)  # role → person


def enrol(learner, course, *, on=date(2026, 3, 1), completed=None):
    return Enrolment.objects.create(
        learner=learner, course_key=course.translation_key, enrolled_at=at(on),
        status=Enrolment.Status.COMPLETED if completed else Enrolment.Status.ACTIVE,
        completed_at=at(completed) if completed else None,
    )  # fmt: skip


def attempt(learner, quiz, number, percent, *, on=date(2026, 5, 1), passed=None):
    return Attempt.objects.create(
        learner=learner, quiz_key=quiz.translation_key, course_key=quiz.get_parent().get_parent().translation_key,
        number=number, state=Attempt.State.SUBMITTED, language="mn", started_at=at(on), submitted_at=at(on, 13),
        pass_mark=Decimal(60), percent=Decimal(percent), passed=passed if passed is not None else percent >= 60,
    )  # fmt: skip


def build_known(*, extra_learners: int = 0) -> Known:
    """Organisation "npa" with a unit below it, and an unrelated organisation.

    In the unit, trained by ``trainer`` in one cohort: u1–u6 (u1–u4 female, u5–u6 male; Arkhangai).
    In the organisation itself: o1–o3 (male, Bulgan). Elsewhere: x1–x2 (female), never counted by
    the coordinator. ``extra_learners`` more people in the unit, enrolled only (for query counts)."""
    # Organisations are kept in the order of their names: named so that none moves another's path.
    org = OrganisationFactory(code="npa", name_mn="А агентлаг")
    unit = OrganisationFactory(code="npa-unit", name_mn="А нэгж", parent=org)
    other_org = OrganisationFactory(code="elsewhere", name_mn="Б байгууллага")
    course = build_course(modules=1, lessons=1, translate=False, slug="interviewing")
    pre = add_quiz(course, [], role=QuizPage.Role.PRE_TEST, slug="pre")
    post = add_quiz(course, [], role=QuizPage.Role.POST_TEST, slug="post",
                    grading_method=QuizPage.GradingMethod.HIGHEST)  # fmt: skip
    known = Known(org=org, unit=unit, other_org=other_org, course=course)
    arkhangai, bulgan = region("arkhangai"), region("bulgan")
    for n in range(1, 7):
        known.people[f"u{n}"] = make_user(
            organisation=unit, region=arkhangai, gender=User.Gender.FEMALE if n <= 4 else User.Gender.MALE,
            position="Цагдаа", email=f"u{n}@known.mn",
        )  # fmt: skip
    for n in range(1, 4):
        known.people[f"o{n}"] = make_user(organisation=org, region=bulgan, gender=User.Gender.MALE,
                                          position="Байцаагч", email=f"o{n}@known.mn")  # fmt: skip
    for n in range(1, 3):
        known.people[f"x{n}"] = make_user(organisation=other_org, gender=User.Gender.FEMALE, email=f"x{n}@known.mn")
    known.staff[roles.COORDINATOR] = make_user(roles.COORDINATOR, organisation=org, email="coord@known.mn")
    known.staff[roles.ADMIN] = make_user(roles.ADMIN, organisation=org, email="admin@known.mn")
    # Staff are named on the cascade's tree: names no learner of the data set has.
    trainer = known.staff[roles.TRAINER] = make_user(roles.TRAINER, organisation=unit, email="trainer@known.mn",
                                                     last_name="Сургагч", first_name="Нэгдүгээр",
                                                     latin_last_name="Trainer", latin_first_name="First")  # fmt: skip
    other_trainer = make_user(roles.TRAINER, organisation=other_org, email="other-trainer@known.mn")
    known.staff["other_trainer"] = other_trainer
    # The master trainer trained the unit's trainer (a training-of-trainers cohort), not the other one.
    master = known.staff[roles.MASTER_TRAINER] = make_user(roles.MASTER_TRAINER, organisation=unit,
                                                           email="master@known.mn", last_name="Мастер",
                                                           first_name="Сургагч", latin_last_name="Master",
                                                           latin_first_name="Trainer")  # fmt: skip
    authorise(master, course)
    tot = open_cohort(course, master, name="ToT", organisation=unit)
    authorise(trainer, course, basis=TeachingAuthorisation.Basis.TOT_COHORT, source_cohort=tot)
    authorise(other_trainer, course)
    cohort = open_cohort(course, trainer, name="Unit cohort", organisation=unit)
    foreign = open_cohort(course, other_trainer, name="Elsewhere", organisation=other_org)
    for n in range(1, 7):
        membership_add(cohort=cohort, learner=known.people[f"u{n}"], source=CohortMembership.Source.TRAINER)
    for n in range(1, 3):
        membership_add(cohort=foreign, learner=known.people[f"x{n}"], source=CohortMembership.Source.TRAINER)
    # The trainees joined in February, before anything they did for the cohort.
    CohortMembership.objects.update(joined_at=at(date(2026, 2, 1)))
    # membership_add enrols through the cohort: date those enrolments, and add the others by hand.
    Enrolment.objects.filter(learner__in=[known.people[f"u{n}"] for n in range(1, 7)]).update(
        enrolled_at=at(date(2026, 3, 1))
    )
    Enrolment.objects.filter(learner__in=[known.people["x1"], known.people["x2"]]).update(
        enrolled_at=at(date(2026, 3, 1))
    )
    for n in range(1, 6):  # u1–u5 completed in June
        Enrolment.objects.filter(learner=known.people[f"u{n}"]).update(
            status=Enrolment.Status.COMPLETED, completed_at=at(date(2026, 6, 1))
        )
    enrol(known.people["o1"], course, completed=date(2026, 7, 1))
    enrol(known.people["o2"], course)
    enrol(known.people["o3"], course, on=date(2025, 5, 1), completed=date(2025, 9, 1))  # before the period
    # Certificates: u1–u3 valid, u4 revoked, o1 valid but ending in 30 days, o3's from 2025 expired.
    rule = make_rule(course)
    today = timezone.localdate()
    for n in range(1, 4):
        issued(known.people[f"u{n}"], rule, issued_on=date(2026, 6, 2), pdf=b"")
    issued(known.people["u4"], rule, issued_on=date(2026, 6, 2), state=Certificate.State.REVOKED, pdf=b"")
    issued(known.people["o1"], rule, issued_on=date(2026, 7, 2), expires_on=today + timedelta(days=30), pdf=b"")
    issued(known.people["o3"], rule, issued_on=date(2025, 9, 2), completed_on=date(2025, 9, 1),
           expires_on=date(2026, 1, 1), pdf=b"")  # fmt: skip
    # Tests: u1–u4 take both (u1's post-test twice: the highest counts), u5 only the pre-test.
    for name, before, after in (("u1", 40, [50, 90]), ("u2", 50, [70]), ("u3", 60, [60]), ("u4", 30, [40])):
        attempt(known.people[name], pre, 1, before, on=date(2026, 3, 2))
        for number, percent in enumerate(after, start=1):
            attempt(known.people[name], post, number, percent, on=date(2026, 6, 1))
    attempt(known.people["u5"], pre, 1, 20, on=date(2026, 3, 2))
    # Attendance of one session: u1–u5 present, u6 absent.
    session = session_create(cohort=cohort, starts_at=at(date(2026, 4, 1)))
    for n in range(1, 7):
        Attendance.objects.create(
            session=session, learner=known.people[f"u{n}"], recorded_by=trainer,
            status=Attendance.Status.PRESENT if n <= 5 else Attendance.Status.ABSENT,
        )  # fmt: skip
    for n in range(extra_learners):
        person = make_user(organisation=unit, gender=User.Gender.MALE, email=f"extra{n}@known.mn")
        enrol(person, course)
    return known


@pytest.fixture
def known(db):
    return build_known()


def deepen_cascade(known: Known, *, levels: int = 2, trainees: int = 3) -> list:
    """``levels`` more levels below the unit's trainer (level 1 of the master's cascade): each new
    trainer completed a training-of-trainers cohort led by the one above and runs a cohort of
    ``trainees`` of the organisation (Bulgan; alternately female and male), who enrolled in March;
    all but the last completed in August and the first holds a certificate issued in September.
    Returns the new trainers, from the top."""
    from certificates.models import CertificationRule

    rule = CertificationRule.objects.get(course_key=known.course.translation_key)
    bulgan = region("bulgan")
    above, made = known.staff[roles.TRAINER], []
    start = sum(1 for email in User.objects.values_list("email", flat=True) if email.startswith("level"))
    for level in range(2, levels + 2):
        n = start + len(made)
        tot = open_cohort(known.course, above, name=f"ToT of level {level} ({n})", organisation=known.unit)
        trainer = make_user(roles.TRAINER, organisation=known.unit, email=f"level{n}@known.mn",
                            last_name=f"Түвшин{n}", first_name="Сургагч", latin_last_name=f"Level{n}",
                            latin_first_name="Trainer")  # fmt: skip
        authorise(trainer, known.course, basis=TeachingAuthorisation.Basis.TOT_COHORT, source_cohort=tot)
        cohort = open_cohort(known.course, trainer, name=f"Cohort of level {level} ({n})", organisation=known.unit)
        for m in range(trainees):
            person = make_user(organisation=known.org, region=bulgan, position="Цагдаа", email=f"t{n}-{m}@known.mn",
                               gender=User.Gender.FEMALE if m % 2 == 0 else User.Gender.MALE)  # fmt: skip
            known.people[f"t{n}-{m}"] = person
            membership_add(cohort=cohort, learner=person, source=CohortMembership.Source.TRAINER)
            CohortMembership.objects.filter(cohort=cohort, learner=person).update(joined_at=at(date(2026, 2, 1)))
            enrolment = Enrolment.objects.filter(learner=person, course_key=known.course.translation_key)
            enrolment.update(enrolled_at=at(date(2026, 3, 1)))
            if m < trainees - 1:
                enrolment.update(status=Enrolment.Status.COMPLETED, completed_at=at(date(2026, 8, 1)))
            if m == 0:
                issued(person, rule, issued_on=date(2026, 9, 1), completed_on=date(2026, 8, 1), pdf=b"")
        made.append(trainer)
        above = trainer
    return made


def add_learners(known: Known, count: int) -> None:
    """``count`` more people of the unit, enrolled only (for query counts)."""
    start = User.objects.filter(email__startswith="more").count()
    for n in range(start, start + count):
        enrol(make_user(organisation=known.unit, gender=User.Gender.MALE, email=f"more{n}@known.mn"), known.course)
