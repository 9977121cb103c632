"""The cohort dashboard and its API cost a fixed number of queries, whatever the number of trainees
or lessons (architecture §6: 200 trainees × 50 lessons like 30 × 10)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import roles
from assessments.services import attempt_start, attempt_submit
from cohorts.models import CohortMembership
from cohorts.services import attendance_record, memberships_add_many, session_create
from courses.models import LessonPage, LessonProgress
from tests.assessments.conftest import bank as bank  # a fixture this module uses
from tests.factories import OrganisationFactory, UserFactory, add_quiz, authorise, build_course, make_user, open_cohort

pytestmark = pytest.mark.django_db

# With the page tree's facts cached (the outline): the session, the user and roles, the cohort, the
# members, their progress, attempts, attendance, quiz rules, the sessions count, the lead's authorisation.
DASHBOARD_QUERIES = 16


def _cohort_of(*, trainees: int, modules: int, lessons: int, bank) -> tuple:
    organisation = OrganisationFactory()
    course = build_course(
        slug=f"c{trainees}-{lessons * modules}", modules=modules, lessons=lessons, translate=False, self_enrolment=False
    )
    quiz = add_quiz(course, bank.values())
    trainer = make_user(roles.TRAINER, organisation=organisation)
    authorise(trainer, course)
    cohort = open_cohort(course, trainer)
    people = [UserFactory(organisation=organisation) for _ in range(trainees)]
    memberships_add_many(cohort=cohort, learners=people, source=CohortMembership.Source.IMPORT)
    keys = list(LessonPage.objects.descendant_of(course).values_list("translation_key", flat=True))
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(learner=p, course_key=course.translation_key, lesson_key=k, completed_at=p.date_joined)
            for n, p in enumerate(people)
            for k in keys[: n % len(keys)]
        ]
    )
    for person in people[:3]:
        attempt_submit(attempt=attempt_start(learner=person, quiz=quiz))
    from django.utils import timezone

    attendance_record(session=session_create(cohort=cohort, starts_at=timezone.now()), marks={}, by=trainer)
    return trainer, cohort


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("where", ["page", "api"])
def test_dashboard_queries_do_not_grow_with_trainees_or_lessons(client, bank, where, django_assert_max_num_queries):
    sizes = [(30, 2, 5), (200, 2, 5), (30, 5, 10)]  # trainees, modules, lessons per module
    counts = []
    for trainees, modules, lessons in sizes:
        trainer, cohort = _cohort_of(trainees=trainees, modules=modules, lessons=lessons, bank=bank)
        client.force_login(trainer)
        url = f"/mn/cohorts/{cohort.pk}/" if where == "page" else f"/api/v1/cohorts/{cohort.pk}/progress"
        cache.clear()
        _count(client, url)  # warm the outline cache
        counts.append(_count(client, url))
        with django_assert_max_num_queries(DASHBOARD_QUERIES):
            client.get(url)
    assert counts[0] == counts[1] == counts[2], counts
