"""Test data, in one place."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import Organisation, Region, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation; pass ``parent=`` to place it under another one in the tree."""

    class Meta:
        model = Organisation

    code = factory.Sequence(lambda n: f"org-{n}")
    name_mn = factory.Sequence(lambda n: f"Байгууллага {n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.AGENCY

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is not None:
            return parent.add_child(**kwargs)
        return model_class.add_root(**kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.mn")
    first_name = "Батболд"
    last_name = "Дорж"
    latin_first_name = "Batbold"
    latin_last_name = "Dorj"
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """``UserFactory(roles=["coordinator"])`` puts the user in those role groups."""
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
            if "admin" in extracted:
                self.is_superuser = self.is_staff = True
        if create:
            self.save()
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


def region(code: str) -> Region:
    return Region.objects.get(code=code)


def with_totp(user: User) -> User:
    """Give ``user`` an authenticator app, as coordinators, editors and admins must have."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user
