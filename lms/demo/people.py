"""Demo people: one account written the same way for the staff in ``content.PEOPLE`` and the
trainees in ``cohorts_content.TRAINEES``."""

from allauth.account.models import EmailAddress

from accounts.models import Organisation, Region, User


def seed_person(
    *, email: str, organisation: Organisation, region: Region | None, family: str, given: str,
    latin_family: str, latin_given: str, position: str, gender: str, language: str, password: str,
) -> User:  # fmt: skip
    """Create or reset one demo account with a verified address; ``password`` is already hashed."""
    user, _created = User.objects.update_or_create(
        email=email,
        defaults={
            "last_name": family,
            "first_name": given,
            "latin_last_name": latin_family,
            "latin_first_name": latin_given,
            "organisation": organisation,
            "region": region,
            "position": position,
            "gender": gender,
            "preferred_language": language,
            "password": password,
            "is_active": True,
        },
    )
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user
