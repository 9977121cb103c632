"""axe-core on the foundation's pages, and the keyboard's first stop on every page."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .pages import demo_cohort, sign_in

pytestmark = pytest.mark.browser

# Moderate and minor findings are reported but do not fail the build.
BLOCKING_IMPACTS = {"serious", "critical"}

axe = Axe()


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            targets = " ".join(" >>> ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    at {targets}: {node['html'].strip()[:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_accessible(page) -> None:
    violations = axe.run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    others = [v for v in violations if v["impact"] not in BLOCKING_IMPACTS]
    if others:
        print(f"axe, not blocking, on {page.url}:\n{describe(others)}")
    assert not blocking, f"axe found serious or critical problems on {page.url}:\n{describe(blocking)}"


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/mn/", "mn"),
        ("/en/", "en"),
        ("/accounts/login/", "mn"),
        ("/mn/courses/", "mn"),
        ("/en/courses/trafficking-at-the-border/", "en"),
    ],
    ids=["home-mn", "home-en", "sign-in", "catalogue-mn", "course-en"],
)
def test_page_has_no_serious_accessibility_problems(page, site_server, demo, path, language):
    page.goto(site_server.url + path)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_sign_in_error_has_no_serious_accessibility_problems(page, site_server, demo):
    sign_in(page, site_server.url, "learner@demo.mn", "not-the-password-1")
    expect(page).to_have_url(f"{site_server.url}/accounts/login/")
    errors = page.locator(".form-errors[role=alert], .errorlist")
    expect(errors.first).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["mn", "en"])
def test_first_tab_reaches_the_skip_link_which_moves_to_the_content(page, site_server, demo, language):
    page.goto(f"{site_server.url}/{language}/")
    page.keyboard.press("Tab")

    skip_link = page.locator('a[href="#main"]')
    expect(skip_link).to_be_focused()
    # Hidden until focused, then on screen where a sighted keyboard user can see it.
    expect(skip_link).to_be_in_viewport()
    expect(skip_link).not_to_have_text("")

    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_server.url}/{language}/#main")
    expect(page.locator("main#main")).to_be_focused()


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/mn/learning/", "mn"),
        ("/mn/courses/trafficking-at-the-border/", "mn"),
        ("/mn/courses/trafficking-at-the-border/recognise-speak-act/speaking-with-the-child/", "mn"),
        ("/en/courses/trafficking-at-the-border/recognise-speak-act/trafficking-indicators/", "en"),
        ("/mn/my/certificates/", "mn"),
        ("/mn/join/", "mn"),
    ],
    ids=["my-learning", "course-enrolled", "lesson-with-content-note", "lesson-en", "my-certificates", "join-code"],
)
def test_learner_pages_have_no_serious_accessibility_problems(page, site_server, demo, path, language):
    sign_in(page, site_server.url, "learner2@demo.mn")
    expect(page.locator("header form[action='/accounts/logout/']")).to_be_attached()
    page.goto(site_server.url + path)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # Open every folded part, so that axe also checks what a content note hides.
    page.locator("details").evaluate_all("nodes => nodes.forEach(node => node.open = true)")
    assert_accessible(page)


@pytest.mark.parametrize("status", ["valid", "expired", "revoked", "unknown"])
def test_the_public_verification_page_has_no_serious_accessibility_problems(page, site_server, demo, status):
    from lms.demo.certificates import demo_certificates

    code = demo_certificates()[status].display_code if status != "unknown" else "0000-0000-0000-00"
    response = page.goto(f"{site_server.url}/verify/{code}/")
    assert response.status == (404 if status == "unknown" else 200)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_the_invitation_page_has_no_serious_accessibility_problems(page, site_server, demo, django_db_blocker):
    """Someone invited by e-mail, without an account yet, opens the link and meets this page first."""
    from cohorts.services import invitation_send

    with django_db_blocker.unblock():
        cohort = demo_cohort(demo["trainer@demo.mn"])
        invitation = invitation_send(
            cohort=cohort, email="new-person@example.mn", by=demo["trainer@demo.mn"], language="mn"
        )
    page.goto(f"{site_server.url}/mn/invitations/{invitation.token}/")
    expect(page.locator("input[name=family_name]")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_an_imported_trainee_sets_a_password_and_the_trainer_resends_on_a_phone(
    page, site_server, demo, django_db_blocker
):
    """A trainee the spreadsheet import created opens their invitation and chooses a password; the
    trainer's list of invitations, with its Resend buttons, at 360 px."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from cohorts.services import invitation_send

    trainer = demo["trainer@demo.mn"]
    with django_db_blocker.unblock():
        cohort = demo_cohort(trainer)
        User.objects.create(email="imported-person@example.mn", last_name="Дорж", first_name="Сарнай",
                            password=make_password(None))  # fmt: skip
        invitation = invitation_send(cohort=cohort, email="imported-person@example.mn", by=trainer, language="mn")
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{site_server.url}/mn/invitations/{invitation.token}/")
    expect(page.locator("input[name=password]")).to_be_visible()
    expect(page.locator("input[name=family_name]")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    sign_in(page, site_server.url, trainer.email)
    expect(page.locator("header form[action='/accounts/logout/']")).to_be_attached()
    page.goto(f"{site_server.url}/mn/cohorts/{cohort.pk}/invite/")
    expect(page.locator("main table button[type=submit]").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)


def test_the_coordinators_hand_over_page_has_no_serious_accessibility_problems_on_a_phone(
    page, site_server, demo, django_db_blocker
):
    """The page where a coordinator hands a cohort to another trainer or closes it, at 360 px."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from accounts.models import User
    from cohorts.permissions import cohorts_coordinated_by

    from .test_certificate_pages import current_totp

    with django_db_blocker.unblock():
        coordinator = User.objects.get(email="coordinator@demo.mn")
        Authenticator.objects.filter(user=coordinator).delete()
        secret = generate_totp_secret()
        TOTP.activate(coordinator, secret)
        cohort = cohorts_coordinated_by(coordinator).exclude(status="closed").order_by("pk").first()
    assert cohort is not None, "the demo gives the coordinator's organisation a running cohort"
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, site_server.url, coordinator.email)
    page.locator("input[name=code]").fill(current_totp(secret))
    page.locator("input[name=code]").press("Enter")
    expect(page.locator("header form[action='/accounts/logout/']")).to_be_attached()
    page.goto(f"{site_server.url}/mn/cohorts/{cohort.pk}/hand-over/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()  # "hand over" without a trainer: the form says so
    expect(page.locator(".errorlist").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
