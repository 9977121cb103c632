"""The trainer's and coordinator's pages: opening a cohort, attendance, the matrix, the API, and
granting or revoking authorisations by hand."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.models import AuditEvent
from cohorts.audit import AuditAction
from cohorts.models import Attendance, Cohort, TeachingAuthorisation
from cohorts.services import membership_add, session_create
from courses.services import lesson_complete
from tests.assessments.conftest import bank as bank  # a fixture this module uses
from tests.factories import OrganisationFactory, UserFactory, build_course, lessons_of, make_user

COHORT_FORM = {
    "name": "Дархан, 2026 оны 12-р сар",
    "mode": "in_person",
    "starts_on": "2026-12-01",
    "ends_on": "2026-12-05",
    "location": "Аймгийн ЗДТГ, 3 давхар",
    "capacity": "30",
    "status": "planned",
    "inactive_days": "14",
    "join_code_enabled": "on",
}


def test_a_trainer_opens_a_cohort_of_a_course_they_may_teach(client, trainer, course, organisation):
    other_course = build_course(slug="other", self_enrolment=False, translate=False)
    client.force_login(trainer)
    page = client.get(reverse("cohort_create")).content.decode()
    assert str(course.translation_key) in page and str(other_course.translation_key) not in page
    response = client.post(
        reverse("cohort_create"),
        {**COHORT_FORM, "course": str(course.translation_key), "organisation": organisation.pk},
    )
    cohort = Cohort.objects.get()
    assert response["Location"] == reverse("cohort_dashboard", args=[cohort.pk])
    assert cohort.lead_trainer == trainer and cohort.capacity == 30 and cohort.course_key == course.translation_key


def test_a_course_they_may_not_teach_is_refused(client, trainer, organisation):
    other_course = build_course(slug="other", self_enrolment=False, translate=False)
    client.force_login(trainer)
    response = client.post(
        reverse("cohort_create"),
        {**COHORT_FORM, "course": str(other_course.translation_key), "organisation": organisation.pk},
    )
    assert response.status_code == 200 and not Cohort.objects.exists()


def test_dates_in_the_wrong_order_get_a_clear_error(client, trainer, course, organisation):
    client.force_login(trainer)
    response = client.post(
        reverse("cohort_create"),
        {
            **COHORT_FORM,
            "ends_on": "2026-11-01",
            "course": str(course.translation_key),
            "organisation": organisation.pk,
        },
    )
    assert response.status_code == 200
    assert "form-errors" in response.content.decode()
    assert not Cohort.objects.exists()


def test_attendance_is_everyone_present_but_the_exceptions(client, trainer, cohort, trainees):
    for person in trainees:
        membership_add(cohort=cohort, learner=person, source="trainer")
    session = session_create(cohort=cohort, starts_at=timezone.now())
    client.force_login(trainer)
    response = client.post(
        reverse("attendance_take", args=[cohort.pk, session.pk]),
        {f"status-{trainees[1].pk}": "late", f"status-{trainees[2].pk}": "excused"},
    )
    assert response.status_code == 302
    marks = dict(Attendance.objects.values_list("learner_id", "status"))
    assert marks == {trainees[0].pk: "present", trainees[1].pk: "late", trainees[2].pk: "excused"}
    bad = client.post(reverse("attendance_take", args=[cohort.pk, session.pk]), {f"status-{trainees[0].pk}": "asleep"})
    assert bad.status_code == 200 and "form-errors" in bad.content.decode()
    assert dict(Attendance.objects.values_list("learner_id", "status")) == marks


def test_the_matrix_reads_without_colour_and_filters(client, trainer, cohort, trainees, course):
    for person in trainees:
        membership_add(cohort=cohort, learner=person, source="trainer")
    for lesson in lessons_of(course)[:2]:  # module 1 done
        lesson_complete(learner=trainees[0], lesson=lesson)
    from courses.models import Enrolment

    Enrolment.objects.filter(learner=trainees[2]).update(last_activity_at=timezone.now() - timedelta(days=30))
    from cohorts.models import CohortMembership

    CohortMembership.objects.filter(learner=trainees[2]).update(joined_at=timezone.now() - timedelta(days=30))
    client.force_login(trainer)
    page = client.get(reverse("cohort_dashboard", args=[cohort.pk])).content.decode()
    from django.utils import translation

    from cohorts.selectors import STATES

    with translation.override("mn"):
        complete = str(STATES["done"][1])
    assert f'<span class="visually-hidden">{complete}</span>' in page  # the state in words, beside its symbol
    at_risk = client.get(reverse("cohort_dashboard", args=[cohort.pk]), {"show": "at_risk"}).content.decode()
    assert reverse("cohort_trainee", args=[cohort.pk, trainees[2].pk]) in at_risk
    assert reverse("cohort_trainee", args=[cohort.pk, trainees[0].pk]) not in at_risk
    rows = client.get(f"/api/v1/cohorts/{cohort.pk}/progress").json()["rows"]
    by_email = {row["trainee"]["email"]: row for row in rows}
    assert by_email[trainees[0].email]["cells"][0]["state"] == "done"
    assert by_email[trainees[0].email]["percent"] == 50
    assert by_email[trainees[2].email]["risks"] and not by_email[trainees[1].email]["risks"]


def test_the_api_records_attendance_and_refuses_strangers(client, trainer, cohort, trainees):
    membership_add(cohort=cohort, learner=trainees[0], source="trainer")
    session = session_create(cohort=cohort, starts_at=timezone.now())
    client.force_login(trainer)
    url = f"/api/v1/cohorts/{cohort.pk}/attendance"
    ok = client.post(url, {"session_id": session.pk, "marks": {str(trainees[0].pk): "absent"}},
                     content_type="application/json")  # fmt: skip
    assert ok.status_code == 200 and ok.json()["counts"]["absent"] == 1
    stranger = client.post(url, {"session_id": session.pk, "marks": {str(trainees[1].pk): "absent"}},
                           content_type="application/json")  # fmt: skip
    assert stranger.status_code == 400
    assert Attendance.objects.get().status == "absent"


@pytest.fixture
def coordinator_of(organisation):
    return make_user(roles.COORDINATOR, organisation=organisation)


def test_a_coordinator_grants_and_revokes_with_a_reason(client, coordinator_of, course, organisation):
    person = UserFactory(organisation=organisation, email="by-hand@example.mn")
    client.force_login(coordinator_of)
    no_reason = client.post(
        reverse("authorisation_grant"), {"trainer": person.email, "course": str(course.translation_key), "reason": ""}
    )
    assert no_reason.status_code == 200 and not TeachingAuthorisation.objects.exists()
    client.post(
        reverse("authorisation_grant"),
        {
            "trainer": person.email,
            "course": str(course.translation_key),
            "reason": "Сургагч багшийн 2024 оны гэрчилгээ",
        },
    )
    authorisation = TeachingAuthorisation.objects.get(trainer=person)
    assert authorisation.granted_by == coordinator_of and authorisation.is_current()
    client.post(reverse("authorisation_revoke", args=[authorisation.pk]), {"reason": "Ажлаас гарсан"})
    authorisation.refresh_from_db()
    assert authorisation.revoked_at and authorisation.revoke_reason == "Ажлаас гарсан"
    actions = set(AuditEvent.objects.filter(actor=coordinator_of).values_list("action", flat=True))
    assert {AuditAction.AUTHORISATION_GRANTED, AuditAction.AUTHORISATION_REVOKED} <= actions


def test_a_coordinator_cannot_authorise_someone_outside_their_organisation(client, coordinator_of, course):
    outsider = UserFactory(organisation=OrganisationFactory(), email="outside@example.mn")
    client.force_login(coordinator_of)
    response = client.post(
        reverse("authorisation_grant"),
        {"trainer": outsider.email, "course": str(course.translation_key), "reason": "x"},
    )
    assert response.status_code == 200 and not TeachingAuthorisation.objects.exists()


def test_exports_are_audited(client, trainer, cohort):
    client.force_login(trainer)
    response = client.get(reverse("cohort_export", args=[cohort.pk, "xlsx"]))
    assert response.status_code == 200
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DATA_EXPORTED, actor=trainer).exists()
    assert client.get(reverse("cohort_export", args=[cohort.pk, "pdf"])).status_code == 404


def test_the_trainer_sees_each_trainees_gain_from_pre_to_post_test(client, trainer, cohort, course, trainees, bank):
    from decimal import Decimal

    from assessments.services import answer_save, attempt_start, attempt_submit
    from tests.factories import add_quiz

    pre = add_quiz(course, [bank["single"], bank["short"]], slug="pre", role="pre_test", pass_mark=Decimal(0))
    post = add_quiz(course, [bank["single"], bank["short"]], slug="post", role="post_test", pass_mark=Decimal(0))
    membership_add(cohort=cohort, learner=trainees[0], source="trainer")
    single = str(bank["single"].translation_key)
    attempt_submit(attempt=attempt_start(learner=trainees[0], quiz=pre))  # nothing answered: 0 %
    attempt = attempt_start(learner=trainees[0], quiz=post)
    answer_save(attempt=attempt, question_id=single, response={"choice": "s-right"})
    attempt_submit(attempt=attempt)  # one of two right: 50 %
    client.force_login(trainer)
    [row] = client.get(f"/api/v1/cohorts/{cohort.pk}/progress").json()["rows"]
    assert row["gain"] == 50
    page = client.get(reverse("cohort_dashboard", args=[cohort.pk])).content.decode()
    assert "<td>+50</td>" in page
