"""Every cohort URL and API endpoint, as every role, on one's own cohort and on another trainer's
(architecture §4.2). Another trainer's cohort answers 404 and nothing in it changes."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from accounts import roles
from assessments.models import Observation
from cohorts import importing
from cohorts.models import Attendance, Cohort, CohortMembership, Invitation, Reminder, TeachingAuthorisation
from cohorts.scan import scan_token
from cohorts.services import authorisation_revoke, invitation_send, membership_add, session_create
from tests.factories import authorise, build_course, make_user, open_cohort
from tests.practical import add_practical, observe
from tests.scoping import ANONYMOUS, Route, build_world, check, matrix, matrix_ids


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """Built once for the module (two courses and their translations cost seconds) and rolled back
    at its end; each test runs in a transaction of its own inside it, so what one changes the next
    never sees."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build()
        transaction.set_rollback(True)


@pytest.fixture
def world(shared_world, db):
    return shared_world


def _build():
    world = build_world()
    course = build_course(self_enrolment=False, slug="taught")
    tot = build_course(slug="tot", tot_for=course, translate=False)
    master, trainer = world.people[roles.MASTER_TRAINER], world.people[roles.TRAINER]
    authorise(master, tot)
    authorise(master, course)
    tot_cohort = open_cohort(tot, master, name="ToT", organisation=world.unit_a)
    authorise(trainer, course, basis=TeachingAuthorisation.Basis.TOT_COHORT, source_cohort=tot_cohort)
    other_trainer = make_user(roles.TRAINER, organisation=world.org_b, email="other-trainer@scope.mn")
    authorise(other_trainer, course)
    own = open_cohort(course, trainer, name="Own", organisation=world.unit_a)
    foreign = open_cohort(course, other_trainer, name="Foreign", organisation=world.org_b)
    own_member = membership_add(cohort=own, learner=world.people[roles.LEARNER], source="trainer")
    foreign_member = membership_add(cohort=foreign, learner=world.objects["outsider"], source="trainer")
    practical = add_practical(course)
    observations = {
        "own": observe(practical, own_member.learner, assessor=trainer),
        "foreign": observe(practical, foreign_member.learner, assessor=other_trainer),
    }
    start = timezone.now() + timedelta(days=1)
    spreadsheet = "email,family_name,given_name\nnew.trainee@example.mn,Дорж,Бат\n".encode()
    imports = {
        "own": importing.check(cohort=own, file_name="own.csv", data=spreadsheet, by=trainer),
        "foreign": importing.check(cohort=foreign, file_name="foreign.csv", data=spreadsheet, by=other_trainer),
    }
    invitations = {
        "own": invitation_send(cohort=own, email="invited@example.mn", by=trainer, language="mn"),
        "foreign": invitation_send(cohort=foreign, email="invited@example.mn", by=other_trainer, language="mn"),
    }
    authorisations = {
        "own": TeachingAuthorisation.objects.get(trainer=trainer),
        "foreign": TeachingAuthorisation.objects.get(trainer=other_trainer),
    }
    world.objects.update(
        imports=imports,
        invitations=invitations,
        authorisations=authorisations,
        course=course,
        other_trainer=other_trainer,
        own=own,
        foreign=foreign,
        members={"own": own_member, "foreign": foreign_member},
        practical=practical,
        observations=observations,
        sessions={"own": session_create(cohort=own, starts_at=start),
                  "foreign": session_create(cohort=foreign, starts_at=start)},
        sessions_today={"own": session_create(cohort=own, starts_at=timezone.now()),
                        "foreign": session_create(cohort=foreign, starts_at=timezone.now())},
    )  # fmt: skip
    return world


def cohort(world, target) -> Cohort:
    return world.objects[target]


def reads(role, target):
    """Dashboards: the lead trainer; the master trainer downstream; the coordinator of the organisation."""
    return role == roles.ADMIN or (target == "own" and role in (roles.TRAINER, roles.MASTER_TRAINER, roles.COORDINATOR))


def runs(role, target):
    """Changes: only the trainer who runs it (and an administrator)."""
    return role == roles.ADMIN or (target == "own" and role == roles.TRAINER)


def coordinates(role, target):
    """Handing over and closing: the coordinator of the cohort's organisation (and an administrator)."""
    return role == roles.ADMIN or (target == "own" and role == roles.COORDINATOR)


def url(name, *extra):
    return lambda w, v, t: reverse(name, args=[cohort(w, t).pk, *[e(w, t) for e in extra]])


def learner_of(w, t):
    return w.objects["members"][t].learner_id


def membership_of(w, t):
    return w.objects["members"][t].pk


def session_of(w, t):
    return w.objects["sessions"][t].pk


def scan_of(w, t):
    """The scan address of the cohort's trainee in its session today (a code works on its day only)."""
    session = w.objects["sessions_today"][t]
    return reverse("attendance_scan", args=[scan_token(session_id=session.pk, learner_id=learner_of(w, t))])


def tampered_scan_of(w, t):
    """The own trainee's code with the other session's number put in: the signature no longer fits."""
    own = scan_token(session_id=w.objects["sessions_today"]["own"].pk, learner_id=learner_of(w, "own"))
    other = scan_token(session_id=w.objects["sessions_today"]["foreign"].pk, learner_id=learner_of(w, "own"))
    return reverse("attendance_scan", args=[other.split(":", 1)[0] + ":" + own.split(":", 1)[1]])


def cross_session_scan_of(w, t):
    """Signed, but naming the own trainee in the other trainer's session, where they are not."""
    session = w.objects["sessions_today"]["foreign"]
    return reverse("attendance_scan", args=[scan_token(session_id=session.pk, learner_id=learner_of(w, "own"))])


def import_of(w, t):
    return w.objects["imports"][t].pk


def invitation_of(w, t):
    return w.objects["invitations"][t].pk


TARGETS = ("own", "foreign")
ROUTES = [
    Route("dashboard", url("cohort_dashboard"), targets=TARGETS, visible=reads),
    Route("trainee", url("cohort_trainee", learner_of), targets=TARGETS, visible=reads),
    Route("sessions", url("cohort_sessions"), targets=TARGETS, visible=reads),
    Route("sheet", url("attendance_sheet", session_of), targets=TARGETS, visible=reads),
    Route("export_csv", lambda w, v, t: reverse("cohort_export", args=[cohort(w, t).pk, "csv"]), targets=TARGETS,
          visible=reads),
    Route("export_xlsx", lambda w, v, t: reverse("cohort_export", args=[cohort(w, t).pk, "xlsx"]), targets=TARGETS,
          visible=reads),
    Route("api_progress", lambda w, v, t: f"/api/v1/cohorts/{cohort(w, t).pk}/progress", targets=TARGETS,
          visible=reads, api=True),
    Route("practical", url("cohort_practical"), targets=TARGETS, visible=reads),
    # An observation: its learner, and whoever reads the cohort of that learner.
    Route("observation", lambda w, v, t: reverse("observation", args=[w.objects["observations"][t].pk]),
          targets=TARGETS, visible=lambda role, t: reads(role, t) or (role == roles.LEARNER and t == "own")),
    Route("observe", lambda w, v, t: reverse("observe", args=[w.objects["practical"].pk, learner_of(w, t)]),
          targets=TARGETS, visible=runs),
    Route("observe_in_english", lambda w, v, t: reverse("observe", args=[
          w.objects["practical"].get_translation(Locale.objects.get(language_code="en")).pk, learner_of(w, t)]),
          targets=TARGETS, visible=runs),
    Route("edit", url("cohort_edit"), targets=TARGETS, visible=runs),
    # Handing a cohort to another trainer, or closing it: the coordinator of its organisation.
    Route("hand_over", url("cohort_hand_over"), targets=TARGETS, visible=coordinates),
    Route("invite", url("cohort_invite"), targets=TARGETS, visible=runs),
    Route("resend_invitation", url("cohort_invitation_resend", invitation_of), targets=TARGETS, visible=runs,
          method="post", ok_status=302),
    Route("remind", url("cohort_remind"), targets=TARGETS, visible=runs),
    Route("import", url("cohort_import"), targets=TARGETS, visible=runs),
    Route("take_attendance", url("attendance_take", session_of), targets=TARGETS, visible=runs),
    # The roster's codes, and the page they open: only those who take the session's attendance.
    Route("roster", url("attendance_roster", session_of), targets=TARGETS, visible=runs),
    Route("scan", lambda w, v, t: scan_of(w, t), targets=TARGETS, visible=runs),
    Route("scan_mark", lambda w, v, t: scan_of(w, t), targets=TARGETS, visible=runs, method="post", ok_status=302),
    Route("scan_tampered", lambda w, v, t: tampered_scan_of(w, t), targets=("own",), visible=lambda role, t: False),
    Route("scan_tampered_mark", lambda w, v, t: tampered_scan_of(w, t), targets=("own",),
          visible=lambda role, t: False, method="post"),
    Route("scan_other_session", lambda w, v, t: cross_session_scan_of(w, t), targets=("own",),
          visible=lambda role, t: False),
    Route("scan_other_session_mark", lambda w, v, t: cross_session_scan_of(w, t), targets=("own",),
          visible=lambda role, t: False, method="post"),
    Route("new_join_code", url("cohort_join_code"), targets=TARGETS, visible=runs, method="post", ok_status=302),
    Route("withdraw", lambda w, v, t: reverse("cohort_member_action", args=[cohort(w, t).pk, membership_of(w, t),
          "withdraw"]), targets=TARGETS, visible=runs, method="post", ok_status=302),
    Route("api_attendance", lambda w, v, t: f"/api/v1/cohorts/{cohort(w, t).pk}/attendance", targets=TARGETS,
          visible=runs, method="post", api=True),
    # Marks made on a phone offline, and roster codes scanned offline, sent when it is back online.
    Route("api_attendance_changes", lambda w, v, t: f"/api/v1/cohorts/{cohort(w, t).pk}/sessions/"
          f"{session_of(w, t)}/attendance/changes", targets=TARGETS, visible=runs, method="post", api=True),
    Route("api_attendance_changes_other_session", lambda w, v, t: f"/api/v1/cohorts/{cohort(w, 'own').pk}/sessions/"
          f"{session_of(w, 'foreign')}/attendance/changes", targets=("own",), visible=lambda role, t: False,
          method="post", api=True),
    Route("api_attendance_scan", lambda w, v, t: "/api/v1/attendance/scans", targets=TARGETS, visible=runs,
          method="post", api=True),
    # What the worker shows for a code opened offline: a page of the shell that names no one.
    Route("scan_offline", lambda w, v, t: reverse("attendance_scan_offline"), public=True),
    Route("import_template", lambda w, v, t: reverse("cohort_import_template", args=[cohort(w, t).pk, "xlsx"]),
          targets=TARGETS, visible=runs),
    Route("import_preview", url("cohort_import_preview", import_of), targets=TARGETS, visible=runs),
    Route("import_status", url("cohort_import_status", import_of), targets=TARGETS, visible=runs),
    # The coordinator of organisation A revokes for A's people; the other trainer is in B.
    Route("revoke", lambda w, v, t: reverse("authorisation_revoke", args=[w.objects["authorisations"][t].pk]),
          targets=TARGETS, visible=lambda role, t: role == roles.ADMIN or (role == roles.COORDINATOR and t == "own")),
    Route("join_link", lambda w, v, t: reverse("cohort_join_link", args=[cohort(w, t).join_code]), targets=("own",)),
    # Only someone authorised for a course may open a cohort (the trainer and the master trainer here).
    Route("cohort_create", lambda w, v, t: reverse("cohort_create"),
          visible=lambda role, t: role in (roles.TRAINER, roles.MASTER_TRAINER)),
    Route("cohort_index", lambda w, v, t: reverse("cohort_index"),
          visible=lambda role, t: role in (roles.ADMIN, roles.TRAINER, roles.MASTER_TRAINER, roles.COORDINATOR)),
    Route("cascade", lambda w, v, t: reverse("cascade"),
          visible=lambda role, t: role in (roles.ADMIN, roles.MASTER_TRAINER)),
    Route("authorisations", lambda w, v, t: reverse("authorisations"),
          visible=lambda role, t: role in (roles.ADMIN, roles.TRAINER, roles.MASTER_TRAINER, roles.COORDINATOR)),
    Route("grant", lambda w, v, t: reverse("authorisation_grant"),
          visible=lambda role, t: role in (roles.ADMIN, roles.COORDINATOR)),
    Route("api_cohorts", lambda w, v, t: "/api/v1/cohorts", api=True),
    Route("join", lambda w, v, t: reverse("cohort_join")),
]  # fmt: skip


def api_body(world, route: Route, target: str) -> dict:
    """What each attendance operation of the API is sent: the target cohort's trainee in its session."""
    if route.name == "api_attendance":
        return {"session_id": world.objects["sessions"][target].pk, "marks": {}}
    if route.name == "api_attendance_scan":
        session = world.objects["sessions_today"][target]
        return {
            "token": scan_token(session_id=session.pk, learner_id=learner_of(world, target)),
            "id": str(uuid.uuid4()),
            "changed_at": timezone.now().isoformat(),
        }
    change = {"id": str(uuid.uuid4()), "status": "late", "changed_at": timezone.now().isoformat()}
    return {"changes": [{**change, "trainee_id": learner_of(world, target)}]}


API_POSTS = ("api_attendance", "api_attendance_changes", "api_attendance_changes_other_session", "api_attendance_scan")


@pytest.mark.parametrize(("route", "role", "target"), matrix(ROUTES), ids=matrix_ids(ROUTES))
def test_cohort_urls_are_scoped(client, world, route, role, target):
    if route.name in API_POSTS:
        viewer = world.actor(role)
        if viewer is not None:
            client.force_login(viewer)
        response = client.post(
            route.url(world, viewer, target), api_body(world, route, target), content_type="application/json"
        )
        expected = 401 if role == ANONYMOUS else (200 if route.visible(role, target) else 404)
        assert response.status_code == expected, (route.name, role, target, response.content)
        return
    check(client, world, route, role, target)


def snapshot(cohort: Cohort) -> dict:
    return {
        "cohort": Cohort.objects.filter(pk=cohort.pk).values().get(),
        "memberships": list(CohortMembership.objects.filter(cohort=cohort).values().order_by("pk")),
        "attendance": list(Attendance.objects.filter(session__cohort=cohort).values().order_by("pk")),
        "invitations": list(Invitation.objects.filter(cohort=cohort).values().order_by("pk")),
        "reminders": Reminder.objects.filter(cohort=cohort).count(),
        "sessions": cohort.sessions.count(),
    }


def test_another_trainer_can_change_nothing_in_a_cohort_that_is_not_theirs(client, world):
    """Trainer B against trainer A's cohort: every write answers 404 and nothing changes."""
    own, member = world.objects["own"], world.objects["members"]["own"]
    session = world.objects["sessions"]["own"]
    b_cohort = world.objects["foreign"]
    before = snapshot(own)
    client.force_login(world.objects["other_trainer"])
    attempts = [
        ("post", reverse("cohort_edit", args=[own.pk]), {"name": "Taken over", "mode": "online",
                                                         "starts_on": "2026-12-01", "status": "running",
                                                         "inactive_days": 14, "organisation": own.organisation_id}),
        ("post", reverse("cohort_join_code", args=[own.pk]), {}),
        ("post", reverse("cohort_invite", args=[own.pk]), {"emails": "new@example.mn", "language": "mn"}),
        ("post", reverse("cohort_invitation_resend", args=[own.pk, world.objects["invitations"]["own"].pk]), {}),
        ("post", reverse("cohort_invitation_resend", args=[b_cohort.pk, world.objects["invitations"]["own"].pk]), {}),
        ("post", reverse("cohort_remind", args=[own.pk]), {"learner": [member.learner_id], "message": "Hello"}),
        ("post", reverse("cohort_member_action", args=[own.pk, member.pk, "withdraw"]), {}),
        ("post", reverse("cohort_member_action", args=[own.pk, member.pk, "move"]), {"to_cohort": b_cohort.pk}),
        ("post", reverse("cohort_member_action", args=[b_cohort.pk, member.pk, "move"]), {"to_cohort": b_cohort.pk}),
        ("post", reverse("attendance_take", args=[own.pk, session.pk]), {f"status-{member.learner_id}": "absent"}),
        ("post", reverse("cohort_sessions", args=[own.pk]), {"starts_at": "2026-12-02T10:00"}),
        ("post", reverse("cohort_import", args=[own.pk]), {}),
        ("get", reverse("cohort_export", args=[own.pk, "csv"]), {}),
        ("get", reverse("attendance_roster", args=[own.pk, session.pk]), {}),
        ("get", scan_of(world, "own"), {}),
        ("post", scan_of(world, "own"), {}),
    ]  # fmt: skip
    for method, address, data in attempts:
        response = getattr(client, method)(address, data)
        assert response.status_code == 404, (address, response.status_code)
    api = client.post(
        f"/api/v1/cohorts/{own.pk}/attendance",
        {"session_id": session.pk, "marks": {str(member.learner_id): "absent"}},
        content_type="application/json",
    )
    assert api.status_code == 404
    for route in ROUTES:
        if route.name in API_POSTS and "own" in route.targets:
            body = api_body(world, route, "own")
            assert client.post(route.url(world, None, "own"), body, content_type="application/json").status_code == 404
    assert client.get(f"/api/v1/cohorts/{own.pk}/progress").status_code == 404
    assert own.pk not in [c["id"] for c in client.get("/api/v1/cohorts").json()]
    assert "Own" not in client.get(reverse("cohort_index")).content.decode()
    assert snapshot(own) == before
    assert not mail.outbox


def test_a_co_trainer_sees_only_the_cohorts_they_co_lead(client, world):
    co = make_user(roles.TRAINER, organisation=world.unit_a, email="co@scope.mn")
    authorise(co, world.objects["course"])
    world.objects["own"].co_trainers.add(co)
    client.force_login(co)
    assert client.get(reverse("cohort_dashboard", args=[world.objects["own"].pk])).status_code == 200
    assert client.get(reverse("cohort_dashboard", args=[world.objects["foreign"].pk])).status_code == 404
    assert [c["name"] for c in client.get("/api/v1/cohorts").json()] == ["Own"]


def test_a_learner_sees_only_their_own_records(client, world):
    learner = world.people[roles.LEARNER]
    client.force_login(learner)
    assert client.get("/api/v1/cohorts").json() == []
    assert client.get(reverse("cohort_trainee", args=[world.objects["own"].pk, learner.pk])).status_code == 404


def test_another_trainer_cannot_score_or_read_a_trainee_who_is_not_theirs(client, world):
    """Trainer B posts a full scoring of trainer A's trainee: 404, and no observation is recorded."""
    practical, member = world.objects["practical"], world.objects["members"]["own"]
    before = Observation.objects.filter(learner=member.learner).count()
    client.force_login(world.objects["other_trainer"])
    data = {f"level-criterion-{n}": "3" for n in range(3)}
    data.update(observed_on=timezone.localdate().isoformat(), submission_key=str(uuid.uuid4()))
    assert client.post(reverse("observe", args=[practical.pk, member.learner_id]), data).status_code == 404
    assert client.get(reverse("observation", args=[world.objects["observations"]["own"].pk])).status_code == 404
    assert Observation.objects.filter(learner=member.learner).count() == before


# Every page and endpoint of the trainer's own cohort (the join link is anyone's way in, not the cohort's).
TRAINERS_OWN = [r for r in ROUTES if "own" in r.targets and r.visible(roles.TRAINER, "own") and r.name != "join_link"]
READERS_OWN = [r for r in ROUTES if "own" in r.targets and r.visible(roles.COORDINATOR, "own") and r.method == "get"]


def revoke_own(world) -> None:
    # Read afresh: the world's objects outlive each test's rollback, so one must not carry the stamp.
    authorisation = TeachingAuthorisation.objects.get(pk=world.objects["authorisations"]["own"].pk)
    authorisation_revoke(authorisation=authorisation, by=world.people[roles.COORDINATOR], reason="Misconduct")


def _ask(client, world, route: Route, viewer):
    address = route.url(world, viewer, "own")
    if route.name in API_POSTS:
        return client.post(address, api_body(world, route, "own"), content_type="application/json")
    return getattr(client, route.method)(address, data=route.data or {})


@pytest.mark.parametrize("route", TRAINERS_OWN, ids=[r.name for r in TRAINERS_OWN])
def test_the_revoked_trainer_gets_404_on_their_cohorts_pages_at_the_next_request(client, world, route):
    trainer = world.people[roles.TRAINER]
    client.force_login(trainer)
    assert _ask(client, world, route, trainer).status_code == route.ok_status  # in their hands until now
    revoke_own(world)
    assert _ask(client, world, route, trainer).status_code == 404
    assert world.objects["own"].pk not in [c["id"] for c in client.get("/api/v1/cohorts").json()]


@pytest.mark.parametrize("route", TRAINERS_OWN, ids=[r.name for r in TRAINERS_OWN])
def test_the_trainer_whose_authorisation_expired_gets_404_on_their_cohorts_pages(client, world, route):
    trainer = world.people[roles.TRAINER]
    TeachingAuthorisation.objects.filter(pk=world.objects["authorisations"]["own"].pk).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(trainer)
    assert _ask(client, world, route, trainer).status_code == 404


@pytest.mark.parametrize("role", [roles.MASTER_TRAINER, roles.COORDINATOR])
@pytest.mark.parametrize("route", READERS_OWN, ids=[r.name for r in READERS_OWN])
def test_the_master_trainer_and_the_coordinator_still_see_a_cohort_whose_trainer_was_revoked(
    client, world, route, role
):
    revoke_own(world)
    viewer = world.people[role]
    if not route.visible(role, "own"):
        pytest.skip(f"{route.name} is not for the {role}")
    client.force_login(viewer)
    assert _ask(client, world, route, viewer).status_code == route.ok_status
