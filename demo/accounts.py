"""Demo accounts for local use only. The README lists these logins; production never has them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import CoursePage, Enrolment

#: A demo group: reads reports, enrolments and certificates in the admin, changes nothing.
MANAGERS = "Programme managers"
MANAGER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("reports", "view_reports"),
    ("courses", "view_enrolment"),
    ("certificates", "view_certificate"),
]

# Local-only demo passwords, printed by `make run` and listed in the README.
DEMO_ACCOUNTS = [
    # username, password, groups, is_superuser, full name
    ("admin", "crisis-ready-admin", [], True, "Ada Admin"),
    ("author", "crisis-ready-author", ["Course authors"], False, "Amal Author"),
    ("reviewer", "crisis-ready-reviewer", ["Course reviewers"], False, "Rafael Reviewer"),
    ("manager", "crisis-ready-manager", [MANAGERS], False, "Maya Manager"),
    ("learner", "crisis-ready-learner", [], False, "Lina Learner"),
    # Blended training: a master trainer, and a certified trainer they trained.
    ("master", "crisis-ready-master", [], False, "Miriam Master"),
    ("trainer", "crisis-ready-trainer", [], False, "Tariq Trainer"),
]


def ensure_demo_accounts() -> list[str]:
    """Create the demo accounts that do not exist yet; return the usernames created."""
    ensure_managers_group()
    user_model = get_user_model()
    created = []
    for username, password, group_names, is_superuser, full_name in DEMO_ACCOUNTS:
        if user_model.objects.filter(username=username).exists():
            continue
        first_name, last_name = full_name.split(" ", 1)
        user = user_model.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=password,
            first_name=first_name,
            last_name=last_name,
            full_name=full_name,
            is_staff=is_superuser,
            is_superuser=is_superuser,
        )
        user.groups.set(Group.objects.filter(name__in=group_names))
        created.append(username)
    return created


def ensure_managers_group() -> Group:
    group, _ = Group.objects.get_or_create(name=MANAGERS)
    for app_label, codename in MANAGER_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


def give_demo_learner_some_progress(lessons_done: int = 2) -> None:
    """Enrol the demo learner in the first demo course with a few lessons done, so a newcomer
    logging in as them sees a dashboard that is already lived in. Idempotent."""
    learner = get_user_model().objects.get(username="learner")
    course = CoursePage.objects.live().order_by("path").first()
    if course is None or Enrolment.objects.filter(user=learner).exists():
        return
    enrol(learner, course)
    for lesson in course.get_lessons()[:lessons_done]:
        complete_lesson(learner, lesson)
