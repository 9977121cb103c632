"""The look and wording of certificates, edited in Wagtail (Snippets → Certificate templates).

Each save is a revision; an issued certificate keeps a snapshot of the template as it was when
the certificate was issued, so a later edit never changes a certificate already in someone's hands."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import PreviewableMixin, RevisionMixin


class SignatoryBlock(blocks.StructBlock):
    name_mn = blocks.CharBlock(label=_("Name (Mongolian)"), max_length=120)
    name_en = blocks.CharBlock(label=_("Name (English)"), max_length=120)
    title_mn = blocks.CharBlock(label=_("Title (Mongolian)"), max_length=160)
    title_en = blocks.CharBlock(label=_("Title (English)"), max_length=160)
    signature = ImageChooserBlock(label=_("Signature image"), required=False)

    class Meta:
        icon = "user"
        label = _("Signatory")


class LogoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Logo"))
    name = blocks.CharBlock(label=_("Organisation (for screen readers)"), max_length=200)

    class Meta:
        icon = "image"
        label = _("Logo")


class CertificateTemplate(PreviewableMixin, RevisionMixin, models.Model):
    class Layout(models.TextChoices):
        SIDE_BY_SIDE = "side_by_side", _("Mongolian and English side by side")
        PAGE_PER_LANGUAGE = "page_per_language", _("One page in Mongolian, one in English")

    name = models.CharField(_("name"), max_length=120, unique=True)
    layout = models.CharField(
        pgettext_lazy("how a certificate template sets out its pages", "layout"),
        max_length=20,
        choices=Layout.choices,
        default=Layout.SIDE_BY_SIDE,
    )
    heading_mn = models.CharField(_("heading (Mongolian)"), max_length=120, default="ГЭРЧИЛГЭЭ")
    heading_en = models.CharField(_("heading (English)"), max_length=120, default="CERTIFICATE")
    statement_mn = models.TextField(
        _("statement (Mongolian)"),
        default="сургалтыг амжилттай дүүргэсэн болохыг гэрчилнэ.",
        help_text=_("Printed after the course title, which it follows in the sentence."),
    )
    statement_en = models.TextField(
        _("statement (English)"),
        default="has successfully completed the course",
        help_text=_("Printed after the holder's name."),
    )
    issuer_mn = models.CharField(_("issued by (Mongolian)"), max_length=200)
    issuer_en = models.CharField(_("issued by (English)"), max_length=200)
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#1F4E79",
        validators=[RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("A colour as #RRGGBB."))],
    )
    logos = StreamField([("logo", LogoBlock())], blank=True, verbose_name=_("logos"), max_num=4)
    signatories = StreamField([("signatory", SignatoryBlock())], blank=True, verbose_name=_("signatories"), max_num=3)

    panels = [
        FieldPanel("name"),
        FieldPanel("layout"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("heading_mn"), FieldPanel("heading_en")]),
                FieldRowPanel([FieldPanel("statement_mn"), FieldPanel("statement_en")]),
                FieldRowPanel([FieldPanel("issuer_mn"), FieldPanel("issuer_en")]),
            ],
            heading=_("Texts, side by side"),
        ),
        FieldPanel("accent_colour"),
        FieldPanel("logos"),
        FieldPanel("signatories"),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self) -> str:
        return self.name

    def snapshot(self) -> dict:
        """Everything a certificate prints from its template, as plain data kept with the certificate."""
        return {
            "template_id": self.pk,
            "revision_id": self.latest_revision_id,
            "layout": self.layout,
            "heading": {"mn": self.heading_mn, "en": self.heading_en},
            "statement": {"mn": self.statement_mn, "en": self.statement_en},
            "issuer": {"mn": self.issuer_mn, "en": self.issuer_en},
            "accent_colour": self.accent_colour,
            "logos": [
                {"file": block.value["image"].file.name, "name": block.value["name"]}
                for block in self.logos
                if block.value["image"]
            ],
            "signatories": [
                {
                    "name": {"mn": block.value["name_mn"], "en": block.value["name_en"]},
                    "title": {"mn": block.value["title_mn"], "en": block.value["title_en"]},
                    "signature": block.value["signature"].file.name if block.value["signature"] else "",
                }
                for block in self.signatories
            ],
        }

    # Preview in the admin, on sample data.
    def get_preview_template(self, request, mode_name):
        return "certificates/certificate.html"

    def get_preview_context(self, request, mode_name):
        from ..rendering import sample_context

        return sample_context(self.snapshot())
