"""Who must have an authenticator app, and keeping its setup steady while they make one."""

from allauth.core import context
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.forms import ActivateTOTPForm
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

from . import roles


def must_set_up_mfa(user) -> bool:
    """A person whose role needs a second factor (settings.CASCADE_MFA_REQUIRED_ROLES) but who has none."""
    required = set(settings.CASCADE_MFA_REQUIRED_ROLES)
    if not getattr(user, "is_authenticated", False) or not (roles.roles_of(user) & required):
        return False
    return not is_mfa_enabled(user, [Authenticator.Type.TOTP])


class SteadyActivateTOTPForm(ActivateTOTPForm):
    """allauth's setup form, but the secret stays the same for the whole setup.

    allauth draws a new secret whenever the form is shown unbound, so a second look at the page
    (a reload, a second tab, a request of the page's that landed there) silently replaced the
    secret the person had just scanned, and every code they typed was refused. The secret is kept
    in the session until the setup succeeds (allauth removes it then) or the person signs out.
    """

    def __init__(self, *args, **kwargs) -> None:
        kept = context.request.session.get(SECRET_SESSION_KEY)
        super().__init__(*args, **kwargs)
        if kept:
            self.secret = context.request.session[SECRET_SESSION_KEY] = kept
