"""Blended training's records: programmes on a course, cohorts that meet in workshops, their
sessions, facilitators and participants (`cohorts`, `participants`); attendance
(`attendance`); facilitator qualifications and co-facilitated sessions (`qualifications`).

These are operational records, not pages: staff manage them through Wagtail viewsets. Every
model is re-exported here, so `from blended.models import Cohort` works from anywhere.
"""

from blended.models.attendance import Attendance, AttendanceMark, AttendanceStatus
from blended.models.cohorts import (
    Cohort,
    Facilitator,
    Programme,
    TrainingSession,
    new_check_in_secret,
)
from blended.models.participants import Participant, new_claim_code
from blended.models.qualifications import (
    CoFacilitation,
    FacilitatorQualification,
    QualificationLevel,
)

__all__ = [
    "Attendance",
    "AttendanceMark",
    "AttendanceStatus",
    "CoFacilitation",
    "Cohort",
    "Facilitator",
    "FacilitatorQualification",
    "Programme",
    "Participant",
    "QualificationLevel",
    "TrainingSession",
    "new_check_in_secret",
    "new_claim_code",
]
