"""The endpoint a facilitator's phone sends its offline roll call to, from the outbox it
shares with the learner pages (`training/static/js/offline.js`).

`POST sync/` (CSRF header `X-CSRFToken`) takes `{"items": [...]}` (`blended.offline_sync`)
and answers as `POST /learn/sync/` does: 200 `{"results": [...]}`, one final result per item
in order; 400 `{"errors": [...]}` for a malformed batch, nothing written; 401
`{"login_url": ...}` when the session has expired, so the phone keeps its outbox.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from blended.offline_sync import parse_batch, sync_marks
from courses.sync.batch import BatchInvalid
from courses.views.sync import login_needed


@never_cache
@require_POST
def sync_view(request: HttpRequest) -> JsonResponse:
    if not request.user.is_authenticated:
        return login_needed(request)
    try:
        items = parse_batch(request.body)
    except BatchInvalid as error:
        return JsonResponse({"errors": error.errors}, status=400)
    return JsonResponse({"results": sync_marks(request.user, items, timezone.now())})
