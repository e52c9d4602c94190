"""What the API shows of courses, enrolments and certificates. Read-only: every field is
computed from rows the views fetched in bulk (see `api.rows`), never with a query per row."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from certificates.credentials import site_url
from certificates.models import Certificate
from certificates.validity import State, validity
from courses.models import Enrolment
from courses.pages.taxonomy import CrisisPhase, Level


class TranslationSerializer(serializers.Serializer):
    language = serializers.CharField(help_text=_("Language code, e.g. “fr”."))
    title = serializers.CharField()
    url = serializers.CharField(allow_null=True)


class CourseSerializer(serializers.Serializer):
    key = serializers.UUIDField(
        source="translation_key", help_text=_("The course's key, shared by its translations.")
    )
    title = serializers.CharField()
    slug = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.CharField(source="api_url", allow_null=True)
    phase = serializers.ChoiceField(choices=CrisisPhase.choices)
    level = serializers.ChoiceField(choices=Level.choices)
    estimated_hours = serializers.IntegerField()
    awards_certificate = serializers.BooleanField()
    validity_months = serializers.IntegerField(
        allow_null=True, help_text=_("How long its certificate is valid; null: never expires.")
    )
    grace_days = serializers.IntegerField()
    recertification_window_days = serializers.IntegerField()
    translations = TranslationSerializer(
        source="api_translations",
        many=True,
        help_text=_("Every language the course is published in, the source language included."),
    )


class LearnerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField()
    email = serializers.CharField()
    organisation = serializers.CharField()
    country = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code, or empty."))

    def to_representation(self, user) -> dict:
        return {
            "id": user.pk,
            "full_name": user.full_name or user.get_full_name(),
            "email": user.email,
            "organisation": user.organisation,
            "country": user.country.code or "",
        }


class ProgressSerializer(serializers.Serializer):
    lessons_done = serializers.IntegerField()
    lessons_total = serializers.IntegerField()
    percent = serializers.IntegerField(min_value=0, max_value=100)


class EnrolmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    learner = LearnerSerializer(source="user")
    course_key = serializers.UUIDField()
    course_title = serializers.CharField(
        source="api_course_title", allow_null=True, help_text=_("Null when the course is not live.")
    )
    status = serializers.ChoiceField(choices=Enrolment.Status.choices)
    enrolled_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    cycle = serializers.IntegerField(help_text=_("1, then 2, 3, … for each recertification."))
    progress = ProgressSerializer(
        source="api_progress", help_text=_("Lessons done in the current cycle, of the live ones.")
    )


class CertificateLearnerSerializer(LearnerSerializer):
    full_name = serializers.CharField(help_text=_("The name as printed on the certificate."))


class ValiditySerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=[state.value for state in State])
    is_valid = serializers.BooleanField(help_text=_("Accepted today (its grace period included)."))
    expires_on = serializers.DateField(allow_null=True)
    valid_until = serializers.DateField(allow_null=True, help_text=_("Expiry plus grace period."))


class CertificateSerializer(serializers.Serializer):
    code = serializers.CharField()
    display_code = serializers.CharField()
    learner = serializers.SerializerMethodField()
    course_key = serializers.UUIDField(source="enrolment.course_key")
    course_title = serializers.CharField()
    cycle = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Certificate.Status.choices)
    language = serializers.CharField()
    completed_at = serializers.DateTimeField()
    issued_at = serializers.DateTimeField(allow_null=True)
    revoked_at = serializers.DateTimeField(allow_null=True)
    expires_on = serializers.DateField(
        source="current_expires_on", allow_null=True, help_text=_("Extensions included.")
    )
    validity = serializers.SerializerMethodField()
    verification_url = serializers.SerializerMethodField()
    replaced_by = serializers.CharField(source="replaced_by.code", allow_null=True, default=None)
    renews = serializers.CharField(source="renews.code", allow_null=True, default=None)

    @extend_schema_field(CertificateLearnerSerializer)
    def get_learner(self, certificate: Certificate) -> dict:
        learner = LearnerSerializer().to_representation(certificate.enrolment.user)
        return {**learner, "full_name": certificate.learner_name}

    @extend_schema_field(ValiditySerializer)
    def get_validity(self, certificate: Certificate) -> dict:
        renewals = certificate.issued_renewals
        today = self.context.get("today") or timezone.localdate()
        state = validity(certificate, today, renewals[-1] if renewals else None)
        return {
            "state": state.state.value,
            "is_valid": state.is_valid and certificate.status == Certificate.Status.ISSUED,
            "expires_on": state.expires_on,
            "valid_until": state.valid_until,
        }

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_verification_url(self, certificate: Certificate) -> str | None:
        if not certificate.is_verifiable:
            return None
        # The check page without a language prefix: it opens in the reader's language.
        with translation.override(settings.LANGUAGE_CODE):
            return site_url(reverse("certificate_verify", args=[certificate.code]))
