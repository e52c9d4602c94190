"""The load-test data set: courses, learners and their activity at realistic volume.

`load(scale=...)` creates whatever is missing; `manage.py load_bench_data` is its command.
"""

from .loader import StageResult, load
from .plan import Plan

__all__ = ["Plan", "StageResult", "load"]
