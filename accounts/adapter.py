"""Account policy in one place (who may sign up, how addresses are compared)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Accounts come from invitations and imports unless an operator opens sign-up.
        return settings.CASCADE_SELF_SIGNUP

    def clean_email(self, email: str) -> str:
        return super().clean_email(email).strip().lower()

    def get_http_user_agent(self, request) -> str:
        # allauth puts the English word "Unspecified" into the notification e-mails when the
        # browser sent no User-Agent; the e-mail leaves the line out instead.
        return request.META.get("HTTP_USER_AGENT", "")
