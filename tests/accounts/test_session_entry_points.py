"""No address of the site signs in a person who has an authenticator app without its code.

Every way into a session must go through allauth: the password, then the second factor where the
person has one, under allauth's attempt limits and audit. A login view of Django's or Wagtail's
that is reachable anywhere in the URL configuration takes the password alone, so these tests walk
the whole configuration (both language prefixes), fill every path with sample values (real reset
and confirmation keys where a view needs one), and try credentials on every address.
"""

import re
import time
import uuid

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import translation
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Page, PageViewRestriction

from accounts.models import AuditEvent
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LANGUAGES = ("mn", "en")

# --- Walking the URL configuration -------------------------------------------------------------

ROUTE_SAMPLES = {"int": "1", "str": "x", "slug": "x", "path": "x/y", "uuid": str(uuid.UUID(int=1))}
GROUP_SAMPLES = ("1", "x", "x/", "1-x", "x.pdf", "abc", "")
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _route_sample(route: str) -> str:
    return ROUTE_PARAMETER.sub(lambda m: ROUTE_SAMPLES.get(m["converter"] or "str", "x"), route)


def _top_level_groups(regex: str) -> list[tuple[int, int]]:
    """(start, end) of each parenthesised group that is not inside another one."""
    spans, depth, start, escaped = [], 0, 0, False
    for index, char in enumerate(regex):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            if depth == 0:
                start = index
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1))
    return spans


def _regex_sample(regex: str) -> str:
    """A string the regular expression ``regex`` (one part of an address) matches."""
    body = regex.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    pieces, last = [], 0
    for start, end in _top_level_groups(body):
        pieces.append(body[last:start])
        group = body[start:end]
        pieces.append(next((s for s in GROUP_SAMPLES if re.fullmatch(group, s)), "x"))
        last = end
    pieces.append(body[last:])
    sample = "".join(pieces)
    sample = re.sub(r"\.[*+]", "x", sample)
    return re.sub(r"\\(.)", r"\1", sample)


def _part_sample(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        return _route_sample(str(pattern))
    if isinstance(pattern, RegexPattern):
        return _regex_sample(str(pattern))
    return str(pattern)  # the language prefix, in the active language


def _walk(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        part = prefix + _part_sample(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, part)
        else:
            yield "/" + part, entry


def every_pattern() -> list[tuple[str, URLPattern]]:
    """Each pattern of the URL configuration with an address it matches, once per language
    prefix; shadowed patterns (an earlier one answers the same address) included."""
    patterns = []
    for language in LANGUAGES:
        with translation.override(language):
            patterns += [found for found in _walk(get_resolver()) if found not in patterns]
    return patterns


def every_address() -> list[str]:
    return list(dict.fromkeys(address for address, _entry in every_pattern()))


def real_keys_for(user) -> list[str]:
    """Addresses with valid keys for ``user``: a password reset and an e-mail confirmation sign in
    only when the key is real, so the walk tries those too."""
    email = EmailAddress.objects.get(user=user)
    addresses = [
        reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
        ),
        reverse("account_confirm_email", kwargs={"key": EmailConfirmationHMAC(email).key}),
        reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(str(user.pk).encode()),
                "token": default_token_generator.make_token(user),
            },
        ),
    ]
    return addresses


def credentials_for(user) -> dict[str, str]:
    """The password, in every field a sign-in form of any kind might read it from."""
    return {
        "login": user.email,
        "username": user.email,
        "email": user.email,
        "password": PASSWORD,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "new_password1": PASSWORD,
        "new_password2": PASSWORD,
        "oldpassword": PASSWORD,
        "code": "",
    }


def _forget_rate_limits() -> None:
    # A limit reached by an earlier address must not hide a way in at a later one.
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()


def assert_not_signed_in(client: Client, where: str) -> None:
    assert "_auth_user_id" not in client.session, f"{where} signed in without the second factor"


def assert_anonymous(client: Client, where: str) -> None:
    assert_not_signed_in(client, where)
    assert client.get("/api/v1/me").status_code == 401, f"{where}: the API answers as the user"
    response = client.get(reverse("audit_log"))
    assert response.status_code == 302, f"{where}: the audit log opens"
    assert response["Location"].startswith(reverse("account_login")), where


# --- The tests ---------------------------------------------------------------------------------


def test_no_address_of_the_site_signs_in_an_administrator_with_the_password_alone():
    admin = make_user("admin")
    fields = credentials_for(admin)
    addresses = every_address() + real_keys_for(admin)
    assert len(addresses) > 300  # the whole configuration, not a part of it
    for address in addresses:
        _forget_rate_limits()
        client = Client()
        response = client.get(address)
        assert_not_signed_in(client, f"GET {address}")
        # Where the first answer sends a person (a reset link moves its key into the session and
        # goes on to the form), the credentials are tried too.
        targets = [address]
        if response.status_code in (301, 302) and response["Location"].startswith("/"):
            targets.append(response["Location"])
        for target in targets:
            client.post(target, fields)
            assert_not_signed_in(client, f"POST {target}")
            client.post(target, fields, content_type="application/json")
            assert_not_signed_in(client, f"POST (JSON) {target}")
            # Then a second try on the same session, as a person who read the first answer would.
            client.post(target, fields)
            assert_anonymous(client, f"POST {target}")
    # The real reset key reached its form and set the password (a stale key would prove nothing),
    # and still nobody was signed in.
    previous_hash = admin.password
    admin.refresh_from_db()
    assert admin.password != previous_hash


@pytest.mark.parametrize("language", LANGUAGES)
def test_wagtails_login_for_private_pages_hands_over_to_allauth_keeping_next(client, language):
    admin = make_user("admin")
    address = f"/{language}/_util/login/?next=/{language}/private/"
    response = client.post(address, {"username": admin.email, "password": PASSWORD})
    assert_anonymous(client, address)
    response = client.get(address)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert f"next=/{language}/private/" in response["Location"]
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN).exists()


def test_a_page_for_signed_in_people_sends_visitors_to_allauths_sign_in(client):
    home = Page.objects.get(url_path="/home/").specific
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/mn/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/mn/"


def test_no_login_view_of_django_or_wagtail_can_be_reached_except_as_a_redirect_to_allauth(client):
    """A view that takes a password and signs in by itself (Django's LoginView, which Wagtail's
    admin and front-end logins are) may sit in the configuration, shadowed, but never answer."""
    shadowed = []
    for address, entry in every_pattern():
        view = getattr(entry.callback, "view_class", None)
        if not (isinstance(view, type) and issubclass(view, auth_views.LoginView)):
            continue
        shadowed.append(address)
        response = client.get(address)
        answering = _view_class(response)
        assert not (isinstance(answering, type) and issubclass(answering, auth_views.LoginView)), address
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("account_login")), address
    assert {"/admin/login/", "/mn/_util/login/", "/en/_util/login/"} <= set(shadowed)


def test_the_password_reset_views_of_django_and_wagtail_never_sign_in(client):
    """Django's reset confirmation can sign in by itself (post_reset_login); none that answers does."""
    for address, entry in every_pattern():
        view = getattr(entry.callback, "view_class", None)
        if isinstance(view, type) and issubclass(view, auth_views.PasswordResetConfirmView):
            assert not getattr(_view_class(client.get(address)), "post_reset_login", False), address


def _view_class(response):
    """The class of the view that answered, whichever pattern matched first."""
    return getattr(response.resolver_match.func, "view_class", None)


def current_code(user) -> str:
    """What the person's authenticator app shows now."""
    secret = decrypt(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def test_allauths_sign_in_stops_at_the_code_and_only_the_right_code_completes_it(client):
    admin = make_user("admin")
    response = client.post(reverse("account_login"), {"login": admin.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert_anonymous(client, "the password alone")

    wrong = "000000" if current_code(admin) != "000000" else "111111"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert_not_signed_in(client, "a wrong code")

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(admin)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin.pk)
    assert client.get("/api/v1/me").json()["email"] == admin.email
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN, actor=admin).count() == 1


def test_guessing_the_code_is_rate_limited_and_the_right_code_is_then_held_back(client):
    admin = make_user("admin")
    client.post(reverse("account_login"), {"login": admin.email, "password": PASSWORD})
    right = current_code(admin)
    wrong = [code for code in ("000000", "111111", "222222", "333333", "444444", "555555", "666666") if code != right]
    for code in wrong[:5]:
        response = client.post(reverse("mfa_authenticate"), {"code": code})
        assert "too_many_login_attempts" not in _error_codes(response)
    response = client.post(reverse("mfa_authenticate"), {"code": wrong[5]})
    assert "too_many_login_attempts" in _error_codes(response)
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(admin)})
    assert "too_many_login_attempts" in _error_codes(response)
    assert_anonymous(client, "after too many wrong codes")


def _error_codes(response) -> set[str]:
    form = response.context["form"]
    return {error.code for errors in form.errors.as_data().values() for error in errors}
