from django import forms

from licenses.forms import license_text


class ClosestForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        required=False,
        label="License text",
        help_text="Paste the whole text, or upload a file below. Nothing is saved.",
    )
    file = forms.FileField(
        required=False,
        help_text="A plain-text UTF-8 file of at most 1 MiB, a license page saved from the web (HTML), "
        "or an SPDX license XML file.",
    )

    def clean(self):
        data = super().clean()
        found = license_text(data.get("file"), data.get("text") or "")
        if found is None:
            raise forms.ValidationError("Paste a license text or choose a file.")
        data["text"] = found[1]
        return data
