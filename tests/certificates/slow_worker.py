"""The Celery application with certificate rendering slowed down, so that a test can kill the
worker in the middle of a render (``celery -A tests.certificates.slow_worker worker``)."""

import os
import time

from certificates import rendering
from lms.celery import app

__all__ = ["app"]

_render = rendering.certificate_pdf


def _slow_render(certificate):
    time.sleep(float(os.environ.get("CASCADE_TEST_RENDER_SECONDS", "60")))
    return _render(certificate)


rendering.certificate_pdf = _slow_render
