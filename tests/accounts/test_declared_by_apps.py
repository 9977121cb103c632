"""Accounts names no app above it (architecture §2): each app declares the audit actions it adds
(its ``audit.py``) and what its models let a role do (``role_permissions`` in its AppConfig), and
accounts collects them through the app registry."""

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from accounts.audit_actions import action_choices
from accounts.models import AuditEvent
from tests.conftest import make_user

# What the audit log knew when accounts listed every app's actions itself.
ACTIONS = {
    "login", "login_failed", "logout", "role_granted", "role_revoked", "password_changed", "password_reset",
    "mfa_enabled", "mfa_disabled", "mark_overridden", "authorisation_granted", "authorisation_revoked",
    "cohort_handed_over", "cohort_closed", "data_exported", "certificate_issued", "certificate_revoked",
    "certificate_reissued", "report_exported",
}  # fmt: skip

# What editors could do when accounts named every app's permissions itself.
EDITOR_PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    *(("assessments", f"{a}_{m}") for m in ("question", "questioncategory") for a in ("view", "add", "change")),
    *(("courses", f"{a}_supportcontact") for a in ("view", "add", "change")),
    ("courses", "change_supportsettings"),
    *(
        ("certificates", f"{a}_{m}")
        for m in ("certificationrule", "certificatetemplate")
        for a in ("view", "add", "change")
    ),
}


def test_the_audit_log_knows_every_action_the_apps_declare_with_its_label():
    assert {value for value, _label in action_choices()} == ACTIONS
    event = AuditEvent(action="cohort_closed")
    with translation.override("en"):
        assert event.get_action_display() == "Cohort closed"
    assert event.get_action_display() == "Сургалтын бүлгийг хаасан"


def test_the_audit_logs_filter_offers_and_applies_an_action_another_app_declared(client, db):
    client.force_login(make_user("admin"))
    response = client.get(reverse("audit_log"), {"action": "certificate_revoked"})
    assert response.context["action"] == "certificate_revoked"
    assert "certificate_revoked" in dict(response.context["actions"])


def test_editors_get_what_the_apps_declare_and_no_other_role_gets_model_permissions(db):
    editors = Group.objects.get(name="editor")
    granted = set(editors.permissions.values_list("content_type__app_label", "codename"))
    assert granted == EDITOR_PERMISSIONS
    for name in ("trainer", "master_trainer", "coordinator"):
        assert not Group.objects.get(name=name).permissions.exists()
