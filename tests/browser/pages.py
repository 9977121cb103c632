"""What the browser tests do on Cascade's pages, in one place."""

import re

from lms.demo.content import DEMO_PASSWORD

# The interface strings, whether or not the Mongolian catalogue has been compiled yet.
SIGN_IN = re.compile(r"^\s*(Нэвтрэх|Sign in)\s*$")

# The home pages' titles, as the migration that creates them writes them.
HOME_TITLES = {"mn": "Cascade — сургалтын удирдлагын систем", "en": "Cascade — learning management system"}


def home_url(base_url: str, language: str) -> re.Pattern:
    """The home page in ``language``, with or without a fragment."""
    return re.compile(rf"^{re.escape(base_url)}/{language}/(#.*)?$")


def sign_in(page, base_url: str, login: str, password: str = DEMO_PASSWORD) -> None:
    """Open the sign-in page, fill in the form and send it, as a person would."""
    page.goto(f"{base_url}/accounts/login/")
    page.locator('input[name="login"]').fill(login)
    page.locator('input[name="password"]').fill(password)
    page.locator("main").get_by_role("button", name=SIGN_IN).click()


def signed_in_with_worker(page, base_url: str, login: str, password: str, address: str) -> None:
    """Signed in, at ``address`` (a whole URL), once the site's service worker is in charge of the
    page: where every offline test starts."""
    sign_in(page, base_url, login, password)
    page.goto(address)
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")


def sign_out_button(page):
    """The sign-out button, folded in the header's "Account" dropdown (see ``sign_out``)."""
    return page.locator('header form[action="/accounts/logout/"] button[type="submit"]')


def account_menu(page):
    return page.locator("header details.dropdown").filter(has=page.locator('form[action="/accounts/logout/"]'))


def sign_out(page) -> None:
    """Open the header's "Account" dropdown and sign out, as a person would."""
    account_menu(page).locator("summary").click()
    sign_out_button(page).click()


def sign_in_link(page):
    return page.locator("header").get_by_role("link", name=SIGN_IN)


def language_button(page, language: str):
    return page.locator(f'header form.language-switcher button[name="language"][value="{language}"]')


def demo_cohort(trainer):
    """The cohort the demo seeded for ``trainer`` (a browser test may have added one of its own)."""
    from cohorts.models import Cohort
    from lms.demo.cohorts_content import COHORTS

    return Cohort.objects.get(lead_trainer=trainer, name__in=[spec["name"] for spec in COHORTS])
