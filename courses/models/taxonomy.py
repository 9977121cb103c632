"""Who a course is for, and what it is about: small bilingual lists for the catalogue's filters."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class BilingualLabel(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_mn = models.CharField(_("name in Mongolian"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)

    class Meta:
        abstract = True
        ordering = ["name_mn"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_mn


class Audience(BilingualLabel):
    """Police, SCRI, social services, border, MDTF, general (loaded by a migration)."""

    class Meta(BilingualLabel.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Topic(BilingualLabel):
    """Editors add topics as the catalogue grows."""

    class Meta(BilingualLabel.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
