"""People, the organisations they belong to, the regions they work in, and the audit log."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from core.formatting import short_datetime
from core.text import mixes_scripts, normalise_text, scripts_in

from .audit_actions import action_choices, declare


class BilingualNameMixin(models.Model):
    """A name kept in Mongolian and English; ``name`` gives the one for the active language."""

    name_mn = models.CharField(_("name in Mongolian"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_mn


class Region(BilingualNameMixin):
    """One of Mongolia's 21 aimags, Ulaanbaatar as a whole, or one of its 9 districts (loaded by
    migrations from :mod:`accounts.regions`)."""

    class Kind(models.TextChoices):
        AIMAG = "aimag", _("Aimag")
        CAPITAL = "capital", _("The capital, Ulaanbaatar")
        DISTRICT = "district", _("District of Ulaanbaatar")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)

    class Meta:
        ordering = ["kind", "name_mn"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Organisation(BilingualNameMixin, MP_Node):
    """An agency, ministry unit or NGO. Organisations form a tree: ministry → agency → unit."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        AGENCY = "agency", _("Agency")
        UNIT = "unit", _("Unit")
        NGO = "ngo", _("Non-governmental organisation")
        OTHER = "other", _("Other")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.UNIT)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    node_order_by = ["name_mn"]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def subtree(self) -> models.QuerySet["Organisation"]:
        """This organisation and every unit below it."""
        return Organisation.objects.filter(path__startswith=self.path)


class UserManager(DjangoUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. E-mail is the login; learning records are never deleted, so accounts are deactivated.

    ``first_name``/``last_name`` keep the names Django, Wagtail and allauth expect: they hold the
    Cyrillic given name and family name (овог). The Latin spellings are for English documents
    and must match the passport, so they are stored, not derived.
    """

    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Another gender")
        UNSTATED = "unstated", _("Prefer not to say")

    # Stored in lower case and unique; the constraint below also refuses any case variant.
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    first_name = models.CharField(_("given name"), max_length=150, blank=True)
    last_name = models.CharField(_("family name"), max_length=150, blank=True)
    latin_first_name = models.CharField(
        _("given name in Latin letters"), max_length=150, blank=True, help_text=_("As written in the passport.")
    )
    latin_last_name = models.CharField(
        _("family name in Latin letters"), max_length=150, blank=True, help_text=_("As written in the passport.")
    )
    name_needs_review = models.BooleanField(
        _("name needs review"),
        default=False,
        help_text=_("Set when a name mixes Latin and Cyrillic letters."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    position = models.CharField(_("position or rank"), max_length=200, blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    low_data_mode = models.BooleanField(
        _("low-data mode"),
        default=False,
        help_text=_(
            "Smaller pictures, no web fonts, and videos only when you ask for them: for a slow or costly "
            "mobile connection."
        ),
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # The person's role groups, copied here so that every request has them with the user's row
    # (space-separated names). Written only by accounts.role_names, from the groups; see save().
    role_names = models.CharField(_("roles"), max_length=100, blank=True, default="", editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]
        # The reports group every record by its person's region (their own, else their
        # organisation's): read from this index alone, not from the whole table, for each indicator.
        # PostgreSQL only; elsewhere the columns are not included.
        indexes = [
            models.Index(fields=["id"], include=["region", "organisation"], name="accounts_user_reporting_place")
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        errors = {}
        for field in ("first_name", "last_name"):
            if "latin" in scripts_in(getattr(self, field)):
                errors[field] = _("Write this name in Cyrillic letters; it contains Latin letters.")
        for field in ("latin_first_name", "latin_last_name"):
            if "cyrillic" in scripts_in(getattr(self, field)):
                errors[field] = _("Write this name in Latin letters; it contains Cyrillic letters.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        for field in ("first_name", "last_name", "latin_first_name", "latin_last_name", "position"):
            setattr(self, field, normalise_text(getattr(self, field)))
        self.name_needs_review = any(
            mixes_scripts(getattr(self, f)) for f in ("first_name", "last_name", "latin_first_name", "latin_last_name")
        )
        if self._state.adding:
            self.role_names = ""  # a new row has no groups yet; adding them writes the copy
        elif kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            # Never write the copy of the roles from memory: an instance loaded before a role was
            # revoked would bring the role back.
            kwargs["update_fields"] = {field.name for field in self._meta.concrete_fields if not field.primary_key}
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            update_fields = set(update_fields) - {"role_names"}
            kwargs["update_fields"] = {*update_fields, "name_needs_review"}
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        """The name as a Mongolian reads it (family name, given name), or in Latin letters in English."""
        if get_language() == "en" and (self.latin_first_name or self.latin_last_name):
            return f"{self.latin_first_name} {self.latin_last_name}".strip()
        return f"{self.last_name} {self.first_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.email


class AuditEvent(models.Model):
    """One security-relevant event: who, what, when, which object, from where. Written only by
    :func:`accounts.services.audit_record`."""

    # Accounts' own actions; every other app declares those it adds in its ``audit.py``
    # (``accounts.audit_actions``), so this app names none above it.
    @declare
    class Action(models.TextChoices):
        LOGIN = "login", _("Signed in")
        LOGIN_FAILED = "login_failed", _("Sign-in failed")
        LOGOUT = "logout", _("Signed out")
        ROLE_GRANTED = "role_granted", _("Role granted")
        ROLE_REVOKED = "role_revoked", _("Role revoked")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET = "password_reset", _("Password reset")
        MFA_ENABLED = "mfa_enabled", _("Two-factor authentication turned on")
        MFA_DISABLED = "mfa_disabled", _("Two-factor authentication turned off")
        # Whichever app exports: what matters is whose data left, and that is accounts' concern.
        DATA_EXPORTED = "data_exported", _("Personal data exported")

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as typed, so a failed sign-in for an unknown address is recorded too.
    actor_email = models.CharField(_("e-mail address used"), max_length=254, blank=True)
    action = models.CharField(_("what"), max_length=32, choices=action_choices, db_index=True)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), null=True, blank=True, on_delete=models.SET_NULL
    )
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    target_repr = models.CharField(_("object"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("from address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=255, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{short_datetime(self.created_at)} {self.get_action_display()}"
