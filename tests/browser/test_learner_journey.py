"""A learner's first visit: sign in, read the home page in Mongolian, switch to English, sign out."""

import pytest
from playwright.sync_api import expect

from lms.demo.content import HOME

from .pages import HOME_TITLES, home_url, language_button, sign_in, sign_in_link, sign_out, sign_out_button

pytestmark = pytest.mark.browser

LEARNER = "learner@demo.mn"


def expect_home_page(page, base_url: str, language: str) -> None:
    """The home page in ``language``, as a reader sees it: address, language, heading and content."""
    expect(page).to_have_url(home_url(base_url, language))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME_TITLES[language])
    expect(page.locator(".hero .lead")).to_have_text(HOME[language]["introduction"])
    _audience, learners_heading, _text = HOME[language]["audiences"][0]
    expect(page.get_by_role("heading", level=2, name=learners_heading)).to_be_visible()
    expect(language_button(page, language)).to_have_attribute("aria-pressed", "true")


def test_learner_signs_in_switches_to_english_and_signs_out(page, site_server, demo):
    base = site_server.url

    # The e-mail address in capitals still signs in: addresses are compared without case.
    sign_in(page, base, LEARNER.upper())
    expect_home_page(page, base, "mn")
    expect(page.locator(".hero")).to_contain_text("Төмөрбаатар")  # "Welcome back, <given name>."
    expect(sign_out_button(page)).to_be_attached()
    expect(sign_in_link(page)).to_have_count(0)

    language_button(page, "en").click()
    expect_home_page(page, base, "en")
    expect(page.locator(".hero")).to_contain_text("Welcome back, Төмөрбаатар.")
    # The page in the other language is one click away again, labelled in its own language.
    expect(language_button(page, "mn")).to_have_text("Монгол")
    expect(language_button(page, "mn")).to_have_attribute("lang", "mn")

    sign_out(page)
    expect(page).to_have_url(home_url(base, "en"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(sign_in_link(page)).to_be_visible()
    expect(sign_in_link(page)).to_have_text("Sign in")
    expect(sign_out_button(page)).to_have_count(0)
    expect(page.locator(".hero")).not_to_contain_text("Төмөрбаатар")

    # Signing in again on the same browser lands in English: the switch was remembered.
    sign_in(page, base, LEARNER)
    expect_home_page(page, base, "en")
    expect(sign_out_button(page)).to_be_attached()


def test_the_language_choice_follows_the_learner_to_another_browser(page, new_context, site_server, demo):
    """The switch is saved in the profile, not only in this browser's cookie."""
    base = site_server.url
    sign_in(page, base, LEARNER)
    expect_home_page(page, base, "mn")
    language_button(page, "en").click()
    expect_home_page(page, base, "en")
    sign_out(page)
    expect(sign_in_link(page)).to_be_visible()

    # Another computer: no cookies, so the sign-in page is in Mongolian, the default...
    elsewhere = new_context().new_page()
    elsewhere.goto(f"{base}/accounts/login/")
    expect(elsewhere.locator("html")).to_have_attribute("lang", "mn")
    # ...but once the learner is signed in, Cascade speaks English, as they chose.
    sign_in(elsewhere, base, LEARNER)
    expect_home_page(elsewhere, base, "en")
    expect(sign_out_button(elsewhere)).to_be_attached()
