"""The version of the published page tree, kept in the database next to the tree it describes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageTreeVersion(models.Model):
    """One row: the version under which the page cache (``courses.page_cache``) keeps what it knows
    about this database's page tree. It travels with the pages in a backup, so a restored database
    brings the version of the tree it holds, never the one the shared cache was last filled for."""

    value = models.CharField(_("version"), max_length=32)

    class Meta:
        verbose_name = _("page tree version")
        verbose_name_plural = _("page tree versions")

    def __str__(self) -> str:
        return self.value
