"""A start-up check: without libharfbuzz-subset0, WeasyPrint embeds whole fonts and every
certificate takes five to six times longer (DESIGN, "Running it")."""

import ctypes.util

from django.core import checks


def font_subsetting(app_configs, **kwargs):
    if ctypes.util.find_library("harfbuzz-subset"):
        return []
    return [
        checks.Warning(
            "libharfbuzz-subset is missing: certificates will embed whole fonts and render 5-6 times slower.",
            hint="Install the Debian package libharfbuzz-subset0 (./cascade does it).",
            id="certificates.W001",
        )
    ]


def register() -> None:
    checks.register(font_subsetting, checks.Tags.compatibility)
