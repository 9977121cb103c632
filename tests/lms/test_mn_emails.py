"""Cascade's own e-mails (certificates, invitations, reminders) read in Mongolian when sent in
Mongolian: each template, rendered as its sender renders it, has no English sentence. (allauth's
e-mails are checked in tests/accounts/test_mn_everywhere.py.)"""

from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from tests.english import english_sentences

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted(
    str(path.relative_to(path.parents[2])).removesuffix(".txt")
    for path in ROOT.glob("*/templates/*/email/*.txt")
    # allauth's (lms/templates/account, lms/templates/mfa) have their own test.
    if not path.name.endswith("_subject.txt") and path.parts[-3] not in {"account", "mfa"}
)

trainer = SimpleNamespace(get_full_name="Дорж Батболд")
cohort = SimpleNamespace(name="Улаанбаатар, 2026 оны 12-р сар")
course = SimpleNamespace(title="Хүүхэдтэй ярилцлага хийх")
CONTEXT = {
    "holder": "Сарангэрэл Бат",
    "course": course,
    "days_left": 30,
    "certificate": SimpleNamespace(expires_on=date(2027, 12, 3), display_code="7K3M-Q9TZ-XR4W-2"),
    "refresher": SimpleNamespace(title="Давтан сургалт"),
    "refresher_url": "https://cascade.example.mn/mn/courses/refresher/",
    "mine_url": "https://cascade.example.mn/mn/certificates/",
    "verify_url": "https://cascade.example.mn/verify/7K3M-Q9TZ-XR4W-2",
    "trainer": trainer,
    "invitation": SimpleNamespace(cohort=cohort, expires_at=datetime(2026, 12, 17, 12, 0)),
    "link": "https://cascade.example.mn/mn/invitations/abc/",
    "reminder": SimpleNamespace(sent_by=trainer, cohort=cohort, message="Маргааш 10 цагт уулзана."),
    "name": "Сарангэрэл Бат",
    "month": "2026 оны 11 дүгээр сар",
    "scope": "Цагдаагийн ерөнхий газар (харьяа нэгжүүдийн хамт)",
    "reports_url": "https://cascade.example.mn/mn/reports/",
}


def test_every_e_mail_template_of_cascades_is_checked():
    assert {"certificates/email/issued", "cohorts/email/invitation", "cohorts/email/reminder"} <= set(TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES)
def test_each_e_mail_reads_in_mongolian(template):
    with translation.override("mn"):
        subject = render_to_string(f"{template}_subject.txt", CONTEXT)
        body = render_to_string(f"{template}.txt", CONTEXT)
    assert not english_sentences(subject, html=False), subject
    assert not english_sentences(body, html=False), body
    # The same template in English is English, so the check above can fail.
    with translation.override("en"):
        assert english_sentences(render_to_string(f"{template}.txt", CONTEXT), html=False)
