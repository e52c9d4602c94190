"""Tasks. Each takes primary keys or plain values, never model instances, and is idempotent."""

from celery import shared_task


@shared_task(name="worker.ping_worker")
def ping_worker(token: str) -> str:
    """Answer with the token: proves a worker process is consuming the queue.

    Running it twice returns the same answer and changes nothing.
    """
    return f"pong:{token}"
