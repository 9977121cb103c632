from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import normalise_text, scripts_in, suggest_latin

from .models import User


class ProfileForm(forms.ModelForm):
    """A person's own profile. Organisation and roles are set by coordinators, not here."""

    class Meta:
        model = User
        fields = [
            "last_name",
            "first_name",
            "latin_last_name",
            "latin_first_name",
            "position",
            "region",
            "gender",
            "preferred_language",
            "low_data_mode",
        ]
        help_texts = {
            "last_name": _("Your family name (овог), in Cyrillic letters."),
            "first_name": _("Your given name, in Cyrillic letters."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in ("last_name", "first_name"):
            self.fields[field].required = True
        # Suggest the Latin spelling as passports write it; the person corrects it to match their own.
        for cyrillic, latin in (("first_name", "latin_first_name"), ("last_name", "latin_last_name")):
            if not getattr(self.instance, latin):
                suggestion = suggest_latin(getattr(self.instance, cyrillic))
                self.initial[latin] = suggestion
        self.fields["region"].empty_label = _("— not set —")

    def _clean_script(self, field: str, allowed: str, message: str) -> str:
        value = normalise_text(self.cleaned_data.get(field, ""))
        if scripts_in(value) - {allowed}:
            raise forms.ValidationError(message, code="mixed_script")
        return value

    def clean_first_name(self):
        return self._clean_script("first_name", "cyrillic", _("Write this name in Cyrillic letters only."))

    def clean_last_name(self):
        return self._clean_script("last_name", "cyrillic", _("Write this name in Cyrillic letters only."))

    def clean_latin_first_name(self):
        return self._clean_script("latin_first_name", "latin", _("Write this name in Latin letters only."))

    def clean_latin_last_name(self):
        return self._clean_script("latin_last_name", "latin", _("Write this name in Latin letters only."))
