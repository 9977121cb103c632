"""People's records: e-mail and names normalised at the door (architecture §4.7)."""

import unicodedata

import pytest
from django.db import IntegrityError, transaction

from accounts.models import User
from core.text import mixes_scripts, suggest_latin
from lms.demo.content import PEOPLE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_email_is_unique_whatever_its_case():
    UserFactory(email="Learner@Demo.mn")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="LEARNER@demo.MN", password="x-long-password")


def test_email_is_stored_in_lower_case():
    assert UserFactory(email="  Officer@Police.MN ").email == "officer@police.mn"


def test_names_are_stored_nfc():
    decomposed = unicodedata.normalize("NFD", "Энхтуяа  Йондон")  # й decomposes to и + breve
    user = UserFactory(first_name=decomposed)
    user.refresh_from_db()
    assert user.first_name == "Энхтуяа Йондон"
    assert unicodedata.is_normalized("NFC", user.first_name)


def test_a_name_mixing_latin_and_cyrillic_is_flagged():
    # "Бaтболд" with a Latin "a": looks right, sorts and searches wrong.
    user = UserFactory(first_name="Бaтболд")
    assert user.name_needs_review
    user.first_name = "Батболд"
    user.save()
    assert not user.name_needs_review


# Twenty real Mongolian names, as Mongolian passports write them in Latin letters (the last
# eight are the demo's people).
PASSPORT_SPELLINGS = [
    ("Жаргалсайхан", "Jargalsaikhan"),
    ("Өлзийбаяр", "Ulziibayar"),
    ("Нямдорж", "Nyamdorj"),
    ("Түвшинжаргал", "Tuvshinjargal"),
    ("Ганбаатар", "Ganbaatar"),
    ("Цэцэгмаа", "Tsetsegmaa"),
    ("Баярсайхан", "Bayarsaikhan"),
    ("Хишигдэлгэр", "Khishigdelger"),
    ("Сүхбаатар", "Sukhbaatar"),
    ("Алтангэрэл", "Altangerel"),
    ("Эрдэнэчимэг", "Erdenechimeg"),
    ("Чинзориг", "Chinzorig"),
    ("Батболд", "Batbold"),
    ("Мөнхбат", "Munkhbat"),
    ("Оюунчимэг", "Oyunchimeg"),
    ("Энхтуяа", "Enkhtuya"),
    ("Нарантуяа", "Narantuya"),
    ("Төмөрбаатар", "Tumurbaatar"),
    ("Сүхээ", "Sukhee"),
    ("Анужин", "Anujin"),
]


@pytest.mark.parametrize(("cyrillic", "latin"), PASSPORT_SPELLINGS)
def test_latin_spelling_is_suggested_as_a_passport_writes_it(cyrillic, latin):
    assert suggest_latin(cyrillic) == latin


def test_a_full_name_is_suggested_word_by_word():
    assert suggest_latin("Жаргалсайхан Өлзийбаяр") == "Jargalsaikhan Ulziibayar"
    assert suggest_latin("Бат-Эрдэнэ  Ёндон") == "Bat-Erdene Yondon"


def test_a_name_in_capitals_is_suggested_in_capitals():
    assert suggest_latin("ЦЭЦЭГМАА ХИШИГДЭЛГЭР") == "TSETSEGMAA KHISHIGDELGER"


def test_the_demos_people_are_spelled_as_suggested():
    for _email, _roles, _org, _region, last, first, latin_last, latin_first, *_rest in PEOPLE:
        assert (suggest_latin(last), suggest_latin(first)) == (latin_last, latin_first)


def test_mixed_scripts_are_detected_only_when_both_alphabets_appear():
    assert mixes_scripts("Бaтболд")
    assert not mixes_scripts("Батболд-Эрдэнэ")
    assert not mixes_scripts("Batbold O'Neil")


def test_full_name_follows_the_language(settings):
    from django.utils import translation

    user = UserFactory(first_name="Батболд", last_name="Дорж", latin_first_name="Batbold", latin_last_name="Dorj")
    with translation.override("mn"):
        assert user.get_full_name() == "Дорж Батболд"
    with translation.override("en"):
        assert user.get_full_name() == "Batbold Dorj"
