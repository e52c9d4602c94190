"""The cascade of trainers: who trained whom from a master trainer, the cohorts they ran and
the responders they reached, by country; the staff's report page and its CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blended.cascade import Reach, cascade
from blended.models import Cohort, Participant, QualificationLevel
from blended.qualifications import grant_master
from tests.staff import learner, staff_in_group
from tests.test_blended_qualifications import cohort, complete, qualified

pytestmark = pytest.mark.django_db

START = date.today() - timedelta(days=300)


def walk_ins(cohort_: Cohort, number: int, prefix: str) -> None:
    Participant.objects.bulk_create(
        Participant(cohort=cohort_, name=f"{prefix} {n}") for n in range(number)
    )


@pytest.fixture
def three_levels() -> dict:
    """M (a master) leads the trainers' cohort T1 in Kenya, training A and B; staff make A a
    master; A leads the trainers' cohort T2 in Uganda, training C. A and B lead learners'
    cohorts in Kenya, C and M in Uganda. P, who has an account, is in three of them."""
    staff = learner("staff")
    m = qualified("m", QualificationLevel.MASTER)
    a, b, c = (learner(name, full_name=f"Trainer {name.upper()}") for name in "abc")
    t1 = cohort(Cohort.Kind.TRAINERS, START, leads=[m], name="T1", country="KE")
    complete(t1, a, m)
    complete(t1, b, m)
    grant_master(a, by=staff, reason="Trains trainers in the region.")
    t2 = cohort(Cohort.Kind.TRAINERS, START + timedelta(60), leads=[a], name="T2", country="UG")
    complete(t2, c, a)

    p = learner("p")
    learners = {
        "L0": (m, "UG", 2, False),
        "L1": (a, "KE", 6, True),
        "L2": (b, "KE", 3, True),
        "L3": (c, "UG", 5, True),
    }
    made = {"T1": t1, "T2": t2}
    for day, (name, (lead, country, walk_in_count, with_p)) in enumerate(learners.items()):
        made[name] = cohort(
            Cohort.Kind.LEARNERS,
            START + timedelta(100 + day),
            leads=[lead],
            name=name,
            country=country,
        )
        walk_ins(made[name], walk_in_count, name)
        if with_p:
            Participant.objects.create(cohort=made[name], user=p, name="P")
    return {"m": m, "a": a, "b": b, "c": c, "p": p, **made}


def shape(node) -> tuple:
    """A trainer node as (username, generation, trained in, [(cohort, people)], [trainees])."""
    return (
        node.user.username,
        node.generation,
        node.trained_in.name if node.trained_in else None,
        [(reach.cohort.name, reach.people) for reach in node.cohorts],
        [shape(trainee) for trainee in node.trainees],
    )


def test_a_three_level_cascade_is_counted_right(three_levels):
    result = cascade(three_levels["m"])

    assert shape(result.root) == (
        "m",
        0,
        None,
        [("T1", 2), ("L0", 2)],
        [
            ("a", 1, "T1", [("T2", 1), ("L1", 7)], [("c", 2, "T2", [("L3", 6)], [])]),
            ("b", 1, "T1", [("L2", 4)], []),
        ],
    )
    # Kenya: T1 trained A and B; L1 and L2 reached 6 + 3 walk-ins and P. Uganda: T2 trained
    # C; L0 and L3 reached 2 + 5 walk-ins and P. P is counted once in the total.
    assert result.countries == [
        Reach("KE", trainers_trained=2, trainers_cohorts=1, learners_cohorts=2, responders=10),
        Reach("UG", trainers_trained=1, trainers_cohorts=1, learners_cohorts=2, responders=8),
    ]
    assert result.total == Reach(
        "", trainers_trained=3, trainers_cohorts=2, learners_cohorts=4, responders=17
    )


def test_a_cascade_from_a_lower_trainer_counts_only_their_branch(three_levels):
    result = cascade(three_levels["a"])
    assert [node.user.username for node in result.trainers()] == ["a", "c"]
    assert result.total == Reach(
        "", trainers_trained=1, trainers_cohorts=1, learners_cohorts=2, responders=12
    )


def test_someone_trained_twice_or_training_their_trainer_is_placed_once(three_levels):
    m, c = three_levels["m"], three_levels["c"]
    # C also completes a trainers' cohort led by M, and then trains M.
    complete(cohort(Cohort.Kind.TRAINERS, START + timedelta(200), [m], name="T3"), c, m)
    grant_master(c, by=three_levels["a"], reason="Ready to train trainers.")
    complete(cohort(Cohort.Kind.TRAINERS, START + timedelta(250), [c], name="T4"), m, c)

    result = cascade(m)

    usernames = [node.user.username for node in result.trainers()]
    assert sorted(usernames) == ["a", "b", "c", "m"]
    c_node = next(node for node in result.trainers() if node.user == c)
    assert (c_node.generation, c_node.trained_in.name) == (1, "T3")
    assert result.total.trainers_trained == 3
    assert result.total.trainers_cohorts == 4


def test_the_number_of_queries_does_not_grow_with_the_cascade(three_levels):
    with CaptureQueriesContext(connection) as small:
        cascade(three_levels["m"])

    d = learner("d")
    complete(three_levels["T2"], d, three_levels["a"])
    more = cohort(Cohort.Kind.LEARNERS, START + timedelta(150), [d], name="L4", country="TZ")
    walk_ins(more, 40, "L4")
    walk_ins(three_levels["L1"], 30, "L1b")

    with CaptureQueriesContext(connection) as large:
        result = cascade(three_levels["m"])
    assert result.total.responders == 17 + 40 + 30
    assert len(large.captured_queries) == len(small.captured_queries) <= 5


def report(client, trainer, **params):
    return client.get(reverse("reports:cascade"), {"trainer": trainer.pk, **params})


def test_the_report_shows_the_tree_and_the_totals_with_small_counts_hidden(client, three_levels):
    client.force_login(staff_in_group("Analysts", "view_reports"))

    page = client.get(reverse("reports:cascade"))
    assert page.status_code == 200
    assert "Trainer A" in page.text  # A master trainer to choose

    response = report(client, three_levels["m"])
    assert response.status_code == 200
    root = response.context["root"]
    assert [trainee.name for trainee in root.trainees] == ["Trainer A", "Trainer B"]
    assert [trainee.name for trainee in root.trainees[0].trainees] == ["Trainer C"]
    assert 'aria-label="Trainers trained by Trainer A"' in response.text
    assert "fewer than 5 people took part" in response.text  # L0 and L2
    assert "7 people took part" in response.text  # L1
    assert response.context["tables"]["countries"].text_rows() == [
        ["Kenya", "fewer than 5", "1", "2", "10"],
        ["Uganda", "fewer than 5", "1", "2", "8"],
        ["All countries", "fewer than 5", "2", "4", "17"],
    ]


def test_the_report_downloads_as_csv_with_the_same_figures(client, three_levels):
    client.force_login(staff_in_group("Analysts", "view_reports"))

    response = report(client, three_levels["m"], format="csv")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["Kenya", "fewer than 5", "1", "2", "10"] in rows
    assert ["All countries", "fewer than 5", "2", "4", "17"] in rows
    assert ["Generation 2: Trainer C, L3 (Uganda)", "6"] in rows


def test_the_report_is_forbidden_without_the_permission(client, three_levels):
    client.force_login(staff_in_group("Certificate viewers", "view_certificate"))
    assert report(client, three_levels["m"]).status_code == 403
    assert report(client, three_levels["m"], format="csv").status_code == 403
    client.logout()
    assert report(client, three_levels["m"]).status_code == 302
