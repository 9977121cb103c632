"""The admin shows a person's initials, never a picture from Gravatar or any third party."""

import base64

import pytest
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

from accounts import roles
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_avatar_is_an_inline_picture_of_the_initials(db):
    person = make_user(roles.EDITOR, email="editor-x@example.mn", first_name="Сарнай", last_name="Дорж")
    url = avatar_url(person, 50)
    assert url.startswith("data:image/svg+xml;base64,")
    assert "СД" in base64.b64decode(url.split(",", 1)[1]).decode()


def test_no_admin_page_loads_a_third_party_picture(client):
    editor = make_user(roles.EDITOR, email="editor-y@example.mn")
    client.force_login(editor)
    for path in ("/admin/", "/admin/account/"):
        body = client.get(path).content.decode()
        assert "gravatar" not in body.lower(), path
        assert "data:image/svg+xml;base64," in body, path
