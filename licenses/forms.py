from __future__ import annotations

from django import forms

from licenses.ingest import MAX_TEXT_BYTES, IngestError, read_pasted, read_text
from licenses.models import LicenseVersion, validate_version_label


def clean_version_label(label: str) -> str:
    """A version label as typed, refused if it would break ``slug@label`` addresses."""
    label = label.strip()
    validate_version_label(label)
    return label


def license_text(upload, pasted: str) -> tuple[str, str, str] | None:
    """``(source, text, note)`` from an uploaded file or pasted text, validated; None when neither
    was given. ``note`` tells the person what was done to it ("" for plain text): a web page is
    read as the text a browser shows of it."""
    try:
        if upload:
            found, source = read_text(upload.read(MAX_TEXT_BYTES + 1)), LicenseVersion.Source.UPLOAD
        elif pasted.strip():
            found, source = read_pasted(pasted), LicenseVersion.Source.PASTE
        else:
            return None
    except IngestError as exc:
        raise forms.ValidationError(_naming(upload, str(exc))) from None
    note = ""
    if found.converted_from:
        what = f"“{upload.name}”" if upload and upload.name else "The pasted text"
        note = f"{what} was {found.converted_from}: {found.how}. Check the clauses against the original."
    return source, found.text, note


def _naming(upload, message: str) -> str:
    """The refused file by its name: the file field is empty when the form comes back."""
    if upload and upload.name and message.startswith("The file "):
        return f"“{upload.name}”{message[len('The file') :]}"
    return message


class NewVersionForm(forms.Form):
    label = forms.CharField(
        max_length=50, help_text='How the steward names this version, such as "2.0" or "draft 3".'
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        required=False,
        help_text="Paste the full license text, or upload a file below.",
    )
    file = forms.FileField(
        required=False,
        help_text="A file of at most 1 MiB: plain text in UTF-8 (or UTF-16 with a byte-order mark), "
        "a license page saved from the web (HTML), a PDF, a Word (.docx) or OpenDocument (.odt) text, "
        "or an SPDX license XML file.",
    )
    previous = forms.ModelChoiceField(
        queryset=LicenseVersion.objects.none(),
        required=False,
        label="Follows version",
        help_text="The version this one replaces: “Compare with previous” and a review's next round start from it.",
    )

    def __init__(self, *args, license, **kwargs):
        super().__init__(*args, **kwargs)
        versions = license.versions.order_by("-created_at", "-pk")
        field = self.fields["previous"]
        field.queryset = versions
        field.label_from_instance = lambda v: v.label
        # What ingest_version takes when none is chosen, said in the list ("- Select an option -" was)
        latest = versions.first()
        field.empty_label = f"The latest, {latest.label}" if latest else "None: this is the first version"

    def clean_label(self) -> str:
        return clean_version_label(self.cleaned_data["label"])

    def clean(self):
        data = super().clean()
        found = license_text(data.get("file"), data.get("text") or "")
        if found is None:
            raise forms.ValidationError("Paste the license text or choose a file.")
        data["source"], data["text"], data["note"] = found
        return data
