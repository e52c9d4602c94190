"""Sign-up and profile forms."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from training.languages import supported_language


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form: the name that certificates will carry."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("Exactly as it should be printed on your certificates."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user: User) -> None:
        """Keep the name, and the language the learner signed up in as their preference."""
        user.full_name = self.cleaned_data["full_name"].strip()
        user.preferred_language = supported_language(get_language())
        user.save(update_fields=["full_name", "preferred_language"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "full_name",
            "organisation",
            "role",
            "country",
            "preferred_language",
            "work_role",
            "gender",
            "certificate_reminders",
        ]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "country": forms.Select(attrs={"autocomplete": "country"}),
            "preferred_language": forms.Select(attrs={"autocomplete": "language"}),
        }


class LoginForm(AllauthLoginForm):
    """allauth's login form, saying plainly that the email address or the username works."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Email address or username")
        login.widget.attrs.update({"autocomplete": "username", "placeholder": ""})
