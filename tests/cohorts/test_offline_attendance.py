"""Attendance taken on phones without a connection and sent later: two devices merge by the last
change per trainee, an earlier change that lost comes back as a conflict the trainer can read, a
change sent twice changes nothing, and a device's clock cannot win every merge to come."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import roles
from cohorts.models import Attendance, CohortMembership
from cohorts.scan import scan_token
from cohorts.services import (
    CLOCK_TOLERANCE,
    EARLIEST_MARK,
    AttendanceChange,
    attendance_merge,
    attendance_record,
    membership_add,
    membership_withdraw,
    session_create,
)
from tests.factories import UserFactory, authorise, make_user, open_cohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(cohort, organisation):
    people = [
        UserFactory(organisation=organisation, last_name="Дорж", first_name="Бат"),
        UserFactory(organisation=organisation, last_name="Болд", first_name="Сараа"),
    ]
    for person in people:
        membership_add(cohort=cohort, learner=person, source=CohortMembership.Source.TRAINER)
    return people


@pytest.fixture
def session(cohort):
    """Yesterday's session, from 09:00 local time."""
    yesterday = timezone.localtime() - timedelta(days=1)
    return session_create(cohort=cohort, starts_at=yesterday.replace(hour=9, minute=0, second=0), place="Дархан")


def changes_url(session, language="en") -> str:
    return f"/api/v1/cohorts/{session.cohort_id}/sessions/{session.pk}/attendance/changes?lang={language}"


def change(learner, status, at, change_id=None) -> dict:
    return {
        "id": str(change_id or uuid.uuid4()),
        "trainee_id": learner.pk,
        "status": status,
        "changed_at": at.isoformat(),
    }


def send(client, session, *items, as_trainer=None, language="en"):
    headers = {"HTTP_X_CASCADE_TRAINER": str(as_trainer.pk)} if as_trainer is not None else {}
    return client.post(
        changes_url(session, language), {"changes": list(items)}, content_type="application/json", **headers
    )


def kept(session) -> dict:
    return {a.learner_id: a.status for a in Attendance.objects.filter(session=session)}


def snapshot(session) -> list:
    return list(Attendance.objects.filter(session=session).order_by("pk").values())


def test_the_later_change_wins_whichever_device_sends_first(client, trainer, session, members):
    bat, saraa = members
    now = timezone.now()
    client.force_login(trainer)
    # Device A marked Bat present at 10:02 and Saraa late; device B marked Bat absent at 10:05.
    device_a = [change(bat, "present", now - timedelta(minutes=5)), change(saraa, "late", now - timedelta(minutes=5))]
    device_b = [change(bat, "absent", now - timedelta(minutes=2))]
    first = send(client, session, *device_a, as_trainer=trainer)
    assert first.status_code == 200 and first.json()["conflicts"] == []
    second = send(client, session, *device_b, as_trainer=trainer)
    assert second.status_code == 200
    assert second.json()["applied"] == [device_b[0]["id"]] and second.json()["conflicts"] == []
    assert kept(session) == {bat.pk: "absent", saraa.pk: "late"}
    record = Attendance.objects.get(session=session, learner=bat)
    assert record.changed_at == now - timedelta(minutes=2)
    assert str(record.change_id) == device_b[0]["id"]
    session.refresh_from_db()
    assert session.attendance_taken_at is not None


def test_an_earlier_change_that_lost_comes_back_as_a_conflict_in_the_trainers_language(
    client, trainer, session, members
):
    bat, _saraa = members
    local = timezone.localtime(session.starts_at)
    at_10_02, at_10_05 = local.replace(hour=10, minute=2, second=0), local.replace(hour=10, minute=5, second=0)
    client.force_login(trainer)
    assert send(client, session, change(bat, "absent", at_10_05)).status_code == 200
    late_sender = change(bat, "present", at_10_02)
    response = send(client, session, late_sender, language="mn")
    assert response.status_code == 200
    body = response.json()
    assert body["applied"] == [] and body["unchanged"] == []
    [conflict] = body["conflicts"]
    assert conflict["id"] == late_sender["id"] and conflict["trainee_id"] == bat.pk
    assert (conflict["status"], conflict["kept_status"]) == ("present", "absent")
    assert conflict["message"] == (
        "Дорж Бат: энэ төхөөрөмж дээр «ирсэн» гэж тэмдэглэсэн (10:02), өөр төхөөрөмж дээр «тасалсан» гэж "
        "тэмдэглэсэн (10:05) — «тасалсан» хэвээр үлдлээ."
    )
    english = send(client, session, late_sender).json()["conflicts"][0]["message"]
    assert english.endswith(
        ": marked present on this device at 10:02, absent on another device at 10:05 — kept absent."
    )
    assert kept(session) == {bat.pk: "absent"}


def test_an_earlier_change_that_says_the_same_is_no_conflict(client, trainer, session, members):
    bat, _saraa = members
    now = timezone.now()
    client.force_login(trainer)
    send(client, session, change(bat, "late", now))
    response = send(client, session, change(bat, "late", now - timedelta(minutes=3)))
    assert response.json()["conflicts"] == [] and len(response.json()["unchanged"]) == 1


def test_the_same_change_sent_twice_changes_nothing(client, trainer, session, members):
    bat, _saraa = members
    client.force_login(trainer)
    once = change(bat, "excused", timezone.now() - timedelta(minutes=1))
    assert send(client, session, once).json()["applied"] == [once["id"]]
    before = snapshot(session)
    again = send(client, session, once)
    assert again.status_code == 200
    assert again.json() == {"session_id": session.pk, "applied": [], "unchanged": [once["id"]], "conflicts": []}
    assert snapshot(session) == before


def test_a_device_clock_running_ahead_is_dated_by_the_server(client, trainer, session, members):
    """A phone set a day ahead would otherwise win every merge of the session to come."""
    bat, _saraa = members
    client.force_login(trainer)
    before = timezone.now()
    send(client, session, change(bat, "absent", before + timedelta(days=1)))
    record = Attendance.objects.get(session=session, learner=bat)
    assert before <= record.changed_at <= timezone.now()
    # A mark made just after on another device, whose clock is right, wins.
    response = send(client, session, change(bat, "present", timezone.now() + CLOCK_TOLERANCE / 2))
    assert response.json()["conflicts"] == []
    assert kept(session) == {bat.pk: "present"}


def test_a_device_clock_running_behind_is_dated_no_earlier_than_the_eve_of_the_session(
    client, trainer, session, members
):
    bat, _saraa = members
    client.force_login(trainer)
    send(client, session, change(bat, "absent", session.starts_at.replace(year=2001)))
    record = Attendance.objects.get(session=session, learner=bat)
    assert record.changed_at == session.starts_at - EARLIEST_MARK


def test_a_change_within_the_tolerance_keeps_the_devices_time(trainer, session, members):
    bat, _saraa = members
    now = timezone.now()
    at = now + CLOCK_TOLERANCE / 2
    attendance_merge(session=session, changes=[AttendanceChange(uuid.uuid4(), bat.pk, "late", at)], by=trainer, now=now)
    assert Attendance.objects.get(session=session, learner=bat).changed_at == at


def test_a_change_made_offline_before_the_sheet_was_saved_online_loses_to_it(client, trainer, session, members):
    bat, saraa = members
    offline_at = timezone.now() - timedelta(minutes=10)
    attendance_record(session=session, marks={bat.pk: "late"}, by=trainer)  # saved online since
    client.force_login(trainer)
    response = send(client, session, change(bat, "absent", offline_at), change(saraa, "absent", offline_at))
    assert {c["trainee_id"] for c in response.json()["conflicts"]} == {bat.pk, saraa.pk}
    assert kept(session) == {bat.pk: "late", saraa.pk: "present"}


def test_changes_queued_under_another_sign_in_are_refused_with_409(client, trainer, session, members):
    bat, _saraa = members
    client.force_login(trainer)
    someone_else = UserFactory()
    response = send(client, session, change(bat, "absent", timezone.now()), as_trainer=someone_else)
    assert response.status_code == 409
    assert response.json()["code"] == "other_trainer"
    assert kept(session) == {}


def test_another_trainers_session_is_not_found_and_nothing_changes(client, course, trainer, session, members):
    bat, _saraa = members
    other = make_user(roles.TRAINER, email="other@example.mn")
    authorise(other, course)
    their_cohort = open_cohort(course, other, name="Theirs")
    their_session = session_create(cohort=their_cohort, starts_at=timezone.now())
    client.force_login(other)
    assert send(client, session, change(bat, "absent", timezone.now()), as_trainer=other).status_code == 404
    # Nor through their own cohort's address.
    address = f"/api/v1/cohorts/{their_cohort.pk}/sessions/{session.pk}/attendance/changes"
    body = {"changes": [change(bat, "absent", timezone.now())]}
    assert client.post(address, body, content_type="application/json").status_code == 404
    client.force_login(trainer)
    assert send(client, their_session, change(bat, "absent", timezone.now())).status_code == 404
    assert kept(session) == {}


def test_a_co_trainer_sends_changes_for_the_session_they_co_lead(client, course, cohort, session, members):
    co = make_user(roles.TRAINER, email="co@example.mn")
    authorise(co, course)
    cohort.co_trainers.add(co)
    client.force_login(co)
    assert send(client, session, change(members[0], "late", timezone.now()), as_trainer=co).status_code == 200
    assert kept(session) == {members[0].pk: "late"}


@pytest.mark.parametrize(
    ("language", "detail"), [("en", "Unknown attendance mark."), ("mn", "Ирцийн тэмдэглэгээг таньсангүй.")]
)
def test_an_unknown_mark_refuses_the_whole_lot_with_a_reason(client, trainer, session, members, language, detail):
    bat, saraa = members
    client.force_login(trainer)
    now = timezone.now()
    response = send(client, session, change(bat, "absent", now), change(saraa, "asleep", now), language=language)
    assert response.status_code == 400
    assert response.json()["detail"] == detail
    assert kept(session) == {}


def test_a_trainee_who_left_or_was_never_in_the_cohort_refuses_the_lot(client, trainer, session, members):
    bat, saraa = members
    client.force_login(trainer)
    stranger = UserFactory()
    now = timezone.now()
    response = send(client, session, change(bat, "absent", now), change(stranger, "absent", now), language="mn")
    assert response.status_code == 400 and response.json()["code"] == "not_member"
    membership_withdraw(membership=CohortMembership.objects.get(learner=saraa), by=trainer)
    assert send(client, session, change(saraa, "present", now)).status_code == 400
    assert kept(session) == {}


def test_a_time_that_names_no_moment_is_refused(client, trainer, session, members):
    client.force_login(trainer)
    item = {**change(members[0], "absent", timezone.now()), "changed_at": "0001-01-01T00:00:00+08:00"}
    response = send(client, session, item)
    assert response.status_code == 400 and response.json()["code"] == "changed_at"
    assert send(client, session, {**item, "changed_at": "yesterday"}).status_code == 422
    assert kept(session) == {}


# --- A code on the roster scanned offline ---------------------------------------------------------


def scan(client, session, learner, at, change_id=None, as_trainer=None, token=None):
    headers = {"HTTP_X_CASCADE_TRAINER": str(as_trainer.pk)} if as_trainer is not None else {}
    body = {
        "token": token or scan_token(session_id=session.pk, learner_id=learner.pk),
        "id": str(change_id or uuid.uuid4()),
        "changed_at": at.isoformat(),
    }
    return client.post("/api/v1/attendance/scans?lang=en", body, content_type="application/json", **headers)


@pytest.fixture
def today(cohort):
    return session_create(cohort=cohort, starts_at=timezone.now())


def test_a_code_scanned_offline_marks_the_trainee_present_once(client, trainer, today, members):
    bat, _saraa = members
    client.force_login(trainer)
    change_id = uuid.uuid4()
    response = scan(client, today, bat, timezone.now(), change_id, as_trainer=trainer)
    assert response.status_code == 200 and response.json()["applied"] == [str(change_id)]
    assert kept(today) == {bat.pk: "present"}
    before = snapshot(today)
    assert scan(client, today, bat, timezone.now(), change_id).json()["unchanged"] == [str(change_id)]
    assert scan(client, today, bat, timezone.now()).json()["applied"] == []  # scanned again: already present
    assert snapshot(today) == before


def test_a_code_scanned_before_the_trainee_was_marked_absent_elsewhere_is_a_conflict(client, trainer, today, members):
    bat, _saraa = members
    client.force_login(trainer)
    scanned_at = timezone.now() - timedelta(minutes=1)
    send(client, today, change(bat, "absent", timezone.now()))
    response = scan(client, today, bat, scanned_at)
    assert response.json()["conflicts"][0]["kept_status"] == "absent"
    assert kept(today) == {bat.pk: "absent"}


def test_a_code_is_verified_when_its_scan_arrives(client, course, trainer, today, members):
    bat, saraa = members
    client.force_login(trainer)
    own = scan_token(session_id=today.pk, learner_id=bat.pk)
    forged = own.split(":", 1)[0] + ":" + scan_token(session_id=today.pk, learner_id=saraa.pk).split(":", 1)[1]
    assert scan(client, today, bat, timezone.now(), token=forged).status_code == 404
    assert scan(client, today, bat, timezone.now(), as_trainer=UserFactory()).status_code == 409
    other = make_user(roles.TRAINER, email="other@example.mn")
    authorise(other, course)
    client.force_login(other)
    assert scan(client, today, bat, timezone.now()).status_code == 404
    assert kept(today) == {}


def test_a_code_scanned_on_another_day_than_its_sessions_is_refused(client, trainer, members, cohort):
    bat, _saraa = members
    client.force_login(trainer)
    last_week = session_create(cohort=cohort, starts_at=timezone.now() - timedelta(days=7))
    response = scan(client, last_week, bat, timezone.now())
    assert response.status_code == 400
    assert "only on the day of its session" in response.json()["detail"]
    assert kept(last_week) == {}
