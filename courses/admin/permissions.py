"""Permissions that the admin's read-mostly viewsets register for groups."""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet


def model_permissions(model: type[Model], actions: tuple[str, ...]) -> QuerySet[Permission]:
    """The permissions of `model` for `actions`, for a read-mostly viewset to register."""
    return Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        codename__in=[get_permission_codename(action, model._meta) for action in actions],
    )
