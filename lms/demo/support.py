"""Whom the demo's learners can call: the child helpline 108 and the organisation's support person
for the whole site, and a course with a support person of its own. The support people are fictional
("(жишээ)" / "(demo)", with a number no one answers); 108 is Mongolia's real child helpline.

Idempotent: a contact is found by its Mongolian name, and a setting already chosen is left as it is."""

from wagtail.models import Locale, Site

from courses.models import SupportContact, SupportSettings

CONTACTS = {
    "helpline": {
        "phone": "108",
        "mn": {
            "name": "Хүүхдийн тусламжийн утас 108",
            "hours": "24 цагийн турш, үнэ төлбөргүй",
            "text": "Хүүхдийн аюулгүй байдалд санаа зовж байвал мэдээлэх, зөвлөгөө авах утас. Нууцлалтай.",
        },
        "en": {
            "name": "Child helpline 108",
            "hours": "24 hours a day, free of charge",
            "text": "Call to report a concern about a child's safety, or to ask for advice. Confidential.",
        },
    },
    "staff": {
        "phone": "0000-0000",
        "mn": {
            "name": "Ажилтны сэтгэл зүйн зөвлөгөө (жишээ)",
            "hours": "Даваа–Баасан, 09:00–18:00",
            "text": "Хүнд материал уншсаны эсвэл хүнд хэргийн дараа сэтгэл зүйчтэй нууцлалтай ярилцаж болно. "
            "Таны ярьсан зүйл таны ажил, дүнд нөлөөлөхгүй.",
        },
        "en": {
            "name": "Staff counselling (demo)",
            "hours": "Monday to Friday, 9:00–18:00",
            "text": "A confidential conversation with a psychologist after hard material or a hard case. "
            "What you say does not affect your work record or your grades.",
        },
    },
    "border": {
        "phone": "0000-0001",
        "mn": {
            "name": "Хилийн алба хаагчдын сэтгэл зүйч (жишээ)",
            "hours": "Даваа–Баасан, 08:00–17:00",
            "text": "Хилийн боомтод ажилладаг алба хаагчдад нууцлалтай сэтгэл зүйн зөвлөгөө өгнө.",
        },
        "en": {
            "name": "Border service psychologist (demo)",
            "hours": "Monday to Friday, 8:00–17:00",
            "text": "Confidential counselling for staff at border checkpoints.",
        },
    },
}


def seed_contact(spec: dict, mn: Locale, en: Locale) -> SupportContact:
    contact = SupportContact.objects.filter(locale=mn, name=spec["mn"]["name"]).first()
    if contact is None:
        contact = SupportContact.objects.create(locale=mn, phone=spec["phone"], **spec["mn"])
    if contact.get_translation_or_none(en) is None:
        english = contact.copy_for_translation(en)
        for name, value in spec["en"].items():
            setattr(english, name, value)
        english.save()
    return contact


def seed_support(mn: Locale, en: Locale) -> dict[str, SupportContact]:
    """The demo's contacts (Mongolian, each with its English translation), by key; the site's
    helpline and support person are set unless an editor has chosen them already."""
    contacts = {key: seed_contact(spec, mn, en) for key, spec in CONTACTS.items()}
    for site in Site.objects.all():
        settings = SupportSettings.for_site(site)
        if settings.helpline_id is None or settings.support_person_id is None:
            settings.helpline = settings.helpline or contacts["helpline"]
            settings.support_person = settings.support_person or contacts["staff"]
            settings.save()
    return contacts
