"""The API's views: read-only lists and details, each list filtered, paginated and scoped to
the token's organisation. Views translate HTTP into queries; what a row shows is in
`api.serializers`, what a page of rows needs in bulk in `api.rows`."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.generics import get_object_or_404
from wagtail.models import Locale

from api import filters
from api.permissions import request_token, scoped_to_organisation
from api.rows import attach_progress, attach_translations
from api.serializers import CertificateSerializer, CourseSerializer, EnrolmentSerializer
from certificates.codes import normalise_code
from certificates.models import Certificate
from courses.models import CoursePage, Enrolment


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


#: {parameter: [messages]} for query parameters that do not parse, or are unknown.
INVALID = {
    400: {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    }
}
ERRORS = {
    401: ErrorSerializer,
    403: ErrorSerializer,
    404: ErrorSerializer,
    429: ErrorSerializer,
}


def documented(
    serializer: type[serializers.Serializer], lookup: str, lookup_type: OpenApiTypes
) -> dict:
    """The list and retrieve operations of a viewset, with every answer they can give."""
    retrieve = {
        "responses": {200: serializer, **INVALID, **ERRORS},
        "parameters": [OpenApiParameter(lookup, lookup_type, OpenApiParameter.PATH)],
    }
    return {
        "list": extend_schema(responses={200: serializer(many=True), **INVALID, **ERRORS}),
        "retrieve": extend_schema(**retrieve),
    }


class ReadOnlyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A list and a detail whose rows get what they show in bulk (`attach`)."""

    lookup_value_regex = "[^/]+"

    def initial(self, request, *args, **kwargs) -> None:
        """After the token is checked: a query parameter the operation does not know is a
        400 naming it, so a misspelt filter is not silently ignored."""
        super().initial(request, *args, **kwargs)
        if self.action not in ("list", "retrieve"):
            return  # a method the API does not serve: 405, whatever the parameters
        known = set()
        if self.action == "list":
            known = {*self.filterset_class.base_filters, "page", "page_size"}
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise ValidationError({name: [_("Unknown parameter.")] for name in unknown})

    def attach(self, rows: Sequence) -> Sequence:
        return rows

    def paginate_queryset(self, queryset: QuerySet) -> Sequence | None:
        page = super().paginate_queryset(queryset)
        return None if page is None else self.attach(list(page))

    def get_object(self):
        return self.attach([super().get_object()])[0]


@extend_schema_view(**documented(CourseSerializer, "key", OpenApiTypes.UUID))
class CourseViewSet(ReadOnlyViewSet):
    """Live courses of the catalogue, in the default language, with their translations.
    Catalogue data: every token reads every course."""

    serializer_class = CourseSerializer
    filterset_class = filters.CourseFilter
    lookup_field = "translation_key"
    lookup_url_kwarg = "key"

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):  # the schema's generator, no database
            return CoursePage.objects.none()
        return (
            CoursePage.objects.live()
            .public()
            .filter(locale=Locale.get_default())
            .defer_streamfields()
            .order_by("path")
        )

    def attach(self, rows: Sequence) -> Sequence:
        return attach_translations(rows)


@extend_schema_view(**documented(EnrolmentSerializer, "id", OpenApiTypes.INT))
class EnrolmentViewSet(ReadOnlyViewSet):
    """Enrolments with the learner and their progress in the current cycle. An organisation's
    token sees its own learners only; another organisation's rows are not found (404)."""

    serializer_class = EnrolmentSerializer
    filterset_class = filters.EnrolmentFilter

    def get_queryset(self) -> QuerySet:
        enrolments = Enrolment.objects.select_related("user").order_by("pk")
        return scoped_to_organisation(enrolments, request_token(self.request), "user")

    def attach(self, rows: Sequence) -> Sequence:
        return attach_progress(rows)


@extend_schema_view(**documented(CertificateSerializer, "code", OpenApiTypes.STR))
class CertificateViewSet(ReadOnlyViewSet):
    """Certificates, their status and their validity today, by code. Scoped as enrolments."""

    serializer_class = CertificateSerializer
    filterset_class = filters.CertificateFilter
    lookup_field = "code"

    def get_queryset(self) -> QuerySet:
        issued = Certificate.objects.filter(status=Certificate.Status.ISSUED).only(
            "pk", "code", "renews_id"
        )
        certificates = (
            Certificate.objects.with_validity()
            # Walk-ins' workshop certificates belong to no account, so to no organisation, yet.
            .filter(enrolment__isnull=False)
            .select_related("enrolment__user", "replaced_by", "renews")
            .prefetch_related(Prefetch("renewals", queryset=issued, to_attr="issued_renewals"))
            .defer("wording", "failure_reason", "revoked_reason")
            .order_by("pk")
        )
        return scoped_to_organisation(certificates, request_token(self.request), "enrolment__user")

    def get_object(self) -> Certificate:
        # Codes are read back however people type them (case, dashes, O for 0).
        queryset = self.filter_queryset(self.get_queryset())
        certificate = get_object_or_404(queryset, code=normalise_code(self.kwargs["code"]))
        self.check_object_permissions(self.request, certificate)
        return certificate


def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any other address under the API: a JSON 404, as the API's own."""
    return JsonResponse({"detail": _("Not found.")}, status=404)
