from django import forms
from django.contrib.auth.forms import AuthenticationForm

from portal.concurrency import VersionedFormMixin
from portal.models import Organisation
from portal.tabular import FileProblem, check_upload, read_table


class OrganisationContactForm(VersionedFormMixin, forms.ModelForm):
    """The public contact details an organisation keeps up to date itself."""

    class Meta:
        model = Organisation
        fields = ["address", "postcode", "phone", "email", "website"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "phone": "The number families and practitioners should call.",
            "website": "Starting https://",
        }


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet", help_text="A CSV file (.csv) or an Excel workbook (.xlsx), up to 40 MB and 50,000 rows."
    )

    def clean_file(self):
        """The file as a whole (type, size, readable, headings, row count) is checked here, beside the field;
        its rows are checked and saved by the background job (portal/jobs.py), which reads it again."""
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload)
            read_table(upload)
        except FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        upload.seek(0)
        return upload


class EmailAuthenticationForm(AuthenticationForm):
    """Sign in with an email address (any letter case) and a password."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "type": "email", "spellcheck": "false"})
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()
