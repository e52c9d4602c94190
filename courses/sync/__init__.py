"""Offline sync: what learners did without a connection, sent later as one batch.

`batch` checks a batch's shape before anything is written; `outbox` applies it, each item
once, through the same domain functions as the online forms (`completion.complete_lesson`,
`assessment.attempts.submit_attempt`); `offline` packs a quiz attempt to take offline.
"""
