"""Every certificates URL, as every role, on one's own certificate, a colleague's (a trainee of the
trainer, in the coordinator's organisation) and an outsider's (architecture §4.2)."""

import pytest
from django.conf import settings
from django.urls import reverse

from accounts import roles
from certificates.bundles import bundle_build
from certificates.exporting import export_request
from certificates.models import CertificateBundle
from certificates.status_list import status_entry
from cohorts.services import membership_add
from core.downloads import download_build
from tests.factories import authorise, build_course, issued, make_rule, open_cohort
from tests.scoping import Route, build_world, check, matrix, matrix_ids


@pytest.fixture
def world(db):
    world = build_world()
    course = build_course(modules=1, lessons=1, slug="certified", translate=False)
    rule = make_rule(course)
    trainer = world.people[roles.TRAINER]
    authorise(trainer, course)
    cohort = open_cohort(course, trainer, organisation=world.unit_a)
    membership_add(cohort=cohort, learner=world.objects["colleague"], source="trainer")
    certificates = {f"self:{person.email}": issued(person, rule) for person in world.people.values()}
    certificates["colleague"] = issued(world.objects["colleague"], rule)
    certificates["outsider"] = issued(world.objects["outsider"], rule)
    world.objects["certificates"] = certificates
    world.objects["cohort"] = cohort
    world.objects["bundle"] = bundle_build(CertificateBundle.objects.create(cohort=cohort, requested_by=trainer).pk)
    # A large export prepared for each person, as if each had asked (those who may not list
    # certificates included: their file must not be reachable either).
    world.objects["prepared"] = {
        person.email: download_build(export_request(by=person, file_format="csv", state="", cohort=None, total=0).pk)
        for person in world.people.values()
    }
    return world


def prepared_of(world, viewer, target):
    """The viewer's own prepared export ("self"), or the coordinator's."""
    email = viewer.email if target == "self" else world.people[roles.COORDINATOR].email
    return world.objects["prepared"][email]


def prepared_visible(role, target):
    """A prepared export is its requester's alone, administrators' too, while they may still list certificates."""
    return role in LISTS and (target == "self" or role == roles.COORDINATOR)


def certificate_of(world, viewer, target):
    key = f"self:{viewer.email}" if target == "self" else target
    return world.objects["certificates"][key]


def reads(role, target):
    """Own; a trainee of one's cohort (trainer); one's organisation's (coordinator); all (admin)."""
    return (
        target == "self"
        or role == roles.ADMIN
        or (target == "colleague" and role in (roles.TRAINER, roles.COORDINATOR))
    )


def manages(role, target):
    """Revoke and reissue: the coordinator for their organisation's people (not themselves), the admin."""
    return role == roles.ADMIN or (role == roles.COORDINATOR and target == "colleague")


def approves(role, target):
    return (role == roles.ADMIN and target != "self") or (role == roles.TRAINER and target == "colleague")


TARGETS = ("self", "colleague", "outsider")
LISTS = (roles.ADMIN, roles.TRAINER, roles.MASTER_TRAINER, roles.COORDINATOR)
ROUTES = [
    Route("my_certificates", lambda w, v, t: reverse("my_certificates")),
    Route("certificate_list", lambda w, v, t: reverse("certificate_list"), visible=lambda role, t: role in LISTS),
    Route("certificate_export", lambda w, v, t: reverse("certificate_export", args=["csv"]),
          visible=lambda role, t: role in LISTS),
    Route("download", lambda w, v, t: reverse("certificate_download", args=[certificate_of(w, v, t).pk]),
          targets=TARGETS, visible=reads),
    Route("credential", lambda w, v, t: reverse("certificate_credential", args=[certificate_of(w, v, t).pk]),
          targets=TARGETS, visible=reads),
    Route("revoke", lambda w, v, t: reverse("certificate_action", args=[certificate_of(w, v, t).pk, "revoke"]),
          targets=TARGETS, visible=manages),
    Route("reissue", lambda w, v, t: reverse("certificate_action", args=[certificate_of(w, v, t).pk, "reissue"]),
          targets=TARGETS, visible=manages),
    # An issued certificate waits for no approval: whoever may approve it is told so and sent back.
    Route("approve", lambda w, v, t: reverse("certificate_action", args=[certificate_of(w, v, t).pk, "approve"]),
          targets=TARGETS, visible=approves, method="post", ok_status=302),
    # The cohort's certificates as a ZIP: whoever reads the cohort may ask; the file is theirs alone.
    Route("bundle_create", lambda w, v, t: reverse("certificate_bundle_create", args=[w.objects["cohort"].pk]),
          visible=lambda role, t: role in (roles.ADMIN, roles.TRAINER, roles.COORDINATOR), method="post",
          ok_status=302),
    Route("bundle", lambda w, v, t: reverse("certificate_bundle", args=[w.objects["bundle"].pk]),
          visible=lambda role, t: role in (roles.ADMIN, roles.TRAINER)),
    Route("bundle_download", lambda w, v, t: reverse("certificate_bundle_download", args=[w.objects["bundle"].pk]),
          visible=lambda role, t: role in (roles.ADMIN, roles.TRAINER)),
    Route("prepared_export", lambda w, v, t: reverse("prepared_download", args=[prepared_of(w, v, t).pk]),
          targets=("self", "coordinators"), visible=prepared_visible),
    Route("prepared_export_status",
          lambda w, v, t: reverse("prepared_download_status", args=[prepared_of(w, v, t).pk]),
          targets=("self", "coordinators"), visible=prepared_visible),
    Route("prepared_export_file",
          lambda w, v, t: reverse("prepared_download_file", args=[prepared_of(w, v, t).pk]),
          targets=("self", "coordinators"), visible=prepared_visible),
    Route("verify_form", lambda w, v, t: reverse("certificate_verify"), public=True),
    Route("credential_issuer", lambda w, v, t: reverse("credential_issuer"), public=True),
    Route("credential_jwks", lambda w, v, t: reverse("credential_jwks"), public=True),
    # The revocation list an outsider's credential points to: public, like the key that signs it.
    Route("credential_status_list", lambda w, v, t: status_entry(w.objects["certificates"][t])["statusListCredential"]
          .removeprefix(settings.WAGTAILADMIN_BASE_URL.rstrip("/")), targets=("outsider",), public=True),
    Route("verify", lambda w, v, t: reverse("certificate_verify_code", args=[w.objects["certificates"][t].code]),
          targets=("outsider",), public=True),
    Route("api_verify", lambda w, v, t: f"/api/v1/certificates/verify/{w.objects['certificates'][t].code}",
          targets=("outsider",), public=True, api=True),
]  # fmt: skip


@pytest.mark.parametrize(("route", "role", "target"), matrix(ROUTES), ids=matrix_ids(ROUTES))
def test_certificate_urls_are_scoped(client, world, route, role, target):
    check(client, world, route, role, target)


def test_nobody_outside_the_scope_can_revoke(client, world):
    """The trainer posts a revocation of their own trainee's certificate: 404, and it stays valid."""
    colleague = world.objects["certificates"]["colleague"]
    client.force_login(world.people[roles.TRAINER])
    response = client.post(reverse("certificate_action", args=[colleague.pk, "revoke"]), {"reason": "Би хүссэн."})
    assert response.status_code == 404
    colleague.refresh_from_db()
    assert colleague.status() == "valid"


@pytest.mark.parametrize("role", LISTS)
def test_the_export_holds_the_certificates_of_the_scope_and_no_others(client, world, role):
    """Not only may the role open the export: its rows are the people it may read, never its own
    certificate (that is under My certificates) and never an outsider's unless it reads everyone."""
    import csv
    import io

    client.force_login(world.people[role])
    response = client.get(reverse("certificate_export", args=["csv"]))
    codes = {row[0] for row in list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]}
    certificates = world.objects["certificates"]
    for target in ("colleague", "outsider"):
        assert (certificates[target].display_code in codes) == reads(role, target), target
    assert certificates[f"self:{world.people[role].email}"].display_code not in codes
