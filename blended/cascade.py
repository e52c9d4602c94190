"""Who trained whom: the cascade of trainers from one trainer (usually a master trainer), the
cohorts each of them led, and the people those cohorts reached, with totals by country.

A person's trainers are the lead facilitators of the trainers' cohort a qualification of
theirs came from (`FacilitatorQualification.trained_in`). The cascade of a root trainer is
everyone they trained, everyone those people trained, and so on; a person reached twice (say,
trained in two cohorts) is placed once, where they were first reached, generation by
generation, and a circle (someone training their own trainer) stops there.

Everything is read in five queries whatever the size of the cascade, then built in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from blended.models import Cohort, Facilitator, FacilitatorQualification, Participant


@dataclass
class CohortReach:
    """A cohort a trainer led and how many people took part in it."""

    cohort: Cohort
    people: int

    @property
    def is_trainers(self) -> bool:
        return self.cohort.kind == Cohort.Kind.TRAINERS


@dataclass
class TrainerNode:
    """One trainer in the cascade: generation 0 is the root, 1 the people the root trained."""

    user: AbstractBaseUser
    generation: int
    trained_in: Cohort | None = None
    cohorts: list[CohortReach] = field(default_factory=list)
    trainees: list[TrainerNode] = field(default_factory=list)

    def walk(self) -> Iterator[TrainerNode]:
        """This trainer, then everyone below, depth first."""
        yield self
        for trainee in self.trainees:
            yield from trainee.walk()


@dataclass
class Reach:
    """Totals for one country (`country` is its code) or, with `country` empty, for all.
    People are counted once: a responder in two cohorts of a country is one responder."""

    country: str = ""
    trainers_trained: int = 0
    trainers_cohorts: int = 0
    learners_cohorts: int = 0
    responders: int = 0


@dataclass
class Cascade:
    root: TrainerNode
    #: By country code, in code order. A person counts in each country they were reached
    #: in, and once in `total`, so the countries may add up to more than the total.
    countries: list[Reach]
    total: Reach

    def trainers(self) -> list[TrainerNode]:
        return list(self.root.walk())


def _person(participant_id: int, user_id: int | None) -> tuple[str, int]:
    """One key per person: their account, or the participation of a walk-in."""
    return ("user", user_id) if user_id is not None else ("walk-in", participant_id)


def cascade(root: AbstractBaseUser) -> Cascade:
    """The cascade below `root`: the tree of trainers and what they ran and reached, and the
    totals by the country of each cohort. Reads only; five queries however large it is."""
    # Who led which trainers' cohort, and who was trained in which: the whole graph of
    # training of trainers, two small queries (one row per lead and per trainee).
    cohorts_led_for_trainers: dict[int, set[int]] = defaultdict(set)
    for user_id, cohort_id in Facilitator.objects.filter(
        role=Facilitator.Role.LEAD, cohort__kind=Cohort.Kind.TRAINERS
    ).values_list("user_id", "cohort_id"):
        cohorts_led_for_trainers[user_id].add(cohort_id)
    trained_in: dict[int, set[int]] = defaultdict(set)
    for user_id, cohort_id in (
        FacilitatorQualification.objects.filter(trained_in__isnull=False)
        .values_list("user_id", "trained_in_id")
        .distinct()
    ):
        trained_in[cohort_id].add(user_id)

    # Generation by generation: who is in the cascade, and through which cohort.
    placed: dict[int, tuple[int, int | None, int | None]] = {root.pk: (0, None, None)}
    trained_pairs: set[tuple[int, int]] = set()  # (cohort, trainee) inside the cascade
    generation = [root.pk]
    depth = 0
    while generation:
        depth += 1
        following = []
        for trainer_id in generation:
            for cohort_id in sorted(cohorts_led_for_trainers[trainer_id]):
                for trainee_id in sorted(trained_in[cohort_id]):
                    if trainee_id == root.pk:
                        continue
                    trained_pairs.add((cohort_id, trainee_id))
                    if trainee_id not in placed:
                        placed[trainee_id] = (depth, trainer_id, cohort_id)
                        following.append(trainee_id)
        generation = following

    users = get_user_model().objects.in_bulk(list(placed))
    leads = list(
        Facilitator.objects.filter(role=Facilitator.Role.LEAD, user_id__in=list(placed))
        .select_related("cohort")
        .order_by("cohort__starts_on", "cohort__name", "cohort_id")
    )
    cohorts = {lead.cohort_id: lead.cohort for lead in leads}
    people_in: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for participant_id, user_id, cohort_id in Participant.objects.filter(
        cohort_id__in=list(cohorts)
    ).values_list("pk", "user_id", "cohort_id"):
        people_in[cohort_id].add(_person(participant_id, user_id))

    nodes = {
        user_id: TrainerNode(users[user_id], depth, cohorts.get(cohort_id) if cohort_id else None)
        for user_id, (depth, _trainer, cohort_id) in placed.items()
    }
    for lead in leads:
        nodes[lead.user_id].cohorts.append(CohortReach(lead.cohort, len(people_in[lead.cohort_id])))
    for user_id, (_depth, trainer_id, _cohort) in placed.items():
        if trainer_id is not None:
            nodes[trainer_id].trainees.append(nodes[user_id])
    for node in nodes.values():
        node.trainees.sort(key=lambda trainee: (str(trainee.user).lower(), trainee.user.pk))

    return Cascade(nodes[root.pk], *_totals(cohorts, people_in, trained_pairs))


def _totals(
    cohorts: dict[int, Cohort],
    people_in: dict[int, set[tuple[str, int]]],
    trained_pairs: set[tuple[int, int]],
) -> tuple[list[Reach], Reach]:
    """By country, and overall: each person and each cohort counted once."""
    trainees: dict[str, set[int]] = defaultdict(set)
    responders: dict[str, set[tuple[str, int]]] = defaultdict(set)
    counts: dict[str, Reach] = {}
    for cohort in cohorts.values():
        country = str(cohort.country)
        reach = counts.setdefault(country, Reach(country))
        if cohort.kind == Cohort.Kind.TRAINERS:
            reach.trainers_cohorts += 1
        else:
            reach.learners_cohorts += 1
            responders[country] |= people_in[cohort.pk]
    for cohort_id, trainee_id in trained_pairs:
        trainees[str(cohorts[cohort_id].country)].add(trainee_id)
    for country, reach in counts.items():
        reach.trainers_trained = len(trainees[country])
        reach.responders = len(responders[country])
    total = Reach(
        trainers_trained=len({trainee for _cohort, trainee in trained_pairs}),
        trainers_cohorts=sum(reach.trainers_cohorts for reach in counts.values()),
        learners_cohorts=sum(reach.learners_cohorts for reach in counts.values()),
        responders=len(set().union(*responders.values())),
    )
    return [counts[code] for code in sorted(counts)], total
