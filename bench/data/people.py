"""The load-test learners: `bench-learner-00001` … with one shared password.

The password is hashed once and the hash reused: hashing it 20,000 times with production's
hasher would take longer than loading everything else.
"""

from __future__ import annotations

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from .plan import LEARNER_EMAIL_DOMAIN, LEARNER_PASSWORD, LEARNER_PREFIX, Plan, username
from .rows import RowWriter

FIRST_NAMES = [
    "Amina", "Luis", "Mei", "Oleksandr", "Fatima", "João", "Aisha", "Tomás", "Nadia", "Kwame",
    "Sofia", "Arash", "Leila", "Mateo", "Zainab", "Dmitri", "Grace", "Hamid", "Ines", "Yusuf",
]  # fmt: skip
LAST_NAMES = [
    "Haddad", "García", "Chen", "Kovalenko", "Diallo", "Silva", "Okafor", "Rahimi", "Novak",
    "Mensah", "Rossi", "Hosseini", "Traoré", "Ivanova", "Mwangi", "Nguyen", "Yilmaz", "Dubois",
]  # fmt: skip
ORGANISATIONS = [
    "City fire service", "Regional civil protection", "Red Crescent branch", "Municipal council",
    "Consulate general", "Migrant workers' association", "Border police", "Ambulance service",
    "Community shelter network", "International relief agency",
]  # fmt: skip
COUNTRIES = ["PT", "LB", "TR", "UA", "KE", "MX", "PH", "SN", "JO", "CO", "BD", "GR"]

USER_FIELDS = [
    "password",
    "is_superuser",
    "username",
    "first_name",
    "last_name",
    "email",
    "is_staff",
    "is_active",
    "date_joined",
    "full_name",
    "organisation",
    "role",
    "country",
    "preferred_language",
    "gender",
    "work_role",
]
# Given by most learners, so that reports have groups to break down by.
GENDERS = ["woman", "man", "woman", "man", "", "prefer_not"]
WORK_ROLES = [
    "first_responder",
    "emergency_manager",
    "consular",
    "local_authority",
    "civil_society",
    "international",
    "",
]


def learner_row(number: int, password_hash: str, joined) -> tuple:
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    last = LAST_NAMES[(number // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return (
        password_hash,
        False,
        username(number),
        first,
        last,
        f"{username(number)}@{LEARNER_EMAIL_DOMAIN}",
        False,
        True,
        joined - timedelta(minutes=number),
        f"{first} {last}",
        ORGANISATIONS[number % len(ORGANISATIONS)],
        "",
        COUNTRIES[number % len(COUNTRIES)],
        "",
        GENDERS[number % len(GENDERS)],
        WORK_ROLES[number % len(WORK_ROLES)],
    )


def learner_ids() -> dict[int, int]:
    """Learner number → user id, for the learners that exist."""
    rows = get_user_model().objects.filter(username__startswith=LEARNER_PREFIX)
    return {
        int(name.removeprefix(LEARNER_PREFIX)): pk
        for name, pk in rows.values_list("username", "pk")
    }


def ensure_learners(plan: Plan, writer: RowWriter) -> int:
    """Create the learners that do not exist yet, each with a verified primary email
    address as a sign-up leaves it. Returns how many learners were created."""
    existing = learner_ids()
    missing = [n for n in range(1, plan.learners + 1) if n not in existing]
    if missing:
        password_hash = make_password(LEARNER_PASSWORD)
        joined = timezone.now() - timedelta(days=180)
        writer.insert(
            get_user_model(),
            USER_FIELDS,
            (learner_row(number, password_hash, joined) for number in missing),
        )
    ids = learner_ids() if missing else existing
    with_address = set(
        EmailAddress.objects.filter(user__username__startswith=LEARNER_PREFIX).values_list(
            "user_id", flat=True
        )
    )
    writer.insert(
        EmailAddress,
        ["user_id", "email", "verified", "primary"],
        (
            (pk, f"{username(number)}@{LEARNER_EMAIL_DOMAIN}", True, True)
            for number, pk in ids.items()
            if pk not in with_address
        ),
    )
    return len(missing)
