"""Practical (observation) assessments: scoring against a rubric, what a pass does to progress,
idempotent submission, the snapshot, both languages, and the pages of the learner and the assessor."""

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from assessments import rubric
from assessments.models import Observation
from assessments.services import AssessmentError
from courses.models import Enrolment, LessonProgress
from courses.services import enrolment_withdraw, lesson_complete
from tests.factories import lessons_of
from tests.practical import CRITERIA, add_practical, observe

# Every signed-in page's own (the session, the user, their roles and authenticator, the header's
# profile), then the page in the language shown, its course, the enrolment, the earlier observations.
OBSERVE_QUERIES = 14


@pytest.fixture
def practical(course):
    """Three criteria, 0–3 points each, pass mark 60 %, the second criterion essential."""
    return add_practical(course, module=2)


def _post(levels: dict, **extra) -> dict:
    data = {f"level-criterion-{position}": str(level) for position, level in levels.items()}
    data.setdefault("observed_on", timezone.localdate().isoformat())
    data.setdefault("submission_key", str(uuid.uuid4()))
    return {**data, **extra}


def test_the_score_is_the_chosen_levels_over_the_best_levels(practical):
    criteria = rubric.rubric_snapshot(practical)
    result = rubric.score(criteria, {"criterion-0": 2, "criterion-1": 2, "criterion-2": 1}, Decimal(60))
    assert (result.score, result.max_score, result.percent, result.passed) == (5, 9, Decimal("55.56"), False)
    result = rubric.score(criteria, {"criterion-0": 3, "criterion-1": 2, "criterion-2": 1}, Decimal(60))
    assert result.percent == Decimal("66.67") and result.passed


def test_an_essential_criterion_at_its_lowest_level_fails_whatever_the_total(practical, learner, admin_user):
    observation = observe(practical, learner, assessor=admin_user, levels=(3, 0, 3))
    assert observation.percent == Decimal("66.67") > observation.pass_mark
    assert observation.passed is False
    assert not LessonProgress.objects.filter(lesson_key=practical.translation_key, completed_at__isnull=False).exists()


def test_a_pass_completes_the_item_once_and_a_later_fail_never_undoes_it(practical, learner, admin_user):
    first = observe(practical, learner, assessor=admin_user, levels=(3, 3, 2))
    second = observe(practical, learner, assessor=admin_user, levels=(0, 0, 0))
    assert (first.number, first.passed, second.number, second.passed) == (1, True, 2, False)
    progress = LessonProgress.objects.get(learner=learner, lesson_key=practical.translation_key)
    assert progress.completed_at is not None


def test_the_course_completes_only_when_its_required_practical_assessment_is_passed(
    course, practical, learner, admin_user
):
    for lesson in lessons_of(course):
        lesson_complete(learner=learner, lesson=lesson)
    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.completed_at is None
    observe(practical, learner, assessor=admin_user, levels=(1, 1, 1))  # 33 %: not passed
    assert Enrolment.objects.get(pk=enrolment.pk).completed_at is None
    observe(practical, learner, assessor=admin_user, levels=(2, 2, 2))
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.COMPLETED


def test_the_same_form_sent_twice_records_one_observation(practical, learner, admin_user):
    key = uuid.uuid4()
    first = observe(practical, learner, assessor=admin_user, submission_key=key)
    again = observe(practical, learner, assessor=admin_user, submission_key=key, levels=(0, 0, 0))
    assert again.pk == first.pk and again.passed
    assert Observation.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"levels": (3, 3)}, "unscored"),  # the third criterion left out
        ({"levels": (3, 3, 9)}, "unscored"),  # no such level
        ({"observed_on": timezone.localdate() + timedelta(days=1)}, "future"),
    ],
)
def test_bad_scoring_is_refused_and_records_nothing(practical, learner, admin_user, change, code):
    with pytest.raises(AssessmentError) as refused:
        observe(practical, learner, assessor=admin_user, **change)
    assert refused.value.code == code
    assert not Observation.objects.exists()


def test_someone_who_left_the_course_cannot_be_scored(course, practical, learner, admin_user):
    enrolment_withdraw(enrolment=Enrolment.objects.get(learner=learner))
    with pytest.raises(AssessmentError) as refused:
        observe(practical, learner, assessor=admin_user)
    assert refused.value.code == "not_enrolled"


def test_an_observation_keeps_the_rubric_as_it_was_scored(client, practical, learner, admin_user):
    observation = observe(practical, learner, assessor=admin_user, levels=(3, 2, 1))
    practical.rubric = [
        {**block, "value": {**block["value"], "title": "Шинэ нэр"}} for block in practical.rubric.raw_data
    ]
    practical.save_revision().publish()
    client.force_login(learner)
    page = client.get(reverse("observation", args=[observation.pk])).content.decode()
    assert CRITERIA[0] in page and "Шинэ нэр" not in page
    assert "6 / 9" in page


def test_scored_on_the_english_page_it_counts_on_the_mongolian_one(client, practical, learner, admin_user):
    english = practical.get_translation(Locale.objects.get(language_code="en"))
    observation = observe(english, learner, assessor=admin_user)
    assert observation.assessment_key == practical.translation_key and observation.language == "en"
    assert observation.rubric[0]["title"] == f"{CRITERIA[0]} (en)"
    lessons = lessons_of(practical.get_parent().get_parent().specific)
    client.force_login(learner)
    for lesson in lessons:
        lesson_complete(learner=learner, lesson=lesson)
    page = client.get(practical.url).content.decode()
    assert "practical-state" in page and "✓" in page.split('id="practical-state"')[1][:200]


def test_the_learner_sees_the_rubric_their_results_and_the_comments(client, practical, learner, admin_user):
    observe(
        practical,
        learner,
        assessor=admin_user,
        levels=(1, 0, 1),
        criterion_comments={"criterion-1": "Чиглүүлсэн асуулт асуусан."},
        comment="Дахин бэлтгээрэй.",
    )
    for lesson in lessons_of(practical.get_parent().get_parent().specific)[:1]:
        lesson_complete(learner=learner, lesson=lesson)
    client.force_login(learner)
    page = client.get(practical.url).content.decode()
    for title in CRITERIA:
        assert title in page
    assert "Хөгжиж буй" in page  # the levels are shown before anyone scores
    observation = Observation.objects.get()
    detail = client.get(reverse("observation", args=[observation.pk])).content.decode()
    assert "Чиглүүлсэн асуулт асуусан." in detail and "Дахин бэлтгээрэй." in detail


def test_the_scoring_form_records_and_goes_back_where_the_assessor_came_from(client, practical, learner, admin_user):
    client.force_login(admin_user)
    url = reverse("observe", args=[practical.pk, learner.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert form.content.decode().count('type="radio"') == 3 * 4
    response = client.post(url, _post({0: 3, 1: 2, 2: 2}, next="/mn/cohorts/"))
    assert response.status_code == 302 and response["Location"] == "/mn/cohorts/"
    # Elsewhere than this site: to the observation instead.
    response = client.post(url, _post({0: 3, 1: 2, 2: 2}, next="https://example.com/"))
    assert response["Location"] == reverse("observation", args=[Observation.objects.latest("number").pk])


def test_a_criterion_left_unscored_gets_a_translated_error_and_nothing_is_recorded(
    client, practical, learner, admin_user
):
    client.force_login(admin_user)
    response = client.post(reverse("observe", args=[practical.pk, learner.pk]), _post({0: 3, 1: 2}))
    assert response.status_code == 200
    with translation.override("mn"):
        message = translation.gettext("Choose a level.")
    assert message != "Choose a level." and message in response.content.decode()
    assert not Observation.objects.exists()


def test_nobody_scores_themselves(client, course, practical, admin_user):
    from courses.services import enrolment_create

    enrolment_create(learner=admin_user, course=course)
    client.force_login(admin_user)
    assert client.get(reverse("observe", args=[practical.pk, admin_user.pk])).status_code == 404


def test_the_scoring_form_costs_the_same_queries_whatever_the_rubric(
    client, course, learner, admin_user, django_assert_max_num_queries
):
    from tests.practical import rubric as make_rubric

    practical = add_practical(course, module=2, translate=False)
    client.force_login(admin_user)
    url = reverse("observe", args=[practical.pk, learner.pk])
    counts = []
    for criteria in (3, 15):
        practical.rubric = make_rubric(*[f"Шалгуур {n}" for n in range(criteria)])
        practical.save_revision().publish()
        client.get(url)  # warm the page cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).content.decode().count('type="radio"') == criteria * 4
        counts.append(len(queries))
        with django_assert_max_num_queries(OBSERVE_QUERIES):
            client.get(url)
    assert counts[0] == counts[1], counts


def test_an_editor_writes_a_rubric_in_the_wagtail_admin(client, course):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from assessments.models import PracticalAssessmentPage
    from courses.models import ModulePage
    from tests.factories import UserFactory, with_totp

    client.force_login(with_totp(UserFactory(roles=["editor"])))
    module = ModulePage.objects.child_of(course).get(slug="module-2")

    def levels(*points):
        data = {"count": len(points)}
        for n, value in enumerate(points):
            data[str(n)] = {"value": {"label": f"Түвшин {n}", "description": "", "points": value}, "deleted": "",
                            "order": n, "id": ""}  # fmt: skip
        return data

    criterion = {"title": "Нээлттэй асуулт", "description": "", "essential": "on", "levels": levels(0, 1, 2)}
    data = nested_form_data(
        {
            "title": "Ярилцлагын дадлага",
            "slug": "mock-interview",
            "introduction": "",
            "assessor_guidance": "",
            "rubric": streamfield([("criterion", criterion)]),
            "pass_mark": "70",
            "required": "on",
            "estimated_minutes": "30",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["assessments", "practicalassessmentpage", module.pk])
    response = client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = PracticalAssessmentPage.objects.get(slug="mock-interview", locale=module.locale)
    assert page.live
    [criterion] = rubric.rubric_snapshot(page)
    assert criterion["essential"] and [level["points"] for level in criterion["levels"]] == ["0", "1", "2"]
