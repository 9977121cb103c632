"""The roster with a code in each trainee's row, and marking a trainee present by scanning it."""

import subprocess
from datetime import timedelta

import pytest
import segno
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts import roles
from cohorts.attendance_sheet import qr_svg
from cohorts.models import Attendance, Cohort, CohortMembership
from cohorts.scan import read_scan_token, scan_token, scan_url, short_code
from cohorts.services import membership_add, membership_withdraw, memberships_add_many, session_create
from tests.cohorts.test_attendance_sheet import pdf_text
from tests.factories import UserFactory, authorise, make_user, open_cohort

# The roster PDF, with the course's outline cached: the signed-in session and user, the cohort
# through the scoping queryset, the session, the trainees, the session's marks and the co-trainers,
# whatever the number of trainees.
ROSTER_QUERIES = 9


@pytest.fixture
def members(cohort, organisation):
    people = [
        UserFactory(organisation=organisation, last_name="Цэцэг", first_name="Өлзий"),
        UserFactory(organisation=organisation, last_name="Болд", first_name="Сарангэрэл"),
        UserFactory(organisation=organisation, last_name="Баатар", first_name="Тэмүүлэн"),
    ]
    for person in people:
        membership_add(cohort=cohort, learner=person, source=CohortMembership.Source.TRAINER)
    return people


@pytest.fixture
def session(cohort):
    return session_create(cohort=cohort, starts_at=timezone.now(), place="Дархан")


def roster(client, cohort, session, language="en"):
    with translation.override(language):
        response = client.get(reverse("attendance_roster", args=[cohort.pk, session.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.content


def scan_path(session, learner, language="en") -> str:
    with translation.override(language):
        return reverse("attendance_scan", args=[scan_token(session_id=session.pk, learner_id=learner.pk)])


# --- The roster ---------------------------------------------------------------------------------


def test_the_roster_lists_each_trainee_by_family_name_with_a_short_code(client, trainer, cohort, session, members):
    client.force_login(trainer)
    text = pdf_text(roster(client, cohort, session))
    assert "Roster with codes" in text and "Signature" in text
    for person in members:
        assert f"{person.last_name} {person.first_name}" in text
        assert short_code(session_id=session.pk, learner_id=person.pk) in text
    # Баатар, Болд, Цэцэг: the Mongolian alphabet's order, as on the sheet.
    positions = [text.index(p.last_name) for p in reversed(members)]
    assert positions == sorted(positions)


def test_the_roster_is_in_mongolian_for_a_trainer_working_in_mongolian(client, trainer, cohort, session, members):
    client.force_login(trainer)
    text = pdf_text(roster(client, cohort, session, language="mn"))
    assert "Гарын үсэг" in text
    assert "Roster with codes" not in text


def test_each_qr_code_on_the_printed_roster_opens_its_trainees_scan_page(
    client, trainer, cohort, session, members, tmp_path
):
    import zxingcpp
    from PIL import Image

    client.force_login(trainer)
    (tmp_path / "roster.pdf").write_bytes(roster(client, cohort, session))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(tmp_path / "roster.pdf"), str(tmp_path / "page")],
        check=True,
    )
    scanned = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    with translation.override("en"):
        expected = {scan_url(session_id=session.pk, learner_id=p.pk) for p in members}
    assert {code.text for code in scanned} == expected
    assert all(url.startswith(settings.WAGTAILADMIN_BASE_URL) and "/en/attendance/scan/" in url for url in expected)


def test_the_qr_code_drawn_is_the_code_of_the_trainees_address(session, members):
    url = scan_url(session_id=session.pk, learner_id=members[0].pk)
    drawn = segno.make(url, error="m").svg_inline(scale=1, border=2, dark="#000", light=None, omitsize=True)
    assert qr_svg(url) == drawn


def test_the_token_names_no_one_and_belongs_to_its_session_and_trainee(session, members):
    token = scan_token(session_id=session.pk, learner_id=members[0].pk)
    assert read_scan_token(token) == (session.pk, members[0].pk)
    assert members[0].last_name not in token and members[0].email not in token
    assert token != scan_token(session_id=session.pk, learner_id=members[1].pk)
    assert token != scan_token(session_id=session.pk + 1, learner_id=members[0].pk)
    _value, signature = token.split(":", 1)
    forged = scan_token(session_id=session.pk + 1, learner_id=members[0].pk).split(":", 1)[0] + ":" + signature
    assert read_scan_token(forged) is None
    assert read_scan_token("nonsense") is None


def _cohort_of(size: int, course, organisation):
    trainer = make_user(roles.TRAINER, organisation=organisation)
    authorise(trainer, course)

    cohort = open_cohort(course, trainer, name=f"Size {size}")
    people = [UserFactory(organisation=organisation) for _ in range(size)]
    memberships_add_many(cohort=cohort, learners=people, source=CohortMembership.Source.IMPORT)
    return trainer, cohort, session_create(cohort=cohort, starts_at=timezone.now())


def test_the_roster_costs_the_same_queries_for_3_and_30_trainees(
    client, course, organisation, django_assert_max_num_queries
):
    counts = []
    warm_up = _cohort_of(1, course, organisation)  # the course's outline, cached once per process
    client.force_login(warm_up[0])
    roster(client, *warm_up[1:])
    for size in (3, 30):
        trainer, cohort, session = _cohort_of(size, course, organisation)
        client.force_login(trainer)
        with django_assert_max_num_queries(ROSTER_QUERIES), CaptureQueriesContext(connection) as queries:
            roster(client, cohort, session)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


# --- Scanning -----------------------------------------------------------------------------------


def test_scanning_shows_the_trainee_and_a_get_changes_nothing(client, trainer, cohort, session, members):
    client.force_login(trainer)
    response = client.get(scan_path(session, members[0]))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"{members[0].last_name} {members[0].first_name}" in page
    assert members[1].last_name not in page
    assert "Mark present" in page and 'method="post"' in page
    assert short_code(session_id=session.pk, learner_id=members[0].pk) in page
    assert not Attendance.objects.exists()


def test_marking_present_records_one_attendance_and_a_second_scan_changes_nothing(
    client, trainer, cohort, session, members
):
    client.force_login(trainer)
    path = scan_path(session, members[1])
    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == path + "?marked=now"
    record = Attendance.objects.get()
    assert (record.learner, record.status, record.recorded_by) == (members[1], "present", trainer)
    session.refresh_from_db()
    assert session.attendance_taken_at is not None
    page = client.get(response["Location"]).content.decode()
    assert "Marked present at" in page and "Scan the next trainee" in page
    assert reverse("attendance_take", args=[cohort.pk, session.pk]) in page

    again = client.post(path)
    assert again.status_code == 302 and again["Location"] == path
    assert list(Attendance.objects.values_list("pk", "recorded_at")) == [(record.pk, record.recorded_at)]
    page = client.get(path).content.decode()
    at = timezone.localtime(record.recorded_at).strftime("%H:%M")
    assert f"Already marked at {at}: Present." in page and "Mark present" not in page


def test_the_attendance_page_shows_the_scanned_mark_and_the_others_absent(client, trainer, cohort, session, members):
    client.force_login(trainer)
    client.post(scan_path(session, members[1]))
    page = client.get(reverse("attendance_take", args=[cohort.pk, session.pk])).content.decode()
    assert "Marked at" in page and "those not yet marked are shown absent" in page
    assert f'id="status-{members[1].pk}-present" name="status-{members[1].pk}" value="present" checked' in page
    assert f'id="status-{members[0].pk}-absent" name="status-{members[0].pk}" value="absent" checked' in page


def test_a_trainee_marked_absent_before_is_marked_present_by_the_scan(client, trainer, cohort, session, members):
    from cohorts.services import attendance_record

    attendance_record(session=session, marks={members[0].pk: "absent"}, by=trainer)
    client.force_login(trainer)
    client.post(scan_path(session, members[0]))
    assert Attendance.objects.get(learner=members[0]).status == "present"
    assert Attendance.objects.count() == 3


@pytest.mark.parametrize("language", ["en", "mn"])
def test_a_trainee_who_left_is_refused_with_a_message_and_nothing_changes(
    client, trainer, cohort, session, members, language
):
    membership_withdraw(membership=CohortMembership.objects.get(learner=members[0]), by=trainer)
    client.force_login(trainer)
    response = client.post(scan_path(session, members[0], language))
    page = response.content.decode()
    assert response.status_code == 200
    message = {"en": "This trainee is no longer in this cohort.", "mn": "Энэ суралцагч"}[language]
    assert message in page and "Mark present" not in page
    assert not Attendance.objects.exists()


def test_a_closed_cohort_refuses_the_scan(client, trainer, cohort, session, members):
    Cohort.objects.filter(pk=cohort.pk).update(status=Cohort.Status.CLOSED)
    client.force_login(trainer)
    response = client.post(scan_path(session, members[0]))
    assert response.status_code == 200 and "This cohort is closed." in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("days", [-2, 3])
def test_a_code_works_only_on_the_day_of_its_session(client, trainer, cohort, members, days):
    other_day = session_create(cohort=cohort, starts_at=timezone.now() + timedelta(days=days))
    client.force_login(trainer)
    response = client.post(scan_path(other_day, members[0]))
    page = response.content.decode()
    assert response.status_code == 200 and "This code works only on the day of its session" in page
    assert not Attendance.objects.exists()
    with translation.override("mn"):
        page = client.post(scan_path(other_day, members[0], "mn")).content.decode()
    assert "Ямар ч бүртгэл хийгдээгүй." in page


def test_a_tampered_or_foreign_token_is_a_404(client, trainer, cohort, session, members):
    client.force_login(trainer)
    token = scan_token(session_id=session.pk, learner_id=members[0].pk)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for bad in (tampered, "WzEsMl0:abc", token.replace(":", "-")):
        assert client.get(reverse("attendance_scan", args=[bad])).status_code == 404
        assert client.post(reverse("attendance_scan", args=[bad])).status_code == 404
    assert not Attendance.objects.exists()


def test_a_token_for_someone_outside_the_cohort_is_a_404(client, trainer, session, organisation):
    stranger = UserFactory(organisation=organisation)
    client.force_login(trainer)
    assert client.post(scan_path(session, stranger)).status_code == 404
    assert not Attendance.objects.exists()


def test_the_trainee_scanning_their_own_code_gets_a_404_without_their_name(client, session, members):
    client.force_login(members[0])
    response = client.get(scan_path(session, members[0]))
    assert response.status_code == 404 and members[0].last_name not in response.content.decode()
    assert client.post(scan_path(session, members[0])).status_code == 404
    assert not Attendance.objects.exists()


def test_an_anonymous_visitor_signs_in_and_comes_back(client, session, members):
    path = scan_path(session, members[0])
    response = client.get(path)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "next=" in response["Location"]
    assert not Attendance.objects.exists()
