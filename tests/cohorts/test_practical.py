"""Practical assessments in a cohort: the trainer scores their trainees from the cohort's page,
the dashboard counts who still waits, and passing the teach-back of a training-of-trainers cohort
is what authorises the new trainer."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts import roles
from assessments.models import Observation
from cohorts.models import CohortMembership, TeachingAuthorisation
from cohorts.services import membership_add
from courses.services import lesson_complete
from tests.factories import UserFactory, authorise, build_course, lessons_of, make_user, open_cohort
from tests.practical import add_practical, observe

# The session and user, the cohort and whether it is run by the viewer, the memberships with their
# learners, the observations: the same for 3 trainees as for 30.
PRACTICAL_PAGE_QUERIES = 14


@pytest.fixture
def practical(course):
    return add_practical(course, module=2)


def waiting(count: int) -> str:
    """The dashboard's line, as a Mongolian trainer reads it."""
    with translation.override("mn"):
        return translation.ngettext(
            "%(counter)s practical assessment waits to be observed",
            "%(counter)s practical assessments wait to be observed",
            count,
        ) % {"counter": count}


def _scoring(levels=(3, 3, 3), **extra) -> dict:
    data = {f"level-criterion-{position}": str(level) for position, level in enumerate(levels)}
    return {"observed_on": timezone.localdate().isoformat(), "submission_key": str(uuid.uuid4()), **data, **extra}


def test_a_trainer_scores_a_trainee_from_the_cohort_page(client, cohort, trainer, trainees, practical):
    for person in trainees:
        membership_add(cohort=cohort, learner=person, source="trainer")
    client.force_login(trainer)
    dashboard = client.get(reverse("cohort_dashboard", args=[cohort.pk])).content.decode()
    assert waiting(3) in dashboard
    assert ">П1<" in dashboard  # the Mongolian page abbreviates "practical" in Mongolian

    page_url = reverse("cohort_practical", args=[cohort.pk])
    page = client.get(page_url).content.decode()
    score_url = reverse("observe", args=[practical.pk, trainees[0].pk])
    assert f"{score_url}?next=" in page
    response = client.post(score_url, _scoring(next=page_url))
    assert response.status_code == 302 and response["Location"] == page_url
    observation = Observation.objects.get(learner=trainees[0])
    assert observation.assessor == trainer and observation.passed

    page = client.get(page_url).content.decode()
    assert reverse("observation", args=[observation.pk]) in page
    dashboard = client.get(reverse("cohort_dashboard", args=[cohort.pk])).content.decode()
    assert waiting(2) in dashboard


def test_someone_who_may_only_read_the_cohort_cannot_score(client, cohort, trainer, trainees, practical, organisation):
    membership_add(cohort=cohort, learner=trainees[0], source="trainer")
    coordinator = make_user(roles.COORDINATOR, organisation=organisation)
    client.force_login(coordinator)
    page = client.get(reverse("cohort_practical", args=[cohort.pk]))
    assert page.status_code == 200
    assert reverse("observe", args=[practical.pk, trainees[0].pk]) not in page.content.decode()
    response = client.post(reverse("observe", args=[practical.pk, trainees[0].pk]), _scoring())
    assert response.status_code == 404 and not Observation.objects.exists()


def test_passing_the_teach_back_completes_the_tot_cohort_and_authorises_the_trainer(
    django_capture_on_commit_callbacks, client, course, organisation
):
    tot = build_course(slug="tot", modules=1, lessons=2, tot_for=course, self_enrolment=False)
    teach_back = add_practical(tot, module=1)
    master = make_user(roles.MASTER_TRAINER, organisation=organisation, email="master@example.mn")
    authorise(master, tot)
    tot_cohort = open_cohort(tot, master, name="ToT")
    graduate = UserFactory(organisation=organisation)
    membership_add(cohort=tot_cohort, learner=graduate, source="trainer")
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons_of(tot):
            lesson_complete(learner=graduate, lesson=lesson)
    # Every lesson done, the teach-back not yet observed: not a trainer yet.
    assert not TeachingAuthorisation.objects.filter(trainer=graduate).exists()
    with django_capture_on_commit_callbacks(execute=True):
        observe(teach_back, graduate, assessor=master, levels=(3, 0, 3))  # an essential criterion missed
    assert not TeachingAuthorisation.objects.filter(trainer=graduate).exists()

    client.force_login(master)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("observe", args=[teach_back.pk, graduate.pk]), _scoring((2, 2, 2)))
    assert response.status_code == 302
    authorisation = TeachingAuthorisation.objects.get(trainer=graduate)
    assert authorisation.course_key == course.translation_key and authorisation.source_cohort == tot_cohort
    assert CohortMembership.objects.get(learner=graduate).status == CohortMembership.Status.COMPLETED


def test_the_practical_page_costs_the_same_queries_for_3_and_30_trainees(
    client, cohort, trainer, practical, organisation, django_assert_max_num_queries
):
    client.force_login(trainer)
    url = reverse("cohort_practical", args=[cohort.pk])
    counts, added = [], 0
    for size in (3, 30):
        for n in range(added, size):
            person = UserFactory(organisation=organisation, email=f"t{n}@example.mn")
            membership_add(cohort=cohort, learner=person, source="trainer")
            if n % 2:
                observe(practical, person, assessor=trainer, levels=(n % 4, 2, 1))
        added = size
        client.get(url)  # warm the outline cache
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        assert page.count("/?next=") == size  # a scoring link for every trainee
        counts.append(len(queries))
        with django_assert_max_num_queries(PRACTICAL_PAGE_QUERIES):
            client.get(url)
    assert counts[0] == counts[1], counts
