"""Builds the demo: idempotent, so running it again leaves the same site."""

from django.contrib.auth.hashers import make_password
from django.db import transaction
from wagtail.models import Locale

from accounts.audit_context import Actor, acting_as
from accounts.models import Organisation, Region, User
from accounts.services import role_grant
from lms.models import HomePage

from .assessments import seed_assessments
from .certificates import seed_certificates
from .cohorts import seed_cohorts
from .content import DEMO_PASSWORD, HOME, ORGANISATIONS, PEOPLE
from .courses import seed_courses
from .people import seed_person


def seed_organisations() -> dict[str, Organisation]:
    regions = {region.code: region for region in Region.objects.all()}
    organisations: dict[str, Organisation] = {}
    for code, parent_code, kind, region_code, name_mn, name_en in ORGANISATIONS:
        fields = {"kind": kind, "region": regions.get(region_code), "name_mn": name_mn, "name_en": name_en}
        organisation = Organisation.objects.filter(code=code).first()
        if organisation is None:
            parent = organisations.get(parent_code)
            organisation = (
                parent.add_child(code=code, **fields) if parent else Organisation.add_root(code=code, **fields)
            )
        else:
            for name, value in fields.items():
                setattr(organisation, name, value)
            organisation.save()
        organisations[code] = organisation
    return organisations


def seed_people(organisations: dict[str, Organisation]) -> dict[str, User]:
    regions = {region.code: region for region in Region.objects.all()}
    password = make_password(DEMO_PASSWORD)
    people: dict[str, User] = {}
    for (email, roles, org_code, region_code, family, given, latin_family, latin_given, position, gender,
         language) in PEOPLE:  # fmt: skip
        user = seed_person(
            email=email, organisation=organisations[org_code], region=regions.get(region_code), family=family,
            given=given, latin_family=latin_family, latin_given=latin_given, position=position, gender=gender,
            language=language, password=password,
        )  # fmt: skip
        for role in roles:
            role_grant(user=user, role=role)
        people[email] = user
    return people


def seed_home_pages() -> None:
    for language, content in HOME.items():
        locale = Locale.objects.get(language_code=language)
        home = HomePage.objects.filter(locale=locale, depth=2).first()
        if home is None:
            continue
        body = [
            {"type": "audience", "value": {"audience": audience, "heading": heading, "text": text}}
            for audience, heading, text in content["audiences"]
        ]
        current = [{"type": block.block_type, "value": dict(block.value)} for block in home.body]
        if home.introduction == content["introduction"] and current == body and home.live:
            continue
        home.introduction = content["introduction"]
        home.body = body
        home.save_revision().publish()


@transaction.atomic
def seed_demo() -> dict[str, User]:
    with acting_as(Actor(user_agent="seed_demo")):
        organisations = seed_organisations()
        people = seed_people(organisations)
        seed_home_pages()
        seed_courses(people)
        seed_assessments(people)
        seed_cohorts(people)
        seed_certificates()
    return people
