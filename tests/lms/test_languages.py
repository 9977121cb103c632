"""Mongolian first, English second; the switcher lands on the same page in the other language."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from lms.models import HomePage
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


def _home(language):
    return HomePage.objects.get(locale__language_code=language)


def _add_page(parent, title, slug):
    page = parent.add_child(instance=Page(title=title, slug=slug))
    page.save_revision().publish()
    return page


@pytest.fixture
def pages():
    """A page translated into English, and one that is not."""
    mn_home, en_home = _home("mn"), _home("en")
    translated = _add_page(mn_home, "Тухай", "about")
    english = translated.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=False)
    english.title = "About"
    english.slug = "about"
    english.save_revision().publish()
    untranslated = _add_page(mn_home, "Зөвхөн монгол", "only-mn")
    return {"translated": translated, "english": english, "untranslated": untranslated, "en_home": en_home}


def switch(client, language, next_url):
    return client.post(reverse("set_language"), {"language": language, "next": next_url})


def test_pages_live_under_a_language_prefix_with_the_right_html_lang(client):
    mn = client.get("/mn/")
    en = client.get("/en/")
    assert '<html lang="mn">' in mn.content.decode()
    assert '<html lang="en">' in en.content.decode()
    assert "Нэвтрэх" in mn.content.decode()
    assert "Sign in" in en.content.decode()


def test_the_bare_address_goes_to_mongolian_by_default(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/mn/"


def test_the_switcher_lands_on_the_translation_of_the_current_page(client, pages):
    response = switch(client, "en", "/mn/about/")
    assert response.status_code == 302
    assert response["Location"] == "/en/about/"


def test_an_untranslated_page_lands_on_the_nearest_translated_ancestor_with_a_notice(client, pages):
    response = switch(client, "en", "/mn/only-mn/")
    assert response["Location"] == "/en/"
    page = client.get(response["Location"]).content.decode()
    assert "not yet available in English" in page


def test_the_switcher_keeps_the_query_string_of_a_translated_page(client):
    build_course()  # and with it the catalogue, in both languages
    response = switch(client, "mn", "/en/courses/?topic=border&q=%D1%85%D0%B8%D0%BB")
    assert response["Location"] == "/mn/courses/?topic=border&q=%D1%85%D0%B8%D0%BB"


def test_the_query_of_an_untranslated_page_is_not_carried_to_its_ancestor(client, pages):
    assert switch(client, "en", "/mn/only-mn/?q=x")["Location"] == "/en/"


def test_a_page_with_a_cyrillic_address_lands_on_its_translation(client):
    mn_home = _home("mn")
    page = _add_page(mn_home, "Хууль", "хууль")
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=False)
    english.title, english.slug = "Law", "law"
    english.save_revision().publish()
    assert switch(client, "en", "/mn/%D1%85%D1%83%D1%83%D0%BB%D1%8C/")["Location"] == "/en/law/"


def test_someone_who_prefers_english_can_switch_a_mongolian_page_to_english(client):
    client.force_login(UserFactory(preferred_language="en"))
    response = switch(client, "en", "/mn/learning/")
    assert response["Location"] == "/en/learning/"
    assert '<html lang="en">' in client.get(response["Location"]).content.decode()


def test_a_visitor_without_a_preference_can_switch_an_english_page_to_mongolian(client):
    # Mongolian is the default: the switch request itself runs in Mongolian.
    assert switch(client, "mn", "/en/invitations/abc/")["Location"] == "/mn/invitations/abc/"


def test_the_switcher_keeps_addresses_without_a_prefix(client):
    response = switch(client, "en", "/accounts/login/")
    assert response["Location"] == "/accounts/login/"
    assert '<html lang="en">' in client.get("/accounts/login/").content.decode()


def test_the_choice_is_remembered_in_a_signed_in_users_profile(client):
    user = UserFactory(preferred_language="mn")
    client.force_login(user)
    switch(client, "en", "/mn/")
    user.refresh_from_db()
    assert user.preferred_language == "en"
    # On another device (no cookie), pages without a prefix follow the profile.
    other_device = type(client)()
    other_device.force_login(user)
    assert other_device.get("/")["Location"] == "/en/"


def test_the_switcher_refuses_an_unknown_language_and_changes_nothing(client):
    user = UserFactory(preferred_language="mn")
    client.force_login(user)
    response = switch(client, "fr", "/mn/")
    assert response["Location"] == "/mn/"
    user.refresh_from_db()
    assert user.preferred_language == "mn"


def test_the_switcher_never_redirects_off_site(client):
    assert switch(client, "en", "https://evil.example/")["Location"] == "/"


def test_every_page_offers_the_switcher(client):
    for url in ("/mn/", "/en/", "/accounts/login/", "/accounts/password/reset/"):
        page = client.get(url).content.decode()
        assert 'name="language" value="mn"' in page and 'name="language" value="en"' in page, url
