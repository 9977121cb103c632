"""A quiz not yet translated into the learner's language says so, in that language, and marks its
text as the language it is written in (lang), as an untranslated lesson does; once translated, the
notice goes."""

import pytest
from wagtail.models import Locale

from assessments.services import attempt_start

pytestmark = pytest.mark.django_db


def english_stand_in(quiz, *, alias: bool):
    """The English page standing in for ``quiz``: an alias (a synchronised tree), or a live copy
    still holding the Mongolian text (what "Translate → Submit" publishes)."""
    english = Locale.objects.get(language_code="en")
    copy = quiz.copy_for_translation(english, alias=alias)
    if not alias:
        copy.save_revision().publish()
    return copy.specific


@pytest.mark.parametrize("alias", [True, False], ids=["alias", "copy"])
def test_an_untranslated_quiz_says_so_in_english_and_marks_its_text_as_mongolian(client, learner, quiz, alias):
    stand_in = english_stand_in(quiz, alias=alias)
    client.force_login(learner)
    page = client.get(stand_in.url).content.decode()
    assert stand_in.url.startswith("/en/")
    assert "This page is not yet translated into English. It is shown in Mongolian." in page
    assert f'<div lang="mn">\n<h1>{quiz.title}</h1>' in page


def test_the_attempt_of_an_untranslated_quiz_says_so(client, learner, quiz):
    stand_in = english_stand_in(quiz, alias=True)
    attempt = attempt_start(learner=learner, quiz=stand_in)
    client.force_login(learner)
    page = client.get(f"/en/learning/attempts/{attempt.pk}/").content.decode()
    assert "This page is not yet translated into English. It is shown in Mongolian." in page
    assert f'lang="mn">{quiz.title}</a>' in page


def test_a_translated_quiz_shows_no_notice(client, learner, quiz):
    english = english_stand_in(quiz, alias=False)
    english.title = english.draft_title = "Quiz"
    english.save_revision().publish()
    client.force_login(learner)
    page = client.get(english.url).content.decode()
    assert "not yet translated" not in page and '<div lang="mn">' not in page
    mongolian = client.get(quiz.url).content.decode()
    assert "орчуулагдаагүй" not in mongolian
