#!/usr/bin/env bash
# Start a Celery worker and the web server together; stop both on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8000}"
# Links in emails and certificate QR codes point at this server unless SITE_URL says otherwise.
export SITE_URL="${SITE_URL:-http://127.0.0.1:${port}}"

# -B runs the periodic jobs (the certificate sweep) inside this worker: fine for one machine.
.venv/bin/celery -A worker worker -B --schedule=var/celerybeat-schedule --loglevel=INFO \
  --concurrency=2 >var/worker.log 2>&1 &
worker_pid=$!
trap 'kill "$worker_pid" 2>/dev/null || true; wait "$worker_pid" 2>/dev/null || true' EXIT INT TERM

cat <<MSG

  Crisis Ready is starting at  http://127.0.0.1:${port}/
  Admin (Wagtail):             http://127.0.0.1:${port}/admin/

  Demo logins (local use only):
    admin    / crisis-ready-admin      superuser
    author   / crisis-ready-author     Course authors (write, submit for review)
    reviewer / crisis-ready-reviewer   Course reviewers (approve, publish)
    manager  / crisis-ready-manager    Programme reports (read only)
    learner  / crisis-ready-learner    learner (also on an upcoming workshop's list)
    trainer  / crisis-ready-trainer    certified facilitator: roll call and QR check-in at /workshops/
    master   / crisis-ready-master     master trainer (led the training of trainers)

  Celery worker log: var/worker.log. Stop with Ctrl-C.

MSG
.venv/bin/python manage.py runserver "127.0.0.1:${port}" --noreload
