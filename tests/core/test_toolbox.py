"""The toolbox at the bottom of the layers (architecture §2): every app is in the import contract,
``core`` below all of them; every service refuses with the one error class, and the API answers
those refusals in the one error shape."""

import json
import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_string

from core.api import Error, refusal, refused
from core.errors import CascadeError

ROOT = Path(settings.BASE_DIR)


def contract() -> tuple[list[str], list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    [layers] = [c["layers"] for c in config["contracts"] if c["type"] == "layers"]
    return config["root_packages"], [layer.strip("()") for layer in layers]


def test_every_app_of_the_project_is_in_the_layers_with_the_toolbox_at_the_bottom():
    ours = {config.name for config in apps.get_app_configs() if Path(config.path).parent == ROOT}
    packages, layers = contract()
    assert ours <= set(packages)
    assert ours <= set(layers)
    assert layers[-1] == "core"


def test_every_service_error_is_a_cascade_error_with_a_message_and_a_code():
    for path in (
        "courses.services.CourseError",
        "assessments.services.AssessmentError",
        "cohorts.services.CohortError",
        "certificates.services.CertificateError",
        "certificates.credentials.CredentialError",
    ):
        error_class = import_string(path)
        assert issubclass(error_class, CascadeError), path
        error = error_class("Зөвшөөрөхгүй.")
        assert (error.message, str(error)) == ("Зөвшөөрөхгүй.", "Зөвшөөрөхгүй.")
        assert error.code


def test_a_refusal_has_the_one_error_shape():
    from cohorts.services import CohortError

    for answer in (refused(CohortError("Болохгүй.", "session"), 409), refusal(409, "Болохгүй.", "session")):
        assert answer.status_code == 409
        assert json.loads(Error(**answer.value).model_dump_json()) == {
            "detail": "Болохгүй.",
            "code": "session",
            "errors": [],
        }
