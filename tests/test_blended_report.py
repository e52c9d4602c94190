"""The blended programme report (issue 15): every section's figures on a known data set worked
out by hand, the small-cell rule on the page and in the CSV and XLSX downloads, who may see
it, and a number of queries that does not grow with participants or sessions.

The known data set: programme "Shelter workshop" on the course "Shelter management", which
has a pre-test and a post-test. Its cohorts, in the period from 1 January 2026 (no end):

- Ankara (Türkiye), 3–5 September 2026: sessions Day 1, Day 2 and Day 3 (optional);
- Nairobi (Kenya), 1–2 October 2026: sessions Day 1 and Day 2;
- Kampala (Uganda), March 2031: one session, not held yet.

Outside it: an Istanbul cohort in 2025 and a cohort of another programme.

| who | cohort | account | gender (consent) | organisation | days 1, 2, 3 | pre → post | cert. |
|---|---|---|---|---|---|---|---|
| a1 | Ankara | yes | woman (yes) | Red Crescent | P P P | 40 → 70 | issued |
| a2 | Ankara | yes | woman (yes) | " Red Crescent " | P L E | 50 → 90 | replaced, issued |
| a3 | Ankara | yes | man (yes) | Red Crescent | A then L, P | 60 → 60 | pending |
| a4 | Ankara | yes | woman (no) | AFAD | A P | 20 → (open) | – |
| a5 | Ankara | walk-in | man (yes) | AFAD | P A | – | issued |
| a6 | Ankara | walk-in | – | – | E | – | – |
| a7 | Ankara | yes | prefer not (yes) | Red Crescent | P P | – → 80 | – |
| a8 | Ankara (added on day 1) | yes | another (yes) | Red Crescent | P P | – | – |
| b1 | Nairobi | yes | woman (yes) | Kenya Red Cross | P P | 30 → 80 | issued |
| b2 | Nairobi | yes | man (yes) | Kenya Red Cross | P L | 50, 70 → 40, 50 | – |
| b3 | Nairobi | yes | man (yes) | Kenya Red Cross | A A | – | – |
| b4 | Nairobi | walk-in | woman (yes) | – | P | – | – |
| b5 | Nairobi | walk-in | – | =HYPERLINK("x") | P P | – | revoked |
| k1, k2 | Kampala | walk-in | k1 woman (yes) | – | – | – | – |

Facilitators: Ayşe Demir leads Ankara and Nairobi; Brian Otieno co-facilitates Ankara and
observes Nairobi; Chloé Martin leads Kampala (and the 2025 cohort, outside the period).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from urllib.parse import urlencode

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blended.attendance import record_mark
from blended.models import (
    AttendanceMark,
    Cohort,
    Facilitator,
    Participant,
    Programme,
    TrainingSession,
)
from blended.rules import ATTENDANCE, progress_towards_completion
from certificates.models import Certificate
from courses.models import CoursePage, ModulePage, QuizAttempt, QuizPage
from reports.blended import blended_report
from reports.blended_sessions import facilitator_load
from reports.cells import Cell
from tests.factories import QuizPageFactory
from tests.staff import learner, staff_in_group

Status = Certificate.Status
REPORT = "/admin/reports/blended/"
FROM_2026 = {"start": "2026-01-01"}


def at(when: str) -> datetime:
    """ "2026-09-03" (at 09:00) or "2026-09-03 12:00", in UTC."""
    moment = datetime.fromisoformat(when if " " in when else f"{when} 09:00")
    return moment.replace(tzinfo=UTC)


def cohort_of(programme, name, country, first: str, last: str, sessions=()) -> Cohort:
    """A cohort with `sessions`: (title, start, required)."""
    cohort = Cohort.objects.create(
        programme=programme,
        name=name,
        starts_on=date.fromisoformat(first),
        ends_on=date.fromisoformat(last),
        language="en",
        country=country,
        place=name.split(",")[0],
    )
    for title, starts, required in sessions:
        TrainingSession.objects.create(
            cohort=cohort, title=title, starts_at=at(starts), required=required
        )
    return cohort


def participant(cohort, name, *, account=True, added="2026-01-01", **fields) -> Participant:
    user = learner(name) if account else None
    made = Participant.objects.create(cohort=cohort, user=user, name=name, **fields)
    Participant.objects.filter(pk=made.pk).update(added_at=at(added))
    made.refresh_from_db()
    return made


def marks(who: Participant, *statuses: str, minutes: int = 0) -> None:
    """The statuses at the cohort's sessions in order ("" for none), by roll call."""
    sessions = who.cohort.sessions.order_by("starts_at")
    for session, status in zip(sessions, statuses, strict=False):
        if status:
            record_mark(
                who,
                session,
                status,
                by=None,
                marked_at=session.starts_at.replace(minute=minutes),
                source=AttendanceMark.Source.ROLL_CALL,
            )


def attempt(who: Participant, quiz: QuizPage, percent, submitted=True) -> None:
    number = QuizAttempt.objects.filter(user=who.user, quiz_key=quiz.translation_key).count() + 1
    QuizAttempt.objects.create(
        user=who.user,
        quiz_key=quiz.translation_key,
        course_key=quiz.get_parent().get_parent().translation_key,
        number=number,
        seed=number,
        questions=[],
        pass_mark=50,
        status=QuizAttempt.Status.SUBMITTED if submitted else QuizAttempt.Status.IN_PROGRESS,
        submitted_at=at("2026-09-06") if submitted else None,
        percent=Decimal(percent) if submitted else None,
        score=Decimal(percent) / 10 if submitted else None,
        max_score=Decimal(10),
    )


def certificate(who: Participant, status: str) -> Certificate:
    return Certificate.objects.create(
        participant=who,
        status=status,
        learner_name=who.name,
        course_title="Shelter management",
        course_phase="response",
        completed_at=at("2026-09-06"),
        organisation="Crisis Ready",
    )


def pre_and_post_of(course: CoursePage) -> tuple[QuizPage, QuizPage]:
    module = ModulePage.objects.child_of(course).order_by("path").first()
    return (
        QuizPage.objects.child_of(module).get(purpose=QuizPage.Purpose.PRE_TEST),
        QuizPage.objects.child_of(module).get(purpose=QuizPage.Purpose.POST_TEST),
    )


def known_data_set(course: CoursePage, other_course: CoursePage) -> Programme:
    """The programme, cohorts, participants and facilitators of the table above."""
    module = ModulePage.objects.child_of(course).order_by("path").first()
    pre = QuizPageFactory(parent=module, title="Before", purpose=QuizPage.Purpose.PRE_TEST)
    post = QuizPageFactory(parent=module, title="After", purpose=QuizPage.Purpose.POST_TEST)
    programme = Programme.objects.create(name="Shelter workshop", course_key=course.translation_key)
    ankara = cohort_of(
        programme,
        "Ankara, September",
        "TR",
        "2026-09-03",
        "2026-09-05",
        [
            ("Day 1", "2026-09-03", True),
            ("Day 2", "2026-09-04", True),
            ("Day 3", "2026-09-05", False),
        ],
    )
    nairobi = cohort_of(
        programme,
        "Nairobi, October",
        "KE",
        "2026-10-01",
        "2026-10-02",
        [("Day 1", "2026-10-01", True), ("Day 2", "2026-10-02", True)],
    )
    kampala = cohort_of(
        programme,
        "Kampala, March",
        "UG",
        "2031-03-01",
        "2031-03-01",
        [("Day 1", "2031-03-01", True)],
    )
    istanbul = cohort_of(
        programme,
        "Istanbul, 2025",
        "TR",
        "2025-05-01",
        "2025-05-02",
        [("Day 1", "2025-05-01", True)],
    )
    other = cohort_of(
        Programme.objects.create(
            name="First aid workshop", course_key=other_course.translation_key
        ),
        "Elsewhere",
        "KE",
        "2026-09-03",
        "2026-09-03",
        [("Day 1", "2026-09-03", True)],
    )

    woman = {"gender": "woman", "consented": True}
    man = {"gender": "man", "consented": True}
    a1 = participant(ankara, "a1", organisation="Red Crescent", **woman)
    marks(a1, "present", "present", "present")
    attempt(a1, pre, 40)
    attempt(a1, post, 70)
    certificate(a1, Status.ISSUED)
    a2 = participant(ankara, "a2", organisation=" Red Crescent ", **woman)
    marks(a2, "present", "late", "excused")
    attempt(a2, pre, 50)
    attempt(a2, post, 90)
    certificate(a2, Status.REPLACED)
    certificate(a2, Status.ISSUED)
    a3 = participant(ankara, "a3", organisation="Red Crescent", **man)
    marks(a3, "absent")
    marks(a3, "late", "present", minutes=30)  # the later mark stands
    attempt(a3, pre, 60)
    attempt(a3, post, 60)
    certificate(a3, Status.PENDING)
    a4 = participant(ankara, "a4", organisation="AFAD", gender="woman", consented=False)
    marks(a4, "absent", "present")
    attempt(a4, pre, 20)
    attempt(a4, post, None, submitted=False)
    a5 = participant(ankara, "a5", account=False, organisation="AFAD", **man)
    marks(a5, "present", "absent")
    certificate(a5, Status.ISSUED)
    a6 = participant(ankara, "a6", account=False)
    marks(a6, "excused")
    a7 = participant(ankara, "a7", organisation="Red Crescent", gender="prefer_not", consented=True)
    marks(a7, "present", "present")
    attempt(a7, post, 80)
    a8 = participant(
        ankara,
        "a8",
        added="2026-09-03 12:00",
        organisation="Red Crescent",
        gender="another",
        consented=True,
    )
    marks(a8, "present", "present")

    b1 = participant(nairobi, "b1", organisation="Kenya Red Cross", **woman)
    marks(b1, "present", "present")
    attempt(b1, pre, 30)
    attempt(b1, post, 80)
    certificate(b1, Status.ISSUED)
    b2 = participant(nairobi, "b2", organisation="Kenya Red Cross", **man)
    marks(b2, "present", "late")
    for percent in (50, 70):
        attempt(b2, pre, percent)  # the first counts
    for percent in (40, 50):
        attempt(b2, post, percent)  # the best counts
    b3 = participant(nairobi, "b3", organisation="Kenya Red Cross", **man)
    marks(b3, "absent", "absent")
    b4 = participant(nairobi, "b4", account=False, **woman)
    marks(b4, "present")
    b5 = participant(nairobi, "b5", account=False, organisation='=HYPERLINK("x")')
    marks(b5, "present", "present")
    certificate(b5, Status.REVOKED)

    participant(kampala, "k1", account=False, **woman)
    participant(kampala, "k2", account=False)

    old = participant(istanbul, "old", organisation="Red Crescent", **woman)
    marks(old, "present")
    certificate(old, Status.ISSUED)
    elsewhere = participant(other, "elsewhere", organisation="Red Crescent", **woman)
    marks(elsewhere, "present")
    certificate(elsewhere, Status.ISSUED)

    ayse = learner("ayse", full_name="Ayşe Demir")
    brian = learner("brian", full_name="Brian Otieno")
    chloe = learner("chloe", full_name="Chloé Martin")
    Role = Facilitator.Role
    for cohort, user, role in [
        (ankara, ayse, Role.LEAD),
        (nairobi, ayse, Role.LEAD),
        (ankara, brian, Role.CO_FACILITATOR),
        (nairobi, brian, Role.OBSERVER),
        (kampala, chloe, Role.LEAD),
        (istanbul, chloe, Role.LEAD),
        (other, brian, Role.LEAD),
    ]:
        Facilitator.objects.create(cohort=cohort, user=user, role=role)
    return programme


def more_participants(programme: Programme, how_many: int, prefix: str) -> None:
    """`how_many` more participants in Ankara, of every kind (with an account and tests, or
    walk-ins; marked at every session; certified or not), and one more session."""
    ankara = programme.cohorts.get(name="Ankara, September")
    TrainingSession.objects.create(
        cohort=ankara, title=f"{prefix} extra", starts_at=at("2026-09-05 14:00")
    )
    pre, post = pre_and_post_of(CoursePage.objects.get(translation_key=programme.course_key))
    statuses = ["present", "late", "excused", "absent"]
    for index in range(how_many):
        who = participant(
            ankara,
            f"{prefix}{index}",
            account=index % 2 == 0,
            organisation=f"{prefix} organisation {index % 7}",
            gender=["woman", "man", "another", ""][index % 4],
            consented=index % 3 != 0,
        )
        marks(who, *(statuses[(index + day) % 4] for day in range(4)))
        if who.user:
            attempt(who, pre, index % 100)
            attempt(who, post, 50 + index % 50)
        if index % 3 == 0:
            certificate(who, Status.ISSUED)


# Fixtures and helpers


@pytest.fixture
def programme(course_builder) -> Programme:
    return known_data_set(
        course_builder(title="Shelter management", modules=1, lessons_per_module=1),
        course_builder(title="First aid", modules=1, lessons_per_module=1),
    )


@pytest.fixture
def analyst(db):
    return staff_in_group("Programme analysts", "view_reports")


def report_url(programme: Programme, **filters) -> str:
    return REPORT + "?" + urlencode({"programme": programme.pk, **FROM_2026, **filters})


def values(line) -> dict:
    """A report line's figures as {name: (value, people)}, values rounded to 3 places."""
    return {
        name: (round(cell.value, 3) if isinstance(cell.value, float) else cell.value, cell.people)
        for name, cell in vars(line).items()
        if isinstance(cell, Cell)
    }


def shown(lines) -> list[tuple]:
    """(label, value…) per line, for lines of counts."""
    return [(line.label, *(value for value, _people in values(line).values())) for line in lines]


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def sheet_rows(response, sheet: str) -> list[list]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [list(row) for row in workbook[sheet].iter_rows(values_only=True)]


def page_rows(response, table: str) -> dict[str, list[str]]:
    page = BeautifulSoup(response.content, "html.parser")
    return {
        row.th.get_text(strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in page.select(f"#table-{table} tbody tr")
    }


def report_of(programme: Programme, **filters):
    return blended_report(programme, date(2026, 1, 1), **filters)


# 1. Participants


def test_participants_by_gender_count_only_consented_answers(programme):
    report = report_of(programme)

    assert report.total == Cell(15, 15)  # 8 in Ankara, 5 in Nairobi, 2 in Kampala
    assert shown(report.by_gender) == [
        ("Another gender", 1),  # a8
        ("Man", 4),  # a3, a5, b2, b3
        ("Woman", 5),  # a1, a2, b1, b4, k1; a4 said woman without consenting
        ("Not recorded", 4),  # a4, a6, b5, k2
        ("Prefer not to say", 1),  # a7
    ]


def test_participants_by_organisation_and_by_the_cohorts_country(programme):
    report = report_of(programme)

    assert shown(report.by_organisation) == [
        ('=HYPERLINK("x")', 1),
        ("AFAD", 2),
        ("Kenya Red Cross", 3),
        ("Red Crescent", 5),  # a1, " a2 " trimmed, a3, a7, a8
        ("Not given", 4),  # a6, b4, k1, k2
    ]
    assert shown(report.by_country) == [("Kenya", 5), ("Türkiye", 8), ("Uganda", 2)]


def test_the_period_and_the_cohort_choose_whole_cohorts(programme):
    up_to_2026 = blended_report(programme, date(2026, 1, 1), date(2026, 12, 31))
    since_ever = blended_report(programme)
    nairobi = programme.cohorts.get(name="Nairobi, October")
    one = report_of(programme, cohort_id=nairobi.pk)

    assert [cohort.name for cohort in up_to_2026.cohorts] == [
        "Ankara, September",
        "Nairobi, October",
    ]
    assert up_to_2026.total.value == 13
    assert since_ever.total.value == 16  # with the Istanbul participant of 2025
    assert [cohort.name for cohort in one.cohorts] == ["Nairobi, October"]
    assert shown(one.by_country) == [("Kenya", 5)]
    assert [line.label for line in one.sessions] == [
        "Day 1 (2026-10-01 09:00)",
        "Day 2 (2026-10-02 09:00)",
    ]


# 2. Attendance per session


def test_attendance_per_session_counts_the_standing_marks_of_the_expected(programme):
    report = report_of(programme)

    # (label, expected, present, late, excused, absent, not marked)
    assert shown(report.sessions) == [
        # a8 was added after Day 1 began: not expected, and counted present as they came.
        ("Ankara, September · Day 1 (2026-09-03 09:00)", 7, 5, 1, 1, 1, 0),
        # a3: absent, then late half an hour later: late stands.
        ("Ankara, September · Day 2 (2026-09-04 09:00)", 8, 5, 1, 0, 1, 1),
        ("Ankara, September · Day 3 (2026-09-05 09:00)", 8, 1, 0, 1, 0, 6),
        ("Nairobi, October · Day 1 (2026-10-01 09:00)", 5, 4, 0, 0, 1, 0),
        ("Nairobi, October · Day 2 (2026-10-02 09:00)", 5, 2, 1, 0, 1, 1),
        ("Kampala, March · Day 1 (2031-03-01 09:00)", 2, 0, 0, 0, 0, 2),
    ]


# 3. Knowledge gain per cohort


def test_knowledge_gain_per_cohort_over_participants_with_both_tests(programme):
    gain = report_of(programme).gain

    # a1 40→70, a2 50→90, a3 60→60, b1 30→80, b2 50→50 (first pre, best post); a4 has no
    # submitted post-test, a7 no pre-test, walk-ins no tests at all.
    assert values(gain.total) == {
        "learners": (5, 5),
        "mean_pre": (46.0, 5),
        "mean_post": (70.0, 5),
        "mean_gain": (24.0, 5),
        # 30/60, 40/50, 0/40, 50/70, 0/50
        "mean_normalised_gain": (0.403, 5),
    }
    ankara, nairobi, kampala = gain.groups
    assert (ankara.label, values(ankara)) == (
        "Ankara, September",
        {
            "learners": (3, 3),
            "mean_pre": (50.0, 3),
            "mean_post": (73.333, 3),
            "mean_gain": (23.333, 3),
            "mean_normalised_gain": (0.433, 3),
        },
    )
    assert values(nairobi) == {
        "learners": (2, 2),
        "mean_pre": (40.0, 2),
        "mean_post": (65.0, 2),
        "mean_gain": (25.0, 2),
        "mean_normalised_gain": (0.357, 2),
    }
    assert values(kampala)["learners"] == (0, 0)


def test_no_knowledge_gain_without_both_tests(course_builder):
    course = course_builder(title="No tests", modules=1, lessons_per_module=1)
    programme = Programme.objects.create(name="No tests", course_key=course.translation_key)

    assert blended_report(programme).gain is None


# 4. The funnel


def test_funnel_counts_each_step_per_cohort(programme):
    report = report_of(programme)

    # (label, enrolled, attended, met the attendance rule, took the post-test, certified)
    assert shown([report.funnel, *report.funnel_by_cohort]) == [
        ("All participants", 15, 11, 8, 6, 4),
        # attended: all but a6 (excused only); rule (80% of Day 1 and 2; Day 3 is optional):
        # a1, a2, a3, a7, and a8, added after Day 1 began, by Day 2 alone; post-test: a1, a2,
        # a3, a7 (a4's is open); certified: a1, a2 (once, replaced then issued), walk-in a5;
        # a3's is pending.
        ("Ankara, September", 8, 7, 5, 4, 3),
        # attended: all but b3 (absent twice); rule: b1, b2, b5 (b4 has no mark on Day 2);
        # certified: b1; b5's was revoked.
        ("Nairobi, October", 5, 4, 3, 2, 1),
        ("Kampala, March", 2, 0, 0, 0, 0),  # its session, still to come, counts as missed
    ]


@pytest.mark.parametrize(("percent", "day_2_weight"), [(80, 1), (50, 1), (50, 3), (100, 2), (0, 1)])
def test_the_attendance_rule_is_counted_as_completion_counts_it(programme, percent, day_2_weight):
    Programme.objects.filter(pk=programme.pk).update(min_attendance_percent=percent)
    TrainingSession.objects.filter(title="Day 2").update(weight=day_2_weight)
    programme.refresh_from_db()
    report = report_of(programme)

    expected = {
        cohort.name: sum(
            rule.met
            for participant in cohort.participants.all()
            for rule in progress_towards_completion(participant).rules
            if rule.rule == ATTENDANCE
        )
        if percent
        else cohort.participants.count()
        for cohort in report.cohorts
    }
    assert {
        line.label: line.met_attendance_rule.value for line in report.funnel_by_cohort
    } == expected


# 5. Facilitator load


def test_facilitator_load_by_role_sessions_held_and_people_reached(programme):
    report = report_of(programme)

    # (label, led, co-facilitated, observed, sessions, participants reached)
    assert shown(report.facilitators) == [
        ("Ayşe Demir", 2, 0, 0, 5, 13),
        # Observing Nairobi neither facilitates its sessions nor reaches its participants;
        # leading "Elsewhere", of another programme, is not counted.
        ("Brian Otieno", 0, 1, 1, 3, 8),
        ("Chloé Martin", 1, 0, 0, 0, 2),  # Kampala's session is still to come
    ]
    assert report.facilitators[2].participants_reached.suppressed
    assert not report.facilitators[0].cohorts_led.suppressed  # cohorts are not people


def test_sessions_count_once_started(programme):
    kampala = [programme.cohorts.get(name="Kampala, March")]

    before = facilitator_load(kampala, at=at("2031-03-01 08:59"))
    after = facilitator_load(kampala, at=at("2031-03-01 09:00"))

    assert (before[0].sessions.value, after[0].sessions.value) == (0, 1)


# The page, its downloads and the small-cell rule


def test_the_page_shows_every_section_with_small_cells_hidden(client, analyst, programme):
    client.force_login(analyst)

    response = client.get(report_url(programme))

    assert response.status_code == 200
    assert page_rows(response, "gender") == {
        "All participants": ["15"],
        "Another gender": ["fewer than 5"],
        "Man": ["fewer than 5"],  # 4
        "Woman": ["5"],  # 5
        "Not recorded": ["fewer than 5"],
        "Prefer not to say": ["fewer than 5"],
    }
    assert page_rows(response, "country")["Türkiye"] == ["8"]
    assert page_rows(response, "attendance")["Ankara, September · Day 1 (2026-09-03 09:00)"] == [
        "7",
        "5",
        *["fewer than 5"] * 3,
        "0",
    ]
    assert page_rows(response, "gain")["All participants"] == ["5", "46.0", "70.0", "24.0", "0.40"]
    assert page_rows(response, "gain")["Ankara, September"] == ["fewer than 5"] * 5
    assert page_rows(response, "funnel")["All participants"] == [
        "15",
        "11",
        "8",
        "6",
        "fewer than 5",
    ]
    assert page_rows(response, "facilitators") == {
        "Ayşe Demir": ["2", "0", "0", "5", "13"],
        "Brian Otieno": ["0", "1", "1", "3", "8"],
        "Chloé Martin": ["1", "0", "0", "0", "fewer than 5"],
    }
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("#funnel-desc").get_text() == (
        "Enrolled: 15; Attended: 11; Met the attendance rule: 8; Took the post-test: 6; "
        "Certified: fewer than 5."
    )
    assert page.select_one("#gain-desc").get_text().startswith("All participants: Pre-test 46.0%")
    assert not page.select("svg script, svg [style], svg [onclick]")


def test_the_csv_has_every_table_with_small_cells_hidden(client, analyst, programme):
    client.force_login(analyst)

    response = client.get(report_url(programme, format="csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    for title in (
        "Gender",
        "Organisation",
        "Country",
        "Attendance per session",
        "Knowledge gain per cohort",
        "Funnel per cohort",
        "Facilitator load",
    ):
        assert [title] in rows
    assert ["Woman", "5"] in rows
    assert ["Man", "fewer than 5"] in rows
    assert ["Red Crescent", "5"] in rows
    assert ['\'=HYPERLINK("x")', "fewer than 5"] in rows  # neutralised, as a formula would be
    assert ["All participants", "15", "11", "8", "6", "fewer than 5"] in rows
    assert [
        "Cohort",
        "Enrolled",
        "Attended a session (present or late)",
        "Met the attendance rule",
        "Took the post-test",
        "Certified",
    ] in rows
    assert ["Chloé Martin", "1", "0", "0", "0", "fewer than 5"] in rows


def test_the_xlsx_has_a_sheet_per_table_with_numbers_as_numbers(client, analyst, programme):
    client.force_login(analyst)

    response = client.get(report_url(programme, format="xlsx"))

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "gender",
        "organisation",
        "country",
        "attendance",
        "gain",
        "funnel",
        "facilitators",
    ]
    assert ["Woman", 5] in sheet_rows(response, "gender")
    assert ["Man", "fewer than 5"] in sheet_rows(response, "gender")
    assert ['\'=HYPERLINK("x")', "fewer than 5"] in sheet_rows(response, "organisation")
    assert ["All participants", 5, 46.0, 70.0, 24.0, 0.4] in sheet_rows(response, "gain")
    assert ["All participants", 15, 11, 8, 6, "fewer than 5"] in sheet_rows(response, "funnel")
    assert ["Ayşe Demir", 2, 0, 0, 5, 13] in sheet_rows(response, "facilitators")


def test_with_the_threshold_at_one_every_figure_shows(client, analyst, programme, settings):
    settings.REPORT_MIN_CELL = 1
    client.force_login(analyst)

    rows = csv_rows(client.get(report_url(programme, format="csv")))

    assert ["Man", "4"] in rows
    assert ["Ankara, September · Day 1 (2026-09-03 09:00)", "7", "5", "1", "1", "1", "0"] in rows
    assert ["Ankara, September", "3", "50.0", "73.3", "23.3", "0.43"] in rows
    assert ["All participants", "15", "11", "8", "6", "4"] in rows
    assert ["Chloé Martin", "1", "0", "0", "0", "2"] in rows


def test_one_cohort_of_the_programme_through_the_form(client, analyst, programme):
    nairobi = programme.cohorts.get(name="Nairobi, October")
    client.force_login(analyst)

    response = client.get(report_url(programme, cohort=nairobi.pk))

    assert page_rows(response, "country") == {"All participants": ["5"], "Kenya": ["5"]}
    assert list(page_rows(response, "funnel")) == ["All participants", "Nairobi, October"]


def test_a_cohort_of_another_programme_or_an_end_before_the_start_is_refused(
    client, analyst, programme
):
    elsewhere = Cohort.objects.get(name="Elsewhere")
    client.force_login(analyst)

    other = client.get(report_url(programme, cohort=elsewhere.pk))
    backwards = client.get(report_url(programme, start="2026-12-01", end="2026-01-01"))

    assert "This cohort is not in the chosen programme." in other.content.decode()
    assert "must not be before its start" in backwards.content.decode()
    assert other.context.get("report") is None
    assert backwards.context.get("report") is None


def test_the_first_programme_shows_by_default_and_no_programme_says_so(client, analyst, db):
    client.force_login(analyst)

    assert (
        "There are no blended programmes to report on yet." in client.get(REPORT).content.decode()
    )
    Programme.objects.create(name="Alone", course_key="00000000-0000-0000-0000-000000000001")
    response = client.get(REPORT)
    assert response.status_code == 200
    assert "No cohort of this programme met in this period." in response.content.decode()


# Who may see it


@pytest.mark.parametrize("query", ["", "?format=csv", "?format=xlsx"])
def test_staff_without_the_permission_get_403(client, programme, query):
    client.force_login(staff_in_group("Course writers"))

    assert client.get(REPORT + query).status_code == 403


@pytest.mark.parametrize("query", ["", "?format=csv", "?format=xlsx"])
def test_visitors_log_in_first_and_learners_are_forbidden(client, programme, query):
    assert client.get(REPORT + query).url.startswith("/accounts/login/")
    client.force_login(learner("someone"))
    assert client.get(REPORT + query).status_code == 403


def test_staff_with_the_permission_find_it_in_the_menu(client, analyst, programme):
    client.force_login(analyst)

    assert "Blended training report" in client.get("/admin/").content.decode()
    assert "Shelter workshop" in client.get(REPORT).content.decode()


# Queries


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queries_stay_the_same_for_5_and_25_more_participants(client, analyst, programme):
    client.force_login(analyst)
    ankara = programme.cohorts.get(name="Ankara, September")
    urls = [
        report_url(programme, **extra)
        for extra in ({}, {"format": "csv"}, {"format": "xlsx"}, {"cohort": ankara.pk})
    ]
    more_participants(programme, 5, "few")
    client.get(urls[0])  # sessions, content types and permissions cached as in use
    few = [queries(client, url) for url in urls]

    more_participants(programme, 20, "many")
    many = [queries(client, url) for url in urls]

    assert many == few
