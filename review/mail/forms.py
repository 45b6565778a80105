"""The preview's per-message choices as a form: clause, stance, author, address, date.

One MessageChoiceForm per message, its fields named ``clause-N``, ``stance-N``, ``author-N``,
``email-N``, ``date-N`` (N the message's index in the preview), so that every page of a long
preview and the hidden fields of the other pages post under one name each.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from django import forms

from review.mail.services import AUTHOR_NAME_LENGTH
from review.models import Stance

# "2025-05-18 05:51 +02:00", seconds and the zone optional (no zone: UTC).
_DATE = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:(Z|UTC)|([+-])(\d{2}):?(\d{2}))?\s*$",
    re.I,
)


def format_mail_date(value: datetime | None) -> str:
    """A message's date as shown and edited in the preview, in its own zone."""
    if value is None:
        return ""
    offset = value.strftime("%z")
    zone = f"{offset[:3]}:{offset[3:]}" if offset else "+00:00"
    return f"{value:%Y-%m-%d %H:%M} {zone}"


def parse_mail_date(text: str) -> datetime | None:
    m = _DATE.match(text)
    if not m:
        raise ValueError(text)
    year, month, day, hour, minute = (int(m.group(k)) for k in range(1, 6))
    second = int(m.group(6) or 0)
    tz = UTC
    if m.group(8):
        delta = timedelta(hours=int(m.group(9)), minutes=int(m.group(10)))
        if delta > timedelta(hours=14):
            raise ValueError(text)
        tz = timezone(-delta if m.group(8) == "-" else delta)
    return datetime(year, month, day, hour, minute, second, tzinfo=tz)


class MessageChoiceForm(forms.Form):
    clause = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    stance = forms.ChoiceField(choices=Stance.choices)
    author = forms.CharField(required=False, max_length=AUTHOR_NAME_LENGTH, strip=True)
    email = forms.EmailField(required=False)
    date = forms.CharField(required=False, max_length=40)

    def __init__(self, data, *, index: int, clause_ids: list[int]) -> None:
        self.index = index
        super().__init__(data)
        self.fields["clause"].choices = [("", "General"), *((pk, pk) for pk in clause_ids)]

    def add_prefix(self, field_name: str) -> str:
        return f"{field_name}-{self.index}"

    def clean_date(self) -> datetime | None:
        text = self.cleaned_data["date"].strip()
        if not text:
            return None
        try:
            return parse_mail_date(text)
        except (ValueError, OverflowError):
            raise forms.ValidationError("write the date as 2025-05-18 05:51 +02:00") from None

    def first_error(self) -> str:
        field, errors = next(iter(self.errors.items()))
        names = {
            "clause": "that clause is not part of the version under review",
            "email": "that address is not valid",
        }
        return f"Message {self.index + 1}: {names.get(field, errors[0])}."


def mail_local_time(value: datetime, offset_minutes: int | None) -> datetime:
    """A stored (UTC) time in the zone its mail was written in, when that is known."""
    if offset_minutes is None:
        return value
    return value.astimezone(timezone(timedelta(minutes=offset_minutes)))


class CorrectionForm(forms.Form):
    """A moderator's correction of an imported comment's author and date."""

    author = forms.CharField(label="Name", required=False, max_length=AUTHOR_NAME_LENGTH, strip=True)
    email = forms.EmailField(label="Address", required=False)
    date = forms.CharField(
        label="Sent",
        max_length=40,
        help_text="As 2025-05-18 05:51 +02:00: the time in the sender's zone, then the zone.",
        error_messages={"required": "Give the date the mail was sent."},
    )

    def clean_date(self) -> datetime:
        try:
            return parse_mail_date(self.cleaned_data["date"].strip())
        except (ValueError, OverflowError):
            raise forms.ValidationError("Write the date as 2025-05-18 05:51 +02:00.") from None

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("author") and not data.get("email"):
            raise forms.ValidationError("Give a name, an address or both.")
        return data
