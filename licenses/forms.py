from __future__ import annotations

from django import forms

from .ingest import IngestError, clean_text, decode_text
from .models import LicenseVersion


class NewVersionForm(forms.Form):
    label = forms.CharField(
        max_length=50, help_text='How the steward names this version, such as "2.0" or "draft 3".'
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        required=False,
        help_text="Paste the full license text, or upload a file below.",
    )
    file = forms.FileField(required=False, help_text="A plain-text UTF-8 file of at most 1 MiB.")
    previous = forms.ModelChoiceField(queryset=LicenseVersion.objects.none(), required=False)

    def __init__(self, *args, license, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["previous"].queryset = license.versions.all()
        self.fields["previous"].label_from_instance = lambda v: v.label

    def clean_label(self) -> str:
        label = self.cleaned_data["label"].strip()
        if "/" in label or "@" in label:
            raise forms.ValidationError('A version label may not contain "/" or "@".')
        return label

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        pasted = data.get("text") or ""
        try:
            if upload:
                data["source"] = LicenseVersion.Source.UPLOAD
                data["text"] = decode_text(upload.read(1024 * 1024 + 1))
            elif pasted.strip():
                data["source"] = LicenseVersion.Source.PASTE
                data["text"] = clean_text(pasted)
            else:
                raise forms.ValidationError("Paste the license text or choose a file.")
        except IngestError as exc:
            raise forms.ValidationError(str(exc)) from None
        return data
