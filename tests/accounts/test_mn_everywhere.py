"""Every allauth page and e-mail a person can meet reads in Mongolian, error messages included.

The pages are walked as a person walks them (a real reset key, a real confirmation key, a real
authenticator app), forms are sent wrong on purpose so that Django's, allauth's and the password
rules' messages appear, and what is shown is searched for English sentences (tests/english.py).
"""

import re
from datetime import UTC, datetime
from pathlib import Path

import allauth
import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.views import defaults

from tests.english import english_sentences
from tests.factories import UserFactory, with_totp

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
NEW_PASSWORD = "моголын-тал-нутаг-2026"


def assert_mongolian(response, what: str = "") -> None:
    assert response.status_code == 200, (what, response.status_code)
    assert 'lang="mn"' in response.content.decode()
    body = response.content.decode()
    english = english_sentences(body)
    assert not english, f"{what or response.request['PATH_INFO']} shows English: {english}"


def assert_mongolian_mail(message) -> None:
    english = english_sentences(message.subject, html=False) + english_sentences(message.body, html=False)
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            english += english_sentences(content)
    assert not english, f"the e-mail {message.subject!r} has English: {english}"


def errors_shown(response) -> list[str]:
    return re.findall(r'<ul class="errorlist"[^>]*>(.*?)</ul>', response.content.decode(), re.S)


@pytest.fixture
def person(db):
    return UserFactory(email="learner@demo.mn")


@pytest.fixture
def signed_in(client, person):
    """A learner signed in with the password and with it confirmed, as allauth asks before the
    pages that change the account."""
    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return person


@pytest.fixture
def signed_in_with_app(client, person):
    """A learner with an authenticator app and recovery codes, signed in, password confirmed."""
    with_totp(person)
    RecoveryCodes.activate(person)
    client.force_login(person)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return person


@pytest.fixture
def open_signup(settings):
    settings.CASCADE_SELF_SIGNUP = True


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


# --- Pages for someone not signed in -------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["account_login", "account_reset_password", "account_reset_password_done", "account_inactive"]
)
def test_the_pages_before_signing_in_are_mongolian(client, name):
    assert_mongolian(client.get(reverse(name)))


def test_a_wrong_or_missing_password_is_refused_in_mongolian(client, person):
    wrong = client.post(reverse("account_login"), {"login": person.email, "password": "wrong-password-1"})
    empty = client.post(reverse("account_login"), {"login": "", "password": ""})
    not_an_address = client.post(reverse("account_login"), {"login": "learner", "password": "x"})
    for response in (wrong, empty, not_an_address):
        assert response.context["form"].errors
        assert_mongolian(response)


def test_signing_up_when_it_is_closed_says_so_in_mongolian(client):
    assert_mongolian(client.get(reverse("account_signup")))


@pytest.mark.parametrize(
    ("password1", "password2"),
    [
        ("богино", "богино"),  # too short
        ("password123", "password123"),  # common
        ("1234567890123", "1234567890123"),  # all digits
        ("newcomer@demo.mn", "newcomer@demo.mn"),  # like the e-mail address
        (NEW_PASSWORD, NEW_PASSWORD + "x"),  # not the same twice
        ("", ""),  # nothing
    ],
)
def test_the_password_rules_on_sign_up_are_mongolian(client, open_signup, password1, password2):
    page = client.get(reverse("account_signup"))
    assert_mongolian(page)
    response = client.post(
        reverse("account_signup"), {"email": "newcomer@demo.mn", "password1": password1, "password2": password2}
    )
    assert errors_shown(response), "the form was meant to be refused"
    assert_mongolian(response)


def test_a_badly_typed_address_on_sign_up_is_refused_in_mongolian(client, open_signup):
    response = client.post(
        reverse("account_signup"), {"email": "newcomer@", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert errors_shown(response)
    assert_mongolian(response)


def test_the_password_reset_request_is_refused_in_mongolian_when_the_address_is_wrong(client):
    response = client.post(reverse("account_reset_password"), {"email": "not an address"})
    assert errors_shown(response)
    assert_mongolian(response)


def test_resetting_the_password_from_the_e_mails_link_is_mongolian_at_every_step(client, person):
    client.post(reverse("account_reset_password"), {"email": person.email})
    (message,) = mail.outbox
    form_page = client.get(link_in(message), follow=True)
    assert_mongolian(form_page)
    address = form_page.redirect_chain[-1][0]
    for password1, password2 in [("богино", "богино"), ("password123", "password123"), (NEW_PASSWORD, "other")]:
        response = client.post(address, {"password1": password1, "password2": password2})
        assert errors_shown(response)
        assert_mongolian(response)
    done = client.post(address, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, follow=True)
    assert_mongolian(done)
    # The same link once more: it is spent.
    assert_mongolian(client.get(link_in(message), follow=True))


def test_confirming_an_address_from_the_e_mails_link_is_mongolian(client, person):
    EmailAddress.objects.filter(user=person).update(verified=False)
    sent = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD}, follow=True)
    assert_mongolian(sent)
    (message,) = mail.outbox
    assert_mongolian(client.get(link_in(message)))
    assert_mongolian(client.post(link_in(message), follow=True))
    assert_mongolian(client.get(reverse("account_confirm_email", args=["not-a-key"])))


def test_the_second_step_of_signing_in_is_mongolian(client, person):
    with_totp(person)
    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert_mongolian(client.get(reverse("mfa_authenticate")))
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert errors_shown(response)
    assert_mongolian(response)


def test_a_sign_in_form_sent_without_its_security_token_is_refused_in_mongolian(person):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("account_login"))
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Маягтыг илгээж чадсангүй" in page  # Cascade's page, not Django's
    assert not english_sentences(page), english_sentences(page)


@pytest.mark.parametrize(("handler", "status"), [(defaults.permission_denied, 403), (defaults.bad_request, 400)])
def test_djangos_refusals_are_mongolian_pages(rf, handler, status):
    """What Django answers when a view refuses (PermissionDenied) or a request is malformed (a
    bad host, a broken multipart body): its own pages are a single English line."""
    request = rf.get("/accounts/email/")
    request.user = AnonymousUser()
    with translation.override("mn"):
        response = handler(request, Exception("refused"))
    assert response.status_code == status
    page = response.content.decode()
    assert "<h1>" in page
    assert not english_sentences(page), english_sentences(page)


# --- Pages for someone signed in -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["account_email", "account_change_password", "account_reauthenticate", "account_logout", "mfa_index"],
)
def test_the_account_pages_are_mongolian(client, signed_in, name):
    assert_mongolian(client.get(reverse(name)))


def test_changing_the_password_wrongly_is_refused_in_mongolian(client, signed_in):
    address = reverse("account_change_password")
    for oldpassword, password1, password2 in [
        ("wrong-password-1", NEW_PASSWORD, NEW_PASSWORD),
        (PASSWORD, "богино", "богино"),
        (PASSWORD, "learner@demo.mn", "learner@demo.mn"),
        (PASSWORD, NEW_PASSWORD, "other"),
    ]:
        response = client.post(address, {"oldpassword": oldpassword, "password1": password1, "password2": password2})
        assert errors_shown(response)
        assert_mongolian(response)
    done = client.post(
        address, {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, follow=True
    )
    assert_mongolian(done)


def test_setting_a_first_password_is_mongolian(client, person):
    person.set_unusable_password()
    person.save()
    client.force_login(person)
    assert_mongolian(client.get(reverse("account_set_password")))
    response = client.post(reverse("account_set_password"), {"password1": "богино", "password2": "богино"})
    assert errors_shown(response)
    assert_mongolian(response)


def test_managing_addresses_is_mongolian_and_so_are_its_refusals(client, signed_in):
    address = reverse("account_email")
    for data in [{"action_add": "", "email": "nowhere"}, {"action_add": "", "email": signed_in.email}]:
        response = client.post(address, data)
        assert errors_shown(response)
        assert_mongolian(response)
    added = client.post(address, {"action_add": "", "email": "second@demo.mn"}, follow=True)
    assert_mongolian(added)
    for action in ["action_send", "action_primary", "action_remove"]:
        assert_mongolian(client.post(address, {action: "", "email": "second@demo.mn"}, follow=True))


def test_confirming_the_password_wrongly_is_refused_in_mongolian(client, signed_in):
    response = client.post(reverse("account_reauthenticate"), {"password": "wrong-password-1"})
    assert errors_shown(response)
    assert_mongolian(response)


def test_confirming_oneself_with_an_e_mailed_code_is_mongolian_page_and_e_mail(client, signed_in):
    assert_mongolian(client.get(reverse("account_request_reauthentication_code")))
    nobody = client.post(reverse("account_request_reauthentication_code"), {"recipient": ""})
    assert errors_shown(nobody)
    assert_mongolian(nobody)
    confirm = client.post(reverse("account_request_reauthentication_code"), {"recipient": signed_in.email}, follow=True)
    assert_mongolian(confirm)
    (message,) = mail.outbox
    assert_mongolian_mail(message)
    response = client.post(reverse("account_confirm_reauthentication_code"), {"code": "WRONG1"})
    assert errors_shown(response)
    assert_mongolian(response)


def test_setting_up_an_authenticator_app_is_mongolian(client, signed_in):
    assert_mongolian(client.get(reverse("mfa_activate_totp")))
    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert errors_shown(response)
    assert_mongolian(response)


@pytest.mark.parametrize(
    "name", ["mfa_index", "mfa_deactivate_totp", "mfa_view_recovery_codes", "mfa_generate_recovery_codes"]
)
def test_the_two_factor_pages_are_mongolian(client, signed_in_with_app, name):
    assert_mongolian(client.get(reverse(name)))


def test_the_downloaded_recovery_codes_are_mongolian(client, signed_in_with_app):
    response = client.get(reverse("mfa_download_recovery_codes"))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert not english_sentences(text, html=False), text


def test_confirming_with_the_app_is_mongolian(client, signed_in_with_app):
    assert_mongolian(client.get(reverse("mfa_reauthenticate")))
    response = client.post(reverse("mfa_reauthenticate"), {"code": "000000"})
    assert errors_shown(response)
    assert_mongolian(response)


def test_switching_the_app_off_and_on_again_is_mongolian(client, signed_in_with_app):
    assert_mongolian(client.post(reverse("mfa_deactivate_totp"), follow=True))
    assert_mongolian(client.post(reverse("mfa_generate_recovery_codes"), follow=True))


# --- E-mails -------------------------------------------------------------------------------------


def test_the_password_reset_e_mail_is_mongolian(client, person):
    client.post(reverse("account_reset_password"), {"email": person.email})
    (message,) = mail.outbox
    assert_mongolian_mail(message)
    assert "Cascade" in message.body


def test_the_e_mail_to_an_unknown_address_is_mongolian(client):
    client.post(reverse("account_reset_password"), {"email": "nobody@demo.mn"})
    (message,) = mail.outbox
    assert_mongolian_mail(message)


def test_the_e_mails_of_signing_up_are_mongolian(client, open_signup, person):
    client.post(
        reverse("account_signup"), {"email": "newcomer@demo.mn", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    client.logout()
    # The same address again: its owner is told, the stranger is not.
    client.post(
        reverse("account_signup"), {"email": person.email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert_mongolian_mail(message)


def test_the_e_mail_confirming_an_added_address_is_mongolian(client, signed_in):
    client.post(reverse("account_email"), {"action_add": "", "email": "second@demo.mn"})
    (message,) = mail.outbox
    assert_mongolian_mail(message)


def test_the_notifications_of_account_changes_are_mongolian(client, settings, signed_in):
    """Sent when an operator turns ACCOUNT_EMAIL_NOTIFICATIONS on; written now so they are ready."""
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    client.post(reverse("account_email"), {"action_add": "", "email": "second@demo.mn"})
    EmailAddress.objects.filter(email="second@demo.mn").update(verified=True)
    client.post(reverse("account_email"), {"action_primary": "", "email": "second@demo.mn"})
    client.post(reverse("account_email"), {"action_remove": "", "email": "learner@demo.mn"})
    client.post(reverse("account_reauthenticate"), {"password": NEW_PASSWORD})
    with_totp(signed_in)
    client.post(reverse("mfa_generate_recovery_codes"))
    client.post(reverse("mfa_deactivate_totp"))
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) >= 5, subjects
    for message in mail.outbox:
        assert_mongolian_mail(message)


# --- Every e-mail template, including those only an operator's setting sends ----------------------

ALLAUTH_TEMPLATES = Path(allauth.__file__).parent / "templates"
OUR_TEMPLATES = Path(settings.BASE_DIR) / "lms" / "templates"
# Reset by code and passkeys are off in Cascade's settings: allauth never sends these. (Sign-in codes
# are off too, but allauth sends the same "login_code" e-mail to confirm a signed-in person by code.)
NEVER_SENT = {"account/email/password_reset_code", "mfa/email/webauthn_added", "mfa/email/webauthn_removed"}
SAMPLE_CONTEXT = {
    "email": "learner@demo.mn",
    "current_site": {"name": "Cascade", "domain": "cascade.example.mn"},
    "password_reset_url": "https://cascade.example.mn/accounts/password/reset/key/1-abc/",
    "activate_url": "https://cascade.example.mn/accounts/confirm-email/abc/",
    "signup_url": "https://cascade.example.mn/accounts/signup/",
    "from_email": "old@demo.mn",
    "to_email": "new@demo.mn",
    "deleted_email": "old@demo.mn",
    "ip": "203.0.113.7",
    "user_agent": "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0",
    "timestamp": datetime(2026, 12, 3, 9, 30, tzinfo=UTC),
}


def sent_templates(root: Path) -> set[str]:
    return {
        str(path.relative_to(root)).removesuffix("_subject.txt")
        for path in root.glob("*/email/*_subject.txt")
        if path.parts[-3] in {"account", "mfa"}
    }


def test_cascade_has_its_own_text_for_every_e_mail_allauth_can_send():
    assert sent_templates(ALLAUTH_TEMPLATES) - NEVER_SENT <= sent_templates(OUR_TEMPLATES)


@pytest.mark.parametrize("prefix", sorted(sent_templates(OUR_TEMPLATES)))
def test_each_e_mail_reads_in_mongolian(prefix):
    with translation.override("mn"):
        subject = render_to_string(f"{prefix}_subject.txt", SAMPLE_CONTEXT)
        body = render_to_string(f"{prefix}_message.txt", SAMPLE_CONTEXT)
    assert not english_sentences(subject, html=False), subject
    assert not english_sentences(body, html=False), body
    assert "Cascade" in body
