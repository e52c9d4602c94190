"""A file storage that misbehaves on purpose, for the fault tests of certificate issuing.

Test settings choose it with `TEST_STORAGE_BACKEND=tests.fault_storage.FaultStorage` (a worker
started by tests/test_certificate_faults.py gets that in its environment). It is Django's
FileSystemStorage, except that each save obeys these environment variables:

- `FAULT_STORAGE_FAIL_TIMES=K`: the first K saves, counted across processes, raise OSError,
  as a full disk or an unmounted share would (a transient error: the task retries);
- `FAULT_STORAGE_PERMANENT=1`: every save raises ValueError (not transient: never retried);
- `FAULT_STORAGE_SLEEP=N`: a save writes the file, then sleeps N seconds before returning, so a
  test can kill the worker while the file is written and the transaction still open.

Every save is written to a journal in `FAULT_STORAGE_STATE_DIR`, which outlives the worker
processes: a killed worker and its replacement count together, and the test reads it.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

from django.core.files.storage import FileSystemStorage

JOURNAL = "saves.log"


def state_dir() -> Path:
    folder = os.environ.get("FAULT_STORAGE_STATE_DIR")
    if not folder:
        raise RuntimeError("FaultStorage needs FAULT_STORAGE_STATE_DIR, shared with the test.")
    return Path(folder)


@contextmanager
def locked_journal():
    """The journal's lines so far, with a lock held so two processes cannot both fail 'first'."""
    folder = state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield read_journal(folder)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def record(outcome: str, name: str) -> None:
    with (state_dir() / JOURNAL).open("a") as journal:
        journal.write(f"{os.getpid()} {outcome} {name}\n")


def read_journal(folder: Path) -> list[str]:
    """Outcomes of the saves so far, oldest first: "failed", "permanent", "saved", "slept"."""
    path = Path(folder) / JOURNAL
    if not path.exists():
        return []
    return [line.split()[1] for line in path.read_text().splitlines() if line.strip()]


class FaultStorage(FileSystemStorage):
    def _save(self, name, content):
        with locked_journal() as outcomes:
            if os.environ.get("FAULT_STORAGE_PERMANENT") == "1":
                record("permanent", name)
                raise ValueError(f"FaultStorage refuses {name} (permanent fault)")
            fail_times = int(os.environ.get("FAULT_STORAGE_FAIL_TIMES") or 0)
            if outcomes.count("failed") < fail_times:
                record("failed", name)
                raise OSError(f"FaultStorage failed to save {name} (transient fault)")
            saved = super()._save(name, content)
            record("saved", name)
        pause = float(os.environ.get("FAULT_STORAGE_SLEEP") or 0)
        if pause:
            record("slept", name)
            time.sleep(pause)
        return saved
