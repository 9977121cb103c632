from django import forms
from django.utils.translation import gettext_lazy as _

from .importing import GIFT, MOODLE_XML
from .models import QuestionCategory

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class QuestionImportForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("GIFT (.txt, .gift) or Moodle XML (.xml), at most 10 MB."))
    file_format = forms.ChoiceField(label=_("Format"), choices=[(GIFT, "GIFT"), (MOODLE_XML, "Moodle XML")])
    language = forms.ChoiceField(label=_("Language of the questions"), choices=[("mn", "Монгол"), ("en", "English")])
    category = forms.ModelChoiceField(
        label=_("Put them under"),
        queryset=QuestionCategory.objects.all(),
        required=False,
        help_text=_("Empty: the categories named in the file, at the top of the bank."),
    )
    dry_run = forms.BooleanField(label=_("Only check the file; import nothing"), required=False, initial=True)
    skip_errors = forms.BooleanField(label=_("Import the good questions even if some have problems"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload
