"""The learner's form asking for the name on a certificate to be corrected.

The rules are in `certificates.corrections`; the form checks what it can say next to a field
(an empty or unchanged name, a missing reason) so the learner sees where to fix it.
Text boxes get `dir="auto"` from the site's field template (includes/form_field.html).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.corrections import NAME_MAX_LENGTH, REASON_MAX_LENGTH, clean_name


class NameCorrectionForm(forms.Form):
    requested_name = forms.CharField(
        label=_("Your name as it should be printed"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("Write it exactly as it should appear on the certificate."),
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    reason = forms.CharField(
        label=_("Why does it need correcting?"),
        max_length=REASON_MAX_LENGTH,
        help_text=_("For example: a spelling mistake, or your name has changed."),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
    )

    def __init__(self, *args, current_name: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.current_name = current_name

    def clean_requested_name(self) -> str:
        name = clean_name(self.cleaned_data["requested_name"])
        if name == self.current_name:
            raise forms.ValidationError(
                _("This is already the name on the certificate. Enter the corrected name.")
            )
        return name
