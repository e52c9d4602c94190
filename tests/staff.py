"""Accounts and messages for the tests of the staff's admin views (certificates, enrolments)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages

User = get_user_model()


def learner(username: str, **fields) -> User:
    """An account named `username`, with a password and, unless given, `username@example.org`.

    A plain function, called with the names a test needs (the `learner` fixture in conftest
    is one anonymous account)."""
    fields.setdefault("email", f"{username}@example.org")
    return User.objects.create_user(username=username, password="x-Long-enough-9", **fields)


def staff_in_group(name: str, *codenames: str) -> User:
    """A staff account in a new group `name` that may use the admin and has the permissions
    named by `codenames` (of the courses, certificates and reports apps)."""
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label__in=["courses", "certificates", "reports"],
            codename__in=codenames,
        ),
    )
    user = learner(name.lower().replace(" ", "-"))
    user.groups.add(group)
    return user


def flash(response) -> list[str]:
    """The messages the response's request left for the next page, as their texts."""
    return [str(message).strip() for message in get_messages(response.wsgi_request)]
