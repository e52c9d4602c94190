"""People: one user model for learners, trainers and authors, with what a certificate needs."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from training.languages import language_choices


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    ANOTHER = "another", _("Another gender")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class WorkRole(models.TextChoices):
    FIRST_RESPONDER = "first_responder", _("First responder (fire, ambulance, search and rescue)")
    EMERGENCY_MANAGER = "emergency_manager", _("Emergency or disaster manager")
    CONSULAR = "consular", _("Consular or embassy staff")
    LOCAL_AUTHORITY = "local_authority", _("Local or national authority")
    CIVIL_SOCIETY = "civil_society", _("NGO or community organisation")
    INTERNATIONAL = "international", _("International organisation")
    OTHER = "other", _("Other")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


#: Why we ask for gender and role, shown beside both fields on the profile page.
REPORTING_HELP = _(
    "Optional. Used only to count, in reports on who was trained, how many people of each "
    "group took part. Groups of fewer than 5 people are never shown."
)


class LearnerManager(UserManager):
    def get_by_natural_key(self, username: str):
        """Usernames match case-insensitively, like emails."""
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A person using the platform. Email is unique whatever its case."""

    full_name = models.CharField(
        _("full name"),
        max_length=150,
        blank=True,
        help_text=_("Exactly as it should be printed on your certificates."),
    )
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    role = models.CharField(_("role or job title"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=12, choices=language_choices, blank=True
    )
    gender = models.CharField(
        _("gender"),
        max_length=12,
        choices=Gender.choices,
        blank=True,
        db_default="",
        help_text=REPORTING_HELP,
    )
    work_role = models.CharField(
        _("your role in crisis response"),
        max_length=20,
        choices=WorkRole.choices,
        blank=True,
        db_default="",
        help_text=REPORTING_HELP,
    )
    certificate_reminders = models.BooleanField(
        _("email me before my certificates expire"),
        default=True,
        db_default=True,
        help_text=_(
            "Reminders come a few weeks before a certificate expires, with a link to renew it. "
            "Turning them off does not change when your certificates expire."
        ),
    )

    objects = LearnerManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_unique_ci",
                violation_error_message=_("An account with this email address already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.email or self.username
