"""Whom a learner can call when the material is hard to bear: Mongolia's child helpline 108 and
the organisation's own support person, set once for the site and, where a course names its own
person, for that course. Shown with every content note and at the end of a lesson marked as
distressing (``courses.support``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin


class SupportContact(TranslatableMixin, models.Model):
    """A helpline or a person, in each language (translated with wagtail-localize like a page)."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("A helpline or a role, such as “Child helpline” or “Staff counsellor”.")
    )
    phone = models.CharField(_("phone"), max_length=50)
    hours = models.CharField(
        _("hours"), max_length=200, blank=True, help_text=_("When someone answers, such as “24 hours a day”.")
    )
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("What they help with, in a sentence or two. Say if the call is confidential."),
    )

    panels = [FieldPanel("name"), FieldPanel("phone"), FieldPanel("hours"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("support contact")
        verbose_name_plural = _("support contacts")

    def __str__(self):
        return f"{self.name} ({self.phone})"


@register_setting(icon="help")
class SupportSettings(BaseSiteSetting):
    helpline = models.ForeignKey(
        SupportContact,
        verbose_name=_("helpline"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown with every content note, such as Mongolia's child helpline 108."),
    )
    support_person = models.ForeignKey(
        SupportContact,
        verbose_name=_("support person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation's own support person. A course may name its own instead."),
    )

    panels = [FieldPanel("helpline"), FieldPanel("support_person")]

    class Meta:
        verbose_name = _("support for learners")
