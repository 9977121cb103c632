"""Start-up checks: report a bad configuration before the first request."""

import ctypes.util

from django.core.checks import Warning, register


@register()
def harfbuzz_subset_available(app_configs, **kwargs):
    """WeasyPrint subsets fonts with libharfbuzz-subset; without it every certificate takes
    about five to six times longer to render."""
    if ctypes.util.find_library("harfbuzz-subset"):
        return []
    return [
        Warning(
            "libharfbuzz-subset0 is not installed: certificate PDFs will render several times slower.",
            hint="Install it with: apt-get install libharfbuzz-subset0",
            id="cascade.W001",
        )
    ]
