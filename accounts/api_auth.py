"""Personal API tokens, held to the rules of signing in."""

from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from wagtail.api.v3.auth import BearerTokenAuth

from .mfa import must_set_up_mfa


class PersonalTokenAuth(BearerTokenAuth):
    """Wagtail's bearer tokens (made with ``manage.py api_tokens``), refused for a person whose role
    needs a second factor but who has none: a token must not be a way around it.

    A deactivated person's token is already refused by Wagtail (the request stays anonymous).
    """

    def authenticate(self, request, token: str):
        api_token = super().authenticate(request, token)
        if api_token is not None and must_set_up_mfa(api_token.user):
            raise AuthenticationError(message=_("Set up two-factor authentication first."))
        return api_token
